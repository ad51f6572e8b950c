import { useEffect, useState } from 'preact/hooks';
import { Field } from '../../components/Form';
import { useSaving } from '../../components/useSaving';
import { seg } from '../../lib/api';
import { useConsole } from '../../lib/context';
import type { Code } from '../../lib/model';
import { Editor, FormFooter, RowActions, useDeleting, valueOf } from './parts';

/** A code list, not-ready reasons or wrap-up dispositions: the codes with their labels, and a form for one. */
export function CodesAdmin({ kind }: { kind: 'reasons' | 'dispositions' }) {
  const { api, t } = useConsole();
  const [codes, setCodes] = useState<Code[]>([]);
  const [code, setCode] = useState('');
  const [label, setLabel] = useState('');
  const [editing, setEditing] = useState(false);
  const { errors, saved, setSaved, run, reset, refuse, fail } = useSaving();

  const load = () => api.get<Code[]>(`/v1/codes/${kind}`).then(setCodes, fail);
  useEffect(() => {
    load();
    edit(null);
  }, [kind]);

  const edit = (entry: Code | null) => {
    setCode(entry?.code ?? '');
    setLabel(entry?.label ?? '');
    setEditing(!!entry);
    reset();
  };
  const deleting = useDeleting(`/v1/codes/${kind}`, { current: code, close: () => edit(null), reload: load });

  const save = async (event: Event) => {
    event.preventDefault();
    if (!code.trim()) {
      refuse('code', t('admin.required'));
      return;
    }
    await run(['code', 'label'], async () => {
      await api.put(`/v1/codes/${kind}/${seg(code.trim())}`, { label: label.trim() });
      setEditing(true);
      load();
    });
  };

  const title = kind === 'reasons' ? t('admin.reasons') : t('admin.dispositions');
  return (
    <Editor
      title={title}
      onNew={() => edit(null)}
      list={(
        <table class="list codes-list">
          <thead><tr><th>{t('admin.code')}</th><th>{t('admin.label')}</th><th /></tr></thead>
          <tbody>
            {codes.map((entry) => (
              <tr data-code={entry.code} class={editing && entry.code === code ? 'selected' : ''}>
                <td><code>{entry.code}</code></td>
                <td>{entry.label}</td>
                <RowActions onEdit={() => edit(entry)} onDelete={() => deleting.ask(entry.code)} />
              </tr>
            ))}
            {codes.length === 0 && <tr><td colSpan={3} class="muted">{t('admin.noCodes')}</td></tr>}
          </tbody>
        </table>
      )}
      form={(
        <form class="admin-form" id="code-form" onSubmit={save} noValidate>
          <h3>{editing ? code : t('admin.newCode')}</h3>
          <Field id="code-code" label={t('admin.code')} error={errors.fields.code}>
            <input id="code-code" value={code} readOnly={editing} onInput={(e) => setCode(valueOf(e))} />
          </Field>
          <Field id="code-label" label={t('admin.label')} error={errors.fields.label}>
            <input id="code-label" value={label} onInput={(e) => {
              setLabel(valueOf(e));
              setSaved(false);
            }} />
          </Field>
          <FormFooter errors={errors} saved={saved} />
          {deleting.dialog}
        </form>
      )}
    />
  );
}

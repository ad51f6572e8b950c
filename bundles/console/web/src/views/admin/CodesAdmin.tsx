import { useEffect, useState } from 'preact/hooks';
import { Field, errorsOf, NO_ERRORS, type FormErrors } from '../../components/Form';
import { seg } from '../../lib/api';
import { useConsole } from '../../lib/context';
import type { Code } from '../../lib/model';
import { ConfirmDelete, Editor, FormFooter, valueOf } from './parts';

/** A code list, not-ready reasons or wrap-up dispositions: the codes with their labels, and a form for one. */
export function CodesAdmin({ kind }: { kind: 'reasons' | 'dispositions' }) {
  const { api, t } = useConsole();
  const [codes, setCodes] = useState<Code[]>([]);
  const [code, setCode] = useState('');
  const [label, setLabel] = useState('');
  const [editing, setEditing] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [saved, setSaved] = useState(false);
  const [deleting, setDeleting] = useState<string | null>(null);

  const load = () => api.get<Code[]>(`/v1/codes/${kind}`).then(setCodes, (e) => setErrors(errorsOf(e, [])));
  useEffect(() => {
    load();
    edit(null);
  }, [kind]);

  const edit = (entry: Code | null) => {
    setCode(entry?.code ?? '');
    setLabel(entry?.label ?? '');
    setEditing(!!entry);
    setErrors(NO_ERRORS);
    setSaved(false);
  };

  const save = async (event: Event) => {
    event.preventDefault();
    setErrors(NO_ERRORS);
    setSaved(false);
    if (!code.trim()) {
      setErrors({ fields: { code: t('admin.required') }, form: null });
      return;
    }
    try {
      await api.put(`/v1/codes/${kind}/${seg(code.trim())}`, { label: label.trim() });
      setSaved(true);
      setEditing(true);
      load();
    } catch (e) {
      setErrors(errorsOf(e, ['code', 'label']));
    }
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
                <td class="actions">
                  <button type="button" class="link" onClick={() => edit(entry)}>{t('common.edit')}</button>
                  <button type="button" class="link danger" onClick={() => setDeleting(entry.code)}>{t('common.delete')}</button>
                </td>
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
          {deleting && (
            <ConfirmDelete name={deleting} onClose={() => setDeleting(null)} onConfirm={async () => {
              await api.delete(`/v1/codes/${kind}/${seg(deleting)}`);
              if (deleting === code) {
                edit(null);
              }
              await load();
            }} />
          )}
        </form>
      )}
    />
  );
}

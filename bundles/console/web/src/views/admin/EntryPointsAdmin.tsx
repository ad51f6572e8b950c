import { useEffect, useState } from 'preact/hooks';
import { Field } from '../../components/Form';
import { useSaving } from '../../components/useSaving';
import { seg } from '../../lib/api';
import { useConsole } from '../../lib/context';
import type { EntryPoint } from '../../lib/model';
import { Editor, FormFooter, RowActions, useDeleting, valueOf } from './parts';

/** Entry points: the dialed numbers and the flow each leads to; a form to point a number at a flow. */
export function EntryPointsAdmin() {
  const { api, t } = useConsole();
  const [entries, setEntries] = useState<EntryPoint[]>([]);
  const [flows, setFlows] = useState<string[]>([]);
  const [number, setNumber] = useState('');
  const [flow, setFlow] = useState('');
  const [editing, setEditing] = useState(false);
  const { errors, saved, setSaved, run, reset, refuse, fail } = useSaving();

  const load = () => api.get<EntryPoint[]>('/v1/entry-points').then(setEntries, fail);
  useEffect(() => {
    load();
    api.get<string[]>('/v1/flows').then(setFlows, () => undefined);
  }, []);

  const edit = (entry: EntryPoint | null) => {
    setNumber(entry?.number ?? '');
    setFlow(entry?.flow ?? '');
    setEditing(!!entry);
    reset();
  };
  const deleting = useDeleting('/v1/entry-points', { current: number, close: () => edit(null), reload: load });

  const save = async (event: Event) => {
    event.preventDefault();
    if (!number.trim()) {
      refuse('number', t('admin.required'));
      return;
    }
    await run(['number', 'flow'], async () => {
      await api.put(`/v1/entry-points/${seg(number.trim())}`, { flow });
      setEditing(true);
      load();
    });
  };

  return (
    <Editor
      title={t('admin.entryPoints')}
      onNew={() => edit(null)}
      list={(
        <table class="list entry-points-list">
          <thead><tr><th>{t('admin.number')}</th><th>{t('admin.flow')}</th><th /></tr></thead>
          <tbody>
            {entries.map((entry) => (
              <tr data-number={entry.number} class={editing && entry.number === number ? 'selected' : ''}>
                <td><strong>{entry.number}</strong></td>
                <td><a href={`#/admin/flows/${encodeURIComponent(entry.flow)}`}>{entry.flow}</a></td>
                <RowActions onEdit={() => edit(entry)} onDelete={() => deleting.ask(entry.number)} />
              </tr>
            ))}
            {entries.length === 0 && <tr><td colSpan={3} class="muted">{t('admin.noEntryPoints')}</td></tr>}
          </tbody>
        </table>
      )}
      form={(
        <form class="admin-form" id="entry-point-form" onSubmit={save} noValidate>
          <h3>{editing ? number : t('admin.newEntryPoint')}</h3>
          <Field id="entry-number" label={t('admin.number')} error={errors.fields.number}>
            <input id="entry-number" value={number} readOnly={editing} placeholder="+74951234567" onInput={(e) => setNumber(valueOf(e))} />
          </Field>
          <Field id="entry-flow" label={t('admin.flow')} error={errors.fields.flow}>
            <select id="entry-flow" value={flow} onChange={(e) => {
              setFlow(valueOf(e));
              setSaved(false);
            }}>
              <option value="">{t('admin.chooseFlow')}</option>
              {flows.map((name) => <option value={name}>{name}</option>)}
            </select>
          </Field>
          {flows.length === 0 && <p class="muted">{t('admin.noFlowsYet')}</p>}
          <FormFooter errors={errors} saved={saved} />
          {deleting.dialog}
        </form>
      )}
    />
  );
}

import { useEffect, useState } from 'preact/hooks';
import { Field, errorsOf, NO_ERRORS, type FormErrors } from '../../components/Form';
import { seg } from '../../lib/api';
import { useConsole } from '../../lib/context';
import type { EntryPoint } from '../../lib/model';
import { ConfirmDelete, Editor, FormFooter, valueOf } from './parts';

/** Entry points: the dialed numbers and the flow each leads to; a form to point a number at a flow. */
export function EntryPointsAdmin() {
  const { api, t } = useConsole();
  const [entries, setEntries] = useState<EntryPoint[]>([]);
  const [flows, setFlows] = useState<string[]>([]);
  const [number, setNumber] = useState('');
  const [flow, setFlow] = useState('');
  const [editing, setEditing] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [saved, setSaved] = useState(false);
  const [deleting, setDeleting] = useState<string | null>(null);

  const load = () => api.get<EntryPoint[]>('/v1/entry-points').then(setEntries, (e) => setErrors(errorsOf(e, [])));
  useEffect(() => {
    load();
    api.get<string[]>('/v1/flows').then(setFlows, () => undefined);
  }, []);

  const edit = (entry: EntryPoint | null) => {
    setNumber(entry?.number ?? '');
    setFlow(entry?.flow ?? '');
    setEditing(!!entry);
    setErrors(NO_ERRORS);
    setSaved(false);
  };

  const save = async (event: Event) => {
    event.preventDefault();
    setErrors(NO_ERRORS);
    setSaved(false);
    if (!number.trim()) {
      setErrors({ fields: { number: t('admin.required') }, form: null });
      return;
    }
    try {
      await api.put(`/v1/entry-points/${seg(number.trim())}`, { flow });
      setSaved(true);
      setEditing(true);
      load();
    } catch (e) {
      setErrors(errorsOf(e, ['number', 'flow']));
    }
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
                <td class="actions">
                  <button type="button" class="link" onClick={() => edit(entry)}>{t('common.edit')}</button>
                  <button type="button" class="link danger" onClick={() => setDeleting(entry.number)}>{t('common.delete')}</button>
                </td>
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
          {deleting && (
            <ConfirmDelete name={deleting} onClose={() => setDeleting(null)} onConfirm={async () => {
              await api.delete(`/v1/entry-points/${seg(deleting)}`);
              if (deleting === number) {
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

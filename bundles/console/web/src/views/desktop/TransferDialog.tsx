import { useEffect, useState } from 'preact/hooks';
import { Field, errorsOf, NO_ERRORS, type FormErrors } from '../../components/Form';
import { Dialog } from '../../components/Dialog';
import { seg } from '../../lib/api';
import { useConsole } from '../../lib/context';
import { useLiveAgents } from '../../lib/liveAgents';
import { colleaguesMatching } from '../../lib/directory';
import type { Queue } from '../../lib/model';

/** Where a call goes: a colleague from the directory with their live state, a queue, or a number outside. */
export function TransferDialog({ callId, onClose, onConsulting }: {
  callId: string;
  onClose: () => void;
  onConsulting: () => void;
}) {
  const { api, session, t } = useConsole();
  const { agents } = useLiveAgents(api);
  const [queues, setQueues] = useState<Queue[]>([]);
  const [search, setSearch] = useState('');
  const [queue, setQueue] = useState('');
  const [number, setNumber] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const call = `/v1/calls/${seg(callId)}`;

  useEffect(() => {
    api.get<Queue[]>('/v1/queues').then((list) => {
      setQueues(list);
      setQueue(list[0]?.name ?? '');
    }, () => undefined);
  }, []);

  const send = async (path: string, body: Record<string, string>, consult = false) => {
    setErrors(NO_ERRORS);
    try {
      await api.post(path, body);
      if (consult) {
        onConsulting();
      } else {
        onClose();
      }
    } catch (e) {
      setErrors(errorsOf(e, ['agent', 'queue', 'number']));
    }
  };

  const colleagues = colleaguesMatching(agents, search, session.user);
  return (
    <Dialog title={t('transfer.title')} onClose={onClose} wide>
      <Field id="directory-search" label={t('transfer.colleagues')} error={errors.fields.agent}>
        <input id="directory-search" type="search" placeholder={t('transfer.search')} value={search}
          onInput={(e) => setSearch((e.target as HTMLInputElement).value)} />
      </Field>
      <table class="directory">
        <tbody>
          {colleagues.map((agent) => (
            <tr data-agent={agent.login}>
              <td><strong>{agent.name}</strong> <span class="muted">{agent.login}</span></td>
              <td><span class={`state-badge state-${agent.state}`}>{t(`state.${agent.state}`)}</span></td>
              <td class="muted">{agent.groups.join(', ')}</td>
              <td class="actions">
                <button type="button" disabled={agent.state === 'LOGGED_OUT'}
                  onClick={() => send(`${call}/transfer`, { agent: agent.login })}>{t('transfer.toAgent')}</button>
                <button type="button" disabled={agent.state === 'LOGGED_OUT'}
                  onClick={() => send(`${call}/consult`, { agent: agent.login }, true)}>{t('transfer.consultAgent')}</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="row">
        <Field id="transfer-queue" label={t('transfer.queue')} error={errors.fields.queue}>
          <select id="transfer-queue" value={queue} onChange={(e) => setQueue((e.target as HTMLSelectElement).value)}>
            {queues.map((q) => <option value={q.name}>{q.name}</option>)}
          </select>
        </Field>
        <button type="button" disabled={!queue} onClick={() => send(`${call}/transfer`, { queue })}>{t('transfer.toQueue')}</button>
      </div>
      <div class="row">
        <Field id="transfer-number" label={t('transfer.number')} error={errors.fields.number}>
          <input id="transfer-number" inputMode="tel" value={number} onInput={(e) => setNumber((e.target as HTMLInputElement).value)} />
        </Field>
        <button type="button" disabled={!number.trim()} onClick={() => send(`${call}/transfer`, { number: number.trim() })}>
          {t('transfer.toNumber')}
        </button>
        <button type="button" disabled={!number.trim()} onClick={() => send(`${call}/consult`, { number: number.trim() }, true)}>
          {t('transfer.consultNumber')}
        </button>
      </div>
      {errors.form && <p class="error" role="alert">{errors.form}</p>}
    </Dialog>
  );
}

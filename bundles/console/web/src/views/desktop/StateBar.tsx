import { useState } from 'preact/hooks';
import { duration } from '../../i18n';
import { seg } from '../../lib/api';
import { useConsole } from '../../lib/context';
import { labelOf } from '../../lib/codes';
import type { OwnState } from '../../lib/desktop';
import type { Agent, Code } from '../../lib/model';

/** The agent's state with its reason and time in state; start and finish work. */
export function StateBar({ agent, own, reasons, now, live, onChanged, onError }: {
  agent: Agent;
  own: OwnState;
  reasons: Code[];
  now: number;
  live: boolean;
  onChanged: () => void;
  onError: (message: string | null) => void;
}) {
  const { api, t } = useConsole();
  const me = agent.login;
  const [extension, setExtension] = useState(agent.extension ?? '');
  const [picked, setPicked] = useState<string | null>(null);
  // The reason picked, else the one the agent is in, else the first on the list (which arrives after the first render).
  const reason = picked ?? (own.reason && reasons.some((code) => code.code === own.reason) ? own.reason : reasons[0]?.code ?? '');

  const call = async (action: () => Promise<unknown>) => {
    onError(null);
    try {
      await action();
      onChanged();
    } catch (e) {
      onError((e as Error).message);
    }
  };

  if (own.state === 'LOGGED_OUT') {
    return (
      <section class="card state-bar">
        <h2>{t('desktop.signInTitle')}</h2>
        <form class="inline" onSubmit={(e) => {
          e.preventDefault();
          call(() => api.post(`/v1/agents/${seg(me)}/login`, extension.trim() ? { extension: extension.trim() } : {}));
        }}>
          <label for="extension">{t('desktop.extension')}</label>
          <input id="extension" value={extension} inputMode="numeric" size={8}
            onInput={(e) => setExtension((e.target as HTMLInputElement).value)} />
          <button type="submit" class="primary" id="start-work">{t('desktop.signIn')}</button>
        </form>
      </section>
    );
  }

  const setState = (state: 'READY' | 'NOT_READY', chosen?: string) =>
    call(() => api.put(`/v1/agents/${seg(me)}/state`, state === 'READY' ? { state } : { state, reason: chosen || undefined }));

  return (
    <section class="card state-bar" aria-label={t('desktop.state')}>
      <span class={`state-badge state-${own.state}`} id="my-state">{t(`state.${own.state}`)}</span>
      {own.reason && <span class="reason" id="my-reason">{labelOf(reasons, own.reason)}</span>}
      <span class="timer" id="time-in-state">{duration((now - own.since) / 1000)}</span>
      <span class="muted" id="handled">{t('desktop.handled', { count: agent.handled ?? 0 })}</span>
      <span class="spacer" />
      <button type="button" id="go-ready" class={own.state === 'NOT_READY' || own.state === 'WRAP_UP' ? 'primary' : ''}
        disabled={own.state === 'READY'} onClick={() => setState('READY')}>{t('desktop.ready')}</button>
      <label class="sr-only" for="reason">{t('desktop.reason')}</label>
      <select id="reason" value={reason} onChange={(e) => setPicked((e.target as HTMLSelectElement).value)}>
        {reasons.map((code) => <option value={code.code}>{code.label}</option>)}
      </select>
      <button type="button" id="go-not-ready" onClick={() => setState('NOT_READY', reason)}>{t('desktop.notReady')}</button>
      <button type="button" class="link" id="finish-work" onClick={() => call(() => api.post(`/v1/agents/${seg(me)}/logout`))}>
        {t('desktop.signOut')}
      </button>
      <span class={`live ${live ? 'on' : 'off'}`} title={live ? t('common.live') : t('common.offline')}>●</span>
    </section>
  );
}

import { useState } from 'preact/hooks';
import { seg } from '../../lib/api';
import { useLiveAgents } from '../../lib/liveAgents';
import { useConsole } from '../../lib/context';
import { colleaguesMatching } from '../../lib/directory';

/** Colleagues and their live states; a call ringing at a colleague's phone can be picked up from here. */
export function Colleagues({ canPickUp, act }: { canPickUp: boolean; act: (call: () => Promise<unknown>) => Promise<void> }) {
  const { api, session, t } = useConsole();
  const { agents } = useLiveAgents(api);
  const [search, setSearch] = useState('');
  const shown = colleaguesMatching(agents, search, session.user).filter((agent) => agent.state !== 'LOGGED_OUT');
  return (
    <section class="card colleagues" aria-label={t('transfer.colleagues')}>
      <h2>{t('transfer.colleagues')}</h2>
      <input type="search" aria-label={t('transfer.search')} placeholder={t('transfer.search')} value={search}
        onInput={(e) => setSearch((e.target as HTMLInputElement).value)} />
      <ul>
        {shown.map((agent) => (
          <li data-agent={agent.login}>
            <span class={`dot state-${agent.state}`} />
            <span class="name">{agent.name}</span>
            <span class="muted">{t(`state.${agent.state}`)}</span>
            {canPickUp && agent.state === 'RESERVED' && agent.interactions[0] && (
              <button type="button" class="link" onClick={() => act(() =>
                api.post(`/v1/calls/${seg(agent.interactions[0])}/pickup`, { agent: session.user }))}>
                {t('desktop.pickup')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

import { useEffect, useState } from 'preact/hooks';
import { seg, type Api } from './api';
import { followEvents } from './events';
import type { Agent } from './model';
import { applyStateChange } from './wallboard';

/**
 * The configured agents with their live state, from the presence stream any agent may follow: a state change
 * shows at once, and its agent is read again (their contacts, so that a call ringing there can be picked up).
 * `reload` reads the list after a change of one's own; `error` is why it could not be read.
 */
export function useLiveAgents(api: Api): { agents: Agent[]; error: unknown; reload: () => Promise<void> } {
  const [agents, setAgents] = useState<Agent[]>([]);
  const [error, setError] = useState<unknown>(null);
  const reload = async () => {
    try {
      setAgents(await api.get<Agent[]>('/v1/agents'));
      setError(null);
    } catch (e) {
      setError(e);
    }
  };
  const readAgain = (login: string) => api.get<Agent>(`/v1/agents/${seg(login)}`).then(
    (agent) => setAgents((current) => current.some((known) => known.login === login)
      ? current.map((known) => (known.login === login ? agent : known)) : [...current, agent]),
    () => undefined);
  useEffect(() => followEvents(api, '?presence=true', {
    onOpen: () => {
      reload();
    },
    onDown: () => undefined,
    onEvent: (event) => {
      setAgents((current) => applyStateChange(current, event));
      readAgain(String(event.data.agent));
    },
  }), [api]);
  return { agents, error, reload };
}

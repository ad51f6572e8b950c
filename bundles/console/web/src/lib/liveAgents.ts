import { useEffect, useState } from 'preact/hooks';
import type { Api } from './api';
import { followEvents } from './events';
import type { Agent } from './model';
import { applyStateChange } from './wallboard';

/**
 * The configured agents with their live state: read once (and on `reload`, after a change), each state change
 * from the event stream applied as it comes. `error` is why the list could not be read.
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
  useEffect(() => {
    reload();
    return followEvents(api, '', {
      onOpen: () => {
        reload();
      },
      onDown: () => undefined,
      onEvent: (event) => setAgents((current) => applyStateChange(current, event)),
    });
  }, [api]);
  return { agents, error, reload };
}

import { useEffect, useState } from 'preact/hooks';
import { seg, type Api } from './api';
import { followEvents } from './events';
import type { Agent } from './model';
import { applyStateChange } from './wallboard';

/**
 * Every agent with their live state, from the presence stream that any agent may follow. An agent who is
 * offered a contact is read again, so that a call ringing at their phone can be picked up.
 */
export function useColleagues(api: Api): Agent[] {
  const [agents, setAgents] = useState<Agent[]>([]);
  useEffect(() => followEvents(api, '?presence=true', {
    onOpen: () => api.get<Agent[]>('/v1/agents').then(setAgents, () => undefined),
    onDown: () => undefined,
    onEvent: (event) => {
      setAgents((current) => applyStateChange(current, event));
      const login = event.data.agent as string;
      api.get<Agent>(`/v1/agents/${seg(login)}`).then(
        (agent) => setAgents((current) => current.some((known) => known.login === login)
          ? current.map((known) => (known.login === login ? agent : known)) : [...current, agent]),
        () => undefined);
    },
  }), [api]);
  return agents;
}

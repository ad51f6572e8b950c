import type { Agent, AgentState } from './model';

const ORDER: AgentState[] = ['READY', 'WRAP_UP', 'NOT_READY', 'RESERVED', 'BUSY', 'LOGGED_OUT'];

/**
 * Colleagues for a transfer, without oneself: those matching the search (name, login or group), the ones who
 * can take a call first (ready, then finishing wrap-up), then by name.
 */
export function colleaguesMatching(agents: Agent[], search: string, me: string): Agent[] {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  return agents
    .filter((agent) => agent.login !== me)
    .filter((agent) => {
      const text = [agent.name, agent.login, ...agent.groups].join(' ').toLowerCase();
      return words.every((word) => text.includes(word));
    })
    .sort((a, b) => ORDER.indexOf(a.state) - ORDER.indexOf(b.state) || a.name.localeCompare(b.name));
}

import type { StreamEvent } from './events';
import type { Agent, AgentState, Queue, QueueFigures } from './model';

export const STATES: AgentState[] = ['READY', 'RESERVED', 'BUSY', 'WRAP_UP', 'NOT_READY'];

/** What must be read again after an event: agents by login, queues by name, or every queue. */
export interface Stale {
  agents: Set<string>;
  queues: Set<string>;
  allQueues: boolean;
}

export function nothingStale(): Stale {
  return { agents: new Set(), queues: new Set(), allQueues: false };
}

/**
 * Notes what an event makes stale. Events that name no queue (accepted, ended, completed) find it through the
 * contact's last known queue; failing that, every queue is read again.
 */
export function markStale(stale: Stale, event: StreamEvent, queueOfContact: Map<string, string>): void {
  const data = event.data as Record<string, unknown>;
  const interaction = data.interaction as { id?: string; queue?: string } | undefined;
  const callback = data.callback as { id?: string; queue?: string } | undefined;
  const contact = (data.interactionId as string | undefined) ?? interaction?.id ?? callback?.id;
  const queue = (data.queue as string | undefined) ?? interaction?.queue ?? callback?.queue;
  if (contact && queue) {
    queueOfContact.set(contact, queue);
  }
  if (typeof data.agent === 'string') {
    stale.agents.add(data.agent);
  }
  if (typeof data.fromQueue === 'string') {
    stale.queues.add(data.fromQueue);
  }
  const known = queue ?? (contact ? queueOfContact.get(contact) : undefined);
  if (known) {
    stale.queues.add(known);
  } else if (event.type !== 'AgentStateChanged') {
    stale.allQueues = true;
  }
  if (event.type === 'Completed' || event.type === 'Abandoned' || event.type === 'Dropped') {
    // The contact is done with; keep the map small.
    if (contact) {
      queueOfContact.delete(contact);
    }
  }
}

/** An agent's state change applied at once, before the agent is read again: the grid moves without waiting. */
export function applyStateChange(agents: Agent[], event: StreamEvent): Agent[] {
  if (event.type !== 'AgentStateChanged') {
    return agents;
  }
  const data = event.data as { agent: string; to: AgentState; reason?: string | null; at: string; extension?: string | null };
  return agents.map((agent) => (agent.login === data.agent
    ? { ...agent, state: data.to, reason: data.reason ?? null, since: data.at, extension: data.extension ?? agent.extension }
    : agent));
}

/** The agents who serve a queue: members of one of its groups (all agents when it names none). */
export function agentsOf(queue: Queue, agents: Agent[]): Agent[] {
  const groups = queue.rules.groups ?? [];
  return groups.length === 0 ? agents : agents.filter((agent) => agent.groups.some((group) => groups.includes(group)));
}

/** How many of the agents are in each state (signed-out agents are left out). */
export function countByState(agents: Agent[]): Record<AgentState, number> {
  const counts = { LOGGED_OUT: 0, READY: 0, NOT_READY: 0, RESERVED: 0, BUSY: 0, WRAP_UP: 0 } as Record<AgentState, number>;
  for (const agent of agents) {
    counts[agent.state] = (counts[agent.state] ?? 0) + 1;
  }
  return counts;
}

/** The longest wait now: as read, plus the time since it was read while someone still waits. */
export function longestWaitNow(figures: QueueFigures, readAt: number, now: number): number {
  return figures.waiting > 0 ? figures.longestWaitSeconds + Math.max(0, (now - readAt) / 1000) : 0;
}

/** How the service level stands against its target: met, within 10 points below, or further below. */
export function serviceLevelStatus(figures: QueueFigures): 'none' | 'good' | 'warn' | 'bad' {
  const level = figures.serviceLevelPercent;
  if (level === null || level === undefined) {
    return 'none';
  }
  const target = figures.serviceLevelGoal.targetPercent;
  return level >= target ? 'good' : level >= target - 10 ? 'warn' : 'bad';
}

/** A figure for display: whole numbers, or a dash when there is nothing yet. */
export function whole(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : String(Math.round(value));
}

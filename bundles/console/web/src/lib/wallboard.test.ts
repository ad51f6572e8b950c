import { describe, expect, it } from 'vitest';
import type { Agent, Queue, QueueFigures } from './model';
import { agentsOf, applyStateChange, countByState, longestWaitNow, markStale, nothingStale, serviceLevelStatus } from './wallboard';

const agent = (login: string, state: Agent['state'], groups: string[] = []): Agent =>
  ({ login, name: login, groups, skills: {}, capacity: {}, state, interactions: [] });

const figures = (over: Partial<QueueFigures>): QueueFigures => ({
  queue: 'sales', since: '', waiting: 0, longestWaitSeconds: 0, entered: 0, answered: 0, answeredInThreshold: 0,
  abandoned: 0, shortAbandoned: 0, completed: 0, serviceLevelPercent: null,
  serviceLevelGoal: { threshold: 20, targetPercent: 80 }, averageSpeedOfAnswerSeconds: null, averageHandleTimeSeconds: null,
  ...over,
});

describe('what an event makes stale', () => {
  it('names the queue and agent of an offer, and remembers the contact\'s queue for later events', () => {
    const contacts = new Map<string, string>();
    const stale = nothingStale();
    markStale(stale, { type: 'Offered', data: { interactionId: 'c1', queue: 'sales', agent: 'anna' } }, contacts);
    expect([...stale.queues]).toEqual(['sales']);
    expect([...stale.agents]).toEqual(['anna']);
    const later = nothingStale();
    markStale(later, { type: 'Accepted', data: { interactionId: 'c1', agent: 'anna' } }, contacts);
    expect([...later.queues]).toEqual(['sales']);
    expect(later.allQueues).toBe(false);
  });

  it('reads every queue when it cannot tell which one an event touched', () => {
    const stale = nothingStale();
    markStale(stale, { type: 'Ended', data: { interactionId: 'unknown', agent: 'anna' } }, new Map());
    expect(stale.allQueues).toBe(true);
  });

  it('takes the queue from the contact of a Queued event, and both queues of a move', () => {
    const stale = nothingStale();
    markStale(stale, { type: 'Queued', data: { interaction: { id: 'c2', queue: 'support' } } }, new Map());
    markStale(stale, { type: 'Moved', data: { interaction: { id: 'c2', queue: 'vip' }, fromQueue: 'support' } }, new Map());
    expect([...stale.queues].sort()).toEqual(['support', 'vip']);
  });

  it('does not read every queue for a change of an agent\'s state', () => {
    const stale = nothingStale();
    markStale(stale, { type: 'AgentStateChanged', data: { agent: 'anna', to: 'READY' } }, new Map());
    expect(stale.allQueues).toBe(false);
    expect([...stale.agents]).toEqual(['anna']);
  });
});

describe('wallboard figures', () => {
  it('moves an agent to their new state at once', () => {
    const agents = applyStateChange([agent('anna', 'READY'), agent('boris', 'READY')],
      { type: 'AgentStateChanged', data: { agent: 'anna', to: 'NOT_READY', reason: 'lunch', at: '2026-11-23T10:00:00Z' } });
    expect(agents.map((a) => [a.state, a.reason])).toEqual([['NOT_READY', 'lunch'], ['READY', undefined]]);
  });

  it('counts the agents of a queue\'s groups by state', () => {
    const queue = { name: 'sales', rules: { strategy: 'LONGEST_IDLE', groups: ['sales'] }, waiting: [] } as Queue;
    const agents = [agent('a', 'READY', ['sales']), agent('b', 'BUSY', ['sales']), agent('c', 'READY', ['support'])];
    const counts = countByState(agentsOf(queue, agents));
    expect(counts.READY).toBe(1);
    expect(counts.BUSY).toBe(1);
    expect(agentsOf({ ...queue, rules: { ...queue.rules, groups: [] } }, agents)).toHaveLength(3);
  });

  it('lets the longest wait run on while someone waits', () => {
    expect(longestWaitNow(figures({ waiting: 2, longestWaitSeconds: 10 }), 1_000, 6_000)).toBe(15);
    expect(longestWaitNow(figures({ waiting: 0, longestWaitSeconds: 10 }), 1_000, 6_000)).toBe(0);
  });

  it('rates the service level against its target', () => {
    expect(serviceLevelStatus(figures({ serviceLevelPercent: null }))).toBe('none');
    expect(serviceLevelStatus(figures({ serviceLevelPercent: 85 }))).toBe('good');
    expect(serviceLevelStatus(figures({ serviceLevelPercent: 75 }))).toBe('warn');
    expect(serviceLevelStatus(figures({ serviceLevelPercent: 50 }))).toBe('bad');
  });
});

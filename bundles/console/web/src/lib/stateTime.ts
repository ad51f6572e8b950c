import type { AgentState, AgentStateEntry } from './model';

/** The states an agent's working day is split into, in chart order (signed-out time is not counted). */
export const WORK_STATES: AgentState[] = ['READY', 'RESERVED', 'BUSY', 'WRAP_UP', 'NOT_READY'];

/** Seconds spent in each state. */
export type StateSeconds = Record<AgentState, number>;

export function noStateTime(): StateSeconds {
  return { LOGGED_OUT: 0, READY: 0, NOT_READY: 0, RESERVED: 0, BUSY: 0, WRAP_UP: 0 };
}

/**
 * Seconds in each state between `from` and `now` (milliseconds), from an agent's state changes (in any order).
 * The state at `from` is the last change before it, else the one the first change left; the last state counts
 * up to `now`. With `truncated` (the history was cut at its limit and may miss earlier changes) counting starts
 * at the first change known. `current` (the agent's live state and since when) counts on past the last change
 * recorded.
 */
export function stateDurations(
  entries: AgentStateEntry[],
  from: number,
  now: number,
  options: { truncated?: boolean; current?: { state: AgentState; since?: string | null } } = {},
): StateSeconds {
  const totals = noStateTime();
  const add = (state: AgentState, start: number, end: number) => {
    const s = Math.max(start, from);
    const e = Math.min(end, now);
    if (e > s) {
      totals[state] += (e - s) / 1000;
    }
  };
  const changes = entries
    .map((entry) => ({ ...entry, time: Date.parse(entry.at) }))
    .filter((entry) => !Number.isNaN(entry.time))
    .sort((a, b) => a.time - b.time);
  const current = options.current;
  const since = current?.since ? Date.parse(current.since) : NaN;

  if (changes.length === 0) {
    if (current) {
      add(current.state, Number.isNaN(since) ? from : since, now);
    }
    return totals;
  }
  const before = changes.filter((entry) => entry.time <= from).pop();
  if (!before && !options.truncated) {
    add(changes[0].from, from, changes[0].time);
  }
  for (let i = 0; i < changes.length; i++) {
    const end = i + 1 < changes.length ? changes[i + 1].time : now;
    const last = i + 1 === changes.length;
    if (last && current && !Number.isNaN(since) && since > changes[i].time) {
      add(changes[i].to, changes[i].time, since);
      add(current.state, since, now);
    } else {
      add(changes[i].to, changes[i].time, end);
    }
  }
  return totals;
}

/** Local midnight of the day `now` falls in. */
export function startOfDay(now: number): number {
  const day = new Date(now);
  day.setHours(0, 0, 0, 0);
  return day.getTime();
}

/** Seconds as minutes with one decimal. */
export function minutes(seconds: number): number {
  return Math.round(seconds / 6) / 10;
}

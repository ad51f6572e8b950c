import type { StreamEvent } from './events';
import type { AgentState, Interaction } from './model';

/** Where a contact of the agent stands on their desktop. */
export type Phase = 'offered' | 'talking' | 'wrapup';

/** One contact on the agent's desktop: offered, in conversation or in wrap-up, since when. */
export interface WorkItem {
  id: string;
  phase: Phase;
  since: number;
  interaction?: Interaction;
  /** Read from the server (at start or on reconnection) rather than followed from its offer: a call may be in consultation. */
  restored?: boolean;
}

/** The agent's own state as the desktop shows it. */
export interface OwnState {
  state: AgentState;
  reason: string | null;
  since: number;
  extension: string | null;
}

/** What an event changes on the agent's desktop, and which contact must be read from the server. */
export interface DesktopChange {
  items: WorkItem[];
  state?: OwnState;
  read?: string;
}

/** Applies one distribution event to the agent's desktop; events of other agents change nothing. */
export function applyEvent(items: WorkItem[], event: StreamEvent, me: string): DesktopChange {
  const data = event.data as Record<string, string | boolean | null>;
  if (data.agent !== me) {
    return { items };
  }
  const at = typeof data.at === 'string' ? Date.parse(data.at) : Date.now();
  const id = data.interactionId as string;
  switch (event.type) {
    case 'Offered':
      return { items: upsert(items, { id, phase: 'offered', since: at }), read: id };
    case 'Accepted':
      return { items: upsert(items, { id, phase: 'talking', since: at }), read: id };
    case 'Ended':
      return { items: upsert(items, { id, phase: 'wrapup', since: at }) };
    case 'Declined':
    case 'Withdrawn':
    case 'Completed':
      return { items: items.filter((item) => item.id !== id) };
    case 'AgentStateChanged':
      return {
        items,
        state: {
          state: data.to as AgentState,
          reason: (data.reason as string | null) ?? null,
          since: at,
          extension: (data.extension as string | null) ?? null,
        },
      };
    default:
      return { items };
  }
}

function upsert(items: WorkItem[], change: WorkItem): WorkItem[] {
  const existing = items.find((item) => item.id === change.id);
  if (!existing) {
    return [...items, change];
  }
  return items.map((item) => (item.id === change.id ? { ...item, phase: change.phase, since: change.since } : item));
}

/** The phase of a contact read from the server (on start or after a reconnection). */
export function phaseOf(interaction: Interaction): Phase {
  switch (interaction.state) {
    case 'OFFERED':
      return 'offered';
    case 'WRAP_UP':
      return 'wrapup';
    default:
      return 'talking';
  }
}

/** The attributes worth showing on a screen pop, in a stable order: well-known first, then by name. */
export function popAttributes(attributes: Record<string, string> | undefined): [string, string][] {
  const wellKnown = ['site', 'orderId', 'order', 'amount', 'name', 'email', 'topic'];
  const entries = Object.entries(attributes ?? {});
  const rank = (key: string) => {
    const index = wellKnown.indexOf(key);
    return index < 0 ? wellKnown.length : index;
  };
  return entries.sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
}

/** A key press that the desktop treats as a command, or null: Alt+A accept, Alt+R reject, Alt+H hold, Alt+X hang up. */
export function shortcutOf(event: { altKey: boolean; ctrlKey: boolean; metaKey: boolean; code: string }):
    'accept' | 'reject' | 'hold' | 'hangup' | null {
  if (!event.altKey || event.ctrlKey || event.metaKey) {
    return null;
  }
  // The physical key, so that the shortcuts work with a Russian keyboard layout too.
  switch (event.code) {
    case 'KeyA':
      return 'accept';
    case 'KeyR':
      return 'reject';
    case 'KeyH':
      return 'hold';
    case 'KeyX':
      return 'hangup';
    default:
      return null;
  }
}

/** A date-time-local input value (local time, minutes) as an ISO instant with the browser's offset. */
export function localInputToIso(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) {
    return null;
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

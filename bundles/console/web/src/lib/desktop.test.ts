import { describe, expect, it } from 'vitest';
import { applyEvent, localInputToIso, phaseOf, popAttributes, shortcutOf, type WorkItem } from './desktop';
import type { Interaction } from './model';

const at = '2026-11-23T10:00:00Z';
const event = (type: string, data: Record<string, unknown>) => ({ type, data: { at, ...data } });

describe('the agent desktop follows its events', () => {
  it('adds an offer and asks for the contact to be read', () => {
    const change = applyEvent([], event('Offered', { interactionId: 'c1', queue: 'sales', agent: 'anna' }), 'anna');
    expect(change.items).toEqual([{ id: 'c1', phase: 'offered', since: Date.parse(at) }]);
    expect(change.read).toBe('c1');
  });

  it('moves a contact from offer to conversation to wrap-up, and drops it when completed', () => {
    let items: WorkItem[] = [{ id: 'c1', phase: 'offered', since: 0 }];
    items = applyEvent(items, event('Accepted', { interactionId: 'c1', agent: 'anna' }), 'anna').items;
    expect(items[0].phase).toBe('talking');
    items = applyEvent(items, event('Ended', { interactionId: 'c1', agent: 'anna' }), 'anna').items;
    expect(items[0].phase).toBe('wrapup');
    items = applyEvent(items, event('Completed', { interactionId: 'c1', agent: 'anna', disposition: 'sale' }), 'anna').items;
    expect(items).toEqual([]);
  });

  it('removes an offer that was declined or withdrawn', () => {
    const items: WorkItem[] = [{ id: 'c1', phase: 'offered', since: 0 }, { id: 'c2', phase: 'offered', since: 0 }];
    expect(applyEvent(items, event('Declined', { interactionId: 'c1', agent: 'anna', timedOut: true }), 'anna').items
      .map((item) => item.id)).toEqual(['c2']);
    expect(applyEvent(items, event('Withdrawn', { interactionId: 'c2', agent: 'anna' }), 'anna').items
      .map((item) => item.id)).toEqual(['c1']);
  });

  it('keeps what was read about a contact when its phase changes', () => {
    const interaction = { id: 'c1', customer: '+7495' } as Interaction;
    const items: WorkItem[] = [{ id: 'c1', phase: 'offered', since: 0, interaction }];
    expect(applyEvent(items, event('Accepted', { interactionId: 'c1', agent: 'anna' }), 'anna').items[0].interaction)
      .toBe(interaction);
  });

  it('takes its own state changes and ignores other agents', () => {
    const change = applyEvent([], event('AgentStateChanged', { agent: 'anna', from: 'READY', to: 'NOT_READY', reason: 'lunch' }), 'anna');
    expect(change.state).toEqual({ state: 'NOT_READY', reason: 'lunch', since: Date.parse(at), extension: null });
    const other = applyEvent([], event('Offered', { interactionId: 'c9', agent: 'boris' }), 'anna');
    expect(other).toEqual({ items: [] });
  });

  it('reads the phase of a contact from its state in distribution', () => {
    expect(phaseOf({ state: 'OFFERED' } as Interaction)).toBe('offered');
    expect(phaseOf({ state: 'TALKING' } as Interaction)).toBe('talking');
    expect(phaseOf({ state: 'WRAP_UP' } as Interaction)).toBe('wrapup');
  });
});

describe('screen pop and keys', () => {
  it('shows well-known attributes first, the rest by name', () => {
    expect(popAttributes({ zeta: '1', amount: '1500', site: 'shop.example', alpha: '2', orderId: '42' }).map(([k]) => k))
      .toEqual(['site', 'orderId', 'amount', 'alpha', 'zeta']);
    expect(popAttributes(undefined)).toEqual([]);
  });

  it('maps Alt with physical keys to commands, whatever the layout', () => {
    const key = (code: string, altKey = true) => shortcutOf({ altKey, ctrlKey: false, metaKey: false, code });
    expect(key('KeyA')).toBe('accept');
    expect(key('KeyR')).toBe('reject');
    expect(key('KeyH')).toBe('hold');
    expect(key('KeyX')).toBe('hangup');
    expect(key('KeyA', false)).toBeNull();
    expect(key('KeyQ')).toBeNull();
  });

  it('turns a date-time field into an instant, and refuses what is not one', () => {
    const iso = localInputToIso('2027-01-15T10:30');
    expect(iso).not.toBeNull();
    expect(new Date(iso!).getMinutes()).toBe(30);
    expect(localInputToIso('tomorrow')).toBeNull();
    expect(localInputToIso('')).toBeNull();
  });
});

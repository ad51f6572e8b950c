import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './csv';
import type { AgentStateEntry } from './model';
import { minutes, startOfDay, stateDurations } from './stateTime';

describe('CSV', () => {
  it('leaves plain fields as they are and quotes those with commas, quotes or line breaks', () => {
    expect(csvField('sales')).toBe('sales');
    expect(csvField(42.5)).toBe('42.5');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField('Petrova, Anna')).toBe('"Petrova, Anna"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField('Анна')).toBe('Анна');
  });

  it('ends every record, the last too, with CRLF', () => {
    expect(toCsv(['queue', 'answered'], [['sales', 3], ['a,b', null]])).toBe('queue,answered\r\nsales,3\r\n"a,b",\r\n');
    expect(toCsv(['only'], [])).toBe('only\r\n');
  });
});

describe('state durations', () => {
  const at = (hhmm: string) => `2026-11-23T${hhmm}:00Z`;
  const from = Date.parse(at('00:00'));
  const entry = (time: string, fromState: AgentStateEntry['from'], to: AgentStateEntry['to']): AgentStateEntry =>
    ({ at: at(time), agent: 'anna', from: fromState, to });

  it('splits the day at each change, newest-first entries included, the last state counting up to now', () => {
    const entries = [
      entry('09:30', 'READY', 'BUSY'),
      entry('09:00', 'LOGGED_OUT', 'READY'),
      entry('09:40', 'BUSY', 'WRAP_UP'),
      entry('09:41', 'WRAP_UP', 'NOT_READY'),
    ];
    const totals = stateDurations(entries, from, Date.parse(at('10:11')));
    expect(totals.LOGGED_OUT).toBe(9 * 3600);
    expect(totals.READY).toBe(30 * 60);
    expect(totals.BUSY).toBe(10 * 60);
    expect(totals.WRAP_UP).toBe(60);
    expect(totals.NOT_READY).toBe(30 * 60);
    expect(totals.RESERVED).toBe(0);
  });

  it('takes the state at midnight from the last change before it', () => {
    const entries = [entry('23:00', 'LOGGED_OUT', 'READY'), entry('01:00', 'READY', 'NOT_READY')]
      .map((e, i) => (i === 0 ? { ...e, at: '2026-11-22T23:00:00Z' } : e));
    const totals = stateDurations(entries, from, Date.parse(at('02:00')));
    expect(totals.READY).toBe(3600);
    expect(totals.NOT_READY).toBe(3600);
    expect(totals.LOGGED_OUT).toBe(0);
  });

  it('starts at the first change known when the history was cut at its limit', () => {
    const totals = stateDurations([entry('09:00', 'READY', 'BUSY')], from, Date.parse(at('09:10')), { truncated: true });
    expect(totals.READY).toBe(0);
    expect(totals.BUSY).toBe(600);
  });

  it('counts the live state on past the last change recorded, and alone when nothing was recorded', () => {
    const totals = stateDurations([entry('09:00', 'LOGGED_OUT', 'READY')], from, Date.parse(at('09:30')),
      { current: { state: 'BUSY', since: at('09:20') } });
    expect(totals.READY).toBe(20 * 60);
    expect(totals.BUSY).toBe(10 * 60);

    const alone = stateDurations([], from, Date.parse(at('09:30')), { current: { state: 'READY', since: '2026-11-22T08:00:00Z' } });
    expect(alone.READY).toBe(9.5 * 3600);
    expect(stateDurations([], from, Date.parse(at('09:30')))).toMatchObject({ READY: 0, BUSY: 0 });
  });

  it('ignores changes after now and entries without a time', () => {
    const totals = stateDurations([entry('09:00', 'READY', 'BUSY'), { ...entry('09:05', 'BUSY', 'READY'), at: 'never' },
      entry('11:00', 'BUSY', 'READY')], from, Date.parse(at('10:00')));
    expect(totals.BUSY).toBe(3600);
    expect(totals.READY).toBe(9 * 3600);
  });

  it('gives local midnight and minutes with one decimal', () => {
    const noon = new Date(2026, 10, 23, 12, 30).getTime();
    expect(startOfDay(noon)).toBe(new Date(2026, 10, 23).getTime());
    expect(minutes(90)).toBe(1.5);
    expect(minutes(100)).toBe(1.7);
  });
});

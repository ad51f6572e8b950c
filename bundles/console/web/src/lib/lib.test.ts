import { describe, expect, it, vi } from 'vitest';
import { errorsOf } from '../components/Form';
import { Api, ApiError } from './api';
import { colleaguesMatching } from './directory';
import type { Agent } from './model';
import { screenOf, screensFor, loadSession, type Session } from './session';
import { parseSkills, skillsText } from './skills';

const session = (roles: Session['roles'], expiresAt = '2999-01-01T00:00:00Z'): Session =>
  ({ token: 't', user: 'u', roles, expiresAt });

describe('the API client', () => {
  const reply = (status: number, body?: unknown, type = 'application/json') =>
    new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': type } });

  it('sends the bearer token and JSON, and reads JSON back', async () => {
    const fetch = vi.fn(async () => reply(200, { ok: true }));
    const api = new Api(() => 'secret', () => undefined, fetch);
    expect(await api.put('/v1/skills/x', { description: 'd' })).toEqual({ ok: true });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/skills/x');
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer secret');
    expect(init.body).toBe('{"description":"d"}');
  });

  it('turns a problem report into an error naming the field', async () => {
    const api = new Api(() => 't', () => undefined,
      async () => reply(400, { title: 'Bad Request', detail: 'Use 1 to 100', field: 'serviceLevelPercent' }, 'application/problem+json'));
    const error: ApiError = await api.post('/v1/x').catch((e: ApiError) => e) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.field).toBe('serviceLevelPercent');
    expect(error.message).toBe('Use 1 to 100');
  });

  it('tells the session when the server no longer knows the token', async () => {
    const expired = vi.fn();
    const api = new Api(() => 't', expired, async () => reply(401, { title: 'Unauthorized' }));
    await api.get('/v1/agents').catch(() => undefined);
    expect(expired).toHaveBeenCalledOnce();
  });

  it('answers nothing for 204', async () => {
    const api = new Api(() => 't', () => undefined, async () => new Response(null, { status: 204 }));
    expect(await api.post('/v1/x')).toBeUndefined();
  });
});

describe('form errors', () => {
  it('puts the server\'s message beside the field it names', () => {
    const error = new ApiError({ status: 400, detail: 'Use 1 to 100', field: 'serviceLevelPercent' });
    expect(errorsOf(error, ['serviceLevelPercent', 'name'])).toEqual({ fields: { serviceLevelPercent: 'Use 1 to 100' }, form: null });
  });

  it('matches nested fields to their form field, and shows others on the form', () => {
    const nested = new ApiError({ status: 400, detail: 'bad', field: 'callback.at' });
    expect(errorsOf(nested, ['callback'])).toEqual({ fields: { callback: 'bad' }, form: null });
    const elsewhere = new ApiError({ status: 409, detail: 'busy' });
    expect(errorsOf(elsewhere, ['name'])).toEqual({ fields: {}, form: 'busy' });
  });
});

describe('sessions and screens', () => {
  it('shows each role its screens', () => {
    expect(screensFor(session(['agent']))).toEqual(['desktop']);
    expect(screensFor(session(['agent', 'supervisor']))).toEqual(['desktop', 'wallboard', 'agents', 'reports']);
    expect(screensFor(session(['agent', 'supervisor', 'admin']))).toContain('admin');
    expect(screensFor(session(['admin']))).toEqual(['desktop', 'wallboard', 'agents', 'reports', 'admin']);
    expect(screensFor(session(['supervisor']))).toEqual(['desktop', 'wallboard', 'agents', 'reports']);
  });

  it('opens the screen of the hash when allowed, else the first one', () => {
    expect(screenOf('#/admin/queues', ['desktop', 'admin'])).toEqual({ screen: 'admin', rest: 'queues' });
    expect(screenOf('#/admin', ['desktop'])).toEqual({ screen: 'desktop', rest: '' });
    expect(screenOf('', [])).toEqual({ screen: null, rest: '' });
  });

  it('forgets a stored session past its expiry', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null } as Storage;
    store.set('switchboard.session', JSON.stringify(session(['agent'], '2026-01-01T00:00:00Z')));
    expect(loadSession(storage, Date.parse('2026-06-01T00:00:00Z'))).toBeNull();
    expect(loadSession(storage, Date.parse('2025-06-01T00:00:00Z'))?.user).toBe('u');
  });
});

describe('the colleague directory', () => {
  const agent = (login: string, state: Agent['state'], groups: string[] = []): Agent =>
    ({ login, name: login.toUpperCase(), groups, skills: {}, capacity: {}, state, interactions: [] });

  it('lists colleagues who can take a call first, without oneself, filtered by the search', () => {
    const agents = [agent('me', 'READY'), agent('zoe', 'BUSY', ['sales']), agent('bob', 'READY', ['sales']), agent('amy', 'LOGGED_OUT')];
    expect(colleaguesMatching(agents, '', 'me').map((a) => a.login)).toEqual(['bob', 'zoe', 'amy']);
    expect(colleaguesMatching(agents, 'sales', 'me').map((a) => a.login)).toEqual(['bob', 'zoe']);
  });
});

describe('skills as typed', () => {
  it('reads levels, defaults to 5, and names what it cannot read', () => {
    expect(parseSkills('russian=8, returns')).toEqual({ skills: { russian: 8, returns: 5 } });
    expect(parseSkills('')).toEqual({ skills: {} });
    expect(parseSkills('russian=11')).toEqual({ error: '"russian=11": the level is 1 to 10' });
    expect('error' in parseSkills('a b')).toBe(true);
    expect(skillsText({ returns: 5, english: 7 })).toBe('english=7, returns=5');
  });
});

import { describe, expect, it } from 'vitest';
import { errorsOf } from '../components/Form';
import { agentBody, agentFields, agentForm, agentWithGroups, groupsOf, intOf, namesOf, QUEUE_FIELDS, queueBody, queueForm, userBody, userOf } from './admin';
import { ApiError } from './api';
import { blankStep, danglingSteps, nextSteps, numberValue, parseFlow, removeStep, renameStep, retype, stepOfField, withField } from './flows';
import type { Agent, FlowDocument, Queue } from './model';

const agent = (login: string, groups: string[], extra: Partial<Agent> = {}): Agent => ({
  login, name: login.toUpperCase(), groups, skills: {}, capacity: { VOICE: 1 }, state: 'LOGGED_OUT', interactions: [], ...extra,
});
const queue = (name: string, groups: string[], addGroups: string[] = []): Queue => ({
  name, waiting: [], rules: { strategy: 'LONGEST_IDLE', groups, widening: addGroups.length ? [{ afterSeconds: 60, addGroups }] : [] },
});
const problem = (field: string) => new ApiError({ status: 400, detail: 'wrong', field });

describe('the agent form', () => {
  it('turns an agent into a form and back into the PUT body', () => {
    const form = agentForm(agent('anna', ['sales'], { name: 'Anna', site: 'Moscow', skills: { russian: 8, english: 5 }, capacity: { VOICE: 1, CHAT: 2 } }));
    expect(Object.entries(form.skills)).toEqual([['english', 5], ['russian', 8]]);
    expect(form.capacity.CHAT).toBe('2');
    expect(form.capacity.EMAIL).toBe('');
    expect(agentBody(form)).toEqual({ name: 'Anna', site: 'Moscow', groups: ['sales'], skills: { english: 5, russian: 8 }, capacity: { VOICE: 1, CHAT: 2 } });
  });

  it('starts a new agent with one call and three chats', () => {
    expect(agentBody(agentForm())).toEqual({ name: undefined, site: undefined, groups: [], skills: {}, capacity: { VOICE: 1, CHAT: 3 } });
  });

  it('moves an agent between groups keeping the rest', () => {
    expect(agentWithGroups(agent('anna', ['sales'], { skills: { russian: 8 } }), ['sales', 'vip']))
      .toMatchObject({ groups: ['sales', 'vip'], skills: { russian: 8 }, capacity: { VOICE: 1 } });
  });

  it('places a server error at the skill or the channel it names', () => {
    const form = agentForm(agent('anna', [], { skills: { russian: 8 } }));
    expect(errorsOf(problem('skills.russian'), agentFields(form)).fields).toEqual({ 'skills.russian': 'wrong' });
    expect(errorsOf(problem('skills'), agentFields(form)).fields).toEqual({ skills: 'wrong' });
    expect(errorsOf(problem('capacity.VOICE'), agentFields(form)).fields).toEqual({ 'capacity.VOICE': 'wrong' });
    expect(errorsOf(problem('skills.english'), agentFields(form)).fields).toEqual({ skills: 'wrong' });
  });
});

describe('groups', () => {
  it('lists every group with its agents and the queues serving it', () => {
    const groups = groupsOf([agent('anna', ['sales', 'vip']), agent('boris', ['sales'])], [queue('sales', ['sales']), queue('vip', ['vip'], ['sales']), queue('night', ['night'])]);
    expect(groups.map((g) => [g.name, g.agents.map((a) => a.login), g.queues])).toEqual([
      ['night', [], ['night']],
      ['sales', ['anna', 'boris'], ['sales', 'vip']],
      ['vip', ['anna'], ['vip']],
    ]);
  });
});

describe('the queue form', () => {
  it('round-trips a queue with every rule', () => {
    const rules = {
      strategy: 'BEST_SKILL', groups: ['sales'], priorityWeightSeconds: 60, offerTimeoutSeconds: 20, wrapUpSeconds: 30,
      maxLength: 100, blending: true, serviceLevelSeconds: 20, serviceLevelPercent: 80,
      widening: [{ afterSeconds: 60, lowerLevelsBy: 2, addGroups: ['backup'] }],
      maxWait: { afterSeconds: 300, action: 'QUEUE', target: 'overflow' },
      openingHours: 'mon-fri 09:00-18:00', timeZone: 'Europe/Moscow', closedDates: ['2027-01-01'], afterHoursQueue: 'night',
    };
    expect(queueBody(queueForm({ name: 'sales', rules, waiting: [] }))).toEqual(rules);
  });

  it('leaves out what is empty, for the server defaults, and the wait limit when it is off', () => {
    const form = { ...queueForm({ name: 'q', rules: { strategy: 'RANDOM', groups: [] }, waiting: [] }), maxWaitTarget: 'x' };
    const body = queueBody(form);
    expect(body.wrapUpSeconds).toBeUndefined();
    expect(body.maxWait).toBeUndefined();
    expect(body.openingHours).toBeUndefined();
    expect(JSON.parse(JSON.stringify(body))).toEqual({ strategy: 'RANDOM', groups: [], blending: false, widening: [] });
  });

  it('places the server errors next to their fields', () => {
    expect(errorsOf(problem('maxWait.afterSeconds'), QUEUE_FIELDS).fields).toEqual({ 'maxWait.afterSeconds': 'wrong' });
    expect(errorsOf(problem('widening.lowerLevelsBy'), QUEUE_FIELDS).fields).toEqual({ widening: 'wrong' });
    expect(errorsOf(problem('nonsense'), QUEUE_FIELDS).form).toBe('wrong');
  });

  it('reads typed numbers and names', () => {
    expect(intOf(' 30 ')).toBe(30);
    expect(intOf('')).toBeUndefined();
    expect(namesOf('sales, vip,,sales ')).toEqual(['sales', 'vip']);
  });
});

describe('users', () => {
  it('reads a user named either way and sends a password only when typed', () => {
    expect(userOf({ name: 'anna', roles: ['agent', 'other'] })).toEqual({ name: 'anna', roles: ['agent'] });
    expect(userOf({ user: 'boris' })).toEqual({ name: 'boris', roles: [] });
    expect(userBody('', ['agent'])).toEqual({ roles: ['agent'] });
    expect(userBody('s3cret', ['admin'])).toEqual({ password: 's3cret', roles: ['admin'] });
  });
});

describe('flows', () => {
  const flow: FlowDocument = {
    start: 'menu',
    steps: {
      menu: { type: 'menu', prompt: 'en/menu', choices: { '1': 'sales', '2': 'bye' }, otherwise: 'bye' },
      sales: { type: 'queue', queue: 'sales' },
      bye: { type: 'hangup', prompt: 'en/goodbye' },
    },
  };

  it('knows where each step leads', () => {
    expect(nextSteps(flow.steps.menu)).toEqual(['sales', 'bye']);
    expect(nextSteps({ type: 'http', url: 'u', next: 'a', failed: 'b' })).toEqual(['a', 'b']);
    expect(nextSteps(flow.steps.bye)).toEqual([]);
  });

  it('renames a step and every reference to it', () => {
    const renamed = renameStep(flow, 'bye', 'goodbye');
    expect(Object.keys(renamed.steps)).toEqual(['menu', 'sales', 'goodbye']);
    expect(renamed.steps.menu).toMatchObject({ choices: { '1': 'sales', '2': 'goodbye' }, otherwise: 'goodbye' });
    expect(renameStep(flow, 'menu', 'main').start).toBe('main');
    expect(renameStep(flow, 'menu', 'sales')).toBe(flow);
  });

  it('removes a step, marking those that still lead to it', () => {
    const removed = removeStep(flow, 'sales');
    expect(Object.keys(removed.steps)).toEqual(['menu', 'bye']);
    expect(danglingSteps(removed)).toEqual({ menu: ['sales'] });
    expect(removeStep(flow, 'menu').start).toBe('sales');
  });

  it('changes a step type keeping the shared fields', () => {
    expect(retype({ type: 'play', prompt: 'en/welcome', next: 'menu' }, 'collect')).toEqual({ type: 'collect', prompt: 'en/welcome', next: 'menu' });
    expect(retype(flow.steps.menu, 'hangup')).toEqual({ type: 'hangup', prompt: 'en/menu' });
    expect(blankStep('menu')).toEqual({ type: 'menu', choices: {} });
  });

  it('sets fields, leaving empty ones out for the server defaults', () => {
    expect(withField({ type: 'queue', queue: 'q', priority: 3 }, 'priority', undefined)).toEqual({ type: 'queue', queue: 'q' });
    expect(withField({ type: 'queue', queue: 'q' }, 'skills', {})).toEqual({ type: 'queue', queue: 'q' });
    expect(withField({ type: 'menu' }, 'choices', {})).toEqual({ type: 'menu', choices: {} });
    expect(numberValue('12')).toBe(12);
    expect(numberValue('1.5')).toBe('1.5');
    expect(numberValue(' ')).toBeUndefined();
  });

  it('reads the step a server error names, and the raw JSON', () => {
    expect(stepOfField('steps.menu')).toBe('menu');
    expect(stepOfField('flow')).toBeNull();
    expect(parseFlow(JSON.stringify(flow))).toEqual({ flow });
    expect(parseFlow('{')).toMatchObject({ error: 'notJson' });
    expect(parseFlow('[1]')).toEqual({ error: 'notFlow' });
    expect(parseFlow('{"start":"a"}')).toEqual({ error: 'notFlow' });
  });
});

// Administration forms as the console edits them, and the request bodies they become.
import type { Agent, Channel, Queue, QueueRules, Role, User } from './model';

export const CHANNELS: Channel[] = ['VOICE', 'CHAT', 'EMAIL', 'SMS', 'CALLBACK', 'OUTBOUND'];
export const STRATEGIES = ['LONGEST_IDLE', 'LEAST_OCCUPIED', 'ROUND_ROBIN', 'BEST_SKILL', 'LINEAR', 'RANDOM', 'RING_ALL'];
export const MAX_WAIT_ACTIONS = ['QUEUE', 'CALLBACK', 'MESSAGE'];
export const ROLES: Role[] = ['agent', 'supervisor', 'admin'];

/** A whole number typed in a form, or nothing when the input is empty. */
export function intOf(text: string): number | undefined {
  const trimmed = text.trim();
  return trimmed === '' ? undefined : Number(trimmed);
}

function textOf(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

/** Names a person typed, one per comma: trimmed, without blanks or repeats. */
export function namesOf(text: string): string[] {
  return [...new Set(text.split(',').map((name) => name.trim()).filter(Boolean))];
}

// ---- Agents ----

export interface AgentForm {
  login: string;
  name: string;
  site: string;
  groups: string[];
  skills: Record<string, number>;
  capacity: Record<Channel, string>;
}

/** The form for an agent, or for a new one (one call and three chats at a time). */
export function agentForm(agent?: Agent): AgentForm {
  const capacity = Object.fromEntries(CHANNELS.map((channel) => [channel, textOf(agent?.capacity[channel])])) as Record<Channel, string>;
  if (!agent) {
    capacity.VOICE = '1';
    capacity.CHAT = '3';
  }
  return {
    login: agent?.login ?? '',
    name: agent?.name ?? '',
    site: agent?.site ?? '',
    groups: [...(agent?.groups ?? [])],
    skills: Object.fromEntries(Object.entries(agent?.skills ?? {}).sort(([a], [b]) => a.localeCompare(b))),
    capacity,
  };
}

/** The body of `PUT /api/v1/agents/{login}`. */
export function agentBody(form: AgentForm) {
  const capacity: Partial<Record<Channel, number>> = {};
  for (const channel of CHANNELS) {
    const value = intOf(form.capacity[channel]);
    if (value !== undefined) {
      capacity[channel] = value;
    }
  }
  return {
    name: form.name.trim() || undefined,
    site: form.site.trim() || undefined,
    groups: form.groups,
    skills: { ...form.skills },
    capacity,
  };
}

/** An agent as it is with its groups changed: the body that moves them in or out of a group. */
export function agentWithGroups(agent: Agent, groups: string[]) {
  return { ...agentBody(agentForm(agent)), groups };
}

/** The fields of the agent form that server errors may name, the most particular first. */
export function agentFields(form: AgentForm): string[] {
  return ['login', 'name', 'site', 'groups', ...Object.keys(form.skills).map((skill) => `skills.${skill}`), 'skills',
    ...CHANNELS.map((channel) => `capacity.${channel}`), 'capacity'];
}

// ---- Groups ----

/** A group: the agents in it and the queues it serves. */
export interface Group {
  name: string;
  agents: Agent[];
  queues: string[];
}

/** Every group named by an agent or a queue (a widening step's added groups count too), by name. */
export function groupsOf(agents: Agent[], queues: Queue[]): Group[] {
  const groups = new Map<string, Group>();
  const group = (name: string) => {
    let found = groups.get(name);
    if (!found) {
      found = { name, agents: [], queues: [] };
      groups.set(name, found);
    }
    return found;
  };
  for (const agent of agents) {
    agent.groups.forEach((name) => group(name).agents.push(agent));
  }
  for (const queue of queues) {
    const named = new Set([...(queue.rules.groups ?? []), ...(queue.rules.widening ?? []).flatMap((step) => step.addGroups ?? [])]);
    named.forEach((name) => group(name).queues.push(queue.name));
  }
  return [...groups.values()].sort((a, b) => a.name.localeCompare(b.name));
}

// ---- Queues ----

export interface WideningForm {
  afterSeconds: string;
  lowerLevelsBy: string;
  addGroups: string[];
}

export interface QueueForm {
  name: string;
  strategy: string;
  groups: string[];
  priorityWeightSeconds: string;
  offerTimeoutSeconds: string;
  wrapUpSeconds: string;
  maxLength: string;
  blending: boolean;
  serviceLevelSeconds: string;
  serviceLevelPercent: string;
  maxWait: boolean;
  maxWaitAfterSeconds: string;
  maxWaitAction: string;
  maxWaitTarget: string;
  openingHours: string;
  timeZone: string;
  closedDates: string[];
  afterHoursQueue: string;
  widening: WideningForm[];
}

/** The form for a queue, or for a new one (the server's defaults filled in). */
export function queueForm(queue?: Queue): QueueForm {
  const rules: Partial<QueueRules> = queue?.rules ?? {};
  return {
    name: queue?.name ?? '',
    strategy: rules.strategy ?? 'LONGEST_IDLE',
    groups: [...(rules.groups ?? [])],
    priorityWeightSeconds: textOf(rules.priorityWeightSeconds ?? (queue ? undefined : 60)),
    offerTimeoutSeconds: textOf(rules.offerTimeoutSeconds ?? (queue ? undefined : 20)),
    wrapUpSeconds: textOf(rules.wrapUpSeconds ?? (queue ? undefined : 30)),
    maxLength: textOf(rules.maxLength ?? (queue ? undefined : 1000)),
    blending: rules.blending ?? false,
    serviceLevelSeconds: textOf(rules.serviceLevelSeconds ?? (queue ? undefined : 20)),
    serviceLevelPercent: textOf(rules.serviceLevelPercent ?? (queue ? undefined : 80)),
    maxWait: !!rules.maxWait,
    maxWaitAfterSeconds: textOf(rules.maxWait?.afterSeconds ?? 300),
    maxWaitAction: rules.maxWait?.action ?? 'QUEUE',
    maxWaitTarget: rules.maxWait?.target ?? '',
    openingHours: rules.openingHours ?? '',
    timeZone: rules.timeZone ?? '',
    closedDates: [...(rules.closedDates ?? [])],
    afterHoursQueue: rules.afterHoursQueue ?? '',
    widening: (rules.widening ?? []).map((step) => ({
      afterSeconds: textOf(step.afterSeconds),
      lowerLevelsBy: textOf(step.lowerLevelsBy),
      addGroups: [...(step.addGroups ?? [])],
    })),
  };
}

/** The rules body of `PUT /api/v1/queues/{name}`; empty inputs are left out, for the server's defaults. */
export function queueBody(form: QueueForm): QueueRules {
  const hours = form.openingHours.trim();
  return {
    strategy: form.strategy,
    groups: form.groups,
    priorityWeightSeconds: intOf(form.priorityWeightSeconds),
    offerTimeoutSeconds: intOf(form.offerTimeoutSeconds),
    wrapUpSeconds: intOf(form.wrapUpSeconds),
    maxLength: intOf(form.maxLength),
    blending: form.blending,
    serviceLevelSeconds: intOf(form.serviceLevelSeconds),
    serviceLevelPercent: intOf(form.serviceLevelPercent),
    widening: form.widening.map((step) => ({
      afterSeconds: intOf(step.afterSeconds) ?? 0,
      lowerLevelsBy: intOf(step.lowerLevelsBy),
      addGroups: step.addGroups,
    })),
    maxWait: form.maxWait
      ? { afterSeconds: intOf(form.maxWaitAfterSeconds) ?? 0, action: form.maxWaitAction, target: form.maxWaitAction === 'QUEUE' ? form.maxWaitTarget.trim() || undefined : undefined }
      : undefined,
    openingHours: hours || undefined,
    timeZone: form.timeZone.trim() || undefined,
    closedDates: form.closedDates.length > 0 ? form.closedDates : undefined,
    afterHoursQueue: form.afterHoursQueue.trim() || undefined,
  };
}

/** The queue form's fields that server errors may name (the server's own names), the most particular first. */
export const QUEUE_FIELDS = ['name', 'strategy', 'groups', 'priorityWeightSeconds', 'offerTimeoutSeconds', 'wrapUpSeconds',
  'maxLength', 'blending', 'serviceLevelSeconds', 'serviceLevelPercent', 'maxWait.afterSeconds', 'maxWait.action',
  'maxWait.target', 'maxWait', 'openingHours', 'timeZone', 'closedDates', 'afterHoursQueue', 'widening'];

// ---- Users ----

/** A user as the list reads it, whether the server names them `name` or `user`. */
export function userOf(raw: { name?: string; user?: string; roles?: string[] }): User {
  return { name: raw.name ?? raw.user ?? '', roles: (raw.roles ?? []).filter((role): role is Role => ROLES.includes(role as Role)) };
}

/** The body of `PUT /api/v1/users/{name}`: the password only when one was typed. */
export function userBody(password: string, roles: Role[]) {
  return password ? { password, roles } : { roles };
}

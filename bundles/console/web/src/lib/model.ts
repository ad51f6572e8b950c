// The shapes of the appliance's REST resources, as the console reads them.

export type Role = 'agent' | 'supervisor' | 'admin';
export type AgentState = 'LOGGED_OUT' | 'NOT_READY' | 'READY' | 'RESERVED' | 'BUSY' | 'WRAP_UP';
export type Channel = 'VOICE' | 'CHAT' | 'EMAIL' | 'SMS' | 'CALLBACK' | 'OUTBOUND';
export type InteractionState = 'WAITING' | 'OFFERED' | 'TALKING' | 'WRAP_UP';

export interface SessionView {
  token: string;
  user: string;
  roles: Role[];
  expiresAt: string;
}

export interface Agent {
  login: string;
  name: string;
  site?: string | null;
  groups: string[];
  skills: Record<string, number>;
  capacity: Partial<Record<Channel, number>>;
  state: AgentState;
  reason?: string | null;
  since?: string | null;
  handled?: number | null;
  interactions: string[];
  extension?: string | null;
}

export interface SkillRequirement {
  skill: string;
  minimumLevel: number;
}

export interface Interaction {
  id: string;
  channel: Channel;
  direction?: string;
  queue: string;
  priority: number;
  skills: SkillRequirement[];
  entryPoint?: string | null;
  customer?: string | null;
  attributes: Record<string, string>;
  createdAt: string;
  state: InteractionState;
  agents: string[];
  enqueuedAt?: string | null;
  since?: string | null;
}

/** A queue's rules as the API sends and receives them; durations in seconds. */
export interface QueueRules {
  strategy: string;
  groups: string[];
  priorityWeightSeconds?: number;
  offerTimeoutSeconds?: number;
  wrapUpSeconds?: number;
  maxLength?: number;
  blending?: boolean;
  serviceLevelSeconds?: number;
  serviceLevelPercent?: number;
  widening?: { afterSeconds: number; lowerLevelsBy?: number; addGroups?: string[] }[];
  maxWait?: { afterSeconds: number; action: string; target?: string | null } | null;
  openingHours?: string | null;
  timeZone?: string | null;
  closedDates?: string[] | null;
  afterHoursQueue?: string | null;
}

export interface Queue {
  name: string;
  rules: QueueRules;
  waiting: string[];
}

export interface QueueFigures {
  queue: string;
  since: string;
  waiting: number;
  longestWaitSeconds: number;
  entered: number;
  answered: number;
  answeredInThreshold: number;
  abandoned: number;
  shortAbandoned: number;
  completed: number;
  serviceLevelPercent: number | null;
  serviceLevelGoal: { threshold: number; targetPercent: number };
  averageSpeedOfAnswerSeconds: number | null;
  averageHandleTimeSeconds: number | null;
}

export interface Code {
  kind?: string;
  code: string;
  label: string;
}

export interface Skill {
  name: string;
  description?: string | null;
}

export interface Call {
  interactionId: string;
  caller?: string | null;
  dialed?: string | null;
  state: string;
  queue?: string | null;
  agent?: string | null;
  held: boolean;
  monitoredBy?: string | null;
  parkedAt?: string | null;
  startedAt: string;
}

export interface Consultation {
  target: string;
  state: 'RINGING' | 'TALKING';
}

export interface HistoryEntry {
  at: string;
  interactionId: string;
  event: string;
  queue?: string | null;
  agent?: string | null;
  channel?: string | null;
  detail?: string | null;
}

export interface AgentStateEntry {
  at: string;
  agent: string;
  from: AgentState;
  to: AgentState;
  reason?: string | null;
  extension?: string | null;
}

export interface PastInteraction {
  id: string;
  channel: string;
  queue?: string | null;
  entryPoint?: string | null;
  startedAt: string;
  endedAt?: string | null;
  agent?: string | null;
  disposition?: string | null;
  note?: string | null;
}

/** A dialed number and the flow its calls run. */
export interface EntryPoint {
  number: string;
  flow: string;
}

/** A user of the appliance and their roles. */
export interface User {
  name: string;
  roles: Role[];
}

export type StepType = 'play' | 'menu' | 'collect' | 'hours' | 'set' | 'http' | 'queue' | 'voicemail' | 'transfer' | 'hangup';

/** One step of a flow: its type and that type's fields, as the JSON document holds them. */
export interface FlowStep {
  type: StepType;
  [field: string]: unknown;
}

/** A flow's document: the step a call starts at, and every step by name. */
export interface FlowDocument {
  start: string;
  steps: Record<string, FlowStep>;
}

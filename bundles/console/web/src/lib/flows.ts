import type { FlowDocument, FlowStep, StepType } from './model';

/** How a step field is edited: text, whole number, a step it leads to, a queue, a language, or a map. */
export type FieldKind = 'text' | 'number' | 'step' | 'queue' | 'language' | 'dates' | 'choices' | 'pointers' | 'levels';

/** One field of a step type, as the server reads it; `fallback` is the server's default when it is left out. */
export interface StepField {
  name: string;
  kind: FieldKind;
  required?: boolean;
  fallback?: string | number;
}

export const STEP_TYPES: StepType[] = ['play', 'menu', 'collect', 'hours', 'set', 'http', 'queue', 'voicemail', 'transfer', 'hangup'];

/** The fields of each step type (as README and the server's flow reader describe them). */
export const STEP_FIELDS: Record<StepType, StepField[]> = {
  play: [{ name: 'prompt', kind: 'text', required: true }, { name: 'next', kind: 'step', required: true }],
  menu: [
    { name: 'prompt', kind: 'text' },
    { name: 'choices', kind: 'choices', required: true },
    { name: 'timeoutSeconds', kind: 'number', fallback: 5 },
    { name: 'attempts', kind: 'number', fallback: 3 },
    { name: 'invalidPrompt', kind: 'text' },
    { name: 'otherwise', kind: 'step', required: true },
  ],
  collect: [
    { name: 'prompt', kind: 'text' },
    { name: 'attribute', kind: 'text', required: true },
    { name: 'maxDigits', kind: 'number', fallback: 20 },
    { name: 'terminator', kind: 'text', fallback: '#' },
    { name: 'timeoutSeconds', kind: 'number', fallback: 5 },
    { name: 'next', kind: 'step', required: true },
  ],
  hours: [
    { name: 'openingHours', kind: 'text', required: true },
    { name: 'timeZone', kind: 'text', required: true },
    { name: 'closedDates', kind: 'dates' },
    { name: 'open', kind: 'step', required: true },
    { name: 'closed', kind: 'step', required: true },
  ],
  set: [
    { name: 'attribute', kind: 'text', required: true },
    { name: 'value', kind: 'text', required: true },
    { name: 'next', kind: 'step', required: true },
  ],
  http: [
    { name: 'url', kind: 'text', required: true },
    { name: 'attributes', kind: 'pointers' },
    { name: 'timeoutMillis', kind: 'number', fallback: 2000 },
    { name: 'next', kind: 'step', required: true },
    { name: 'failed', kind: 'step', required: true },
  ],
  queue: [
    { name: 'queue', kind: 'queue', required: true },
    { name: 'priority', kind: 'number', fallback: 0 },
    { name: 'skills', kind: 'levels' },
    { name: 'announceSeconds', kind: 'number', fallback: 0 },
    { name: 'language', kind: 'language', fallback: 'en' },
    { name: 'callbackKey', kind: 'text' },
  ],
  voicemail: [
    { name: 'prompt', kind: 'text' },
    { name: 'mailbox', kind: 'queue', required: true },
    { name: 'maxSeconds', kind: 'number', fallback: 120 },
    { name: 'next', kind: 'step' },
  ],
  transfer: [
    { name: 'destination', kind: 'text', required: true },
    { name: 'ringSeconds', kind: 'number', fallback: 30 },
    { name: 'unanswered', kind: 'step' },
  ],
  hangup: [{ name: 'prompt', kind: 'text' }],
};

/** The steps a step may lead to, in the order its fields name them. */
export function nextSteps(step: FlowStep): string[] {
  const found: string[] = [];
  for (const field of STEP_FIELDS[step.type] ?? []) {
    const value = step[field.name];
    if (field.kind === 'step' && typeof value === 'string' && value) {
      found.push(value);
    } else if (field.kind === 'choices' && value && typeof value === 'object') {
      found.push(...Object.values(value as Record<string, string>).filter((target) => typeof target === 'string'));
    }
  }
  return [...new Set(found)];
}

/** A new step of a type: only its type, the fields to be filled in the form. */
export function blankStep(type: StepType): FlowStep {
  return type === 'menu' ? { type, choices: {} } : { type };
}

/** A step changed to another type, keeping the fields both types have. */
export function retype(step: FlowStep, type: StepType): FlowStep {
  const kept: FlowStep = blankStep(type);
  for (const field of STEP_FIELDS[type]) {
    const old = STEP_FIELDS[step.type]?.find((candidate) => candidate.name === field.name);
    if (old && old.kind === field.kind && step[field.name] !== undefined) {
      kept[field.name] = step[field.name];
    }
  }
  return kept;
}

/** A step with one field set, or left out when the value is empty (so the server's default applies). */
export function withField(step: FlowStep, name: string, value: unknown): FlowStep {
  const next: FlowStep = { ...step };
  const empty = value === undefined || value === '' || (Array.isArray(value) && value.length === 0)
    || (!Array.isArray(value) && typeof value === 'object' && value !== null && Object.keys(value).length === 0 && name !== 'choices');
  if (empty) {
    delete next[name];
  } else {
    next[name] = value;
  }
  return next;
}

/** A number field's input as the document keeps it: a whole number, the text itself when it is none (the
 * server then names the step), or nothing when empty. */
export function numberValue(input: string): number | string | undefined {
  const text = input.trim();
  if (!text) {
    return undefined;
  }
  return /^-?\d+$/.test(text) ? Number(text) : text;
}

/** A flow with a step renamed, and every reference to it (start, next steps, menu choices) following. */
export function renameStep(flow: FlowDocument, from: string, to: string): FlowDocument {
  if (from === to || !(from in flow.steps) || to in flow.steps) {
    return flow;
  }
  const steps: Record<string, FlowStep> = {};
  for (const [name, step] of Object.entries(flow.steps)) {
    steps[name === from ? to : name] = redirect(step, from, to);
  }
  return { start: flow.start === from ? to : flow.start, steps };
}

function redirect(step: FlowStep, from: string, to: string): FlowStep {
  const next: FlowStep = { ...step };
  for (const field of STEP_FIELDS[step.type] ?? []) {
    if (field.kind === 'step' && next[field.name] === from) {
      next[field.name] = to;
    } else if (field.kind === 'choices' && next[field.name] && typeof next[field.name] === 'object') {
      next[field.name] = Object.fromEntries(Object.entries(next[field.name] as Record<string, string>)
        .map(([key, target]) => [key, target === from ? to : target]));
    }
  }
  return next;
}

/** A flow without a step; the start moves to the first step left when it was the one removed. */
export function removeStep(flow: FlowDocument, name: string): FlowDocument {
  const steps = { ...flow.steps };
  delete steps[name];
  return { start: flow.start === name ? (Object.keys(steps)[0] ?? '') : flow.start, steps };
}

/** Steps that name a step the flow does not have: the server refuses those, so the form marks them early. */
export function danglingSteps(flow: FlowDocument): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  for (const [name, step] of Object.entries(flow.steps)) {
    const missing = nextSteps(step).filter((target) => !(target in flow.steps));
    if (missing.length > 0) {
      found[name] = missing;
    }
  }
  return found;
}

/** The step a server error's `field` names (`steps.NAME`), if any. */
export function stepOfField(field: string | undefined): string | null {
  return field && field.startsWith('steps.') ? field.slice('steps.'.length) : null;
}

/** Reads a flow's JSON text: the document, or why it is not one (not JSON, with the parser's words; or not a flow). */
export function parseFlow(text: string): { flow: FlowDocument } | { error: 'notJson' | 'notFlow'; detail?: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { error: 'notJson', detail: (e as Error).message };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return { error: 'notFlow' };
  }
  const document = value as Partial<FlowDocument>;
  if (!document.steps || typeof document.steps !== 'object' || Array.isArray(document.steps)) {
    return { error: 'notFlow' };
  }
  return { flow: { start: typeof document.start === 'string' ? document.start : '', steps: document.steps } };
}

/** A new flow: one step that hangs up. */
export function newFlow(): FlowDocument {
  return { start: 'start', steps: { start: { type: 'hangup' } } };
}

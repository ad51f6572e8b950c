import type { ComponentChildren } from 'preact';
import { Field } from '../../components/Form';
import type { MessageKey } from '../../i18n';
import { useConsole } from '../../lib/context';
import { numberValue, retype, STEP_FIELDS, STEP_TYPES, withField, type StepField } from '../../lib/flows';
import type { FlowStep, Skill, StepType } from '../../lib/model';
import { ListInput, valueOf } from './parts';
import { SkillLevels } from './SkillLevels';

const PROMPTS = ['welcome', 'menu', 'invalid', 'goodbye', 'closed', 'position', 'wait', 'callback-offer', 'callback-confirm', 'leave-message']
  .flatMap((prompt) => [`en/${prompt}`, `ru/${prompt}`]).concat(['beep', 'music/hold']);

/** What a step form offers to choose from: the flow's steps, the queues and the skills catalogue. */
export interface StepChoices {
  steps: string[];
  queues: string[];
  skills: Skill[];
}

/** The form of one step, its fields chosen by its type; renaming it and changing its type too. */
export function StepForm({ name, step, error, choices, onRename, onChange, onRemove }: {
  name: string;
  step: FlowStep;
  error?: string;
  choices: StepChoices;
  onRename: (to: string) => void;
  onChange: (step: FlowStep) => void;
  onRemove: () => void;
}) {
  const { t } = useConsole();
  const id = `step-${name.replace(/[^\w-]/g, '_')}`;
  return (
    <div class={`step-form${error ? ' invalid' : ''}`} id="step-form" data-step={name}>
      <div class="columns">
        <Field id={`${id}-name`} label={t('flow.stepName')}>
          <input id={`${id}-name`} value={name} onChange={(e) => {
            const to = valueOf(e).trim();
            if (to && to !== name) {
              onRename(to);
            }
          }} />
        </Field>
        <Field id={`${id}-type`} label={t('flow.stepType')}>
          <select id={`${id}-type`} value={step.type} onChange={(e) => onChange(retype(step, valueOf(e) as StepType))}>
            {STEP_TYPES.map((type) => <option value={type}>{t(`flow.type.${type}` as MessageKey)}</option>)}
            {!STEP_TYPES.includes(step.type) && <option value={step.type}>{String(step.type)}</option>}
          </select>
        </Field>
      </div>
      <p class="muted small">{t(`flow.about.${step.type}` as MessageKey)}</p>
      {error && <p class="field-error" role="alert" id={`${id}-error`}>{error}</p>}
      {(STEP_FIELDS[step.type] ?? []).map((field) => (
        <StepFieldInput id={`${id}-${field.name}`} field={field} value={step[field.name]} choices={choices}
          onChange={(value) => onChange(withField(step, field.name, value))} />
      ))}
      <datalist id="prompts">{PROMPTS.map((prompt) => <option value={prompt} />)}</datalist>
      <div class="actions">
        <button type="button" class="danger" onClick={onRemove}>{t('flow.removeStep')}</button>
      </div>
    </div>
  );
}

/** One field of a step, edited as its kind asks: text, number, a step or queue to choose, dates, or a map. */
function StepFieldInput({ id, field, value, choices, onChange }: {
  id: string;
  field: StepField;
  value: unknown;
  choices: StepChoices;
  onChange: (value: unknown) => void;
}) {
  const { t } = useConsole();
  const label = `${t(`flow.field.${field.name}` as MessageKey)}${field.required ? ' *' : ''}`;
  const text = value === undefined || value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  const placeholder = field.fallback === undefined ? undefined : String(field.fallback);
  let input: ComponentChildren;
  switch (field.kind) {
    case 'number':
      input = <input id={id} inputMode="numeric" class="short" value={text} placeholder={placeholder}
        onInput={(e) => onChange(numberValue(valueOf(e)))} />;
      break;
    case 'step':
    case 'queue': {
      const options = field.kind === 'step' ? choices.steps : choices.queues;
      input = (
        <select id={id} value={text} onChange={(e) => onChange(valueOf(e) || undefined)}>
          <option value="">{field.required ? t('flow.choose') : t('common.none')}</option>
          {options.map((option) => <option value={option}>{option}</option>)}
          {text && !options.includes(text) && <option value={text}>{text} ⚠</option>}
        </select>
      );
      break;
    }
    case 'language':
      input = (
        <select id={id} value={text || 'en'} onChange={(e) => onChange(valueOf(e))}>
          <option value="en">English</option>
          <option value="ru">Русский</option>
        </select>
      );
      break;
    case 'dates':
      input = <ListInput id={id} values={Array.isArray(value) ? value.map(String) : []} placeholder="2027-01-01" onChange={onChange} />;
      break;
    case 'choices':
    case 'pointers':
      input = <PairsInput id={id} kind={field.kind} value={asStrings(value)} steps={choices.steps} onChange={onChange} />;
      break;
    case 'levels':
      input = <SkillLevels id={id} value={asLevels(value)} catalogue={choices.skills} onChange={onChange} />;
      break;
    default:
      input = <input id={id} value={text} placeholder={placeholder} list={field.name.toLowerCase().endsWith('prompt') ? 'prompts' : undefined}
        onInput={(e) => onChange(valueOf(e))} />;
  }
  return <Field id={id} label={label}>{input}</Field>;
}

function asStrings(value: unknown): Record<string, string> {
  return value && typeof value === 'object' && !Array.isArray(value) ? value as Record<string, string> : {};
}

function asLevels(value: unknown): Record<string, number> {
  return value && typeof value === 'object' && !Array.isArray(value) ? value as Record<string, number> : {};
}

/** A map edited as rows: a menu's key → step, or an HTTP lookup's attribute → JSON pointer. */
function PairsInput({ id, kind, value, steps, onChange }: {
  id: string;
  kind: 'choices' | 'pointers';
  value: Record<string, string>;
  steps: string[];
  onChange: (value: Record<string, string>) => void;
}) {
  const { t } = useConsole();
  const entries = Object.entries(value);
  const rename = (from: string, to: string) => {
    if (to === from || to in value) {
      return;
    }
    onChange(Object.fromEntries(entries.map(([key, target]) => [key === from ? to : key, target])));
  };
  const set = (key: string, target: string) => onChange({ ...value, [key]: target });
  const remove = (key: string) => onChange(Object.fromEntries(entries.filter(([other]) => other !== key)));
  const add = () => {
    let key = kind === 'choices' ? '1' : 'attribute';
    for (let n = 1; key in value; n++) {
      key = kind === 'choices' ? String(n + 1) : `attribute${n + 1}`;
    }
    onChange({ ...value, [key]: kind === 'choices' ? (steps[0] ?? '') : '/' });
  };
  return (
    <div class="pairs" id={id}>
      {entries.map(([key, target], index) => (
        <div class="pair" data-key={key}>
          <input class={kind === 'choices' ? 'key' : ''} aria-label={t(kind === 'choices' ? 'flow.key' : 'flow.attribute')}
            id={`${id}-key-${index}`} value={key} onChange={(e) => rename(key, valueOf(e).trim())} />
          <span>→</span>
          {kind === 'choices' ? (
            <select aria-label={t('flow.goesTo')} value={target} onChange={(e) => set(key, valueOf(e))}>
              <option value="">{t('flow.choose')}</option>
              {steps.map((step) => <option value={step}>{step}</option>)}
              {target && !steps.includes(target) && <option value={target}>{target} ⚠</option>}
            </select>
          ) : (
            <input aria-label={t('flow.pointer')} value={target} placeholder="/customer/name" onInput={(e) => set(key, valueOf(e))} />
          )}
          <button type="button" class="link danger" aria-label={t('admin.removeItem', { name: key })} onClick={() => remove(key)}>×</button>
        </div>
      ))}
      <button type="button" class="small-button" onClick={add}>{t(kind === 'choices' ? 'flow.addChoice' : 'flow.addAttribute')}</button>
    </div>
  );
}

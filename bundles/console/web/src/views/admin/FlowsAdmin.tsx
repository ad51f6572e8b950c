import { useEffect, useState } from 'preact/hooks';
import { Field, NO_ERRORS } from '../../components/Form';
import { errorOn, useSaving } from '../../components/useSaving';
import type { MessageKey } from '../../i18n';
import { seg } from '../../lib/api';
import { useConsole } from '../../lib/context';
import { blankStep, danglingSteps, newFlow, nextSteps, parseFlow, removeStep, renameStep, STEP_TYPES, stepOfField } from '../../lib/flows';
import type { FlowDocument, Queue, Skill, StepType } from '../../lib/model';
import { ConfirmDelete, valueOf } from './parts';
import { StepForm, type StepChoices } from './StepForm';

/** Where the flows section shows a flow: `#/admin/flows/NAME`. */
function showFlow(name: string | null) {
  location.hash = name === null ? '#/admin/flows' : `#/admin/flows/${encodeURIComponent(name)}`;
}

/** Flows: the list of flows, and for the one chosen (`selected`, from the address) its steps in forms. */
export function FlowsAdmin({ selected }: { selected: string | null }) {
  const { api, t } = useConsole();
  const [flows, setFlows] = useState<string[]>([]);
  const [queues, setQueues] = useState<string[]>([]);
  const [skills, setSkills] = useState<Skill[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [creating, setCreating] = useState('');
  const [fresh, setFresh] = useState<string | null>(null);

  const load = () => api.get<string[]>('/v1/flows').then((names) => setFlows([...names].sort()), (e) => setProblem((e as Error).message));
  useEffect(() => {
    load();
    api.get<Queue[]>('/v1/queues').then((list) => setQueues(list.map((queue) => queue.name)), () => undefined);
    api.get<Skill[]>('/v1/skills').then(setSkills, () => undefined);
  }, []);

  const create = (event: Event) => {
    event.preventDefault();
    const name = creating.trim();
    if (name) {
      setFresh(name);
      setCreating('');
      showFlow(name);
    }
  };
  const names = fresh && !flows.includes(fresh) ? [...flows, fresh] : flows;

  return (
    <section class="card editor flows">
      <header><h2>{t('admin.flows')}</h2></header>
      <div class="editor-body wide-form">
        <div class="editor-list">
          {problem && <p class="error" role="alert">{problem}</p>}
          <ul class="flow-list">
            {names.map((name) => (
              <li class={name === selected ? 'selected' : ''} data-flow={name}>
                <a href={`#/admin/flows/${encodeURIComponent(name)}`}>{name}</a>
                {!flows.includes(name) && <span class="muted small"> {t('flow.unsaved')}</span>}
              </li>
            ))}
            {names.length === 0 && <li class="muted">{t('flow.none')}</li>}
          </ul>
          <form class="admin-form" id="new-flow-form" onSubmit={create}>
            <Field id="new-flow-name" label={t('flow.newFlow')}>
              <input id="new-flow-name" value={creating} onInput={(e) => setCreating(valueOf(e))} />
            </Field>
            <button type="submit">{t('flow.create')}</button>
          </form>
        </div>
        <div class="editor-form">
          {selected ? (
            <FlowLoader key={selected} name={selected} isNew={!flows.includes(selected)} choices={{ steps: [], queues, skills }}
              onSaved={() => {
                setFresh(null);
                load();
              }}
              onDeleted={() => {
                setFresh(null);
                showFlow(null);
                load();
              }} />
          ) : <p class="muted">{t('flow.pick')}</p>}
        </div>
      </div>
    </section>
  );
}

/** Reads a saved flow (a new one starts with one step) and hands it to the editor. */
function FlowLoader({ name, isNew, choices, onSaved, onDeleted }: {
  name: string;
  isNew: boolean;
  choices: StepChoices;
  onSaved: () => void;
  onDeleted: () => void;
}) {
  const { api, t } = useConsole();
  const [flow, setFlow] = useState<FlowDocument | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (isNew) {
      setFlow(newFlow());
      return;
    }
    api.get<unknown>(`/v1/flows/${seg(name)}`).then((document) => {
      const parsed = parseFlow(JSON.stringify(document));
      if ('flow' in parsed) {
        setFlow(parsed.flow);
      } else {
        setProblem(t('flow.notFlow'));
      }
    }, (e) => {
      // A flow named in the address but not saved yet starts new.
      if ((e as { status?: number }).status === 404) {
        setFlow(newFlow());
      } else {
        setProblem((e as Error).message);
      }
    });
  }, [name]);
  if (problem) {
    return <p class="error" role="alert">{problem}</p>;
  }
  if (!flow) {
    return <p class="muted">{t('common.loading')}</p>;
  }
  return <FlowEditor name={name} initial={flow} saved={!isNew} choices={choices} onSaved={onSaved} onDeleted={onDeleted} />;
}

/** One flow: its start, its steps (each with where it leads and the server's complaint), the chosen step's form,
 * and the raw JSON as a fallback. */
function FlowEditor({ name, initial, saved: wasSaved, choices, onSaved, onDeleted }: {
  name: string;
  initial: FlowDocument;
  saved: boolean;
  choices: StepChoices;
  onSaved: () => void;
  onDeleted: () => void;
}) {
  const { api, t } = useConsole();
  const [flow, setFlow] = useState<FlowDocument>(initial);
  const [step, setStep] = useState<string | null>(initial.start in initial.steps ? initial.start : Object.keys(initial.steps)[0] ?? null);
  const [json, setJson] = useState<string | null>(null);
  const { errors, saved, setErrors, setSaved, run, refuse } = useSaving();
  const [deleting, setDeleting] = useState(false);
  const [newStep, setNewStep] = useState({ name: '', type: 'play' as StepType });

  const change = (next: FlowDocument) => {
    setFlow(next);
    setSaved(false);
  };
  const stepNames = Object.keys(flow.steps);
  const dangling = danglingSteps(flow);

  const save = async (event: Event) => {
    event.preventDefault();
    let document: unknown = flow;
    if (json !== null) {
      const parsed = parseFlow(json);
      if ('error' in parsed) {
        refuse(null, parsed.detail ?? t(`flow.${parsed.error}` as MessageKey));
        return;
      }
      document = JSON.parse(json);
      setFlow(parsed.flow);
    }
    const shown = json !== null ? [] : ['start', ...stepNames.map((stepName) => `steps.${stepName}`)];
    await run(shown, async () => {
      await api.put(`/v1/flows/${seg(name)}`, document).catch((e) => {
        // The step the server found wrong opens, its complaint beside it.
        const at = stepOfField((e as { field?: string }).field);
        if (json === null && at && at in flow.steps) {
          setStep(at);
        }
        throw e;
      });
      onSaved();
    });
  };

  const toForm = () => {
    const parsed = parseFlow(json ?? '');
    if ('error' in parsed) {
      setErrors(errorOn(null, parsed.detail ?? t(`flow.${parsed.error}` as MessageKey)));
      return;
    }
    setErrors(NO_ERRORS);
    setFlow(parsed.flow);
    setJson(null);
  };

  const addStep = (event: Event) => {
    event.preventDefault();
    const stepName = newStep.name.trim();
    if (!stepName || stepName in flow.steps) {
      return;
    }
    change({ ...flow, start: flow.start || stepName, steps: { ...flow.steps, [stepName]: blankStep(newStep.type) } });
    setStep(stepName);
    setNewStep({ ...newStep, name: '' });
  };

  const stepChoices: StepChoices = { ...choices, steps: stepNames };
  return (
    <div class="flow-editor" data-flow={name}>
      <form id="flow-form" onSubmit={save} noValidate>
        <header class="flow-head">
          <h3>{name}</h3>
          <div class="tabs" role="tablist">
            <button type="button" role="tab" aria-selected={json === null} class={json === null ? 'active' : ''}
              onClick={() => json !== null && toForm()}>{t('flow.formView')}</button>
            <button type="button" role="tab" id="flow-json-tab" aria-selected={json !== null} class={json !== null ? 'active' : ''}
              onClick={() => json === null && setJson(JSON.stringify(flow, null, 2))}>{t('flow.jsonView')}</button>
          </div>
        </header>
        {json === null ? (
          <>
            <Field id="flow-start" label={t('flow.start')} error={errors.fields.start}>
              <select id="flow-start" value={flow.start} onChange={(e) => change({ ...flow, start: valueOf(e) })}>
                {!(flow.start in flow.steps) && <option value={flow.start}>{flow.start || t('flow.choose')}</option>}
                {stepNames.map((stepName) => <option value={stepName}>{stepName}</option>)}
              </select>
            </Field>
            <table class="list steps-list">
              <thead><tr><th>{t('flow.stepName')}</th><th>{t('flow.stepType')}</th><th>{t('flow.leadsTo')}</th></tr></thead>
              <tbody>
                {stepNames.map((stepName) => {
                  const error = errors.fields[`steps.${stepName}`];
                  return (
                    <tr data-step={stepName} class={`${stepName === step ? 'selected' : ''}${error ? ' invalid' : ''}`} onClick={() => setStep(stepName)}>
                      <td>
                        <button type="button" class="link" onClick={() => setStep(stepName)}>{stepName}</button>
                        {stepName === flow.start && <span class="chip start">{t('flow.startMark')}</span>}
                        {error && <span class="field-error" role="alert" id={`steps-${stepName}-error`}>{error}</span>}
                      </td>
                      <td>{t(`flow.type.${flow.steps[stepName].type}` as MessageKey)}</td>
                      <td class="small">{nextSteps(flow.steps[stepName]).map((target) => (
                        <span class={dangling[stepName]?.includes(target) ? 'missing' : ''}
                          title={dangling[stepName]?.includes(target) ? t('flow.noSuchStep') : ''}>{target} </span>
                      ))}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <div class="row add-step">
              <input id="new-step-name" aria-label={t('flow.stepName')} placeholder={t('flow.stepName')} value={newStep.name}
                onInput={(e) => setNewStep({ ...newStep, name: valueOf(e) })}
                onKeyDown={(e) => e.key === 'Enter' && addStep(e)} />
              <select id="new-step-type" aria-label={t('flow.stepType')} value={newStep.type}
                onChange={(e) => setNewStep({ ...newStep, type: valueOf(e) as StepType })}>
                {STEP_TYPES.map((type) => <option value={type}>{t(`flow.type.${type}` as MessageKey)}</option>)}
              </select>
              <button type="button" id="add-step" onClick={addStep}>{t('flow.addStep')}</button>
            </div>
            {step && flow.steps[step] && (
              <StepForm key={step} name={step} step={flow.steps[step]} error={errors.fields[`steps.${step}`]} choices={stepChoices}
                onRename={(to) => {
                  if (!(to in flow.steps)) {
                    change(renameStep(flow, step, to));
                    setStep(to);
                  }
                }}
                onChange={(next) => change({ ...flow, steps: { ...flow.steps, [step]: next } })}
                onRemove={() => {
                  change(removeStep(flow, step));
                  setStep(null);
                }} />
            )}
          </>
        ) : (
          <Field id="flow-json" label={t('flow.jsonLabel')}>
            <textarea id="flow-json" class="json" rows={22} spellcheck={false} value={json}
              onInput={(e) => {
                setJson(valueOf(e));
                setSaved(false);
              }} />
          </Field>
        )}
        {errors.form && <p class="error" role="alert">{errors.form}</p>}
        {saved && <p class="notice" role="status">{t('common.saved')}</p>}
        <div class="actions">
          <button type="submit" class="primary">{t('common.save')}</button>
          {wasSaved && <button type="button" class="danger" onClick={() => setDeleting(true)}>{t('flow.deleteFlow')}</button>}
        </div>
      </form>
      {deleting && (
        <ConfirmDelete name={name} onClose={() => setDeleting(false)} onConfirm={async () => {
          await api.delete(`/v1/flows/${seg(name)}`);
          onDeleted();
        }} />
      )}
    </div>
  );
}

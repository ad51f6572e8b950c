import { useEffect, useState } from 'preact/hooks';
import { Field, type FormErrors } from '../../components/Form';
import { useSaving } from '../../components/useSaving';
import type { MessageKey } from '../../i18n';
import { MAX_WAIT_ACTIONS, QUEUE_FIELDS, queueBody, queueForm, STRATEGIES, type QueueForm, type WideningForm } from '../../lib/admin';
import { seg } from '../../lib/api';
import { useConsole } from '../../lib/context';
import type { Agent, Queue } from '../../lib/model';
import { Editor, FormFooter, ListInput, RowActions, useDeleting, useEditing, valueOf } from './parts';

const TIME_ZONES: string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

/** Queues: the list, and a form for every rule (strategy, groups, timing, service level, wait limit, hours, widening). */
export function QueuesAdmin() {
  const { api, t } = useConsole();
  const [queues, setQueues] = useState<Queue[]>([]);
  const [groups, setGroups] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const { editing, setEditing, formKey, open } = useEditing();

  const load = () => api.get<Queue[]>('/v1/queues').then(setQueues, (e) => setProblem((e as Error).message));
  useEffect(() => {
    load();
    api.get<Agent[]>('/v1/agents').then((agents) => setGroups([...new Set(agents.flatMap((agent) => agent.groups))]), () => undefined);
  }, []);
  const deleting = useDeleting('/v1/queues', { current: editing, close: () => open(null), reload: load });
  const queue = queues.find((candidate) => candidate.name === editing);
  const knownGroups = [...new Set([...groups, ...queues.flatMap((q) => q.rules.groups ?? [])])].sort();

  return (
    <Editor
      title={t('admin.queues')}
      onNew={() => open(null)}
      newLabel={t('admin.newQueue')}
      list={problem ? <p class="error" role="alert">{problem}</p> : (
        <table class="list queues-list">
          <thead><tr><th>{t('admin.name')}</th><th>{t('admin.strategy')}</th><th>{t('grid.groups')}</th><th>{t('wallboard.waiting')}</th><th /></tr></thead>
          <tbody>
            {queues.map((entry) => (
              <tr data-queue={entry.name} class={entry.name === editing ? 'selected' : ''}>
                <td><strong>{entry.name}</strong>{entry.rules.openingHours && <><br /><span class="muted small">{entry.rules.openingHours}</span></>}</td>
                <td class="small">{t(`strategy.${entry.rules.strategy}` as MessageKey)}</td>
                <td>{(entry.rules.groups ?? []).join(', ')}</td>
                <td>{entry.waiting.length}</td>
                <RowActions onEdit={() => open(entry.name)} onDelete={() => deleting.ask(entry.name)} />
              </tr>
            ))}
            {queues.length === 0 && <tr><td colSpan={5} class="muted">{t('admin.noQueues')}</td></tr>}
          </tbody>
        </table>
      )}
      form={(
        <>
          <QueueEditor key={formKey} queue={queue} queues={queues.map((q) => q.name)} groups={knownGroups}
            onSaved={(name) => {
              setEditing(name);
              load();
            }} />
          {deleting.dialog}
        </>
      )}
    />
  );
}

/** The form for one queue's rules (or a new queue's). */
function QueueEditor({ queue, queues, groups, onSaved }: {
  queue?: Queue;
  queues: string[];
  groups: string[];
  onSaved: (name: string) => void;
}) {
  const { api, t } = useConsole();
  const [form, setForm] = useState<QueueForm>(() => queueForm(queue));
  const { errors, saved, setSaved, run, refuse } = useSaving();
  const change = (part: Partial<QueueForm>) => {
    setForm((current) => ({ ...current, ...part }));
    setSaved(false);
  };
  const others = queues.filter((name) => name !== form.name);

  const save = async (event: Event) => {
    event.preventDefault();
    const name = form.name.trim();
    if (!name) {
      refuse('name', t('admin.required'));
      return;
    }
    await run(QUEUE_FIELDS, async () => {
      await api.put(`/v1/queues/${seg(name)}`, queueBody(form));
      onSaved(name);
    });
  };

  /** A whole-number input for a field of the form, with the server's error for it. */
  const number = (field: keyof QueueForm & string, label: MessageKey, min = 0, max?: number) => (
    <Field id={`queue-${field}`} label={t(label)} error={errors.fields[field]}>
      <input type="number" id={`queue-${field}`} min={min} max={max} value={form[field] as string}
        onInput={(e) => change({ [field]: valueOf(e) })} />
    </Field>
  );

  return (
    <form class="admin-form" id="queue-form" onSubmit={save} noValidate>
      <h3>{queue ? queue.name : t('admin.newQueue')}</h3>
      <Field id="queue-name" label={t('admin.name')} error={errors.fields.name}>
        <input id="queue-name" value={form.name} readOnly={!!queue} onInput={(e) => change({ name: valueOf(e) })} />
      </Field>
      <Field id="queue-strategy" label={t('admin.strategy')} error={errors.fields.strategy}>
        <select id="queue-strategy" value={form.strategy} onChange={(e) => change({ strategy: valueOf(e) })}>
          {STRATEGIES.map((strategy) => <option value={strategy}>{t(`strategy.${strategy}` as MessageKey)}</option>)}
        </select>
      </Field>
      <Field id="queue-groups" label={t('grid.groups')} error={errors.fields.groups}>
        <ListInput id="queue-groups" values={form.groups} options={groups} placeholder={t('admin.addGroup')}
          invalid={!!errors.fields.groups} onChange={(values) => change({ groups: values })} />
      </Field>
      <fieldset>
        <legend>{t('admin.timing')}</legend>
        <div class="columns">
          {number('offerTimeoutSeconds', 'admin.offerTimeoutSeconds', 1)}
          {number('wrapUpSeconds', 'admin.wrapUpSeconds', 0, 3600)}
          {number('maxLength', 'admin.maxLength', 0)}
          {number('priorityWeightSeconds', 'admin.priorityWeightSeconds', 0)}
        </div>
        <label class="check"><input type="checkbox" id="queue-blending" checked={form.blending}
          onChange={(e) => change({ blending: (e.target as HTMLInputElement).checked })} /> {t('admin.blending')}</label>
      </fieldset>
      <fieldset>
        <legend>{t('admin.serviceLevel')}</legend>
        <div class="columns">
          {number('serviceLevelSeconds', 'admin.serviceLevelSeconds', 1)}
          {number('serviceLevelPercent', 'admin.serviceLevelPercent', 1, 100)}
        </div>
      </fieldset>
      <MaxWaitFields form={form} errors={errors} queues={others} change={change} />
      <HoursFields form={form} errors={errors} queues={others} change={change} />
      <WideningFields steps={form.widening} error={errors.fields.widening} groups={groups} onChange={(widening) => change({ widening })} />
      <FormFooter errors={errors} saved={saved} />
    </form>
  );
}

type Part = { form: QueueForm; errors: FormErrors; queues: string[]; change: (part: Partial<QueueForm>) => void };

/** What happens to a contact that waits too long: after how long, and sent on to a queue, called back, or to voicemail. */
function MaxWaitFields({ form, errors, queues, change }: Part) {
  const { t } = useConsole();
  return (
    <fieldset>
      <legend>{t('admin.maxWait')}</legend>
      <label class="check"><input type="checkbox" id="queue-maxWait" checked={form.maxWait}
        onChange={(e) => change({ maxWait: (e.target as HTMLInputElement).checked })} /> {t('admin.maxWaitOn')}</label>
      {errors.fields.maxWait && <p class="field-error" role="alert">{errors.fields.maxWait}</p>}
      {form.maxWait && (
        <div class="columns">
          <Field id="queue-maxWait-afterSeconds" label={t('admin.afterSeconds')} error={errors.fields['maxWait.afterSeconds']}>
            <input type="number" min={1} id="queue-maxWait-afterSeconds" value={form.maxWaitAfterSeconds}
              onInput={(e) => change({ maxWaitAfterSeconds: valueOf(e) })} />
          </Field>
          <Field id="queue-maxWait-action" label={t('admin.action')} error={errors.fields['maxWait.action']}>
            <select id="queue-maxWait-action" value={form.maxWaitAction} onChange={(e) => change({ maxWaitAction: valueOf(e) })}>
              {MAX_WAIT_ACTIONS.map((action) => <option value={action}>{t(`maxWait.${action}` as MessageKey)}</option>)}
            </select>
          </Field>
          {form.maxWaitAction === 'QUEUE' && (
            <Field id="queue-maxWait-target" label={t('admin.targetQueue')} error={errors.fields['maxWait.target']}>
              <select id="queue-maxWait-target" value={form.maxWaitTarget} onChange={(e) => change({ maxWaitTarget: valueOf(e) })}>
                <option value="">{t('common.none')}</option>
                {queues.map((name) => <option value={name}>{name}</option>)}
              </select>
            </Field>
          )}
        </div>
      )}
    </fieldset>
  );
}

/** Opening hours, their time zone, closed dates and the queue that takes contacts while closed. */
function HoursFields({ form, errors, queues, change }: Part) {
  const { t } = useConsole();
  return (
    <fieldset>
      <legend>{t('admin.hours')}</legend>
      <Field id="queue-openingHours" label={t('admin.openingHours')} error={errors.fields.openingHours}>
        <input id="queue-openingHours" value={form.openingHours} placeholder="mon-fri 09:00-18:00; sat 10:00-14:00"
          onInput={(e) => change({ openingHours: valueOf(e) })} />
      </Field>
      <div class="columns">
        <Field id="queue-timeZone" label={t('admin.timeZone')} error={errors.fields.timeZone}>
          <input id="queue-timeZone" list="time-zones" value={form.timeZone} placeholder="Europe/Moscow"
            onInput={(e) => change({ timeZone: valueOf(e) })} />
          <datalist id="time-zones">{TIME_ZONES.map((zone) => <option value={zone} />)}</datalist>
        </Field>
        <Field id="queue-afterHoursQueue" label={t('admin.afterHoursQueue')} error={errors.fields.afterHoursQueue}>
          <select id="queue-afterHoursQueue" value={form.afterHoursQueue} onChange={(e) => change({ afterHoursQueue: valueOf(e) })}>
            <option value="">{t('admin.refuseWhileClosed')}</option>
            {queues.map((name) => <option value={name}>{name}</option>)}
          </select>
        </Field>
      </div>
      <Field id="queue-closedDates" label={t('admin.closedDates')} error={errors.fields.closedDates}>
        <ListInput id="queue-closedDates" values={form.closedDates} placeholder="2027-01-01" invalid={!!errors.fields.closedDates}
          onChange={(values) => change({ closedDates: values })} />
      </Field>
    </fieldset>
  );
}

/** Widening steps: after so long, lower the skill levels asked for and add groups. */
function WideningFields({ steps, error, groups, onChange }: {
  steps: WideningForm[];
  error?: string;
  groups: string[];
  onChange: (steps: WideningForm[]) => void;
}) {
  const { t } = useConsole();
  const set = (index: number, part: Partial<WideningForm>) => onChange(steps.map((step, i) => (i === index ? { ...step, ...part } : step)));
  return (
    <fieldset class={error ? 'invalid' : ''}>
      <legend>{t('admin.widening')}</legend>
      {steps.map((step, index) => (
        <div class="widening-step" data-step={index}>
          <Field id={`widening-${index}-after`} label={t('admin.afterSeconds')}>
            <input type="number" min={1} id={`widening-${index}-after`} value={step.afterSeconds}
              onInput={(e) => set(index, { afterSeconds: valueOf(e) })} />
          </Field>
          <Field id={`widening-${index}-lower`} label={t('admin.lowerLevelsBy')}>
            <input type="number" min={0} max={9} id={`widening-${index}-lower`} value={step.lowerLevelsBy}
              onInput={(e) => set(index, { lowerLevelsBy: valueOf(e) })} />
          </Field>
          <Field id={`widening-${index}-groups`} label={t('admin.addGroups')}>
            <ListInput id={`widening-${index}-groups`} values={step.addGroups} options={groups}
              onChange={(addGroups) => set(index, { addGroups })} />
          </Field>
          <button type="button" class="link danger" onClick={() => onChange(steps.filter((_, i) => i !== index))}>
            {t('admin.removeStep')}</button>
        </div>
      ))}
      {error && <p class="field-error" role="alert">{error}</p>}
      <button type="button" id="widening-add" onClick={() => onChange([...steps, { afterSeconds: '60', lowerLevelsBy: '1', addGroups: [] }])}>
        {t('admin.addWidening')}</button>
    </fieldset>
  );
}

import { useEffect, useState } from 'preact/hooks';
import { Field } from '../../components/Form';
import { useSaving } from '../../components/useSaving';
import { agentBody, agentFields, agentForm, CHANNELS, type AgentForm } from '../../lib/admin';
import { seg } from '../../lib/api';
import { useConsole } from '../../lib/context';
import { useLiveAgents } from '../../lib/liveAgents';
import type { Agent, Queue, Skill } from '../../lib/model';
import { Editor, FormFooter, ListInput, RowActions, useDeleting, useEditing, valueOf } from './parts';
import { SkillLevels } from './SkillLevels';

/** Agents: the list with each one's live state, and a form for name, groups, skills and capacity. */
export function AgentsAdmin() {
  const { api, t } = useConsole();
  const { agents, error, reload } = useLiveAgents(api);
  const [catalogue, setCatalogue] = useState<Skill[]>([]);
  const [queues, setQueues] = useState<Queue[]>([]);
  const { editing, setEditing, formKey, open } = useEditing();
  const deleting = useDeleting('/v1/agents', { current: editing, close: () => open(null), reload });

  useEffect(() => {
    api.get<Skill[]>('/v1/skills').then(setCatalogue, () => undefined);
    api.get<Queue[]>('/v1/queues').then(setQueues, () => undefined);
  }, []);

  const agent = agents.find((candidate) => candidate.login === editing);
  const knownGroups = [...new Set([...agents.flatMap((a) => a.groups), ...queues.flatMap((q) => q.rules.groups ?? [])])].sort();

  return (
    <Editor
      title={t('admin.agents')}
      onNew={() => open(null)}
      newLabel={t('admin.newAgent')}
      list={<AgentList agents={agents} selected={editing} onEdit={open} onDelete={deleting.ask} error={error} />}
      form={(
        <>
          <AgentEditor key={formKey} agent={agent} catalogue={catalogue} groups={knownGroups}
            onSaved={(login) => {
              setEditing(login);
              reload();
            }} />
          {deleting.dialog}
        </>
      )}
    />
  );
}

/** The agents, each with live state, groups and skills; edit or delete one. */
function AgentList({ agents, selected, onEdit, onDelete, error }: {
  agents: Agent[];
  selected: string | null;
  onEdit: (login: string) => void;
  onDelete: (login: string) => void;
  error: unknown;
}) {
  const { t } = useConsole();
  if (error) {
    return <p class="error" role="alert">{(error as Error).message}</p>;
  }
  if (agents.length === 0) {
    return <p class="muted">{t('admin.noAgents')}</p>;
  }
  return (
    <table class="list agents-list">
      <thead>
        <tr><th>{t('grid.agent')}</th><th>{t('grid.state')}</th><th>{t('grid.groups')}</th><th>{t('admin.skills')}</th><th /></tr>
      </thead>
      <tbody>
        {[...agents].sort((a, b) => a.name.localeCompare(b.name)).map((agent) => (
          <tr data-agent={agent.login} class={agent.login === selected ? 'selected' : ''}>
            <td><strong>{agent.name}</strong><br /><span class="muted">{agent.login}{agent.site ? ` · ${agent.site}` : ''}</span></td>
            <td><span class={`state-badge state-${agent.state}`} data-state={agent.state}>{t(`state.${agent.state}`)}</span></td>
            <td>{agent.groups.join(', ')}</td>
            <td class="small">{Object.entries(agent.skills).map(([skill, level]) => `${skill} ${level}`).join(', ')}</td>
            <RowActions onEdit={() => onEdit(agent.login)} onDelete={() => onDelete(agent.login)} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The form for one agent (or a new one): login, name, site, groups, skill levels, capacity per channel. */
function AgentEditor({ agent, catalogue, groups, onSaved }: {
  agent?: Agent;
  catalogue: Skill[];
  groups: string[];
  onSaved: (login: string) => void;
}) {
  const { api, t } = useConsole();
  const [form, setForm] = useState<AgentForm>(() => agentForm(agent));
  const { errors, saved, setSaved, run, refuse } = useSaving();
  const change = (part: Partial<AgentForm>) => {
    setForm((current) => ({ ...current, ...part }));
    setSaved(false);
  };

  const save = async (event: Event) => {
    event.preventDefault();
    const login = form.login.trim();
    if (!login) {
      refuse('login', t('admin.required'));
      return;
    }
    await run(agentFields(form), async () => {
      await api.put(`/v1/agents/${seg(login)}`, agentBody(form));
      onSaved(login);
    });
  };

  const skillErrors = Object.fromEntries(Object.keys(form.skills).map((skill) => [skill, errors.fields[`skills.${skill}`]]));
  return (
    <form class="admin-form" id="agent-form" onSubmit={save} noValidate>
      <h3>{agent ? agent.name : t('admin.newAgent')}</h3>
      <Field id="agent-login" label={t('admin.login')} error={errors.fields.login}>
        <input id="agent-login" value={form.login} readOnly={!!agent} onInput={(e) => change({ login: valueOf(e) })} />
      </Field>
      <Field id="agent-name" label={t('admin.name')} error={errors.fields.name}>
        <input id="agent-name" value={form.name} onInput={(e) => change({ name: valueOf(e) })} />
      </Field>
      <Field id="agent-site" label={t('admin.site')} error={errors.fields.site}>
        <input id="agent-site" value={form.site} onInput={(e) => change({ site: valueOf(e) })} />
      </Field>
      <Field id="agent-groups" label={t('grid.groups')} error={errors.fields.groups}>
        <ListInput id="agent-groups" values={form.groups} options={groups} invalid={!!errors.fields.groups}
          placeholder={t('admin.addGroup')} onChange={(values) => change({ groups: values })} />
      </Field>
      <Field id="agent-skills-add" label={t('admin.skillLevels')} error={errors.fields.skills}>
        <SkillLevels id="agent-skills" value={form.skills} catalogue={catalogue} errors={skillErrors}
          onChange={(skills) => change({ skills })} />
      </Field>
      <fieldset class="capacity">
        <legend>{t('admin.capacity')}</legend>
        {CHANNELS.map((channel) => (
          <Field id={`agent-capacity-${channel}`} label={t(`channel.${channel}`)} error={errors.fields[`capacity.${channel}`]}>
            <input type="number" min={0} max={50} id={`agent-capacity-${channel}`} value={form.capacity[channel]}
              onInput={(e) => change({ capacity: { ...form.capacity, [channel]: valueOf(e) } })} />
          </Field>
        ))}
        {errors.fields.capacity && <p class="field-error" role="alert">{errors.fields.capacity}</p>}
      </fieldset>
      <FormFooter errors={errors} saved={saved} />
    </form>
  );
}

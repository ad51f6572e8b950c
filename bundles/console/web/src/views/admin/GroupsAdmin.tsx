import { useEffect, useState } from 'preact/hooks';
import { Field } from '../../components/Form';
import { agentWithGroups, groupsOf, type Group } from '../../lib/admin';
import { seg } from '../../lib/api';
import { useConsole } from '../../lib/context';
import { useLiveAgents } from '../../lib/liveAgents';
import type { Agent, Queue } from '../../lib/model';
import { valueOf } from './parts';

/** Groups (names on agents and queues): each with its agents and the queues it serves; move agents in and out. */
export function GroupsAdmin() {
  const { api, t } = useConsole();
  const { agents, error, reload } = useLiveAgents(api);
  const [queues, setQueues] = useState<Queue[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [added, setAdded] = useState<string[]>([]);

  useEffect(() => {
    api.get<Queue[]>('/v1/queues').then(setQueues, (e) => setProblem((e as Error).message));
  }, []);

  const move = async (agent: Agent, groups: string[]) => {
    setProblem(null);
    try {
      await api.put(`/v1/agents/${seg(agent.login)}`, agentWithGroups(agent, groups));
      await reload();
    } catch (e) {
      setProblem(`${agent.name}: ${(e as Error).message}`);
    }
  };

  const known = groupsOf(agents, queues);
  const groups: Group[] = [...known, ...added.filter((name) => !known.some((group) => group.name === name))
    .map((name) => ({ name, agents: [], queues: [] }))];

  return (
    <section class="card">
      <header><h2>{t('admin.groups')}</h2></header>
      <p class="muted">{t('admin.groupsHint')}</p>
      {(problem || error) && <p class="error banner" role="alert">{problem ?? (error as Error).message}</p>}
      <div class="groups">
        {groups.map((group) => (
          <GroupCard group={group} agents={agents}
            onAdd={(agent) => move(agent, [...agent.groups, group.name])}
            onRemove={(agent) => move(agent, agent.groups.filter((name) => name !== group.name))} />
        ))}
      </div>
      <NewGroup onAdd={(name) => setAdded((current) => [...current, name])} />
    </section>
  );
}

/** One group: its queues, its agents (each removable), and a choice of agent to add. */
function GroupCard({ group, agents, onAdd, onRemove }: {
  group: Group;
  agents: Agent[];
  onAdd: (agent: Agent) => void;
  onRemove: (agent: Agent) => void;
}) {
  const { t } = useConsole();
  const outside = agents.filter((agent) => !agent.groups.includes(group.name)).sort((a, b) => a.name.localeCompare(b.name));
  const id = `group-${group.name.replace(/[^\w-]/g, '_')}`;
  return (
    <div class="group-card" data-group={group.name}>
      <h3>{group.name}</h3>
      <p class="muted small">{group.queues.length > 0 ? t('admin.servesQueues', { queues: group.queues.join(', ') }) : t('admin.servesNoQueue')}</p>
      <ul class="members">
        {group.agents.map((agent) => (
          <li data-agent={agent.login}>
            <span class={`dot state-${agent.state}`} title={t(`state.${agent.state}`)} />
            {agent.name} <span class="muted">{agent.login}</span>
            <button type="button" class="link danger" aria-label={t('admin.removeItem', { name: agent.name })}
              onClick={() => onRemove(agent)}>{t('admin.moveOut')}</button>
          </li>
        ))}
        {group.agents.length === 0 && <li class="muted">{t('admin.noMembers')}</li>}
      </ul>
      {outside.length > 0 && (
        <select id={`${id}-add`} aria-label={t('admin.moveIn')} value=""
          onChange={(e) => {
            const agent = outside.find((candidate) => candidate.login === valueOf(e));
            if (agent) {
              onAdd(agent);
            }
          }}>
          <option value="">{t('admin.moveIn')}</option>
          {outside.map((agent) => <option value={agent.login}>{agent.name} ({agent.login})</option>)}
        </select>
      )}
    </div>
  );
}

/** Starts a group: it is kept once an agent is moved into it. */
function NewGroup({ onAdd }: { onAdd: (name: string) => void }) {
  const { t } = useConsole();
  const [name, setName] = useState('');
  return (
    <form class="form" id="group-form" onSubmit={(e) => {
      e.preventDefault();
      if (name.trim()) {
        onAdd(name.trim());
        setName('');
      }
    }}>
      <Field id="group-name" label={t('admin.newGroup')}>
        <input id="group-name" value={name} onInput={(e) => setName(valueOf(e))} />
      </Field>
      <button type="submit" class="field-button">{t('admin.addGroupButton')}</button>
    </form>
  );
}

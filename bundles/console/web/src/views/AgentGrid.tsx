import { useEffect, useState } from 'preact/hooks';
import { Dialog } from '../components/Dialog';
import { Field, errorsOf, NO_ERRORS, type FormErrors } from '../components/Form';
import { duration } from '../i18n';
import { seg } from '../lib/api';
import { useBoard } from '../lib/board';
import { useConsole } from '../lib/context';
import { useAction, useNow } from '../lib/hooks';
import { labelOf, useCodes } from '../lib/codes';
import type { Agent, Skill } from '../lib/model';
import { parseSkills, skillsText } from '../lib/skills';

const EXTENSION_KEY = 'switchboard.supervisor.extension';

/** Every agent live: state, time in state, handled, current contact; force state, monitor calls, change skills. */
export function AgentGrid() {
  const { api, t } = useConsole();
  const board = useBoard(api);
  const now = useNow();
  const [filter, setFilter] = useState('');
  const [extension, setExtension] = useState(localStorage.getItem(EXTENSION_KEY) ?? '');
  const reasons = useCodes('reasons');
  const [editing, setEditing] = useState<Agent | null>(null);
  const { error, act } = useAction();

  useEffect(() => localStorage.setItem(EXTENSION_KEY, extension), [extension]);

  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = board.agents
    .filter((agent) => words.every((word) => [agent.name, agent.login, agent.state, ...agent.groups].join(' ').toLowerCase().includes(word)))
    .sort((a, b) => a.name.localeCompare(b.name));
  const last = board.lastEvent;

  return (
    <div class="agent-grid" data-event={last?.type ?? ''} data-event-at={last?.at ?? ''} data-shown-at={last?.shownAt ?? ''}>
      <div class="board-head">
        <h1>{t('grid.title')}</h1>
        <input type="search" id="grid-filter" placeholder={t('grid.filter')} aria-label={t('grid.filter')} value={filter}
          onInput={(e) => setFilter((e.target as HTMLInputElement).value)} />
        <label for="monitor-extension">{t('grid.myExtension')}</label>
        <input id="monitor-extension" size={6} value={extension} onInput={(e) => setExtension((e.target as HTMLInputElement).value)} />
        <span class={`live ${board.live ? 'on' : 'off'}`}>{board.live ? t('common.live') : t('common.offline')}</span>
      </div>
      {error && <p class="error banner" role="alert">{error}</p>}
      <table class="grid">
        <thead>
          <tr><th>{t('grid.agent')}</th><th>{t('grid.state')}</th><th>{t('grid.time')}</th><th>{t('grid.handled')}</th>
            <th>{t('grid.current')}</th><th>{t('grid.groups')}</th><th>{t('grid.actions')}</th></tr>
        </thead>
        <tbody>
          {shown.map((agent) => {
            const call = agent.interactions[0];
            return (
              <tr data-agent={agent.login} class={`row-${agent.state}`}>
                <td><strong>{agent.name}</strong><br /><span class="muted">{agent.login}{agent.extension ? ` · ${agent.extension}` : ''}</span></td>
                <td><span class={`state-badge state-${agent.state}`} data-state={agent.state}>{t(`state.${agent.state}`)}</span>
                  {agent.reason && <span class="reason"> {labelOf(reasons, agent.reason)}</span>}</td>
                <td class="timer">{agent.since ? duration((now - Date.parse(agent.since)) / 1000) : ''}</td>
                <td data-figure="handled">{agent.handled ?? 0}</td>
                <td class="current">{agent.interactions.join(', ')}</td>
                <td>{agent.groups.join(', ')}</td>
                <td class="actions">
                  {agent.state !== 'LOGGED_OUT' && agent.state !== 'READY' && (
                    <button type="button" onClick={() => act(() => api.put(`/v1/agents/${seg(agent.login)}/state`, { state: 'READY' }))}>
                      {t('grid.forceReady')}</button>
                  )}
                  {agent.state === 'READY' && (
                    <button type="button" onClick={() => act(() => api.put(`/v1/agents/${seg(agent.login)}/state`,
                      { state: 'NOT_READY', reason: reasons[0]?.code }))}>{t('grid.forceNotReady')}</button>
                  )}
                  {agent.state !== 'LOGGED_OUT' && (
                    <button type="button" onClick={() => act(() => api.post(`/v1/agents/${seg(agent.login)}/logout`))}>
                      {t('grid.forceSignOut')}</button>
                  )}
                  {call && (['LISTEN', 'WHISPER', 'BARGE'] as const).map((mode) => (
                    <button type="button" disabled={!extension.trim()} title={extension.trim() ? '' : t('grid.myExtension')}
                      onClick={() => act(() => api.post(`/v1/calls/${seg(call)}/monitor`, { extension: extension.trim(), mode }))}>
                      {t(mode === 'LISTEN' ? 'grid.listen' : mode === 'WHISPER' ? 'grid.whisper' : 'grid.barge')}
                    </button>
                  ))}
                  <button type="button" class="link edit-skills" onClick={() => setEditing(agent)}>{t('grid.editSkills')}</button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {editing && <SkillsDialog agent={editing} onClose={() => setEditing(null)} />}
    </div>
  );
}

/** Moves an agent between groups and changes their skills; applies at once. */
function SkillsDialog({ agent, onClose }: { agent: Agent; onClose: () => void }) {
  const { api, t } = useConsole();
  const [groups, setGroups] = useState(agent.groups.join(', '));
  const [skills, setSkills] = useState(skillsText(agent.skills));
  const [catalogue, setCatalogue] = useState<Skill[]>([]);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  useEffect(() => {
    api.get<Skill[]>('/v1/skills').then(setCatalogue, () => undefined);
  }, []);

  const save = async (event: Event) => {
    event.preventDefault();
    setErrors(NO_ERRORS);
    const parsed = parseSkills(skills);
    if ('error' in parsed) {
      setErrors({ fields: { skills: parsed.error }, form: null });
      return;
    }
    try {
      await api.put(`/v1/agents/${seg(agent.login)}`, {
        name: agent.name,
        site: agent.site ?? undefined,
        groups: groups.split(',').map((group) => group.trim()).filter(Boolean),
        skills: parsed.skills,
        capacity: agent.capacity,
      });
      onClose();
    } catch (e) {
      setErrors(errorsOf(e, ['groups', 'skills']));
    }
  };

  return (
    <Dialog title={`${t('grid.editSkills')}: ${agent.name}`} onClose={onClose}>
      <form onSubmit={save} id="skills-form">
        <Field id="agent-groups" label={t('grid.groups')} error={errors.fields.groups}>
          <input id="agent-groups" value={groups} onInput={(e) => setGroups((e.target as HTMLInputElement).value)} />
        </Field>
        <Field id="agent-skills" label={`${t('admin.skills')} (${catalogue.map((skill) => skill.name).join(', ')})`} error={errors.fields.skills}>
          <input id="agent-skills" value={skills} placeholder="russian=8, returns=5"
            onInput={(e) => setSkills((e.target as HTMLInputElement).value)} />
        </Field>
        {errors.form && <p class="error" role="alert">{errors.form}</p>}
        <div class="actions">
          <button type="submit" class="primary">{t('common.save')}</button>
          <button type="button" class="cancel" onClick={onClose}>{t('common.cancel')}</button>
        </div>
      </form>
    </Dialog>
  );
}

import { seg } from '../../lib/api';
import { useConsole } from '../../lib/context';
import type { Agent, AgentStateEntry } from '../../lib/model';
import { minutes, startOfDay, stateDurations, WORK_STATES, type StateSeconds } from '../../lib/stateTime';
import { BarChart, themeColor } from './BarChart';
import { ReportTable } from './ReportTable';
import { today } from './QueueReport';
import { useReport } from './useReport';

// The most state changes the server gives at once; a day with more starts at the first one given.
const LIMIT = 10_000;

const COLORS: Record<string, [string, string]> = {
  READY: ['--ready', '#1b873f'],
  RESERVED: ['--reserved', '#1f6feb'],
  BUSY: ['--busy', '#c2410c'],
  WRAP_UP: ['--wrap-up', '#7c3aed'],
  NOT_READY: ['--not-ready', '#8a6d00'],
};

interface AgentDay {
  agent: Agent;
  seconds: StateSeconds;
  truncated: boolean;
}

/** Minutes each agent spent in each state today (the current state counting up to now): stacked bars, table and CSV. */
export function AgentStateReport({ refresh }: { refresh: number }) {
  const { api, t } = useConsole();
  const { data: days, problem } = useReport(refresh, async (): Promise<AgentDay[]> => {
    const agents = await api.get<Agent[]>('/v1/agents');
    const now = Date.now();
    const from = startOfDay(now);
    const read = await Promise.all(agents.map(async (agent) => {
      const entries = await api.get<AgentStateEntry[]>(`/v1/agents/${seg(agent.login)}/states?since=${
        encodeURIComponent(new Date(from).toISOString())}&limit=${LIMIT}`).catch(() => []);
      const truncated = entries.length >= LIMIT;
      return { agent, truncated, seconds: stateDurations(entries, from, now, { truncated, current: { state: agent.state, since: agent.since } }) };
    }));
    return read.sort((a, b) => a.agent.name.localeCompare(b.agent.name));
  });

  const list = days ?? [];
  const header = [t('grid.agent'), t('admin.login'), ...WORK_STATES.map((state) => t(`state.${state}`)), t('reports.total')];
  const rows = list.map(({ agent, seconds }) => [agent.name, agent.login, ...WORK_STATES.map((state) => minutes(seconds[state])),
    minutes(WORK_STATES.reduce((sum, state) => sum + seconds[state], 0))]);

  return (
    <section class="card report" id="agent-state-report">
      <header>
        <h2>{t('reports.agentStates')}</h2>
        <span class="muted">{t('reports.inMinutes')}</span>
      </header>
      {problem && <p class="error" role="alert">{problem}</p>}
      {!days && !problem && <p class="muted">{t('common.loading')}</p>}
      {days && list.length === 0 && <p class="muted">{t('admin.noAgents')}</p>}
      {list.some((day) => day.truncated) && <p class="muted small">{t('reports.truncated', { count: LIMIT })}</p>}
      {list.length > 0 && (
        <BarChart id="agent-states-chart" title={t('reports.agentStates')} stacked horizontal valueTitle={t('reports.minutes')}
          labels={list.map(({ agent }) => agent.name)}
          series={WORK_STATES.map((state) => ({
            label: t(`state.${state}`),
            data: list.map(({ seconds }) => minutes(seconds[state])),
            color: themeColor(COLORS[state][0], COLORS[state][1]),
          }))} />
      )}
      {list.length > 0 && <ReportTable id="agent-state-table" caption={t('reports.agentStates')} header={header} rows={rows}
        fileName={`agent-states-${today()}.csv`} />}
    </section>
  );
}

import { seg } from '../../lib/api';
import { useConsole } from '../../lib/context';
import type { Queue, QueueFigures } from '../../lib/model';
import { BarChart, themeColor } from './BarChart';
import { ReportTable } from './ReportTable';
import { useReport } from './useReport';

const round = (value: number | null | undefined, digits = 0) =>
  value === null || value === undefined ? null : Math.round(value * 10 ** digits) / 10 ** digits;

/** Today's figures of every queue: contacts entered, answered and abandoned as bars; all figures as a table and CSV. */
export function QueueReport({ refresh }: { refresh: number }) {
  const { api, t } = useConsole();
  const { data: figures, problem } = useReport(refresh, async () => {
    const queues = await api.get<Queue[]>('/v1/queues');
    const read = await Promise.all(queues.map((queue) => api.get<QueueFigures>(`/v1/queues/${seg(queue.name)}/figures`).catch(() => null)));
    return read.filter((entry): entry is QueueFigures => entry !== null);
  });

  const list = figures ?? [];
  const header = [t('reports.queue'), t('wallboard.entered'), t('wallboard.answered'), t('wallboard.abandoned'),
    t('reports.serviceLevel'), t('reports.asaSeconds'), t('reports.ahtSeconds')];
  const rows = list.map((entry) => [entry.queue, entry.entered, entry.answered, entry.abandoned,
    round(entry.serviceLevelPercent, 1), round(entry.averageSpeedOfAnswerSeconds), round(entry.averageHandleTimeSeconds)]);
  const labels = list.map((entry) => entry.queue);

  return (
    <section class="card report" id="queue-report">
      <header>
        <h2>{t('reports.queues')}</h2>
        {list[0]?.since && <span class="muted">{t('reports.since', { time: new Date(list[0].since).toLocaleString() })}</span>}
      </header>
      {problem && <p class="error" role="alert">{problem}</p>}
      {!figures && !problem && <p class="muted">{t('common.loading')}</p>}
      {figures && list.length === 0 && <p class="muted">{t('wallboard.noQueues')}</p>}
      {list.length > 0 && (
        <div class="charts">
          <BarChart id="queue-contacts-chart" title={t('reports.contacts')} labels={labels} counts valueTitle={t('reports.contacts')} series={[
            { label: t('wallboard.entered'), data: list.map((entry) => entry.entered), color: themeColor('--reserved', '#1f6feb') },
            { label: t('wallboard.answered'), data: list.map((entry) => entry.answered), color: themeColor('--good', '#1b873f') },
            { label: t('wallboard.abandoned'), data: list.map((entry) => entry.abandoned), color: themeColor('--bad', '#c62828') },
          ]} />
          <BarChart id="queue-times-chart" title={t('reports.times')} labels={labels} valueTitle={t('reports.seconds')} series={[
            { label: t('wallboard.asa'), data: list.map((entry) => round(entry.averageSpeedOfAnswerSeconds) ?? 0), color: themeColor('--wrap-up', '#7c3aed') },
            { label: t('wallboard.aht'), data: list.map((entry) => round(entry.averageHandleTimeSeconds) ?? 0), color: themeColor('--busy', '#c2410c') },
          ]} />
        </div>
      )}
      {list.length > 0 && <ReportTable id="queue-table" caption={t('reports.queues')} header={header} rows={rows} fileName={`queues-${today()}.csv`} />}
    </section>
  );
}

/** Today's date as YYYY-MM-DD, local time, for file names. */
export function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

import { useState } from 'preact/hooks';
import { useConsole } from '../lib/context';
import { AgentStateReport } from './reports/AgentStateReport';
import { QueueReport } from './reports/QueueReport';

/** Today's figures as charts and tables, with CSV export: queues, and the time agents spent in each state. */
export function Reports() {
  const { t } = useConsole();
  const [refresh, setRefresh] = useState(0);
  return (
    <div class="reports">
      <div class="board-head">
        <h1>{t('reports.title')}</h1>
        <button type="button" id="reports-refresh" onClick={() => setRefresh((n) => n + 1)}>{t('reports.refresh')}</button>
      </div>
      <QueueReport refresh={refresh} />
      <AgentStateReport refresh={refresh} />
    </div>
  );
}

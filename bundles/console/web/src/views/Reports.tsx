import { useState } from 'preact/hooks';
import { useConsole } from '../lib/context';
import { ReportPanels } from './reports/ReportPanels';

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
      <ReportPanels refresh={refresh} />
    </div>
  );
}

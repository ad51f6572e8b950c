import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useConsole } from '../lib/context';

type Panels = FunctionComponent<{ refresh: number }>;

/** Today's figures as charts and tables, with CSV export: queues, and the time agents spent in each state. */
export function Reports() {
  const { t } = useConsole();
  const [refresh, setRefresh] = useState(0);
  const [panels, setPanels] = useState<{ view: Panels } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  // The charts come in a chunk of their own: screens that have none do not load the chart library.
  useEffect(() => {
    import('./reports/ReportPanels').then((module) => setPanels({ view: module.ReportPanels }), (e) => setProblem(String(e)));
  }, []);

  const View = panels?.view;
  return (
    <div class="reports">
      <div class="board-head">
        <h1>{t('reports.title')}</h1>
        <button type="button" id="reports-refresh" onClick={() => setRefresh((n) => n + 1)}>{t('reports.refresh')}</button>
      </div>
      {problem && <p class="error banner" role="alert">{problem}</p>}
      {View ? <View refresh={refresh} /> : !problem && <p class="muted">{t('common.loading')}</p>}
    </div>
  );
}

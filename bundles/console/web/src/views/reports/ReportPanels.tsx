import { AgentStateReport } from './AgentStateReport';
import { QueueReport } from './QueueReport';

/** The reports themselves; loaded apart from the console, with the chart library, when Reports is first opened. */
export function ReportPanels({ refresh }: { refresh: number }) {
  return (
    <>
      <QueueReport refresh={refresh} />
      <AgentStateReport refresh={refresh} />
    </>
  );
}

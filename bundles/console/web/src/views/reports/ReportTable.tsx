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
  // Columns of numbers are right-aligned, heading included.
  const numeric = header.map((_, index) => index > 0 && rows.length > 0 && rows.every((row) => typeof row[index] === 'number' || row[index] == null));
  return (
    <div class="report-table">
      <table id={id} class="list numbers">
        <caption class="sr-only">{caption}</caption>
        <thead><tr>{header.map((title, index) => <th scope="col" class={numeric[index] ? 'num' : ''}>{title}</th>)}</tr></thead>
        <tbody>
          {rows.map((row) => (
            <tr>{row.map((cell, index) => (index === 0 ? <th scope="row">{cell}</th>
              : <td class={numeric[index] ? 'num' : ''}>{cell ?? t('common.none')}</td>))}</tr>
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

// Tables as CSV (RFC 4180): comma-separated, CRLF line ends, fields quoted when they need it.

export type Cell = string | number | null | undefined;

/** One field: quoted, with quotes doubled, when it holds a comma, a quote or a line break. */
export function csvField(value: Cell): string {
  if (value === null || value === undefined) {
    return '';
  }
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A header and rows as one CSV text, each record ended by CRLF. */
export function toCsv(header: string[], rows: Cell[][]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',') + '\r\n').join('');
}

/** Offers a CSV text as a file download (with a byte-order mark so spreadsheets read UTF-8). */
export function downloadCsv(fileName: string, csv: string): void {
  const url = URL.createObjectURL(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

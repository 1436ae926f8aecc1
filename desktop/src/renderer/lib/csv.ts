import { stringify } from 'csv-stringify/browser/esm/sync';
import { downloadBlob } from './download.js';

// Every table a manager reads can be taken away as a CSV file: written by csv-stringify, UTF-8
// with a byte-order mark (so spreadsheet programs read 王小明 and Jānis Bērziņš as typed).

/** A CSV text of the rows under the header, with a byte-order mark and CRLF line ends. */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return stringify([header, ...rows] as string[][], { bom: true, record_delimiter: 'windows' });
}

export function downloadCsv(
  fileName: string,
  header: readonly string[],
  rows: readonly (readonly string[])[],
): void {
  downloadBlob(fileName, new Blob([toCsv(header, rows)], { type: 'text/csv;charset=utf-8' }));
}

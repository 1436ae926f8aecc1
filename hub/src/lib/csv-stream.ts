import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { stringify } from 'csv-stringify';
import { EXPORT_ROWS_HEADER } from '@sidecoach/shared';

// Every large table a manager reads leaves the hub as a streamed CSV file: UTF-8 with a
// byte-order mark (so spreadsheet programs read 王小明 and Jānis Bērziņš as typed), CRLF line
// ends, times in ISO 8601 UTC, the row count in a header first so the client shows progress
// while it reads. Rows are read page by page (keyset), never the whole table in memory.

/** A CSV cell: text as is, numbers in JavaScript's notation, a time as ISO 8601, null empty. */
export type CsvCell = string | number | boolean | Date | null | undefined;

/** A file name's day: the export's date in UTC, YYYY-MM-DD. */
const today = () => new Date().toISOString().slice(0, 10);

/**
 * The download's name: as is when it is plain ASCII (every export's is today), with the RFC 6266
 * `filename*` beside an ASCII fallback when it is not.
 */
function disposition(file: string): string {
  if (/^[\x20-\x7e]*$/.test(file) && !/["\\]/.test(file)) return `attachment; filename="${file}"`;
  const fallback = file.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(file)}`;
}

/**
 * Sends `rows` as a CSV download named `sidecoach-<name>-<day>.csv`. `total` is the number of
 * data rows the query will give (counted first; sent as `x-sidecoach-rows`).
 */
export function sendCsvStream(
  reply: FastifyReply,
  {
    name,
    header,
    total,
    rows,
  }: {
    name: string;
    header: readonly string[];
    total: number;
    rows: AsyncIterable<readonly CsvCell[]>;
  },
) {
  const csv = stringify({
    bom: true,
    record_delimiter: 'windows',
    cast: {
      boolean: (v) => (v ? 'true' : 'false'),
      date: (v) => v.toISOString(),
    },
  });
  const source = Readable.from(
    (async function* () {
      yield [...header];
      for await (const row of rows) yield row.map((c) => (c === undefined ? null : c));
    })(),
  );
  source.on('error', (err) => csv.destroy(err));
  // A client that goes away stops the reading too (the generator's next page is never asked).
  csv.on('close', () => source.destroy());
  source.pipe(csv);
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', disposition(`sidecoach-${name}-${today()}.csv`))
    .header('cache-control', 'no-store')
    .header(EXPORT_ROWS_HEADER, String(total))
    .header('access-control-expose-headers', EXPORT_ROWS_HEADER)
    .send(csv);
}

/**
 * Rows page by page: `page(after)` gives up to `size` rows after the key `after` (null first),
 * in key order; the generator stops at a short page. Keeps memory flat for any table size.
 */
export async function* pagedRows<R, K>(
  page: (after: K | null, size: number) => Promise<R[]>,
  keyOf: (row: R) => K,
  size = 2000,
): AsyncGenerator<R> {
  let after: K | null = null;
  for (;;) {
    const rows = await page(after, size);
    for (const row of rows) yield row;
    if (rows.length < size) return;
    after = keyOf(rows[rows.length - 1]!);
  }
}

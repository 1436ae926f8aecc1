import { ERROR_CODES, EXPORT_ROWS_HEADER, type ErrorCode } from '@sidecoach/shared';
import { useSession } from '../hub/session-store.js';
import type { FailureCode } from '../hub/errors.js';
import type { PeriodChoice } from '../ui/period.js';
import { downloadBlob } from './download.js';
import { localDay } from './time.js';

// A large table leaves the hub as a streamed CSV file (hub/src/lib/csv-stream.ts): asked with
// the session's bearer token, read as it arrives (rows counted against the hub's row count for
// the progress bar), then saved as the bytes the hub sent (its byte-order mark, CRLF, ISO times).
// Loaded with the lazy screens that export (ui/HubExportButton.tsx), never at first load.

/** Why an export failed: the hub's refusal (its code and message), or no answer. */
export class HubCsvError extends Error {
  constructor(
    message: string,
    readonly code: FailureCode,
    /** With `rate_limited`: the seconds the hub asked to wait (its retry-after). */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = 'HubCsvError';
  }
}

export interface HubCsvOptions {
  /** The hub's route, `/api/...`. */
  path: string;
  /** Query parameters (empty values are left out). */
  query?: Record<string, string>;
  /**
   * The saved file's name: as StatsTable's (`survey-responses`, saved as
   * `sidecoach-survey-responses-<today>.csv`), or a whole name ending in `.csv`, kept as is.
   */
  fileName: string;
  /** Rows read so far, against the hub's count (null when it sent none); at least per chunk. */
  onProgress?: (rows: number, total: number | null) => void;
  signal?: AbortSignal;
}

/**
 * A screen's period as an export's `from` and `to`: the last days as instants (`to` a day
 * ahead: the hub stops at its own now, so the file holds what came in up to the click, however
 * long ago the screen was drawn), or a range of days as the days themselves (the hub reads them
 * in its calendar, as the socket events' periods, `to` included).
 */
export function periodQuery(
  period: PeriodChoice | { days: number },
  now = Date.now(),
): { from: string; to: string } {
  if ('days' in period)
    return {
      from: new Date(now - period.days * 86_400_000).toISOString(),
      to: new Date(now + 86_400_000).toISOString(),
    };
  return { from: period.from, to: period.to };
}

const QUOTE = 0x22;
const LF = 0x0a;

/**
 * Counts the CSV records ended in `bytes`, carrying whether the reader is inside a quoted field
 * from one chunk to the next (a comment may hold line breaks). UTF-8 never puts a quote or a
 * line feed byte inside a multi-byte character, so bytes can be scanned as they come.
 */
export function countRecordEnds(bytes: Uint8Array, state: { quoted: boolean }): number {
  let ends = 0;
  let quoted = state.quoted;
  for (const byte of bytes) {
    if (byte === QUOTE) quoted = !quoted;
    else if (byte === LF && !quoted) ends++;
  }
  state.quoted = quoted;
  return ends;
}

const isErrorCode = (code: unknown): code is ErrorCode =>
  (ERROR_CODES as readonly unknown[]).includes(code);

/** The hub's `{ error: { code, message } }` answer as an error to throw. */
async function refusal(res: Response): Promise<HubCsvError> {
  const body = (await res.json().catch(() => ({}))) as {
    error?: { code?: unknown; message?: unknown };
  };
  const code = isErrorCode(body.error?.code)
    ? body.error.code
    : res.status === 429
      ? 'rate_limited'
      : res.status === 401
        ? 'unauthorized'
        : res.status === 403
          ? 'forbidden'
          : res.status >= 500
            ? 'internal'
            : 'bad_request';
  const message =
    typeof body.error?.message === 'string'
      ? body.error.message
      : `${res.status} ${res.statusText}`;
  const wait = Number(res.headers.get('retry-after'));
  return new HubCsvError(message, code, Number.isFinite(wait) && wait > 0 ? wait : undefined);
}

/**
 * Downloads one of the hub's streamed CSV exports and saves it. Throws a HubCsvError with the
 * hub's message when it refuses, or when the connection fails before the file is whole; an
 * abort (`signal`) throws the fetch's AbortError and saves nothing.
 */
export async function downloadHubCsv(opts: HubCsvOptions): Promise<void> {
  const session = useSession.getState().session;
  if (!session) throw new HubCsvError('not signed in', 'unauthorized');
  const url = new URL(opts.path, session.hubUrl);
  for (const [name, value] of Object.entries(opts.query ?? {}))
    if (value !== '') url.searchParams.set(name, value);
  let res: Response;
  try {
    res = await fetch(url, {
      headers: { authorization: `Bearer ${session.token}` },
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
  } catch (err) {
    if (opts.signal?.aborted) throw err;
    throw new HubCsvError((err as Error).message, 'offline');
  }
  if (!res.ok) throw await refusal(res);
  const counted = Number(res.headers.get(EXPORT_ROWS_HEADER));
  const total = res.headers.has(EXPORT_ROWS_HEADER) && Number.isFinite(counted) ? counted : null;
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  const state = { quoted: false };
  // The header's line end is not a row.
  let ends = 0;
  const rows = () => Math.max(0, ends - 1);
  opts.onProgress?.(0, total);
  if (res.body) {
    const reader = res.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        ends += countRecordEnds(value, state);
        opts.onProgress?.(rows(), total);
      }
    } catch (err) {
      if (opts.signal?.aborted) throw err;
      throw new HubCsvError(
        `the export stopped after ${rows()} rows: ${(err as Error).message}`,
        'offline',
      );
    } finally {
      reader.releaseLock();
    }
  }
  const fileName = opts.fileName.endsWith('.csv')
    ? opts.fileName
    : `sidecoach-${opts.fileName}-${localDay()}.csv`;
  downloadBlob(fileName, new Blob(chunks, { type: 'text/csv;charset=utf-8' }));
}

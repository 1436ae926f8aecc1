// The one place where the hub's SQL differs between SQLite and PostgreSQL. Everything else is
// written once, with Kysely's builder or SQL both databases read the same way.
import { PostgresAdapter, sql, type RawBuilder, type SelectQueryBuilder } from 'kysely';

export type Dialect = 'sqlite' | 'postgres';

/** A connection or a transaction (of any schema): all this file needs of one. */
interface Connection {
  getExecutor(): { adapter: unknown };
}

/** The dialect of a connection or a transaction (they share their database's adapter). */
export function dialectOf(db: Connection): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/**
 * A JSON object column as rows of (key, value) text, for a FROM clause: SQLite's json_each
 * gives text values already; PostgreSQL's json_each gives json, so json_each_text.
 */
export function jsonObjectRows(db: Connection, column: RawBuilder<unknown>): RawBuilder<unknown> {
  return dialectOf(db) === 'postgres'
    ? sql`json_each_text(${column}::json)`
    : sql`json_each(${column})`;
}

/**
 * Rows read to be changed in the same transaction, locked until it ends (PostgreSQL); SQLite
 * has one writer at a time, so its transactions need no row locks.
 */
export function forUpdate<DB, TB extends keyof DB, O>(
  db: Connection,
  query: SelectQueryBuilder<DB, TB, O>,
): SelectQueryBuilder<DB, TB, O> {
  return dialectOf(db) === 'postgres' ? query.forUpdate() : query;
}

/** PostgreSQL's serialization failure and deadlock: the transaction was undone, run it again. */
export function isTransientConflict(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '40001' || code === '40P01';
}

export const DATABASE_UNAVAILABLE =
  'the database is not reachable now: nothing was changed; try again shortly';

/** SQLSTATE classes and socket errors that mean the server is away, not that the query is wrong. */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  '57P01',
  '57P02',
  '57P03',
]);

/** PostgreSQL is away (stopped, restarting, the network): the node answers `unavailable`. */
export function isDatabaseUnavailable(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code : '';
  const message = typeof e?.message === 'string' ? e.message : '';
  return (
    UNAVAILABLE_CODES.has(code) ||
    code.startsWith('08') ||
    /Connection terminated|connection timeout|timeout exceeded when trying to connect/i.test(
      message,
    )
  );
}

/**
 * The database's clock as an ISO-8601 UTC text (the format the hub stores), `agoMs` in the past:
 * what several nodes compare (heartbeats) must not depend on each node's own clock.
 */
export function databaseTime(db: Connection, agoMs = 0): RawBuilder<string> {
  const ms = Math.round(agoMs);
  return dialectOf(db) === 'postgres'
    ? sql<string>`to_char((now() - ${`${ms} milliseconds`}::interval) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
    : sql<string>`strftime('%Y-%m-%dT%H:%M:%fZ', 'now', ${`-${ms / 1000} seconds`})`;
}

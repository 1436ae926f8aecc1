// The one place where the hub's SQL differs between SQLite and PostgreSQL. Everything else is
// written once, with Kysely's builder or SQL both databases read the same way.
import { PostgresAdapter, sql, type Kysely, type RawBuilder } from 'kysely';

export type Dialect = 'sqlite' | 'postgres';

/** The dialect of a connection or a transaction (they share their database's adapter). */
export function dialectOf<DB>(db: Kysely<DB>): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/**
 * A JSON object column as rows of (key, value) text, for a FROM clause: SQLite's json_each
 * gives text values already; PostgreSQL's json_each gives json, so json_each_text.
 */
export function jsonObjectRows<DB>(
  db: Kysely<DB>,
  column: RawBuilder<unknown>,
): RawBuilder<unknown> {
  return dialectOf(db) === 'postgres'
    ? sql`json_each_text(${column}::json)`
    : sql`json_each(${column})`;
}

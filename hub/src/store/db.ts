import Sqlite from 'better-sqlite3';
import { Kysely, SqliteDialect, type SqliteDatabase } from 'kysely';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { migrateToLatest } from './migrations.js';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;

/**
 * Opens (creating on first start) the embedded SQLite database in the data directory and
 * migrates it. Writes are synchronous and fsynced (WAL, synchronous=FULL): once a query has
 * returned, the row survives a crash of the hub, which is what "persist before ack" rests on.
 */
export async function openDatabase(
  dataDir: string,
): Promise<{ db: Db; file: string; migrated: string[] }> {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'sidecoach.sqlite');
  const sqlite = new Sqlite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
  });
  const migrated = await migrateToLatest(db as Kysely<unknown>);
  return { db, file, migrated };
}

/** Statements kept prepared; the hub's queries are a few dozen distinct SQL texts. */
const STATEMENT_CACHE = 500;

/**
 * Kysely prepares every query anew; preparing costs about as much as running a small one.
 * Statements are reusable once a call has returned (better-sqlite3 is synchronous and the hub
 * never streams rows), so the same SQL text reuses one prepared statement.
 */
function withStatementCache(sqlite: Sqlite.Database): SqliteDatabase {
  const cache = new Map<string, Sqlite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = cache.get(sql);
      if (!statement) {
        statement = sqlite.prepare(sql);
        if (cache.size >= STATEMENT_CACHE) cache.delete(cache.keys().next().value!);
        cache.set(sql, statement);
      }
      return statement;
    },
  };
}

export function nowIso(): string {
  return new Date().toISOString();
}

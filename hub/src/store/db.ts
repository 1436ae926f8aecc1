import Sqlite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
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
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  const migrated = await migrateToLatest(db as Kysely<unknown>);
  return { db, file, migrated };
}

export function nowIso(): string {
  return new Date().toISOString();
}

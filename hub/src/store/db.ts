import Sqlite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase } from 'kysely';
import pg from 'pg';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { migrateToLatest } from './migrations.js';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;

/** Where the hub keeps its records: the embedded SQLite file, or a PostgreSQL database. */
export interface OpenedDatabase {
  db: Db;
  dialect: 'sqlite' | 'postgres';
  /** The SQLite file (null on PostgreSQL). */
  file: string | null;
  /** PostgreSQL's connection pool (null on SQLite), for what needs connections of its own. */
  pool: pg.Pool | null;
  migrated: string[];
}

/** Connections per hub process (each node of a cluster has its own pool). */
const POOL_SIZE = 10;
const CONNECT_TIMEOUT_MS = 5_000;

/**
 * Opens the hub's database and migrates it: PostgreSQL when a URL is given, else the embedded
 * SQLite file in the data directory (created on first start).
 */
export async function openDatabase(options: {
  dataDir: string;
  databaseUrl?: string | null;
}): Promise<OpenedDatabase> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  return { ...(await openSqlite(options.dataDir)), dialect: 'sqlite', pool: null };
}

// pg returns bigint (count(*), sums) as strings: the hub's numbers all fit a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/**
 * PostgreSQL: every write commits before the query returns (synchronous_commit on, the
 * server's default), which is what "persist before ack" rests on. Nodes starting together
 * migrate once: Kysely's migrator takes an advisory lock on PostgreSQL.
 */
async function openPostgres(url: string): Promise<OpenedDatabase> {
  const pool = new pg.Pool({
    connectionString: url,
    max: POOL_SIZE,
    // An unreachable server (packets dropped, not refused) answers 'unavailable' in seconds,
    // not after the operating system's TCP timeout.
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  // An idle connection the server closed (restart, pg_terminate_backend) must not crash the
  // hub: the pool drops it, and the next query opens a new one (or fails as 'unavailable').
  pool.on('error', () => undefined);
  // The same for a connection in use (the adapter's LISTEN connection, held for good): its
  // holder hears of it through the connection's end and reconnects.
  pool.on('connect', (client) => client.on('error', () => undefined));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const migrated = await migrateToLatest(db as Kysely<unknown>);
  return { db, dialect: 'postgres', file: null, pool, migrated };
}

/**
 * The embedded SQLite database. Writes are synchronous and fsynced (WAL, synchronous=FULL):
 * once a query has returned, the row survives a crash of the hub.
 */
async function openSqlite(dataDir: string): Promise<{ db: Db; file: string; migrated: string[] }> {
  const file = join(dataDir, 'sidecoach.sqlite');
  privateFiles(dataDir, [file]);
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

/**
 * The data directory (0700) and its database file (0600) are the hub's user's alone: they hold
 * password hashes, coaching notes and customers' contacts. Made so when missing, and tightened
 * when an older hub left them readable by others. SQLite gives its -wal and -shm files the
 * database file's mode.
 */
export function privateFiles(dataDir: string, files: string[]): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
  for (const file of files) {
    if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
    chmodSync(file, 0o600);
    for (const side of [`${file}-wal`, `${file}-shm`]) if (existsSync(side)) chmodSync(side, 0o600);
  }
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

// The one switch that runs the hub suite on PostgreSQL as well as SQLite: the `postgres` Vitest
// project starts a server for the run (global-postgres.ts) and every hub a test starts gets a
// database of its own on it; without it the hubs use their SQLite files, as in production.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inject } from 'vitest';
import { openDatabase, type Db } from '../../src/store/db.js';
import { databaseNameFor, dropDatabase, ensureDatabase } from './postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The test run's PostgreSQL server, in the `postgres` project; empty otherwise. */
    postgresUrl: string;
  }
}

/** The database the suite runs on. */
export const testDialect = (): 'sqlite' | 'postgres' => (serverUrl() ? 'postgres' : 'sqlite');

function serverUrl(): string {
  try {
    return inject('postgresUrl') ?? '';
  } catch {
    return ''; // outside a Vitest worker (a benchmark importing the support code)
  }
}

/** The `--database` URL for a hub using this data directory, or null for SQLite. */
export async function databaseFor(dataDir: string): Promise<string | null> {
  const server = serverUrl();
  return server ? ensureDatabase(server, databaseNameFor(dataDir)) : null;
}

/** Drops the data directory's database (after its hub has stopped). */
export async function releaseDatabase(dataDir: string): Promise<void> {
  const server = serverUrl();
  if (server) await dropDatabase(server, databaseNameFor(dataDir));
}

/** The `--database` flags a hub command (create-admin) needs for this data directory. */
export async function databaseArgs(dataDir: string): Promise<string[]> {
  const url = await databaseFor(dataDir);
  return url ? ['--database', url] : [];
}

/**
 * The hub's own database, opened beside the running hub, for what no API does (age a date,
 * take a row out as a crash would have).
 */
export async function withHubDatabase<T>(
  dataDir: string,
  work: (db: Db) => Promise<T>,
): Promise<T> {
  const { db } = await openDatabase({ dataDir, databaseUrl: await databaseFor(dataDir) });
  try {
    return await work(db);
  } finally {
    await db.destroy();
  }
}

/** A user's id, by username, as the hub stored it (for events that take one). */
export function userIdOf(dataDir: string, username: string): Promise<string> {
  return withHubDatabase(dataDir, async (db) => {
    const row = await db
      .selectFrom('users')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirstOrThrow();
    return row.id;
  });
}

/**
 * A secret the hub made for itself (`cti-secret`, `survey-webhook-secret`...): a file in the
 * data directory on SQLite, a row of `hub_secrets` on PostgreSQL (shared by every node).
 */
export async function hubSecret(
  hub: { dataDir: string; databaseUrl: string | null },
  name: string,
): Promise<string> {
  if (!hub.databaseUrl) return (await readFile(join(hub.dataDir, name), 'utf8')).trim();
  const { db } = await openDatabase({ dataDir: hub.dataDir, databaseUrl: hub.databaseUrl });
  try {
    const row = await db
      .selectFrom('hub_secrets')
      .select('value')
      .where('name', '=', name)
      .executeTakeFirstOrThrow();
    return row.value;
  } finally {
    await db.destroy();
  }
}

// The test run's PostgreSQL: the throw-away server (scripts/local-servers.mjs, fsync off for
// speed) and one database per hub a test starts.
import { basename } from 'node:path';
import pg from 'pg';

export type { PostgresServer } from '../../../scripts/local-servers.mjs';
export { startPostgresServer } from '../../../scripts/local-servers.mjs';

/** A database name for a hub's data directory: the same directory, the same database. */
export const databaseNameFor = (dataDir: string) =>
  basename(dataDir)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .slice(0, 60);

async function admin<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: `${serverUrl}/postgres` });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates the database if it is not there yet; returns its URL. */
export async function ensureDatabase(serverUrl: string, name: string): Promise<string> {
  await admin(serverUrl, async (client) => {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`create database "${name}"`);
  });
  return `${serverUrl}/${name}`;
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await admin(serverUrl, (client) =>
    client.query(`drop database if exists "${name}" with (force)`),
  );
}

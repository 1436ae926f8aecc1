// PostgreSQL for benchmarks: the throw-away server of scripts/local-servers.mjs with
// durability ON (the server's defaults for fsync, synchronous_commit and full_page_writes, so a
// commit is on disk before the hub acknowledges; the tests turn them off for speed), and what the
// relay benchmark reads of it (commit and WAL counters, its processes).
import { readFileSync, readdirSync } from 'node:fs';
import pg from 'pg';
import { startPostgresServer } from '../scripts/local-servers.mjs';

/** Starts the durable server; `stop()` shuts it down and removes its files. */
export const startPostgres = () =>
  startPostgresServer({ durable: true, prefix: 'sidecoach-bench-pg-' });

/** Runs `work` with a client on the server's `postgres` database. */
export async function admin(
  /** @type {string} */ serverUrl,
  /** @type {(client: pg.Client) => Promise<any>} */ work,
) {
  const client = new pg.Client({ connectionString: `${serverUrl}/postgres` });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty database; returns its URL. */
export async function createDatabase(/** @type {string} */ serverUrl, /** @type {string} */ name) {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`bad database name ${name}`);
  await admin(serverUrl, (c) => c.query(`create database "${name}"`));
  return `${serverUrl}/${name}`;
}

/**
 * Commits of one database and the server's WAL syncs and writes, now (pg_stat_database,
 * pg_stat_wal: PostgreSQL 14+). Backends report their counters about once a second, so a
 * window of several seconds is needed for a rate.
 * @param {pg.Client} client @param {string} database
 */
export async function pgCounters(client, database) {
  await client.query('select pg_stat_clear_snapshot()');
  const db = await client.query(
    'select xact_commit::float8 as c, xact_rollback::float8 as r from pg_stat_database where datname = $1',
    [database],
  );
  const wal = await client.query(
    'select wal_sync::float8 as s, wal_write::float8 as w, wal_bytes::float8 as b from pg_stat_wal',
  );
  return {
    at: performance.now(),
    commits: db.rows[0]?.c ?? NaN,
    rollbacks: db.rows[0]?.r ?? NaN,
    walSyncs: wal.rows[0]?.s ?? NaN,
    walWrites: wal.rows[0]?.w ?? NaN,
    walBytes: wal.rows[0]?.b ?? NaN,
  };
}

/** The postmaster and every process whose parent it is (backends, walwriter, checkpointer…). */
export function postgresPids(/** @type {number} */ postmasterPid) {
  const pids = [postmasterPid];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === postmasterPid) pids.push(Number(entry));
    } catch {
      /* gone */
    }
  }
  return pids;
}

// A throw-away PostgreSQL server for benchmarks (Debian's postgresql package), on loopback on a
// free port, like hub/test/support/postgres.ts but with durability ON: the server's defaults
// for fsync, synchronous_commit and full_page_writes, so a commit is on disk before the hub
// acknowledges (the tests turn them off for speed; a benchmark measures the real thing).
// `initdb` refuses to run as root, so as root the server runs as the `postgres` user.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** The newest PostgreSQL on the machine (Debian keeps each major version in its own folder). */
function postgresBin() {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(a) - Number(b));
  const newest = versions.at(-1);
  return newest ? { bin: join(root, newest, 'bin'), version: newest } : null;
}

/** @returns {Promise<number>} */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts the server; `stop()` shuts it down (fast mode, then immediate) and removes its files.
 * @returns {Promise<{ url: string, version: string, postmasterPid: number, stop: () => void }>}
 */
export async function startPostgres() {
  const found = postgresBin();
  if (!found) throw new Error('PostgreSQL is not installed (apt-get install postgresql)');
  const { bin, version } = found;
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'sidecoach-bench-pg-'));
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const run = (/** @type {string} */ tool, /** @type {string[]} */ args) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args], {
          stdio: 'pipe',
        })
      : execFileSync(join(bin, tool), args, { stdio: 'pipe' });
  const data = join(dir, 'data');
  try {
    // --no-sync only skips syncing initdb's own files (throw-away); the server runs durable.
    run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync']);
    const port = await freePort();
    const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir}`;
    run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-t', '30', '-o', options, 'start']);
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  // postmaster.pid: line 1 the pid, line 4 the port.
  const lines = readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n');
  const postmasterPid = Number(lines[0]);
  let stopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${Number(lines[3])}`,
    version,
    postmasterPid,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '20', 'stop']);
      } catch {
        try {
          run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', '-t', '10', 'stop']);
        } catch {
          /* already down */
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

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

// Servers the tests and benchmarks start on loopback: a free port, and a throw-away
// PostgreSQL (Debian's postgresql package) for the tests (fast: fsync off) and the benchmarks
// (durable: the server's defaults). initdb refuses root, so as root it runs as `postgres`.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The newest PostgreSQL on the machine (Debian keeps each major version in its own folder). */
export function postgresBin() {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(a) - Number(b));
  const newest = versions.at(-1);
  return newest ? { bin: join(root, newest, 'bin'), version: newest } : null;
}

/** @returns {Promise<number>} a loopback port nobody listens on now */
export function freePort() {
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

/** Throw-away data only: speed over durability (benchmarks keep the defaults). */
const FAST = '-c fsync=off -c synchronous_commit=off -c full_page_writes=off';

/**
 * @param {{ durable?: boolean, prefix?: string }} [options]
 */
export async function startPostgresServer({ durable = false, prefix = 'sidecoach-pg-' } = {}) {
  const found = postgresBin();
  if (!found) throw new Error('PostgreSQL is not installed (apt-get install postgresql)');
  const { bin, version } = found;
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), prefix));
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
  let start = () => {};
  try {
    // --no-sync only skips syncing initdb's own files; --locale=C.UTF-8 sorts text byte by
    // byte, like SQLite, so ORDER BY agrees on both databases.
    run('initdb', [
      '-D',
      data,
      '-U',
      'postgres',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
      '--no-sync',
    ]);
    const port = await freePort();
    const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c max_connections=300${durable ? '' : ` ${FAST}`}`;
    start = () => {
      run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-t', '30', '-o', options, 'start']);
    };
    start();
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  // postmaster.pid: line 1 the pid, line 4 the port.
  const lines = readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n');
  let stopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${Number(lines[3])}`,
    version,
    postmasterPid: Number(lines[0]),
    /** Stops the server and keeps its data (a database outage); `resume` starts it again. */
    pause: () => void run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']),
    resume: () => start(),
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

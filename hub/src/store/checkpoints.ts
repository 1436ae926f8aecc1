import { sql } from 'kysely';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../lib/log.js';
import type { Db } from './db.js';

/** How often the write-ahead log is copied into the database file. */
const INTERVAL_MS = 1_000;

/**
 * SQLite checkpoints the write-ahead log inside whichever commit crosses 1,000 pages, which
 * stalls the hub's event loop (and every socket) for tens of milliseconds. Instead a worker
 * thread checkpoints every second on its own connection. If the worker fails, the hub goes
 * back to SQLite's automatic checkpoints: slower, never unsafe.
 */
export async function startBackgroundCheckpoints(
  db: Db,
  file: string,
  log: Logger,
): Promise<{ stop(): Promise<void> }> {
  const automatic = () => sql`pragma wal_autocheckpoint = 1000`.execute(db);
  const worker = new Worker(new URL('./checkpoint-worker.js', import.meta.url), {
    workerData: { file, intervalMs: INTERVAL_MS },
  });
  let failed = false;
  const fail = (err: unknown) => {
    if (failed) return;
    failed = true;
    log.warn({ err }, 'background checkpoints failed; SQLite checkpoints in commits again');
    void automatic();
  };
  worker.on('error', fail);
  worker.on(
    'message',
    (m: { error?: string }) => m.error && log.warn({ err: m.error }, 'checkpoint'),
  );
  worker.on('exit', (code) => code !== 0 && fail(new Error(`checkpoint worker exited ${code}`)));
  await sql`pragma wal_autocheckpoint = 0`.execute(db);
  return {
    stop: async () => {
      failed = true; // stopping: its exit is not a failure
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.postMessage('stop');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      await worker.terminate();
    },
  };
}

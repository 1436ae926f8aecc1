// Runs in a worker thread: copies the write-ahead log into the database file on its own
// connection, so the hub's event loop never waits for a checkpoint (and its fsync).
import Sqlite from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';

const { file, intervalMs } = workerData as { file: string; intervalMs: number };
const db = new Sqlite(file);
db.pragma('busy_timeout = 5000');

const checkpoint = (mode: 'PASSIVE' | 'TRUNCATE') => {
  try {
    db.pragma(`wal_checkpoint(${mode})`);
  } catch (err) {
    parentPort?.postMessage({ error: err instanceof Error ? err.message : String(err) });
  }
};
const timer = setInterval(() => checkpoint('PASSIVE'), intervalMs);
parentPort?.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  checkpoint('TRUNCATE');
  db.close();
  parentPort?.close();
});

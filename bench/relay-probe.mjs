// Relay benchmark probe, preloaded into the server under test with `node --import` (the server's
// code is not changed): measures event-loop delay and utilisation and, with RELAY_PROBE_SQLITE=1,
// the time spent synchronously inside better-sqlite3 (statement preparation, execution, and
// COMMIT, which is where the WAL fsync happens). The first SIGUSR2 starts a window; the second
// writes the window's figures as JSON to RELAY_PROBE_FILE.
// Diagnostic what-ifs (RELAY_PROBE_WHATIF, comma-separated; off unless asked for, and then the
// server measured is NOT the hub as shipped): `nosync` turns `synchronous = FULL` into OFF (no
// fsync at COMMIT); `stmt-cache` reuses prepared statements per SQL text.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';

const file = process.env.RELAY_PROBE_FILE;
const delay = monitorEventLoopDelay({ resolution: 5 });
delay.enable();

const fresh = () => ({
  statements: 0,
  stepMs: 0,
  prepares: 0,
  prepareMs: 0,
  transactions: 0,
  /** Wall time from BEGIN to the end of COMMIT, per transaction (ms). */
  transactionMs: /** @type {number[]} */ ([]),
  /** Time inside COMMIT (WAL write + fsync), per transaction (ms). */
  commitMs: /** @type {number[]} */ ([]),
  /** Observations inserted per transaction (group-commit batch size). */
  batch: /** @type {number[]} */ ([]),
});
let sqlite = fresh();
let beganAt = 0;
let inserted = 0;

const whatIf = new Set((process.env.RELAY_PROBE_WHATIF ?? '').split(',').filter(Boolean));

if (process.env.RELAY_PROBE_SQLITE === '1') {
  const Database = createRequire(import.meta.url)('better-sqlite3');
  const prepare = Database.prototype.prepare;
  if (whatIf.has('nosync')) {
    const pragma = Database.prototype.pragma;
    Database.prototype.pragma = function (/** @type {string} */ source, ...rest) {
      const changed = /^\s*synchronous\s*=/i.test(source) ? 'synchronous = OFF' : source;
      return pragma.call(this, changed, ...rest);
    };
  }
  /** @type {WeakMap<object, Map<string, unknown>>} */
  const caches = new WeakMap();
  let patched = false;
  Database.prototype.prepare = function (/** @type {string} */ source, ...rest) {
    let cache = caches.get(this);
    if (whatIf.has('stmt-cache')) {
      if (!cache) caches.set(this, (cache = new Map()));
      const hit = cache.get(source);
      if (hit) return hit;
    }
    const t0 = performance.now();
    const stmt = prepare.call(this, source, ...rest);
    cache?.set(source, stmt);
    sqlite.prepares++;
    sqlite.prepareMs += performance.now() - t0;
    if (!patched) {
      patched = true;
      const proto = Object.getPrototypeOf(stmt);
      for (const method of ['run', 'get', 'all', 'iterate']) {
        const original = proto[method];
        proto[method] = function (...args) {
          const sql = /** @type {string} */ (this.source);
          const t = performance.now();
          if (sql === 'begin') {
            beganAt = t;
            inserted = 0;
          }
          try {
            return original.apply(this, args);
          } finally {
            const end = performance.now();
            sqlite.statements++;
            sqlite.stepMs += end - t;
            if (sql.startsWith('insert into "observations"')) inserted++;
            if (sql === 'commit') {
              sqlite.transactions++;
              sqlite.commitMs.push(end - t);
              sqlite.transactionMs.push(end - beganAt);
              sqlite.batch.push(inserted);
            }
          }
        };
      }
    }
    return stmt;
  };
}

let window =
  /** @type {{ at: number, elu: import('node:perf_hooks').EventLoopUtilization } | undefined} */ (
    undefined
  );
process.on('SIGUSR2', () => {
  if (!window) {
    delay.reset();
    sqlite = fresh();
    window = { at: performance.now(), elu: performance.eventLoopUtilization() };
    return;
  }
  const ms = (/** @type {number} */ ns) => ns / 1e6;
  const out = {
    windowMs: performance.now() - window.at,
    eventLoopUtilization: performance.eventLoopUtilization(window.elu).utilization,
    eventLoopDelayMs: {
      p50: ms(delay.percentile(50)),
      p99: ms(delay.percentile(99)),
      max: ms(delay.max),
      mean: ms(delay.mean),
    },
    sqlite,
  };
  window = undefined;
  if (file) writeFileSync(file, JSON.stringify(out));
});

// Relay benchmark: supervisors' notes to agents through the real hub (authenticated, validated,
// group-committed to SQLite before the ack, then pushed from the agent's inbox), and the same
// load through a bare socket.io relay in the same run as the baseline. On loopback: N agent
// connections in 2 load processes, M supervisor connections in 1, the supervisors together
// sending R notes/s open-loop on a fixed schedule for D seconds after a warm-up. Prints latency
// from send to receipt at the agent (p50/p95/p99/max), throughput, notes lost and duplicated,
// server CPU and peak RSS, and the hub/baseline latency ratios. A benchmark, not a test.
//   node bench/relay.mjs [--agents 1900] [--supervisors 100] [--rate 500] [--seconds 20]
//                        [--warmup 5] [--quick] [--no-probe]          (after `npx tsc -b`)
// Diagnostics: --cpu-prof (profile the hub, print where its time goes); --what-if nosync,stmt-cache
// (changes the hub's SQLite behaviour at run time through the probe, to see what a change
// would buy; such a run does not measure the hub as shipped and says so).
import { fork } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import Sqlite from 'better-sqlite3';
import { percentile, processUsage, startServer, stop } from './lib.mjs';
import { request } from './relay-common.mjs';
import { summariseProfile } from './relay-profile.mjs';

const root = new URL('..', import.meta.url).pathname;
const HUB = join(root, 'hub/dist/index.js');
const PROBE = pathToFileURL(join(root, 'bench/relay-probe.mjs')).href;
const LOAD_AGENTS = join(root, 'bench/relay-agents.mjs');
const LOAD_SUPERVISORS = join(root, 'bench/relay-supervisors.mjs');
const AGENT_PROCESSES = 2;
const CONNECT_CONCURRENCY = 50; // handshakes in flight per load process
const GRACE_MS = 10_000; // after the last send, for notes still on their way
const TARGET_P99_RATIO = 1.3;

const { values } = parseArgs({
  options: {
    agents: { type: 'string' },
    supervisors: { type: 'string' },
    rate: { type: 'string' },
    seconds: { type: 'string' },
    warmup: { type: 'string' },
    quick: { type: 'boolean', default: false },
    'no-probe': { type: 'boolean', default: false },
    'cpu-prof': { type: 'boolean', default: false },
    'what-if': { type: 'string', default: '' },
  },
});
const defaults = values.quick
  ? { agents: 190, supervisors: 10, rate: 100, seconds: 5, warmup: 2 }
  : { agents: 1900, supervisors: 100, rate: 500, seconds: 20, warmup: 5 };
const num = (
  /** @type {string | undefined} */ v,
  /** @type {number} */ d,
  /** @type {string} */ name,
) => {
  const n = v === undefined ? d : Number(v);
  if (!(Number.isFinite(n) && n > 0)) throw new Error(`--${name} must be a positive number`);
  return n;
};
const AGENTS = Math.round(num(values.agents, defaults.agents, 'agents'));
const SUPERVISORS = Math.round(num(values.supervisors, defaults.supervisors, 'supervisors'));
const RATE = num(values.rate, defaults.rate, 'rate');
const SECONDS = num(values.seconds, defaults.seconds, 'seconds');
const WARMUP = num(values.warmup, defaults.warmup, 'warmup');
const PROBE_ON = !values['no-probe'];
const CPU_PROF = values['cpu-prof'];
const WHAT_IF = values['what-if'];
for (const w of WHAT_IF.split(',').filter(Boolean))
  if (!['nosync', 'stmt-cache'].includes(w)) throw new Error(`--what-if: unknown "${w}"`);
if (WHAT_IF && !PROBE_ON) throw new Error('--what-if needs the probe (drop --no-probe)');
const CLIENTS = AGENTS + SUPERVISORS;

/** Every child process we started, until it has exited. */
const live = new Set();
const track = (/** @type {import('node:child_process').ChildProcess} */ child) => {
  live.add(child);
  child.once('exit', () => live.delete(child));
  return child;
};
const sleep = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));
const log = (/** @type {string} */ line) => console.log(line);

/** SIGTERM, then SIGKILL if it has not exited within `ms`. */
async function stopBounded(
  /** @type {import('node:child_process').ChildProcess} */ child,
  ms = 5000,
) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  let timer;
  await Promise.race([stop(child), new Promise((r) => (timer = setTimeout(r, ms)))]);
  clearTimeout(timer);
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGKILL');
    await Promise.race([new Promise((r) => child.once('exit', r)), sleep(2000)]);
  }
}

function checkLimits() {
  const limits = readFileSync('/proc/self/limits', 'utf8');
  const soft = Number(/Max open files\s+(\d+|unlimited)/.exec(limits)?.[1] ?? 'NaN');
  const need = CLIENTS + 512; // the server holds one socket per client, plus its own files
  if (Number.isFinite(soft) && soft < need) {
    throw new Error(
      `ulimit -n is ${soft}, too low for ${CLIENTS} clients: the server needs about ${need} ` +
        `file descriptors. Raise it in this shell (\`ulimit -n ${need}\`, or higher) and run again.`,
    );
  }
  const [lo, hi] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8')
    .trim()
    .split(/\s+/)
    .map(Number);
  if (hi - lo < 2 * CLIENTS + 1000)
    log(`warning: only ${hi - lo} ephemeral ports for 2 x ${CLIENTS} client connections`);
}

/** Runs the hub once so its migrations create the schema, then writes users and sessions. */
async function seed(dataDir) {
  log(`[seed] creating the schema (hub start/stop) in ${dataDir}`);
  const first = await startServer(
    [HUB, '--host', '127.0.0.1', '--port', '0', '--data-dir', dataDir],
    { LOG_LEVEL: 'info' },
  );
  track(first.child);
  await stopBounded(first.child);

  log(
    `[seed] ${SUPERVISORS} supervisors and ${AGENTS} agents in ${SUPERVISORS} teams, with sessions`,
  );
  const { hashPassword } = await import('../hub/dist/lib/passwords.js');
  const passwordHash = await hashPassword('relay-bench-password'); // one hash serves everyone
  const now = new Date().toISOString();
  const expires = new Date(Date.now() + 7 * 24 * 3_600_000).toISOString();
  const db = new Sqlite(join(dataDir, 'sidecoach.sqlite'));
  /** @type {{ id: string, token: string, team: string[] }[]} */
  const supervisors = [];
  /** @type {{ id: string, token: string }[]} */
  const agents = [];
  try {
    const team = db.prepare('insert into teams (id, name, created_at) values (?, ?, ?)');
    const user = db.prepare(
      `insert into users (id, username, display_name, role, password_hash, created_at)
       values (?, ?, ?, ?, ?, ?)`,
    );
    const member = db.prepare('insert into team_members (team_id, user_id) values (?, ?)');
    const session = db.prepare(
      `insert into sessions (id, token_hash, user_id, created_at, expires_at, revoked_at)
       values (?, ?, ?, ?, ?, null)`,
    );
    const addUser = (
      /** @type {string} */ name,
      /** @type {string} */ role,
      /** @type {string} */ teamId,
    ) => {
      const id = randomUUID();
      const token = randomBytes(32).toString('base64url');
      user.run(id, name, name, role, passwordHash, now);
      member.run(teamId, id);
      session.run(randomUUID(), createHash('sha256').update(token).digest('hex'), id, now, expires);
      return { id, token };
    };
    db.transaction(() => {
      for (let s = 0; s < SUPERVISORS; s++) {
        const teamId = `relay-team-${s}`;
        team.run(teamId, `Relay team ${s}`, now);
        supervisors.push({ ...addUser(`relay-sup-${s}`, 'supervisor', teamId), team: [] });
      }
      for (let a = 0; a < AGENTS; a++) {
        const s = a % SUPERVISORS;
        const agent = addUser(`relay-agent-${a}`, 'agent', `relay-team-${s}`);
        agents.push(agent);
        supervisors[s].team.push(agent.id);
      }
    })();
  } finally {
    db.close();
  }
  if (supervisors.some((s) => s.team.length === 0))
    throw new Error('every supervisor needs at least one agent: use --agents >= --supervisors');
  return { supervisors, agents };
}

/** Peak VmRSS of a process, sampled every 200 ms until stopped. */
function rssSampler(pid) {
  let peak = 0;
  const sample = () => {
    try {
      peak = Math.max(peak, processUsage(pid).rssMiB);
    } catch {
      /* exited */
    }
  };
  sample();
  const timer = setInterval(sample, 200);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}

const STAT_FIELDS = ['user', 'nice', 'system', 'idle', 'iowait', 'irq', 'softirq', 'steal'];

/** The machine's CPU jiffies by kind (/proc/stat) and every process's CPU seconds (/proc/<pid>/stat). */
function machineSnapshot() {
  const f = readFileSync('/proc/stat', 'utf8')
    .split('\n')[0]
    .trim()
    .split(/\s+/)
    .slice(1, 9)
    .map(Number);
  /** @type {Map<number, { name: string, cpu: number }>} */
  const procs = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      procs.set(Number(entry), { name, cpu: processUsage(Number(entry)).cpuSeconds });
    } catch {
      /* gone */
    }
  }
  return { jiffies: f, procs };
}

/**
 * Where the machine's CPU went between two snapshots: shares by kind (of all CPUs), and the
 * processes outside this benchmark that used the most.
 */
function machineDelta(a, b, /** @type {Set<number>} */ ours) {
  const d = b.jiffies.map((v, i) => v - a.jiffies[i]);
  const total = d.reduce((x, y) => x + y, 0);
  const share = Object.fromEntries(STAT_FIELDS.map((k, i) => [k, (d[i] / total) * 100]));
  const busy = 100 - share.idle - share.iowait;
  const others = [];
  for (const [pid, p] of b.procs) {
    if (ours.has(pid)) continue;
    const used = p.cpu - (a.procs.get(pid)?.cpu ?? 0);
    if (used > 0) others.push({ pid, name: p.name, used });
  }
  others.sort((x, y) => y.used - x.used);
  return { share, busy, others: others.slice(0, 4) };
}

const cpuOf = (/** @type {number[]} */ pids) =>
  pids.reduce((sum, pid) => sum + processUsage(pid).cpuSeconds, 0);

/**
 * Drives one server (hub or baseline) through connect, warm-up, measurement and drain with
 * fresh load processes; returns the measured figures.
 * @param {'hub' | 'baseline'} mode
 * @param {{ url: string, child: import('node:child_process').ChildProcess }} server
 * @param {Awaited<ReturnType<typeof seed>>} users
 * @param {string} probeFile
 */
async function runTarget(mode, server, users, probeFile) {
  const tag = `[${mode}]`;
  const pid = /** @type {number} */ (server.child.pid);
  const rss = rssSampler(pid);
  const agentProcs = Array.from({ length: AGENT_PROCESSES }, () =>
    track(fork(LOAD_AGENTS, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })),
  );
  const supProc = track(
    fork(LOAD_SUPERVISORS, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
  );
  const loadPids = [...agentProcs, supProc].map((c) => /** @type {number} */ (c.pid));
  try {
    // Connect: agents first (split across their processes), then the supervisors.
    const done = new Map();
    let lastShown = 0;
    const onProgress = (/** @type {any} */ child) => (/** @type {any} */ msg) => {
      if (msg?.event !== 'connected') return;
      done.set(child, msg.done);
      const total = [...done.values()].reduce((a, b) => a + b, 0);
      if (total - lastShown >= 250 || total === CLIENTS) {
        lastShown = total;
        log(`${tag} connecting ${total}/${CLIENTS}`);
      }
    };
    for (const c of [...agentProcs, supProc]) c.on('message', onProgress(c));
    const connectMs = 30_000 + CLIENTS * 50;
    const connectStart = performance.now();
    await Promise.all(
      agentProcs.map((c, i) =>
        request(
          c,
          'connect',
          {
            url: server.url,
            mode,
            agents: users.agents.filter((_, a) => a % AGENT_PROCESSES === i),
            concurrency: CONNECT_CONCURRENCY,
          },
          connectMs,
        ),
      ),
    );
    await request(
      supProc,
      'connect',
      { url: server.url, mode, supervisors: users.supervisors, concurrency: CONNECT_CONCURRENCY },
      connectMs,
    );
    const connectSeconds = (performance.now() - connectStart) / 1000;
    await sleep(1000); // let connection-time work (presence, floor updates) settle
    const idleRss = processUsage(pid).rssMiB;

    // Warm-up, then the measured window (marked by the supervisors' process as it sends).
    log(`${tag} warm-up ${WARMUP} s at ${RATE} notes/s`);
    /** @type {{ wall: number, cpu: number, load: number, own: number, machine: ReturnType<typeof machineSnapshot> }[]} */
    const marks = [];
    const mark = () => {
      marks.push({
        wall: performance.now(),
        cpu: processUsage(pid).cpuSeconds,
        load: cpuOf(loadPids),
        own: process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6,
        machine: machineSnapshot(),
      });
      if (PROBE_ON) process.kill(pid, 'SIGUSR2');
    };
    const onPhase = (/** @type {any} */ msg) => {
      if (msg?.event === 'measure-start') {
        mark();
        log(`${tag} measuring ${SECONDS} s`);
      } else if (msg?.event === 'measure-end') mark();
    };
    supProc.on('message', onPhase);
    const { total, warmN } = /** @type {{ total: number, warmN: number }} */ (
      await request(
        supProc,
        'run',
        { rate: RATE, warmupMs: WARMUP * 1000, measureMs: SECONDS * 1000 },
        (WARMUP + SECONDS) * 1000 + 60_000,
      )
    );
    supProc.off('message', onPhase);

    // Drain: wait (bounded) until every note sent has arrived somewhere.
    log(`${tag} draining (up to ${GRACE_MS / 1000} s for notes in flight)`);
    const drainUntil = performance.now() + GRACE_MS;
    let arrived = 0;
    while (performance.now() < drainUntil) {
      const counts = await Promise.all(agentProcs.map((c) => request(c, 'count', {}, 10_000)));
      arrived = counts.reduce((a, /** @type {any} */ c) => a + c.received, 0);
      if (arrived >= total) break;
      await sleep(200);
    }
    await sleep(300); // a late duplicate would show up here
    const reports = /** @type {any[]} */ (
      await Promise.all(agentProcs.map((c) => request(c, 'report', {}, 30_000)))
    );
    const acks = /** @type {any} */ (await request(supProc, 'acks', {}, 30_000));
    const peakRss = rss.stop();

    let probe;
    if (PROBE_ON) {
      for (let i = 0; i < 20 && !existsSync(probeFile); i++) await sleep(100);
      probe = existsSync(probeFile) ? JSON.parse(readFileSync(probeFile, 'utf8')) : undefined;
    }

    // Figures over the measured notes (number >= warmN).
    const latencies = [];
    let duplicates = 0;
    let misrouted = 0;
    let drops = 0;
    for (const r of reports) {
      r.keys.forEach((/** @type {number} */ k, /** @type {number} */ i) => {
        if (k >= warmN) latencies.push(r.latencies[i]);
      });
      duplicates += r.duplicates;
      misrouted += r.misrouted + r.foreign;
      drops += r.drops;
    }
    latencies.sort((a, b) => a - b);
    const measuredSent = total - warmN;
    const [start, end] = marks;
    const windowS = end && start ? (end.wall - start.wall) / 1000 : NaN;
    const machine =
      end && start
        ? machineDelta(start.machine, end.machine, new Set([pid, process.pid, ...loadPids]))
        : undefined;
    const ackLat = [...acks.ackLatencies].sort((a, b) => a - b);
    const lags = [...acks.lags].sort((a, b) => a - b);
    return {
      mode,
      connectSeconds,
      sent: measuredSent,
      received: latencies.length,
      throughput: latencies.length / SECONDS,
      lost: measuredSent - latencies.length,
      duplicates,
      misrouted,
      drops,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      max: latencies.at(-1) ?? NaN,
      ackOk: acks.ok,
      ackFailed: acks.failed,
      ackSamples: acks.samples,
      ackP50: percentile(ackLat, 50),
      ackP99: percentile(ackLat, 99),
      lagP99: percentile(lags, 99),
      lagMax: lags.at(-1) ?? NaN,
      cpuPct: end && start ? ((end.cpu - start.cpu) / windowS) * 100 : NaN,
      loadCpuPct: end && start ? ((end.load - start.load) / windowS) * 100 : NaN,
      parentCpuPct: end && start ? ((end.own - start.own) / windowS) * 100 : NaN,
      machine,
      windowS,
      idleRss,
      peakRss,
      probe,
    };
  } finally {
    await Promise.all(
      [...agentProcs, supProc].map(async (c) => {
        await request(c, 'close', {}, 5000).catch(() => {});
        await stopBounded(c, 3000);
      }),
    );
    rss.stop();
  }
}

/** Starts the server under test, with the probe preloaded (unless --no-probe). */
function startTarget(/** @type {string[]} */ args, /** @type {Record<string, string>} */ env) {
  return startServer(PROBE_ON ? ['--import', PROBE, ...args] : args, env);
}

const f = (/** @type {number} */ n, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : 'n/a');

function printResults(/** @type {any} */ hub, /** @type {any} */ base) {
  /** @type {[string, (r: any) => string][]} */
  const rows = [
    ['connect time (s)', (r) => f(r.connectSeconds)],
    ['notes sent (measured)', (r) => String(r.sent)],
    ['notes received', (r) => String(r.received)],
    ['throughput (received/s)', (r) => f(r.throughput)],
    ['lost', (r) => String(r.lost)],
    ['duplicates', (r) => String(r.duplicates)],
    ['misrouted / unexpected', (r) => String(r.misrouted)],
    ['disconnects', (r) => String(r.drops)],
    ['latency p50 (ms)', (r) => f(r.p50, 2)],
    ['latency p95 (ms)', (r) => f(r.p95, 2)],
    ['latency p99 (ms)', (r) => f(r.p99, 2)],
    ['latency max (ms)', (r) => f(r.max, 2)],
    ['ack p50 / p99 (ms)', (r) => `${f(r.ackP50, 2)} / ${f(r.ackP99, 2)}`],
    ['acks ok / failed (all)', (r) => `${r.ackOk} / ${r.ackFailed}`],
    ['server CPU (% of 1 core)', (r) => f(r.cpuPct)],
    ['server RSS idle / peak (MiB)', (r) => `${f(r.idleRss, 0)} / ${f(r.peakRss, 0)}`],
    ['load processes CPU (%)', (r) => f(r.loadCpuPct)],
    ['bench parent CPU (%)', (r) => f(r.parentCpuPct)],
    ['machine busy (% of all CPUs)', (r) => f(r.machine?.busy ?? NaN)],
    [
      '  user/sys/softirq/iowait/steal',
      (r) =>
        ['user', 'system', 'softirq', 'iowait', 'steal']
          .map((k) => f(r.machine?.share[k] ?? NaN, 0))
          .join('/'),
    ],
    ['send lag vs schedule p99/max', (r) => `${f(r.lagP99, 2)} / ${f(r.lagMax, 2)}`],
  ];
  if (PROBE_ON) {
    rows.push(
      ['event-loop utilisation (%)', (r) => f((r.probe?.eventLoopUtilization ?? NaN) * 100)],
      [
        'event-loop delay p50/p99/max',
        (r) => {
          const d = r.probe?.eventLoopDelayMs ?? {};
          return `${f(d.p50, 1)} / ${f(d.p99, 1)} / ${f(d.max, 1)}`;
        },
      ],
    );
  }
  log('');
  log(`${''.padEnd(30)} ${'hub'.padStart(18)} ${'baseline'.padStart(18)}`);
  for (const [label, cell] of rows)
    log(`${label.padEnd(30)} ${cell(hub).padStart(18)} ${cell(base).padStart(18)}`);
  for (const r of [hub, base]) {
    const others = (r.machine?.others ?? []).map(
      (/** @type {any} */ o) => `${o.name}[${o.pid}] ${f((o.used / r.windowS) * 100)}%`,
    );
    log(`${r.mode} window, other busiest processes (% of 1 core): ${others.join(', ') || 'none'}`);
    const foreign = (r.machine?.others ?? []).reduce(
      (/** @type {number} */ a, /** @type {any} */ o) => a + o.used,
      0,
    );
    if ((foreign / r.windowS) * 100 > 25)
      log(
        `WARNING: processes outside this benchmark used ${f((foreign / r.windowS) * 100)}% of a core ` +
          `during the ${r.mode} window: its figures are disturbed; rerun on a quiet machine`,
      );
  }
  for (const r of [hub, base])
    if (r.ackSamples.length) log(`${r.mode} ack failures, e.g.: ${r.ackSamples.join('; ')}`);

  const s = hub.probe?.sqlite;
  if (s && s.transactions > 0) {
    const sorted = (/** @type {number[]} */ a) => [...a].sort((x, y) => x - y);
    const commit = sorted(s.commitMs);
    const txn = sorted(s.transactionMs);
    const sum = (/** @type {number[]} */ a) => a.reduce((x, y) => x + y, 0);
    const windowMs = hub.probe.windowMs;
    log('');
    log(
      `hub SQLite in the measured window (synchronous, on the event loop): ` +
        `${s.statements} statements ${f(s.stepMs, 0)} ms + ${s.prepares} prepares ` +
        `${f(s.prepareMs, 0)} ms = ${f(((s.stepMs + s.prepareMs) / windowMs) * 100)}% of the window`,
    );
    log(
      `  ${s.transactions} group commits, ${f(sum(s.batch) / s.transactions, 2)} notes each ` +
        `(max ${Math.max(...s.batch)}); COMMIT (WAL write + fsync) p50 ${f(percentile(commit, 50), 2)} ` +
        `p99 ${f(percentile(commit, 99), 2)} max ${f(commit.at(-1), 2)} ms, ` +
        `${f((sum(commit) / windowMs) * 100)}% of the window; BEGIN..COMMIT p50 ` +
        `${f(percentile(txn, 50), 2)} p99 ${f(percentile(txn, 99), 2)} ms`,
    );
  }

  const ratio = (/** @type {string} */ k) => hub[k] / base[k];
  log('');
  log(
    `ratio hub/baseline: p50 ${f(ratio('p50'), 2)}x  p95 ${f(ratio('p95'), 2)}x  ` +
      `p99 ${f(ratio('p99'), 2)}x  max ${f(ratio('max'), 2)}x  ` +
      `throughput ${f(ratio('throughput'), 3)}x  server CPU ${f(ratio('cpuPct'), 1)}x`,
  );
  const p99 = ratio('p99');
  log(
    `target: hub p99 within ${TARGET_P99_RATIO}x of the bare relay at ${CLIENTS} clients and ` +
      `${RATE} notes/s: ${p99 <= TARGET_P99_RATIO ? 'MET' : 'MISSED'} ` +
      `(${f(hub.p99, 2)} ms vs ${f(base.p99, 2)} ms = ${f(p99, 2)}x)`,
  );
}

const tempDir = mkdtempSync(join(tmpdir(), 'sidecoach-relay-'));
const dataDir = join(tempDir, 'data');
let cleaned = false;
async function cleanup() {
  if (cleaned) return;
  cleaned = true;
  await Promise.all([...live].map((c) => stopBounded(c, 3000)));
  rmSync(tempDir, { recursive: true, force: true });
}
process.on('exit', () => {
  for (const c of live) c.kill('SIGKILL'); // last resort; cleanup() normally ran
  rmSync(tempDir, { recursive: true, force: true });
});
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM']))
  process.on(signal, () => {
    log(`\n${signal}: stopping every process this benchmark started`);
    void cleanup().finally(() => process.exit(130));
  });

try {
  if (!existsSync(HUB)) throw new Error(`${HUB} is missing: build the hub first (npx tsc -b)`);
  checkLimits();
  log(
    `relay: ${AGENTS} agents + ${SUPERVISORS} supervisors = ${CLIENTS} clients ` +
      `(agents in ${AGENT_PROCESSES} processes, supervisors in 1), ${RATE} notes/s open-loop for ` +
      `${SECONDS} s after ${WARMUP} s warm-up, loopback, ${cpus().length} CPUs, node ${process.version}` +
      `${PROBE_ON ? ', probe on' : ''}`,
  );
  if (WHAT_IF)
    log(`WHAT-IF RUN: hub altered at run time by the probe (${WHAT_IF}); not the hub as shipped`);
  const users = await seed(dataDir);

  log('[hub] starting');
  const profDir = join(tempDir, 'cpu-prof');
  const hub = await startTarget(
    [
      ...(CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : []),
      HUB,
      '--host',
      '127.0.0.1',
      '--port',
      '0',
      '--data-dir',
      dataDir,
    ],
    {
      LOG_LEVEL: 'info',
      RELAY_PROBE_FILE: join(tempDir, 'probe-hub.json'),
      RELAY_PROBE_SQLITE: '1',
      RELAY_PROBE_WHATIF: WHAT_IF,
    },
  );
  track(hub.child);
  const hubResult = await runTarget('hub', hub, users, join(tempDir, 'probe-hub.json'));
  await stopBounded(hub.child, CPU_PROF ? 30_000 : 5000);
  const profile = CPU_PROF && existsSync(profDir) ? readdirSync(profDir)[0] : undefined;
  const profileLines = profile ? summariseProfile(join(profDir, profile)) : [];

  log('[baseline] starting the bare socket.io relay');
  const base = await startTarget([join(root, 'bench/relay-baseline.mjs')], {
    RELAY_PROBE_FILE: join(tempDir, 'probe-baseline.json'),
  });
  track(base.child);
  const baseResult = await runTarget('baseline', base, users, join(tempDir, 'probe-baseline.json'));
  await stopBounded(base.child);

  printResults(hubResult, baseResult);
  if (CPU_PROF) {
    log('');
    for (const line of profileLines.length ? profileLines : ['hub CPU profile: none written'])
      log(line);
  }
} catch (err) {
  console.error(`relay benchmark failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
} finally {
  await cleanup();
}

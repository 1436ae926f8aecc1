// Relay benchmark: supervisors' notes to agents through the real hub (authenticated, validated,
// committed to the database before the ack, then pushed from the agent's inbox), and the same
// load through a bare socket.io relay in the same run as the baseline. On loopback: N agent
// connections in 2 load processes, M supervisor connections in 1, the supervisors together
// sending R notes/s open-loop on a fixed schedule for D seconds after a warm-up. Prints, per
// configuration, ack latency (send to acknowledgement) and delivery latency (send to receipt at
// the agent; with 2 nodes split into same-node and cross-node), throughput, notes lost,
// duplicated and gapped (an agent's inbox seq not consecutive), CPU and peak memory of each hub
// process and of PostgreSQL, PostgreSQL's commits and WAL syncs per second, CPU per note, and a
// summary with ratios against the baseline. A benchmark, not a test.
//   node bench/relay.mjs [--agents 1900] [--supervisors 100] [--rate 500] [--seconds 20]
//                        [--warmup 5] [--quick] [--no-probe]          (after `npx tsc -b`)
//                        [--database sqlite|postgres] [--nodes 1|2]   (2 only with postgres)
//                        [--compare]  (in one run: SQLite x1, PostgreSQL x1, PostgreSQL x2)
// PostgreSQL: a throw-away durable server (bench/postgres.mjs: default fsync and
// synchronous_commit), one database per configuration, stopped at the end.
// Diagnostics: --cpu-prof (profile the hub, print where its time goes); --what-if nosync,stmt-cache
// (changes the hub's SQLite behaviour at run time through the probe, to see what a change
// would buy; such a run does not measure the hub as shipped and says so).
import { fork } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { hashPassword } from '../hub/dist/lib/passwords.js';
import { openDatabase } from '../hub/dist/store/db.js';
import { percentile, processUsage, startServer, stop } from './lib.mjs';
import { createDatabase, pgCounters, postgresPids, startPostgres } from './postgres.mjs';
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
    database: { type: 'string', default: 'sqlite' },
    nodes: { type: 'string', default: '1' },
    compare: { type: 'boolean', default: false },
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
if (!['sqlite', 'postgres'].includes(values.database))
  throw new Error('--database must be sqlite or postgres');
if (!['1', '2'].includes(values.nodes)) throw new Error('--nodes must be 1 or 2');
if (values.nodes === '2' && values.database !== 'postgres')
  throw new Error('--nodes 2 needs --database postgres (nodes share one PostgreSQL database)');
/** @typedef {{ name: string, database: 'sqlite' | 'postgres', nodes: number }} Config */
/** @type {Config[]} */
const CONFIGS = values.compare
  ? [
      { name: 'sqlite x1', database: 'sqlite', nodes: 1 },
      { name: 'postgres x1', database: 'postgres', nodes: 1 },
      { name: 'postgres x2', database: 'postgres', nodes: 2 },
    ]
  : [
      {
        name: `${values.database} x${values.nodes}`,
        database: /** @type {'sqlite' | 'postgres'} */ (values.database),
        nodes: Number(values.nodes),
      },
    ];

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

/**
 * The benchmark's people, made once and written into every configuration's database: M
 * supervisors, each with a team of agents. `spread` (0 or 1) says which node a person uses when
 * there are 2: supervisors alternate, and so do the members of each team, so each supervisor has
 * agents on its own node and on the other (both same-node and cross-node deliveries occur).
 */
function makeUsers() {
  if (AGENTS < SUPERVISORS)
    throw new Error('every supervisor needs at least one agent: use --agents >= --supervisors');
  const person = () => ({ id: randomUUID(), token: randomBytes(32).toString('base64url') });
  /** @type {{ id: string, token: string, spread: number, team: string[] }[]} */
  const supervisors = Array.from({ length: SUPERVISORS }, (_, s) => ({
    ...person(),
    spread: s % 2,
    team: [],
  }));
  /** @type {{ id: string, token: string, spread: number, supervisor: number }[]} */
  const agents = Array.from({ length: AGENTS }, (_, a) => ({
    ...person(),
    spread: Math.floor(a / SUPERVISORS) % 2,
    supervisor: a % SUPERVISORS,
  }));
  for (const a of agents) supervisors[a.supervisor].team.push(a.id);
  return { supervisors, agents };
}

/**
 * Creates the schema (the hub's migrations, through openDatabase) and writes teams, users and
 * sessions; SQLite in `dataDir`, or PostgreSQL at `databaseUrl`.
 * @param {ReturnType<typeof makeUsers>} users @param {string} dataDir @param {string | null} databaseUrl
 */
async function seed(users, dataDir, databaseUrl) {
  log(
    `[seed] ${SUPERVISORS} supervisors and ${AGENTS} agents in ${SUPERVISORS} teams, with ` +
      `sessions, into ${databaseUrl ? 'PostgreSQL' : 'SQLite'}`,
  );
  const passwordHash = await hashPassword('relay-bench-password'); // one hash serves everyone
  const now = new Date().toISOString();
  const expires = new Date(Date.now() + 7 * 24 * 3_600_000).toISOString();
  const { db } = await openDatabase({ dataDir, databaseUrl });
  const tokenHash = (/** @type {string} */ t) => createHash('sha256').update(t).digest('hex');
  /** @type {{ id: string, username: string, display_name: string, role: 'agent' | 'supervisor', password_hash: string, created_at: string }[]} */
  const rows = [];
  const members = [];
  const sessions = [];
  const add = (
    /** @type {{ id: string, token: string }} */ p,
    /** @type {string} */ name,
    /** @type {'agent' | 'supervisor'} */ role,
    /** @type {number} */ team,
  ) => {
    rows.push({
      id: p.id,
      username: name,
      display_name: name,
      role,
      password_hash: passwordHash,
      created_at: now,
    });
    members.push({ team_id: `relay-team-${team}`, user_id: p.id });
    sessions.push({
      id: randomUUID(),
      token_hash: tokenHash(p.token),
      user_id: p.id,
      created_at: now,
      expires_at: expires,
      revoked_at: null,
    });
  };
  users.supervisors.forEach((s, i) => add(s, `relay-sup-${i}`, 'supervisor', i));
  users.agents.forEach((a, i) => add(a, `relay-agent-${i}`, 'agent', a.supervisor));
  const teams = users.supervisors.map((_, i) => ({
    id: `relay-team-${i}`,
    name: `Relay team ${i}`,
    created_at: now,
  }));
  const chunks = (/** @type {any[]} */ list) =>
    Array.from({ length: Math.ceil(list.length / 200) }, (_, i) =>
      list.slice(i * 200, i * 200 + 200),
    );
  try {
    await db.transaction().execute(async (trx) => {
      for (const part of chunks(teams)) await trx.insertInto('teams').values(part).execute();
      for (const part of chunks(rows)) await trx.insertInto('users').values(part).execute();
      for (const part of chunks(members))
        await trx.insertInto('team_members').values(part).execute();
      for (const part of chunks(sessions)) await trx.insertInto('sessions').values(part).execute();
    });
  } finally {
    await db.destroy();
  }
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

/** Proportional set size (MiB) of a process: its private memory plus its share of shared pages. */
function pssMiB(/** @type {number} */ pid) {
  const m = /Pss:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

/**
 * Peak memory of the PostgreSQL server, sampled every 200 ms: the sum of its processes' PSS
 * (shared buffers counted once, not once per backend as a sum of RSS would), and the peak
 * number of processes.
 */
function postgresSampler(/** @type {number} */ postmasterPid) {
  let peak = 0;
  let procs = 0;
  const sample = () => {
    let sum = 0;
    const pids = postgresPids(postmasterPid);
    for (const pid of pids) {
      try {
        sum += pssMiB(pid);
      } catch {
        /* exited */
      }
    }
    peak = Math.max(peak, sum);
    procs = Math.max(procs, pids.length);
  };
  sample();
  const timer = setInterval(sample, 200);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return { peak, procs };
    },
  };
}

/** CPU seconds of every PostgreSQL process now, by pid. */
function postgresCpu(/** @type {number} */ postmasterPid) {
  /** @type {Map<number, number>} */
  const cpu = new Map();
  for (const pid of postgresPids(postmasterPid)) {
    try {
      cpu.set(pid, processUsage(pid).cpuSeconds);
    } catch {
      /* exited */
    }
  }
  return cpu;
}

/** CPU the PostgreSQL processes used between two readings (processes started since count whole). */
const postgresCpuDelta = (
  /** @type {Map<number, number>} */ a,
  /** @type {Map<number, number>} */ b,
) => [...b].reduce((sum, [pid, cpu]) => sum + cpu - (a.get(pid) ?? 0), 0);

/**
 * Warnings and errors a hub logs (pino JSON on stdout, level 40+), counted by message and by
 * phase ('run' until the figures are in, then 'shutdown' once the benchmark stops the hub),
 * with the first of each kept, for the report.
 */
function logWatcher(/** @type {import('node:child_process').ChildProcess} */ child) {
  /** @type {Map<string, { phase: string, count: number, level: number, sample: string }>} */
  const seen = new Map();
  const watcher = { seen, phase: 'run' };
  let buffer = '';
  child.stdout?.on('data', (chunk) => {
    buffer += chunk;
    for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      let entry;
      try {
        entry = JSON.parse(line);
      } catch {
        continue;
      }
      if (!(entry.level >= 40)) continue;
      const key = `${watcher.phase} ${String(entry.msg)}`;
      const had = seen.get(key);
      if (had) had.count++;
      else {
        const err = entry.err ? ` (${entry.err.code ?? ''} ${entry.err.message ?? ''})` : '';
        seen.set(key, {
          phase: watcher.phase,
          count: 1,
          level: entry.level,
          sample: `${String(entry.msg)}${err}`.slice(0, 200),
        });
      }
    }
  });
  return watcher;
}

/**
 * Drives one configuration (its hub nodes, or the baseline) through connect, warm-up,
 * measurement and drain with fresh load processes; returns the measured figures.
 * @param {string} name @param {'hub' | 'baseline'} mode
 * @param {{ url: string, child: import('node:child_process').ChildProcess, probeFile: string, logs: ReturnType<typeof logWatcher> | undefined }[]} servers
 * @param {ReturnType<typeof makeUsers>} users
 * @param {{ serverUrl: string, database: string, postmasterPid: number } | undefined} postgres
 */
async function runTarget(name, mode, servers, users, postgres) {
  const tag = `[${name}]`;
  const nodes = servers.length;
  const urls = servers.map((s) => s.url);
  const nodeOf = (/** @type {{ spread: number }} */ p) => (nodes === 2 ? p.spread : 0);
  const pids = servers.map((s) => /** @type {number} */ (s.child.pid));
  const rss = pids.map((pid) => rssSampler(pid));
  const pgMem = postgres ? postgresSampler(postgres.postmasterPid) : undefined;
  const stats = postgres
    ? new pg.Client({ connectionString: `${postgres.serverUrl}/postgres` })
    : undefined;
  if (stats) await stats.connect();
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
            urls,
            mode,
            agents: users.agents
              .filter((_, a) => a % AGENT_PROCESSES === i)
              .map((a) => ({ id: a.id, token: a.token, node: nodeOf(a) })),
            concurrency: CONNECT_CONCURRENCY,
          },
          connectMs,
        ),
      ),
    );
    await request(
      supProc,
      'connect',
      {
        urls,
        mode,
        supervisors: users.supervisors.map((s) => ({
          id: s.id,
          token: s.token,
          team: s.team,
          node: nodeOf(s),
        })),
        concurrency: CONNECT_CONCURRENCY,
      },
      connectMs,
    );
    const connectSeconds = (performance.now() - connectStart) / 1000;
    await sleep(1000); // let connection-time work (presence, floor updates) settle
    const idleRss = pids.map((pid) => processUsage(pid).rssMiB);

    // Warm-up, then the measured window (marked by the supervisors' process as it sends).
    log(`${tag} warm-up ${WARMUP} s at ${RATE} notes/s`);
    /** @type {{ wall: number, cpu: number[], pg: Map<number, number> | undefined, load: number, own: number, machine: ReturnType<typeof machineSnapshot> }[]} */
    const marks = [];
    /** @type {Promise<Awaited<ReturnType<typeof pgCounters>> | undefined>[]} */
    const pgMarks = [];
    const mark = () => {
      marks.push({
        wall: performance.now(),
        cpu: pids.map((pid) => processUsage(pid).cpuSeconds),
        pg: postgres ? postgresCpu(postgres.postmasterPid) : undefined,
        load: cpuOf(loadPids),
        own: process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6,
        machine: machineSnapshot(),
      });
      if (stats && postgres)
        pgMarks.push(pgCounters(stats, postgres.database).catch(() => undefined));
      if (PROBE_ON) for (const pid of pids) process.kill(pid, 'SIGUSR2');
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
    const peakRss = rss.map((r) => r.stop());
    const pgPeak = pgMem?.stop();
    const [pgStart, pgEnd] = await Promise.all(pgMarks);

    /** @type {any[]} */
    const probes = [];
    if (PROBE_ON) {
      for (const { probeFile } of servers) {
        for (let i = 0; i < 20 && !existsSync(probeFile); i++) await sleep(100);
        probes.push(
          existsSync(probeFile) ? JSON.parse(readFileSync(probeFile, 'utf8')) : undefined,
        );
      }
    }

    // Figures over the measured notes (number >= warmN).
    /** @type {number[]} */
    const latencies = [];
    /** @type {number[]} */
    const same = [];
    /** @type {number[]} */
    const crossed = [];
    let duplicates = 0;
    let misrouted = 0;
    let drops = 0;
    let gaps = 0;
    let gappedAgents = 0;
    for (const r of reports) {
      r.keys.forEach((/** @type {number} */ k, /** @type {number} */ i) => {
        if (k < warmN) return;
        latencies.push(r.latencies[i]);
        (r.cross[i] ? crossed : same).push(r.latencies[i]);
      });
      duplicates += r.duplicates;
      misrouted += r.misrouted + r.foreign;
      drops += r.drops;
      gaps += r.gaps;
      gappedAgents += r.gappedAgents;
    }
    for (const list of [latencies, same, crossed]) list.sort((a, b) => a - b);
    const measuredSent = total - warmN;
    const [start, end] = marks;
    const windowS = end && start ? (end.wall - start.wall) / 1000 : NaN;
    const pgPids = end?.pg ? [...end.pg.keys()] : [];
    const machine =
      end && start
        ? machineDelta(
            start.machine,
            end.machine,
            new Set([...pids, ...pgPids, process.pid, ...loadPids]),
          )
        : undefined;
    const ackLat = [...acks.ackLatencies].sort((a, b) => a - b);
    const lags = [...acks.lags].sort((a, b) => a - b);
    const pcts = (/** @type {number[]} */ l) => ({
      n: l.length,
      p50: percentile(l, 50),
      p95: percentile(l, 95),
      p99: percentile(l, 99),
      max: l.at(-1) ?? NaN,
    });
    const nodeCpu = pids.map((_, i) => (end && start ? end.cpu[i] - start.cpu[i] : NaN));
    const perSecond = (/** @type {'commits' | 'walSyncs' | 'walWrites' | 'walBytes'} */ k) =>
      pgStart && pgEnd ? (pgEnd[k] - pgStart[k]) / ((pgEnd.at - pgStart.at) / 1000) : NaN;
    return {
      name,
      mode,
      nodes,
      connectSeconds,
      sent: measuredSent,
      received: latencies.length,
      throughput: latencies.length / SECONDS,
      lost: measuredSent - latencies.length,
      duplicates,
      gaps,
      gappedAgents,
      misrouted,
      drops,
      delivery: pcts(latencies),
      same: pcts(same),
      cross: pcts(crossed),
      ack: pcts(ackLat),
      ackOk: acks.ok,
      ackFailed: acks.failed,
      ackSamples: acks.samples,
      lagP99: percentile(lags, 99),
      lagMax: lags.at(-1) ?? NaN,
      nodeCpu,
      hubCpu: nodeCpu.reduce((a, b) => a + b, 0),
      pgCpu: end?.pg && start?.pg ? postgresCpuDelta(start.pg, end.pg) : NaN,
      loadCpu: end && start ? end.load - start.load : NaN,
      parentCpu: end && start ? end.own - start.own : NaN,
      pgPeakMiB: pgPeak?.peak ?? NaN,
      pgProcs: pgPeak?.procs ?? 0,
      commitsPerS: perSecond('commits'),
      walSyncsPerS: perSecond('walSyncs'),
      walWritesPerS: perSecond('walWrites'),
      walKiBPerS: perSecond('walBytes') / 1024,
      machine,
      windowS,
      idleRss,
      peakRss,
      probes,
      logs: servers.map((s) => s.logs),
    };
  } finally {
    await Promise.all(
      [...agentProcs, supProc].map(async (c) => {
        await request(c, 'close', {}, 5000).catch(() => {});
        await stopBounded(c, 3000);
      }),
    );
    for (const r of rss) r.stop();
    pgMem?.stop();
    await stats?.end().catch(() => {});
  }
}

/** Starts a server under test, with the probe preloaded (unless --no-probe). */
function startTarget(/** @type {string[]} */ args, /** @type {Record<string, string>} */ env) {
  return startServer(PROBE_ON ? ['--import', PROBE, ...args] : args, env);
}

const f = (/** @type {number} */ n, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : 'n/a');
const lat = (/** @type {any} */ p) =>
  `${f(p.p50, 2)} / ${f(p.p95, 2)} / ${f(p.p99, 2)} / ${f(p.max, 2)}`;
/** Milliseconds of CPU per measured note. */
const perNote = (/** @type {number} */ cpuSeconds, /** @type {any} */ r) =>
  (cpuSeconds / r.sent) * 1000;

const CORES_NOTE =
  `note: on this ${cpus().length}-CPU machine the hub node(s), PostgreSQL and the load processes ` +
  'share the cores, so these runs show the cost and correctness of each configuration (and of the ' +
  'cluster), not the gain of a second node; use CPU per note to estimate what N machines carry.';

function printConfig(/** @type {any} */ r) {
  /** @type {[string, string][]} */
  const rows = [];
  const row = (/** @type {string} */ label, /** @type {string} */ value) =>
    rows.push([label, value]);
  const pct = (/** @type {number} */ s) => f((s / r.windowS) * 100);
  row('clients', `${CLIENTS} over ${r.nodes} node(s), connected in ${f(r.connectSeconds)} s`);
  row('notes sent / received (measured)', `${r.sent} / ${r.received}`);
  row('throughput (received/s)', `${f(r.throughput)} at ${RATE} sent/s`);
  row('lost / duplicated / gapped', `${r.lost} / ${r.duplicates} / ${r.gaps}`);
  if (r.mode === 'hub') row('  agents with a seq gap', String(r.gappedAgents));
  row('misrouted / disconnects', `${r.misrouted} / ${r.drops}`);
  row('acks ok / failed (all notes)', `${r.ackOk} / ${r.ackFailed}`);
  row('ack p50/p95/p99/max (ms)', lat(r.ack));
  row(`delivery p50/p95/p99/max (ms)`, `${lat(r.delivery)}  n=${r.delivery.n}`);
  row('  same-node', `${lat(r.same)}  n=${r.same.n}`);
  if (r.nodes > 1) row('  cross-node', `${lat(r.cross)}  n=${r.cross.n}`);
  r.nodeCpu.forEach((/** @type {number} */ cpu, /** @type {number} */ i) => {
    const who = r.mode === 'hub' ? `hub node ${i + 1}` : 'relay';
    row(`${who} CPU s (% of 1 core)`, `${f(cpu, 2)} (${pct(cpu)}%)`);
    row(`${who} RSS idle / peak (MiB)`, `${f(r.idleRss[i], 0)} / ${f(r.peakRss[i], 0)}`);
    const elu = r.probes[i]?.eventLoopUtilization;
    if (elu !== undefined) row(`${who} event-loop utilisation`, `${f(elu * 100)}%`);
  });
  row('server CPU ms per note', f(perNote(r.hubCpu, r), 3));
  if (Number.isFinite(r.pgCpu)) {
    row('PostgreSQL CPU s (% of 1 core)', `${f(r.pgCpu, 2)} (${pct(r.pgCpu)}%)`);
    row('PostgreSQL CPU ms per note', f(perNote(r.pgCpu, r), 3));
    row('PostgreSQL peak memory (PSS MiB)', `${f(r.pgPeakMiB, 0)} over ${r.pgProcs} processes`);
    row(
      'PostgreSQL commits/s (database)',
      `${f(r.commitsPerS)} (${f(r.commitsPerS / RATE, 2)}/note)`,
    );
    row('PostgreSQL WAL syncs/s / writes/s', `${f(r.walSyncsPerS)} / ${f(r.walWritesPerS)}`);
    row('PostgreSQL WAL KiB/s', f(r.walKiBPerS));
    row('  (counters as backends report them, about once a second)', '');
  }
  const serverCpu = r.hubCpu + (Number.isFinite(r.pgCpu) ? r.pgCpu : 0);
  row(
    'hub+db CPU ms/note (notes/s/core)',
    `${f(perNote(serverCpu, r), 3)} (${f(r.sent / serverCpu, 0)})`,
  );
  row('load processes CPU s / ms per note', `${f(r.loadCpu, 2)} / ${f(perNote(r.loadCpu, r), 3)}`);
  row('bench parent CPU s', f(r.parentCpu, 2));
  row('machine busy (% of all CPUs)', f(r.machine?.busy ?? NaN));
  row('send lag vs schedule p99/max (ms)', `${f(r.lagP99, 2)} / ${f(r.lagMax, 2)}`);
  log('');
  log(`== ${r.name} ${'='.repeat(Math.max(0, 70 - r.name.length))}`);
  for (const [label, value] of rows) log(`${label.padEnd(36)} ${value}`);
  const others = (r.machine?.others ?? []).map(
    (/** @type {any} */ o) => `${o.name}[${o.pid}] ${f((o.used / r.windowS) * 100)}%`,
  );
  log(`other busiest processes (% of 1 core): ${others.join(', ') || 'none'}`);
  const foreign = (r.machine?.others ?? []).reduce(
    (/** @type {number} */ a, /** @type {any} */ o) => a + o.used,
    0,
  );
  if ((foreign / r.windowS) * 100 > 25)
    log(
      `WARNING: processes outside this benchmark used ${f((foreign / r.windowS) * 100)}% of a core ` +
        `during the window: these figures are disturbed; rerun on a quiet machine`,
    );
  if (r.ackSamples.length) log(`ack failures, e.g.: ${r.ackSamples.join('; ')}`);
  r.logs.forEach(
    (/** @type {ReturnType<typeof logWatcher> | undefined} */ logs, /** @type {number} */ i) => {
      if (!logs) return;
      for (const phase of ['run', 'shutdown']) {
        const list = [...logs.seen.values()]
          .filter((e) => e.phase === phase)
          .map((e) => `${e.count}x ${e.level >= 50 ? 'error' : 'warn'} ${e.sample}`);
        const when = phase === 'run' ? 'while running' : 'while being stopped';
        log(`hub node ${i + 1} warnings/errors ${when}: ${list.length ? list.join('; ') : 'none'}`);
      }
    },
  );
  const s = r.probes[0]?.sqlite;
  if (s && s.transactions > 0) {
    const sorted = (/** @type {number[]} */ a) => [...a].sort((x, y) => x - y);
    const commit = sorted(s.commitMs);
    const sum = (/** @type {number[]} */ a) => a.reduce((x, y) => x + y, 0);
    log(
      `hub SQLite in the window: ${s.transactions} group commits (${f(s.transactions / r.windowS)}/s), ` +
        `${f(sum(s.batch) / s.transactions, 2)} notes each (max ${Math.max(...s.batch)}); COMMIT ` +
        `(WAL write + fsync) p50 ${f(percentile(commit, 50), 2)} p99 ${f(percentile(commit, 99), 2)} ms; ` +
        `statements ${f(((s.stepMs + s.prepareMs) / r.probes[0].windowMs) * 100)}% of the window`,
    );
  }
}

function printSummary(/** @type {any} */ base, /** @type {any[]} */ hubs) {
  const all = [base, ...hubs];
  const serverCpu = (/** @type {any} */ r) => r.hubCpu + (Number.isFinite(r.pgCpu) ? r.pgCpu : 0);
  /** @type {[string, (r: any) => string][]} */
  const rows = [
    ['ack p50 (ms)', (r) => f(r.ack.p50, 2)],
    ['ack p99 (ms)', (r) => f(r.ack.p99, 2)],
    ['delivery p50 (ms)', (r) => f(r.delivery.p50, 2)],
    ['delivery p95 (ms)', (r) => f(r.delivery.p95, 2)],
    ['delivery p99 (ms)', (r) => f(r.delivery.p99, 2)],
    ['delivery max (ms)', (r) => f(r.delivery.max, 2)],
    ['same-node delivery p99 (ms)', (r) => f(r.same.p99, 2)],
    ['cross-node delivery p99 (ms)', (r) => (r.nodes > 1 ? f(r.cross.p99, 2) : '-')],
    ['throughput (received/s)', (r) => f(r.throughput)],
    ['lost / dup / gapped', (r) => `${r.lost}/${r.duplicates}/${r.gaps}`],
    ['acks failed', (r) => String(r.ackFailed)],
    ['hub CPU s (all nodes)', (r) => f(r.hubCpu, 2)],
    ['PostgreSQL CPU s', (r) => (Number.isFinite(r.pgCpu) ? f(r.pgCpu, 2) : '-')],
    ['hub CPU ms/note', (r) => f(perNote(r.hubCpu, r), 3)],
    ['PostgreSQL CPU ms/note', (r) => (Number.isFinite(r.pgCpu) ? f(perNote(r.pgCpu, r), 3) : '-')],
    ['hub+db CPU ms/note', (r) => f(perNote(serverCpu(r), r), 3)],
    [
      'hub peak RSS MiB (sum)',
      (r) =>
        f(
          r.peakRss.reduce((/** @type {number} */ a, /** @type {number} */ b) => a + b, 0),
          0,
        ),
    ],
    ['PostgreSQL peak PSS MiB', (r) => (Number.isFinite(r.pgCpu) ? f(r.pgPeakMiB, 0) : '-')],
    ['PostgreSQL commits/s', (r) => (Number.isFinite(r.pgCpu) ? f(r.commitsPerS) : '-')],
    ['PostgreSQL WAL syncs/s', (r) => (Number.isFinite(r.pgCpu) ? f(r.walSyncsPerS) : '-')],
    ['x baseline: ack p99', (r) => f(r.ack.p99 / base.ack.p99, 2)],
    ['x baseline: delivery p50', (r) => f(r.delivery.p50 / base.delivery.p50, 2)],
    ['x baseline: delivery p99', (r) => f(r.delivery.p99 / base.delivery.p99, 2)],
    ['x baseline: throughput', (r) => f(r.throughput / base.throughput, 3)],
    ['x baseline: server CPU/note', (r) => f(serverCpu(r) / serverCpu(base), 2)],
  ];
  const width = 14;
  log('');
  log(
    `== summary: ${CLIENTS} clients, ${RATE} notes/s for ${SECONDS} s, ratios against the baseline of this run`,
  );
  log(`${''.padEnd(30)}${all.map((r) => r.name.padStart(width)).join('')}`);
  for (const [label, cell] of rows)
    log(`${label.padEnd(30)}${all.map((r) => cell(r).padStart(width)).join('')}`);
  for (const r of hubs) {
    const ratio = r.delivery.p99 / base.delivery.p99;
    log(
      `target ${r.name}: delivery p99 within ${TARGET_P99_RATIO}x of the bare relay: ` +
        `${ratio <= TARGET_P99_RATIO ? 'MET' : 'MISSED'} (${f(r.delivery.p99, 2)} ms vs ` +
        `${f(base.delivery.p99, 2)} ms = ${f(ratio, 2)}x)`,
    );
  }
  log(CORES_NOTE);
}

const tempDir = mkdtempSync(join(tmpdir(), 'sidecoach-relay-'));
/** @type {Awaited<ReturnType<typeof startPostgres>> | undefined} */
let postgres;
let cleaned = false;
async function cleanup() {
  if (cleaned) return;
  cleaned = true;
  await Promise.all([...live].map((c) => stopBounded(c, 3000)));
  postgres?.stop();
  rmSync(tempDir, { recursive: true, force: true });
}
process.on('exit', () => {
  for (const c of live) c.kill('SIGKILL'); // last resort; cleanup() normally ran
  postgres?.stop();
  rmSync(tempDir, { recursive: true, force: true });
});
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM']))
  process.on(signal, () => {
    log(`\n${signal}: stopping every process this benchmark started`);
    void cleanup().finally(() => process.exit(130));
  });

/**
 * One configuration: a fresh database (SQLite file, or a PostgreSQL database on the shared
 * server), seeded, its hub node(s) started on it, measured, stopped.
 * @param {Config} config @param {ReturnType<typeof makeUsers>} users
 */
async function runConfig(config, users) {
  const slug = `${config.database}_${config.nodes}`;
  const dir = join(tempDir, slug);
  mkdirSync(dir, { recursive: true });
  let databaseUrl = null;
  let database = '';
  if (config.database === 'postgres') {
    if (!postgres) throw new Error('PostgreSQL is not running');
    database = `relay_${slug}`;
    databaseUrl = await createDatabase(postgres.url, database);
  }
  await seed(users, join(dir, 'node-1'), databaseUrl);
  const profDir = join(dir, 'cpu-prof');
  /** @type {Parameters<typeof runTarget>[2]} */
  const servers = [];
  try {
    for (let n = 1; n <= config.nodes; n++) {
      log(`[${config.name}] starting hub node ${n}`);
      const probeFile = join(dir, `probe-${n}.json`);
      const server = await startTarget(
        [
          ...(CPU_PROF && n === 1 ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : []),
          HUB,
          '--host',
          '127.0.0.1',
          '--port',
          '0',
          '--data-dir',
          join(dir, `node-${n}`),
          ...(databaseUrl ? ['--database', databaseUrl] : []),
        ],
        {
          LOG_LEVEL: 'info',
          RELAY_PROBE_FILE: probeFile,
          RELAY_PROBE_SQLITE: config.database === 'sqlite' ? '1' : '',
          RELAY_PROBE_WHATIF: WHAT_IF,
        },
      );
      track(server.child);
      servers.push({ ...server, probeFile, logs: logWatcher(server.child) });
    }
    const result = await runTarget(
      config.name,
      'hub',
      servers,
      users,
      postgres && databaseUrl
        ? { serverUrl: postgres.url, database, postmasterPid: postgres.postmasterPid }
        : undefined,
    );
    return result;
  } finally {
    for (const s of servers) s.logs.phase = 'shutdown';
    await Promise.all(
      servers.map((s, i) => stopBounded(s.child, CPU_PROF && i === 0 ? 30_000 : 5000)),
    );
    const profile = CPU_PROF && existsSync(profDir) ? readdirSync(profDir)[0] : undefined;
    if (profile) {
      log('');
      log(`[${config.name}] hub node 1 CPU profile:`);
      for (const line of summariseProfile(join(profDir, profile))) log(line);
    }
  }
}

try {
  if (!existsSync(HUB)) throw new Error(`${HUB} is missing: build the hub first (npx tsc -b)`);
  checkLimits();
  log(
    `relay: ${AGENTS} agents + ${SUPERVISORS} supervisors = ${CLIENTS} clients ` +
      `(agents in ${AGENT_PROCESSES} processes, supervisors in 1), ${RATE} notes/s open-loop for ` +
      `${SECONDS} s after ${WARMUP} s warm-up, loopback, ${cpus().length} CPUs, node ${process.version}` +
      `${PROBE_ON ? ', probe on' : ''}; configurations: ${CONFIGS.map((c) => c.name).join(', ')}, ` +
      `and the bare socket.io relay`,
  );
  if (WHAT_IF)
    log(`WHAT-IF RUN: hub altered at run time by the probe (${WHAT_IF}); not the hub as shipped`);
  const users = makeUsers();
  if (CONFIGS.some((c) => c.database === 'postgres')) {
    postgres = await startPostgres();
    log(
      `[postgres] PostgreSQL ${postgres.version} on ${postgres.url} (postmaster ${postgres.postmasterPid}), ` +
        'durable: default fsync, synchronous_commit, full_page_writes',
    );
  }

  /** @type {any[]} */
  const results = [];
  for (const config of CONFIGS) results.push(await runConfig(config, users));

  log('[baseline] starting the bare socket.io relay');
  const baseProbe = join(tempDir, 'probe-baseline.json');
  const base = await startTarget([join(root, 'bench/relay-baseline.mjs')], {
    RELAY_PROBE_FILE: baseProbe,
  });
  track(base.child);
  const baseResult = await runTarget(
    'baseline',
    'baseline',
    [{ ...base, probeFile: baseProbe, logs: undefined }],
    users,
    undefined,
  );
  await stopBounded(base.child);

  log('');
  log(CORES_NOTE);
  for (const r of [baseResult, ...results]) printConfig(r);
  printSummary(baseResult, results);
} catch (err) {
  console.error(`relay benchmark failed: ${err instanceof Error ? err.stack : String(err)}`);
  process.exitCode = 1;
} finally {
  await cleanup();
}

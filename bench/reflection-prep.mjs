// Benchmark: preparing a reflective coaching session (issue 7). Target: over 90 days, for an
// agent with 5,000 calls, in a database of 1,000,000 calls, the hub answers in under 300 ms.
//
// Builds the database once (a real SQLite file, migrated by the hub's own code, then filled in
// bulk: every agent's calls in the last 90 days, with self-assessments, observations with
// verdicts, QA evaluations and survey responses at realistic rates), starts the built hub on
// it, and times 'reflection:prepare' over socket.io against a baseline measured in the same run:
// 'call:list' (one indexed read of the same agent's latest calls) on the same connection.
//
//   node bench/reflection-prep.mjs [--calls 1000000] [--per-agent 5000] [--runs 30] [--keep DIR]
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { io } from 'socket.io-client';
import { PROTOCOL_VERSION, parseStandardsPackYaml } from '../shared/dist/index.js';
import { openDatabase } from '../hub/dist/store/db.js';
import { createTeam, createUser } from '../hub/dist/lib/accounts.js';
import { percentile, processUsage, startServer, stop } from './lib.mjs';

const { values } = parseArgs({
  options: {
    calls: { type: 'string', default: '1000000' },
    'per-agent': { type: 'string', default: '5000' },
    runs: { type: 'string', default: '30' },
    /** Keep the database in this directory, and reuse it when it is already filled. */
    keep: { type: 'string' },
  },
});
const CALLS = Number(values.calls);
const PER_AGENT = Number(values['per-agent']);
const RUNS = Number(values.runs);
const AGENTS = Math.ceil(CALLS / PER_AGENT);
const DAYS = 90;
const root = new URL('..', import.meta.url).pathname;
const PASSWORD = 'bench-password';

const pack = parseStandardsPackYaml(
  readFileSync(join(root, 'assets/standards/default.yaml'), 'utf8'),
  'default.yaml',
);
const items = pack.areas.flatMap((a) => a.items.filter((i) => i.scorecard).map((i) => i.id));
const callTypes = pack.callTypes.map((c) => c.id);

/** A seeded generator (pure-rand's xoroshiro128+): the same database on every run; [0, 1). */
function seeded(seed) {
  const rng = xoroshiro128plus(seed);
  return () => (rng.next() >>> 0) / 0x100000000;
}

function progress(label, done, total) {
  process.stderr.write(`\r${label}: ${done.toLocaleString('en')} / ${total.toLocaleString('en')}`);
  if (done === total) process.stderr.write('\n');
}

async function createPeople(dataDir) {
  const { db, file } = await openDatabase({ dataDir }); // runs the hub's migrations
  await createTeam(db, 'bench', 'Bench team');
  const lead = await createUser(db, {
    username: 'lead',
    displayName: 'Bench Lead',
    role: 'lead',
    password: PASSWORD,
    teamIds: ['bench'],
  });
  const agents = [];
  for (let i = 0; i < AGENTS; i++) {
    agents.push(
      await createUser(db, {
        username: `agent${i}`,
        displayName: `Agent ${i}`,
        role: 'agent',
        password: PASSWORD,
        teamIds: ['bench'],
      }),
    );
  }
  await db.destroy();
  return { lead, agents, file };
}

/** Fills the database in bulk, in transactions of 20,000 calls. */
function fill({ lead, agents, file }) {
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = OFF');
  const now = Date.now();
  const random = seeded(7);
  const insertCall = sqlite.prepare(
    `INSERT INTO calls (id, agent_id, call_type, pack_id, pack_version, source, started_at, ended_at, duration_ms, created_at)
     VALUES (?, ?, ?, ?, ?, 'manual', ?, ?, ?, ?)`,
  );
  const insertAssessment = sqlite.prepare(
    `INSERT INTO self_assessments (id, call_id, agent_id, status, answers, next_time, score, submitted_at, created_at)
     VALUES (?, ?, ?, ?, ?, NULL, NULL, ?, ?)`,
  );
  const insertObservation = sqlite.prepare(
    `INSERT INTO observations (id, author_id, agent_id, call_id, offset_ms, item_id, area, verdict, tags, text, visibility, delivery, lang, at, created_at, released_at)
     VALUES (?, ?, ?, ?, 60000, ?, NULL, ?, '[]', ?, 'shared', 'now', 'en', ?, ?, ?)`,
  );
  // The hub decides every ended call's survey at call end (a restart sweeps undecided ones):
  // sent, or skipped with its reason; a response answers a sent one (its token's row).
  const insertSend = sqlite.prepare(
    `INSERT INTO survey_sends (call_id, agent_id, call_type, pack_version, survey_id, channel, lang, state, skip_reason, attempts, decided_at, sent_at)
     VALUES (?, ?, ?, ?, 'bench', 'email', 'en', ?, ?, ?, ?, ?)`,
  );
  const insertResponse = sqlite.prepare(
    `INSERT INTO survey_responses (call_id, agent_id, survey_id, call_type, channel, answers, csat, resolved, effort, comment, lang, submitted_at)
     VALUES (?, ?, 'bench', ?, 'email', '{}', ?, ?, ?, ?, 'en', ?)`,
  );
  const insertQa = sqlite.prepare(
    `INSERT INTO qa_evaluations (id, agent_id, call_id, evaluator_name, pack_id, pack_version, answers, evaluated_at, created_at)
     VALUES (?, ?, ?, 'QA team', ?, ?, ?, ?, ?)`,
  );
  const answers = () => {
    const a = {};
    for (const id of items) a[id] = random() < 0.08 ? 'na' : random() < 0.8 ? 'yes' : 'no';
    return JSON.stringify(a);
  };
  const counts = { calls: 0, assessments: 0, observations: 0, responses: 0, qa: 0 };
  const batch = sqlite.transaction((from, to) => {
    for (let n = from; n < to; n++) {
      const agent = agents[n % agents.length];
      const startedMs = now - Math.floor(random() * DAYS * 86_400_000);
      const started = new Date(startedMs).toISOString();
      const ended = new Date(startedMs + 240_000).toISOString();
      const callId = randomUUID();
      insertCall.run(
        callId,
        agent,
        callTypes[n % callTypes.length],
        pack.id,
        pack.version,
        started,
        ended,
        240_000,
        started,
      );
      counts.calls++;
      if (random() < 0.7) {
        insertAssessment.run(randomUUID(), callId, agent, 'submitted', answers(), ended, ended);
        counts.assessments++;
      } else if (random() < 0.5) {
        insertAssessment.run(randomUUID(), callId, agent, 'skipped', '{}', ended, ended);
        counts.assessments++;
      }
      if (random() < 0.03)
        for (let o = 0; o < 3; o++) {
          const item = items[Math.floor(random() * items.length)];
          insertObservation.run(
            randomUUID(),
            lead,
            agent,
            callId,
            item,
            random() < 0.7 ? 'met' : 'missed',
            'Observed on the floor',
            ended,
            ended,
            ended,
          );
          counts.observations++;
        }
      const sent = random() < 0.5;
      insertSend.run(
        ...[callId, agent, callTypes[n % callTypes.length], pack.version],
        ...(sent ? ['sent', null, 1, ended, ended] : ['skipped', 'not-sampled', 0, ended, null]),
      );
      if (sent && random() < 0.4) {
        const csat = 1 + Math.floor(random() * 5);
        insertResponse.run(
          callId,
          agent,
          callTypes[n % callTypes.length],
          csat,
          random() < 0.7 ? 1 : 0,
          1 + Math.floor(random() * 5),
          random() < 0.2 ? 'Thanks for the help' : null,
          ended,
        );
        counts.responses++;
      }
      if (random() < 0.003) {
        insertQa.run(randomUUID(), agent, callId, pack.id, pack.version, answers(), ended, ended);
        counts.qa++;
      }
    }
  });
  const STEP = 20_000;
  for (let from = 0; from < CALLS; from += STEP) {
    batch(from, Math.min(CALLS, from + STEP));
    progress('calls written', Math.min(CALLS, from + STEP), CALLS);
  }
  sqlite.pragma('optimize');
  sqlite.close();
  return counts;
}

async function signIn(url, username) {
  const res = await fetch(`${url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in ${username}: ${res.status}`);
  return (await res.json()).token;
}

function connect(url, token) {
  return new Promise((resolve, reject) => {
    const s = io(url, {
      auth: { token, protocol: PROTOCOL_VERSION },
      transports: ['websocket'],
      reconnection: false,
    });
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  });
}

async function time(socket, event, payload) {
  const latencies = [];
  let last;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    last = await socket.timeout(60_000).emitWithAck(event, payload);
    latencies.push(performance.now() - t0);
    if (!last.ok) throw new Error(`${event}: ${last.error.code} ${last.error.message}`);
  }
  return { latencies: latencies.sort((a, b) => a - b), last: last.data };
}

const line = (name, { latencies }) =>
  console.log(
    `${name.padEnd(20)} runs ${latencies.length}  p50 ${percentile(latencies, 50).toFixed(1)} ms  ` +
      `p95 ${percentile(latencies, 95).toFixed(1)} ms  max ${latencies.at(-1).toFixed(1)} ms`,
  );

/** A database kept by an earlier run with --keep: its agents, by name (agent0 first). */
function keptPeople(dataDir) {
  const file = join(dataDir, 'sidecoach.sqlite');
  if (!existsSync(file)) return null;
  const sqlite = new Database(file, { readonly: true });
  try {
    const agents = sqlite
      .prepare(
        `SELECT id FROM users WHERE role = 'agent' ORDER BY CAST(substr(username, 6) AS INTEGER)`,
      )
      .pluck()
      .all();
    const calls = sqlite.prepare('SELECT count(*) FROM calls').pluck().get();
    const lead = sqlite.prepare(`SELECT id FROM users WHERE username = 'lead'`).pluck().get();
    return calls === CALLS && agents.length === AGENTS ? { lead, agents, file } : null;
  } finally {
    sqlite.close();
  }
}

const dataDir = values.keep ?? mkdtempSync(join(tmpdir(), 'sidecoach-bench-reflection-'));
let hub;
try {
  console.log(
    `reflection-prep: ${CALLS.toLocaleString('en')} calls, ${AGENTS} agents x ${PER_AGENT.toLocaleString('en')} calls in ${DAYS} days, ${items.length} scorecard items`,
  );
  let people = values.keep ? keptPeople(dataDir) : null;
  if (people) console.log(`database: reused from ${dataDir}`);
  else {
    if (values.keep) rmSync(dataDir, { recursive: true, force: true });
    people = await createPeople(dataDir);
    const t0 = performance.now();
    const counts = fill(people);
    console.log(
      `database: ${Object.entries(counts)
        .map(([k, v]) => `${v.toLocaleString('en')} ${k}`)
        .join(', ')} (written in ${((performance.now() - t0) / 1000).toFixed(0)} s)`,
    );
  }
  const t1 = performance.now();
  // startServer waits for the hub's "hub listening" line: info level.
  hub = await startServer([join(root, 'hub/dist/index.js'), '--port', '0', '--data-dir', dataDir], {
    LOG_LEVEL: 'info',
  });
  console.log(`hub started on it in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
  const lead = await connect(hub.url, await signIn(hub.url, 'lead'));
  const agentId = people.agents[0];
  // Warm-up: the first read of a cold page cache is not what a lead waits for twice.
  await time(lead, 'reflection:prepare', { agentId, days: DAYS });
  const base = await time(lead, 'call:list', { agentId, limit: 20 });
  const prep = await time(lead, 'reflection:prepare', { agentId, days: DAYS });
  line('baseline call:list', base);
  line('reflection:prepare', prep);
  const p50 = percentile(prep.latencies, 50);
  const p95 = percentile(prep.latencies, 95);
  console.log(
    `prepared: ${prep.last.calls} calls, ${prep.last.assessments} self-assessments, ${prep.last.items.length} items, ${prep.last.surveys.responses} survey responses, ${prep.last.agenda.length} agenda entries`,
  );
  console.log(
    `ratio prepare/baseline p50: ${(p50 / percentile(base.latencies, 50)).toFixed(1)}x; ` +
      `target p95 < 300 ms: ${p95 < 300 ? 'met' : 'NOT met'} (${p95.toFixed(1)} ms); ` +
      `hub RSS ${processUsage(hub.child.pid).rssMiB.toFixed(0)} MiB`,
  );
  lead.close();
} finally {
  if (hub) await stop(hub.child);
  if (!values.keep) rmSync(dataDir, { recursive: true, force: true });
}

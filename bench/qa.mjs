// Benchmark: quality monitoring (issue 18). Drawing a month's QA sample for a team of 2,000
// agents with 1,000,000 calls in that month, and opening an evaluation with all of a call's
// facts, each against a baseline measured in the same run on the same database.
//
// Builds the database once (a real SQLite file migrated by the hub's own code, filled in bulk:
// last month's calls with survey responses, QA flags, self-assessments and observations at
// realistic rates), starts the built hub on it (on PostgreSQL too when SIDECOACH_BENCH_PG is
// set: the file is moved there with the hub's own copy-to-postgres) and times over socket.io:
// - 'qa:draw' of last month (4 calls per agent, 20 evaluators; the draw is taken back between
//   runs so each run draws the whole month) against the plain indexed reads the draw cannot do
//   without: each agent's count of the month's calls (calls_agent_started), and one count of
//   the month's calls;
// - 'qa:open' of a drawn call with its evaluation draft, ticks, self-assessment, observations,
//   survey and flag, against a single-row read (the call by id, on the bench's own connection)
//   and 'qa:plans' (one row, over the same socket).
// Figures are printed; nothing is asserted.
//
//   node bench/qa.mjs [--agents 2000] [--calls 1000000] [--draws 5] [--opens 50] [--keep DIR]
import { randomUUID } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import pg from 'pg';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { io } from 'socket.io-client';
import {
  PROTOCOL_VERSION,
  parseStandardsPackYaml,
  qaPeriodOf,
  scorecardItemsFor,
} from '../shared/dist/index.js';
import { openDatabase } from '../hub/dist/store/db.js';
import { hashPassword } from '../hub/dist/lib/passwords.js';
import { percentile, processUsage, startServer, stop } from './lib.mjs';
import { createDatabase, startPostgres } from './postgres.mjs';

const { values } = parseArgs({
  options: {
    agents: { type: 'string', default: '2000' },
    calls: { type: 'string', default: '1000000' },
    draws: { type: 'string', default: '5' },
    opens: { type: 'string', default: '50' },
    /** Keep the SQLite database in this directory, and reuse it when it is already filled. */
    keep: { type: 'string' },
  },
});
const AGENTS = Number(values.agents);
const CALLS = Number(values.calls);
const DRAWS = Number(values.draws);
const OPENS = Number(values.opens);
const EVALUATORS = 20;
const PER_AGENT = 4;
const root = new URL('..', import.meta.url).pathname;
const HUB = join(root, 'hub/dist/index.js');
const PASSWORD = 'bench-password';
const TEAM = 'bench';

const pack = parseStandardsPackYaml(
  readFileSync(join(root, 'assets/standards/default.yaml'), 'utf8'),
  'default.yaml',
);
const items = pack.areas.flatMap((a) => a.items.filter((i) => i.scorecard).map((i) => i.id));
const callTypes = pack.callTypes.map((c) => c.id);

// Last month, in UTC (the bench team's zone): every slot has ended.
const lastMonthDay = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), 0))
  .toISOString()
  .slice(0, 10);
const MONTH = qaPeriodOf(lastMonthDay, 'month', 'UTC');

/** A seeded generator (pure-rand's xoroshiro128+): the same database on every run; [0, 1). */
function seeded(seed) {
  const rng = xoroshiro128plus(seed);
  return () => (rng.next() >>> 0) / 0x100000000;
}

function progress(label, done, total) {
  process.stderr.write(`\r${label}: ${done.toLocaleString('en')} / ${total.toLocaleString('en')}`);
  if (done === total) process.stderr.write('\n');
}

/** The people: one hashed password for all (2,000 full-cost hashes would take minutes). */
async function createPeople(dataDir) {
  const { db, file } = await openDatabase({ dataDir }); // runs the hub's migrations
  await db.destroy();
  const hash = await hashPassword(PASSWORD);
  const sqlite = new Database(file);
  const now = new Date().toISOString();
  const user = sqlite.prepare(
    `INSERT INTO users (id, username, username_key, display_name, role, password_hash, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const member = sqlite.prepare(`INSERT INTO team_members (team_id, user_id) VALUES (?, ?)`);
  const permission = sqlite.prepare(
    `INSERT INTO user_permissions (user_id, permission, granted_by, granted_at) VALUES (?, 'evaluator', NULL, ?)`,
  );
  const people = { agents: [], evaluators: [], admin: randomUUID(), file };
  sqlite.transaction(() => {
    sqlite
      .prepare(
        `INSERT INTO teams (id, name, created_at, time_zone) VALUES (?, 'Bench team', ?, 'UTC')`,
      )
      .run(TEAM, now);
    user.run(people.admin, 'quality', 'quality', 'Bench Quality', 'admin', hash, now);
    for (let i = 0; i < EVALUATORS; i++) {
      const id = randomUUID();
      user.run(id, `eval${i}`, `eval${i}`, `Evaluator ${i}`, 'supervisor', hash, now);
      permission.run(id, now);
      people.evaluators.push(id);
    }
    for (let i = 0; i < AGENTS; i++) {
      const id = randomUUID();
      user.run(id, `agent${i}`, `agent${i}`, `Agent ${i}`, 'agent', hash, now);
      member.run(TEAM, id);
      people.agents.push(id);
    }
  })();
  sqlite.close();
  return people;
}

/** Last month's calls, in transactions of 20,000, with what QA reads of them. */
function fill({ agents, evaluators, file }) {
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = OFF');
  const random = seeded(18);
  const start = Date.parse(MONTH.start);
  const span = Date.parse(MONTH.end) - start - 3_600_000;
  const insertCall = sqlite.prepare(
    `INSERT INTO calls (id, agent_id, call_type, pack_id, pack_version, source, started_at, ended_at, duration_ms, created_at)
     VALUES (?, ?, ?, ?, ?, 'manual', ?, ?, ?, ?)`,
  );
  // The hub decides every ended call's survey at call end (a start sweeps undecided ones): sent,
  // or skipped as not sampled; a response answers a sent one.
  const insertSend = sqlite.prepare(
    `INSERT INTO survey_sends (call_id, agent_id, call_type, pack_version, survey_id, channel, lang, state, skip_reason, attempts, decided_at, sent_at)
     VALUES (?, ?, ?, 1, 'bench', 'email', 'en', ?, ?, 1, ?, ?)`,
  );
  const insertResponse = sqlite.prepare(
    `INSERT INTO survey_responses (call_id, agent_id, survey_id, call_type, channel, answers, csat, resolved, effort, comment, lang, submitted_at)
     VALUES (?, ?, 'bench', ?, 'email', '{}', ?, 1, 2, NULL, 'en', ?)`,
  );
  const insertFlag = sqlite.prepare(
    `INSERT INTO qa_flags (call_id, flagged_by, note, at) VALUES (?, ?, '', ?)`,
  );
  const insertAssessment = sqlite.prepare(
    `INSERT INTO self_assessments (id, call_id, agent_id, status, answers, next_time, score, submitted_at, created_at)
     VALUES (?, ?, ?, 'submitted', ?, NULL, NULL, ?, ?)`,
  );
  const answers = () =>
    JSON.stringify(Object.fromEntries(items.map((id) => [id, random() < 0.8 ? 'yes' : 'no'])));
  const counts = { calls: 0, 'survey responses': 0, flags: 0, 'self-assessments': 0 };
  const batch = sqlite.transaction((from, to) => {
    for (let n = from; n < to; n++) {
      const agent = agents[n % agents.length];
      const startedMs = start + Math.floor(random() * span);
      const durationMs = 30_000 + Math.floor(random() * 900_000);
      const started = new Date(startedMs).toISOString();
      const ended = new Date(startedMs + durationMs).toISOString();
      const callId = randomUUID();
      const type = callTypes[n % callTypes.length];
      insertCall.run(
        callId,
        agent,
        type,
        pack.id,
        pack.version,
        started,
        ended,
        durationMs,
        started,
      );
      counts.calls++;
      const answered = random() < 0.2;
      insertSend.run(
        ...[callId, agent, type],
        ...(answered ? ['sent', null, ended, ended] : ['skipped', 'not-sampled', ended, null]),
      );
      if (answered) {
        insertResponse.run(callId, agent, type, 1 + Math.floor(random() * 5), ended);
        counts['survey responses']++;
      }
      if (random() < 0.005) {
        insertFlag.run(callId, evaluators[0], ended);
        counts.flags++;
      }
      if (random() < 0.6) {
        insertAssessment.run(randomUUID(), callId, agent, answers(), ended, ended);
        counts['self-assessments']++;
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

/** A database kept by an earlier run with --keep, if it holds what this run asks for. */
function keptPeople(dataDir) {
  const file = join(dataDir, 'sidecoach.sqlite');
  if (!existsSync(file)) return null;
  const sqlite = new Database(file, { readonly: true });
  try {
    const ids = (role) =>
      sqlite.prepare(`SELECT id FROM users WHERE role = ? ORDER BY username`).pluck().all(role);
    const calls = sqlite.prepare('SELECT count(*) FROM calls').pluck().get();
    const month = sqlite.prepare('SELECT min(started_at) FROM calls').pluck().get();
    const agents = ids('agent');
    return calls === CALLS && agents.length === AGENTS && month >= MONTH.start
      ? { agents, evaluators: ids('supervisor'), admin: ids('admin')[0], file }
      : null;
  } finally {
    sqlite.close();
  }
}

/** The bench's own connection to the hub's database: SQLite file, or PostgreSQL. */
function sideConnection(file, pgUrl) {
  if (!pgUrl) {
    const sqlite = new Database(file);
    sqlite.pragma('busy_timeout = 5000');
    return {
      all: async (text, params) => sqlite.prepare(text).all(...params),
      run: async (text, params) => void sqlite.prepare(text).run(...params),
      close: async () => sqlite.close(),
    };
  }
  const client = new pg.Client({ connectionString: pgUrl });
  const ready = client.connect();
  // Same SQL for both: ? placeholders become $1, $2...
  const numbered = (text) => {
    let i = 0;
    return text.replace(/\?/g, () => `$${++i}`);
  };
  return {
    all: async (text, params) => (await ready, (await client.query(numbered(text), params)).rows),
    run: async (text, params) => void (await ready, await client.query(numbered(text), params)),
    close: () => client.end(),
  };
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

async function ask(socket, event, payload) {
  const answer = await socket.timeout(600_000).emitWithAck(event, payload);
  if (!answer.ok) throw new Error(`${event}: ${answer.error.code} ${answer.error.message}`);
  return answer.data;
}

/** Runs `work` `runs` times (after `before` each time, not timed): sorted latencies in ms. */
async function timed(runs, work, before = async () => {}) {
  const latencies = [];
  let last;
  for (let i = 0; i < runs; i++) {
    await before();
    const t0 = performance.now();
    last = await work();
    latencies.push(performance.now() - t0);
  }
  return { latencies: latencies.sort((a, b) => a - b), last };
}

const line = (name, { latencies }) =>
  console.log(
    `  ${name.padEnd(34)} runs ${String(latencies.length).padStart(3)}  p50 ${percentile(latencies, 50).toFixed(1).padStart(8)} ms  ` +
      `p95 ${percentile(latencies, 95).toFixed(1).padStart(8)} ms`,
  );
const ratio = (a, b) =>
  `p50 ${(percentile(a.latencies, 50) / percentile(b.latencies, 50)).toFixed(1)}x, p95 ${(percentile(a.latencies, 95) / percentile(b.latencies, 95)).toFixed(1)}x`;

/** Starts a hub on the database, runs the measurements, stops it. */
async function measure(label, dataDir, people, databaseUrl) {
  const args = [HUB, '--port', '0', '--data-dir', dataDir];
  if (databaseUrl) args.push('--database', databaseUrl);
  const t0 = performance.now();
  // startServer waits for the hub's "hub listening" line: info level.
  const hub = await startServer(args, { LOG_LEVEL: 'info' });
  const side = sideConnection(people.file, databaseUrl);
  try {
    console.log(`[${label}] hub started in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const admin = await connect(hub.url, await signIn(hub.url, 'quality'));
    await ask(admin, 'qa:plan-save', {
      teamId: TEAM,
      perAgent: PER_AGENT,
      period: 'month',
      evaluatorIds: people.evaluators,
      dailyCap: 200,
      disputeDays: 7,
    });
    const takeBack = () => side.run('DELETE FROM qa_assignments WHERE team_id = ?', [TEAM]);
    // Warm-up: the first read of a cold page cache is not what a quality manager waits for twice.
    await takeBack();
    await ask(admin, 'qa:draw', { teamId: TEAM, day: MONTH.from });
    const perAgent = await timed(DRAWS, async () => {
      let n = 0;
      for (const agent of people.agents)
        n += Number(
          (
            await side.all(
              'SELECT count(*) AS n FROM calls WHERE agent_id = ? AND started_at >= ? AND started_at < ?',
              [agent, MONTH.start, MONTH.end],
            )
          )[0].n,
        );
      return n;
    });
    const oneCount = await timed(DRAWS, () =>
      side.all('SELECT count(*) AS n FROM calls WHERE started_at >= ? AND started_at < ?', [
        MONTH.start,
        MONTH.end,
      ]),
    );
    const draw = await timed(
      DRAWS,
      () => ask(admin, 'qa:draw', { teamId: TEAM, day: MONTH.from }),
      takeBack,
    );
    const drawn = draw.last.drawn;
    console.log(
      `[${label}] drew ${drawn.length.toLocaleString('en')} calls (${draw.last.empty} slots empty) from ${perAgent.last.toLocaleString('en')} calls of ${people.agents.length.toLocaleString('en')} agents`,
    );
    line('baseline: per-agent indexed counts', perAgent);
    line('baseline: one count of the month', oneCount);
    line('qa:draw (month, whole team)', draw);
    console.log(
      `  ratio draw / per-agent counts: ${ratio(draw, perAgent)}; draw / one count: ${ratio(draw, oneCount)}`,
    );

    // A drawn call with every channel's facts, and its evaluation draft.
    const a = drawn[0];
    const [{ username }] = await side.all('SELECT username FROM users WHERE id = ?', [
      a.evaluatorId,
    ]);
    const evaluator = await connect(hub.url, await signIn(hub.url, username));
    const at = new Date().toISOString();
    for (const item of items.slice(0, 6))
      await side.run('INSERT INTO call_ticks (call_id, item_id, checked, at) VALUES (?, ?, 1, ?)', [
        a.callId,
        item,
        at,
      ]);
    for (let o = 0; o < 5; o++)
      await side.run(
        `INSERT INTO observations (id, author_id, agent_id, call_id, offset_ms, item_id, area, verdict, tags, text, visibility, delivery, lang, at, created_at, released_at)
         VALUES (?, ?, ?, ?, 60000, ?, NULL, 'met', '[]', 'Observed on the floor', 'shared', 'now', 'en', ?, ?, ?)`,
        [randomUUID(), a.evaluatorId, a.agentId, a.callId, items[o], at, at, at],
      );
    await side.run(
      `INSERT INTO self_assessments (id, call_id, agent_id, status, answers, next_time, score, submitted_at, created_at)
       VALUES (?, ?, ?, 'submitted', '{}', NULL, NULL, ?, ?) ON CONFLICT DO NOTHING`,
      [randomUUID(), a.callId, a.agentId, at, at],
    );
    await side.run(
      `INSERT INTO survey_sends (call_id, agent_id, call_type, pack_version, survey_id, channel, lang, state, skip_reason, attempts, decided_at, sent_at)
       VALUES (?, ?, ?, 1, 'bench', 'email', 'en', 'sent', NULL, 1, ?, ?) ON CONFLICT DO NOTHING`,
      [a.callId, a.agentId, a.callType, at, at],
    );
    await side.run(
      `INSERT INTO survey_responses (call_id, agent_id, survey_id, call_type, channel, answers, csat, resolved, effort, comment, lang, submitted_at)
       VALUES (?, ?, 'bench', ?, 'email', '{}', 4, 1, 2, 'Quick and kind', 'en', ?) ON CONFLICT DO NOTHING`,
      [a.callId, a.agentId, a.callType, at],
    );
    await ask(admin, 'qa:flag', { callId: a.callId, flagged: true });
    await ask(evaluator, 'qa:save', {
      id: randomUUID(),
      callId: a.callId,
      assignmentId: a.id,
      answers: Object.fromEntries(
        scorecardItemsFor(pack, a.callType)
          .slice(0, 3)
          .map((i, n) => [i.id, n === 1 ? 'no' : 'yes']),
      ),
      submit: false,
    });
    await ask(evaluator, 'qa:open', { assignmentId: a.id }); // warm-up
    const single = await timed(OPENS, () =>
      side.all('SELECT * FROM calls WHERE id = ?', [a.callId]),
    );
    const plans = await timed(OPENS, () => ask(evaluator, 'qa:plans', {}));
    const open = await timed(OPENS, () => ask(evaluator, 'qa:open', { assignmentId: a.id }));
    const facts = open.last.facts;
    console.log(
      `[${label}] opened: ${Object.keys(facts.ticks).length} ticks, self-assessment ${facts.selfAssessment ? 'yes' : 'no'}, ` +
        `${facts.observations.length} observations, survey ${facts.survey ? 'yes' : 'no'}, flagged ${facts.flagged}, draft ${open.last.evaluation?.status}`,
    );
    line('baseline: one row by id (direct)', single);
    line('baseline: qa:plans (one row, socket)', plans);
    line('qa:open (assignment, all facts)', open);
    console.log(
      `  ratio open / one row: ${ratio(open, single)}; open / qa:plans: ${ratio(open, plans)}; hub RSS ${processUsage(hub.child.pid).rssMiB.toFixed(0)} MiB`,
    );
    // The next hub (PostgreSQL) starts without the plan: its start-up sweep would draw the month.
    await side.run('DELETE FROM qa_assignments WHERE team_id = ?', [TEAM]);
    await side.run('DELETE FROM qa_plans WHERE team_id = ?', [TEAM]);
    admin.close();
    evaluator.close();
  } finally {
    await side.close();
    await stop(hub.child);
  }
}

const dataDir = values.keep ?? mkdtempSync(join(tmpdir(), 'sidecoach-bench-qa-'));
let postgres;
try {
  console.log(
    `qa: ${AGENTS.toLocaleString('en')} agents, ${CALLS.toLocaleString('en')} calls in ${MONTH.from}..${MONTH.to} (UTC), ` +
      `${PER_AGENT} evaluations per agent, ${EVALUATORS} evaluators; ${DRAWS} draws, ${OPENS} opens`,
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
  await measure('sqlite', dataDir, people, null);
  if (process.env.SIDECOACH_BENCH_PG) {
    postgres = await startPostgres();
    const url = await createDatabase(postgres.url, 'bench_qa');
    const t0 = performance.now();
    execFileSync(
      process.execPath,
      [HUB, 'copy-to-postgres', '--data-dir', dataDir, '--database', url],
      {
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    console.log(
      `[postgres] PostgreSQL ${postgres.version}, durable; copied in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
    );
    await measure('postgres', dataDir, people, url);
  }
} finally {
  postgres?.stop();
  if (!values.keep) rmSync(dataDir, { recursive: true, force: true });
}

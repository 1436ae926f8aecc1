// Benchmark: contact-centre KPIs (issue 21). A month of KPIs for a team of 2,000 agents over
// 1,000,000 calls and about 5,000,000 queue events: the team dashboard and a full CSV export of
// the month's legs, each against a baseline query measured in the same run on the same database.
//
// Builds the database once (a real SQLite file migrated by the hub's own code, filled in bulk,
// not through HTTP): last month's calls with their survey sends and answers, self-assessments
// and released QA evaluations, and the queue legs the PBX's events made of them, stamped with the
// hub's own functions (lib/kpi-legs.js) as the webhook stamps them: answered and wrapped up
// (offered, answered, wrap-up started, wrap-up ended: 4 events), transferred to a second queue
// (3 events, and 4 on the second leg), abandoned and short-abandoned (2 events each); callers
// ring back, so the next contact is set by the same update the webhook makes. It then starts the
// built hub on it (on PostgreSQL too when SIDECOACH_BENCH_PG is set: the file is moved there with
// the hub's own copy-to-postgres) and times:
// - 'kpi:dashboard' of the month (period day) over socket.io, against one aggregate pass over
//   the same legs on the bench's own connection (count and a sum of a column the index lacks);
// - GET /api/kpi/legs.csv of the month, read to its last byte, against a plain SELECT of the same
//   legs with every column, every row read by the bench's own connection.
// Figures are printed; nothing is asserted.
//
//   node bench/kpi.mjs [--agents 2000] [--calls 1000000] [--dashboards 10] [--exports 5] [--keep DIR]
//   SIDECOACH_BENCH_PG=1 node bench/kpi.mjs --keep DIR --postgres-only   (PostgreSQL alone)
import { randomUUID } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import pg from 'pg';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { v7 as uuidv7 } from 'uuid';
import { io } from 'socket.io-client';
import {
  EXPORT_ROWS_HEADER,
  PROTOCOL_VERSION,
  parseStandardsPackYaml,
  localDayOf,
} from '../shared/dist/index.js';
import { openDatabase } from '../hub/dist/store/db.js';
import { hashPassword } from '../hub/dist/lib/passwords.js';
import { derivedOf, legFactsOf } from '../hub/dist/lib/kpi-legs.js';
import { percentile, processUsage, startServer, stop } from './lib.mjs';
import { createDatabase, startPostgres } from './postgres.mjs';

const { values } = parseArgs({
  options: {
    agents: { type: 'string', default: '2000' },
    calls: { type: 'string', default: '1000000' },
    dashboards: { type: 'string', default: '10' },
    exports: { type: 'string', default: '5' },
    /** Keep the SQLite database in this directory, and reuse it when it is already filled. */
    keep: { type: 'string' },
    /** With SIDECOACH_BENCH_PG: measure PostgreSQL only (a kept SQLite file measured before). */
    'postgres-only': { type: 'boolean', default: false },
  },
});
const AGENTS = Number(values.agents);
const CALLS = Number(values.calls);
const DASHBOARDS = Number(values.dashboards);
const EXPORTS = Number(values.exports);
const root = new URL('..', import.meta.url).pathname;
const HUB = join(root, 'hub/dist/index.js');
const PASSWORD = 'bench-password';
const TEAM = 'bench';
const ZONE = 'UTC';
const QUEUES = ['bench-sales', 'bench-support'];
/** Shares of the calls: transferred to the second queue; and, on top, legs abandoned. */
const TRANSFERRED = 0.22;
const ABANDONED = 0.13;
const SHORT_ABANDONED = 0.04;

const pack = parseStandardsPackYaml(
  readFileSync(join(root, 'assets/standards/default.yaml'), 'utf8'),
  'default.yaml',
);
const callTypes = pack.callTypes.map((c) => c.id);

// Last month, in UTC (the bench team's zone).
const today = new Date();
const FIRST = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1));
const NEXT = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1));
const MONTH = {
  from: FIRST.toISOString().slice(0, 10),
  to: new Date(NEXT.getTime() - 86_400_000).toISOString().slice(0, 10),
  start: FIRST.toISOString(),
  end: NEXT.toISOString(),
};

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
    `INSERT INTO users (id, username, username_key, display_name, role, password_hash, created_at, extension)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const member = sqlite.prepare(`INSERT INTO team_members (team_id, user_id) VALUES (?, ?)`);
  const people = { agents: [], extensions: [], admin: randomUUID(), lead: randomUUID(), file };
  sqlite.transaction(() => {
    sqlite
      .prepare(`INSERT INTO teams (id, name, created_at, time_zone) VALUES (?, 'Bench team', ?, ?)`)
      .run(TEAM, now, ZONE);
    user.run(people.admin, 'quality', 'quality', 'Bench Quality', 'admin', hash, now, null);
    user.run(people.lead, 'lead', 'lead', 'Bench Lead', 'lead', hash, now, null);
    member.run(TEAM, people.lead);
    for (let i = 0; i < AGENTS; i++) {
      const id = randomUUID();
      user.run(id, `agent${i}`, `agent${i}`, `Agent ${i}`, 'agent', hash, now, String(10_000 + i));
      member.run(TEAM, id);
      people.agents.push(id);
      people.extensions.push(String(10_000 + i));
    }
    const queue = sqlite.prepare(
      `INSERT INTO kpi_queues (queue, team_id, call_type, first_seen_at, updated_at, updated_by) VALUES (?, ?, NULL, ?, ?, NULL)`,
    );
    for (const q of QUEUES) queue.run(q, TEAM, now, now);
  })();
  sqlite.close();
  return people;
}

const LEG_COLUMNS = [
  'id',
  'pbx_call_id',
  'queue',
  'team_id',
  'agent_id',
  'extension',
  'pbx_call_type',
  'call_type',
  'customer_key',
  'offered_seen',
  'offered_at',
  'offered_ms',
  'answered_at',
  'abandoned_at',
  'wait_ms',
  'transferred_at',
  'to_queue',
  'wrap_start_at',
  'wrap_end_at',
  'talk_ms',
  'hold_ms',
  'complaint',
  'next_contact_at',
  'next_contact_ms',
  'call_id',
  'outcome',
  'counted_wait_ms',
  'handled',
  'handle_talk_ms',
  'handle_hold_ms',
  'handle_acw_ms',
  'local_day',
  'time_zone',
  'created_at',
  'updated_at',
];

/** Last month's calls and legs, in transactions of 20,000 calls; answers what was written. */
function fill({ agents, extensions, file }) {
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = OFF');
  const random = seeded(21);
  const start = Date.parse(MONTH.start);
  const span = Date.parse(MONTH.end) - start - 3_600_000;
  const now = new Date().toISOString();
  const insertCall = sqlite.prepare(
    `INSERT INTO calls (id, agent_id, call_type, pack_id, pack_version, source, external_id, started_at, ended_at, duration_ms, created_at)
     VALUES (?, ?, ?, ?, ?, 'cti', ?, ?, ?, ?, ?)`,
  );
  const insertSend = sqlite.prepare(
    `INSERT INTO survey_sends (call_id, agent_id, call_type, pack_version, survey_id, channel, lang, state, skip_reason, attempts, decided_at, sent_at)
     VALUES (?, ?, ?, 1, 'bench', 'email', 'en', ?, ?, 1, ?, ?)`,
  );
  const insertResponse = sqlite.prepare(
    `INSERT INTO survey_responses (call_id, agent_id, survey_id, call_type, channel, answers, csat, resolved, effort, comment, lang, submitted_at)
     VALUES (?, ?, 'bench', ?, 'email', '{}', ?, ?, 2, NULL, 'en', ?)`,
  );
  const insertAssessment = sqlite.prepare(
    `INSERT INTO self_assessments (id, call_id, agent_id, status, answers, next_time, score, submitted_at, created_at)
     VALUES (?, ?, ?, ?, '{}', NULL, NULL, ?, ?)`,
  );
  const insertEvaluation = sqlite.prepare(
    `INSERT INTO qa_evaluations (id, agent_id, call_id, evaluator_name, pack_id, pack_version, answers, evaluated_at, created_at, source, status, score, released_at)
     VALUES (?, ?, ?, 'Bench Evaluator', ?, ?, '{}', ?, ?, 'app', 'released', ?, ?)`,
  );
  const insertLeg = sqlite.prepare(
    `INSERT INTO kpi_legs (${LEG_COLUMNS.join(', ')}) VALUES (${LEG_COLUMNS.map(() => '?').join(', ')})`,
  );
  const iso = (ms) => new Date(ms).toISOString();
  const counts = {
    calls: 0,
    legs: 0,
    'queue events': 0,
    'survey sends': 0,
    'survey responses': 0,
    'self-assessments': 0,
    'QA evaluations': 0,
  };
  /** A customer: about one call in three comes from a number that called before. */
  const customers = Math.floor(CALLS * 0.7);
  const customer = () => `44${String(Math.floor(random() * customers)).padStart(9, '0')}`;
  const leg = (fields) => {
    const row = {
      id: uuidv7({ msecs: Date.parse(fields.offered_at) }),
      team_id: TEAM,
      agent_id: null,
      extension: null,
      pbx_call_type: null,
      call_type: null,
      customer_key: null,
      offered_seen: 1,
      answered_at: null,
      abandoned_at: null,
      wait_ms: null,
      transferred_at: null,
      to_queue: null,
      wrap_start_at: null,
      wrap_end_at: null,
      talk_ms: null,
      hold_ms: null,
      complaint: 0,
      next_contact_at: null,
      next_contact_ms: null,
      call_id: null,
      time_zone: ZONE,
      created_at: now,
      updated_at: now,
      ...fields,
    };
    row.offered_ms = Date.parse(row.offered_at);
    row.local_day = localDayOf(row.offered_at, ZONE);
    Object.assign(row, derivedOf(legFactsOf(row)));
    insertLeg.run(...LEG_COLUMNS.map((c) => row[c]));
    counts.legs++;
  };
  const batch = sqlite.transaction((from, to) => {
    for (let n = from; n < to; n++) {
      const agentIndex = n % agents.length;
      const agent = agents[agentIndex];
      const type = callTypes[n % callTypes.length];
      // In time order, as a PBX sends them and the hub writes them; ids are UUID v7 made at
      // the call's time, as the sidebars make them (so rows and ids are in time order too).
      const offered = start + Math.floor(((n + random()) * span) / CALLS);
      const wait = Math.floor(random() * (random() < 0.8 ? 20_000 : 90_000));
      const answered = offered + wait;
      const talk = 30_000 + Math.floor(random() * 600_000);
      const pbxCallId = `pbx-${n}`;
      const key = customer();
      const callId = uuidv7({ msecs: offered });
      const transferred = random() < TRANSFERRED;
      const talkEnd = answered + talk;
      const wrapEnd = talkEnd + 5000 + Math.floor(random() * 90_000);
      const started = iso(answered);
      const ended = iso(talkEnd);
      insertCall.run(
        ...[callId, agent, type, pack.id, pack.version, pbxCallId],
        ...[started, ended, talk, started],
      );
      counts.calls++;
      const surveyed = random() < 0.2;
      insertSend.run(
        ...[callId, agent, type],
        ...(surveyed ? ['sent', null, ended, ended] : ['skipped', 'not-sampled', ended, null]),
      );
      counts['survey sends']++;
      if (surveyed && random() < 0.6) {
        insertResponse.run(
          ...[callId, agent, type, 1 + Math.floor(random() * 5)],
          ...[random() < 0.8 ? 1 : 0, ended],
        );
        counts['survey responses']++;
      }
      if (random() < 0.6) {
        insertAssessment.run(uuidv7({ msecs: talkEnd }), callId, agent, 'submitted', ended, ended);
        counts['self-assessments']++;
      }
      // Four released evaluations per agent over the month.
      if (n < agents.length * 4) {
        const percent = 60 + Math.floor(random() * 41);
        insertEvaluation.run(
          ...[randomUUID(), agent, callId, pack.id, pack.version, ended, ended],
          JSON.stringify({
            earned: percent,
            possible: 100,
            percent,
            criticalFailed: [],
            passed: true,
          }),
          ended,
        );
        counts['QA evaluations']++;
      }
      const pbxTimes = random() < 0.5;
      leg({
        pbx_call_id: pbxCallId,
        queue: QUEUES[0],
        agent_id: agent,
        extension: extensions[agentIndex],
        call_type: type,
        customer_key: key,
        offered_at: iso(offered),
        answered_at: started,
        wait_ms: wait,
        call_id: callId,
        ...(transferred
          ? { transferred_at: ended, to_queue: QUEUES[1] }
          : {
              wrap_start_at: ended,
              wrap_end_at: iso(wrapEnd),
              talk_ms: pbxTimes ? talk - 10_000 : null,
              hold_ms: pbxTimes ? 10_000 : null,
              complaint: type === 'complaint' || random() < 0.01 ? 1 : 0,
            }),
      });
      counts['queue events'] += transferred ? 3 : 4;
      if (transferred) {
        // The second leg, answered by another agent after a short wait in the other queue.
        const other = (agentIndex + 1 + Math.floor(random() * (agents.length - 1))) % agents.length;
        const answered2 = talkEnd + 3000 + Math.floor(random() * 15_000);
        const end2 = answered2 + 60_000 + Math.floor(random() * 300_000);
        leg({
          pbx_call_id: pbxCallId,
          queue: QUEUES[1],
          agent_id: agents[other],
          extension: extensions[other],
          call_type: type,
          customer_key: key,
          offered_at: ended,
          answered_at: iso(answered2),
          wait_ms: answered2 - talkEnd,
          wrap_start_at: iso(end2),
          wrap_end_at: iso(end2 + 20_000),
        });
        counts['queue events'] += 4;
      }
      // Callers who gave up before anyone answered (no agent, no Sidecoach call).
      if (random() < ABANDONED + SHORT_ABANDONED) {
        const short = random() < SHORT_ABANDONED / (ABANDONED + SHORT_ABANDONED);
        const offered3 = offered + Math.floor(random() * 60_000);
        const wait3 = short ? Math.floor(random() * 5000) : 5000 + Math.floor(random() * 180_000);
        leg({
          pbx_call_id: `pbx-${n}-lost`,
          queue: QUEUES[0],
          customer_key: random() < 0.9 ? customer() : null,
          offered_at: iso(offered3),
          abandoned_at: iso(offered3 + wait3),
          wait_ms: wait3,
        });
        counts['queue events'] += 2;
      }
    }
  });
  const STEP = 20_000;
  for (let from = 0; from < CALLS; from += STEP) {
    batch(from, Math.min(CALLS, from + STEP));
    progress('calls written', Math.min(CALLS, from + STEP), CALLS);
  }
  // Repeat contacts, as the webhook sets them when the number calls again (cti/queue-records):
  // each leg's next contact is the same number's earliest later call (another PBX call).
  const t0 = performance.now();
  sqlite.exec(`
    UPDATE kpi_legs SET next_contact_ms = (
      SELECT min(o.offered_ms) FROM kpi_legs AS o
      WHERE o.customer_key = kpi_legs.customer_key AND o.pbx_call_id <> kpi_legs.pbx_call_id
        AND o.offered_ms > kpi_legs.offered_ms)
    WHERE customer_key IS NOT NULL;
    UPDATE kpi_legs SET next_contact_at = strftime('%Y-%m-%dT%H:%M:%fZ', next_contact_ms / 1000.0, 'unixepoch')
    WHERE next_contact_ms IS NOT NULL;`);
  console.log(`repeat contacts set in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
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
    const calls = sqlite.prepare('SELECT count(*) FROM calls').pluck().get();
    const month = sqlite.prepare('SELECT min(started_at) FROM calls').pluck().get();
    const agents = sqlite
      .prepare(`SELECT id FROM users WHERE role = 'agent' ORDER BY username`)
      .pluck()
      .all();
    return calls === CALLS && agents.length === AGENTS && month >= MONTH.start
      ? { agents, file }
      : null;
  } finally {
    sqlite.close();
  }
}

/** The bench's own connection to the hub's database: SQLite file, or PostgreSQL. */
function sideConnection(file, pgUrl) {
  if (!pgUrl) {
    const sqlite = new Database(file, { readonly: true });
    return {
      all: async (text, params) => sqlite.prepare(text).all(...params),
      /** Reads every row of the query, one by one; answers how many. */
      each: async (text, params) => {
        let n = 0;
        for (const row of sqlite.prepare(text).iterate(...params)) if (row) n++;
        return n;
      },
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
    // A cursor in pages, as the hub's export pages (one result of a million rows would not fit).
    each: async (text, params) => {
      await ready;
      await client.query('BEGIN');
      try {
        await client.query(`DECLARE legs NO SCROLL CURSOR FOR ${numbered(text)}`, params);
        let n = 0;
        for (;;) {
          const { rows } = await client.query('FETCH 5000 FROM legs');
          n += rows.length;
          if (rows.length < 5000) return n;
        }
      } finally {
        await client.query('COMMIT');
      }
    },
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

/** Runs `work` `runs` times: sorted latencies in ms, and the last result. */
async function timed(runs, work) {
  const latencies = [];
  let last;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    last = await work();
    latencies.push(performance.now() - t0);
  }
  return { latencies: latencies.sort((a, b) => a - b), last };
}

const line = (name, { latencies }) =>
  console.log(
    `  ${name.padEnd(44)} runs ${String(latencies.length).padStart(3)}  p50 ${percentile(latencies, 50).toFixed(1).padStart(9)} ms  ` +
      `p95 ${percentile(latencies, 95).toFixed(1).padStart(9)} ms`,
  );
const ratio = (a, b) =>
  `p50 ${(percentile(a.latencies, 50) / percentile(b.latencies, 50)).toFixed(1)}x, p95 ${(percentile(a.latencies, 95) / percentile(b.latencies, 95)).toFixed(1)}x`;

/** Starts a hub on the database, runs the measurements, stops it. */
async function measure(label, dataDir, people, databaseUrl) {
  // Recognition's sweep reads every agent's weeks (its own work, not the KPIs'): not while this
  // measures (its start-up sweep runs before the hub listens).
  const args = [HUB, '--port', '0', '--data-dir', dataDir, '--recognition-sweep-ms', '86400000'];
  if (databaseUrl) args.push('--database', databaseUrl);
  const t0 = performance.now();
  // Its start-up reads the whole database (recognition's first sweep): minutes, not seconds.
  const hub = await startServer(args, { LOG_LEVEL: 'info' }, 900_000);
  const side = sideConnection(people.file, databaseUrl);
  try {
    console.log(
      `[${label}] hub started in ${((performance.now() - t0) / 1000).toFixed(1)} s (recognition's first sweep before it listens)`,
    );
    // Recognition's first sweep may go on after the hub listens (PostgreSQL): measured once the
    // hub answers at once again, five times in a row (bounded: 30 minutes at most).
    const settle = performance.now();
    for (let quick = 0, i = 0; quick < 5 && i < 18_000; i++) {
      const t1 = performance.now();
      await fetch(`${hub.url}/healthz`);
      quick = performance.now() - t1 < 100 ? quick + 1 : 0;
      if (quick === 0) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    console.log(
      `[${label}] hub settled after ${((performance.now() - settle) / 1000).toFixed(0)} s`,
    );
    const token = await signIn(hub.url, 'lead');
    const lead = await connect(hub.url, token);
    const request = { teamId: TEAM, period: 'day', from: MONTH.from, to: MONTH.to };
    // Warm-up: the first read of a cold page cache is not what a lead waits for twice.
    const first = await ask(lead, 'kpi:dashboard', request);
    const t = first.total.sums;
    console.log(
      `[${label}] the month: ${t.offered.toLocaleString('en')} legs offered, ${t.answered.toLocaleString('en')} answered, ` +
        `${t.calls.toLocaleString('en')} calls, ${t.surveyResponses.toLocaleString('en')} survey answers, ${first.agents.length.toLocaleString('en')} agents, ` +
        `AHT ${(first.total.figures.aht / 1000).toFixed(0)} s, SL ${(first.total.figures.serviceLevel * 100).toFixed(1)}%, FCR ${(first.total.figures.fcr * 100).toFixed(1)}%`,
    );
    const onePass = await timed(DASHBOARDS, () =>
      side.all(
        `SELECT count(*) AS n, sum(coalesce(wait_ms, 0)) AS w FROM kpi_legs
         WHERE team_id = ? AND time_zone = ? AND local_day >= ? AND local_day <= ?`,
        [TEAM, ZONE, MONTH.from, MONTH.to],
      ),
    );
    const dashboard = await timed(DASHBOARDS, () => ask(lead, 'kpi:dashboard', request));
    line('baseline: one aggregate pass over the legs', onePass);
    line('kpi:dashboard (month, by day, whole team)', dashboard);
    console.log(`  ratio dashboard / one pass: ${ratio(dashboard, onePass)}`);

    const plain = await timed(EXPORTS, () =>
      side.each(
        `SELECT * FROM kpi_legs WHERE team_id = ? AND offered_at >= ? AND offered_at < ? ORDER BY offered_at, id`,
        [TEAM, MONTH.start, MONTH.end],
      ),
    );
    let exported = { rows: 0, bytes: 0, header: 0 };
    const csv = await timed(EXPORTS, async () => {
      const res = await fetch(
        `${hub.url}/api/kpi/legs.csv?teamId=${TEAM}&from=${MONTH.from}&to=${MONTH.to}`,
        { headers: { authorization: `Bearer ${token}` } },
      );
      if (!res.ok) throw new Error(`legs.csv: ${res.status} ${await res.text()}`);
      let bytes = 0;
      let lines = 0;
      for await (const chunk of res.body) {
        bytes += chunk.length;
        for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines++;
      }
      exported = { rows: lines - 1, bytes, header: Number(res.headers.get(EXPORT_ROWS_HEADER)) };
    });
    console.log(
      `[${label}] export: ${exported.rows.toLocaleString('en')} rows (header said ${exported.header.toLocaleString('en')}), ${(exported.bytes / 1048576).toFixed(0)} MiB; plain SELECT read ${plain.last.toLocaleString('en')} rows`,
    );
    line('baseline: plain SELECT of the legs (all rows)', plain);
    line('GET /api/kpi/legs.csv (month, whole team)', csv);
    console.log(
      `  ratio export / plain SELECT: ${ratio(csv, plain)}; hub RSS ${processUsage(hub.child.pid).rssMiB.toFixed(0)} MiB`,
    );
    lead.close();
  } finally {
    await side.close();
    await stop(hub.child);
  }
}

const dataDir = values.keep ?? mkdtempSync(join(tmpdir(), 'sidecoach-bench-kpi-'));
let postgres;
try {
  console.log(
    `kpi: ${AGENTS.toLocaleString('en')} agents in one team, ${CALLS.toLocaleString('en')} calls in ${MONTH.from}..${MONTH.to} (UTC); ` +
      `${DASHBOARDS} dashboards, ${EXPORTS} exports`,
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
  if (!(values['postgres-only'] && process.env.SIDECOACH_BENCH_PG))
    await measure('sqlite', dataDir, people, null);
  if (process.env.SIDECOACH_BENCH_PG) {
    postgres = await startPostgres();
    const url = await createDatabase(postgres.url, 'bench_kpi');
    const t0 = performance.now();
    execFileSync(
      process.execPath,
      [HUB, 'copy-to-postgres', '--data-dir', dataDir, '--database', url],
      { stdio: ['ignore', 'ignore', 'inherit'] },
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

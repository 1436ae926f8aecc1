// The streamed CSV exports on real parts: a demo hub process (SQLite file, or PostgreSQL in the
// postgres project), files fetched with each user's bearer token and parsed with csv-parse.
// Survey responses (thousands of them) and mystery reports are written beside the running hub
// (support/survey-rows.ts, support/mystery-rows.ts); evaluations come in through the QA import,
// the calibration session through the socket events its people send.
import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EXPORT_ROWS_HEADER,
  scorecardItemsFor,
  type Answer,
  type CallRecord,
  type StandardsPack,
} from '@sidecoach/shared';
import { data, runCall } from './support/calls.js';
import { userIdOf, withHubDatabase } from './support/database.js';
import {
  connect,
  signIn,
  startHub,
  type HubSocket,
  type RunningHub,
} from './support/hub-process.js';
import { addCaller, addReport, addWave } from './support/mystery-rows.js';
import { addSurveyResponses } from './support/survey-rows.js';

const DAY = 86_400_000;
const YES: Answer = 'yes';
const WANG = '王小明';
const JANIS = 'Jānis Bērziņš';
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/u;
/** Chen's responses: more than two of the export's pages (2,000 rows each). */
const MANY = 4_500;

interface Csv {
  status: number;
  /** The x-sidecoach-rows header. */
  total: number;
  header: string[];
  rows: Record<string, string>[];
  bytes: Buffer;
  headers: Headers;
}

describe('streamed CSV exports', () => {
  let hub: RunningHub;
  let pack: StandardsPack;
  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  const sockets: HubSocket[] = [];
  const from = new Date(Date.now() - 30 * DAY).toISOString();
  let to: string;
  const period = () => ({ from, to });
  let avaCall: CallRecord;
  let waveId: string;
  let sessionId: string;

  const get = (path: string, who: string | null, query: Record<string, string> = {}) =>
    fetch(`${hub.url}${path}?${new URLSearchParams(query).toString()}`, {
      headers: who ? { authorization: `Bearer ${tokens[who]!}` } : {},
    });

  /** A 200 export, read whole and parsed (the byte-order mark checked and dropped). */
  async function csv(path: string, who: string, query: Record<string, string> = {}): Promise<Csv> {
    const res = await get(path, who, query);
    const bytes = Buffer.from(await res.arrayBuffer());
    if (res.status !== 200) throw new Error(`${path} as ${who}: ${res.status} ${bytes.toString()}`);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    // CRLF line ends (a comment's own line break stays inside its quotes).
    expect(text.endsWith('\r\n') || text.split('\n').length === 1).toBe(true);
    const records: string[][] = parse(text, { relax_column_count: false });
    const [header, ...body] = records;
    return {
      status: res.status,
      total: Number(res.headers.get(EXPORT_ROWS_HEADER)),
      header: header!,
      rows: body.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!]))),
      bytes,
      headers: res.headers,
    };
  }

  const status = async (path: string, who: string | null, query: Record<string, string>) =>
    (await get(path, who, query)).status;

  beforeAll(async () => {
    hub = await startHub({ demo: true });
    for (const name of [
      'quality',
      'lead',
      'supervisor',
      'night-lead',
      'night-supervisor',
      'agent1',
      'agent2',
      'agent3',
      'agent4',
      'caller',
    ]) {
      ids[name] = await userIdOf(hub.dataDir, name);
      tokens[name] = (await signIn(hub.url, name)).token;
    }
    // Names as typed in Chinese and Latvian, byte for byte.
    await withHubDatabase(hub.dataDir, async (db) => {
      await db
        .updateTable('users')
        .set({ display_name: WANG })
        .where('id', '=', ids.agent1!)
        .execute();
      await db
        .updateTable('users')
        .set({ display_name: JANIS })
        .where('id', '=', ids.agent2!)
        .execute();
    });
    const ava = await connect(hub.url, tokens.agent1!);
    sockets.push(ava);
    pack = data(await ava.emitWithAck('session:bootstrap', {})).pack;
    avaCall = await runCall(ava, 'booking', []);

    // Survey responses: Wang's and Jānis's, one on a mystery call, Dev's (the night team), and
    // Chen's thousands.
    const now = Date.now();
    const at = (ms: number) => new Date(now - ms).toISOString();
    await withHubDatabase(hub.dataDir, async (db) => {
      await addSurveyResponses(db, pack, [
        {
          agentId: ids.agent1!,
          submittedAt: at(3 * DAY),
          csat: 5,
          resolved: true,
          comment: `${WANG}很耐心，谢谢`,
          lang: 'zh-CN',
        },
        {
          agentId: ids.agent2!,
          submittedAt: at(2 * DAY),
          csat: 2,
          resolved: false,
          // Quotes, a comma and a line break: one cell, one row.
          comment: `${JANIS} teica "gaidiet", bet\r\nneviens neatzvanīja`,
          lang: 'lv',
        },
        { agentId: ids.agent4!, submittedAt: at(DAY), csat: 4, resolved: true },
        // Outside the period: left out.
        { agentId: ids.agent1!, submittedAt: at(40 * DAY), csat: 1, resolved: false },
      ]);
      await addSurveyResponses(
        db,
        pack,
        Array.from({ length: MANY }, (_, i) => ({
          agentId: ids.agent3!,
          // Some share a second: the keyset pages on (time, call id), never losing one.
          submittedAt: new Date(now - 10 * DAY + Math.floor(i / 3) * 1000).toISOString(),
          csat: (i % 5) + 1,
          resolved: i % 2 === 0,
          comment: i % 7 === 0 ? `Chen ${i}` : null,
        })),
      );
      // A mystery caller's call to Ava, answered as a survey too: never a customer's answer.
      const callerId = await addCaller(db, {
        username: 'export-caller',
        displayName: 'Export Caller',
        phones: ['+44 20 7946 0555'],
      });
      waveId = await addWave(db, pack, {
        name: 'Vilnius wave',
        teamIds: ['team-demo'],
        released: false,
      });
      const items = scorecardItemsFor(pack, 'booking').map((i) => i.id);
      await db
        .updateTable('mystery_programmes')
        .set({ item_ids: JSON.stringify(items.slice(0, 3)), name: 'Rīgas programma' })
        .where(
          'id',
          '=',
          (
            await db
              .selectFrom('mystery_waves')
              .select('programme_id')
              .where('id', '=', waveId)
              .executeTakeFirstOrThrow()
          ).programme_id,
        )
        .execute();
      const answers = Object.fromEntries(items.slice(0, 3).map((id) => [id, YES]));
      const mysteryCall = await addSurveyResponses(db, pack, [
        {
          agentId: ids.agent1!,
          submittedAt: at(DAY / 2),
          csat: 3,
          resolved: null,
          comment: 'MYSTERY-SURVEY',
        },
      ]);
      const started = new Date(now - DAY / 2 - 300_000).toISOString();
      await addReport(db, pack, {
        waveId,
        teamId: 'team-demo',
        callerId,
        status: 'approved',
        call: { id: mysteryCall[0]!, agentId: ids.agent1!, startedAt: started },
        answers,
        ratings: { welcome: 4 },
        impression: `Laipni, ${WANG} palīdzēja`,
      });
      await addReport(db, pack, {
        waveId,
        teamId: 'team-demo',
        callerId,
        status: 'approved',
        call: null,
        calledAt: new Date(now - DAY).toISOString(),
        answers: { ...answers, [items[0]!]: 'no' },
        ratings: { welcome: 2 },
      });
      // Not approved: not in the results.
      await addReport(db, pack, {
        waveId,
        teamId: 'team-demo',
        callerId,
        status: 'reported',
        call: null,
        answers,
      });
    });

    // Evaluations through the QA import: Wang's (a critical no) and Jānis's; and a draft.
    const items = scorecardItemsFor(pack, 'booking');
    const critical = items.find((i) => i.critical)!;
    const all = (over: Record<string, Answer> = {}) => ({
      ...Object.fromEntries(items.map((i) => [i.id, YES])),
      ...over,
    });
    const imported = await fetch(`${hub.url}/api/qa/evaluations`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${tokens.quality!}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        evaluations: [
          {
            id: 'qa-wang',
            agentUsername: 'agent1',
            callId: avaCall.id,
            evaluatorName: 'Līga Ozoliņa',
            answers: all({ [critical.id]: 'no' }),
            evaluatedAt: new Date(now - 4 * DAY).toISOString(),
          },
          {
            id: 'qa-janis',
            agentUsername: 'agent2',
            evaluatorName: '陳美玲',
            answers: all(),
            evaluatedAt: new Date(now - 3 * DAY).toISOString(),
          },
          {
            id: 'qa-dev',
            agentUsername: 'agent4',
            evaluatorName: 'Quinn Quality',
            answers: all(),
            evaluatedAt: new Date(now - 2 * DAY).toISOString(),
          },
        ],
      }),
    });
    expect(imported.status).toBe(200);
    await withHubDatabase(hub.dataDir, (db) =>
      db
        .insertInto('qa_evaluations')
        .values({
          id: 'qa-draft',
          agent_id: ids.agent1!,
          call_id: null,
          evaluator_name: 'Sam Supervisor',
          pack_id: pack.id,
          pack_version: pack.version,
          answers: '{}',
          evaluated_at: new Date(now - DAY).toISOString(),
          created_at: new Date(now - DAY).toISOString(),
          source: 'app',
          status: 'draft',
          evaluator_id: ids.supervisor!,
        })
        .execute(),
    );

    // A calibration session on Ava's call: Sam and Lina score it, Quinn reveals and marks one.
    const quality = await connect(hub.url, tokens.quality!);
    const sam = await connect(hub.url, tokens.supervisor!);
    const lina = await connect(hub.url, tokens.lead!);
    sockets.push(quality, sam, lina);
    sessionId = randomUUID();
    data(
      await quality.emitWithAck('calibration:create', {
        id: sessionId,
        title: `Kalibrēšana: ${WANG}`,
        callId: avaCall.id,
        participantIds: [ids.supervisor!, ids.lead!],
        deadline: new Date(now + DAY).toISOString(),
      }),
    );
    const first = items[0]!.id;
    data(
      await sam.emitWithAck('calibration:save', {
        sessionId,
        answers: all({ [first]: 'no' }),
        comments: { [first]: 'Nepateica vārdu' },
        submit: true,
      }),
    );
    data(await lina.emitWithAck('calibration:save', { sessionId, answers: all(), submit: true }));
    data(await quality.emitWithAck('calibration:reveal', { sessionId }));
    data(
      await quality.emitWithAck('calibration:benchmark', {
        sessionId,
        itemId: first,
        answer: 'yes',
        note: 'Vārds pirmajā teikumā',
      }),
    );
    to = new Date(Date.now() + 1000).toISOString();
  });

  afterAll(async () => {
    for (const s of sockets) s.close();
    await hub?.dispose();
  });

  it('exports the survey responses in scope: BOM, ISO times, names intact, no mystery call', async () => {
    const file = await csv('/api/surveys/responses.csv', 'quality', period());
    expect(file.header).toEqual([
      'submitted_at',
      'call_id',
      'agent',
      'agent_id',
      'team',
      'call_type',
      'survey_id',
      'channel',
      'lang',
      'csat',
      'resolved',
      'effort',
      'comment',
      'self_answer',
    ]);
    expect(file.headers.get('content-disposition')).toMatch(
      /^attachment; filename="sidecoach-survey-responses-\d{4}-\d\d-\d\d\.csv"$/u,
    );
    // Wang, Jānis, Dev and Chen's thousands; not the one of 40 days ago, not the mystery call.
    expect(file.total).toBe(MANY + 3);
    expect(file.rows).toHaveLength(file.total);
    for (const r of file.rows) expect(r.submitted_at).toMatch(ISO);
    const times = file.rows.map((r) => r.submitted_at);
    expect([...times].sort()).toEqual(times);
    expect(new Set(file.rows.map((r) => r.call_id)).size).toBe(file.rows.length);
    expect(file.rows.find((r) => r.agent === WANG)).toMatchObject({
      team: 'Demo team',
      csat: '5',
      resolved: 'true',
      comment: `${WANG}很耐心，谢谢`,
      lang: 'zh-CN',
    });
    expect(file.rows.find((r) => r.agent === JANIS)).toMatchObject({
      csat: '2',
      resolved: 'false',
      comment: `${JANIS} teica "gaidiet", bet\r\nneviens neatzvanīja`,
    });
    for (const name of [WANG, JANIS, 'neatzvanīja'])
      expect(file.bytes.includes(Buffer.from(name, 'utf8'))).toBe(true);
    expect(file.bytes.includes(Buffer.from('MYSTERY-SURVEY'))).toBe(false);
  });

  it('streams a large export whole: the row count first, then every row, in pages', async () => {
    const started = Date.now();
    const res = await get('/api/surveys/responses.csv', 'lead', {
      ...period(),
      teamId: 'team-demo',
    });
    expect(res.status).toBe(200);
    // Streamed (chunked), not a body built in memory first.
    expect(res.headers.get('content-length')).toBeNull();
    const total = Number(res.headers.get(EXPORT_ROWS_HEADER));
    expect(total).toBe(MANY + 2);
    const reader = res.body!.getReader();
    let chunks = 0;
    const parts: Uint8Array[] = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks++;
      parts.push(value as Uint8Array);
    }
    const text = Buffer.concat(parts).subarray(3).toString('utf8');
    const records: string[][] = parse(text, {});
    expect(records.length - 1).toBe(total);
    expect(chunks).toBeGreaterThan(1);
    expect(records.filter((r) => r[2] === 'Chen Agent')).toHaveLength(MANY);
    console.log(
      `[exports] ${total} survey responses streamed in ${Date.now() - started} ms, ${chunks} chunks`,
    );
  });

  it('keeps each coach to their teams, and the custom days of the hub’s calendar', async () => {
    const night = await csv('/api/surveys/responses.csv', 'night-lead', period());
    expect(night.rows.map((r) => r.agent)).toEqual(['Dev Agent']);
    // Days (YYYY-MM-DD) as the socket events' custom periods: `to` included.
    const day = (ms: number) => {
      const d = new Date(ms);
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    };
    const days = await csv('/api/surveys/responses.csv', 'night-lead', {
      from: day(Date.now() - 5 * DAY),
      to: day(Date.now()),
    });
    expect(days.rows).toHaveLength(1);
    const empty = await csv('/api/surveys/responses.csv', 'night-lead', {
      from: new Date(Date.now() - 90 * DAY).toISOString(),
      to: new Date(Date.now() - 60 * DAY).toISOString(),
    });
    expect(empty.total).toBe(0);
    expect(empty.rows).toEqual([]);
    expect(empty.header[0]).toBe('submitted_at');
  });

  it('exports evaluations with score, critical fail and answers as item columns, no drafts', async () => {
    const file = await csv('/api/qa/evaluations.csv', 'quality', period());
    const items = scorecardItemsFor(pack, 'booking');
    const critical = items.find((i) => i.critical)!;
    expect(file.header.slice(0, 5)).toEqual([
      'evaluated_at',
      'evaluation_id',
      'status',
      'source',
      'version',
    ]);
    for (const i of items) expect(file.header).toContain(`item:${i.id}`);
    expect(file.header.at(-1)).toBe('other_answers');
    expect(file.total).toBe(3);
    expect(file.rows.map((r) => r.evaluation_id)).toEqual(['qa-wang', 'qa-janis', 'qa-dev']);
    const wang = file.rows[0]!;
    expect(wang).toMatchObject({
      agent: WANG,
      team: 'Demo team',
      evaluator: 'Līga Ozoliņa',
      call_id: avaCall.id,
      status: 'imported',
      score_percent: '0',
      passed: 'false',
      critical_fail: 'true',
      critical_items: critical.id,
      [`item:${critical.id}`]: 'no',
      other_answers: '',
    });
    expect(wang.evaluated_at).toMatch(ISO);
    expect(file.rows[1]).toMatchObject({ agent: JANIS, evaluator: '陳美玲', score_percent: '100' });
    expect(file.bytes.includes(Buffer.from('qa-draft'))).toBe(false);
    // Lina leads the demo team: not Dev's.
    const lead = await csv('/api/qa/evaluations.csv', 'lead', period());
    expect(lead.rows.map((r) => r.evaluation_id)).toEqual(['qa-wang', 'qa-janis']);
    const team = await csv('/api/qa/evaluations.csv', 'quality', {
      ...period(),
      teamId: 'team-night',
    });
    expect(team.rows.map((r) => r.evaluation_id)).toEqual(['qa-dev']);
  });

  it('exports calibration: each participant’s answer against the benchmark, item by item', async () => {
    const items = scorecardItemsFor(pack, 'booking');
    const file = await csv('/api/qa/calibration.csv', 'quality', period());
    expect(file.total).toBe(items.length * 2);
    expect(file.rows).toHaveLength(file.total);
    const first = file.rows.filter((r) => r.item_id === items[0]!.id);
    expect(
      first.map((r) => [r.participant, r.answer, r.benchmark, r.matches_benchmark]).sort(),
    ).toEqual([
      ['Lina Lead', 'yes', 'yes', 'true'],
      ['Sam Supervisor', 'no', 'yes', 'false'],
    ]);
    expect(first.find((r) => r.participant === 'Sam Supervisor')).toMatchObject({
      session: `Kalibrēšana: ${WANG}`,
      session_id: sessionId,
      status: 'revealed',
      comment: 'Nepateica vārdu',
      benchmark_note: 'Vārds pirmajā teikumā',
    });
    for (const r of file.rows) {
      expect(r.revealed_at).toMatch(ISO);
      expect(r.submitted_at).toMatch(ISO);
    }
    // Without a benchmark the match is empty, not false.
    expect(file.rows.find((r) => r.item_id === items[1]!.id)!.matches_benchmark).toBe('');
    // A participant reads every sheet once revealed; a lead not on it, none.
    expect((await csv('/api/qa/calibration.csv', 'supervisor', period())).rows).toHaveLength(
      file.total,
    );
    expect((await csv('/api/qa/calibration.csv', 'night-lead', period())).total).toBe(0);
  });

  it('exports a wave’s approved mystery reports with answers and ratings as columns', async () => {
    const file = await csv('/api/mystery/results.csv', 'quality', { waveId });
    const items = scorecardItemsFor(pack, 'booking').slice(0, 3);
    expect(file.header).toEqual(
      expect.arrayContaining([
        'called_at',
        'team',
        'agent',
        'score_percent',
        'grade',
        ...items.map((i) => `item:${i.id}`),
        'rating:welcome',
      ]),
    );
    expect(file.total).toBe(2);
    expect(file.rows).toHaveLength(2);
    const [older, newer] = file.rows;
    expect(older).toMatchObject({
      agent: '',
      programme: 'Rīgas programma',
      wave: 'Vilnius wave',
      team: 'Demo team',
      [`item:${items[0]!.id}`]: 'no',
      'rating:welcome': '2',
      grade: '4',
      scenario: 'Change the dates',
    });
    expect(newer).toMatchObject({
      agent: WANG,
      agent_id: ids.agent1,
      'rating:welcome': '4',
      score_percent: '100',
      impression: `Laipni, ${WANG} palīdzēja`,
    });
    expect(older!.called_at).toMatch(ISO);
    // Nothing names the caller.
    expect(file.bytes.includes(Buffer.from('Export Caller'))).toBe(false);
  });

  it('answers 401 without a token, 403 for the wrong role, 400 for bad parameters', async () => {
    const routes: [string, Record<string, string>][] = [
      ['/api/surveys/responses.csv', period()],
      ['/api/qa/evaluations.csv', period()],
      ['/api/qa/calibration.csv', period()],
      ['/api/mystery/results.csv', { waveId }],
      ['/api/admin/audit.csv', {}],
    ];
    const who = ['agent1', 'supervisor', 'lead', 'caller', 'quality'] as const;
    const outcomes: Record<string, Record<string, number>> = {};
    for (const [path, query] of routes) {
      outcomes[path] = { none: await status(path, null, query) };
      for (const w of who) outcomes[path][w] = await status(path, w, query);
    }
    expect(outcomes).toEqual({
      '/api/surveys/responses.csv': {
        none: 401,
        agent1: 403,
        supervisor: 200,
        lead: 200,
        caller: 403,
        quality: 200,
      },
      '/api/qa/evaluations.csv': {
        none: 401,
        agent1: 403,
        supervisor: 200,
        lead: 200,
        caller: 403,
        quality: 200,
      },
      '/api/qa/calibration.csv': {
        none: 401,
        agent1: 403,
        supervisor: 200,
        lead: 200,
        caller: 403,
        quality: 200,
      },
      '/api/mystery/results.csv': {
        none: 401,
        agent1: 403,
        supervisor: 403,
        lead: 403,
        caller: 403,
        quality: 200,
      },
      '/api/admin/audit.csv': {
        none: 401,
        agent1: 403,
        supervisor: 403,
        lead: 403,
        caller: 403,
        quality: 200,
      },
    });
    // The refusal says why, in the hub's words.
    const refused = await get('/api/surveys/responses.csv', 'agent1', period());
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(
      /team leads, supervisors and quality managers/u,
    );
    // Another team's: refused, not an empty file.
    expect(
      await status('/api/surveys/responses.csv', 'night-lead', {
        ...period(),
        teamId: 'team-demo',
      }),
    ).toBe(403);
    expect(
      await status('/api/qa/evaluations.csv', 'night-lead', { ...period(), teamId: 'team-demo' }),
    ).toBe(403);
    // Bad parameters.
    const bad: [string, Record<string, string>][] = [
      ['/api/surveys/responses.csv', {}],
      ['/api/surveys/responses.csv', { from: 'yesterday', to }],
      ['/api/surveys/responses.csv', { from: to, to: from }],
      ['/api/surveys/responses.csv', { from: '2020-01-01', to: '2022-01-01' }],
      ['/api/surveys/responses.csv', { ...period(), extra: '1' }],
      ['/api/qa/evaluations.csv', { from }],
      ['/api/qa/calibration.csv', { from: '2025-13-01', to: '2025-12-31' }],
      ['/api/mystery/results.csv', {}],
    ];
    for (const [path, query] of bad) {
      const res = await get(path, 'quality', query);
      expect({ path, query, status: res.status }).toEqual({ path, query, status: 400 });
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('bad_request');
    }
    expect(await status('/api/mystery/results.csv', 'quality', { waveId: 'no-such-wave' })).toBe(
      404,
    );
  });

  it('spends a per-user budget: the 21st export in ten minutes waits', async () => {
    const query = { from: new Date(Date.now() - DAY).toISOString(), to };
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++)
      statuses.push(await status('/api/qa/calibration.csv', 'night-supervisor', query));
    expect(statuses).toEqual([...Array<number>(20).fill(200), 429]);
    const res = await get('/api/qa/calibration.csv', 'night-supervisor', query);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
    // Another user's budget, and the same user's budget of another export, are whole.
    expect(await status('/api/qa/calibration.csv', 'night-lead', query)).toBe(200);
    expect(await status('/api/qa/evaluations.csv', 'night-supervisor', query)).toBe(200);
  });
});

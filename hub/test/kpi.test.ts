import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import {
  EXPORT_ROWS_HEADER,
  type KpiDashboard,
  type KpiSums,
  type QueueEvent,
} from '@sidecoach/shared';
import { signRequest } from '../src/lib/signature.js';
import { LEGS_CSV_COLUMNS } from '../src/kpi/routes.js';
import { data } from './support/calls.js';
import { hubSecret, userIdOf, withHubDatabase } from './support/database.js';
import {
  signedInSockets,
  signIn,
  startHub,
  type HubSocket,
  type RunningHub,
} from './support/hub-process.js';

// Queue events in, figures out: a hand-worked example of a team's three days (README, "KPIs:
// definitions and worked examples", with the same definitions), replays, events out of order,
// an unmapped queue and its mapping, days at the boundaries of Asia/Shanghai and Europe/Riga
// (a DST change), the drill-down and its pages, the agent's own figures, who may do what, and
// the legs as CSV.

type Sent = { eventId?: string; event: QueueEvent };
const ev = (
  kind: QueueEvent['kind'],
  callId: string,
  queue: string,
  at: string,
  extra: Partial<QueueEvent> = {},
): Sent => {
  const event: QueueEvent = { kind, callId, queue, at, ...extra };
  return { event };
};

const D1 = '2026-03-10';
const D3 = '2026-03-12';
const t = (day: string, time: string) => `${day}T${time}Z`;

/**
 * The worked example on queue "sales" (team-demo, UTC), 10 to 12 March 2026, with the default
 * settings (short abandon 5 s, service level 20 s, FCR 7 days):
 * c1 Ava, waited 4 s, PBX talk 200 s + hold 40 s, wrap-up 30 s: 270 s; its number calls again
 *    (c4) two days later: not resolved first time.
 * c2 Ben, waited 30 s (outside 20 s), talk 300 s (no PBX times), wrap-up 60 s: 360 s; flagged a
 *    complaint; no repeat: resolved.
 * c3 withheld number, hung up after 3 s: a short abandon.
 * c4 Ava, two days later, same number as c1, waited 10 s, transferred on after 180 s to
 *    "support" (unmapped at first): handled, transferred; no later call: resolved.
 * c5 hung up after 40 s: abandoned.
 * c6 Chen, waited exactly 20 s (in the service level), PBX talk 120 s, wrap-up 30 s: 150 s; no
 *    number: left out of FCR. Its events arrive in reverse order.
 */
const SALES: Sent[] = [
  ev('offered', 'c1', 'sales', t(D1, '09:00:00'), { from: '+371 2000 0001' }),
  ev('answered', 'c1', 'sales', t(D1, '09:00:04'), { extension: '1001', waitMs: 4000 }),
  ev('wrapup-started', 'c1', 'sales', t(D1, '09:04:04'), {
    extension: '1001',
    talkMs: 200_000,
    holdMs: 40_000,
  }),
  ev('wrapup-ended', 'c1', 'sales', t(D1, '09:04:34'), { extension: '1001' }),
  ev('offered', 'c2', 'sales', t(D1, '10:00:00'), { from: '+371 2000 0002' }),
  ev('answered', 'c2', 'sales', t(D1, '10:00:30'), { extension: '1002', waitMs: 30_000 }),
  ev('wrapup-started', 'c2', 'sales', t(D1, '10:05:30'), { extension: '1002' }),
  ev('wrapup-ended', 'c2', 'sales', t(D1, '10:06:30'), { extension: '1002', complaint: true }),
  ev('offered', 'c3', 'sales', t(D1, '11:00:00')),
  ev('abandoned', 'c3', 'sales', t(D1, '11:00:03'), { waitMs: 3000 }),
  ev('offered', 'c5', 'sales', t(D1, '11:00:00'), { from: '+371 2000 0005' }),
  ev('abandoned', 'c5', 'sales', t(D1, '11:00:40'), { waitMs: 40_000 }),
  ev('wrapup-ended', 'c6', 'sales', t(D1, '12:02:50'), { extension: '1003' }),
  ev('wrapup-started', 'c6', 'sales', t(D1, '12:02:20'), { extension: '1003', talkMs: 120_000 }),
  ev('answered', 'c6', 'sales', t(D1, '12:00:20'), { extension: '1003', waitMs: 20_000 }),
  ev('offered', 'c6', 'sales', t(D1, '12:00:00'), { callType: 'booking' }),
  ev('offered', 'c4', 'sales', t(D3, '09:00:00'), { from: '+37120000001' }),
  ev('answered', 'c4', 'sales', t(D3, '09:00:10'), { extension: '1001', waitMs: 10_000 }),
  ev('transferred', 'c4', 'sales', t(D3, '09:03:10'), { extension: '1001', toQueue: 'support' }),
];
/** c4's second leg, in the queue it was transferred to (no number: the first leg has it). */
const SUPPORT: Sent[] = [
  ev('offered', 'c4', 'support', t(D3, '09:03:10')),
  ev('answered', 'c4', 'support', t(D3, '09:03:15'), { extension: '1003', waitMs: 5000 }),
  ev('wrapup-started', 'c4', 'support', t(D3, '09:06:15'), { extension: '1003' }),
  ev('wrapup-ended', 'c4', 'support', t(D3, '09:07:15'), { extension: '1003' }),
];

/** The queue side of the example, before "support" is mapped. */
const SALES_SUMS: Partial<KpiSums> = {
  offered: 6,
  answered: 4,
  answeredInSl: 3,
  abandoned: 2,
  shortAbandoned: 1,
  waitMs: 4000 + 30_000 + 10_000 + 20_000,
  handled: 4,
  talkMs: 200_000 + 300_000 + 180_000 + 120_000,
  holdMs: 40_000,
  acwMs: 30_000 + 60_000 + 0 + 30_000,
  transferred: 1,
  fcrEligible: 3,
  fcrResolved: 2,
};

describe('KPIs from queue events', () => {
  let hub: RunningHub;
  let secret: string;
  const sockets = signedInSockets(() => hub);
  let admin: HubSocket;
  let lead: HubSocket;
  let supervisor: HubSocket;
  let agent: HubSocket;
  let nightLead: HubSocket;
  let caller: HubSocket;

  const post = async (events: Sent[], body?: string) => {
    const text = body ?? JSON.stringify({ events });
    const at = Math.floor(Date.now() / 1000);
    const res = await fetch(`${hub.url}/api/cti/queue-events`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-sidecoach-timestamp': String(at),
        'x-sidecoach-signature': signRequest(secret, at, text),
      },
      body: text,
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const accepted = async (events: Sent[]) => {
    const res = await post(events);
    expect(res.status).toBe(200);
    return (res.body as { results: { status: string; reason?: string }[] }).results;
  };
  const dashboard = async (
    teamId: string,
    from: string,
    to: string,
    period: 'day' | 'week' | 'month' = 'day',
    as = admin,
  ): Promise<KpiDashboard> =>
    data(await as.emitWithAck('kpi:dashboard', { teamId, period, from, to }));

  beforeAll(async () => {
    hub = await startHub({ demo: true });
    secret = await hubSecret(hub, 'cti-secret');
    admin = await sockets.open('quality');
    lead = await sockets.open('lead');
    supervisor = await sockets.open('supervisor');
    agent = await sockets.open('agent1');
    nightLead = await sockets.open('night-lead');
    caller = await sockets.open('caller');
    const [ava, ben] = [
      await userIdOf(hub.dataDir, 'agent1'),
      await userIdOf(hub.dataDir, 'agent2'),
    ];
    // The teams' zones, and Sidecoach's own records of two calls of the example's first day:
    // Ava's c1 (the sidebar had it: same PBX id), self-assessed, surveyed (5, resolved) and
    // evaluated (80); Ben's complaint call the PBX sent no queue events for, skipped, with an
    // answer that looks like staff gave it (left out).
    await withHubDatabase(hub.dataDir, async (db) => {
      await db
        .updateTable('teams')
        .set({ time_zone: 'UTC' })
        .where('id', '=', 'team-demo')
        .execute();
      await db
        .updateTable('teams')
        .set({ time_zone: 'Asia/Shanghai' })
        .where('id', '=', 'team-taipei')
        .execute();
      await db
        .updateTable('teams')
        .set({ time_zone: 'Europe/Riga' })
        .where('id', '=', 'team-riga')
        .execute();
      const pack = await db
        .selectFrom('standards_packs')
        .select(['pack_id', 'version'])
        .executeTakeFirstOrThrow();
      const call = (id: string, agentId: string, callType: string, start: string, end: string) => ({
        id,
        agent_id: agentId,
        call_type: callType,
        pack_id: pack.pack_id,
        pack_version: pack.version,
        source: 'cti' as const,
        started_at: start,
        ended_at: end,
        duration_ms: Date.parse(end) - Date.parse(start),
        created_at: start,
      });
      const [a, b] = [randomUUID(), randomUUID()];
      await db
        .insertInto('calls')
        .values([
          { ...call(a, ava, 'booking', t(D1, '09:00:04'), t(D1, '09:04:04')), external_id: 'c1' },
          call(b, ben, 'complaint', t(D1, '13:00:00'), t(D1, '13:05:00')),
        ])
        .execute();
      await db
        .insertInto('self_assessments')
        .values(
          [
            { id: randomUUID(), call_id: a, agent_id: ava, status: 'submitted' as const },
            { id: randomUUID(), call_id: b, agent_id: ben, status: 'skipped' as const },
          ].map((s) => ({
            ...s,
            answers: '{}',
            next_time: null,
            score: null,
            submitted_at: t(D1, '13:10:00'),
            created_at: t(D1, '13:10:00'),
          })),
        )
        .execute();
      const send = (callId: string, agentId: string, callType: string) => ({
        call_id: callId,
        agent_id: agentId,
        call_type: callType,
        pack_version: 1,
        survey_id: 'kpi',
        channel: 'email' as const,
        lang: 'en',
        state: 'sent' as const,
        skip_reason: null,
        attempts: 1,
        decided_at: t(D1, '14:00:00'),
        sent_at: t(D1, '14:00:00'),
      });
      await db
        .insertInto('survey_sends')
        .values([send(a, ava, 'booking'), send(b, ben, 'complaint')])
        .execute();
      const response = (callId: string, agentId: string, callType: string) => ({
        call_id: callId,
        agent_id: agentId,
        survey_id: 'kpi',
        call_type: callType,
        channel: 'email' as const,
        answers: '{}',
        csat: 5,
        resolved: 1,
        effort: 1,
        comment: null,
        lang: 'en',
        submitted_at: t(D1, '15:00:00'),
      });
      await db
        .insertInto('survey_responses')
        .values([
          response(a, ava, 'booking'),
          { ...response(b, ben, 'complaint'), self_answer: 'agent-address' as const },
        ])
        .execute();
      await db
        .insertInto('qa_evaluations')
        .values({
          id: randomUUID(),
          agent_id: ava,
          call_id: a,
          evaluator_name: 'Quinn Quality',
          pack_id: pack.pack_id,
          pack_version: pack.version,
          answers: '{}',
          evaluated_at: t(D1, '16:00:00'),
          created_at: t(D1, '16:00:00'),
          source: 'app',
          status: 'released',
          score: JSON.stringify({
            earned: 8,
            possible: 10,
            percent: 80,
            criticalFailed: [],
            passed: true,
          }),
          released_at: t(D1, '16:30:00'),
        })
        .execute();
    });
  });
  afterAll(async () => {
    sockets.closeAll();
    await hub?.dispose();
  });

  it('maps a queue before its first call; answers every event of a batch on its own', async () => {
    expect(
      data(
        await admin.emitWithAck('kpi:queue-save', {
          queue: 'sales',
          teamId: 'team-demo',
          callType: null,
        }),
      ),
    ).toEqual({ queue: 'sales', teamId: 'team-demo', callType: null });
    const results = await accepted(SALES);
    expect(results).toHaveLength(SALES.length);
    expect(results.every((r) => r.status === 'accepted')).toBe(true);
    // "transferred" with a queue starts nothing by itself: support has no leg until its offer.
    const support = await withHubDatabase(hub.dataDir, (db) =>
      db.selectFrom('kpi_legs').select('id').where('queue', '=', 'support').execute(),
    );
    expect(support).toEqual([]);
  });

  it('gives the hand-worked figures, queue side and Sidecoach’s own', async () => {
    const d = await dashboard('team-demo', D1, D3);
    expect(d.timeZone).toBe('UTC');
    expect(d.queues).toEqual(['sales']);
    expect(d.total.sums).toMatchObject({
      ...SALES_SUMS,
      // c2 flagged, and Ben's complaint call with no leg: each once.
      complaints: 2,
      surveysSent: 2,
      surveyResponses: 1,
      csatAnswers: 1,
      csatTopTwo: 1,
      csatTotal: 5,
      resolvedAnswers: 1,
      resolvedYes: 1,
      calls: 2,
      selfAssessed: 1,
      qualityCount: 1,
      qualityTotal: 80,
    });
    const f = d.total.figures;
    expect(f.aht).toBe((800_000 + 40_000 + 120_000) / 4); // 240 s
    expect(f.fcr).toBeCloseTo(2 / 3);
    expect(f.abandonment).toBe(1 / 5);
    expect(f.serviceLevel).toBe(3 / 5);
    expect(f.asa).toBe(16_000);
    expect(f.answered).toBe(4);
    expect(f.transferRate).toBe(0.25);
    expect(f.csat).toBe(1);
    expect(f.csatMean).toBe(5);
    expect(f.fcrSurvey).toBe(1);
    expect(f.surveyResponseRate).toBe(0.5);
    expect(f.complaints).toBe(2);
    expect(f.selfAssessment).toBe(0.5);
    expect(f.quality).toBe(80);
    expect(d.fcrProvisionalFrom).toBeNull();
    expect(d.trend.map((b) => [b.bucket, b.sums.offered])).toEqual([
      [D1, 5],
      ['2026-03-11', 0],
      [D3, 1],
    ]);
    const byName = Object.fromEntries(d.agents.map((a) => [a.agentName, a.sums]));
    expect(byName['Ava Agent']).toMatchObject({
      answered: 2,
      handled: 2,
      calls: 1,
      qualityCount: 1,
    });
    expect(byName['Ben Agent']).toMatchObject({ answered: 1, complaints: 2, calls: 1 });
    expect(byName['Chen Agent']).toMatchObject({ answered: 1, answeredInSl: 1 });
    // c1 takes its type from Ava's call record, c6 from the PBX; the others have none.
    const types = Object.fromEntries(d.callTypes.map((c) => [c.callType, c.sums.offered]));
    expect(types).toEqual({ '': 4, booking: 2, complaint: 0 });
    const week = await dashboard('team-demo', D1, D3, 'week');
    expect(week.trend.map((b) => [b.bucket, b.sums.offered])).toEqual([['2026-03-09', 6]]);
    expect(week.total).toEqual(d.total);
  });

  it('changes nothing when the batch is replayed, even after its keys were swept', async () => {
    const before = await dashboard('team-demo', D1, D3);
    const again = await accepted(SALES);
    expect(again.every((r) => r.status === 'duplicate')).toBe(true);
    expect((await dashboard('team-demo', D1, D3)).total).toEqual(before.total);
    await withHubDatabase(hub.dataDir, (db) => db.deleteFrom('cti_event_keys').execute());
    const late = await accepted(SALES);
    expect(late.every((r) => r.status === 'accepted')).toBe(true);
    expect((await dashboard('team-demo', D1, D3)).total).toEqual(before.total);
    // The PBX's event ids: accepted once each, whatever the events say.
    const withIds = SALES.slice(0, 2).map((e, i) => ({ ...e, eventId: `pbx-event-${i}` }));
    expect((await accepted(withIds)).map((r) => r.status)).toEqual(['accepted', 'accepted']);
    expect((await accepted(withIds)).map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
  });

  it('keeps an offer that arrived after the answer and the wrap-up', async () => {
    const c6 = await withHubDatabase(hub.dataDir, (db) =>
      db
        .selectFrom('kpi_legs')
        .selectAll()
        .where('pbx_call_id', '=', 'c6')
        .executeTakeFirstOrThrow(),
    );
    expect(c6).toMatchObject({
      offered_seen: 1,
      offered_at: t(D1, '12:00:00.000'),
      answered_at: t(D1, '12:00:20.000'),
      handled: 1,
      handle_talk_ms: 120_000,
      handle_hold_ms: 0,
      handle_acw_ms: 30_000,
      call_type: 'booking',
      local_day: D1,
      time_zone: 'UTC',
    });
    // An answer alone: the offer is inferred from its wait until the offer comes.
    await accepted([
      ev('answered', 'c8', 'sales', t('2026-03-21', '10:00:30'), {
        extension: '1002',
        waitMs: 30_000,
      }),
    ]);
    const offered = () =>
      withHubDatabase(hub.dataDir, (db) =>
        db
          .selectFrom('kpi_legs')
          .select(['offered_at', 'offered_seen'])
          .where('pbx_call_id', '=', 'c8')
          .executeTakeFirstOrThrow(),
      );
    expect(await offered()).toEqual({
      offered_at: t('2026-03-21', '10:00:00.000'),
      offered_seen: 0,
    });
    await accepted([ev('offered', 'c8', 'sales', t('2026-03-21', '09:59:58'))]);
    expect(await offered()).toEqual({
      offered_at: t('2026-03-21', '09:59:58.000'),
      offered_seen: 1,
    });
  });

  it('keeps an unmapped queue’s legs for no team, then moves them with its mapping', async () => {
    expect((await accepted(SUPPORT)).every((r) => r.status === 'accepted')).toBe(true);
    const setup = data(await admin.emitWithAck('kpi:setup', {}));
    expect(setup.queues[0]).toEqual({
      queue: 'support',
      teamId: null,
      callType: null,
      legsWaiting: 1,
    });
    expect(setup.queues).toContainEqual({
      queue: 'sales',
      teamId: 'team-demo',
      callType: null,
      legsWaiting: 0,
    });
    expect((await dashboard('team-demo', D1, D3)).total.sums.offered).toBe(6);
    data(
      await admin.emitWithAck('kpi:queue-save', {
        queue: 'support',
        teamId: 'team-night',
        callType: 'technical',
      }),
    );
    expect((await dashboard('team-night', D1, D3)).total.sums).toMatchObject({
      offered: 1,
      handled: 1,
    });
    data(
      await admin.emitWithAck('kpi:queue-save', {
        queue: 'support',
        teamId: 'team-demo',
        callType: null,
      }),
    );
    expect((await dashboard('team-night', D1, D3)).total.sums.offered).toBe(0);
    const d = await dashboard('team-demo', D1, D3);
    expect(d.queues).toEqual(['sales', 'support']);
    // c4's second leg: handled (talk 180 s, wrap-up 60 s), in the service level (5 s), with the
    // first leg's number and no later call from it: resolved; not a repeat of c4's first leg.
    expect(d.total.sums).toMatchObject({
      offered: 7,
      answered: 5,
      answeredInSl: 4,
      handled: 5,
      talkMs: 980_000,
      acwMs: 180_000,
      fcrEligible: 4,
      fcrResolved: 3,
      transferred: 1,
    });
    const audit = data(await admin.emitWithAck('admin:audit', { limit: 10 }));
    expect(audit.entries.map((e) => e.action)).toContain('kpi-queue.update');
  });

  it('records what it can of an event from an unknown extension, and says so', async () => {
    const results = await accepted([
      ev('offered', 'c7', 'sales', t('2026-03-20', '10:00:00')),
      ev('answered', 'c7', 'sales', t('2026-03-20', '10:00:05'), {
        extension: '9999',
        waitMs: 5000,
      }),
    ]);
    expect(results[0]).toEqual({ status: 'accepted' });
    expect(results[1]).toMatchObject({
      status: 'rejected',
      reason: expect.stringMatching(/no agent with extension 9999/),
    });
    const d = await dashboard('team-demo', '2026-03-20', '2026-03-20');
    expect(d.total.sums).toMatchObject({ offered: 1, answered: 1 });
    expect(d.agents.every((a) => a.sums.answered === 0)).toBe(true);
  });

  it('links a leg to the call the agent’s sidebar starts with the PBX’s id', async () => {
    const start = t('2026-03-22', '10:00:00');
    await accepted([
      ev('offered', 'link-1', 'sales', start),
      ev('answered', 'link-1', 'sales', t('2026-03-22', '10:00:05'), {
        extension: '1001',
        waitMs: 5000,
      }),
    ]);
    const id = randomUUID();
    data(
      await agent.emitWithAck('call:start', {
        id,
        callType: 'cancellation',
        startedAt: t('2026-03-22', '10:00:05'),
        source: 'cti',
        externalId: 'link-1',
      }),
    );
    const leg = () =>
      withHubDatabase(hub.dataDir, (db) =>
        db
          .selectFrom('kpi_legs')
          .select(['call_id', 'call_type'])
          .where('pbx_call_id', '=', 'link-1')
          .executeTakeFirstOrThrow(),
      );
    await expect.poll(leg).toEqual({ call_id: id, call_type: 'cancellation' });
    data(await agent.emitWithAck('call:end', { callId: id, endedAt: t('2026-03-22', '10:04:05') }));
  });

  it('refuses a bad body with zod’s message, and a bad signature', async () => {
    const bad = await post([ev('answered', 'c9', 'sales', t(D1, '10:00:00'))]);
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      error: { code: 'bad_request', message: expect.stringMatching(/answered needs extension/) },
    });
    const many = await post(
      Array.from({ length: 501 }, (_, i) => ev('offered', `m${i}`, 'sales', t(D1, '10:00:00'))),
    );
    expect(many.status).toBe(400);
    expect((await post([], 'not json')).status).toBe(400);
    const unsigned = await fetch(`${hub.url}/api/cti/queue-events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ events: SALES.slice(0, 1) }),
    });
    expect(unsigned.status).toBe(401);
  });

  it('counts days in the team’s zone: Asia/Shanghai at midnight, Europe/Riga over its DST change', async () => {
    data(
      await admin.emitWithAck('kpi:queue-save', {
        queue: 'shanghai',
        teamId: 'team-taipei',
        callType: null,
      }),
    );
    data(
      await admin.emitWithAck('kpi:queue-save', {
        queue: 'riga',
        teamId: 'team-riga',
        callType: null,
      }),
    );
    const abandon = (queue: string, callId: string, at: string) => [
      ev('offered', callId, queue, at),
      ev('abandoned', callId, queue, new Date(Date.parse(at) + 30_000).toISOString(), {
        waitMs: 30_000,
      }),
    ];
    await accepted([
      // 23:59:59 on 10 March and 00:00 on 11 March in Shanghai (UTC+8).
      ...abandon('shanghai', 'sh1', '2026-03-10T15:59:59Z'),
      ...abandon('shanghai', 'sh2', '2026-03-10T16:00:00Z'),
      // Rīga's 29 March 2026 has 23 hours: from 22:00 UTC on the 28th to 21:00 UTC on the 29th.
      ...abandon('riga', 'r1', '2026-03-28T21:59:59Z'),
      ...abandon('riga', 'r2', '2026-03-28T22:00:00Z'),
      ...abandon('riga', 'r3', '2026-03-29T20:59:59Z'),
      ...abandon('riga', 'r4', '2026-03-29T21:00:00Z'),
    ]);
    const days = (d: KpiDashboard) => d.trend.map((b) => [b.bucket, b.sums.offered]);
    expect(days(await dashboard('team-taipei', '2026-03-10', '2026-03-11'))).toEqual([
      ['2026-03-10', 1],
      ['2026-03-11', 1],
    ]);
    expect(days(await dashboard('team-riga', '2026-03-28', '2026-03-30'))).toEqual([
      ['2026-03-28', 1],
      ['2026-03-29', 2],
      ['2026-03-30', 1],
    ]);
    // The team moves to UTC: its legs are counted on UTC days from then on.
    await withHubDatabase(hub.dataDir, (db) =>
      db.updateTable('teams').set({ time_zone: 'UTC' }).where('id', '=', 'team-riga').execute(),
    );
    expect(days(await dashboard('team-riga', '2026-03-28', '2026-03-30'))).toEqual([
      ['2026-03-28', 2],
      ['2026-03-29', 2],
      ['2026-03-30', 0],
    ]);
  });

  it('drills down to the calls behind a figure, page by page, and to an agent', async () => {
    const drill = (extra: Record<string, unknown>) =>
      supervisor.emitWithAck('kpi:drill', {
        teamId: 'team-demo',
        kpi: 'abandonment',
        from: D1,
        to: D3,
        limit: 2,
        ...extra,
      });
    // Abandonment is of every leg but the short abandon: newest first, c5 the one counted.
    const pages: { pbxCallId: string; queue: string; counts: boolean; outcome: string }[][] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 5; i++) {
      const page = data(await drill(cursor ? { cursor } : {}));
      pages.push(page.rows);
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(pages.map((p) => p.map((r) => `${r.pbxCallId}@${r.queue}`))).toEqual([
      ['c4@support', 'c4@sales'],
      ['c6@sales', 'c5@sales'],
      ['c2@sales', 'c1@sales'],
    ]);
    expect(
      pages
        .flat()
        .filter((r) => r.counts)
        .map((r) => r.pbxCallId),
    ).toEqual(['c5']);
    const ava = await userIdOf(hub.dataDir, 'agent1');
    const aht = data(
      await lead.emitWithAck('kpi:drill', {
        teamId: 'team-demo',
        kpi: 'aht',
        from: D1,
        to: D3,
        agentId: ava,
        limit: 50,
      }),
    );
    expect(aht.rows.map((r) => [r.pbxCallId, r.handleMs, r.firstContact, r.outcome])).toEqual([
      ['c4', 180_000, true, 'transferred'],
      ['c1', 270_000, false, 'answered'],
    ]);
    const csat = data(
      await lead.emitWithAck('kpi:drill', {
        teamId: 'team-demo',
        kpi: 'csat',
        from: D1,
        to: D3,
        limit: 50,
      }),
    );
    expect(csat.rows.map((r) => [r.pbxCallId, r.csat, r.counts, r.callId !== null])).toEqual([
      ['c1', 5, true, true],
    ]);
    expect((await drill({ cursor: 'nonsense' })).ok).toBe(false);
  });

  it('exports the legs as CSV: a BOM, ISO times, the row count first', async () => {
    const { token } = await signIn(hub.url, 'lead');
    const res = await fetch(`${hub.url}/api/kpi/legs.csv?teamId=team-demo&from=${D1}&to=${D3}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    expect(res.headers.get(EXPORT_ROWS_HEADER)).toBe('7');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse<Record<string, string>>(Buffer.from(bytes), { bom: true, columns: true });
    expect(Object.keys(rows[0]!)).toEqual([...LEGS_CSV_COLUMNS]);
    expect(rows).toHaveLength(7);
    const c2 = rows.find((r) => r.pbx_call_id === 'c2')!;
    expect(c2).toMatchObject({
      offered_at: '2026-03-10T10:00:00.000Z',
      answered_at: '2026-03-10T10:00:30.000Z',
      outcome: 'answered',
      wait_ms: '30000',
      answered_in_sl: 'false',
      handle_ms: '360000',
      first_contact: 'true',
      complaint: 'true',
      agent_name: 'Ben Agent',
    });
    expect(rows.find((r) => r.pbx_call_id === 'c3')).toMatchObject({
      outcome: 'short-abandon',
      answered_at: '',
    });
    const ava = await userIdOf(hub.dataDir, 'agent1');
    const mine = await fetch(
      `${hub.url}/api/kpi/legs.csv?teamId=team-demo&from=${D1}&to=${D3}&agentId=${ava}`,
      {
        headers: { authorization: `Bearer ${token}` },
      },
    );
    expect(mine.headers.get(EXPORT_ROWS_HEADER)).toBe('2');
  });

  it('lets each user do only what their role allows', async () => {
    const refused = async (res: Promise<{ ok: boolean; error?: { code: string } }>) =>
      expect((await res).error?.code).toBe('forbidden');
    const request = { teamId: 'team-demo', period: 'day' as const, from: D1, to: D3 };
    const drill = { teamId: 'team-demo', kpi: 'aht' as const, from: D1, to: D3, limit: 10 };
    const settings = {
      teamId: 'team-demo',
      fcrDays: 7,
      shortAbandonSeconds: 5,
      serviceLevelSeconds: 20,
      targets: { aht: 300, csat: 0.8 },
      leaderboard: false,
    };
    for (const s of [agent, caller]) {
      await refused(s.emitWithAck('kpi:setup', {}));
      await refused(s.emitWithAck('kpi:dashboard', request));
      await refused(s.emitWithAck('kpi:drill', drill));
      await refused(s.emitWithAck('kpi:settings-save', settings));
      await refused(
        s.emitWithAck('kpi:queue-save', { queue: 'sales', teamId: null, callType: null }),
      );
    }
    await refused(nightLead.emitWithAck('kpi:dashboard', request));
    await refused(nightLead.emitWithAck('kpi:drill', drill));
    await refused(nightLead.emitWithAck('kpi:settings-save', settings));
    await refused(supervisor.emitWithAck('kpi:settings-save', settings));
    await refused(supervisor.emitWithAck('kpi:setup', {}));
    await refused(
      lead.emitWithAck('kpi:queue-save', { queue: 'sales', teamId: null, callType: null }),
    );
    await refused(lead.emitWithAck('kpi:mine', { period: 'week' }));
    await refused(caller.emitWithAck('kpi:mine', { period: 'week' }));
    expect(data(await supervisor.emitWithAck('kpi:dashboard', request)).teamName).toBe('Demo team');
    const own = data(await lead.emitWithAck('kpi:setup', {}));
    expect(own.teams.map((x) => x.teamId)).toEqual(['team-demo']);
    expect(own.queues.map((q) => q.queue)).toEqual(['sales', 'support']);
    expect(data(await lead.emitWithAck('kpi:settings-save', settings))).toEqual(settings);
    const bad = await lead.emitWithAck('kpi:settings-save', { ...settings, targets: { csat: 80 } });
    expect(bad.ok).toBe(false);
    expect(bad.ok === false && bad.error).toMatchObject({
      code: 'bad_request',
      message: expect.stringMatching(/csat: a share from 0 to 1/),
    });
    // An admin sets any team's; the night team's lead their own.
    const night = { ...settings, teamId: 'team-night', fcrDays: 3 };
    expect(data(await admin.emitWithAck('kpi:settings-save', night))).toEqual(night);
    expect(data(await nightLead.emitWithAck('kpi:settings-save', night))).toEqual(night);
    const setup = data(await admin.emitWithAck('kpi:setup', {}));
    expect(setup.teams.find((x) => x.teamId === 'team-demo')).toMatchObject({
      targets: { aht: 300, csat: 0.8 },
    });
    const csv = async (username: string) => {
      const { token } = await signIn(hub.url, username);
      return (
        await fetch(`${hub.url}/api/kpi/legs.csv?teamId=team-demo&from=${D1}&to=${D3}`, {
          headers: { authorization: `Bearer ${token}` },
        })
      ).status;
    };
    expect(await csv('agent1')).toBe(403);
    expect(await csv('night-lead')).toBe(403);
    expect(await csv('quality')).toBe(200);
    expect(await csv('supervisor')).toBe(200);
    expect(
      (await fetch(`${hub.url}/api/kpi/legs.csv?teamId=team-demo&from=${D1}&to=${D3}`)).status,
    ).toBe(401);
  });

  it('shows an agent their own figures beside the team’s, never to a behaviours-only team', async () => {
    const at = (ms: number) => new Date(Date.now() - ms).toISOString();
    await accepted([
      ev('offered', 'now-1', 'sales', at(4000), { from: '+371 2999 0000' }),
      ev('answered', 'now-1', 'sales', at(3000), { extension: '1001', waitMs: 1000 }),
      ev('wrapup-started', 'now-1', 'sales', at(2000), { extension: '1001' }),
      ev('wrapup-ended', 'now-1', 'sales', at(1000), { extension: '1001' }),
      ev('offered', 'now-2', 'sales', at(4000)),
      ev('answered', 'now-2', 'sales', at(3000), { extension: '1002', waitMs: 1000 }),
    ]);
    const mine = data(await agent.emitWithAck('kpi:mine', { period: 'day' }));
    expect(mine.mine.sums).toMatchObject({ offered: 1, answered: 1, handled: 1 });
    expect(mine.team.sums).toMatchObject({ offered: 2, answered: 2 });
    expect(mine.targets).toEqual({ aht: 300, csat: 0.8 });
    expect(mine.trend).toHaveLength(14);
    expect(mine.trend.at(-1)!.sums.answered).toBe(1);
    // A repeat within the window is not known yet: FCR provisional from today.
    expect((await dashboard('team-demo', mine.from, mine.to)).fcrProvisionalFrom).toBe(mine.from);
    data(await lead.emitWithAck('team:settings', { teamId: 'team-demo', behavioursOnly: true }));
    const refused = await agent.emitWithAck('kpi:mine', { period: 'week' });
    expect(refused.ok === false && refused.error).toMatchObject({
      code: 'forbidden',
      message: expect.stringMatching(/behaviours, not scores/),
    });
    const leaderboard = await lead.emitWithAck('kpi:settings-save', {
      teamId: 'team-demo',
      fcrDays: 7,
      shortAbandonSeconds: 5,
      serviceLevelSeconds: 20,
      targets: {},
      leaderboard: true,
    });
    expect(leaderboard.ok === false && leaderboard.error).toMatchObject({
      code: 'bad_request',
      message: expect.stringMatching(/never shows a leaderboard/),
    });
    data(await lead.emitWithAck('team:settings', { teamId: 'team-demo', behavioursOnly: false }));
  });
});

// What the rest of the hub does about mystery calls, on real parts: one hub process (SQLite file,
// or PostgreSQL in the postgres project), socket.io clients for agents, coaches and the quality
// manager, calls that end the way the PBX ends them (signed CTI events), a real SMTP server for
// survey emails. The mystery rows (callers, waves, reports in given states) are written beside
// the running hub (support/mystery-rows.ts); everything asserted is read through the hub's API.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addDays,
  localDate,
  qaPeriodOf,
  type AckResponse,
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
import { addCaller, addReport, addWave, matchReport, releaseWave } from './support/mystery-rows.js';
import {
  afterEmailSentinels,
  ctiCall,
  startMailbox,
  submitSurvey,
  surveyEmail,
  surveyHubArgs,
  surveyLinkIn,
  type Mailbox,
} from './support/surveys.js';

const code = (r: AckResponse<unknown>) => (r.ok ? 'ok' : r.error.code);
const MIA_PHONE = '+44 20 7946 0123';
/** The same number as the PBX writes it: international prefix, no spaces. */
const MIA_AS_PBX = 'sip:00442079460123@pbx.test';

describe('mystery calls in the rest of the hub', () => {
  let dir: string;
  let mailbox: Mailbox;
  let hub: RunningHub;
  let pack: StandardsPack;
  let zone: string;
  let callerId: string;
  const ids: Record<string, string> = {};
  const s: Record<string, HubSocket> = {};
  /** Everything the hub sent agent1 (events and acknowledgements), for what must not be there. */
  const toAva: unknown[] = [];
  const ask = async <T>(socket: HubSocket, sent: Promise<AckResponse<T>>) => {
    const res = await sent;
    if (socket === s.agent1) toAva.push(res);
    return res;
  };
  const db = <T>(work: Parameters<typeof withHubDatabase<T>>[1]) =>
    withHubDatabase(hub.dataDir, work);

  /** An ended call of the agent started at the given instant (backdated through the API). */
  async function callAt(agent: HubSocket, at: number): Promise<CallRecord> {
    const id = randomUUID();
    data(await agent.emitWithAck('call:start', { id, callType: 'booking', startedAt: iso(at) }));
    return data(await agent.emitWithAck('call:end', { callId: id, endedAt: iso(at + 240_000) }));
  }
  const iso = (ms: number) => new Date(ms).toISOString();
  const matched = (call: CallRecord) => ({
    id: call.id,
    agentId: call.agentId,
    startedAt: call.startedAt,
  });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sidecoach-mystery-edges-'));
    mailbox = await startMailbox();
    hub = await startHub({ demo: true, extraArgs: surveyHubArgs(dir, { smtpUrl: mailbox.url }) });
    for (const name of ['quality', 'lead', 'supervisor', 'night-supervisor', 'night-lead'])
      ids[name] = await userIdOf(hub.dataDir, name);
    s.quality = await connect(hub.url, (await signIn(hub.url, 'quality')).token);
    // Rights first: a change of rights closes the holder's sockets.
    data(
      await s.quality.emitWithAck('admin:permission', {
        userId: ids['night-supervisor']!,
        permission: 'evaluator',
        granted: true,
      }),
    );
    for (const name of [
      'lead',
      'supervisor',
      'night-supervisor',
      'night-lead',
      'agent1',
      'agent2',
      'agent4',
    ])
      s[name] = await connect(hub.url, (await signIn(hub.url, name)).token);
    s.agent1!.onAny((event: string, payload: unknown) => toAva.push({ event, payload }));
    for (const name of ['agent1', 'agent2', 'agent4'])
      ids[name] = data(await s[name]!.emitWithAck('session:bootstrap', {})).user.id;
    pack = data(await s.agent1!.emitWithAck('session:bootstrap', {})).pack;
    zone = data(await s.quality.emitWithAck('admin:teams', {})).teams.find(
      (t) => t.id === 'team-night',
    )!.timeZone;
    callerId = await db((d) =>
      addCaller(d, {
        username: 'mia',
        displayName: 'Mia Mystery',
        phones: [MIA_PHONE, '+371 2612 3456'],
      }),
    );
  });

  afterAll(async () => {
    for (const socket of Object.values(s)) socket.close();
    await hub?.dispose();
    await mailbox?.close();
    await rm(dir, { recursive: true, force: true });
  });

  describe('surveys', () => {
    it('never surveys a mystery caller’s registered number, as for an internal number', async () => {
      const email = 'mia@example.test';
      const call = await ctiCall(hub, s.agent1!, {
        extension: '1001',
        callType: 'booking',
        remoteParty: MIA_AS_PBX,
        customer: { email },
      });
      // An internal number of the pack, for comparison: the agent sees the two alike.
      const internal = await ctiCall(hub, s.agent1!, {
        extension: '1001',
        callType: 'booking',
        remoteParty: 'sip:+37167001234@pbx.test',
        customer: { email: 'desk@example.test' },
      });
      // Her second number, as a local PBX writes it: national digits only.
      const national = await ctiCall(hub, s.agent1!, {
        extension: '1001',
        callType: 'booking',
        remoteParty: 'sip:26123456@pbx.test',
        customer: { email: 'mia-lv@example.test' },
      });
      // The CRM attached another customer's contact: the caller rang all the same.
      const crm = await ctiCall(hub, s.agent1!, {
        extension: '1001',
        callType: 'booking',
        remoteParty: MIA_AS_PBX,
        customer: { email: 'crm-customer@example.test', phone: '+44 20 7946 0555' },
      });
      for (const c of [call, internal, national, crm])
        await expect
          .poll(async () => data(await s.lead!.emitWithAck('survey:status', { callId: c.id })))
          .toMatchObject({ state: 'skipped', skipReason: 'excluded-number', link: null });
      const agentView = async (callId: string) => {
        const status = data(
          await ask(s.agent1!, s.agent1!.emitWithAck('survey:status', { callId })),
        );
        return { ...status, callId: null, decidedAt: null, excludeUntil: null };
      };
      expect(await agentView(call.id)).toEqual(await agentView(internal.id));
      expect(await agentView(call.id)).toMatchObject({ skipReason: null, link: null });
      await afterEmailSentinels(hub, s.agent1!, mailbox);
      expect(mailbox.to(email)).toEqual([]);
      expect(mailbox.to('mia-lv@example.test')).toEqual([]);
      expect(mailbox.to('crm-customer@example.test')).toEqual([]);
      expect(mailbox.messages.filter((m) => m.text?.includes(call.id))).toHaveLength(0);
    });

    it('shows no survey link for a mystery caller on a survey the agent shows', async () => {
      // Sales calls are surveyed by a link the agent shows: none for a registered number.
      const call = await ctiCall(hub, s.agent1!, {
        extension: '1001',
        callType: 'sales',
        remoteParty: 'sip:+442079460123@pbx.test',
      });
      await expect
        .poll(async () => data(await s.lead!.emitWithAck('survey:status', { callId: call.id })))
        .toMatchObject({ state: 'skipped', skipReason: 'excluded-number', channel: 'link' });
      const ordinary = await ctiCall(hub, s.agent1!, {
        extension: '1001',
        callType: 'sales',
        remoteParty: 'sip:+442079460555@pbx.test',
      });
      await expect
        .poll(async () =>
          data(
            await ask(s.agent1!, s.agent1!.emitWithAck('survey:status', { callId: ordinary.id })),
          ),
        )
        .toMatchObject({ state: 'sent', link: expect.stringContaining('/s/') });
      const status = data(
        await ask(s.agent1!, s.agent1!.emitWithAck('survey:status', { callId: call.id })),
      );
      expect(status.link).toBeNull();
    });

    it('leaves an answered survey on a matched mystery call out of CSAT and reports, and out of the agent’s view only once released', async () => {
      // The caller rang from a number not registered (withheld): surveyed, answered, then the
      // quality manager matched the report to the call by hand.
      const email = 'withheld@example.test';
      const call = await ctiCall(hub, s.agent2!, {
        extension: '1002',
        callType: 'booking',
        customer: { email },
      });
      const link = surveyLinkIn(await surveyEmail(hub, mailbox, email));
      const posted = await submitSurvey(link, {
        csat: '2',
        resolved: 'no',
        effort: '4',
        comment: 'Mystery shopper comment',
      });
      expect(posted.status).toBe(303);
      const figures = async () => {
        const report = data(await s.lead!.emitWithAck('survey:report', { days: 1 }));
        const responses = data(
          await s.lead!.emitWithAck('survey:responses', {
            agentId: ids.agent2!,
            days: 1,
            limit: 50,
          }),
        ).responses;
        const prep = data(
          await s.lead!.emitWithAck('reflection:prepare', { agentId: ids.agent2!, days: 7 }),
        );
        // Ben's own list of his customers' answers (his team shares them with agents).
        const own = data(
          await s.agent2!.emitWithAck('survey:responses', { days: 1, limit: 50 }),
        ).responses;
        return {
          booking: report.byCallType.find((c) => c.callType === 'booking')?.responses ?? 0,
          agent: report.agents.find((a) => a.agentId === ids.agent2),
          listed: responses.some((r) => r.callId === call.id),
          own: own.some((r) => r.callId === call.id),
          reflection: prep.surveys.responses,
          comments: prep.surveys.comments.map((c) => c.text),
        };
      };
      const before = await figures();
      expect(before).toMatchObject({ listed: true, own: true, reflection: 1 });
      expect(before.comments).toContain('Mystery shopper comment');

      const waveId = await db((d) =>
        addWave(d, pack, { name: 'Withheld number wave', teamIds: ['team-demo'], released: false }),
      );
      const assignment = await db((d) =>
        addReport(d, pack, {
          waveId,
          teamId: 'team-demo',
          callerId,
          status: 'reported',
          call: null,
          fromNumber: '+44 20 7946 0999',
        }),
      );
      await db((d) => matchReport(d, assignment, matched(call)));
      const after = await figures();
      // The coaches' and managers' figures leave it out at once (no customer's answer).
      expect(after).toMatchObject({ listed: false });
      expect(after.booking).toBe(before.booking - 1);
      // What Ben reads (his own list, the reflective session he shares with his lead) does not
      // change before the wave's release: an answer gone the day the call was matched by hand
      // would tell him which call was a mystery call.
      expect(after).toMatchObject({ own: true, reflection: 1 });
      expect(after.comments).toContain('Mystery shopper comment');
      await db((d) => releaseWave(d, waveId));
      expect(await figures()).toMatchObject({
        listed: false,
        own: false,
        reflection: 0,
        comments: [],
      });
      // Nor in his row of the survey report (from the match on): the call was no customer's.
      // (Ben had no other call: he is not in the report at all now.)
      expect(after.agent?.responses ?? 0).toBe(before.agent!.responses - 1);
      expect(after.agent?.surveyed ?? 0).toBe(before.agent!.surveyed - 1);
    });
  });

  describe('QA sampling', () => {
    it('never draws a matched mystery call, flagged or not', async () => {
      const week = qaPeriodOf(addDays(localDate(new Date(), zone), -7), 'week', zone);
      data(
        await s.quality!.emitWithAck('qa:plan-save', {
          teamId: 'team-night',
          perAgent: 1,
          period: 'week',
          filters: { flaggedOnly: true },
          evaluatorIds: [ids['night-supervisor']!],
          dailyCap: 10,
          disputeDays: 7,
          arbitratorId: null,
        }),
      );
      const start = Date.parse(week.start) + 3_600_000;
      const mystery = await callAt(s.agent4!, start);
      data(
        await s['night-lead']!.emitWithAck('qa:flag', {
          callId: mystery.id,
          note: '',
          flagged: true,
        }),
      );
      const waveId = await db((d) =>
        addWave(d, pack, { name: 'Night wave', teamIds: ['team-night'], released: false }),
      );
      await db((d) =>
        addReport(d, pack, {
          waveId,
          teamId: 'team-night',
          callerId,
          status: 'approved',
          call: matched(mystery),
        }),
      );
      const first = data(
        await s.quality!.emitWithAck('qa:draw', { teamId: 'team-night', day: week.from }),
      );
      expect(first).toMatchObject({ drawn: [], empty: 1 });
      // An ordinary flagged call of the same week is drawn instead.
      const ordinary = await callAt(s.agent4!, start + 7_200_000);
      data(
        await s['night-lead']!.emitWithAck('qa:flag', {
          callId: ordinary.id,
          note: '',
          flagged: true,
        }),
      );
      const second = data(
        await s.quality!.emitWithAck('qa:draw', { teamId: 'team-night', day: week.from }),
      );
      expect(second.drawn.map((a) => a.callId)).toEqual([ordinary.id]);
      expect(second.drawn[0]!.reason).toMatchObject({ eligible: 1, flagged: true });
    });
  });

  describe('the reflective session’s fourth kind of evidence', () => {
    let waveId: string;
    let call: CallRecord;
    let sessionId: string;
    const IMPRESSION = 'Friendly, and I was not sure what happens after the call.';
    const MISSED = 'Did not recap the dates before saying goodbye.';
    const PRAISED = 'Warm and patient all through.';

    beforeAll(async () => {
      call = await runCall(s.agent1!, 'booking', []);
      const pending = await runCall(s.agent1!, 'booking', []);
      waveId = await db((d) =>
        addWave(d, pack, { name: 'Spring wave', teamIds: ['team-demo'], released: false }),
      );
      const answers = Object.fromEntries(
        pack.areas
          .flatMap((a) => a.items)
          .filter((i) => i.scorecard)
          .map((i) => [i.id, 'yes' as const]),
      );
      await db(async (d) => {
        await addReport(d, pack, {
          waveId,
          teamId: 'team-demo',
          callerId,
          status: 'approved',
          call: matched(call),
          answers: { ...answers, 'proc-summarise': 'no' },
          comments: { 'proc-summarise': MISSED, 'beh-tone': PRAISED },
          ratings: { welcome: 4 },
          impression: IMPRESSION,
        });
        // Waiting for review: never evidence, released or not.
        await addReport(d, pack, {
          waveId,
          teamId: 'team-demo',
          callerId,
          status: 'reported',
          call: matched(pending),
          answers,
          impression: 'Not reviewed yet',
        });
      });
    });

    it('shows nothing, to the lead or the agent, before the wave’s results are released', async () => {
      const prep = data(
        await s.lead!.emitWithAck('reflection:prepare', { agentId: ids.agent1!, days: 7 }),
      );
      expect(prep.mystery).toEqual({ calls: [] });
      sessionId = randomUUID();
      data(
        await s.lead!.emitWithAck('reflection:start', {
          id: sessionId,
          agentId: ids.agent1!,
          days: 7,
          agenda: [],
        }),
      );
      const seen = data(
        await ask(s.agent1!, s.agent1!.emitWithAck('reflection:get', { sessionId })),
      );
      expect(seen.prep.mystery).toEqual({ calls: [] });
      await ask(s.agent1!, s.agent1!.emitWithAck('call:list', { limit: 50 }));
      // Nothing the agent received names the wave, the caller or what the caller wrote.
      const received = JSON.stringify(toAva);
      for (const secret of ['Spring wave', 'Mia Mystery', IMPRESSION, MISSED, PRAISED, callerId])
        expect(received).not.toContain(secret);
    });

    it('shows the approved call once released: missed and praised items, ratings, impression', async () => {
      await db((d) => releaseWave(d, waveId));
      const expected = {
        waveName: 'Spring wave',
        callId: call.id,
        callType: 'booking',
        calledAt: call.startedAt,
        missed: [{ itemId: 'proc-summarise', comment: MISSED }],
        praised: [{ itemId: 'beh-tone', comment: PRAISED }],
        ratings: { welcome: 4 },
        ratingLabels: { welcome: { en: 'I felt welcome' } },
        impression: IMPRESSION,
      };
      const prep = data(
        await s.lead!.emitWithAck('reflection:prepare', { agentId: ids.agent1!, days: 7 }),
      );
      expect(prep.mystery.calls).toEqual([{ ...expected, score: expect.any(Number) }]);
      expect(prep.mystery.calls[0]!.score).toBeLessThan(100);
      const seen = data(await s.agent1!.emitWithAck('reflection:get', { sessionId }));
      expect(seen.prep.mystery.calls).toEqual([{ ...expected, score: expect.any(Number) }]);
      // Outside the period: not there.
      const later = data(
        await s.lead!.emitWithAck('reflection:prepare', {
          agentId: ids.agent1!,
          from: addDays(localDate(new Date(), 'UTC'), -40),
          to: addDays(localDate(new Date(), 'UTC'), -20),
        }),
      );
      expect(later.mystery.calls).toEqual([]);
    });

    it('keeps the score and the ratings from an agent coached on behaviours, not scores', async () => {
      data(
        await s.lead!.emitWithAck('team:settings', { teamId: 'team-demo', behavioursOnly: true }),
      );
      try {
        const seen = data(await s.agent1!.emitWithAck('reflection:get', { sessionId }));
        const [evidence] = seen.prep.mystery.calls;
        expect(evidence).toMatchObject({ impression: IMPRESSION, ratings: {} });
        expect(evidence!.missed).toHaveLength(1);
        expect(evidence).not.toHaveProperty('score');
        const lead = data(await s.lead!.emitWithAck('reflection:get', { sessionId }));
        expect(lead.prep.mystery.calls[0]).toMatchObject({ ratings: { welcome: 4 } });
        expect(lead.prep.mystery.calls[0]!.score).toEqual(expect.any(Number));
      } finally {
        data(
          await s.lead!.emitWithAck('team:settings', {
            teamId: 'team-demo',
            behavioursOnly: false,
          }),
        );
      }
    });
  });

  describe('calibration on a mystery call', () => {
    let call: CallRecord;
    const create = (socket: HubSocket, callId: string, mysteryAssignmentId: string) =>
      socket.emitWithAck('calibration:create', {
        id: randomUUID(),
        title: 'Mystery call calibration',
        callId,
        mysteryAssignmentId,
        participantIds: [ids.supervisor!, ids['night-supervisor']!],
        deadline: iso(Date.now() + 86_400_000),
      });

    let other: CallRecord;
    beforeAll(async () => {
      call = await runCall(s.agent2!, 'booking', []);
      other = await runCall(s.agent2!, 'booking', []);
    });

    it('makes a session with source mystery on the approved report’s matched call', async () => {
      const waveId = await db((d) =>
        addWave(d, pack, { name: 'Calibration wave', teamIds: ['team-demo'], released: false }),
      );
      const assignment = await db((d) =>
        addReport(d, pack, {
          waveId,
          teamId: 'team-demo',
          callerId,
          status: 'approved',
          call: matched(call),
        }),
      );
      // Not offered as an ordinary call: it is calibrated on from its report.
      const offered = async () =>
        data(await s.quality!.emitWithAck('calibration:setup', {})).calls.map((c) => c.callId);
      expect(await offered()).not.toContain(call.id);
      expect(await offered()).toContain(other.id);
      const session = data(await create(s.quality!, call.id, assignment));
      expect(session).toMatchObject({ source: 'mystery', callId: call.id, status: 'open' });
      const stored = await db((d) =>
        d
          .selectFrom('calibration_sessions')
          .select(['source', 'mystery_assignment_id'])
          .where('id', '=', session.id)
          .executeTakeFirstOrThrow(),
      );
      expect(stored).toEqual({ source: 'mystery', mystery_assignment_id: assignment });
      // Scored blind like any other session: the participant opens it, no agent named.
      const opened = data(
        await s.supervisor!.emitWithAck('calibration:open', { sessionId: session.id }),
      );
      expect(opened.session.source).toBe('mystery');
      expect(JSON.stringify(opened.call)).not.toContain('Ben Agent');
      // Without a report: an ordinary session on the same call.
      const ordinary = await s.quality!.emitWithAck('calibration:create', {
        id: randomUUID(),
        title: 'Ordinary',
        callId: call.id,
        participantIds: [ids.supervisor!, ids['night-supervisor']!],
        deadline: iso(Date.now() + 86_400_000),
      });
      expect(data(ordinary).source).toBe('call');
    });

    it('refuses, with the reason, a report not approved, not matched, or matched elsewhere', async () => {
      const waveId = await db((d) =>
        addWave(d, pack, { name: 'Refusals wave', teamIds: ['team-demo'], released: false }),
      );
      const report = (status: 'reported' | 'approved' | 'rejected', on: CallRecord | null) =>
        db((d) =>
          addReport(d, pack, {
            waveId,
            teamId: 'team-demo',
            callerId,
            status,
            call: on && matched(on),
          }),
        );
      const waiting = await report('reported', call);
      const rejected = await report('rejected', call);
      const unmatched = await report('approved', null);
      const approved = await report('approved', call);
      const refusal = async (res: Promise<AckResponse<unknown>>) => {
        const r = await res;
        return r.ok ? null : { code: r.error.code, message: r.error.message };
      };
      expect(await refusal(create(s.quality!, call.id, waiting))).toEqual({
        code: 'conflict',
        message: 'the mystery report is waiting for review: calibrate on an approved report',
      });
      expect(await refusal(create(s.quality!, call.id, rejected))).toMatchObject({
        code: 'conflict',
        message: expect.stringContaining('rejected'),
      });
      expect(await refusal(create(s.quality!, call.id, unmatched))).toMatchObject({
        code: 'conflict',
        message: expect.stringContaining('not matched to a call'),
      });
      expect(await refusal(create(s.quality!, other.id, approved))).toEqual({
        code: 'bad_request',
        message: `the mystery report is matched to call ${call.id}, not ${other.id}`,
      });
      expect(code(await create(s.quality!, call.id, 'no-such-assignment'))).toBe('not_found');
      // Mystery reports are the quality manager's: a lead does not calibrate on them.
      expect(code(await create(s.lead!, call.id, approved))).toBe('forbidden');
    });
  });

  describe('a whole mystery call through the mystery events', () => {
    it('reaches the reflective session and calibration only once approved and released', async () => {
      // Mia Mystery (the demo's caller, +44 7700 900123) calls the Night shift.
      const mia = await connect(hub.url, (await signIn(hub.url, 'caller')).token);
      try {
        const miaId = data(await mia.emitWithAck('session:bootstrap', {})).user.id;
        const programme = data(
          await s.quality!.emitWithAck('mystery:programme-save', {
            id: randomUUID(),
            name: 'Night line',
            objective: 'training',
            ratings: [{ id: 'welcome', label: { en: 'I felt welcome' } }],
            target: 85,
          }),
        );
        const today = localDate(new Date(), 'UTC');
        const wave = data(
          await s.quality!.emitWithAck('mystery:wave-save', {
            id: randomUUID(),
            programmeId: programme.id,
            name: 'Night flow wave',
            from: today,
            to: addDays(today, 7),
            teamIds: ['team-night'],
            numbers: { 'team-night': '+44 20 7946 0200' },
            calls: 1,
            scenarios: [
              {
                id: 'change-dates',
                callType: 'booking',
                title: 'Move a booking',
                brief: 'Move it a week.',
              },
            ],
            perTeamMax: 1,
            perAgentMax: 1,
            callerGapDays: 0,
          }),
        );
        data(await s.quality!.emitWithAck('mystery:wave-launch', { waveId: wave.id }));
        const [assignment] = data(
          await s.quality!.emitWithAck('mystery:assignments', { waveId: wave.id }),
        ).assignments;
        data(
          await s.quality!.emitWithAck('mystery:assign', {
            assignmentId: assignment!.id,
            callerId: miaId,
          }),
        );
        // The planner put the window somewhere in the wave: the call is made now (aged here).
        await db((d) =>
          d
            .updateTable('mystery_assignments')
            .set({
              window_from: iso(Date.now() - 3_600_000),
              window_to: iso(Date.now() + 3_600_000),
            })
            .where('id', '=', assignment!.id)
            .execute(),
        );
        const call = await ctiCall(hub, s.agent4!, {
          extension: '1004',
          callType: 'booking',
          remoteParty: 'sip:+447700900123@pbx.test',
          customer: { email: 'night-mystery@example.test' },
        });
        await expect
          .poll(async () =>
            data(await s['night-lead']!.emitWithAck('survey:status', { callId: call.id })),
          )
          .toMatchObject({ state: 'skipped', skipReason: 'excluded-number' });
        const opened = data(
          await mia.emitWithAck('mystery:open', { assignmentId: assignment!.id }),
        );
        const answers = Object.fromEntries(
          opened.items.map((id) => [
            id,
            id === 'proc-summarise' ? ('no' as const) : ('yes' as const),
          ]),
        );
        data(
          await mia.emitWithAck('mystery:report', {
            assignmentId: assignment!.id,
            calledAt: call.startedAt,
            calledNumber: '+44 20 7946 0200',
            fromNumber: '+44 7700 900123',
            answers,
            comments: { 'proc-summarise': 'No recap of the new dates.' },
            ratings: { welcome: 4 },
            impression: 'Kind, and vague about what happens next.',
            submit: true,
          }),
        );
        const evidence = async () =>
          data(
            await s['night-lead']!.emitWithAck('reflection:prepare', {
              agentId: ids.agent4!,
              days: 7,
            }),
          ).mystery.calls;
        const calibrate = () =>
          s.quality!.emitWithAck('calibration:create', {
            id: randomUUID(),
            title: 'Night mystery call',
            callId: call.id,
            mysteryAssignmentId: assignment!.id,
            participantIds: [ids.supervisor!, ids['night-supervisor']!],
            deadline: iso(Date.now() + 86_400_000),
          });
        // Filed, waiting for review: no calibration on it, no evidence.
        expect(code(await calibrate())).toBe('conflict');
        expect(await evidence()).toEqual([]);
        const reviewed = data(
          await s.quality!.emitWithAck('mystery:review', {
            assignmentId: assignment!.id,
            action: 'approve',
            grade: 4,
          }),
        );
        expect(reviewed.match).toMatchObject({
          method: 'number',
          callId: call.id,
          agentId: ids.agent4,
        });
        // Approved, not released: calibration yes, the agent's evidence still nothing.
        expect(data(await calibrate())).toMatchObject({ source: 'mystery', callId: call.id });
        expect(await evidence()).toEqual([]);
        data(await s.quality!.emitWithAck('mystery:wave-close', { waveId: wave.id }));
        data(await s.quality!.emitWithAck('mystery:release', { waveId: wave.id }));
        expect(await evidence()).toEqual([
          expect.objectContaining({
            waveName: 'Night flow wave',
            callId: call.id,
            missed: [{ itemId: 'proc-summarise', comment: 'No recap of the new dates.' }],
            ratings: { welcome: 4 },
            impression: 'Kind, and vague about what happens next.',
          }),
        ]);
      } finally {
        mia.close();
      }
    });
  });
});

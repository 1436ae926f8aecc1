// Reflective coaching sessions on real parts: a hub process with its SQLite file, socket.io
// clients for the lead, the supervisor and the agent, QA results imported over HTTP, a customer
// survey answered over HTTP. The evidence is made through the hub's own API.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withHubDatabase } from './support/database.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  scorecardItemsFor,
  total,
  type AckResponse,
  type Answer,
  type QaImportRequest,
  type ReflectionSession,
  type StandardsPack,
} from '@sidecoach/shared';
import { assessedCall as assessedCallOf, data, iso, observeItem } from './support/calls.js';
import {
  connect,
  signIn,
  startHub,
  type HubSocket,
  type RunningHub,
} from './support/hub-process.js';
import { InboxClient } from './support/inbox-client.js';
import { ctiCall, submitSurvey, surveyHubArgs } from './support/surveys.js';

const BLIND_SPOT = 'proc-summarise'; // the agent says yes, others see it missed
const LOW_CONFIDENCE = 'proc-greeting'; // the agent says no, others see it met
const STRENGTH = 'proc-close'; // everyone sees it met
const PRIVATE_TEXT = 'PRIVATE: only for the coach';

/** Keys that carry a score somewhere in what the hub sends; none may hold a number for the agent. */
const SCORE_KEYS = new Set([
  'score',
  'percent',
  'earned',
  'possible',
  'self',
  'observed',
  'qa',
  'gap',
  'csat',
  'effort',
  'meanCsat',
  'csatDistribution',
  'resolvedShare',
  'meanEffort',
  'positive',
  'negative',
  'weeks',
]);
/** Names of lists elsewhere (`calls: CallRecord[]`): a count under them is what is refused. */
const COUNT_KEYS = new Set(['calls', 'assessments', 'responses']);

const hasNumber = (value: unknown): boolean =>
  typeof value === 'number' ||
  (typeof value === 'object' && value !== null && Object.values(value).some(hasNumber));

/** Every path in the JSON where a score-named key holds a number. */
function numericScores(value: unknown, path = '$'): string[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, v]) => [
    ...((SCORE_KEYS.has(key) && hasNumber(v)) || (COUNT_KEYS.has(key) && typeof v === 'number')
      ? [`${path}.${key}`]
      : []),
    ...numericScores(v, `${path}.${key}`),
  ]);
}

/** A socket that keeps the raw JSON of every event and acknowledgement it receives. */
async function recording(url: string, username: string) {
  const { token, user } = await signIn(url, username);
  const socket = await connect(url, token);
  const received: Array<{ event: string; payload: unknown }> = [];
  socket.onAny((event: string, payload: unknown) =>
    received.push({ event, payload: JSON.parse(JSON.stringify(payload)) }),
  );
  const ask = async <T>(res: Promise<AckResponse<T>>) => {
    const answer = await res;
    received.push({ event: 'ack', payload: JSON.parse(JSON.stringify(answer)) });
    return data(answer);
  };
  return { socket, user, received, ask };
}

function until(what: string, predicate: () => boolean, timeoutMs = 10_000) {
  return expect.poll(predicate, { timeout: timeoutMs, message: what }).toBe(true);
}

describe('reflective coaching sessions', () => {
  let dir: string;
  let hub: RunningHub;
  let pack: StandardsPack;
  let agent: HubSocket;
  let agentId: string;
  let lead: HubSocket;
  let supervisor: HubSocket;
  let adminToken: string;
  let surveyedCall: string;
  const changed: { lead: ReflectionSession[]; agent: ReflectionSession[] } = {
    lead: [],
    agent: [],
  };

  const assessedCall = (answers: Record<string, Answer>) => assessedCallOf(agent, pack, answers);

  const observe = (
    callId: string,
    itemId: string,
    verdict: 'met' | 'missed',
    visibility: 'shared' | 'private' = 'shared',
    text = `${itemId} ${verdict}`,
  ) => observeItem(supervisor, { agentId, callId, itemId, verdict, visibility, text });

  const importQa = (body: unknown, token = adminToken) =>
    fetch(`${hub.url}/api/qa/evaluations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sidecoach-reflection-'));
    hub = await startHub({ demo: true, extraArgs: surveyHubArgs(dir, {}) });
    const agentSession = await signIn(hub.url, 'agent1');
    agentId = agentSession.user.id;
    agent = await connect(hub.url, agentSession.token);
    lead = await connect(hub.url, (await signIn(hub.url, 'lead')).token);
    supervisor = await connect(hub.url, (await signIn(hub.url, 'supervisor')).token);
    adminToken = (await signIn(hub.url, 'quality')).token;
    lead.on('reflection:changed', (s) => changed.lead.push(s));
    agent.on('reflection:changed', (s) => changed.agent.push(s));
    pack = data(await agent.emitWithAck('session:bootstrap', {})).pack;

    // Four assessed calls: the agent rates the summary high, the greeting low, the close high.
    const calls = [];
    for (let i = 0; i < 4; i++)
      calls.push(
        await assessedCall({ [BLIND_SPOT]: 'yes', [LOW_CONFIDENCE]: 'no', [STRENGTH]: 'yes' }),
      );
    // The supervisor sees the summary missed, the greeting and the close met.
    await observe(calls[0]!.id, BLIND_SPOT, 'missed', 'shared', 'No summary before closing.');
    await observe(calls[1]!.id, BLIND_SPOT, 'missed');
    await observe(calls[0]!.id, LOW_CONFIDENCE, 'met');
    await observe(calls[1]!.id, LOW_CONFIDENCE, 'met');
    await observe(calls[0]!.id, STRENGTH, 'met');
    await observe(calls[1]!.id, STRENGTH, 'met');
    await observe(calls[2]!.id, STRENGTH, 'met', 'private', PRIVATE_TEXT);
    // QA agrees with the supervisor.
    const qa: QaImportRequest = {
      evaluations: [
        {
          id: 'qa-tool-1001',
          agentUsername: 'agent1',
          callId: calls[3]!.id,
          evaluatorName: 'Quinn Quality',
          answers: { [BLIND_SPOT]: 'no', [LOW_CONFIDENCE]: 'yes', [STRENGTH]: 'yes' },
          evaluatedAt: iso(),
        },
      ],
    };
    const res = await importQa(qa);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ stored: ['qa-tool-1001'], unchanged: [] });
    // A customer answers the survey of a sales call (link channel: no mail server needed).
    const customer = await InboxClient.open(hub.url, 'agent1');
    try {
      const call = await ctiCall(hub, agent, { extension: '1001', callType: 'sales' });
      surveyedCall = call.id;
      await customer.until('the survey link', () =>
        customer.of('survey-status').some((m) => m.survey.callId === call.id && m.survey.link),
      );
      const link = customer.of('survey-status').find((m) => m.survey.callId === call.id)!.survey
        .link!;
      const answers = { csat: '2', resolved: 'no', effort: '4', comment: 'Nobody summarised.' };
      expect((await submitSurvey(link, answers)).status).toBe(303);
      await customer.until('the response', () => customer.of('survey-response').length > 0);
    } finally {
      customer.close();
    }
  });

  afterAll(async () => {
    for (const s of [agent, lead, supervisor]) s?.close();
    await hub?.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('imports QA evaluations idempotently and refuses bad imports with a clear 4xx', async () => {
    const one = {
      id: 'qa-tool-2002',
      agentUsername: 'agent2',
      evaluatorName: 'Quinn Quality',
      answers: { [STRENGTH]: 'yes' },
      evaluatedAt: iso(),
    };
    expect(await (await importQa({ evaluations: [one] })).json()).toEqual({
      stored: ['qa-tool-2002'],
      unchanged: [],
    });
    expect(await (await importQa({ evaluations: [one] })).json()).toEqual({
      stored: [],
      unchanged: ['qa-tool-2002'],
    });
    const changedContent = await importQa({ evaluations: [{ ...one, answers: { x: 'no' } }] });
    expect(changedContent.status).toBe(400);
    expect(await changedContent.json()).toMatchObject({
      error: { code: 'bad_request', message: expect.stringContaining('x') },
    });
    const conflict = await importQa({
      evaluations: [{ ...one, answers: { [STRENGTH]: 'no' } }],
    });
    expect(conflict.status).toBe(409);
    const cases: Array<[unknown, number, RegExp]> = [
      [{ evaluations: [] }, 400, /evaluations/],
      [{ evaluations: [{ ...one, agentUsername: 'nobody' }] }, 400, /no agent/],
      [{ evaluations: [{ ...one, agentUsername: 'lead' }] }, 400, /no agent/],
      [{ evaluations: [{ ...one, answers: { [STRENGTH]: 'maybe' } }] }, 400, /answers/],
      [{ evaluations: [{ ...one, packId: 'sidecoach-default' }] }, 400, /packVersion/],
      [{ evaluations: [{ ...one, packId: 'x', packVersion: 9 }] }, 400, /no standards pack/],
      [{ evaluations: [{ ...one, evaluatedAt: iso(86_400_000) }] }, 400, /future/],
      [{ evaluations: [{ ...one, callId: surveyedCall }] }, 400, /not a call of this agent/],
    ];
    for (const [body, status, message] of cases) {
      const res = await importQa(body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(await res.json()).toMatchObject({
        error: { message: expect.stringMatching(message) },
      });
    }
    const leadToken = (await signIn(hub.url, 'lead')).token;
    expect((await importQa({ evaluations: [one] }, leadToken)).status).toBe(403);
    expect((await importQa({ evaluations: [one] }, 'not-a-valid-token')).status).toBe(401);
  });

  it('prepares a session: blind spot, low confidence and strength from every channel', async () => {
    const prep = data(await lead.emitWithAck('reflection:prepare', { agentId, days: 28 }));
    expect(prep).toMatchObject({ agentName: 'Ava Agent', calls: 5, assessments: 4 });
    expect(prep.weeks.length).toBeGreaterThanOrEqual(4);
    const item = (id: string) => prep.items.find((i) => i.itemId === id)!;
    expect(item(BLIND_SPOT)).toMatchObject({
      finding: 'blind-spot',
      self: { positive: 4, negative: 0 },
      observed: { positive: 0, negative: 2 },
      qa: { positive: 0, negative: 1 },
      gap: 1,
    });
    expect(item(LOW_CONFIDENCE)).toMatchObject({ finding: 'low-confidence', gap: -1 });
    // The coach's view counts their private observation too (3 met), but never lists it.
    expect(item(STRENGTH)).toMatchObject({
      finding: 'strength',
      observed: { positive: 3, negative: 0 },
    });
    // Shared observations, newest first, with their author.
    expect(item(BLIND_SPOT).observations.map((o) => o.text)).toEqual([
      `${BLIND_SPOT} missed`,
      'No summary before closing.',
    ]);
    expect(item(BLIND_SPOT).observations[0]!.authorName).toBe('Sam Supervisor');
    expect(JSON.stringify(prep)).not.toContain(PRIVATE_TEXT);
    const thisWeek = item(BLIND_SPOT).weeks!.at(-1)!;
    expect(thisWeek.self).toEqual({ positive: 4, negative: 0 });
    expect(prep.surveys).toMatchObject({
      responses: 1,
      // CSAT is the share of 4 and 5 answers (none of the one answer, a 2); the mean beside it.
      csat: 0,
      meanCsat: 2,
      csatDistribution: [0, 1, 0, 0, 0],
      resolvedShare: 0,
      meanEffort: 4,
      comments: [{ text: 'Nobody summarised.', callType: 'sales' }],
    });
    expect(prep.surveys.weeks!.at(-1)).toMatchObject({ responses: 1, csat: 0, meanCsat: 2 });
    // Widest gap first; equal gaps in item order.
    expect(prep.agenda).toEqual([
      { kind: 'low-confidence', itemId: LOW_CONFIDENCE, actionId: null },
      { kind: 'blind-spot', itemId: BLIND_SPOT, actionId: null },
      { kind: 'strength', itemId: STRENGTH, actionId: null },
    ]);
    expect(prep.behavioursOnly).toBe(false);
  });

  it('keeps sessions to the agent’s own coaches and the agent', async () => {
    const nightLead = await connect(hub.url, (await signIn(hub.url, 'night-lead')).token);
    const otherAgent = await connect(hub.url, (await signIn(hub.url, 'agent2')).token);
    try {
      const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error!.code);
      for (const s of [nightLead, otherAgent, agent]) {
        expect(code(await s.emitWithAck('reflection:prepare', { agentId }))).toBe('forbidden');
        expect(
          code(await s.emitWithAck('reflection:start', { id: randomUUID(), agentId, agenda: [] })),
        ).toBe('forbidden');
      }
      const session = data(
        await lead.emitWithAck('reflection:start', { id: randomUUID(), agentId, agenda: [] }),
      );
      for (const s of [nightLead, otherAgent]) {
        const sessionId = session.id;
        expect(code(await s.emitWithAck('reflection:get', { sessionId }))).toBe('forbidden');
        const note = { id: randomUUID(), sessionId, text: 'Hello', at: iso() };
        expect(code(await s.emitWithAck('reflection:note', note))).toBe('forbidden');
        expect(code(await s.emitWithAck('reflection:sign', { sessionId, version: 1 }))).toBe(
          'forbidden',
        );
      }
      expect(code(await otherAgent.emitWithAck('reflection:list', { agentId }))).toBe('forbidden');
      expect(code(await nightLead.emitWithAck('reflection:list', { agentId }))).toBe('forbidden');
      expect(
        code(
          await agent.emitWithAck('reflection:action', {
            id: randomUUID(),
            sessionId: session.id,
            text: 'I decide alone',
            itemId: null,
            owner: 'agent',
            due: iso().slice(0, 10),
          }),
        ),
      ).toBe('forbidden');
      expect(code(await lead.emitWithAck('reflection:prepare', { agentId, days: 6 }))).toBe(
        'bad_request',
      );
      expect(
        code(
          await lead.emitWithAck('reflection:get', {
            sessionId: 'not-a-uuid',
          }),
        ),
      ).toBe('bad_request');
    } finally {
      nightLead.close();
      otherAgent.close();
    }
  });

  it('runs a session live with the agent: notes, actions, sign-off of the current version', async () => {
    const prep = data(await lead.emitWithAck('reflection:prepare', { agentId, days: 28 }));
    const id = randomUUID();
    changed.lead.length = 0;
    changed.agent.length = 0;
    const started = data(
      await lead.emitWithAck('reflection:start', { id, agentId, days: 28, agenda: prep.agenda }),
    );
    expect(started).toMatchObject({ status: 'open', version: 1, leadName: 'Lina Lead' });
    // A retry opens the same session.
    expect(
      data(await lead.emitWithAck('reflection:start', { id, agentId, agenda: [] })),
    ).toMatchObject({ id, version: 1, agenda: prep.agenda });
    await until('both see the session', () => changed.agent.some((s) => s.id === id));

    const note = data(
      await agent.emitWithAck('reflection:note', {
        id: randomUUID(),
        sessionId: id,
        prompt: 'how-did-it-go',
        agendaIndex: 0,
        text: 'I thought I always summarised.',
        at: iso(),
      }),
    );
    expect(note).toMatchObject({ authorName: 'Ava Agent', prompt: 'how-did-it-go' });
    const today = iso().slice(0, 10);
    const past = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const action = {
      id: randomUUID(),
      sessionId: id,
      text: 'Summarise next steps before closing',
      itemId: BLIND_SPOT,
      owner: 'agent' as const,
      due: today,
    };
    const refused = await lead.emitWithAck('reflection:action', { ...action, due: past });
    expect(refused).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const agreed = data(await lead.emitWithAck('reflection:action', action));
    expect(agreed).toMatchObject({ status: 'open', overdue: false, due: today });
    await until('the agent sees version 3', () =>
      changed.agent.some((s) => s.id === id && s.version === 3),
    );
    await until('the lead sees version 3', () =>
      changed.lead.some((s) => s.id === id && s.version === 3),
    );
    const agentView = changed.agent.find((s) => s.version === 3)!;
    expect(agentView.notes.map((n) => n.text)).toEqual(['I thought I always summarised.']);
    expect(agentView.actions.map((a) => a.text)).toEqual([action.text]);
    expect(JSON.stringify(agentView)).not.toContain(PRIVATE_TEXT);
    // The agent's view counts shared observations only: 2 met on the close, not 3.
    const close = agentView.prep.items.find((i) => i.itemId === STRENGTH)!;
    expect(close.observed).toEqual({ positive: 2, negative: 0 });

    // Signing an older version is refused; each side signs the current one.
    const stale = await agent.emitWithAck('reflection:sign', { sessionId: id, version: 2 });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const leadSigned = data(
      await lead.emitWithAck('reflection:sign', { sessionId: id, version: 3 }),
    );
    expect(leadSigned).toMatchObject({ status: 'open', signedByAgentAt: null });
    expect(leadSigned.signedByLeadAt).not.toBeNull();
    // A change after one sign-off clears it: the agent's new note makes version 4.
    data(
      await agent.emitWithAck('reflection:note', {
        id: randomUUID(),
        sessionId: id,
        text: 'And next time I will.',
        at: iso(),
      }),
    );
    const v4 = data(await lead.emitWithAck('reflection:get', { sessionId: id }));
    expect(v4).toMatchObject({ version: 4, signedByLeadAt: null });
    data(await lead.emitWithAck('reflection:sign', { sessionId: id, version: 4 }));
    const signed = data(await agent.emitWithAck('reflection:sign', { sessionId: id, version: 4 }));
    expect(signed.status).toBe('signed');
    await until('the lead sees it signed', () =>
      changed.lead.some((s) => s.id === id && s.status === 'signed'),
    );
    // Nothing changes after both signed.
    const late = await agent.emitWithAck('reflection:note', {
      id: randomUUID(),
      sessionId: id,
      text: 'One more thing',
      at: iso(),
    });
    expect(late).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const lateAction = await lead.emitWithAck('reflection:action', { ...action, text: 'Changed' });
    expect(lateAction).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const lateSign = await lead.emitWithAck('reflection:sign', { sessionId: id, version: 4 });
    expect(lateSign).toMatchObject({ ok: false, error: { code: 'conflict' } });

    // The signed session is a record: evidence arriving later changes a new preparation, not it.
    const record = data(await lead.emitWithAck('reflection:get', { sessionId: id }));
    const greeting = (p: typeof prep) =>
      p.items.find((i) => i.itemId === LOW_CONFIDENCE)!.observed!;
    await observe(surveyedCall, LOW_CONFIDENCE, 'met');
    const fresh = data(await lead.emitWithAck('reflection:prepare', { agentId, days: 28 }));
    expect(total(greeting(fresh))).toBe(total(greeting(record.prep)) + 1);
    expect(data(await lead.emitWithAck('reflection:get', { sessionId: id }))).toEqual(record);
    expect(data(await agent.emitWithAck('reflection:get', { sessionId: id })).prep).toEqual(
      changed.agent.filter((s) => s.id === id).at(-1)!.prep,
    );
  });

  it('follows up actions: the agent’s reminders, overdue on the lead’s list, reviewed next time', async () => {
    const mine = data(await agent.emitWithAck('action:mine', {}));
    expect(mine.actions).toHaveLength(1);
    const [action] = mine.actions;
    expect(action).toMatchObject({ itemId: BLIND_SPOT, overdue: false });
    // No API moves a follow-up date into the past: the test ages it in the database.
    await withHubDatabase(hub.dataDir, (db) =>
      db
        .updateTable('reflection_actions')
        .set({ due: '2020-01-06' })
        .where('id', '=', action!.id)
        .execute(),
    );
    const list = data(await lead.emitWithAck('reflection:list', {}));
    expect(list.overdue).toEqual([
      expect.objectContaining({ id: action!.id, agentName: 'Ava Agent', overdue: true }),
    ]);
    expect(list.sessions.length).toBeGreaterThanOrEqual(2);
    expect(list.sessions).toContainEqual(
      expect.objectContaining({ agentName: 'Ava Agent', openActions: 1, overdueActions: 1 }),
    );
    const own = data(await agent.emitWithAck('reflection:list', {}));
    expect(own.overdue.map((a) => a.id)).toEqual([action!.id]);

    // The next session proposes to review it first, and marks it done there.
    const prep = data(await lead.emitWithAck('reflection:prepare', { agentId }));
    expect(prep.agenda[0]).toEqual({
      kind: 'review-action',
      itemId: BLIND_SPOT,
      actionId: action!.id,
    });
    const next = data(
      await lead.emitWithAck('reflection:start', {
        id: randomUUID(),
        agentId,
        agenda: prep.agenda,
      }),
    );
    expect(next.reviewed.map((a) => a.id)).toEqual([action!.id]);
    const reminders = new Promise<unknown>((resolve) => agent.once('action:changed', resolve));
    const done = data(
      await agent.emitWithAck('action:status', {
        actionId: action!.id,
        status: 'done',
        sessionId: next.id,
      }),
    );
    expect(done).toMatchObject({ status: 'done', overdue: false });
    expect(done.closedAt).not.toBeNull();
    expect(await reminders).toEqual({ actions: [] });
    const after = data(await lead.emitWithAck('reflection:get', { sessionId: next.id }));
    expect(after).toMatchObject({ version: 2, reviewed: [{ id: action!.id, status: 'done' }] });
    expect(data(await lead.emitWithAck('reflection:list', {})).overdue).toEqual([]);
    // Another team's lead cannot follow up this agent's actions.
    const nightLead = await connect(hub.url, (await signIn(hub.url, 'night-lead')).token);
    try {
      const res = await nightLead.emitWithAck('action:status', {
        actionId: action!.id,
        status: 'open',
      });
      expect(res).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    } finally {
      nightLead.close();
    }
  });

  it('coaches on behaviours, not scores: the agent’s client receives no numeric score at all', async () => {
    const teamId = 'team-demo';
    // The agent's open sidebar is told to fetch again what it shows.
    let profileChanged = 0;
    agent.on('profile:changed', () => profileChanged++);
    const setting = data(await lead.emitWithAck('team:settings', { teamId, behavioursOnly: true }));
    expect(setting).toMatchObject({ behavioursOnly: true, agentsSeeSurveys: true });
    await until('the agent’s sidebar hears its profile changed', () => profileChanged === 1);
    const byAgent = await agent.emitWithAck('team:settings', { teamId, behavioursOnly: false });
    expect(byAgent).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    try {
      // A fresh sidebar of the agent, and its second device, record every raw message.
      const me = await recording(hub.url, 'agent1');
      const other = await recording(hub.url, 'agent1');
      // The inbox replayed from the start (with the customer's survey response).
      const inbox = await InboxClient.open(hub.url, 'agent1', 0);
      try {
        expect(me.user.behavioursOnly).toBe(true);
        const boot = await me.ask(me.socket.emitWithAck('session:bootstrap', {}));
        expect(boot.user.behavioursOnly).toBe(true);
        expect(boot.recentCalls.some((c) => c.assessment?.status === 'submitted')).toBe(true);
        // A call with a self-assessment: acks here, call:changed on the other device.
        const call = await me.ask(
          me.socket.emitWithAck('call:start', {
            id: randomUUID(),
            callType: 'booking',
            startedAt: iso(-60_000),
          }),
        );
        await me.ask(me.socket.emitWithAck('call:end', { callId: call.id, endedAt: iso() }));
        const answers = Object.fromEntries(
          scorecardItemsFor(pack, 'booking').map((i) => [i.id, 'yes' as const]),
        );
        const assessed = await me.ask(
          me.socket.emitWithAck('assessment:submit', {
            id: randomUUID(),
            callId: call.id,
            status: 'submitted',
            answers,
            at: iso(),
          }),
        );
        expect(assessed.assessment).toMatchObject({ status: 'submitted', score: null });
        await until('the other device hears of the assessment', () =>
          other.received.some(
            (r) =>
              r.event === 'call:changed' &&
              (r.payload as { assessment: unknown }).assessment !== null,
          ),
        );
        await me.ask(me.socket.emitWithAck('call:list', { limit: 100 }));
        await me.ask(me.socket.emitWithAck('call:get', { callId: call.id }));
        const responses = await me.ask(me.socket.emitWithAck('survey:responses', {}));
        expect(responses.responses).toEqual([
          expect.objectContaining({ callId: surveyedCall, csat: null, effort: null, alert: false }),
        ]);
        await inbox.until(
          'the replayed survey response',
          () => inbox.of('survey-response').length > 0,
        );
        expect(inbox.of('survey-response')[0]!.response).toMatchObject({
          csat: null,
          alert: false,
        });

        // A session: the agent's copies (start, a note, get) carry findings and texts only.
        const prep = data(await lead.emitWithAck('reflection:prepare', { agentId }));
        expect(prep.behavioursOnly).toBe(true);
        const sessionId = randomUUID();
        data(
          await lead.emitWithAck('reflection:start', {
            id: sessionId,
            agentId,
            agenda: prep.agenda.filter((a) => a.kind !== 'review-action'),
          }),
        );
        await me.ask(
          me.socket.emitWithAck('reflection:note', {
            id: randomUUID(),
            sessionId,
            text: 'Noted.',
            at: iso(),
          }),
        );
        const view = await me.ask(me.socket.emitWithAck('reflection:get', { sessionId }));
        expect(view.prep.items.find((i) => i.itemId === BLIND_SPOT)).toEqual({
          itemId: BLIND_SPOT,
          area: 'process',
          finding: 'blind-spot',
          observations: expect.any(Array),
        });
        expect(view.prep.surveys).toEqual({ comments: [expect.objectContaining({})] });
        await me.ask(me.socket.emitWithAck('reflection:list', {}));
        await me.ask(me.socket.emitWithAck('action:mine', {}));
        await until('the agent hears of the session', () =>
          me.received.some((r) => r.event === 'reflection:changed'),
        );

        const raw = [
          ...me.received,
          ...other.received,
          ...inbox.received.map((m) => ({ event: 'inbox', payload: m })),
        ];
        expect(raw.length).toBeGreaterThan(10);
        expect(raw.flatMap((r) => numericScores(r.payload, r.event))).toEqual([]);

        // The lead's copies have every number.
        const leadView = data(await lead.emitWithAck('reflection:get', { sessionId }));
        expect(leadView.prep.items.find((i) => i.itemId === BLIND_SPOT)).toMatchObject({
          self: { positive: 5, negative: 0 },
          gap: expect.any(Number),
        });
        expect(leadView.prep.surveys).toMatchObject({ csat: 0, meanCsat: 2 });
        const leadCalls = data(await lead.emitWithAck('call:list', { agentId, limit: 100 }));
        expect(leadCalls.calls.find((c) => c.id === call.id)!.assessment!.score).toMatchObject({
          percent: 100,
        });
        const leadResponses = data(await lead.emitWithAck('survey:responses', { agentId }));
        expect(leadResponses.responses[0]).toMatchObject({ csat: 2, effort: 4, alert: true });
        const changedForLead = changed.lead.filter((s) => s.id === sessionId).at(-1)!;
        expect(numericScores(changedForLead).length).toBeGreaterThan(0);
      } finally {
        me.socket.close();
        other.socket.close();
        inbox.close();
      }
    } finally {
      data(await lead.emitWithAck('team:settings', { teamId, behavioursOnly: false }));
    }
    // Off again: the agent's numbers are back.
    const calls = data(await agent.emitWithAck('call:list', { limit: 1 })).calls;
    expect(calls[0]!.assessment!.score).not.toBeNull();
  });
});

describe('the demo’s reflective session', () => {
  let hub: RunningHub;
  beforeAll(async () => {
    hub = await startHub({ demo: true, demoHistory: true });
  });
  afterAll(() => hub?.dispose());

  it('shows the lead a blind spot, a strength and last session’s open action', async () => {
    const lead = await connect(hub.url, (await signIn(hub.url, 'lead')).token);
    const ava = await signIn(hub.url, 'agent1');
    try {
      const prep = data(
        await lead.emitWithAck('reflection:prepare', { agentId: ava.user.id, days: 28 }),
      );
      expect(prep).toMatchObject({ calls: 16, assessments: 16 });
      expect(prep.agenda.map((a) => [a.kind, a.itemId])).toEqual([
        ['review-action', 'proc-summarise'],
        ['blind-spot', 'proc-summarise'],
        ['strength', 'beh-tone'],
      ]);
      expect(prep.items.find((i) => i.itemId === 'proc-summarise')!.observations).toHaveLength(4);
      expect(prep.surveys.comments.length).toBeGreaterThan(0);
      // Some of her customers answered in Chinese.
      expect(prep.surveys.comments.some((c) => /[\u4e00-\u9fff]/.test(c.text))).toBe(true);
      const agent = await connect(hub.url, ava.token);
      try {
        expect(data(await agent.emitWithAck('action:mine', {})).actions).toHaveLength(1);
      } finally {
        agent.close();
      }
    } finally {
      lead.close();
    }
  });

  it('seeds a Taipei desk in Traditional Chinese and a Rīga team in Latvian', async () => {
    for (const [leadName, agentName, lang, observed, comment, action] of [
      ['taipei-lead', 'agent5', 'zh-TW', '整通電話語氣親切、沉穩。', '說明得很清楚', '複述日期'],
      ['riga-lead', 'agent6', 'lv', 'laipns, mierīgs tonis', 'Ātri un skaidri.', 'atkārtot'],
    ] as const) {
      const lead = await connect(hub.url, (await signIn(hub.url, leadName)).token);
      const desk = await signIn(hub.url, agentName);
      try {
        const prep = data(
          await lead.emitWithAck('reflection:prepare', { agentId: desk.user.id, days: 14 }),
        );
        expect(prep).toMatchObject({ calls: 6, assessments: 6 });
        expect(prep.agenda.map((a) => [a.kind, a.itemId])).toEqual([
          ['review-action', 'proc-summarise'],
          ['blind-spot', 'proc-summarise'],
          ['strength', 'beh-tone'],
        ]);
        const tone = prep.items.find((i) => i.itemId === 'beh-tone')!;
        expect(tone.observations.map((o) => o.text).join(' ')).toContain(observed);
        expect(prep.surveys.comments.map((c) => c.text).join(' ')).toContain(comment);
        const agent = await connect(hub.url, desk.token);
        try {
          const [open] = data(await agent.emitWithAck('action:mine', {})).actions;
          expect(open?.text).toContain(action);
        } finally {
          agent.close();
        }
      } finally {
        lead.close();
      }
      // Their default language, and the language of every note and answer.
      const stored = await withHubDatabase(hub.dataDir, async (db) => ({
        user: await db
          .selectFrom('users')
          .select('default_lang')
          .where('id', '=', desk.user.id)
          .executeTakeFirstOrThrow(),
        notes: await db
          .selectFrom('observations')
          .select('lang')
          .where('agent_id', '=', desk.user.id)
          .execute(),
        coaching: await db
          .selectFrom('coaching_notes')
          .select('lang')
          .where('agent_id', '=', desk.user.id)
          .execute(),
        answers: await db
          .selectFrom('survey_responses')
          .select('lang')
          .where('agent_id', '=', desk.user.id)
          .execute(),
      }));
      expect(stored.user.default_lang).toBe(lang);
      expect(stored.notes.length).toBe(6);
      expect(stored.coaching.length).toBe(1);
      expect(stored.answers.length).toBe(3);
      for (const row of [...stored.notes, ...stored.coaching, ...stored.answers])
        expect(row.lang).toBe(lang);
    }
  });
});

describe('follow-up dates in the hub’s time zone', () => {
  let hub: RunningHub;
  afterAll(() => hub?.dispose());

  it('takes today on the floor, not the UTC day, for follow-up dates and overdue', async () => {
    // A zone whose date differs from the UTC date right now: 12 hours behind, or 14 ahead.
    const dayIn = (timeZone: string, at = new Date()) =>
      new Intl.DateTimeFormat('en-CA', { timeZone, dateStyle: 'short' }).format(at);
    const utc = iso().slice(0, 10);
    const zone = dayIn('Etc/GMT+12') !== utc ? 'Etc/GMT+12' : 'Pacific/Kiritimati';
    const floorToday = dayIn(zone);
    expect(floorToday).not.toBe(utc);
    hub = await startHub({ demo: true, env: { TZ: zone } });
    const lead = await connect(hub.url, (await signIn(hub.url, 'lead')).token);
    const ava = await signIn(hub.url, 'agent1');
    try {
      const sessionId = randomUUID();
      data(
        await lead.emitWithAck('reflection:start', {
          id: sessionId,
          agentId: ava.user.id,
          agenda: [],
        }),
      );
      const action = (due: string) =>
        lead.emitWithAck('reflection:action', {
          id: randomUUID(),
          sessionId,
          text: 'Ask one open question first',
          itemId: null,
          owner: 'agent',
          due,
        });
      // Due today on the floor: accepted, and not overdue.
      expect(data(await action(floorToday))).toMatchObject({ due: floorToday, overdue: false });
      // The day before the floor's today is in the past, whatever the UTC day is.
      const yesterday = dayIn(zone, new Date(Date.now() - 86_400_000));
      expect(await action(yesterday)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    } finally {
      lead.close();
    }
  });
});

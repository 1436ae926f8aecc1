// Calibration on real parts: a demo hub process (SQLite file, or PostgreSQL in the postgres
// project) and socket.io clients for the quality manager (facilitator), three participants
// (two evaluators and a lead), a lead of another team and an agent. Every payload a participant's
// client receives before the reveal (acknowledgements and server events) is kept and searched
// for anything of another participant's sheet and for the agent's name.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  scorecardItemsFor,
  type AckResponse,
  type Answer,
  type CalibrationCreate,
  type CalibrationOpened,
  type StandardsPack,
} from '@sidecoach/shared';
import { data } from './support/calls.js';
import { userIdOf, withHubDatabase } from './support/database.js';
import {
  signedInSockets,
  startHub,
  type HubSocket,
  type RunningHub,
} from './support/hub-process.js';

const code = (r: AckResponse<unknown>) => (r.ok ? 'ok' : r.error.code);
const refusal = (r: AckResponse<unknown>) => (r.ok ? null : r.error);
const DAY = 86_400_000;
const PARTICIPANTS = ['supervisor', 'night-supervisor', 'lead'] as const;
/** The demo's subjective item (the demo's history disagreed on it twice). */
const TONE = 'beh-tone';

describe('calibration', () => {
  let hub: RunningHub;
  const sockets = signedInSockets(() => hub);
  const s: Record<string, HubSocket> = {};
  const ids: Record<string, string> = {};
  /** What each participant's client received of calibration: server events and acknowledgements. */
  const received: Record<string, unknown[]> = {};
  let pack: StandardsPack;
  let callId: string;
  let callType: string;
  let sessionId: string;

  /** Sends and keeps the acknowledgement among what the user's client received. */
  async function send<E extends Parameters<HubSocket['emitWithAck']>[0]>(
    who: string,
    event: E,
    payload: Parameters<HubSocket['emitWithAck']>[1],
  ) {
    const res = await (s[who]!.emitWithAck as (e: E, p: unknown) => Promise<AckResponse<unknown>>)(
      event,
      payload,
    );
    received[who]?.push(res);
    return res;
  }

  const answersFor = (over: Record<string, Answer> = {}): Record<string, Answer> => ({
    ...Object.fromEntries(scorecardItemsFor(pack, callType).map((i) => [i.id, 'yes'])),
    ...over,
  });

  const session = (over: Partial<CalibrationCreate> = {}): CalibrationCreate => ({
    id: randomUUID(),
    title: 'Calibration under test',
    callId,
    participantIds: PARTICIPANTS.map((p) => ids[p]!),
    deadline: new Date(Date.now() + DAY).toISOString(),
    ...over,
  });

  beforeAll(async () => {
    hub = await startHub({ demo: true, demoHistory: true });
    for (const name of ['quality', ...PARTICIPANTS, 'night-lead', 'agent1', 'agent4']) {
      ids[name] = await userIdOf(hub.dataDir, name);
      s[name] = await sockets.open(name);
      received[name] = [];
      // Every calibration event (a coach's floor events name agents, as they should).
      s[name].onAny((event: string, payload: unknown) => {
        if (event.startsWith('calibration:')) received[name]!.push({ event, payload });
      });
    }
    pack = data(await s.agent1!.emitWithAck('session:bootstrap', {})).pack;
    const setup = data(await s.quality!.emitWithAck('calibration:setup', {}));
    // An ended call of Ava's no session calibrated yet (the demo calibrated three).
    const call = setup.calls.find((c) => c.agentName === 'Ava Agent' && c.sessions === 0);
    if (!call)
      throw new Error(`no call to calibrate in ${JSON.stringify(setup.calls.slice(0, 5))}`);
    callId = call.callId;
    callType = call.callType;
  });

  afterAll(async () => {
    sockets.closeAll();
    await hub?.dispose();
  });

  it('offers facilitators calls and people, and nobody else', async () => {
    const setup = data(await s.quality!.emitWithAck('calibration:setup', {}));
    expect(setup.versions).toContain(pack.version);
    expect(setup.people.map((p) => p.name)).toEqual(
      expect.arrayContaining(['Sam Supervisor', 'Lina Lead', 'Quinn Quality']),
    );
    expect(setup.people.some((p) => p.role === 'agent')).toBe(false);
    // Evaluators first.
    expect(setup.people[0]!.evaluator).toBe(true);
    expect(code(await s.supervisor!.emitWithAck('calibration:setup', {}))).toBe('forbidden');
    expect(code(await s.agent1!.emitWithAck('calibration:setup', {}))).toBe('forbidden');
    // A lead is offered the calls of the agents they coach only.
    const night = data(await s['night-lead']!.emitWithAck('calibration:setup', {}));
    expect(night.calls.some((c) => c.agentName === 'Ava Agent')).toBe(false);
  });

  it('refuses sessions that cannot be run, each with a reason', async () => {
    expect(code(await s.supervisor!.emitWithAck('calibration:create', session()))).toBe(
      'forbidden',
    );
    expect(code(await s['night-lead']!.emitWithAck('calibration:create', session()))).toBe(
      'forbidden',
    );
    expect(
      refusal(
        await s.quality!.emitWithAck(
          'calibration:create',
          session({ participantIds: [ids.supervisor!, ids.agent1!] }),
        ),
      ),
    ).toMatchObject({ code: 'bad_request', message: expect.stringContaining('own agent') });
    expect(
      refusal(
        await s.quality!.emitWithAck(
          'calibration:create',
          session({ participantIds: [ids.supervisor!, ids.agent4!] }),
        ),
      ),
    ).toMatchObject({ code: 'bad_request', problems: [`participant:${ids.agent4}`] });
    expect(
      refusal(
        await s.quality!.emitWithAck(
          'calibration:create',
          session({ deadline: new Date(Date.now() - 60_000).toISOString() }),
        ),
      ),
    ).toMatchObject({ code: 'bad_request', message: expect.stringContaining('deadline') });
    expect(
      code(await s.quality!.emitWithAck('calibration:create', session({ packVersion: 999 }))),
    ).toBe('not_found');
    expect(
      code(
        await s.quality!.emitWithAck('calibration:create', {
          ...session(),
          participantIds: [ids.lead!, ids.lead!],
        }),
      ),
    ).toBe('bad_request');
  });

  it('creates a session once, told to everyone on it without an answer', async () => {
    const input = session();
    sessionId = input.id;
    const created = data(await s.quality!.emitWithAck('calibration:create', input));
    expect(created).toMatchObject({
      status: 'open',
      callId,
      packVersion: pack.version,
      facilitatorName: 'Quinn Quality',
      benchmarked: 0,
    });
    expect(created.participants.map((p) => p.submittedAt)).toEqual([null, null, null]);
    // Creating again (a retry) answers the same session.
    expect(data(await s.quality!.emitWithAck('calibration:create', input)).id).toBe(sessionId);
    expect(
      data(await s.quality!.emitWithAck('calibration:list', {})).sessions.filter(
        (x) => x.id === sessionId,
      ),
    ).toHaveLength(1);
    expect(
      data(await s.supervisor!.emitWithAck('calibration:list', {})).sessions.map((x) => x.id),
    ).toContain(sessionId);
    expect(data(await s.agent1!.emitWithAck('calibration:list', {})).sessions).toEqual([]);
  });

  it('keeps scoring blind: the call without its agent, nobody else’s sheet before the reveal', async () => {
    const opened = data(
      (await send('supervisor', 'calibration:open', {
        sessionId,
      })) as AckResponse<CalibrationOpened>,
    );
    expect(opened).toMatchObject({ mine: null, reveal: null, can: { score: true, reveal: false } });
    expect(opened.call.callType).toBe(callType);
    // A sheet that does not answer every item is refused on submit, kept as a draft.
    const partial = { [TONE]: 'no' as Answer };
    expect(
      refusal(
        await send('supervisor', 'calibration:save', {
          sessionId,
          answers: partial,
          submit: true,
        }),
      ),
    ).toMatchObject({
      code: 'bad_request',
      problems: expect.arrayContaining(['missing:proc-close']),
    });
    expect(
      code(
        await send('supervisor', 'calibration:save', {
          sessionId,
          answers: { 'no-such-item': 'yes' },
          submit: false,
        }),
      ),
    ).toBe('bad_request');
    // Sam submits, with a comment only his sheet holds.
    const samSaved = data(
      (await send('supervisor', 'calibration:save', {
        sessionId,
        answers: answersFor({ [TONE]: 'no' }),
        comments: { [TONE]: 'SAM-ONLY flat tone at the close' },
        submit: true,
      })) as AckResponse<CalibrationOpened>,
    );
    expect(samSaved.mine).toMatchObject({
      answers: { [TONE]: 'no' },
      submittedAt: expect.any(String),
    });
    expect(samSaved.mine!.score!.percent).toBeLessThan(100);
    // Nia, Lina and the facilitator see that Sam submitted, not what.
    for (const who of ['night-supervisor', 'lead', 'quality']) {
      const theirs = data(
        (await send(who, 'calibration:open', { sessionId })) as AckResponse<CalibrationOpened>,
      );
      expect(theirs.reveal).toBeNull();
      expect(
        theirs.session.participants.find((p) => p.userId === ids.supervisor)!.submittedAt,
      ).not.toBeNull();
      if (who !== 'quality') expect(theirs.mine).toBeNull();
    }
    data(
      await send('night-supervisor', 'calibration:save', {
        sessionId,
        answers: answersFor({ [TONE]: 'yes' }),
        comments: { [TONE]: 'NIA-ONLY warm enough' },
        submit: true,
      }),
    );
    // Two of three in, the deadline tomorrow: not yet, and only the facilitator may.
    expect(
      refusal(await s.quality!.emitWithAck('calibration:reveal', { sessionId })),
    ).toMatchObject({ code: 'conflict', message: expect.stringContaining('Lina Lead') });
    expect(code(await send('supervisor', 'calibration:reveal', { sessionId }))).toBe('forbidden');
    // Every payload each participant's client has received so far.
    const secrets = { supervisor: 'NIA-ONLY', 'night-supervisor': 'SAM-ONLY', lead: 'ONLY' };
    for (const who of PARTICIPANTS) {
      const text = JSON.stringify(received[who]);
      expect(received[who]!.length).toBeGreaterThan(0);
      expect(text).not.toContain(secrets[who]);
      expect(text).not.toContain('Ava Agent');
      expect(text).not.toContain(ids.agent1!);
      expect(text).not.toMatch(/"reveal":\{/u);
    }
  });

  it('reveals once everyone submitted: every sheet and the figures, to everyone on it', async () => {
    data(
      await send('lead', 'calibration:save', {
        sessionId,
        answers: answersFor({ [TONE]: 'no' }),
        submit: true,
      }),
    );
    const before = received['night-supervisor']!.length;
    const revealed = data(await s.quality!.emitWithAck('calibration:reveal', { sessionId }));
    expect(revealed.session.status).toBe('revealed');
    expect(revealed.can).toMatchObject({
      score: false,
      reveal: false,
      benchmark: true,
      close: true,
    });
    // Revealing again changes nothing.
    expect(
      data(await s.quality!.emitWithAck('calibration:reveal', { sessionId })).session.revealedAt,
    ).toBe(revealed.session.revealedAt);
    const nia = data(
      (await send('night-supervisor', 'calibration:open', {
        sessionId,
      })) as AckResponse<CalibrationOpened>,
    );
    expect(nia.reveal!.sheets.map((x) => x.name).sort()).toEqual(
      ['Lina Lead', 'Nia Supervisor', 'Sam Supervisor'].sort(),
    );
    expect(nia.reveal!.sheets.find((x) => x.userId === ids.supervisor)!.comments[TONE]).toContain(
      'SAM-ONLY',
    );
    const tone = nia.reveal!.figures.items.find((i) => i.itemId === TONE)!;
    expect(tone.counts).toEqual({ yes: 1, no: 2, na: 0, missing: 0 });
    // Three raters: one pair of three agrees on the tone.
    expect(tone.percentAgreement).toBeCloseTo(1 / 3, 10);
    // Disagreement first.
    expect(nia.reveal!.figures.items[0]!.itemId).toBe(TONE);
    expect(nia.reveal!.figures.raters).toBe(3);
    expect(nia.reveal!.figures.cohenKappa).toBeNull();
    // The participants were told (the session only).
    expect(received['night-supervisor']!.slice(before)).toContainEqual(
      expect.objectContaining({ event: 'calibration:changed' }),
    );
    // The answers are final.
    expect(
      refusal(
        await send('supervisor', 'calibration:save', {
          sessionId,
          answers: answersFor(),
          submit: true,
        }),
      ),
    ).toMatchObject({ code: 'conflict', message: expect.stringContaining('revealed') });
  });

  it('records benchmarks with a note kept as the item’s guidance for evaluators', async () => {
    expect(
      code(
        await send('supervisor', 'calibration:benchmark', {
          sessionId,
          itemId: TONE,
          answer: 'no',
        }),
      ),
    ).toBe('forbidden');
    expect(
      refusal(
        await s.quality!.emitWithAck('calibration:benchmark', {
          sessionId,
          itemId: 'no-such-item',
          answer: 'yes',
        }),
      ),
    ).toMatchObject({ code: 'bad_request', problems: ['unknown:no-such-item'] });
    const note = 'Warm: the agent uses the customer’s name and thanks them, under test.';
    for (const item of scorecardItemsFor(pack, callType))
      data(
        await s.quality!.emitWithAck('calibration:benchmark', {
          sessionId,
          itemId: item.id,
          answer: item.id === TONE ? 'no' : 'yes',
          note: item.id === TONE ? note : '',
        }),
      );
    const opened = data(await s.quality!.emitWithAck('calibration:open', { sessionId }));
    expect(opened.session.benchmarked).toBe(scorecardItemsFor(pack, callType).length);
    expect(opened.guidance[TONE]).toBe(note);
    const figures = opened.reveal!.figures;
    expect(figures.items.find((i) => i.itemId === TONE)).toMatchObject({ benchmark: 'no', note });
    const nia = figures.participants.find((p) => p.userId === ids['night-supervisor'])!;
    expect(nia).toMatchObject({
      itemsOff: 1,
      itemsCompared: scorecardItemsFor(pack, callType).length,
    });
    expect(nia.scorePoints).toBeGreaterThan(0);
    expect(figures.participants.find((p) => p.userId === ids.supervisor)!.scorePoints).toBe(0);
    // An evaluator opening any call on this scorecard version reads the note beside the item.
    const evaluated = data(await s.quality!.emitWithAck('qa:open', { callId }));
    expect(evaluated.guidance[TONE]).toBe(note);
  });

  it('closes the session: benchmarks final', async () => {
    expect(code(await s.lead!.emitWithAck('calibration:close', { sessionId }))).toBe('forbidden');
    expect(
      data(await s.quality!.emitWithAck('calibration:close', { sessionId })).session.status,
    ).toBe('closed');
    expect(
      code(
        await s.quality!.emitWithAck('calibration:benchmark', {
          sessionId,
          itemId: TONE,
          answer: 'yes',
        }),
      ),
    ).toBe('conflict');
  });

  it('reveals after the deadline with the sheets in, and refuses the latecomer', async () => {
    const late = session({ title: 'Deadline under test' });
    data(await s.quality!.emitWithAck('calibration:create', late));
    for (const who of ['supervisor', 'night-supervisor'])
      data(
        await s[who]!.emitWithAck('calibration:save', {
          sessionId: late.id,
          answers: answersFor(),
          submit: true,
        }),
      );
    await withHubDatabase(hub.dataDir, (db) =>
      db
        .updateTable('calibration_sessions')
        .set({ deadline: new Date(Date.now() - 60_000).toISOString() })
        .where('id', '=', late.id)
        .execute(),
    );
    const opened = data(await s.quality!.emitWithAck('calibration:open', { sessionId: late.id }));
    expect(opened.can.reveal).toBe(true);
    const revealed = data(
      await s.quality!.emitWithAck('calibration:reveal', { sessionId: late.id }),
    );
    expect(revealed.reveal!.sheets).toHaveLength(2);
    // Every answer alike: agreement 1, the chance-corrected figures undefined, and why.
    expect(revealed.reveal!.figures.percentAgreement).toBe(1);
    expect(revealed.reveal!.figures.krippendorffAlpha).toEqual({
      value: null,
      undefinedBecause: 'one-category',
    });
    expect(revealed.reveal!.figures.cohenKappa).toMatchObject({ value: null });
    expect(
      code(
        await s.lead!.emitWithAck('calibration:save', {
          sessionId: late.id,
          answers: answersFor(),
          submit: true,
        }),
      ),
    ).toBe('conflict');
  });

  it('shows only the people on a session what is in it', async () => {
    for (const who of ['agent1', 'night-lead'])
      expect(code(await s[who]!.emitWithAck('calibration:open', { sessionId }))).toBe('forbidden');
    expect(code(await s.quality!.emitWithAck('calibration:open', { sessionId: 'nope' }))).toBe(
      'not_found',
    );
    expect(code(await s.agent1!.emitWithAck('calibration:trends', {}))).toBe('forbidden');
  });

  it('reports agreement over time: the demo’s tone item flagged, each evaluator against the benchmark', async () => {
    const trends = data(await s.quality!.emitWithAck('calibration:trends', {}));
    // The demo's two revealed sessions and the two above, oldest first.
    expect(trends.sessions.length).toBeGreaterThanOrEqual(4);
    const times = trends.sessions.map((x) => x.revealedAt);
    expect([...times].sort()).toEqual(times);
    const tone = trends.items.find((i) => i.itemId === TONE)!;
    expect(tone.flagged).toBe(true);
    expect(tone.sessions).toBeGreaterThanOrEqual(3);
    expect(trends.items.find((i) => i.itemId === 'proc-close')!.flagged).toBe(false);
    expect(trends.evaluators.map((e) => e.name)).toEqual(
      expect.arrayContaining(['Sam Supervisor', 'Nia Supervisor', 'Lina Lead']),
    );
    // A supervisor reads their own line only.
    const own = data(await s.supervisor!.emitWithAck('calibration:trends', {}));
    expect(own.evaluators.map((e) => e.userId)).toEqual([ids.supervisor]);
  });

  it('never counts toward the agent’s results', async () => {
    const evaluations = await withHubDatabase(hub.dataDir, (db) =>
      db.selectFrom('qa_evaluations').select('id').where('call_id', '=', callId).execute(),
    );
    expect(evaluations).toEqual([]);
    const mine = data(await s.agent1!.emitWithAck('qa:mine', {}));
    expect(mine.evaluations.some((e) => e.callId === callId)).toBe(false);
    const call = data(await s.agent1!.emitWithAck('call:get', { callId }));
    expect(JSON.stringify(call)).not.toContain('calibration');
    expect(data(await s.quality!.emitWithAck('qa:open', { callId })).evaluation).toBeNull();
  });
});

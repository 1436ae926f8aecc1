// Quality monitoring on real parts: a hub process (SQLite file, or PostgreSQL in the postgres
// project), socket.io clients for the quality manager, evaluators, coaches and agents, and QA
// results imported over HTTP. Calls are made through the hub's own API, backdated into last
// week so the whole week can be drawn.
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addDays,
  localDate,
  qaPeriodOf,
  qaSlots,
  scorecardItemsFor,
  scoreScorecard,
  type AckResponse,
  type Answer,
  type CallRecord,
  type Evaluation,
  type QaAssignment,
  type QaPlanSave,
  type StandardsPack,
} from '@sidecoach/shared';
import { data, iso, observeItem } from './support/calls.js';
import { postCti } from './support/surveys.js';
import { userIdOf, withHubDatabase } from './support/database.js';
import {
  connect,
  signIn,
  startHub,
  type HubSocket,
  type RunningHub,
} from './support/hub-process.js';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** Items of the test pack with the scorecard settings under test (booking calls). */
const NO_NA = 'proc-verify-identity'; // N/A not allowed (and critical)
const COMMENT_ON_NO = 'proc-summarise'; // a "no" needs a comment
const DISPUTED = 'proc-close';

const code = (r: AckResponse<unknown>) => (r.ok ? 'ok' : r.error.code);
const refusal = (r: AckResponse<unknown>) => (r.ok ? null : r.error);

/** The default pack with two items set as the scorecard builder would: no N/A, a comment on no. */
async function testStandards(dir: string): Promise<string> {
  const pack = parse(await readFile(join(repoRoot, 'assets/standards/default.yaml'), 'utf8')) as {
    areas: { items: Record<string, unknown>[] }[];
  };
  for (const item of pack.areas.flatMap((a) => a.items)) {
    if (item.id === NO_NA) item.naAllowed = false;
    if (item.id === COMMENT_ON_NO) item.commentOnNo = true;
  }
  const folder = join(dir, 'standards');
  await mkdir(folder);
  await writeFile(join(folder, 'default.yaml'), stringify(pack));
  return folder;
}

describe('quality monitoring', () => {
  let dir: string;
  let hub: RunningHub;
  let pack: StandardsPack;
  let zone: string;
  const ids: Record<string, string> = {};
  const s: Record<string, HubSocket> = {};
  const changed: Record<string, Evaluation[]> = {};
  /** Last week in the team's zone, split in two slots by the plan. */
  let week: ReturnType<typeof qaPeriodOf>;
  let slots: ReturnType<typeof qaSlots>;
  const calls: Record<string, CallRecord[]> = {};

  /** An ended call of the agent, started at the given instant. */
  async function callAt(agent: HubSocket, at: number, callType = 'booking', durationMs = 240_000) {
    const id = randomUUID();
    data(
      await agent.emitWithAck('call:start', {
        id,
        callType,
        startedAt: new Date(at).toISOString(),
      }),
    );
    return data(
      await agent.emitWithAck('call:end', {
        callId: id,
        endedAt: new Date(at + durationMs).toISOString(),
      }),
    );
  }

  /** Every scorecard item of a booking call answered yes, with some changed. */
  const answersFor = (
    callType: string,
    over: Record<string, Answer> = {},
  ): Record<string, Answer> => ({
    ...Object.fromEntries(scorecardItemsFor(pack, callType).map((i) => [i.id, 'yes'])),
    ...over,
  });

  const plan = (over: Partial<QaPlanSave> = {}): QaPlanSave => ({
    teamId: 'team-demo',
    perAgent: 2,
    period: 'week',
    evaluatorIds: [ids['night-supervisor']!],
    dailyCap: 10,
    disputeDays: 7,
    arbitratorId: ids.lead!,
    ...over,
  });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sidecoach-qa-'));
    hub = await startHub({ demo: true, extraArgs: ['--standards-dir', await testStandards(dir)] });
    for (const name of [
      'quality',
      'lead',
      'supervisor',
      'night-supervisor',
      'night-lead',
      'agent1',
      'agent2',
      'agent3',
      'agent4',
    ])
      ids[name] = await userIdOf(hub.dataDir, name);
    const admin = await connect(hub.url, (await signIn(hub.url, 'quality')).token);
    s.quality = admin;
    // Permissions first: a change of rights closes the holder's sockets.
    for (const [user, permission] of [
      ['night-supervisor', 'evaluator'],
      ['supervisor', 'evaluator'],
      ['lead', 'arbitrator'],
    ] as const)
      data(
        await admin.emitWithAck('admin:permission', {
          userId: ids[user]!,
          permission,
          granted: true,
        }),
      );
    for (const name of Object.keys(ids).filter((n) => n !== 'quality')) {
      s[name] = await connect(hub.url, (await signIn(hub.url, name)).token);
      changed[name] = [];
      s[name].on('qa:changed', (e) => changed[name]!.push(e));
    }
    pack = data(await s.agent1!.emitWithAck('session:bootstrap', {})).pack;
    const team = data(await admin.emitWithAck('admin:teams', {})).teams.find(
      (t) => t.id === 'team-demo',
    )!;
    zone = team.timeZone;
    week = qaPeriodOf(addDays(localDate(new Date(), zone), -7), 'week', zone);
    slots = qaSlots(week, 2);
    const [one, two] = slots.map((slot) => Date.parse(slot.from) + 3_600_000);
    // agent1: three calls in the first half of last week, two in the second; agent2: two in
    // the first half only; agent3: none; agent4 (night shift): one in each half.
    calls.agent1 = [
      await callAt(s.agent1!, one!),
      await callAt(s.agent1!, one! + 3_600_000, 'booking', 30_000),
      await callAt(s.agent1!, one! + 7_200_000),
      await callAt(s.agent1!, two!),
      await callAt(s.agent1!, two! + 3_600_000),
    ];
    calls.agent2 = [await callAt(s.agent2!, one!), await callAt(s.agent2!, one! + 60_000)];
    calls.agent4 = [await callAt(s.agent4!, one!), await callAt(s.agent4!, two!)];
  });

  afterAll(async () => {
    for (const socket of Object.values(s)) socket.close();
    await hub?.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('lets only quality managers save plans, with evaluators and an arbitrator who may be', async () => {
    expect(code(await s.lead!.emitWithAck('qa:plan-save', plan()))).toBe('forbidden');
    expect(
      refusal(await s.quality!.emitWithAck('qa:plan-save', plan({ evaluatorIds: [ids.lead!] }))),
    ).toMatchObject({
      code: 'bad_request',
      message: `not active users with the evaluator permission: ${ids.lead}`,
    });
    expect(
      refusal(
        await s.quality!.emitWithAck('qa:plan-save', plan({ arbitratorId: ids.supervisor! })),
      ),
    ).toMatchObject({ code: 'bad_request', message: expect.stringContaining('arbitrator') });
    expect(
      code(await s.quality!.emitWithAck('qa:plan-save', plan({ teamId: 'team-nowhere' }))),
    ).toBe('not_found');
    expect(
      code(
        await s.quality!.emitWithAck('qa:plan-save', {
          ...plan(),
          filters: { minDurationSec: 60, maxDurationSec: 30 },
        }),
      ),
    ).toBe('bad_request');
    const first = data(await s.quality!.emitWithAck('qa:plan-save', plan({ dailyCap: 1 })));
    expect(first).toMatchObject({
      teamId: 'team-demo',
      teamName: 'Demo team',
      perAgent: 2,
      evaluatorIds: [ids['night-supervisor']],
      arbitratorId: ids.lead,
      active: true,
      updatedBy: ids.quality,
    });
    expect(first.seed).toMatch(/^[0-9a-f-]{36}$/);
    const edited = data(await s.quality!.emitWithAck('qa:plan-save', plan()));
    expect(edited).toMatchObject({ dailyCap: 10, seed: first.seed });
    data(
      await s.quality!.emitWithAck(
        'qa:plan-save',
        plan({
          teamId: 'team-night',
          evaluatorIds: [ids.supervisor!],
          arbitratorId: null,
          perAgent: 1,
        }),
      ),
    );
    const audit = data(await s.quality!.emitWithAck('admin:audit', { targetId: 'team-demo' }));
    expect(audit.entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(['qa-plan.create', 'qa-plan.update']),
    );
    // Leads read their own team's plan; the evaluator the plans they are in; agents none.
    const team = (socket: HubSocket) =>
      socket.emitWithAck('qa:plans', {}).then((r) => data(r).plans.map((p) => p.teamId));
    expect(await team(s.lead!)).toEqual(['team-demo']);
    expect(await team(s['night-lead']!)).toEqual(['team-night']);
    expect((await team(s['night-supervisor']!)).sort()).toEqual(['team-demo', 'team-night']);
    expect((await team(s.quality!)).sort()).toEqual(['team-demo', 'team-night']);
    expect(code(await s.agent1!.emitWithAck('qa:plans', {}))).toBe('forbidden');
  });

  let drawn: QaAssignment[] = [];

  it('draws one call per agent and slot, with why, and a re-draw keeps what was drawn', async () => {
    expect(
      code(await s.lead!.emitWithAck('qa:draw', { teamId: 'team-demo', day: week.from })),
    ).toBe('forbidden');
    const result = data(
      await s.quality!.emitWithAck('qa:draw', { teamId: 'team-demo', day: addDays(week.from, 3) }),
    );
    // agent1 both slots, agent2 the first; agent2's second and agent3's two are empty.
    expect(result.kept).toBe(0);
    expect(result.empty).toBe(3);
    drawn = result.drawn;
    expect(drawn.map((a) => `${a.agentId} ${a.reason.slot}`).sort()).toEqual(
      [`${ids.agent1} 1`, `${ids.agent1} 2`, `${ids.agent2} 1`].sort(),
    );
    for (const a of drawn) {
      const slot = slots[a.reason.slot - 1]!;
      expect(a).toMatchObject({
        teamId: 'team-demo',
        periodFrom: week.from,
        evaluatorId: ids['night-supervisor'],
        evaluatorName: 'Nia Supervisor',
        status: 'open',
        evaluationId: null,
        due:
          localDate(new Date(Date.parse(slot.to) - 1), zone) > localDate(new Date(), zone)
            ? localDate(new Date(Date.parse(slot.to) - 1), zone)
            : localDate(new Date(), zone),
      });
      expect(a.reason).toMatchObject({ slotFrom: slot.from, slotTo: slot.to, flagged: false });
      expect(a.callStartedAt >= slot.from && a.callStartedAt < slot.to).toBe(true);
    }
    expect(
      drawn.find((a) => a.agentId === ids.agent1 && a.reason.slot === 1)!.reason.eligible,
    ).toBe(3);
    // agent2's second half gets a call: only that slot is drawn now.
    const late = await callAt(s.agent2!, Date.parse(slots[1]!.from) + 7_200_000);
    const again = data(
      await s.quality!.emitWithAck('qa:draw', { teamId: 'team-demo', day: week.from }),
    );
    expect(again).toMatchObject({ kept: 3, empty: 2 });
    expect(again.drawn.map((a) => [a.agentId, a.callId])).toEqual([[ids.agent2, late.id]]);
    drawn.push(...again.drawn);
    // Two draws at once store one draw.
    const [x, y] = await Promise.all([
      s.quality!.emitWithAck('qa:draw', { teamId: 'team-night', day: week.from }),
      s.quality!.emitWithAck('qa:draw', { teamId: 'team-night', day: week.from }),
    ]);
    expect(data(x).drawn.length + data(y).drawn.length).toBe(1);
    expect(data(x).kept + data(y).kept).toBe(1);
    const night = data(await s.quality!.emitWithAck('qa:queue', { teamId: 'team-night' }));
    expect(night.assignments).toHaveLength(1);
    expect(night.assignments[0]).toMatchObject({
      agentId: ids.agent4,
      evaluatorId: ids.supervisor,
    });
  });

  it('queues each evaluator’s assignments, due first; leads read their team’s draws', async () => {
    const mine = data(await s['night-supervisor']!.emitWithAck('qa:queue', {})).assignments;
    expect(mine.map((a) => a.id).sort()).toEqual(drawn.map((a) => a.id).sort());
    expect(mine.map((a) => a.due)).toEqual([...mine.map((a) => a.due)].sort());
    const team = data(await s.lead!.emitWithAck('qa:queue', { teamId: 'team-demo' })).assignments;
    expect(team).toHaveLength(4);
    expect(team.every((a) => a.reason.seed.length > 0)).toBe(true);
    expect(code(await s.lead!.emitWithAck('qa:queue', { teamId: 'team-night' }))).toBe('forbidden');
    expect(
      code(await s['night-supervisor']!.emitWithAck('qa:queue', { evaluatorId: ids.supervisor! })),
    ).toBe('forbidden');
    expect(code(await s.agent1!.emitWithAck('qa:queue', {}))).toBe('forbidden');
    const looked = data(
      await s.quality!.emitWithAck('qa:queue', { evaluatorId: ids['night-supervisor']! }),
    );
    expect(looked.assignments).toHaveLength(4);
  });

  /** The drawn assignment of an agent's slot. */
  const assignment = (agent: string, slot: number) =>
    drawn.find((a) => a.agentId === ids[agent] && a.reason.slot === slot)!;

  const save = (
    socket: HubSocket,
    a: Pick<QaAssignment, 'id' | 'callId'> | { id: null; callId: string },
    answers: Record<string, Answer>,
    over: { id?: string; submit?: boolean; comments?: Record<string, string> } = {},
  ) =>
    socket.emitWithAck('qa:save', {
      id: over.id ?? randomUUID(),
      callId: a.callId,
      assignmentId: a.id,
      answers,
      comments: over.comments ?? {},
      tips: 'Recap the booking before closing.',
      lang: 'en',
      submit: over.submit ?? true,
    });

  /** An assignment evaluated (these answers on a booking, the rest yes) and released. */
  async function released(a: QaAssignment, over: Record<string, Answer>) {
    const comments: Record<string, string> =
      over[COMMENT_ON_NO] === 'no' ? { [COMMENT_ON_NO]: 'No recap.' } : {};
    const e = data(
      await save(s['night-supervisor']!, a, answersFor('booking', over), { comments }),
    );
    return data(await s['night-supervisor']!.emitWithAck('qa:release', { evaluationId: e.id }));
  }

  it('opens a call with every channel’s facts and the pack version it is scored with', async () => {
    // A call of this week: ticked, self-assessed, observed, flagged, recorded by the PBX.
    const pbxId = `pbx-${randomUUID()}`;
    const callId = randomUUID();
    data(
      await s.agent1!.emitWithAck('call:start', {
        id: callId,
        callType: 'booking',
        startedAt: iso(-120_000),
        source: 'cti',
        externalId: pbxId,
      }),
    );
    data(
      await s.agent1!.emitWithAck('call:tick', {
        callId,
        itemId: 'proc-greeting',
        checked: true,
        at: iso(),
      }),
    );
    const recordingUrl = `https://pbx.example.test/rec/${pbxId}.wav`;
    await postCti(hub, '1001', { kind: 'ended', callId: pbxId, recordingUrl });
    await expect
      .poll(async () => data(await s.agent1!.emitWithAck('call:get', { callId })).endedAt)
      .not.toBeNull();
    data(
      await s.agent1!.emitWithAck('assessment:submit', {
        id: randomUUID(),
        callId,
        status: 'submitted',
        answers: answersFor('booking', { [COMMENT_ON_NO]: 'no' }),
        at: iso(),
      }),
    );
    await observeItem(s.supervisor!, {
      agentId: ids.agent1!,
      callId,
      itemId: COMMENT_ON_NO,
      verdict: 'missed',
      text: 'No recap of the dates.',
    });
    expect(code(await s['night-lead']!.emitWithAck('qa:flag', { callId }))).toBe('forbidden');
    expect(code(await s.agent1!.emitWithAck('qa:flag', { callId }))).toBe('forbidden');
    // Without `flagged` it only reads the state (the observe view shows it when it opens).
    expect(data(await s.supervisor!.emitWithAck('qa:flag', { callId }))).toEqual({
      callId,
      flagged: false,
    });
    expect(
      data(
        await s.supervisor!.emitWithAck('qa:flag', {
          callId,
          note: 'Listen to this',
          flagged: true,
        }),
      ),
    ).toEqual({
      callId,
      flagged: true,
    });
    expect(data(await s.lead!.emitWithAck('qa:flag', { callId }))).toEqual({
      callId,
      flagged: true,
    });
    const opened = data(await s['night-supervisor']!.emitWithAck('qa:open', { callId }));
    expect(opened.facts).toMatchObject({
      callId,
      agentId: ids.agent1,
      agentName: 'Ava Agent',
      teamId: 'team-demo',
      callType: 'booking',
      recordingUrl,
      ticks: { 'proc-greeting': true },
      selfAssessment: { status: 'submitted', answers: { [COMMENT_ON_NO]: 'no' } },
      observations: [{ authorName: 'Sam Supervisor', itemId: COMMENT_ON_NO, verdict: 'missed' }],
      survey: null,
      flagged: true,
    });
    expect(opened.facts.durationMs).toBeGreaterThan(0);
    expect(opened.facts.selfAssessment!.score!.percent).toBeLessThan(100);
    expect(opened.pack).toMatchObject({ id: pack.id, version: pack.version });
    expect(opened.evaluation).toBeNull();
    expect(opened.assignment).toBeNull();
    data(await s.supervisor!.emitWithAck('qa:flag', { callId, flagged: false }));
    expect(
      data(await s['night-supervisor']!.emitWithAck('qa:open', { callId })).facts.flagged,
    ).toBe(false);
    // Only the team's evaluators (and quality managers) open its calls.
    const a = assignment('agent1', 1);
    const byAssignment = data(
      await s['night-supervisor']!.emitWithAck('qa:open', { assignmentId: a.id }),
    );
    expect(byAssignment.assignment).toMatchObject({ id: a.id, status: 'open' });
    expect(byAssignment.facts.callId).toBe(a.callId);
    for (const who of ['supervisor', 'lead', 'agent1', 'night-lead'])
      expect(code(await s[who]!.emitWithAck('qa:open', { assignmentId: a.id })), who).toBe(
        'forbidden',
      );
    expect(code(await s.quality!.emitWithAck('qa:open', { assignmentId: a.id }))).toBe('ok');
    expect(code(await s.quality!.emitWithAck('qa:open', { assignmentId: 'nope' }))).toBe(
      'not_found',
    );
  });

  it('keeps a draft, refuses what cannot be submitted, and scores a submission with the call’s pack', async () => {
    const a = assignment('agent1', 1);
    const evaluator = s['night-supervisor']!;
    const id = randomUUID();
    const draft = data(await save(evaluator, a, { 'proc-greeting': 'yes' }, { id, submit: false }));
    expect(draft).toMatchObject({
      id,
      source: 'app',
      status: 'draft',
      evaluatorId: ids['night-supervisor'],
      evaluatorName: 'Nia Supervisor',
      agentId: ids.agent1,
      callId: a.callId,
      assignmentId: a.id,
      packId: pack.id,
      packVersion: pack.version,
      version: 1,
      score: null,
      evaluatedAt: null,
      releasedAt: null,
    });
    const queued = data(await evaluator.emitWithAck('qa:queue', {})).assignments;
    expect(queued.find((q) => q.id === a.id)).toMatchObject({ status: 'draft', evaluationId: id });
    const problems = async (answers: Record<string, Answer>, over = {}) => {
      const r = await save(evaluator, a, answers, { id, ...over });
      expect(code(r)).toBe('bad_request');
      return refusal(r)!;
    };
    const missing = await problems({ 'proc-greeting': 'yes' });
    expect(missing.problems).toEqual(
      expect.arrayContaining(['missing:proc-summarise', 'missing:proc-close']),
    );
    expect(missing.message).toMatch(/^unanswered: /);
    expect(
      (await problems(answersFor('booking', { 'proc-made-up': 'yes' } as never))).problems,
    ).toEqual(['unknown:proc-made-up']);
    expect((await problems(answersFor('booking', { [NO_NA]: 'na' }))).problems).toEqual([
      `na:${NO_NA}`,
    ]);
    // Not even a draft takes N/A where the scorecard refuses it.
    expect((await problems({ [NO_NA]: 'na' }, { submit: false })).problems).toEqual([
      `na:${NO_NA}`,
    ]);
    expect((await problems(answersFor('booking', { [COMMENT_ON_NO]: 'no' }))).problems).toEqual([
      `comment:${COMMENT_ON_NO}`,
    ]);
    expect(
      (await problems(answersFor('booking'), { comments: { 'not-an-item': 'hm' } })).problems,
    ).toEqual(['unknown:not-an-item']);
    // A complaint's item is not on a booking's scorecard.
    expect(
      (await problems(answersFor('booking', { 'proc-log-complaint': 'yes' }))).problems,
    ).toEqual(['unknown:proc-log-complaint']);
    const answers = answersFor('booking', { [COMMENT_ON_NO]: 'no', [DISPUTED]: 'no' });
    const comments = { [COMMENT_ON_NO]: 'No recap of the dates.' };
    const submitted = data(await save(evaluator, a, answers, { id, comments }));
    expect(submitted).toMatchObject({ status: 'submitted', answers, comments, releasedAt: null });
    expect(submitted.score).toEqual(scoreScorecard(pack, 'booking', answers));
    expect(submitted.score!.percent).toBeLessThan(100);
    expect(submitted.evaluatedAt).not.toBeNull();
    // A retry is answered with what was stored.
    expect(data(await save(evaluator, a, answers, { id, comments }))).toEqual(submitted);
    // Saved as a draft while unreleased, it is reopened; submitted again, it is scored again.
    const reopened = data(await save(evaluator, a, answers, { id, comments, submit: false }));
    expect(reopened).toMatchObject({ status: 'draft', score: null, evaluatedAt: null });
    expect(data(await save(evaluator, a, answers, { id, comments }))).toMatchObject({
      status: 'submitted',
      score: submitted.score,
    });
    // The call has its evaluation: no second one, nor one by an evaluator of another team.
    expect(refusal(await save(s.quality!, a, answers, { comments }))).toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('this call has an evaluation already'),
    });
    expect(code(await save(s.supervisor!, a, answers, { comments }))).toBe('forbidden');
    expect(code(await save(s.supervisor!, a, answers, { id, comments }))).toBe('forbidden');
    expect(code(await save(s.quality!, a, answers, { id, comments }))).toBe('forbidden');
    // Another slot's assignment is not this call's.
    expect(
      refusal(
        await evaluator.emitWithAck('qa:save', {
          id: randomUUID(),
          callId: a.callId,
          assignmentId: assignment('agent1', 2).id,
          answers,
          submit: false,
        }),
      ),
    ).toMatchObject({ code: 'bad_request', message: expect.stringContaining('not for this call') });
  });

  it('releases to the agent, who reads it in qa:mine and acknowledges it; reflective sessions count it', async () => {
    const a = assignment('agent1', 1);
    const evaluationId = data(
      await s['night-supervisor']!.emitWithAck('qa:open', { assignmentId: a.id }),
    ).evaluation!.id;
    // The second slot's evaluation stays submitted and unreleased: nobody but staff sees it.
    const other = assignment('agent1', 2);
    data(await save(s['night-supervisor']!, other, answersFor('booking', { [DISPUTED]: 'no' })));
    expect(code(await s.agent1!.emitWithAck('qa:release', { evaluationId }))).toBe('not_found');
    expect(refusal(await s.lead!.emitWithAck('qa:release', { evaluationId }))).toMatchObject({
      code: 'forbidden',
      message: 'only its evaluator or a quality manager releases an evaluation',
    });
    expect(data(await s.agent1!.emitWithAck('qa:mine', {})).evaluations).toEqual([]);
    expect(changed.agent1).toEqual([]);
    const out = data(await s['night-supervisor']!.emitWithAck('qa:release', { evaluationId }));
    expect(out).toMatchObject({
      status: 'released',
      disputeUntil: addDays(localDate(new Date(), zone), 7),
    });
    expect(out.releasedAt).not.toBeNull();
    // The agent hears of it first of anything (drafts and submissions were never sent).
    await expect.poll(() => changed.agent1!.length).toBe(1);
    expect(changed.agent1![0]).toMatchObject({ id: evaluationId, status: 'released' });
    expect(changed.agent1![0]!.score).not.toBeNull();
    await expect
      .poll(() => changed['night-supervisor']!.some((e) => e.id === evaluationId))
      .toBe(true);
    // Releasing again changes nothing.
    expect(data(await s.quality!.emitWithAck('qa:release', { evaluationId }))).toEqual(out);
    const mine = data(await s.agent1!.emitWithAck('qa:mine', {}));
    expect(mine.behavioursOnly).toBe(false);
    expect(mine.evaluations.map((e) => e.id)).toEqual([evaluationId]);
    // The lead's session preparation counts the released evaluation only.
    const prep = data(
      await s.lead!.emitWithAck('reflection:prepare', { agentId: ids.agent1!, days: 14 }),
    );
    expect(prep.items.find((i) => i.itemId === DISPUTED)!.qa).toEqual({ positive: 0, negative: 1 });
    expect(prep.items.find((i) => i.itemId === 'proc-greeting')!.qa).toEqual({
      positive: 1,
      negative: 0,
    });
    expect(code(await s.agent2!.emitWithAck('qa:ack', { evaluationId }))).toBe('not_found');
    expect(code(await s.lead!.emitWithAck('qa:ack', { evaluationId }))).toBe('forbidden');
    const acked = data(await s.agent1!.emitWithAck('qa:ack', { evaluationId }));
    expect(acked.status).toBe('acknowledged');
    expect(acked.acknowledgedAt).not.toBeNull();
    expect(data(await s.agent1!.emitWithAck('qa:ack', { evaluationId }))).toEqual(acked);
    expect(
      refusal(
        await s.agent1!.emitWithAck('qa:dispute', {
          id: randomUUID(),
          evaluationId,
          points: [{ itemId: DISPUTED, reason: 'I did close', proposed: 'yes' }],
        }),
      ),
    ).toMatchObject({ code: 'conflict', message: expect.stringContaining('acknowledged') });
  });

  const dispute = (
    socket: HubSocket,
    evaluationId: string,
    points: { itemId: string | null; reason: string; proposed?: Answer | null }[],
  ) => socket.emitWithAck('qa:dispute', { id: randomUUID(), evaluationId, points });

  it('takes a dispute to the arbitrator; accepted, it re-scores as version 2 with version 1 kept', async () => {
    const a = assignment('agent1', 2);
    const evaluationId = data(await s.quality!.emitWithAck('qa:open', { assignmentId: a.id }))
      .evaluation!.id;
    const before = data(await s['night-supervisor']!.emitWithAck('qa:release', { evaluationId }));
    expect(before.score!.percent).toBeLessThan(100);
    const bad: [Parameters<typeof dispute>[2], RegExp][] = [
      [[{ itemId: 'proc-made-up', reason: 'x' }], /not an item of this evaluation/],
      [
        [
          { itemId: DISPUTED, reason: 'x', proposed: 'yes' },
          { itemId: DISPUTED, reason: 'y', proposed: 'yes' },
        ],
        /disputed twice/,
      ],
      [[{ itemId: 'proc-greeting', reason: 'x', proposed: 'yes' }], /answered yes already/],
      [[{ itemId: NO_NA, reason: 'x', proposed: 'na' }], /cannot be N\/A/],
      [[{ itemId: null, reason: 'x', proposed: 'yes' }], /proposes no answer/],
    ];
    for (const [points, message] of bad)
      expect(refusal(await dispute(s.agent1!, evaluationId, points))).toMatchObject({
        code: 'bad_request',
        message: expect.stringMatching(message),
      });
    expect(code(await dispute(s.agent2!, evaluationId, [{ itemId: null, reason: 'x' }]))).toBe(
      'not_found',
    );
    const id = randomUUID();
    const points = [
      { itemId: DISPUTED, reason: 'I closed with the usual words.', proposed: 'yes' as const },
      { itemId: null, reason: 'The call was cut short by the customer.' },
    ];
    const disputed = data(await s.agent1!.emitWithAck('qa:dispute', { id, evaluationId, points }));
    expect(disputed.status).toBe('disputed');
    expect(disputed.disputes).toEqual([
      expect.objectContaining({
        id,
        version: 1,
        agentId: ids.agent1,
        arbitratorId: ids.lead,
        arbitratorName: 'Lina Lead',
        status: 'open',
        points: [
          { ...points[0], accepted: null, answer: null },
          { ...points[1], proposed: null, accepted: null, answer: null },
        ],
      }),
    ]);
    // A retry of the same dispute is the same dispute.
    expect(data(await s.agent1!.emitWithAck('qa:dispute', { id, evaluationId, points }))).toEqual(
      disputed,
    );
    await expect.poll(() => changed.lead!.some((e) => e.id === evaluationId)).toBe(true);
    const open = data(await s.lead!.emitWithAck('qa:disputes', {}));
    expect(open.disputes.map((d) => d.id)).toEqual([id]);
    // The lead arbitrates: not the evaluator, nor the quality manager.
    const resolution = {
      disputeId: id,
      points: [{ accept: true }, { accept: true }],
      reason: 'Heard the close on the recording.',
    };
    for (const who of ['night-supervisor', 'quality', 'agent1'])
      expect(code(await s[who]!.emitWithAck('qa:resolve', resolution)), who).toMatch(
        /forbidden|not_found/,
      );
    expect(
      refusal(
        await s.lead!.emitWithAck('qa:resolve', { ...resolution, points: [{ accept: true }] }),
      ),
    ).toMatchObject({ code: 'bad_request', message: expect.stringContaining('2 points') });
    const resolved = data(await s.lead!.emitWithAck('qa:resolve', resolution));
    expect(resolved).toMatchObject({
      status: 'resolved',
      version: 2,
      answers: { ...before.answers, [DISPUTED]: 'yes' },
    });
    expect(resolved.score).toEqual(
      scoreScorecard(pack, 'booking', { ...before.answers, [DISPUTED]: 'yes' }),
    );
    expect(resolved.score!.percent).toBeGreaterThan(before.score!.percent!);
    // The changed item now carries the arbitrator's reason; the others keep the evaluator's.
    expect(resolved.comments).toEqual({ ...before.comments, [DISPUTED]: resolution.reason });
    expect(resolved.previous).toEqual([
      {
        version: 1,
        answers: before.answers,
        score: before.score,
        reason: resolution.reason,
        at: expect.any(String),
      },
    ]);
    expect(resolved.disputes[0]).toMatchObject({
      status: 'accepted',
      resolution: resolution.reason,
      points: [
        { itemId: DISPUTED, accepted: true, answer: 'yes' },
        { itemId: null, accepted: true, answer: null },
      ],
    });
    expect(data(await s.lead!.emitWithAck('qa:resolve', resolution))).toEqual(resolved);
    await expect
      .poll(() => changed.agent1!.some((e) => e.id === evaluationId && e.version === 2))
      .toBe(true);
    // Version 2 may be disputed once: rejected, it keeps its answers and version.
    const second = randomUUID();
    data(
      await s.agent1!.emitWithAck('qa:dispute', {
        id: second,
        evaluationId,
        points: [{ itemId: 'beh-tone', reason: 'x', proposed: 'na' }].map((p) => ({
          ...p,
          itemId: 'beh-tone',
          proposed: 'no' as const,
          reason: 'I was too quick; mark it fairly.',
        })),
      }),
    );
    const rejected = data(
      await s.lead!.emitWithAck('qa:resolve', {
        disputeId: second,
        points: [{ accept: false }],
        reason: 'The tone was fine.',
      }),
    );
    expect(rejected).toMatchObject({ status: 'resolved', version: 2, answers: resolved.answers });
    expect(rejected.disputes.map((d) => [d.version, d.status])).toEqual([
      [1, 'accepted'],
      [2, 'rejected'],
    ]);
    expect(
      refusal(await dispute(s.agent1!, evaluationId, [{ itemId: null, reason: 'again' }])),
    ).toMatchObject({
      code: 'conflict',
      message: 'this version of the evaluation has been disputed already',
    });
    expect(data(await s.agent1!.emitWithAck('qa:ack', { evaluationId })).status).toBe(
      'acknowledged',
    );
  });

  it('settles a dispute partly, and refuses one after the window', async () => {
    const a = assignment('agent2', 1);
    const e = await released(a, { [DISPUTED]: 'no', 'beh-tone': 'no' });
    const id = randomUUID();
    data(
      await s.agent2!.emitWithAck('qa:dispute', {
        id,
        evaluationId: e.id,
        points: [
          { itemId: DISPUTED, reason: 'I closed properly.', proposed: 'yes' },
          { itemId: 'beh-tone', reason: 'My tone was warm.', proposed: 'yes' },
        ],
      }),
    );
    const partly = data(
      await s.lead!.emitWithAck('qa:resolve', {
        disputeId: id,
        points: [{ accept: true }, { accept: false }],
        reason: 'The close was there; the tone was curt.',
      }),
    );
    expect(partly).toMatchObject({
      status: 'resolved',
      version: 2,
      answers: { [DISPUTED]: 'yes', 'beh-tone': 'no' },
    });
    expect(partly.disputes[0]!.status).toBe('partly');
    // The window closed yesterday: the agent can no longer dispute.
    const late = await released(assignment('agent2', 2), { [DISPUTED]: 'no' });
    const yesterday = addDays(localDate(new Date(), zone), -1);
    await withHubDatabase(hub.dataDir, (db) =>
      db
        .updateTable('qa_evaluations')
        .set({ dispute_until: yesterday })
        .where('id', '=', late.id)
        .execute(),
    );
    expect(
      refusal(await dispute(s.agent2!, late.id, [{ itemId: null, reason: 'Too late?' }])),
    ).toEqual({
      code: 'conflict',
      message: `the dispute window closed on ${yesterday}: it can no longer be disputed`,
    });
  });

  it('reads disputes with outcome rates, and each evaluator’s figures', async () => {
    const all = data(await s.lead!.emitWithAck('qa:disputes', { includeClosed: true }));
    expect(all.disputes.map((d) => d.status).sort()).toEqual(['accepted', 'partly', 'rejected']);
    expect(all.byEvaluator).toEqual([
      {
        key: ids['night-supervisor'],
        name: 'Nia Supervisor',
        disputes: 3,
        accepted: 1,
        partly: 1,
        rejected: 1,
      },
    ]);
    const item = (id: string) => all.byItem.find((i) => i.key === id);
    expect(item(DISPUTED)).toMatchObject({ disputes: 2, accepted: 2, rejected: 0 });
    expect(item('beh-tone')).toMatchObject({ disputes: 2, accepted: 0, rejected: 2 });
    const closing = pack.areas.flatMap((a) => a.items).find((i) => i.id === DISPUTED)!;
    expect(item(DISPUTED)!.name).toBe(closing.text.en);
    expect(data(await s.lead!.emitWithAck('qa:disputes', {})).disputes).toEqual([]);
    expect(code(await s.agent1!.emitWithAck('qa:disputes', {}))).toBe('forbidden');
    expect(code(await s['night-lead']!.emitWithAck('qa:disputes', { teamId: 'team-demo' }))).toBe(
      'forbidden',
    );
    expect(
      data(await s['night-lead']!.emitWithAck('qa:disputes', { includeClosed: true })).disputes,
    ).toEqual([]);

    const stats = data(
      await s.quality!.emitWithAck('qa:evaluators', { teamId: 'team-demo', period: 'week' }),
    );
    const nia = stats.evaluators.find((e) => e.evaluatorId === ids['night-supervisor'])!;
    expect(nia).toMatchObject({ name: 'Nia Supervisor', assigned: 4, done: 4, disputes: 3 });
    expect(nia.overturnRate).toBeCloseTo(2 / 3, 3);
    expect(nia.averageScore).toBeGreaterThan(0);
    expect(code(await s.lead!.emitWithAck('qa:evaluators', { teamId: 'team-demo' }))).toBe('ok');
    expect(code(await s.lead!.emitWithAck('qa:evaluators', { teamId: 'team-night' }))).toBe(
      'forbidden',
    );
    expect(code(await s.agent1!.emitWithAck('qa:evaluators', {}))).toBe('forbidden');
  });

  it('shows an agent only their own released evaluations, and coaches only their teams’', async () => {
    const mine = data(await s.agent1!.emitWithAck('qa:list', {})).evaluations;
    expect(mine).toHaveLength(2);
    expect(mine.every((e) => e.agentId === ids.agent1 && e.status === 'acknowledged')).toBe(true);
    expect(code(await s.agent1!.emitWithAck('qa:list', { agentId: ids.agent2! }))).toBe(
      'forbidden',
    );
    expect(code(await s.agent1!.emitWithAck('qa:list', { teamId: 'team-demo' }))).toBe('forbidden');
    const team = data(await s.lead!.emitWithAck('qa:list', { teamId: 'team-demo' })).evaluations;
    expect(team).toHaveLength(4);
    expect(code(await s['night-lead']!.emitWithAck('qa:list', { teamId: 'team-demo' }))).toBe(
      'forbidden',
    );
    expect(code(await s['night-lead']!.emitWithAck('qa:list', { agentId: ids.agent1! }))).toBe(
      'forbidden',
    );
    expect(data(await s['night-lead']!.emitWithAck('qa:list', {})).evaluations).toEqual([]);
    // The evaluator's own work, whichever team it was for.
    const work = data(
      await s['night-supervisor']!.emitWithAck('qa:list', {
        evaluatorId: ids['night-supervisor']!,
      }),
    ).evaluations;
    expect(work).toHaveLength(4);
    // Drafts are their evaluator's only.
    const draftCall = calls.agent2!.find((c) => !drawn.some((a) => a.callId === c.id))!;
    const draft = data(
      await save(
        s.quality!,
        { id: null, callId: draftCall.id },
        { 'proc-greeting': 'yes' },
        {
          submit: false,
        },
      ),
    );
    expect(draft.status).toBe('draft');
    const seenBy = async (socket: HubSocket) =>
      data(await socket.emitWithAck('qa:list', { agentId: ids.agent2! })).evaluations.map(
        (e) => e.id,
      );
    expect(await seenBy(s.quality!)).toContain(draft.id);
    expect(await seenBy(s.lead!)).not.toContain(draft.id);
    expect(
      data(await s.agent2!.emitWithAck('qa:mine', {})).evaluations.map((e) => e.id),
    ).not.toContain(draft.id);
    // The agent's coaches open a released evaluation (items, comments, the call's facts) to
    // coach from it; a draft, and another team's coach, are refused.
    const released = team.find((e) => e.agentId === ids.agent1 && e.status === 'acknowledged')!;
    const opened = data(await s.lead!.emitWithAck('qa:open', { evaluationId: released.id }));
    expect(opened.evaluation?.id).toBe(released.id);
    expect(opened.facts.agentId).toBe(ids.agent1);
    expect(code(await s.lead!.emitWithAck('qa:open', { evaluationId: draft.id }))).toBe(
      'forbidden',
    );
    expect(code(await s['night-lead']!.emitWithAck('qa:open', { evaluationId: released.id }))).toBe(
      'forbidden',
    );
    // Reading is all: the lead neither saves over it nor releases it.
    expect(
      code(
        await s.lead!.emitWithAck('qa:save', {
          id: released.id,
          callId: released.callId!,
          answers: released.answers,
          submit: true,
        }),
      ),
    ).toBe('forbidden');
  });

  it('keeps imported evaluations read-only, scored at import, and says where they came from', async () => {
    const id = randomUUID();
    const callId = calls.agent1!.find((c) => !drawn.some((a) => a.callId === c.id))!.id;
    const answers = answersFor('booking', { [DISPUTED]: 'no' });
    /** One evaluation by "Tess Tool" of agent1's, posted to the import API as QA tools do. */
    const importOne = async (evaluation: { id: string; callId?: string }) => {
      const res = await fetch(`${hub.url}/api/qa/evaluations`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${(await signIn(hub.url, 'quality')).token}`,
        },
        body: JSON.stringify({
          evaluations: [
            {
              ...evaluation,
              agentUsername: 'agent1',
              evaluatorName: 'Tess Tool',
              answers,
              evaluatedAt: iso(),
            },
          ],
        }),
      });
      expect(res.status).toBe(200);
    };
    await importOne({ id, callId });
    const opened = data(await s.quality!.emitWithAck('qa:open', { evaluationId: id }));
    expect(opened.evaluation).toMatchObject({
      id,
      source: 'import',
      status: 'imported',
      evaluatorName: 'Tess Tool',
      evaluatorId: null,
      callId,
      score: scoreScorecard(pack, 'booking', answers),
    });
    expect(opened.facts.callId).toBe(callId);
    expect(refusal(await save(s.quality!, { id: null, callId }, answers, { id }))).toEqual({
      code: 'conflict',
      message: 'the evaluation was imported from a QA tool: it is read-only here',
    });
    expect(refusal(await dispute(s.agent1!, id, [{ itemId: null, reason: 'Not fair' }]))).toEqual({
      code: 'conflict',
      message: 'the evaluation was imported from a QA tool: it is read-only here',
    });
    expect(refusal(await s.quality!.emitWithAck('qa:release', { evaluationId: id }))).toMatchObject(
      {
        code: 'conflict',
      },
    );
    expect(data(await s.agent1!.emitWithAck('qa:mine', {})).evaluations.map((e) => e.id)).toContain(
      id,
    );
    // Without a call it is scored too, but has no call facts to open.
    const loose = randomUUID();
    await importOne({ id: loose });
    expect(refusal(await s.quality!.emitWithAck('qa:open', { evaluationId: loose }))).toMatchObject(
      {
        code: 'not_found',
        message: expect.stringContaining('without a call'),
      },
    );
    const listed = data(
      await s.quality!.emitWithAck('qa:list', { agentId: ids.agent1! }),
    ).evaluations;
    expect(listed.find((e) => e.id === loose)!.score).toEqual(
      scoreScorecard(pack, 'booking', answers),
    );
  });

  it('answers the 31st qa:draw in ten minutes rate_limited, whoever asks', async () => {
    const draw = () => s.agent3!.emitWithAck('qa:draw', { teamId: 'team-demo', day: week.from });
    for (let i = 0; i < 30; i++) expect(code(await draw())).toBe('forbidden');
    expect(refusal(await draw())).toMatchObject({ code: 'rate_limited' });
    expect(
      code(await s.quality!.emitWithAck('qa:draw', { teamId: 'team-demo', day: week.from })),
    ).toBe('ok');
  });

  it('sends no numbers to an agent whose team coaches on behaviours', async () => {
    data(await s.lead!.emitWithAck('team:settings', { teamId: 'team-demo', behavioursOnly: true }));
    try {
      const mine = data(await s.agent1!.emitWithAck('qa:mine', {}));
      expect(mine.behavioursOnly).toBe(true);
      expect(mine.evaluations.length).toBeGreaterThan(0);
      for (const e of mine.evaluations) {
        expect(e.score).toBeNull();
        expect(e.previous.every((v) => v.score === null)).toBe(true);
      }
      const asLead = data(await s.lead!.emitWithAck('qa:list', { agentId: ids.agent1! }));
      expect(asLead.evaluations.every((e) => e.score !== null)).toBe(true);
    } finally {
      data(
        await s.lead!.emitWithAck('team:settings', { teamId: 'team-demo', behavioursOnly: false }),
      );
    }
  });
});

describe('the QA draw sweep', () => {
  let hub: RunningHub;
  afterAll(async () => {
    await hub?.dispose();
  });

  it('draws active plans’ ended slots on its own, and leaves the slot under way', async () => {
    hub = await startHub({ demo: true, extraArgs: ['--qa-draw-sweep-ms', '100'] });
    const id = (name: string) => userIdOf(hub.dataDir, name);
    const admin = await connect(hub.url, (await signIn(hub.url, 'quality')).token);
    const sockets = [admin];
    try {
      data(
        await admin.emitWithAck('admin:permission', {
          userId: await id('supervisor'),
          permission: 'evaluator',
          granted: true,
        }),
      );
      const zone = data(await admin.emitWithAck('admin:teams', {})).teams.find(
        (t) => t.id === 'team-night',
      )!.timeZone;
      const lastWeek = qaPeriodOf(addDays(localDate(new Date(), zone), -7), 'week', zone);
      const call = async (agent: HubSocket, at: number) => {
        const callId = randomUUID();
        const startedAt = new Date(at).toISOString();
        data(await agent.emitWithAck('call:start', { id: callId, callType: 'booking', startedAt }));
        data(
          await agent.emitWithAck('call:end', {
            callId,
            endedAt: new Date(at + 60_000).toISOString(),
          }),
        );
        return callId;
      };
      const agent4 = await connect(hub.url, (await signIn(hub.url, 'agent4')).token);
      const agent1 = await connect(hub.url, (await signIn(hub.url, 'agent1')).token);
      sockets.push(agent4, agent1);
      const drawnCall = await call(agent4, Date.parse(lastWeek.start) + 86_400_000);
      await call(agent4, Date.now() - 120_000); // this week: its slot is under way
      const weekly = {
        perAgent: 1,
        period: 'week' as const,
        evaluatorIds: [await id('supervisor')],
        dailyCap: 5,
      };
      data(await admin.emitWithAck('qa:plan-save', { teamId: 'team-night', ...weekly }));
      const night = async () =>
        data(await admin.emitWithAck('qa:queue', { teamId: 'team-night', includeDone: true }))
          .assignments;
      await expect.poll(async () => (await night()).map((a) => a.callId)).toEqual([drawnCall]);
      // A later sweep draws a plan saved after it: the sweep that drew the night shift has ended.
      const sentinel = await call(agent1, Date.parse(lastWeek.start) + 86_400_000);
      data(await admin.emitWithAck('qa:plan-save', { teamId: 'team-demo', ...weekly }));
      await expect
        .poll(async () =>
          data(await admin.emitWithAck('qa:queue', { teamId: 'team-demo' })).assignments.map(
            (a) => a.callId,
          ),
        )
        .toEqual([sentinel]);
      expect((await night()).map((a) => a.callId)).toEqual([drawnCall]);
      // A paused plan is not drawn, and is refused a draw by hand.
      data(
        await admin.emitWithAck('qa:plan-save', { teamId: 'team-night', ...weekly, active: false }),
      );
      expect(
        refusal(await admin.emitWithAck('qa:draw', { teamId: 'team-night', day: lastWeek.from })),
      ).toMatchObject({ code: 'conflict', message: expect.stringContaining('paused') });
    } finally {
      for (const socket of sockets) socket.close();
    }
  });
});

describe('the demo’s quality monitoring', () => {
  let hub: RunningHub;
  afterAll(async () => {
    await hub?.dispose();
  });

  it('gives the quality manager a plan, its draw, a released evaluation and a draft', async () => {
    hub = await startHub({ demo: true, demoHistory: true });
    const sockets: HubSocket[] = [];
    const open = async (name: string) => {
      const socket = await connect(hub.url, (await signIn(hub.url, name)).token);
      sockets.push(socket);
      return socket;
    };
    try {
      const quality = await open('quality');
      const [plan] = data(await quality.emitWithAck('qa:plans', {})).plans;
      expect(plan).toMatchObject({
        teamId: 'team-demo',
        period: 'month',
        perAgent: 4,
        active: true,
      });
      const draws = data(
        await quality.emitWithAck('qa:queue', { teamId: 'team-demo', includeDone: true }),
      ).assignments;
      expect(draws.length).toBeGreaterThan(1);
      expect(draws.every((a) => a.agentName === 'Ava Agent' && a.reason.seed === plan!.seed)).toBe(
        true,
      );
      const evaluations = data(
        await quality.emitWithAck('qa:list', { teamId: 'team-demo' }),
      ).evaluations;
      // The draft is its evaluator's own: the quality manager's list has the released one only.
      const made = evaluations.filter((e) => e.source === 'app');
      expect(made).toHaveLength(1);
      const released = made[0];
      expect(released).toMatchObject({ status: 'released', agentName: 'Ava Agent' });
      expect(released!.score!.percent).toBeLessThan(100);
      const evaluator = await open(
        released!.evaluatorName === 'Sam Supervisor' ? 'supervisor' : 'night-supervisor',
      );
      const statuses = draws.map((a) => a.status).sort();
      expect(statuses.filter((st) => st === 'draft')).toHaveLength(1);
      expect(statuses.filter((st) => st === 'done')).toHaveLength(1);
      const queued = data(await evaluator.emitWithAck('qa:queue', { includeDone: true }));
      expect(queued.assignments.some((a) => a.evaluationId === released!.id)).toBe(true);
      // Ava reads hers; her reflective session counts it (the draft not).
      const ava = await open('agent1');
      const mine = data(await ava.emitWithAck('qa:mine', {})).evaluations;
      expect(mine.map((e) => e.source).sort()).toEqual(['app', 'import']);
      const lead = await open('lead');
      const prep = data(
        await lead.emitWithAck('reflection:prepare', { agentId: released!.agentId, days: 28 }),
      );
      expect(prep.items.find((i) => i.itemId === 'proc-summarise')!.qa).toEqual({
        positive: 0,
        negative: 2,
      });
    } finally {
      for (const socket of sockets) socket.close();
    }
  });
});

describe('QA imports stored by an earlier release (no score)', () => {
  let hub: RunningHub | undefined;
  afterAll(async () => {
    await hub?.dispose();
  });

  it('are scored once at the next start, as an import is scored now', async () => {
    hub = await startHub({ demo: true, demoHistory: true });
    const scores = () =>
      withHubDatabase(hub!.dataDir, (db) =>
        db
          .selectFrom('qa_evaluations')
          .select(['id', 'score'])
          .where('source', '=', 'import')
          .orderBy('id')
          .execute(),
      );
    const now = await scores();
    expect(now.length).toBeGreaterThan(0);
    expect(now.every((r) => r.score !== null)).toBe(true);
    await hub.stop();
    await withHubDatabase(hub.dataDir, (db) =>
      db
        .updateTable('qa_evaluations')
        .set({ score: null })
        .where('source', '=', 'import')
        .execute(),
    );
    const again = await startHub({ dataDir: hub.dataDir, database: hub.databaseUrl ?? 'sqlite' });
    try {
      await again.untilOutput('the backfill', (l) => l.includes('scored once'));
      expect(await scores()).toEqual(now);
    } finally {
      await again.stop();
    }
  });
});

// A whole mystery-call wave on real hub processes, both databases: callers (staff refused),
// a programme and its questionnaire, the plan, launch, the callers' board and claims (first
// claim wins, profiles, the gap rule), reports (problems, then filed), matching by the caller's
// number through the real CTI webhook and by hand from the candidates, review (return and
// re-file, reject, approve with a grade), results checked by hand, release. And who sees what:
// a caller nothing but their own work, an agent nothing of a mystery call before release.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addDays,
  clientEventSchemas,
  callTimeOf,
  localDate,
  type AckResponse,
  type ClientEventName,
  type MysteryAssignment,
  type MysteryOpened,
  type MysteryReportSave,
  type ProgrammeSave,
  type StandardsPack,
  type WaveSave,
} from '@sidecoach/shared';
import { CALLER_EVENTS } from '../src/lib/caller-gate.js';
import { withHubDatabase } from './support/database.js';
import {
  connect,
  signIn,
  startHub,
  type HubSocket,
  type RunningHub,
} from './support/hub-process.js';
import { data } from './support/calls.js';
import { ctiCall } from './support/surveys.js';

const TIMEOUT = 120_000;
/** Weights of the questionnaire's items in the default pack (assets/standards/default.yaml). */
const WEIGHTS: Record<string, number> = {
  'proc-greeting': 1,
  'proc-verify-identity': 2,
  'proc-summarise': 2,
  'know-accurate': 2,
  'beh-tone': 1,
};
const ITEMS = Object.keys(WEIGHTS);
const MIA_PHONE = '+371 2000 0001';
const OLEG_PHONE = '+371 2000 0002';
const NUMBERS = { 'team-demo': '+371 6700 0001', 'team-night': '+371 6700 0002' };
/** What the callers choose with their one-time codes. */
const PASSWORDS = { mia: 'blue kettle on a quiet shelf', oleg: 'seven maple leaves at noon' };
const round1 = (x: number) => Math.round(x * 10) / 10;

/** A socket with everything it received (events and the answers to what it asked). */
interface Watched {
  socket: HubSocket;
  seen: unknown[];
  ask<T>(event: ClientEventName, payload: unknown): Promise<AckResponse<T>>;
}

function watch(socket: HubSocket): Watched {
  const seen: unknown[] = [];
  socket.onAny((event: string, ...args: unknown[]) => seen.push({ event, args }));
  return {
    socket,
    seen,
    ask: async <T>(event: ClientEventName, payload: unknown) => {
      // Any event with any payload: the refusals under test are for payloads of every shape.
      const timed = socket.timeout(20_000) as unknown as {
        emitWithAck(e: string, p: unknown): Promise<AckResponse<T>>;
      };
      const res = await timed.emitWithAck(event, payload);
      seen.push({ event, answer: res });
      return res;
    },
  };
}

const codeOf = (res: AckResponse<unknown>) => (res.ok ? 'ok' : res.error.code);

describe('a mystery-call wave', () => {
  let hub: RunningHub;
  const sockets: HubSocket[] = [];
  const open = async (username: string, password?: string) => {
    const socket = await connect(hub.url, (await signIn(hub.url, username, password)).token);
    sockets.push(socket);
    return watch(socket);
  };
  let qm: Watched, lead: Watched, agent1: Watched, agent2: Watched, agent4: Watched;
  let mia: Watched, oleg: Watched;
  let pack: StandardsPack;
  const ids: Record<string, string> = {};
  const names: Record<string, string> = {};
  /** Usernames of the centre's staff (the demo has mystery callers of its own). */
  const staff: string[] = [];
  const teamNames: string[] = [];
  const today = localDate(new Date(), 'UTC');
  const programmeId = randomUUID();
  const waveId = randomUUID();
  const wave: WaveSave = {
    id: waveId,
    programmeId,
    name: 'Spring wave under test',
    from: addDays(today, -1),
    to: addDays(today, 6),
    teamIds: ['team-demo', 'team-night'],
    numbers: NUMBERS,
    calls: 16,
    scenarios: [
      {
        id: 'book-table',
        callType: 'booking',
        title: 'Booking a table for four',
        brief: 'You want a table for four on Friday evening; one guest uses a wheelchair.',
        answers: 'Name: Anna Ozola. Phone: the one you call from.',
        tests: 'Verifies identity; summarises the booking.',
      },
      {
        id: 'ask-hours',
        callType: 'information-request',
        title: 'Asking about holiday opening hours',
        brief: 'You ask whether the branch opens on the public holiday.',
      },
    ],
    perTeamMax: 8,
    perAgentMax: 1,
    callerGapDays: 30,
    profileMix: { ageBand: { '30-44': 0.5, '60+': 0.5 } },
  };
  /** The three calls the test makes (moved to now: the seed put their windows anywhere). */
  let A: MysteryAssignment, B: MysteryAssignment, C: MysteryAssignment;
  /** The programme's next wave (compared with this one; live when the test ends). */
  const next = randomUUID();
  /** The wave's assignments as launched (the manager's view). */
  let launched: MysteryAssignment[] = [];
  let callA = '',
    callB = '';

  beforeAll(async () => {
    hub = await startHub({ demo: true });
    qm = await open('quality');
    lead = await open('lead');
    agent1 = await open('agent1');
    agent2 = await open('agent2');
    agent4 = await open('agent4');
    const users = data(
      await qm.ask<{
        users: { id: string; username: string; displayName: string; role: string }[];
      }>('admin:users', {}),
    );
    for (const u of users.users) {
      ids[u.username] = u.id;
      names[u.username] = u.displayName;
      if (u.role !== 'caller') staff.push(u.username);
    }
    const teams = data(await qm.ask<{ teams: { name: string }[] }>('admin:teams', {}));
    teamNames.push(...teams.teams.map((t) => t.name));
    pack = data(await agent1.ask<{ pack: StandardsPack }>('session:bootstrap', {})).pack;
  }, TIMEOUT);

  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await hub?.dispose();
  });

  it(
    'makes callers who are not staff, each with a code for the first sign-in',
    async () => {
      const caller = (over: Record<string, unknown> = {}) => ({
        username: 'mia',
        displayName: 'Mara Testcaller',
        phones: [MIA_PHONE],
        profile: { region: 'Riga', ageBand: '30-44', language: 'lv' },
        declaredIndependent: true,
        ...over,
      });
      // Staff (the username, the name, an extension) are refused, with every reason.
      const staff = await qm.ask('mystery:caller-save', {
        ...caller({ username: 'agent2', displayName: names.supervisor, phones: ['1003'] }),
      });
      expect(codeOf(staff)).toBe('bad_request');
      if (staff.ok) throw new Error('refused above');
      expect(staff.error.problems).toHaveLength(3);
      expect(staff.error.problems!.join(' ')).toMatch(/agent2/);
      expect(staff.error.problems!.join(' ')).toMatch(/1003/);
      const made = data(
        await qm.ask<{ caller: { id: string; phones: string[] }; oneTimeCode: string | null }>(
          'mystery:caller-save',
          caller(),
        ),
      );
      expect(made.caller.phones).toEqual([MIA_PHONE]);
      expect(made.oneTimeCode).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
      ids.mia = made.caller.id;
      // One caller per number, written any way; one account per username.
      const twice = await qm.ask(
        'mystery:caller-save',
        caller({ username: 'mia2', displayName: 'Mia Two', phones: ['20000001'] }),
      );
      expect(codeOf(twice)).toBe('bad_request');
      expect(twice.ok ? '' : twice.error.message).toMatch(/registered to the caller "mia"/);
      expect(
        codeOf(await qm.ask('mystery:caller-save', caller({ displayName: 'Other Mia' }))),
      ).toBe('conflict');
      const olegMade = data(
        await qm.ask<{ caller: { id: string }; oneTimeCode: string }>(
          'mystery:caller-save',
          caller({
            username: 'oleg',
            displayName: 'Oleg Older',
            phones: [OLEG_PHONE],
            profile: { region: 'Riga', ageBand: '60+', language: 'lv' },
          }),
        ),
      );
      ids.oleg = olegMade.caller.id;
      // The callers set their password with the code, as any account does.
      for (const [username, code] of [
        ['mia', made.oneTimeCode!],
        ['oleg', olegMade.oneTimeCode],
      ] as const) {
        const res = await fetch(`${hub.url}/api/auth/first-password`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username, code, password: PASSWORDS[username] }),
        });
        expect(res.status).toBe(200);
      }
      mia = await open('mia', PASSWORDS.mia);
      oleg = await open('oleg', PASSWORDS.oleg);
      const boot = data(
        await mia.ask<{ user: { role: string; teams: unknown[] }; recentCalls: unknown[] }>(
          'session:bootstrap',
          {},
        ),
      );
      expect(boot.user).toMatchObject({ role: 'caller', teams: [] });
      expect(boot.recentCalls).toEqual([]);
      const list = data(
        await qm.ask<{ callers: { username: string; profile: { ageBand: string } }[] }>(
          'mystery:callers',
          {},
        ),
      );
      expect(list.callers.filter((c) => ['mia', 'oleg'].includes(c.username))).toHaveLength(2);
      // Callers are never made or changed as staff.
      const asStaff = { extension: null, defaultLang: null, teamIds: [] };
      expect(
        codeOf(
          await qm.ask('admin:user-save', {
            ...asStaff,
            id: ids.mia,
            username: 'mia',
            displayName: 'Mia',
            role: 'agent',
            teamIds: ['team-demo'],
          }),
        ),
      ).toBe('bad_request');
      expect(
        codeOf(
          await qm.ask('admin:user-save', {
            ...asStaff,
            username: 'mole',
            displayName: 'Mole',
            role: 'caller',
          }),
        ),
      ).toBe('bad_request');
    },
    TIMEOUT,
  );

  it(
    'plans, saves and launches a wave from a programme built on the scorecard',
    async () => {
      const programme: ProgrammeSave = {
        id: programmeId,
        name: 'Service quality under test',
        objective: 'training',
        itemIds: ITEMS,
        ratings: [{ id: 'welcome', label: { en: 'Felt welcome', lv: 'Jutos gaidīts' } }],
        definitions: { 'beh-tone': 'Warm: the agent sounds glad to help, not rushed.' },
        target: 80,
      };
      expect(
        codeOf(await qm.ask('mystery:programme-save', { ...programme, itemIds: ['bogus'] })),
      ).toBe('bad_request');
      const saved = data(
        await qm.ask<{ itemIds: string[]; packVersion: number }>(
          'mystery:programme-save',
          programme,
        ),
      );
      expect(saved.itemIds).toEqual(ITEMS);
      expect(saved.packVersion).toBe(pack.version);

      const plan = data(
        await qm.ask<{
          calls: number;
          byTeam: { key: string; calls: number }[];
          warnings: { code: string }[];
        }>('mystery:plan', wave),
      );
      expect(plan.calls).toBe(16);
      expect(plan.byTeam.map((q) => q.calls)).toEqual([8, 8]);
      // Two of the demo's four teams are left out: the manager is told.
      expect(plan.warnings.map((w) => w.code)).toContain('teams-left-out');

      expect(codeOf(await qm.ask('mystery:wave-save', { ...wave, programmeId: 'nope' }))).toBe(
        'not_found',
      );
      const draft = data(
        await qm.ask<{ status: string; counts: { open: number } }>('mystery:wave-save', wave),
      );
      expect(draft).toMatchObject({ status: 'draft', counts: { open: 0 } });
      data(await qm.ask('mystery:wave-save', { ...wave, name: 'Spring wave, renamed' }));
      data(await qm.ask('mystery:wave-save', wave));

      const live = data(
        await qm.ask<{ status: string; counts: { open: number } }>('mystery:wave-launch', {
          waveId,
        }),
      );
      expect(live).toMatchObject({ status: 'live', counts: { open: 16 } });
      const first = data(
        await qm.ask<{ assignments: MysteryAssignment[] }>('mystery:assignments', { waveId }),
      ).assignments;
      // Launching again changes nothing; a launched wave is final.
      data(await qm.ask('mystery:wave-launch', { waveId }));
      const again = data(
        await qm.ask<{ assignments: MysteryAssignment[] }>('mystery:assignments', { waveId }),
      ).assignments;
      expect(again.map((a) => a.id)).toEqual(first.map((a) => a.id));
      expect(codeOf(await qm.ask('mystery:wave-save', wave))).toBe('conflict');
      launched = first;
      expect(first.filter((a) => a.teamId === 'team-demo')).toHaveLength(8);
      expect(new Set(first.map((a) => a.teamName))).toEqual(new Set(['Demo team', 'Night shift']));
      expect(first.every((a) => a.numberToCall === NUMBERS[a.teamId as keyof typeof NUMBERS])).toBe(
        true,
      );

      const pick = (team: string, age: string) => {
        const found = first.find(
          (a) => a.teamId === team && a.profile.ageBand === age && ![A, B, C].includes(a),
        );
        if (!found) throw new Error(`no ${team} ${age} assignment in ${JSON.stringify(first)}`);
        return found;
      };
      A = pick('team-demo', '30-44');
      B = pick('team-demo', '60+');
      C = pick('team-night', '30-44');
      const now = new Date();
      await withHubDatabase(hub.dataDir, (db) =>
        db
          .updateTable('mystery_assignments')
          .set({
            window_from: new Date(now.getTime() - 2 * 3_600_000).toISOString(),
            window_to: new Date(now.getTime() + 2 * 3_600_000).toISOString(),
            day_part: callTimeOf(now, 'UTC').dayPart,
            weekend: callTimeOf(now, 'UTC').weekend ? 1 : 0,
          })
          .where('id', 'in', [A.id, B.id, C.id])
          .execute(),
      );
    },
    TIMEOUT,
  );

  const boardOf = async (caller: Watched) =>
    data(
      await caller.ask<{ open: MysteryAssignment[]; mine: MysteryAssignment[] }>(
        'mystery:board',
        {},
      ),
    );
  const ofWave = (list: MysteryAssignment[]) => list.filter((a) => a.waveId === waveId);

  it(
    'shows callers the calls they fit, first claim wins, and the gap rule holds across the wave',
    async () => {
      const board = await boardOf(mia);
      expect(ofWave(board.open).length).toBeGreaterThan(0);
      expect(ofWave(board.open).every((a) => a.profile.ageBand === '30-44')).toBe(true);
      expect(ofWave(board.open).every((a) => a.teamId === null && a.teamName === null)).toBe(true);
      expect(ofWave(board.open).map((a) => a.id)).toContain(A.id);
      expect(ofWave((await boardOf(oleg)).open).map((a) => a.id)).toContain(B.id);

      const claimed = data(
        await mia.ask<MysteryAssignment>('mystery:claim', { assignmentId: A.id }),
      );
      expect(claimed).toMatchObject({ status: 'claimed', callerId: ids.mia, teamId: null });
      // Taken: said so, never by whom.
      const late = await oleg.ask('mystery:claim', { assignmentId: A.id });
      expect(codeOf(late)).toBe('conflict');
      expect(JSON.stringify(late)).not.toMatch(/Mia|mia/);
      // Not Oleg's profile.
      const other = ofWave(board.open).find((a) => a.id !== A.id)!;
      expect(codeOf(await oleg.ask('mystery:claim', { assignmentId: other.id }))).toBe('forbidden');
      // Mia called the demo team now: none of its calls within 30 days is on her board any more.
      const after = await boardOf(mia);
      expect(ofWave(after.open).every((a) => a.numberToCall === NUMBERS['team-night'])).toBe(true);
      expect(ofWave(after.mine).map((a) => a.id)).toEqual([A.id]);
      // Another demo-team call Mia's profile fits: the gap rule alone keeps it from her.
      const blocked = launched.find(
        (a) => a.teamId === 'team-demo' && a.profile.ageBand === '30-44' && a.id !== A.id,
      )!.id;
      expect(codeOf(await mia.ask('mystery:claim', { assignmentId: blocked }))).toBe('conflict');
      // The manager is held to it too, and may hand a call out and take it back.
      const refusal = await qm.ask('mystery:assign', { assignmentId: blocked, callerId: ids.mia });
      expect(codeOf(refusal)).toBe('conflict');
      expect(JSON.stringify(refusal)).toMatch(/30 days/);
      const given = data(
        await qm.ask<MysteryAssignment>('mystery:assign', {
          assignmentId: blocked,
          callerId: ids.oleg,
        }),
      );
      expect(given).toMatchObject({
        status: 'claimed',
        callerName: 'Oleg Older',
        teamName: 'Demo team',
      });
      expect(
        data(
          await qm.ask<MysteryAssignment>('mystery:assign', {
            assignmentId: blocked,
            callerId: null,
          }),
        ),
      ).toMatchObject({ status: 'open', callerId: null });

      data(await oleg.ask('mystery:claim', { assignmentId: B.id }));
      data(await mia.ask('mystery:claim', { assignmentId: C.id }));
    },
    TIMEOUT,
  );

  const report = (
    a: MysteryAssignment,
    over: Partial<MysteryReportSave> = {},
  ): MysteryReportSave => ({
    assignmentId: a.id,
    calledAt: new Date(Date.now() - 60_000).toISOString(),
    calledNumber: a.numberToCall!,
    fromNumber: MIA_PHONE,
    answers: {},
    submit: true,
    ...over,
  });
  const allYes = (asked: string[]) => Object.fromEntries(asked.map((id) => [id, 'yes' as const]));
  let askedA: string[] = [];
  let askedB: string[] = [];

  it(
    'takes a report only whole, then matches it to the agent by the caller’s number',
    async () => {
      const opened = data(await mia.ask<MysteryOpened>('mystery:open', { assignmentId: A.id }));
      askedA = opened.items;
      expect(askedA.length).toBeGreaterThan(0);
      expect(askedA.every((id) => ITEMS.includes(id))).toBe(true);
      expect(opened.pack.version).toBe(pack.version);
      expect(opened.programme.definitions['beh-tone']).toMatch(/Warm/);
      expect(opened.assignment).toMatchObject({
        teamId: null,
        teamName: null,
        numberToCall: NUMBERS['team-demo'],
        // The floor's time zone, so the window reads in both times (a zone names no team).
        zone: expect.any(String),
      });
      // Somebody else's: not there.
      expect(codeOf(await oleg.ask('mystery:open', { assignmentId: A.id }))).toBe('not_found');

      const draft = data(
        await mia.ask<MysteryOpened>(
          'mystery:report',
          report(A, { answers: { [askedA[0]!]: 'yes' }, submit: false }),
        ),
      );
      expect(draft.assignment.status).toBe('claimed');
      expect(draft.report?.submittedAt).toBeNull();
      const half = await mia.ask(
        'mystery:report',
        report(A, { answers: { [askedA[0]!]: 'yes' }, fromNumber: '+371 2999 9999' }),
      );
      expect(codeOf(half)).toBe('bad_request');
      if (half.ok) throw new Error('refused above');
      expect(half.error.problems).toEqual(
        expect.arrayContaining([`missing:${askedA[1]}`, 'rating:welcome', 'fromNumber']),
      );

      // The call: the PBX reports it with Mia's number, agent1's sidebar takes it.
      const call = await ctiCall(hub, agent1.socket, {
        extension: '1001',
        callType: A.scenario.callType,
        remoteParty: `sip:${MIA_PHONE.replaceAll(' ', '')}@pbx.example`,
      });
      callA = call.id;
      const filed = data(
        await mia.ask<MysteryOpened>(
          'mystery:report',
          report(A, {
            answers: allYes(askedA),
            comments: { 'proc-greeting': 'Greeted me with her name and the company’s' },
            ratings: { welcome: 4 },
            impression: 'Friendly and quick.',
          }),
        ),
      );
      expect(filed.assignment.status).toBe('reported');
      // The caller learns nothing of the call it was matched to.
      expect(filed.report!.match).toEqual({
        method: 'none',
        callId: null,
        agentId: null,
        agentName: null,
        candidates: [],
        recordingUrl: null,
      });
      expect(filed.report!.score?.percent).toBe(100);
      const queue = data(
        await qm.ask<{
          reports: {
            assignmentId: string;
            match: {
              method: string;
              callId: string | null;
              agentId: string | null;
              agentName: string | null;
            };
          }[];
        }>('mystery:reviews', { waveId }),
      );
      expect(queue.reports.find((r) => r.assignmentId === A.id)!.match).toMatchObject({
        method: 'number',
        callId: callA,
        agentId: ids.agent1,
        agentName: names.agent1,
      });
      // agent1's first mystery call of the wave: within the limit of one.
      expect(JSON.stringify(queue.reports.find((r) => r.assignmentId === A.id))).toMatch(
        /"overAgentLimit":false/,
      );
    },
    TIMEOUT,
  );

  it(
    'returns a report with a question and takes it back with the reply',
    async () => {
      const returned = data(
        await qm.ask<{ reviewNote: string }>('mystery:review', {
          assignmentId: A.id,
          action: 'return',
          note: 'Did she repeat the date back to you?',
        }),
      );
      expect(returned.reviewNote).toMatch(/repeat the date/);
      const board = await boardOf(mia);
      expect(board.mine.find((a) => a.id === A.id)).toMatchObject({
        status: 'returned',
        reviewNote: 'Did she repeat the date back to you?',
      });
      const noReply = await mia.ask(
        'mystery:report',
        report(A, { answers: allYes(askedA), ratings: { welcome: 4 } }),
      );
      expect(codeOf(noReply)).toBe('bad_request');
      expect(JSON.stringify(noReply)).toMatch(/"reply"/);
      data(
        await mia.ask(
          'mystery:report',
          report(A, {
            answers: allYes(askedA),
            comments: { 'proc-greeting': 'Greeted me with her name and the company’s' },
            ratings: { welcome: 4 },
            reply: 'Yes, the date and the time.',
          }),
        ),
      );
      const again = data(
        await qm.ask<{
          reports: { assignmentId: string; reply: string; match: { method: string } }[];
        }>('mystery:reviews', { waveId }),
      );
      expect(again.reports.find((r) => r.assignmentId === A.id)).toMatchObject({
        reply: 'Yes, the date and the time.',
        match: { method: 'number' },
      });
      // Approving needs a grade.
      expect(
        codeOf(await qm.ask('mystery:review', { assignmentId: A.id, action: 'approve' })),
      ).toBe('bad_request');
      const approved = data(
        await qm.ask<{ grade: number }>('mystery:review', {
          assignmentId: A.id,
          action: 'approve',
          grade: 4,
        }),
      );
      expect(approved.grade).toBe(4);
      expect(
        codeOf(
          await qm.ask('mystery:review', { assignmentId: A.id, action: 'reject', note: 'late' }),
        ),
      ).toBe('conflict');
    },
    TIMEOUT,
  );

  it(
    'leaves a report the number did not match to the manager, who picks the call',
    async () => {
      // Oleg's number is withheld: the PBX reports the call without one. agent1 takes it.
      const call = await ctiCall(hub, agent1.socket, {
        extension: '1001',
        callType: B.scenario.callType,
      });
      callB = call.id;
      askedB = data(await oleg.ask<MysteryOpened>('mystery:open', { assignmentId: B.id })).items;
      const answers = { ...allYes(askedB), 'proc-summarise': 'no' as const };
      expect(askedB).toContain('proc-summarise');
      data(
        await oleg.ask(
          'mystery:report',
          report(B, {
            fromNumber: OLEG_PHONE,
            answers,
            comments: { 'proc-summarise': 'No recap of what was agreed' },
            ratings: { welcome: 2 },
          }),
        ),
      );
      const queue = data(
        await qm.ask<{
          reports: {
            assignmentId: string;
            match: { method: string; candidates: { callId: string; agentName: string }[] };
          }[];
        }>('mystery:reviews', { waveId }),
      );
      const mine = queue.reports.find((r) => r.assignmentId === B.id)!;
      expect(mine.match.method).toBe('none');
      // This call is a candidate; agent1's first is not (another mystery call was matched to it).
      expect(mine.match.candidates.map((c) => c.callId)).toContain(callB);
      expect(mine.match.candidates.map((c) => c.callId)).not.toContain(callA);
      expect(mine.match.candidates.find((c) => c.callId === callB)!.agentName).toBe(names.agent1);
      expect(
        codeOf(
          await qm.ask('mystery:review', {
            assignmentId: B.id,
            action: 'approve',
            grade: 5,
            callId: callA,
          }),
        ),
      ).toBe('bad_request');
      const approved = data(
        await qm.ask<{
          match: { method: string; callId: string; agentId: string };
          overAgentLimit: boolean;
        }>('mystery:review', { assignmentId: B.id, action: 'approve', grade: 5, callId: callB }),
      );
      expect(approved.match).toMatchObject({
        method: 'manual',
        callId: callB,
        agentId: ids.agent1,
      });
      // agent1 had the wave's one call per agent already: counted, and shown as over the limit.
      expect(approved.overAgentLimit).toBe(true);
    },
    TIMEOUT,
  );

  it(
    'rejects a report with the reason, and it never counts',
    async () => {
      await ctiCall(hub, agent4.socket, {
        extension: '1004',
        callType: C.scenario.callType,
        remoteParty: MIA_PHONE,
      });
      const asked = data(
        await mia.ask<MysteryOpened>('mystery:open', { assignmentId: C.id }),
      ).items;
      data(
        await mia.ask(
          'mystery:report',
          report(C, { answers: allYes(asked), ratings: { welcome: 5 } }),
        ),
      );
      expect(codeOf(await qm.ask('mystery:review', { assignmentId: C.id, action: 'reject' }))).toBe(
        'bad_request',
      );
      const rejected = data(
        await qm.ask<{ reviewNote: string }>('mystery:review', {
          assignmentId: C.id,
          action: 'reject',
          note: 'The call lasted a minute: the brief was not played.',
        }),
      );
      expect(rejected.reviewNote).toMatch(/brief/);
      const callers = data(
        await qm.ask<{
          callers: { username: string; approved: number; meanGrade: number | null }[];
        }>('mystery:callers', {}),
      );
      expect(callers.callers.find((c) => c.username === 'mia')).toMatchObject({
        approved: 1,
        meanGrade: 4,
      });
      expect(callers.callers.find((c) => c.username === 'oleg')).toMatchObject({
        approved: 1,
        meanGrade: 5,
      });
    },
    TIMEOUT,
  );

  it(
    'computes the results from approved reports only (checked by hand)',
    async () => {
      // A competitor benchmark over the same dates is shown beside, never ranked.
      const rival = randomUUID();
      data(
        await qm.ask('mystery:programme-save', {
          id: rival,
          name: 'Rival benchmark',
          objective: 'competitor',
          competitor: 'Rival Telecom',
          itemIds: ITEMS,
          ratings: [],
          target: 80,
        }),
      );
      const rivalWave = randomUUID();
      data(
        await qm.ask('mystery:wave-save', {
          ...wave,
          id: rivalWave,
          programmeId: rival,
          name: 'Rival spring',
          profileMix: {},
        }),
      );
      data(await qm.ask('mystery:wave-launch', { waveId: rivalWave }));

      const results = data(
        await qm.ask<{
          calls: number;
          score: number;
          passRate: number;
          target: number;
          byTeam: { name: string; calls: number; score: number }[];
          byAgent: { name: string; calls: number; score: number }[];
          byItem: { key: string; yesShare: number | null }[];
          byCallType: { key: string; calls: number }[];
          byAgeBand: { key: string; calls: number }[];
          ratings: { id: string; mean: number; answers: number }[];
          toTrain: string[];
          toRecognise: string[];
          comparison: unknown;
          competitors: {
            competitor: string;
            waveName: string;
            calls: number;
            score: number | null;
          }[];
        }>('mystery:results', { waveId }),
      );
      // A: every asked item yes: 100. B: proc-summarise (weight 2) no, the rest yes.
      const weightB = askedB.reduce((sum, id) => sum + WEIGHTS[id]!, 0);
      const scoreB = round1((100 * (weightB - 2)) / weightB);
      expect(results.calls).toBe(2);
      expect(results.score).toBe(round1((100 + scoreB) / 2));
      expect(results.passRate).toBe(1);
      expect(results.target).toBe(80);
      expect(results.byTeam).toEqual([expect.objectContaining({ name: 'Demo team', calls: 2 })]);
      const agentScore = round1((100 + scoreB) / 2);
      expect(results.byAgent.map((a) => [a.name, a.calls, a.score])).toEqual([
        [names.agent1, 2, agentScore],
      ]);
      // Two calls at or above the target: recognised.
      expect(results.toRecognise).toEqual(agentScore >= 80 ? [ids.agent1] : []);
      expect(results.byItem.find((i) => i.key === 'proc-summarise')!.yesShare).toBe(0.5);
      expect(results.byItem.find((i) => i.key === 'proc-greeting')!.yesShare).toBe(1);
      expect(results.byAgeBand.map((c) => [c.key, c.calls])).toEqual([
        ['30-44', 1],
        ['60+', 1],
      ]);
      expect(results.byCallType.reduce((n, c) => n + c.calls, 0)).toBe(2);
      expect(results.ratings).toEqual([{ id: 'welcome', mean: 3, answers: 2 }]);
      expect(results.toTrain).toEqual(['proc-summarise']);
      expect(results.comparison).toBeNull();
      expect(results.competitors).toEqual([
        {
          programmeName: 'Rival benchmark',
          competitor: 'Rival Telecom',
          waveName: 'Rival spring',
          calls: 0,
          score: null,
        },
      ]);

      // The programme's next wave is compared with this one.
      data(
        await qm.ask('mystery:wave-save', {
          ...wave,
          id: next,
          name: 'Summer wave',
          from: addDays(today, 40),
          to: addDays(today, 45),
        }),
      );
      data(await qm.ask('mystery:wave-launch', { waveId: next }));
      const summer = data(
        await qm.ask<{
          comparison: { previousWaveId: string; previousScore: number; change: number | null };
        }>('mystery:results', { waveId: next }),
      );
      expect(summer.comparison).toMatchObject({
        previousWaveId: waveId,
        previousScore: results.score,
        change: null,
      });
    },
    TIMEOUT,
  );

  it(
    'tells agents nothing of a mystery call until the wave is closed and released',
    async () => {
      const before = await lead.ask<{ mystery: { calls: unknown[] } }>('reflection:prepare', {
        agentId: ids.agent1,
      });
      expect(data(before).mystery.calls).toEqual([]);
      // What agents and their coach received so far: nothing names the wave, the callers or a
      // scenario, and no mystery event reached them.
      for (const w of [agent1, agent2, agent4, lead]) {
        data(await w.ask('call:list', { limit: 100 }));
        data(await w.ask('session:bootstrap', {}));
      }
      data(await agent1.ask('qa:mine', {}));
      data(await agent1.ask('action:mine', {}));
      data(await agent1.ask('survey:status', { callId: callA }));
      const sentinels = [
        'Spring wave under test',
        'Service quality under test',
        'Mara Testcaller',
        'Oleg Older',
        'Booking a table for four',
        'Asking about holiday opening hours',
        'mystery:changed',
        A.id,
        B.id,
        C.id,
        waveId,
      ];
      for (const [who, w] of [
        ['agent1', agent1],
        ['agent2', agent2],
        ['agent4', agent4],
        ['lead', lead],
      ] as const) {
        const text = JSON.stringify(w.seen);
        for (const s of sentinels) expect(text.includes(s), `${who} received "${s}"`).toBe(false);
      }

      expect(codeOf(await qm.ask('mystery:release', { waveId }))).toBe('conflict');
      data(await qm.ask('mystery:wave-close', { waveId }));
      expect(ofWave((await boardOf(oleg)).open)).toEqual([]);
      const released = data(
        await qm.ask<{ resultsReleasedAt: string | null }>('mystery:release', { waveId }),
      );
      expect(released.resultsReleasedAt).not.toBeNull();
      const after = data(
        await lead.ask<{
          mystery: { calls: { waveName: string; callId: string | null; missed: unknown[] }[] };
        }>('reflection:prepare', { agentId: ids.agent1 }),
      );
      // Both approved calls on agent1, newest first; the rejected one on agent4 nowhere.
      expect(after.mystery.calls).toEqual([
        expect.objectContaining({
          waveName: 'Spring wave under test',
          callId: callB,
          missed: [{ itemId: 'proc-summarise', comment: 'No recap of what was agreed' }],
        }),
        expect.objectContaining({ waveName: 'Spring wave under test', callId: callA, missed: [] }),
      ]);
    },
    TIMEOUT,
  );

  it(
    'refuses a caller every other event and route, and sends them nothing of agents or teams',
    async () => {
      const refused: string[] = [];
      for (const event of Object.keys(clientEventSchemas) as ClientEventName[]) {
        if (CALLER_EVENTS.has(event)) continue;
        const res = await mia.ask(event, {});
        if (codeOf(res) !== 'forbidden') refused.push(`${event}: ${JSON.stringify(res)}`);
      }
      expect(refused).toEqual([]);
      const token = (await signIn(hub.url, 'mia', PASSWORDS.mia)).token;
      const http = async (method: string, path: string) =>
        (
          await fetch(`${hub.url}${path}`, {
            method,
            headers: {
              authorization: `Bearer ${token}`,
              ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
            },
            ...(method === 'POST' ? { body: '{}' } : {}),
          })
        ).status;
      expect(await http('GET', '/api/admin/audit.csv')).toBe(403);
      expect(await http('POST', '/api/qa/evaluations')).toBe(403);
      expect(await http('GET', '/healthz')).toBe(403);
      // Their own way out is open.
      expect(await http('POST', '/api/auth/sign-out')).toBeLessThan(300);

      // Everything the callers' sockets received, answers and events alike.
      const forbidden = [
        ...staff.map((u) => names[u]!),
        ...staff.map((u) => ids[u]!),
        ...teamNames,
        'team-demo',
        'team-night',
        callA,
        callB,
      ];
      for (const [who, w] of [
        ['mia', mia],
        ['oleg', oleg],
      ] as const) {
        const text = JSON.stringify(w.seen);
        expect(
          w.seen.some((s) => (s as { event: string }).event === 'mystery:changed'),
          who,
        ).toBe(true);
        for (const s of forbidden) expect(text.includes(s), `${who} received "${s}"`).toBe(false);
      }
    },
    TIMEOUT,
  );

  it(
    'refuses agents and leads the manager’s events, and the board to anyone but callers',
    async () => {
      // Payloads the schemas take: what is refused is the user, not the request.
      const payloads: Partial<Record<ClientEventName, unknown>> = {
        'mystery:callers': {},
        'mystery:caller-save': {
          username: 'sneaky',
          displayName: 'Sneaky',
          phones: ['+371 2999 0000'],
          profile: { region: 'Riga', ageBand: '18-29', language: 'lv' },
          declaredIndependent: true,
        },
        'mystery:programmes': {},
        'mystery:programme-save': {
          id: randomUUID(),
          name: 'Not mine',
          objective: 'training',
          ratings: [],
          target: 50,
        },
        'mystery:pack': { version: 1 },
        'mystery:waves': {},
        'mystery:plan': wave,
        'mystery:wave-save': { ...wave, id: randomUUID() },
        'mystery:wave-launch': { waveId },
        'mystery:wave-close': { waveId },
        'mystery:assignments': { waveId },
        'mystery:assign': { assignmentId: A.id, callerId: null },
        'mystery:open': { assignmentId: A.id },
        'mystery:reviews': {},
        'mystery:review': { assignmentId: A.id, action: 'reject', note: 'not mine to say' },
        'mystery:results': { waveId },
        'mystery:release': { waveId },
        'mystery:board': {},
        'mystery:claim': { assignmentId: A.id },
        'mystery:report': report(A),
      };
      const events = Object.keys(clientEventSchemas).filter((e) => e.startsWith('mystery:'));
      expect(events.filter((e) => !(e in payloads))).toEqual([]);
      for (const [who, w] of [
        ['agent1', agent1],
        ['lead', lead],
      ] as const)
        for (const event of events as ClientEventName[])
          expect(codeOf(await w.ask(event, payloads[event])), `${who} ${event}`).toBe('forbidden');
    },
    TIMEOUT,
  );

  it(
    'signs a caller switched off out, and puts the calls they claimed back on the board',
    async () => {
      const summer = data(
        await qm.ask<{ assignments: MysteryAssignment[] }>('mystery:assignments', { waveId: next }),
      ).assignments;
      const given = data(
        await qm.ask<MysteryAssignment>('mystery:assign', {
          assignmentId: summer[0]!.id,
          callerId: ids.oleg,
        }),
      );
      expect(given.status).toBe('claimed');
      const gone = new Promise<string>((resolve) => oleg.socket.once('disconnect', resolve));
      const off = data(
        await qm.ask<{ caller: { disabled: boolean } }>('mystery:caller-save', {
          id: ids.oleg,
          username: 'oleg',
          displayName: 'Oleg Older',
          phones: [OLEG_PHONE],
          profile: { region: 'Riga', ageBand: '60+', language: 'lv' },
          declaredIndependent: true,
          disabled: true,
        }),
      );
      expect(off.caller.disabled).toBe(true);
      expect(await gone).toBe('io server disconnect');
      await expect(signIn(hub.url, 'oleg', PASSWORDS.oleg)).rejects.toThrow(/401/);
      const back = data(
        await qm.ask<{ assignments: MysteryAssignment[] }>('mystery:assignments', { waveId: next }),
      ).assignments.find((a) => a.id === summer[0]!.id)!;
      expect(back).toMatchObject({ status: 'open', callerId: null });
    },
    TIMEOUT,
  );
});

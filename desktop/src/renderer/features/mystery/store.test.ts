// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeHub, settle, type Reply } from '../../test-support/fake-hub.js';
import type {
  MysteryAssignment,
  MysteryOpened,
  MysteryReport,
  Wave,
  WaveSave,
} from '@sidecoach/shared';

// The mystery store against a fake of the one hub client: what it asks and in which order, what
// it keeps of the answers (and of the refusals), answers arriving out of order, and how a push
// (`mystery:changed`) reaches what is shown.

vi.mock('../../hub/client.js', async (original) =>
  (await import('../../test-support/fake-hub.js')).fakeClient(original, 'errors.conflict'),
);
const { asked } = fakeHub;

const store = await import('./store.js');
const { useMystery } = store;
const { useMysteryView, registeredMysteryStore } = await import('./view.js');
const { useSession } = await import('../../hub/session-store.js');

const wave = (patch: Partial<Wave> = {}): Wave => ({
  id: 'w1',
  programmeId: 'p1',
  programmeName: 'Booking line',
  name: 'November',
  from: '2026-11-02',
  to: '2026-11-29',
  teamIds: ['t1'],
  numbers: { t1: '+44 20 7946 0100' },
  calls: 2,
  scenarios: [
    { id: 's1', callType: 'booking', title: 'Move', brief: 'Taylor', answers: '', tests: '' },
  ],
  perTeamMax: 2,
  perAgentMax: 1,
  callerGapDays: 30,
  profileMix: {},
  confidence: 0.95,
  margin: 0.05,
  status: 'draft',
  plan: {
    calls: 2,
    byTeam: [],
    byCallType: [],
    byDayPart: [],
    byWeekPart: [],
    byRegion: [],
    byAgeBand: [],
    byLanguage: [],
    sampleSizeNeeded: 2,
    population: 10,
    warnings: [],
  },
  counts: { open: 0, claimed: 0, reported: 0, approved: 0, rejected: 0 },
  resultsReleasedAt: null,
  updatedAt: '2026-11-01T10:00:00.000Z',
  ...patch,
});
const payload: WaveSave = {
  id: 'w1',
  programmeId: 'p1',
  name: 'November',
  from: '2026-11-02',
  to: '2026-11-29',
  teamIds: ['t1'],
  numbers: { t1: '+44 20 7946 0100' },
  calls: 2,
  scenarios: [{ id: 's1', callType: 'booking', title: 'Move', brief: 'Taylor' }],
  perTeamMax: 2,
  perAgentMax: 1,
};
const assignment = (patch: Partial<MysteryAssignment> = {}): MysteryAssignment => ({
  id: 'a1',
  waveId: 'w1',
  teamId: 't1',
  teamName: 'Demo team',
  numberToCall: null,
  scenario: wave().scenarios[0]!,
  windowFrom: '2026-11-03T09:00:00.000Z',
  windowTo: '2026-11-03T10:00:00.000Z',
  dayPart: 'morning',
  weekend: false,
  profile: {},
  callerId: null,
  callerName: null,
  status: 'open',
  reviewNote: null,
  ...patch,
});
const report = (patch: Partial<MysteryReport> = {}): MysteryReport => ({
  assignmentId: 'a1',
  waveId: 'w1',
  callerId: 'c1',
  callerName: 'Ruth Ring',
  calledAt: '2026-11-03T09:10:00.000Z',
  calledNumber: '+44 20 7946 0100',
  fromNumber: '+44 7700 900456',
  agentNameHeard: '',
  answers: {},
  comments: {},
  ratings: {},
  impression: '',
  reply: '',
  score: null,
  submittedAt: '2026-11-03T09:20:00.000Z',
  match: {
    method: 'number',
    callId: 'k1',
    agentId: 'u-ben',
    agentName: 'Ben',
    candidates: [],
    recordingUrl: null,
  },
  overAgentLimit: false,
  grade: null,
  reviewNote: null,
  reviewedAt: null,
  ...patch,
});

beforeEach(() => {
  asked.length = 0;
  fakeHub.reply = () => ({ ok: true, data: {} });
  useSession.setState({
    phase: 'ready',
    session: {
      token: 't',
      hubUrl: 'http://127.0.0.1:4780',
      user: {
        id: 'u-q',
        username: 'quality',
        displayName: 'Quinn',
        role: 'admin',
        teams: [],
        behavioursOnly: false,
        lang: null,
        permissions: [],
      },
    },
  });
  useMysteryView.setState({ open: true, path: [] });
  registeredMysteryStore()!.reset();
});

describe('the mystery store', () => {
  it('registers with the view, which resets it on sign-out', async () => {
    fakeHub.reply = () => ({ ok: true, data: { callers: [] } });
    await store.loadCallers();
    expect(useMystery.getState().callers.status).toBe('loaded');
    registeredMysteryStore()!.reset();
    expect(useMystery.getState().callers).toEqual({ status: 'idle', error: null, data: [] });
  });

  it('loads the items of an older scorecard version once, for a programme built on it', async () => {
    const older = {
      id: 'p',
      name: { en: 'Pack' },
      version: 1,
      callTypes: [],
      areas: [],
    };
    fakeHub.reply = () => ({ ok: true, data: { pack: older } });
    await store.loadVersionPack(1);
    expect(asked).toEqual([{ event: 'mystery:pack', payload: { version: 1 } }]);
    expect(useMystery.getState().versionPack).toMatchObject({
      status: 'loaded',
      version: 1,
      data: older,
    });
    await store.loadVersionPack(1);
    expect(asked).toHaveLength(1);
    // Another version: the one shown is not taken for it while it loads.
    fakeHub.reply = () => new Promise<Reply>(() => {});
    void store.loadVersionPack(2);
    expect(useMystery.getState().versionPack).toMatchObject({
      status: 'loading',
      version: 2,
      data: null,
    });
  });

  it('loads what a wave’s results page shows', () => {
    fakeHub.reply = () => new Promise<Reply>(() => {});
    store.show({ screen: 'wave', id: 'w1', page: 'results' });
    expect(asked.map((a) => a.event)).toEqual([
      'mystery:programmes',
      'mystery:waves',
      'admin:teams',
      'scorecard:get',
      'mystery:results',
    ]);
    expect(asked.at(-1)?.payload).toEqual({ waveId: 'w1' });
  });

  it('keeps the plan of the latest form, whatever order the answers come in', async () => {
    let first!: (r: Reply) => void;
    fakeHub.reply = (_event, p) =>
      (p as WaveSave).calls === 1
        ? new Promise<Reply>((resolve) => (first = resolve))
        : { ok: true, data: { ...wave().plan, calls: 2 } };
    const slow = store.previewPlan({ ...payload, calls: 1 });
    await store.previewPlan(payload);
    first({ ok: true, data: { ...wave().plan, calls: 1 } });
    await slow;
    expect(useMystery.getState().plan).toMatchObject({ status: 'loaded', data: { calls: 2 } });
    // The same form again asks nothing.
    await store.previewPlan(payload);
    expect(asked).toHaveLength(2);
  });

  it('launches a changed wave: saves it first, then draws it, and says how many calls are out', async () => {
    useMysteryView.setState({ path: ['programmes', 'p1', 'new-wave'] });
    const steps: Array<string | null> = [];
    const off = useMystery.subscribe((s) => {
      if (steps.at(-1) !== s.launchStep) steps.push(s.launchStep);
    });
    fakeHub.reply = (event) =>
      event === 'mystery:wave-save'
        ? { ok: true, data: wave() }
        : { ok: true, data: wave({ status: 'live', counts: { ...wave().counts, open: 2 } }) };
    expect(await store.launchWave('w1', payload)).toBe(true);
    off();
    expect(asked.map((a) => a.event)).toEqual(['mystery:wave-save', 'mystery:wave-launch']);
    expect(steps).toEqual(['saving', 'drawing', null]);
    expect(useMysteryView.getState().path).toEqual(['waves', 'w1']);
    expect(useMystery.getState()).toMatchObject({
      busy: null,
      waves: { data: [{ id: 'w1', status: 'live' }] },
      notice: { ok: true, message: { key: 'mystery.wave.launched', values: { count: 2 } } },
    });
  });

  it('keeps the hub’s reasons when it refuses a caller who is staff', async () => {
    fakeHub.reply = () => ({
      ok: false,
      code: 'conflict',
      message: 'a mystery caller is never the centre’s staff',
      problems: ['The phone +44 20 7946 0111 is the extension of staff account "ava".'],
    });
    const ok = await store.saveCaller({
      username: 'ava2',
      displayName: 'Ava',
      phones: ['+44 20 7946 0111'],
      profile: { region: 'London', ageBand: '30-44', language: 'en' },
      declaredIndependent: true,
    });
    expect(ok).toBe(false);
    expect(useMystery.getState()).toMatchObject({
      notice: { ok: false, message: { key: 'errors.conflict' } },
      reasons: ['The phone +44 20 7946 0111 is the extension of staff account "ava".'],
      issued: null,
    });
  });

  it('shows a new caller’s one-time code once, on the caller’s own screen', async () => {
    useMysteryView.setState({ path: ['callers', 'new'] });
    const caller = {
      id: 'c9',
      username: 'mia',
      displayName: 'Mia',
      email: null,
      phones: ['+44 7700 900123'],
      profile: { region: 'London', ageBand: '30-44' as const, language: 'en' },
      disabled: false,
      approved: 0,
      meanGrade: null,
      createdAt: '2026-11-01T10:00:00.000Z',
    };
    fakeHub.reply = () => ({
      ok: true,
      data: { caller, oneTimeCode: 'K7Q-2MX', codeExpiresAt: '2026-11-03T10:00:00.000Z' },
    });
    await store.saveCaller({ ...caller, declaredIndependent: true });
    expect(useMysteryView.getState().path).toEqual(['callers', 'c9']);
    expect(useMystery.getState().issued?.oneTimeCode).toBe('K7Q-2MX');
    // Leaving the screen hides it for good.
    store.go({ screen: 'callers' });
    expect(useMystery.getState().issued).toBeNull();
  });

  it('takes a reviewed report off the queue and shows its decision', async () => {
    const opened = {
      assignment: assignment({ status: 'reported' }),
      report: report(),
      items: [],
    } as unknown as MysteryOpened;
    fakeHub.reply = (event) =>
      event === 'mystery:open'
        ? { ok: true, data: opened }
        : event === 'mystery:reviews'
          ? { ok: true, data: { reports: [report(), report({ assignmentId: 'a2' })] } }
          : { ok: true, data: report({ grade: 4, reviewedAt: '2026-11-04T09:00:00.000Z' }) };
    await store.loadReviews(null);
    await store.openReview('a1');
    expect(
      await store.review({
        assignmentId: 'a1',
        action: 'approve',
        grade: 4,
        note: '',
        callId: null,
      }),
    ).toBe(true);
    const state = useMystery.getState();
    expect(state.reviews.data.map((r) => r.assignmentId)).toEqual(['a2']);
    expect(state.review).toMatchObject({
      busy: null,
      data: { assignment: { status: 'approved' }, report: { grade: 4 } },
      notice: { ok: true, message: { key: 'mystery.review.done.approve' } },
    });
  });

  it('shows the hub’s refusal of a review where the decision is made', async () => {
    fakeHub.reply = (event) =>
      event === 'mystery:open'
        ? { ok: true, data: { assignment: assignment({ status: 'reported' }), report: report() } }
        : { ok: false, code: 'conflict', message: 'the report was returned to the caller' };
    await store.openReview('a1');
    await store.review({
      assignmentId: 'a1',
      action: 'reject',
      note: 'No',
      grade: null,
      callId: null,
    });
    expect(useMystery.getState().review).toMatchObject({
      busy: null,
      data: { assignment: { status: 'reported' } },
      notice: { ok: false, message: { key: 'errors.conflict' } },
    });
  });

  it('follows a push: the assignment in the list, the counts, the reports to review', async () => {
    fakeHub.reply = (event) =>
      event === 'mystery:assignments'
        ? { ok: true, data: { assignments: [assignment()] } }
        : event === 'mystery:reviews'
          ? { ok: true, data: { reports: [report()] } }
          : { ok: true, data: { waves: [wave({ status: 'live' })] } };
    await store.loadAssignments('w1');
    useMysteryView.setState({ path: ['reviews'] });
    asked.length = 0;
    registeredMysteryStore()!.changed(
      assignment({ status: 'reported', callerId: 'c1', callerName: 'Ruth' }),
    );
    await settle();
    expect(useMystery.getState().assignments.data[0]).toMatchObject({
      status: 'reported',
      callerName: 'Ruth',
    });
    expect(asked.map((a) => a.event).sort()).toEqual(['mystery:reviews', 'mystery:waves']);
    expect(useMystery.getState().reviews.data).toHaveLength(1);
  });

  it('gives an assignment to a caller and says so under it', async () => {
    fakeHub.reply = (event) =>
      event === 'mystery:assignments'
        ? { ok: true, data: { assignments: [assignment()] } }
        : { ok: true, data: assignment({ status: 'claimed', callerId: 'c1', callerName: 'Mia' }) };
    await store.loadAssignments('w1');
    expect(await store.assign('a1', 'c1')).toBe(true);
    expect(asked.at(-1)).toEqual({
      event: 'mystery:assign',
      payload: { assignmentId: 'a1', callerId: 'c1' },
    });
    expect(useMystery.getState().assignments.data[0]).toMatchObject({ callerName: 'Mia' });
    expect(useMystery.getState().assigning).toEqual({
      id: null,
      notice: {
        ok: true,
        message: { key: 'mystery.assignments.assigned', values: { name: 'Mia' } },
      },
    });
  });
});

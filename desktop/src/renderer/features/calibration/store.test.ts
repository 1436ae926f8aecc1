// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeHub, settle } from '../../test-support/fake-hub.js';
import type { CalibrationOpened, CalibrationSession, StandardsPack } from '@sidecoach/shared';

// The calibration store against a fake of the one hub client: what it asks and in which order,
// what it keeps of the answers, and how a push (`calibration:changed`) reaches the session shown.

vi.mock('../../hub/client.js', async (original) =>
  (await import('../../test-support/fake-hub.js')).fakeClient(original, 'errors.bad_request'),
);
const { asked } = fakeHub;

const store = await import('./store.js');
const { useCalibration } = store;
const { useQaView, registeredQaStores } = await import('../qa/view.js');
const { useSession } = await import('../../hub/session-store.js');

const pack: StandardsPack = {
  id: 'p',
  name: { en: 'Pack' },
  version: 1,
  callTypes: [{ id: 'booking', name: { en: 'Booking' } }],
  areas: [
    {
      id: 'process',
      items: ['greet', 'tone'].map((id) => ({
        id,
        text: { en: id },
        weight: 1,
        critical: false,
        scorecard: true,
      })),
    },
  ],
};
const session: CalibrationSession = {
  id: 's1',
  title: 'Monthly',
  source: 'call',
  callId: 'c1',
  callType: 'booking',
  callStartedAt: '2026-11-20T09:00:00.000Z',
  packId: 'p',
  packVersion: 1,
  facilitatorId: 'u-q',
  facilitatorName: 'Quinn',
  participants: [
    { userId: 'u-sam', name: 'Sam', submittedAt: null },
    { userId: 'u-nia', name: 'Nia', submittedAt: null },
  ],
  deadline: '2030-01-01T00:00:00.000Z',
  status: 'open',
  createdAt: '2026-11-20T10:00:00.000Z',
  revealedAt: null,
  closedAt: null,
  benchmarked: 0,
};
const opened = (patch: Partial<CalibrationOpened> = {}): CalibrationOpened => ({
  session,
  call: {
    callType: 'booking',
    startedAt: session.callStartedAt,
    durationMs: 1000,
    recordingUrl: null,
    ticks: {},
    survey: null,
  },
  pack,
  guidance: { tone: 'Warm means glad to help.' },
  mine: null,
  reveal: null,
  can: { score: true, reveal: false, benchmark: false, close: false },
  ...patch,
});

const calibration = () => registeredQaStores().find((s) => s.calibrationChanged !== undefined)!;
beforeEach(() => {
  asked.length = 0;
  fakeHub.reply = (event) =>
    event === 'calibration:list'
      ? { ok: true, data: { sessions: [session] } }
      : { ok: true, data: opened() };
  useSession.setState({
    phase: 'ready',
    session: {
      token: 't',
      hubUrl: 'http://127.0.0.1:4780',
      user: {
        id: 'u-sam',
        username: 'supervisor',
        displayName: 'Sam',
        role: 'supervisor',
        teams: [],
        behavioursOnly: false,
        lang: null,
        permissions: ['evaluator'],
      },
    },
  });
  useQaView.setState({ open: true, tab: 'calibration', evaluating: null, calibration: null });
  calibration().reset();
});

describe('the calibration store', () => {
  it('registers with the Quality view, which resets it on sign-out', async () => {
    await store.openSession('s1');
    expect(useCalibration.getState().session.data?.session.id).toBe('s1');
    calibration().reset();
    expect(useCalibration.getState().session).toEqual({
      id: null,
      status: 'idle',
      error: null,
      data: null,
    });
  });

  it('checks a sheet before submitting it, and sends nothing that is incomplete', async () => {
    await store.openSession('s1');
    store.setSheetAnswer('greet', 'yes');
    expect(await store.saveSheet(true)).toBe(false);
    expect(asked.map((a) => a.event)).toEqual(['calibration:open']);
    expect(useCalibration.getState()).toMatchObject({
      showProblems: true,
      notice: { ok: false, message: { key: 'calibration.sheet.incomplete' } },
    });
  });

  it('points at the items the hub refused', async () => {
    await store.openSession('s1');
    fakeHub.reply = () => ({
      ok: false,
      code: 'bad_request',
      message: 'unanswered: tone',
      problems: ['missing:tone'],
    });
    store.setSheetAnswer('greet', 'yes');
    expect(await store.saveSheet(false)).toBe(false);
    expect(asked.at(-1)).toEqual({
      event: 'calibration:save',
      payload: { sessionId: 's1', answers: { greet: 'yes' }, comments: {}, submit: false },
    });
    expect(useCalibration.getState().hubProblems).toEqual({ tone: 'missing' });
    expect(useCalibration.getState().dirty).toBe(true);
  });

  it('takes the hub’s answer to a submit as the sheet', async () => {
    await store.openSession('s1');
    const mine = {
      answers: { greet: 'yes' as const, tone: 'no' as const },
      comments: {},
      submittedAt: '2026-11-21T10:00:00.000Z',
      score: null,
    };
    fakeHub.reply = () => ({ ok: true, data: opened({ mine }) });
    store.setSheetAnswer('greet', 'yes');
    store.setSheetAnswer('tone', 'no');
    expect(await store.saveSheet(true)).toBe(true);
    expect(useCalibration.getState()).toMatchObject({
      form: { answers: mine.answers },
      dirty: false,
      notice: { ok: true, message: { key: 'calibration.sheet.submitted' } },
    });
  });

  it('opens the shown session again on a push, keeping a sheet being changed', async () => {
    useQaView.setState({ calibration: 's1' });
    await store.openSession('s1');
    store.setSheetAnswer('greet', 'no');
    const submitted = {
      ...session,
      participants: [{ ...session.participants[1]!, submittedAt: '2026-11-21T10:00:00.000Z' }],
    };
    fakeHub.reply = () => ({ ok: true, data: opened({ session: submitted }) });
    calibration().calibrationChanged!(submitted);
    await settle();
    expect(asked.map((a) => a.event)).toEqual(['calibration:open', 'calibration:open']);
    const state = useCalibration.getState();
    expect(state.session.data?.session.participants[0]?.submittedAt).not.toBeNull();
    expect(state.form?.answers).toEqual({ greet: 'no' });
    // The list shows the session as pushed.
    expect(state.list.data).toEqual([submitted]);
  });

  it('does not open anything on a push for a session not shown', async () => {
    calibration().calibrationChanged!({ ...session, id: 's2' });
    await settle();
    expect(asked).toEqual([]);
    expect(useCalibration.getState().list.data.map((s) => s.id)).toEqual(['s2']);
  });

  it('shows a refused new session at the field the hub names', async () => {
    fakeHub.reply = () => ({
      ok: false,
      code: 'bad_request',
      message: 'the deadline is at most 90 days ahead',
    });
    const ok = await store.createSession(
      {
        callId: 'c1',
        title: 'T',
        packVersion: '',
        participantIds: ['u-sam', 'u-nia'],
        deadline: '2030-01-01T10:00',
      },
      '0190b2f0-0000-7000-8000-00000000c001',
    );
    expect(ok).toBe(false);
    expect(useCalibration.getState().create.refusal).toMatchObject({
      field: 'deadline',
      message: { key: 'errors.bad_request' },
    });
  });

  it('opens a created session and puts it in the list', async () => {
    fakeHub.reply = () => ({ ok: true, data: session });
    await store.createSession(
      {
        callId: 'c1',
        title: 'Monthly',
        packVersion: '',
        participantIds: ['u-sam', 'u-nia'],
        deadline: '2030-01-01T10:00',
      },
      '0190b2f0-0000-7000-8000-00000000c001',
    );
    expect(asked[0]).toMatchObject({
      event: 'calibration:create',
      payload: { id: '0190b2f0-0000-7000-8000-00000000c001', title: 'Monthly', callId: 'c1' },
    });
    expect(useQaView.getState().calibration).toBe('s1');
    expect(useCalibration.getState().list.data).toEqual([session]);
  });
});

// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeHub, settle } from '../../test-support/fake-hub.js';
import type { MysteryAssignment } from '@sidecoach/shared';
import { assignment, opened, report } from './test-data.js';

// The caller store against a fake of the one hub client: what it asks, what it keeps on the
// device, how a refused claim and a refused report are told, and how a push reaches the board
// and the report on screen.

vi.mock('../../hub/client.js', async (original) =>
  (await import('../../test-support/fake-hub.js')).fakeClient(original, 'errors.bad_request'),
);
const { asked } = fakeHub;

const store = await import('./store.js');
const { useCaller } = store;
const { registeredCallerStore } = await import('./view.js');
const { useSession } = await import('../../hub/session-store.js');
const { readDraft } = await import('../../lib/draft.js');

/** Calls still to make (their windows are years ahead). */
const ahead = { windowFrom: '2030-06-01T18:00:00.000Z', windowTo: '2030-06-01T20:00:00.000Z' };
const open1 = assignment({ id: 'o1', status: 'open', callerId: null, callerName: null, ...ahead });
const open2 = assignment({ id: 'o2', status: 'open', callerId: null, callerName: null, ...ahead });
const mine1 = assignment({ id: 'a1' });
const board = { open: [open1, open2], mine: [mine1] };

beforeEach(() => {
  asked.length = 0;
  sessionStorage.clear();
  localStorage.clear();
  registeredCallerStore()?.reset();
  useSession.setState({
    session: {
      token: 't',
      hubUrl: 'http://127.0.0.1:4780',
      user: {
        id: 'u-caller',
        username: 'caller',
        displayName: 'Mia Mystery',
        role: 'caller',
        teams: [],
        behavioursOnly: false,
        lang: null,
        permissions: [],
      },
    },
  });
  fakeHub.reply = (event) => {
    if (event === 'mystery:board') return { ok: true, data: board };
    if (event === 'mystery:open') return { ok: true, data: opened() };
    throw new Error(`unexpected ${event}`);
  };
});

describe('the board', () => {
  it('says when a wave opens with calls to claim, once a wave, and loads the board again', async () => {
    await store.loadBoard();
    asked.length = 0;
    const pushed = registeredCallerStore()!;
    pushed.waveOpened({ waveId: 'w2', calls: 3 });
    pushed.waveOpened({ waveId: 'w2', calls: 3 });
    await settle();
    expect(useCaller.getState().waveNotice).toEqual({ waveIds: ['w2'], calls: 3 });
    expect(asked.map((a) => a.event)).toEqual(['mystery:board']);
    pushed.waveOpened({ waveId: 'w3', calls: 1 });
    await settle();
    expect(useCaller.getState().waveNotice).toEqual({ waveIds: ['w2', 'w3'], calls: 4 });
    store.dismissWaveNotice();
    expect(useCaller.getState().waveNotice).toBeNull();
  });

  it('loads the caller’s calls and the calls to claim', async () => {
    await store.loadBoard();
    expect(useCaller.getState()).toMatchObject({
      boardStatus: 'loaded',
      open: board.open,
      mine: board.mine,
    });
  });

  it('claims a call: it moves to the caller’s calls, and says so', async () => {
    await store.loadBoard();
    const claimed = { ...open1, status: 'claimed', callerId: 'u-caller' } as MysteryAssignment;
    fakeHub.reply = () => ({ ok: true, data: claimed });
    await store.claim(open1);
    expect(asked.at(-1)).toEqual({ event: 'mystery:claim', payload: { assignmentId: 'o1' } });
    const s = useCaller.getState();
    expect(s.open.map((a) => a.id)).toEqual(['o2']);
    expect(s.mine.map((a) => a.id)).toEqual(['o1', 'a1']);
    expect(s.claimNotice).toEqual({
      assignmentId: 'o1',
      ok: true,
      message: { key: 'mysteryCaller.board.claimed', values: { name: open1.scenario.title } },
    });
  });

  it('says "already taken" when someone was quicker (the board, reloaded, no longer has it)', async () => {
    await store.loadBoard();
    fakeHub.reply = (event) =>
      event === 'mystery:claim'
        ? {
            ok: false,
            code: 'conflict',
            message: 'already taken: choose another call on the board',
          }
        : { ok: true, data: { open: [open2], mine: [mine1] } };
    await store.claim(open1);
    expect(asked.map((a) => a.event)).toEqual(['mystery:board', 'mystery:claim', 'mystery:board']);
    expect(useCaller.getState().claimNotice).toEqual({
      assignmentId: 'o1',
      ok: false,
      message: { key: 'mysteryCaller.board.taken' },
    });
    expect(useCaller.getState().open).toEqual([open2]);
  });

  it('says the window passed when it has, and any other refusal as the hub said it', async () => {
    const past = assignment({
      id: 'old',
      status: 'open',
      callerId: null,
      windowFrom: '2020-01-01T10:00:00.000Z',
      windowTo: '2020-01-01T12:00:00.000Z',
    });
    fakeHub.reply = (event) =>
      event === 'mystery:claim'
        ? { ok: false, code: 'conflict', message: 'the time window of this call has passed' }
        : { ok: true, data: board };
    await store.claim(past);
    expect(useCaller.getState().claimNotice?.message).toEqual({
      key: 'mysteryCaller.board.passed',
    });
    fakeHub.reply = (event) =>
      event === 'mystery:claim'
        ? { ok: false, code: 'forbidden', message: 'this call is for a caller of another profile' }
        : { ok: true, data: board };
    await store.claim(open2);
    expect(useCaller.getState().claimNotice?.message).toEqual({
      key: 'errors.bad_request',
      values: { message: 'this call is for a caller of another profile' },
    });
  });

  it('follows the hub’s pushes, and reopens the report on screen when it was returned', async () => {
    await store.loadBoard();
    await store.openReport('a1');
    asked.length = 0;
    const returned = {
      ...mine1,
      status: 'returned',
      reviewNote: 'Which number?',
    } as MysteryAssignment;
    fakeHub.reply = () => ({ ok: true, data: opened({ assignment: returned, report: report() }) });
    registeredCallerStore()!.changed(returned);
    expect(useCaller.getState().mine[0]).toEqual(returned);
    await vi.waitFor(() => expect(useCaller.getState().opened?.assignment.status).toBe('returned'));
    expect(asked).toEqual([{ event: 'mystery:open', payload: { assignmentId: 'a1' } }]);
  });
});

describe('the report', () => {
  it('opens with the defaults, and keeps every change on the device at once', async () => {
    localStorage.setItem('sidecoach.mystery.from.u-caller', '+44 7700 900123');
    await store.openReport('a1');
    expect(useCaller.getState().form).toMatchObject({
      calledNumber: '+44 20 7946 0100',
      fromNumber: '+44 7700 900123',
    });
    store.editReport({ answers: { verify: 'yes' } });
    expect(JSON.parse(readDraft('mystery.a1'))).toMatchObject({ answers: { verify: 'yes' } });
    // Opened again (a reload): the device's copy wins over the empty one on the hub.
    store.closeReport();
    await store.openReport('a1');
    expect(useCaller.getState().form?.answers).toEqual({ verify: 'yes' });
  });

  it('saves a draft on the hub, and remembers the number called from', async () => {
    await store.openReport('a1');
    store.editReport({ fromNumber: '+44 7700 900999', answers: { verify: 'no' } });
    fakeHub.reply = () => ({ ok: true, data: opened({ report: report({ submittedAt: null }) }) });
    await store.saveReport(false);
    expect(asked.at(-1)).toMatchObject({
      event: 'mystery:report',
      payload: { assignmentId: 'a1', answers: { verify: 'no' }, submit: false },
    });
    expect(useCaller.getState().saveNotice).toEqual({
      ok: true,
      message: { key: 'mysteryCaller.report.draftSaved' },
    });
    expect(localStorage.getItem('sidecoach.mystery.from.u-caller')).toBe('+44 7700 900999');
  });

  it('keeps a draft on the device when the hub is away', async () => {
    await store.openReport('a1');
    store.editReport({ impression: 'Warm.' });
    fakeHub.reply = () => ({ ok: false, code: 'offline', message: '' });
    await store.saveReport(false);
    expect(useCaller.getState().saveNotice?.message).toEqual({
      key: 'mysteryCaller.report.keptHere',
    });
    expect(JSON.parse(readDraft('mystery.a1'))).toMatchObject({ impression: 'Warm.' });
  });

  it('places the hub’s problems on the form, and clears one when it is answered', async () => {
    await store.openReport('a1');
    fakeHub.reply = () => ({
      ok: false,
      code: 'bad_request',
      message: 'unanswered: summary; ratings not given: welcome',
      problems: ['missing:summary', 'rating:welcome', 'fromNumber'],
    });
    await store.saveReport(true);
    const s = useCaller.getState();
    expect(s.problems).toEqual({
      items: { summary: 'missing' },
      ratings: { welcome: 'missing' },
      facts: ['fromNumber'],
      other: false,
    });
    expect(s.saveNotice?.message).toEqual({ key: 'mysteryCaller.report.notFiled' });
    store.editReport({ answers: { summary: 'yes' } }, { item: 'summary' });
    expect(useCaller.getState().problems.items).toEqual({});
    expect(useCaller.getState().problems.ratings).toEqual({ welcome: 'missing' });
  });

  it('files the report: the device copy goes, the page says what happens next', async () => {
    await store.openReport('a1');
    store.editReport({ answers: { verify: 'yes' } });
    const filed = opened({ assignment: assignment({ status: 'reported' }), report: report() });
    fakeHub.reply = () => ({ ok: true, data: filed });
    await store.saveReport(true);
    expect(asked.at(-1)).toMatchObject({ event: 'mystery:report', payload: { submit: true } });
    expect(readDraft('mystery.a1')).toBe('');
    expect(useCaller.getState()).toMatchObject({ filed: true, opened: filed });
    expect(useCaller.getState().mine.find((a) => a.id === 'a1')?.status).toBe('reported');
  });

  it('refuses a time that is not one before asking the hub', async () => {
    await store.openReport('a1');
    store.editReport({ calledAt: '' });
    asked.length = 0;
    await store.saveReport(true);
    expect(asked).toEqual([]);
    expect(useCaller.getState().problems.facts).toEqual(['calledAt']);
  });
});

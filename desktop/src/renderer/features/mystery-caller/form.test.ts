import { describe, expect, it } from 'vitest';
import {
  boardWith,
  formFrom,
  groupMine,
  isEditable,
  isoFromLocal,
  localInputValue,
  minutesBefore,
  parseKeptForm,
  placeProblems,
  reportPayload,
  shownItems,
  windowText,
  type ReportForm,
} from './form.js';
import { assignment, opened, report } from './test-data.js';

// The caller's report and board, without a browser: defaults, what is sent, where the hub's
// problems land, how calls are grouped and what a pushed change does to the board.

const NOW = new Date(2026, 11, 1, 19, 3, 30); // local time: 1 Dec 2026, 19:03:30

describe('a new report', () => {
  it('starts a few minutes ago, to the call’s number, from the number this device remembers', () => {
    const form = formFrom(opened(), NOW, '+44 7700 900123');
    expect(form).toEqual({
      calledAt: '2026-12-01T18:58',
      calledNumber: '+44 20 7946 0100',
      fromNumber: '+44 7700 900123',
      agentNameHeard: '',
      answers: {},
      comments: {},
      ratings: {},
      impression: '',
      reply: '',
    });
  });

  it('reads the hub’s saved report back, the time on this device’s clock', () => {
    const saved = report();
    const form = formFrom(opened({ report: saved }), NOW, 'ignored');
    expect(form.calledAt).toBe(localInputValue(new Date(saved.calledAt)));
    expect(form).toMatchObject({
      fromNumber: '+44 7700 900123',
      agentNameHeard: 'Ava',
      answers: { verify: 'yes', summary: 'no', tone: 'yes' },
      comments: { summary: 'No reference number.' },
      ratings: { welcome: 4, clear: 2 },
    });
  });

  it('turns the time input into an instant, and refuses what is not a time', () => {
    expect(isoFromLocal('2026-12-01T18:58')).toBe(new Date(2026, 11, 1, 18, 58).toISOString());
    expect(isoFromLocal('')).toBeNull();
    expect(isoFromLocal('yesterday')).toBeNull();
    expect(minutesBefore(NOW, 0)).toBe('2026-12-01T19:03');
    expect(minutesBefore(NOW, 30)).toBe('2026-12-01T18:33');
  });

  it('keeps a form on the device only if it still has the form’s shape', () => {
    const form = formFrom(opened(), NOW, '');
    expect(parseKeptForm(JSON.stringify(form))).toEqual(form);
    expect(parseKeptForm('')).toBeNull();
    expect(parseKeptForm('not json')).toBeNull();
    expect(parseKeptForm(JSON.stringify({ ...form, answers: null }))).toBeNull();
    expect(parseKeptForm(JSON.stringify({ calledAt: 3 }))).toBeNull();
  });

  it('may be changed while claimed or returned, never once filed or decided', () => {
    expect(isEditable(assignment({ status: 'claimed' }))).toBe(true);
    expect(isEditable(assignment({ status: 'returned' }))).toBe(true);
    for (const status of ['open', 'reported', 'approved', 'rejected'] as const)
      expect(isEditable(assignment({ status })), status).toBe(false);
  });
});

describe('the questionnaire', () => {
  it('asks the call’s questions in scorecard order, a follow-up once its answer is given', () => {
    const ids = (answers: ReportForm['answers']) =>
      shownItems(opened(), answers).map((s) => s.item.id);
    expect(ids({})).toEqual(['verify', 'summary', 'tone']);
    expect(ids({ summary: 'no' })).toEqual(['verify', 'summary', 'tone']);
    expect(ids({ summary: 'yes' })).toEqual(['verify', 'summary', 'upsell', 'tone']);
  });

  it('sends only what is asked, trimmed, with the time as an instant', () => {
    const form: ReportForm = {
      ...formFrom(opened(), NOW, ' +44 7700 900123 '),
      agentNameHeard: '  Ava ',
      // The upsell was answered, then the summary changed to "no": its answer goes.
      answers: { verify: 'yes', summary: 'no', upsell: 'yes', tone: 'na' },
      comments: { summary: '  No reference. ', tone: '   ', upsell: 'Offered breakfast' },
      ratings: { welcome: 5, clear: 3, unknown: 1 },
      impression: ' Warm. ',
    };
    expect(reportPayload(opened(), form, true)).toEqual({
      assignmentId: 'a1',
      calledAt: new Date(2026, 11, 1, 18, 58).toISOString(),
      calledNumber: '+44 20 7946 0100',
      fromNumber: '+44 7700 900123',
      agentNameHeard: 'Ava',
      answers: { verify: 'yes', summary: 'no', tone: 'na' },
      comments: { summary: 'No reference.' },
      ratings: { welcome: 5, clear: 3 },
      impression: 'Warm.',
      reply: '',
      submit: true,
    });
    expect(reportPayload(opened(), { ...form, calledAt: '' }, false)).toBeNull();
  });
});

describe('the hub’s problems', () => {
  it('land on the questions, ratings and facts they name', () => {
    expect(
      placeProblems([
        'missing:summary',
        'comment:summary',
        'na:verify',
        'unknown:apology',
        'rating:welcome',
        'unknown-rating:loud',
        'fromNumber',
        'calledAt',
      ]),
    ).toEqual({
      // The first problem named for a question is the one shown.
      items: { summary: 'missing', verify: 'na', apology: 'unknown' },
      ratings: { welcome: 'missing', loud: 'unknown' },
      facts: ['calledAt', 'fromNumber'],
      other: false,
    });
  });

  it('say when something named nothing on the form', () => {
    expect(placeProblems(['something-new']).other).toBe(true);
    expect(placeProblems(undefined)).toEqual({ items: {}, ratings: {}, facts: [], other: false });
  });
});

describe('the board', () => {
  it('puts a question to answer first, then calls to make (soonest first), then the rest', () => {
    const mine = [
      assignment({ id: 'done', status: 'approved', windowFrom: '2026-11-02T10:00:00.000Z' }),
      assignment({ id: 'late', status: 'claimed', windowFrom: '2026-12-03T10:00:00.000Z' }),
      assignment({ id: 'asked', status: 'returned', reviewNote: 'Which number?' }),
      assignment({ id: 'soon', status: 'claimed', windowFrom: '2026-12-02T10:00:00.000Z' }),
      assignment({ id: 'filed', status: 'reported' }),
    ];
    expect(groupMine(mine).map((g) => [g.status, g.calls.map((a) => a.id)])).toEqual([
      ['returned', ['asked']],
      ['claimed', ['soon', 'late']],
      ['reported', ['filed']],
      ['approved', ['done']],
    ]);
  });

  it('follows pushed changes: my claim moves to my calls, a call taken by another leaves', () => {
    const open = [
      assignment({ id: 'o1', status: 'open', callerId: null }),
      assignment({ id: 'o2', status: 'open', callerId: null }),
    ];
    const board = { open, mine: [] };
    const claimed = assignment({ id: 'o1', status: 'claimed', callerId: 'me' });
    expect(boardWith(board, claimed, 'me')).toEqual({ open: [open[1]], mine: [claimed] });
    const takenByOther = assignment({ id: 'o2', status: 'claimed', callerId: 'other' });
    expect(boardWith(board, takenByOther, 'me')).toEqual({ open: [open[0]], mine: [] });
    // The manager gave my call back to the board: it is no longer mine.
    const given = { open: [], mine: [claimed] };
    const back = assignment({ id: 'o1', status: 'open', callerId: null });
    expect(boardWith(given, back, 'me')).toEqual({ open: [], mine: [] });
  });

  it('shows the window in the caller’s time, and the floor’s zone with its hours when they differ', () => {
    const a = assignment({ zone: 'Europe/London' });
    const inLondon = windowText(a, 'en-GB', 'Europe/London');
    expect(inLondon.local).toBe('Tue 1 Dec · 18:00–20:00');
    expect(inLondon.floor).toEqual({ zone: 'United Kingdom Time', hours: null });
    const inRiga = windowText(a, 'en-GB', 'Europe/Riga');
    expect(inRiga.local).toBe('Tue 1 Dec · 20:00–22:00');
    expect(inRiga.floor).toEqual({ zone: 'United Kingdom Time', hours: '18:00–20:00' });
    expect(windowText(assignment({ zone: undefined }), 'en-GB', 'Europe/Riga').floor).toBeNull();
    expect(windowText(assignment({ zone: 'Nowhere/Atlantis' }), 'en-GB', 'UTC').floor).toBeNull();
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import i18next, { type TFunction } from 'i18next';
import {
  calibrationTrends,
  sessionFigures,
  type Answer,
  type CalibrationOpened,
  type CalibrationSession,
  type CalibrationSetup,
  type SessionInput,
  type StandardsPack,
} from '@sidecoach/shared';
import en from '../../i18n/translation.en.js';
import lv from '../../i18n/translation.lv.js';
import zhTW from '../../i18n/translation.zh-TW.js';
import { toCsv } from '../../lib/csv.js';
import { scorecardItem as item } from '../qa/test-items.js';
import { cellText, csvRows, type RowContext, type Table } from '../qa/rows.js';
import {
  createFromDraft,
  emptyDraft,
  fieldOfRefusal,
  localDateTime,
  peopleOrder,
  versionsNewestFirst,
} from './create-form.js';
import {
  answersFile,
  byDisagreement,
  callsTable,
  figuresTable,
  participantsTable,
  pointsText,
  sessionsTable,
  sideBySideTable,
  statisticText,
  trendEvaluatorsTable,
  trendItemsTable,
  trendSessionsTable,
} from './rows.js';
import {
  agreedWithoutBenchmark,
  canFacilitate,
  problemsFromHub,
  revealBlock,
  sheetFrom,
  sheetItems,
  sheetPayload,
  sheetProblems,
  sheetScore,
} from './sheet.js';

// Calibration's pure parts: the blind sheet (items in play, what is sent, the hub's problems by
// item), why the reveal waits, the "New session" form (defaults, checks, where a hub refusal
// belongs), and every table exactly as its CSV file holds it. The figures come from shared's
// sessionFigures and calibrationTrends, as the hub computes them.

const pack: StandardsPack = {
  id: 'p',
  name: { en: 'Pack' },
  version: 4,
  callTypes: [{ id: 'booking', name: { en: 'Booking', lv: 'Rezervācija' } }],
  areas: [
    {
      id: 'process',
      items: [
        item('greet'),
        item('verify', { naAllowed: false }),
        item('summary', { commentOnNo: true }),
        item('offer', { showWhen: { item: 'summary', answers: ['yes'] } }),
      ],
    },
    { id: 'behaviour', items: [item('tone')] },
  ],
};

const T0 = '2026-11-20T09:00:00.000Z';
const session = (patch: Partial<CalibrationSession> = {}): CalibrationSession => ({
  id: 's1',
  title: 'Monthly calibration',
  source: 'call',
  callId: 'c1',
  callType: 'booking',
  callStartedAt: T0,
  packId: 'p',
  packVersion: 4,
  facilitatorId: 'u-q',
  facilitatorName: 'Quinn Quality',
  participants: [
    { userId: 'u-sam', name: 'Sam', submittedAt: '2026-11-21T10:00:00.000Z' },
    { userId: 'u-nia', name: 'Nia', submittedAt: null },
    { userId: 'u-lina', name: 'Lina', submittedAt: null },
  ],
  deadline: '2026-11-22T17:00:00.000Z',
  status: 'open',
  createdAt: '2026-11-20T12:00:00.000Z',
  revealedAt: null,
  closedAt: null,
  benchmarked: 0,
  ...patch,
});

const all = (answer: Answer, except: Record<string, Answer> = {}) => ({
  greet: answer,
  verify: answer,
  summary: answer,
  offer: answer,
  tone: answer,
  ...except,
});

/** Three sheets: tone splits the room, everything else alike; benchmarks on every item. */
const input: SessionInput = {
  pack,
  callType: 'booking',
  sheets: [
    { userId: 'u-sam', name: 'Sam', answers: all('yes') },
    { userId: 'u-nia', name: 'Nia', answers: all('yes', { tone: 'no' }) },
    { userId: 'u-lina', name: 'Lina', answers: all('yes', { tone: 'no' }) },
  ],
  benchmarks: all('yes', { tone: 'no' }),
  notes: { tone: 'Warm means glad to help.' },
};

const opened = (patch: Partial<CalibrationOpened> = {}): CalibrationOpened => ({
  session: session(),
  call: {
    callType: 'booking',
    startedAt: T0,
    durationMs: 240_000,
    recordingUrl: null,
    ticks: {},
    survey: null,
  },
  pack,
  guidance: {},
  mine: null,
  reveal: null,
  can: { score: true, reveal: false, benchmark: false, close: false },
  ...patch,
});

const NIA_COMMENTS: Record<string, string> = { tone: 'Flat, not warm.' };

/** A figures table by figure name. */
const byFigure = (table: Table): Record<string, string> =>
  Object.fromEntries(text(table).map((r) => [r[0]!, r[1]!] as const));

/** A table's cells as the screen shows them. */
const text = (table: Table) => table.rows.map((r) => r.map(cellText));

const revealed = (): CalibrationOpened => {
  const figures = sessionFigures(input);
  return opened({
    session: session({ status: 'revealed', revealedAt: '2026-11-22T18:00:00.000Z' }),
    reveal: {
      figures,
      sheets: input.sheets.map((s) => ({
        ...s,
        comments: s.userId === 'u-nia' ? NIA_COMMENTS : {},
        submittedAt: '2026-11-21T10:00:00.000Z',
        score: null,
      })),
    },
    can: { score: false, reveal: false, benchmark: true, close: true },
  });
};

describe('the blind sheet', () => {
  it('starts from the caller’s own sheet, and sends only the items in play', () => {
    const mine = opened({
      mine: {
        answers: { greet: 'yes' },
        comments: { greet: ' kept ' },
        submittedAt: null,
        score: null,
      },
    });
    const form = sheetFrom(mine);
    expect(form.answers).toEqual({ greet: 'yes' });
    // "offer" follows a yes to "summary": hidden until then, and not sent while hidden.
    expect(sheetItems(mine, form).map((s) => s.item.id)).toEqual([
      'greet',
      'verify',
      'summary',
      'tone',
    ]);
    const changed = {
      ...form,
      answers: { ...form.answers, summary: 'no' as const, offer: 'yes' as const },
    };
    expect(sheetPayload(mine, changed, true)).toEqual({
      sessionId: 's1',
      answers: { greet: 'yes', summary: 'no' },
      comments: { greet: 'kept' },
      submit: true,
    });
    expect(sheetProblems(mine, changed)).toMatchObject({
      missing: ['verify', 'tone'],
      commentMissing: ['summary'],
    });
    expect(sheetScore(mine, { answers: all('yes'), comments: {} }).percent).toBe(100);
    expect(sheetFrom(opened()).answers).toEqual({});
  });

  it('points at each item the hub refused, by its problem', () => {
    expect(
      problemsFromHub(['missing:tone', 'comment:summary', 'na:verify', 'unknown:gone', 'odd']),
    ).toEqual({ tone: 'missing', summary: 'commentMissing', verify: 'naRefused' });
    expect(problemsFromHub(undefined)).toEqual({});
  });

  it('says why the reveal waits: two sheets at least, then everyone or the deadline', () => {
    const before = new Date('2026-11-21T12:00:00.000Z');
    expect(revealBlock(session(), before)).toEqual({ reason: 'fewSheets', submitted: 1 });
    const two = session({
      participants: session().participants.map((p, i) =>
        i < 2 ? { ...p, submittedAt: '2026-11-21T10:00:00.000Z' } : p,
      ),
    });
    expect(revealBlock(two, before)).toEqual({
      reason: 'waiting',
      deadline: '2026-11-22T17:00:00.000Z',
    });
    // Past the deadline two sheets are enough; with every sheet in, no waiting at all.
    expect(revealBlock(two, new Date('2026-11-22T17:00:01.000Z'))).toBeNull();
    const everyone = session({
      participants: session().participants.map((p) => ({ ...p, submittedAt: T0 })),
    });
    expect(revealBlock(everyone, before)).toBeNull();
    expect(revealBlock(session({ status: 'revealed' }), before)).toBeNull();
  });

  it('finds the items everyone answered alike that have no benchmark yet', () => {
    const figures = sessionFigures({ ...input, benchmarks: { greet: 'yes' } });
    // Tone split the room; greet has its benchmark: the other three, with their common answer.
    expect(agreedWithoutBenchmark(figures.items)).toEqual(
      ['verify', 'summary', 'offer'].map((itemId) => ({ itemId, answer: 'yes' })),
    );
  });

  it('lets quality managers and leads run sessions', () => {
    expect(['admin', 'lead', 'supervisor', 'agent'].map(canFacilitate)).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
});

describe('the new session form', () => {
  const now = new Date(2026, 10, 25, 9, 30);

  it('starts on the newest version with a deadline in two days', () => {
    expect(emptyDraft(now)).toEqual({
      callId: '',
      title: '',
      packVersion: '',
      participantIds: [],
      deadline: '2026-11-27T09:30',
    });
    expect(versionsNewestFirst({ versions: [1, 3, 2] } as unknown as CalibrationSetup)).toEqual([
      3, 2, 1,
    ]);
  });

  it('lists evaluators first, each group by name', () => {
    const people = peopleOrder([
      { id: 'l', name: 'Lina', role: 'lead', evaluator: false },
      { id: 'n', name: 'Nia', role: 'supervisor', evaluator: true },
      { id: 'a', name: 'Ari', role: 'admin', evaluator: false },
      { id: 's', name: 'Sam', role: 'supervisor', evaluator: true },
    ]);
    expect(people.map((p) => p.id)).toEqual(['n', 's', 'a', 'l']);
  });

  it('names every field that keeps it from being sent', () => {
    const made = createFromDraft(
      {
        callId: '',
        title: '  ',
        packVersion: '',
        participantIds: ['a'],
        deadline: '2026-11-25T09:00',
      },
      'id-1',
      now,
    );
    expect(made).toEqual({
      problems: {
        callId: 'call',
        title: 'title',
        participantIds: 'participants',
        deadline: 'deadline',
      },
    });
    const many = Array.from({ length: 31 }, (_, i) => `p${i}`);
    expect(
      createFromDraft(
        { ...emptyDraft(now), callId: 'c', title: 't', participantIds: many },
        'i',
        now,
      ),
    ).toEqual({ problems: { participantIds: 'tooMany' } });
  });

  it('sends the trimmed title, the version only when one was chosen, the deadline in UTC', () => {
    const deadline = new Date(2026, 10, 27, 17, 0);
    const draft = {
      callId: 'c1',
      title: ' Monthly calibration ',
      packVersion: '',
      participantIds: ['a', 'b', 'c'],
      deadline: localDateTime(deadline),
    };
    expect(createFromDraft(draft, 'id-1', now)).toEqual({
      payload: {
        id: 'id-1',
        title: 'Monthly calibration',
        callId: 'c1',
        participantIds: ['a', 'b', 'c'],
        deadline: deadline.toISOString(),
      },
    });
    expect(createFromDraft({ ...draft, packVersion: '2' }, 'id-1', now)).toMatchObject({
      payload: { packVersion: 2 },
    });
  });

  it('shows a hub refusal at the field it is about (the hub’s own messages)', () => {
    expect(fieldOfRefusal('the deadline has passed: give a time in the future')).toBe('deadline');
    expect(fieldOfRefusal('the deadline is at most 90 days ahead')).toBe('deadline');
    expect(fieldOfRefusal('the call’s own agent cannot score it in calibration')).toBe(
      'participantIds',
    );
    expect(
      fieldOfRefusal('not active evaluators, coaches or quality managers: u-9', [
        'participant:u-9',
      ]),
    ).toBe('participantIds');
    expect(fieldOfRefusal('scorecard version 3 has no items for the call type booking')).toBe(
      'packVersion',
    );
    expect(fieldOfRefusal('the call is still under way: calibrate it once it has ended')).toBe(
      'callId',
    );
    expect(
      fieldOfRefusal('✖ Too small: expected string to have >=1 characters\n  → at title'),
    ).toBe('title');
    expect(
      fieldOfRefusal('only quality managers (admins) and leads run calibration sessions'),
    ).toBe(null);
  });
});

describe('the tables, as their CSV files hold them', () => {
  let t: TFunction;
  let tLv: TFunction;
  let tTw: TFunction;
  beforeAll(async () => {
    const i = i18next.createInstance();
    await i.init({
      lng: 'en',
      resources: {
        en: { translation: en },
        lv: { translation: lv },
        'zh-TW': { translation: zhTW },
      },
      interpolation: { escapeValue: false },
    });
    t = i.getFixedT('en');
    tLv = i.getFixedT('lv');
    tTw = i.getFixedT('zh-TW');
  });
  const ctx = (lang = 'en'): RowContext => ({
    t: lang === 'lv' ? tLv : lang === 'zh-TW' ? tTw : t,
    lang,
    pack,
    today: '2026-11-25',
  });

  it('writes a statistic, or why it is not one, in the UI’s language', () => {
    expect(statisticText({ value: 0.6154, undefinedBecause: null }, ctx())).toBe('0.62');
    expect(statisticText({ value: -0.25, undefinedBecause: null }, ctx('lv'))).toBe('-0,25');
    expect(statisticText({ value: null, undefinedBecause: 'one-category' }, ctx())).toBe(
      'Not defined: every answer was the same',
    );
    expect(statisticText({ value: null, undefinedBecause: 'one-rater' }, ctx('lv'))).toBe(
      'Nav nosakāms: vajadzīgi vismaz divi vērtētāji',
    );
    expect(pointsText(4.25, ctx(), true)).toBe('+4.3 pts');
    expect(pointsText(-12, ctx('lv'), true)).toBe('-12 p. p.');
    expect(pointsText(0, ctx(), true)).toBe('0 pts');
    expect(pointsText(null, ctx())).toBe('–');
  });

  it('lists sessions newest first with how many have submitted', () => {
    const older = session({ id: 's0', title: 'Older', createdAt: '2026-11-01T12:00:00.000Z' });
    const table = sessionsTable([older, session({ benchmarked: 1 })], ctx());
    expect(table.header).toEqual([
      'Session',
      'Call type',
      'Status',
      'Deadline',
      'Submitted',
      'Benchmarked',
    ]);
    expect(table.rows.map((r) => [r[0], r[1], r[2], r[4], r[5]])).toEqual([
      ['Monthly calibration', 'Booking', 'Open', '1 of 3 submitted', '1 item'],
      ['Older', 'Booking', 'Open', '1 of 3 submitted', '0 items'],
    ]);
    // Latvian's three plural forms.
    const lvRows = sessionsTable(
      [session({ benchmarked: 0 }), session({ benchmarked: 21 }), session({ benchmarked: 3 })],
      ctx('lv'),
    ).rows.map((r) => r[5]);
    expect(lvRows).toEqual(['0 kritēriju', '21 kritērijs', '3 kritēriji']);
  });

  it('lists the calls to pick from, newest first, with the agent (for the facilitator only)', () => {
    const calls: CalibrationSetup['calls'] = [
      {
        callId: 'c-old',
        agentName: 'Ava Agent',
        teamName: 'Demo',
        callType: 'booking',
        startedAt: '2026-11-01T09:00:00.000Z',
        durationMs: 125_000,
        hasRecording: true,
        sessions: 2,
      },
      {
        callId: 'c-new',
        agentName: 'Dev Agent',
        teamName: null,
        callType: 'booking',
        startedAt: '2026-11-02T09:00:00.000Z',
        durationMs: null,
        hasRecording: false,
        sessions: 0,
      },
    ];
    const rows = callsTable(calls, ctx()).rows.map((r) => [r[0], r[1], r[2], r[4], r[5], r[6]]);
    expect(rows).toEqual([
      ['Dev Agent', '–', 'Booking', '–', 'No', 'Never'],
      ['Ava Agent', 'Demo', 'Booking', '02:05', 'Yes', '2 times'],
    ]);
  });

  it('shows the answers side by side, disagreement first, with each item’s benchmark', () => {
    const o = revealed();
    const table = sideBySideTable(o, o.reveal!, ctx());
    expect(table.header).toEqual(['Item', 'Sam', 'Nia', 'Lina', 'Agreement', 'Benchmark']);
    // One pair in three agrees on tone; every other item is unanimous, in scorecard order.
    expect(text(table)[0]).toEqual(['Item tone', 'Yes', 'No', 'No', '33%', 'No']);
    expect(csvRows(table)[0]).toEqual(['Item tone', 'Yes', 'No', 'No', '33.3%', 'No']);
    expect(table.rows.slice(1).map((r) => r[0])).toEqual([
      'Item greet',
      'Item verify',
      'Item summary',
      'Item offer',
    ]);
    expect(byDisagreement(o.reveal!.figures.items, pack)[0]!.itemId).toBe('tone');
  });

  it('exports one row per participant and item, with the benchmark, note and agreement', () => {
    const o = revealed();
    const file = answersFile(o, o.reveal!, ctx());
    expect(file.header).toEqual([
      'Session',
      'Item id',
      'Item',
      'Participant',
      'Answer',
      'Comment',
      'Benchmark',
      'How to read it',
      'Agreement',
    ]);
    expect(file.rows).toHaveLength(5 * 3);
    expect(text(file).filter((r) => r[1] === 'tone')).toEqual([
      [
        'Monthly calibration',
        'tone',
        'Item tone',
        'Sam',
        'Yes',
        '',
        'No',
        'Warm means glad to help.',
        '33%',
      ],
      [
        'Monthly calibration',
        'tone',
        'Item tone',
        'Nia',
        'No',
        'Flat, not warm.',
        'No',
        'Warm means glad to help.',
        '33%',
      ],
      [
        'Monthly calibration',
        'tone',
        'Item tone',
        'Lina',
        'No',
        '',
        'No',
        'Warm means glad to help.',
        '33%',
      ],
    ]);
    const lines = toCsv(file.header, csvRows(file)).split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFFSession,Item id,Item,Participant,Answer,Comment,Benchmark,How to read it,Agreement',
    );
    // The agreement as a plain percentage in the file, whatever the UI's language.
    expect(lines.filter((l) => l.includes(',tone,')).map((l) => l.split(',').at(-1))).toEqual([
      '33.3%',
      '33.3%',
      '33.3%',
    ]);
  });

  it('writes the session figures, Cohen’s kappa only with two raters', () => {
    const figures = revealed().reveal!.figures;
    const rows = byFigure(figuresTable(figures, ctx()));
    expect(rows).toMatchObject({
      Raters: '3',
      'Items compared': '5',
      'Cohen’s kappa': 'Only with two raters',
      'Score spread': '20 pts',
      'Benchmark score': '80%',
    });
    expect(rows['Fleiss’ kappa']).toMatch(/^-?\d\.\d\d$/);
    // Nia and Lina answered every item alike, tone's "no" included: kappa is 1.
    const two = sessionFigures({ ...input, sheets: input.sheets.slice(1) });
    expect(byFigure(figuresTable(two, ctx()))).toMatchObject({
      Raters: '2',
      'Percent agreement': '100%',
      'Cohen’s kappa': '1.00',
    });
    // Two raters who answered everything "yes": no chance to correct for, so no number.
    const alike = sessionFigures({
      ...input,
      sheets: [input.sheets[0]!, { ...input.sheets[0]!, userId: 'u-2', name: 'Ari' }],
    });
    expect(byFigure(figuresTable(alike, ctx('lv')))).toMatchObject({
      'Koena kappa': 'Nav nosakāms: visas atbildes bija vienādas',
      'Fleisa kappa': 'Nav nosakāms: visas atbildes bija vienādas',
      'Procentuālā saskaņotība': '100%',
    });
  });

  it('sets each participant against the benchmark', () => {
    const table = participantsTable(revealed().reveal!.figures, ctx());
    expect(table.header).toEqual([
      'Participant',
      'Score',
      'Items off the benchmark',
      'Points vs the benchmark',
    ]);
    expect(text(table)).toEqual([
      ['Sam', '100%', '1 of 5', '+20 pts'],
      ['Nia', '80%', '0 of 5', '0 pts'],
      ['Lina', '80%', '0 of 5', '0 pts'],
    ]);
    expect(csvRows(table)).toEqual([
      ['Sam', '100%', '1 of 5', '20'],
      ['Nia', '80%', '0 of 5', '0'],
      ['Lina', '80%', '0 of 5', '0'],
    ]);
  });

  it('puts the items to reword and the evaluators to coach first over time', () => {
    // Two sessions where tone splits the room and Sam reads it kinder than the benchmark.
    const trends = calibrationTrends(
      ['2026-11-01T10:00:00.000Z', '2026-11-15T10:00:00.000Z'].map((revealedAt, i) => ({
        ...input,
        id: `s${i}`,
        title: `Session ${i + 1}`,
        revealedAt,
        packVersion: 4,
      })),
    );
    const sessions = trendSessionsTable(trends, ctx());
    expect(sessions.header).toEqual([
      'Revealed',
      'Session',
      'Raters',
      'Percent agreement',
      'Krippendorff’s α',
      'Fleiss’ κ',
      'Score spread',
    ]);
    expect(csvRows(sessions).map((r) => r[0])).toEqual([
      '2026-11-01T10:00:00.000Z',
      '2026-11-15T10:00:00.000Z',
    ]);
    expect(text(sessions).map((r) => [r[1], r[2], r[3]])).toEqual([
      ['Session 1 (version 4)', '3', '87%'],
      ['Session 2 (version 4)', '3', '87%'],
    ]);
    const items = trendItemsTable(trends, ctx());
    expect(items.rows[0]).toEqual(
      expect.arrayContaining(['Item tone', '2', 'Wording to fix']) as string[],
    );
    expect(items.rows.filter((r) => r[4] === 'Wording to fix')).toHaveLength(1);
    const evaluators = trendEvaluatorsTable(trends, ctx('zh-TW'));
    expect(evaluators.header[0]).toBe('評分員');
    expect(evaluators.rows[0]![0]).toBe('Sam');
    expect(evaluators.rows[0]![7]).toBe('需要輔導');
    expect(evaluators.rows.slice(1).map((r) => r[7])).toEqual(['–', '–']);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import i18next, { type TFunction } from 'i18next';
import type {
  AdminTeam,
  AdminUser,
  MysteryAssignment,
  MysteryResults,
  PlanWarning,
  Programme,
  StandardsPack,
  Wave,
  WavePlan,
} from '@sidecoach/shared';
import en from '../../i18n/translation.en.js';
import lv from '../../i18n/translation.lv.js';
import zhTW from '../../i18n/translation.zh-TW.js';
import { toCsv } from '../../lib/csv.js';
import { scorecardItem as item } from '../qa/test-items.js';
import { cellText, csvRows, type Cell } from '../qa/rows.js';
import { callerFromDraft, draftOfCaller } from './caller-form.js';
import { callerProblemText, programmeProblemText, waveProblemText } from './problems.js';
import {
  draftOfProgramme,
  newRating,
  programmeFromDraft,
  programmeProblems,
  ratingIdFrom,
  typedNumber,
} from './programme-form.js';
import { newReviewDraft, reviewFromDraft } from './review-form.js';
import { pathOf, routeOf, tabOf, type MysteryRoute } from './route.js';
import {
  assignmentsTable,
  breakdownTable,
  callersTable,
  comparisonTable,
  comparisonText,
  filterAssignments,
  itemsTable,
  leagueTable,
  planDimensions,
  planWarningText,
  quotaTable,
  ratingsGivenTable,
  reviewsTable,
  sampleSizeText,
  sectionsTable,
  summaryTable,
  wavesTable,
  type MysteryContext,
} from './rows.js';
import {
  draftOfWave,
  mixTotal,
  newWaveDraft,
  teamsLeftOut,
  waveFromDraft,
  waveProblems,
  type WaveDraft,
} from './wave-form.js';

/** A row's cells as the screen shows them. */
const textRow = (row: readonly Cell[]) => row.map(cellText);
/** A table as the screen shows it. */
const shown = (table: { header: string[]; rows: Cell[][] }) => ({
  header: table.header,
  rows: table.rows.map(textRow),
});

// The mystery-call screens' pure parts: their addresses, the programme, wave, caller and review
// forms (what blocks a save and what is sent), the sampling plan's tables, the results' tables
// and sentences, each exactly as shown and as its CSV file holds it.

const pack: StandardsPack = {
  id: 'p',
  name: { en: 'Pack' },
  version: 3,
  callTypes: [
    { id: 'booking', name: { en: 'Booking', lv: 'Rezervācija' } },
    { id: 'complaint', name: { en: 'Complaint', lv: 'Sūdzība' } },
  ],
  areas: [
    {
      id: 'process',
      items: [
        item('greet'),
        item('summary'),
        item('offer', { showWhen: { item: 'summary', answers: ['yes'] } }),
        item('prepared', { scorecard: false }),
      ],
    },
    { id: 'behaviour', items: [item('tone')] },
  ],
};

const teams: AdminTeam[] = [
  {
    id: 't1',
    name: 'Demo team',
    timeZone: 'Europe/London',
    hours: null,
    coachIds: [],
    agentIds: [],
    createdAt: '2026-01-01T00:00:00.000Z',
  },
  {
    id: 't2',
    name: 'Night shift',
    timeZone: 'Europe/London',
    hours: null,
    coachIds: [],
    agentIds: [],
    createdAt: '2026-01-01T00:00:00.000Z',
  },
  {
    id: 't3',
    name: 'Rīgas komanda',
    timeZone: 'Europe/Riga',
    hours: null,
    coachIds: [],
    agentIds: [],
    createdAt: '2026-01-01T00:00:00.000Z',
  },
];

let tEn: TFunction;
let tLv: TFunction;
let tTw: TFunction;
beforeAll(async () => {
  const i = i18next.createInstance();
  await i.init({
    lng: 'en',
    resources: { en: { translation: en }, lv: { translation: lv }, 'zh-TW': { translation: zhTW } },
    interpolation: { escapeValue: false },
  });
  tEn = i.getFixedT('en');
  tLv = i.getFixedT('lv');
  tTw = i.getFixedT('zh-TW');
});

const ctx = (lang: 'en' | 'lv' | 'zh-TW' = 'en'): MysteryContext => ({
  t: lang === 'en' ? tEn : lang === 'lv' ? tLv : tTw,
  lang,
  pack,
  teamNames: Object.fromEntries(teams.map((x) => [x.id, x.name])),
});

const programme = (patch: Partial<Programme> = {}): Programme => ({
  id: '0190b2f0-0000-7000-8000-00000000b001',
  name: 'Booking line',
  objective: 'training',
  competitor: null,
  packId: 'p',
  packVersion: 3,
  itemIds: ['greet', 'summary', 'tone'],
  ratings: [{ id: 'welcome', label: { en: 'I felt welcome', lv: 'Mani sagaidīja laipni' } }],
  definitions: { tone: 'Warm: glad to help.' },
  target: 85,
  active: true,
  waves: 1,
  updatedAt: '2026-11-01T09:00:00.000Z',
  ...patch,
});

const plan: WavePlan = {
  calls: 40,
  byTeam: [
    { key: 't1', calls: 20, share: 0.5 },
    { key: 't2', calls: 20, share: 0.5 },
  ],
  byCallType: [
    { key: 'booking', calls: 30, share: 0.75 },
    { key: 'complaint', calls: 10, share: 0.25 },
  ],
  byDayPart: [
    { key: 'morning', calls: 16, share: 0.4 },
    { key: 'evening', calls: 24, share: 0.6 },
  ],
  byWeekPart: [
    { key: 'weekday', calls: 32, share: 0.8 },
    { key: 'weekend', calls: 8, share: 0.2 },
  ],
  byRegion: [],
  byAgeBand: [{ key: '60+', calls: 40, share: 1 }],
  byLanguage: [{ key: 'lv', calls: 40, share: 1 }],
  sampleSizeNeeded: 36,
  population: 1200,
  warnings: [
    {
      code: 'day-part-short',
      params: { dayPart: 'night', got: 1, wanted: 3 },
      text: 'The opening hours allow only 1 of the 3 calls the mix asks for at night.',
    },
    {
      code: 'teams-left-out',
      params: { left: 1, total: 3 },
      text: "1 of the centre's 3 teams is not in this wave: results compare only within one wave.",
    },
    {
      code: 'call-type-uncovered',
      params: { callType: 'complaint', share: 0.25 },
      text: 'No scenario covers "complaint" (25% of recent calls).',
    },
  ],
};

const wave = (patch: Partial<Wave> = {}): Wave => ({
  id: '0190b2f0-0000-7000-8000-00000000a001',
  programmeId: programme().id,
  programmeName: 'Booking line',
  name: 'November',
  from: '2026-11-02',
  to: '2026-11-29',
  teamIds: ['t1', 't2'],
  numbers: { t1: '+44 20 7946 0100', t2: '+44 20 7946 0200' },
  calls: 40,
  scenarios: [
    {
      id: 's1',
      callType: 'booking',
      title: 'Move a booking',
      brief: 'Taylor, 2 nights.',
      answers: '',
      tests: 'ID check',
    },
  ],
  perTeamMax: 20,
  perAgentMax: 2,
  callerGapDays: 30,
  profileMix: { ageBand: { '18-29': 0.25, '60+': 0.75 } },
  confidence: 0.95,
  margin: 0.05,
  status: 'live',
  plan,
  counts: { open: 30, claimed: 2, reported: 3, approved: 4, rejected: 1 },
  resultsReleasedAt: null,
  updatedAt: '2026-11-01T10:00:00.000Z',
  ...patch,
});

describe('the addresses of the mystery-call screens', () => {
  it('reads back every screen it writes, and anything else as the programmes', () => {
    const routes: MysteryRoute[] = [
      { screen: 'programmes' },
      { screen: 'programme', id: 'new' },
      { screen: 'new-wave', programmeId: 'p1' },
      { screen: 'wave', id: 'w1', page: 'plan' },
      { screen: 'wave', id: 'w1', page: 'results' },
      { screen: 'callers' },
      { screen: 'caller', id: 'c1' },
      { screen: 'reviews' },
      { screen: 'review', assignmentId: 'a1' },
    ];
    for (const r of routes) expect(routeOf(pathOf(r))).toEqual(r);
    expect(pathOf({ screen: 'wave', id: 'w1', page: 'plan' })).toEqual(['waves', 'w1']);
    for (const path of [
      [],
      ['nowhere'],
      ['waves'],
      ['waves', 'w1', 'secrets'],
      ['callers', 'c1', 'x'],
    ])
      expect(routeOf(path), path.join('/')).toEqual({ screen: 'programmes' });
    expect(tabOf({ screen: 'wave', id: 'w', page: 'reviews' })).toBe('programmes');
    expect(tabOf({ screen: 'review', assignmentId: 'a' })).toBe('reviews');
    expect(tabOf({ screen: 'caller', id: 'new' })).toBe('callers');
  });
});

describe('the programme form', () => {
  it('asks every scorecard item of the pack by default, none of the checklist', () => {
    const d = draftOfProgramme(null, pack);
    expect(d.itemIds).toEqual(['greet', 'summary', 'offer', 'tone']);
    expect(d).toMatchObject({ packVersion: 3, target: '85', objective: 'training', ratings: [] });
  });

  it('says every problem before anything is sent', () => {
    const d = {
      ...draftOfProgramme(null, pack),
      name: ' ',
      objective: 'competitor' as const,
      itemIds: ['offer'],
      target: '120',
      ratings: [
        { ...newRating(), labels: { ...newRating().labels, en: 'I felt welcome' } },
        { ...newRating(), id: 'i-felt-welcome', labels: { ...newRating().labels, en: 'Again' } },
        { ...newRating(), id: 'Bad Id' },
      ],
    };
    const problems = programmeProblems(d, pack);
    expect(problems).toEqual([
      { field: 'name' },
      { field: 'competitor' },
      { field: 'dependsOn', itemId: 'offer', on: 'summary' },
      { field: 'target' },
      { field: 'ratingDuplicate', index: 1 },
      { field: 'ratingLabel', index: 2 },
      { field: 'ratingId', index: 2 },
    ]);
    expect(problems.map((p) => programmeProblemText(p, tEn, pack, 'en'))).toEqual([
      'Give the programme a name.',
      'Name the competitor the benchmark calls.',
      'Ask “Item summary” too: “Item offer” follows its answer.',
      'The target is a score from 0 to 100.',
      'Rating 2: another rating has the same id.',
      'Rating 3: write the question in English.',
      'Rating 3: the id takes lower-case letters, digits and hyphens, and starts with a letter.',
    ]);
    expect(programmeProblemText(problems[2]!, tLv, pack, 'lv')).toBe(
      'Jautājiet arī „Kritērijs summary“: „Kritērijs offer“ ir atkarīgs no tā atbildes.',
    );
    expect(programmeProblems({ ...d, itemIds: ['prepared'] }, pack)).toContainEqual({
      field: 'items',
    });
  });

  it('sends the items in the pack’s order, definitions of asked items only, labels given', () => {
    const d = {
      ...draftOfProgramme(programme(), pack),
      itemIds: ['tone', 'greet'],
      definitions: { tone: '  Warm: glad to help. ', greet: ' ', summary: 'not asked' },
      target: '87,5',
      ratings: [
        {
          id: '',
          labels: { en: 'Jūtos gaidīts ', 'zh-CN': '', 'zh-TW': '我覺得受到歡迎', lv: '' },
        },
        { id: '', labels: { en: '我', 'zh-CN': '', 'zh-TW': '', lv: '' } },
      ],
    };
    const made = programmeFromDraft('p-id', d, pack);
    expect(made).toEqual({
      payload: {
        id: 'p-id',
        name: 'Booking line',
        objective: 'training',
        competitor: null,
        packVersion: 3,
        itemIds: ['greet', 'tone'],
        ratings: [
          { id: 'jutos-gaidits', label: { en: 'Jūtos gaidīts', 'zh-TW': '我覺得受到歡迎' } },
          { id: 'rating-2', label: { en: '我' } },
        ],
        definitions: { tone: 'Warm: glad to help.' },
        target: 87.5,
        active: true,
      },
    });
  });

  it('reads numbers as typed in every UI language, and makes ids from labels', () => {
    expect(typedNumber('85')).toBe(85);
    expect(typedNumber(' 85,5 ')).toBe(85.5);
    expect(typedNumber('8 5')).toBeNaN();
    expect(ratingIdFrom('I knew what happens next!', 1)).toBe('i-knew-what-happens-next');
    expect(ratingIdFrom('42 answers', 3)).toBe('rating-3');
  });
});

describe('the wave form', () => {
  it('starts with every team, the numbers the latest wave called, four weeks and a scenario', () => {
    const d = newWaveDraft(teams, pack, '2026-12-01', wave());
    expect(d).toMatchObject({
      from: '2026-12-01',
      to: '2026-12-28',
      teamIds: ['t1', 't2', 't3'],
      numbers: { t1: '+44 20 7946 0100', t2: '+44 20 7946 0200' },
      calls: '40',
      confidence: 0.95,
      margin: '5',
    });
    expect(d.scenarios).toEqual([
      { id: 's1', callType: 'booking', title: '', brief: '', answers: '', tests: '' },
    ]);
    expect(teamsLeftOut(d, teams)).toEqual([]);
    expect(teamsLeftOut({ teamIds: ['t1'] }, teams).map((x) => x.name)).toEqual([
      'Night shift',
      'Rīgas komanda',
    ]);
  });

  it('says what the plan still waits for, in words', () => {
    const d: WaveDraft = {
      ...newWaveDraft(teams, pack, '2026-12-01', wave()),
      name: 'December',
      to: '2026-11-30',
      perAgentMax: '0',
      mix: {
        region: [
          { key: 'London', percent: '60' },
          { key: 'Leeds', percent: '30' },
        ],
        ageBand: [
          { key: '60+', percent: '50' },
          { key: '60+', percent: '50' },
        ],
        language: [{ key: '', percent: '100' }],
      },
    };
    const problems = waveProblems(d);
    expect(problems).toEqual([
      { field: 'dates' },
      { field: 'number', teamId: 't3' },
      { field: 'scenarioTitle', index: 0 },
      { field: 'scenarioBrief', index: 0 },
      { field: 'perAgentMax' },
      { field: 'mixTotal', dimension: 'region', total: 90 },
      { field: 'mixDuplicate', dimension: 'ageBand', index: 1 },
      { field: 'mixRow', dimension: 'language', index: 0 },
    ]);
    const names = ctx().teamNames;
    expect(problems.map((p) => waveProblemText(p, tEn, names, 'en'))).toEqual([
      'Give the first and last day, the last not before the first.',
      'Give the number to call for Rīgas komanda (digits, spaces, +, brackets, hyphens).',
      'Scenario 1: give it a title.',
      'Scenario 1: write the caller’s brief.',
      'Most calls to one agent: a whole number from 1 to 100.',
      'Region: the shares add up to 90.0 %, not 100 %.',
      'Age band 2: named twice.',
      'Language 1: give a name and a share from 0 to 100 %.',
    ]);
    expect(waveProblemText(problems[5]!, tLv, names, 'lv')).toBe(
      'Reģions: daļas kopā ir 90,0 %, nevis 100 %.',
    );
    expect(waveFromDraft('w', 'p', d)).toEqual({ problems });
  });

  it('sends shares of 1, the numbers of the wave’s teams only, the margin as a share', () => {
    const d: WaveDraft = {
      ...newWaveDraft(teams, pack, '2026-12-01', wave()),
      name: ' December ',
      teamIds: ['t1', 't2'],
      numbers: { t1: '+44 20 7946 0100 ', t2: '+44 20 7946 0200', t3: 'kept aside' },
      scenarios: [
        {
          id: 's1',
          callType: 'complaint',
          title: ' Late refund ',
          brief: 'Angry.',
          answers: '',
          tests: ' ',
        },
      ],
      mix: {
        region: [],
        ageBand: [],
        language: [
          { key: 'en', percent: '33.3' },
          { key: 'lv', percent: '33,3' },
          { key: 'zh-TW', percent: '33.3' },
        ],
      },
      confidence: 0.99,
      margin: '2.5',
    };
    expect(mixTotal(d.mix.language)).toBe(99.9);
    const made = waveFromDraft('w-id', 'p-id', d);
    expect(made).toEqual({
      payload: {
        id: 'w-id',
        programmeId: 'p-id',
        name: 'December',
        from: '2026-12-01',
        to: '2026-12-28',
        teamIds: ['t1', 't2'],
        numbers: { t1: '+44 20 7946 0100', t2: '+44 20 7946 0200' },
        calls: 40,
        scenarios: [
          {
            id: 's1',
            callType: 'complaint',
            title: 'Late refund',
            brief: 'Angry.',
            answers: '',
            tests: '',
          },
        ],
        perTeamMax: 20,
        perAgentMax: 2,
        callerGapDays: 30,
        profileMix: { language: { en: 0.3333, lv: 0.3333, 'zh-TW': 0.3333 } },
        confidence: 0.99,
        margin: 0.025,
      },
    });
  });

  it('gives a saved wave back as it was saved', () => {
    const saved = wave({ status: 'draft' });
    const made = waveFromDraft(saved.id, saved.programmeId, draftOfWave(saved));
    expect(made).toEqual({
      payload: {
        id: saved.id,
        programmeId: saved.programmeId,
        name: saved.name,
        from: saved.from,
        to: saved.to,
        teamIds: saved.teamIds,
        numbers: saved.numbers,
        calls: saved.calls,
        scenarios: saved.scenarios,
        perTeamMax: saved.perTeamMax,
        perAgentMax: saved.perAgentMax,
        callerGapDays: saved.callerGapDays,
        profileMix: saved.profileMix,
        confidence: saved.confidence,
        margin: saved.margin,
      },
    });
  });
});

describe('the caller and review forms', () => {
  it('checks a new caller’s numbers and statement, and sends one number a line', () => {
    const d = {
      ...draftOfCaller(null, 'lv'),
      username: 'mia',
      displayName: 'Mia Mystery',
      region: 'Rīga',
    };
    expect(d.language).toBe('lv');
    const refused = callerFromDraft(undefined, { ...d, phones: '+371 2000 0000\nabc' });
    expect(refused).toEqual({
      problems: [{ field: 'phone', phone: 'abc' }, { field: 'independent' }],
    });
    if (!('problems' in refused)) throw new Error('refused');
    expect(refused.problems.map((p) => callerProblemText(p, tEn))).toEqual([
      '“abc” is not a phone number.',
      'The caller must declare that nobody close to them works at the centre.',
    ]);
    expect(
      callerFromDraft(undefined, {
        ...d,
        phones: ' +371 2000 0000 \n\n+44 7700 900123',
        declaredIndependent: true,
      }),
    ).toEqual({
      payload: {
        username: 'mia',
        displayName: 'Mia Mystery',
        email: null,
        phones: ['+371 2000 0000', '+44 7700 900123'],
        profile: { region: 'Rīga', ageBand: '30-44', language: 'lv' },
        declaredIndependent: true,
        disabled: false,
      },
    });
  });

  it('says in the UI’s words who on the staff a would-be caller is, or was', () => {
    const user = (patch: Partial<AdminUser>): AdminUser => ({
      id: 'u1',
      username: 'agent1',
      displayName: 'Ava Agent',
      role: 'agent',
      extension: '1001',
      defaultLang: null,
      lang: null,
      teamIds: ['t1'],
      permissions: [],
      disabled: false,
      createdAt: '2026-01-01T00:00:00.000Z',
      ...patch,
    });
    const staff = [
      user({}),
      user({
        id: 'u2',
        username: 'old-hand',
        displayName: 'Olga Old',
        extension: '1009',
        disabled: true,
      }),
      // Another caller is not staff: the same name is no conflict.
      user({
        id: 'c1',
        username: 'caller',
        displayName: 'Pat Caller',
        role: 'caller',
        extension: null,
      }),
    ];
    const d = {
      ...draftOfCaller(null, 'en'),
      username: 'OLD-HAND',
      displayName: 'pat caller',
      phones: '1001',
      region: 'London',
      declaredIndependent: true,
    };
    const made = callerFromDraft(undefined, d, staff);
    if (!('problems' in made)) throw new Error('refused');
    expect(made.problems.map((p) => callerProblemText(p, tEn))).toEqual([
      'The username is that of the staff account “old-hand” (Olga Old). That account is switched off: they were staff.',
      '1001 is the extension of the staff account “agent1” (Ava Agent).',
    ]);
    expect(callerProblemText(made.problems[1]!, tLv)).toBe(
      '1001 ir darbinieka konta „agent1“ (Ava Agent) iekšējais numurs.',
    );
    expect(
      callerFromDraft(undefined, { ...d, username: 'pat', phones: '+44 7700 900777' }, staff),
    ).toMatchObject({
      payload: { username: 'pat' },
    });
  });

  it('needs a grade to approve, a question to return and a reason to reject', () => {
    const report = {
      assignmentId: 'a1',
      match: {
        method: 'number' as const,
        callId: 'c1',
        agentId: 'u',
        agentName: 'Ava',
        candidates: [],
        recordingUrl: null,
      },
    };
    expect(reviewFromDraft(report, newReviewDraft())).toEqual({ problems: ['grade'] });
    expect(reviewFromDraft(report, { ...newReviewDraft('return'), note: ' ' })).toEqual({
      problems: ['note'],
    });
    expect(
      reviewFromDraft(report, { ...newReviewDraft(), grade: 4, callId: 'c1', note: ' ok ' }),
    ).toEqual({
      payload: { assignmentId: 'a1', action: 'approve', note: 'ok', grade: 4, callId: null },
    });
    expect(
      reviewFromDraft(report, {
        ...newReviewDraft('reject'),
        grade: 4,
        callId: 'c2',
        note: 'Wrong line',
      }),
    ).toEqual({
      payload: {
        assignmentId: 'a1',
        action: 'reject',
        note: 'Wrong line',
        grade: null,
        callId: 'c2',
      },
    });
  });
});

describe('the sampling plan as shown', () => {
  it('names each quota’s key in its dimension, with calls and shares in the UI’s language', () => {
    expect(planDimensions(plan)).toEqual([
      'byTeam',
      'byCallType',
      'byDayPart',
      'byWeekPart',
      'byAgeBand',
      'byLanguage',
    ]);
    const c = ctx('lv');
    expect(shown(quotaTable('byTeam', plan.byTeam, c))).toEqual({
      header: ['Komanda', 'Zvani', 'Daļa'],
      rows: [
        ['Demo team', '20', '50%'],
        ['Night shift', '20', '50%'],
      ],
    });
    expect(
      quotaTable('byCallType', plan.byCallType, c)
        .rows.map(textRow)
        .map((r) => r[0]),
    ).toEqual(['Rezervācija', 'Sūdzība']);
    expect(quotaTable('byDayPart', plan.byDayPart, c).rows.map(textRow)).toEqual([
      ['Rīts', '16', '40%'],
      ['Vakars', '24', '60%'],
    ]);
    expect(
      quotaTable('byWeekPart', plan.byWeekPart, ctx())
        .rows.map(textRow)
        .map((r) => r[0]),
    ).toEqual(['Weekday', 'Weekend']);
    expect(quotaTable('byLanguage', plan.byLanguage, ctx()).rows.map(textRow)).toEqual([
      ['Latvian', '40', '100%'],
    ]);
    const csv = toCsv(
      quotaTable('byDayPart', plan.byDayPart, ctx()).header,
      csvRows(quotaTable('byDayPart', plan.byDayPart, ctx())),
    );
    expect(csv).toBe('\ufeffTime of day,Calls,Share\r\nMorning,16,40%\r\nEvening,24,60%\r\n');
  });

  it('says the hub’s warnings in the UI’s words, with its figures and names', () => {
    const [short, leftOut, uncovered] = plan.warnings as [PlanWarning, PlanWarning, PlanWarning];
    expect(plan.warnings.map((w) => planWarningText(w, ctx()))).toEqual([
      'The opening hours allow only 1 of the 3 calls the mix asks for at night.',
      '1 of the centre’s 3 teams is not in this wave: results compare only within one wave.',
      'No scenario covers Complaint (25% of recent calls).',
    ]);
    expect(planWarningText({ ...leftOut, params: { left: 2, total: 4 } }, ctx())).toBe(
      '2 of the centre’s 4 teams are not in this wave: results compare only within one wave.',
    );
    expect(planWarningText(short, ctx('lv'))).toBe(
      'Darba laiks ļauj tikai 1 no 3 zvaniem, ko sadalījums prasa naktī.',
    );
    expect(planWarningText(uncovered, ctx('zh-TW'))).toBe(
      '沒有情境涵蓋「Complaint」（占近期來電的 25%）。',
    );
    // A code this sidebar has no words for: the hub's own sentence.
    expect(planWarningText({ ...short, code: 'newer-code' as 'team-closed' }, ctx('lv'))).toBe(
      short.text,
    );
  });

  it('says whether the calls are enough for the confidence and margin', () => {
    expect(sampleSizeText(plan, { confidence: 0.95, margin: 0.05 }, ctx())).toEqual({
      ok: true,
      text: '40 calls are enough: 36 are needed for 95% confidence and ± 5% (the teams take 1,200 calls over as many days).',
    });
    const short = sampleSizeText(
      { ...plan, calls: 20 },
      { confidence: 0.99, margin: 0.025 },
      ctx('lv'),
    );
    expect(short.ok).toBe(false);
    expect(short.text).toBe(
      'Zvanu skaits (20) ir par mazu: 99% ticamībai un ± 2,5% robežai vajag 36 (zvani, ko komandas pieņem tikpat dienās: 1200). Pievienojiet zvanus vai pieņemiet platāku robežu.',
    );
  });
});

describe('lists of programmes, waves, callers, calls and reports', () => {
  it('writes each as its CSV file holds it', () => {
    const w = wavesTable([wave()], ctx());
    expect(w.rows.map(textRow)).toEqual([
      [
        'November',
        'Nov 2, 2026 – Nov 29, 2026',
        'Demo team, Night shift',
        '40',
        'Live',
        '4 of 40 approved; 3 to review, 32 still to call, 1 rejected',
        '–',
      ],
    ]);
    expect(wavesTable([wave({ status: 'draft' })], ctx('lv')).rows.map(textRow)[0]![5]).toBe(
      'Nav sākta',
    );
    const callers = callersTable(
      [
        {
          id: 'c1',
          username: 'mia',
          displayName: 'Mia Mystery',
          email: null,
          phones: ['+44 7700 900123'],
          profile: { region: 'London', ageBand: '30-44', language: 'en' },
          disabled: false,
          approved: 4,
          meanGrade: 4.25,
          createdAt: '2026-10-01T00:00:00.000Z',
        },
      ],
      ctx('lv'),
    );
    expect(callers.rows.map(textRow)).toEqual([
      ['Mia Mystery', 'mia', 'London, 30-44, angļu', '+44 7700 900123', '4', '4,3', 'Aktīvs'],
    ]);
    const a: MysteryAssignment = {
      id: 'a1',
      waveId: 'w',
      teamId: 't2',
      teamName: 'Night shift',
      numberToCall: null,
      scenario: wave().scenarios[0]!,
      windowFrom: '2026-11-07T19:00:00.000Z',
      windowTo: '2026-11-07T20:30:00.000Z',
      dayPart: 'evening',
      weekend: true,
      profile: { ageBand: '60+' },
      callerId: null,
      callerName: null,
      status: 'open',
      reviewNote: null,
    };
    const table = assignmentsTable([a], ctx());
    expect(table.header).toEqual([
      'Time window',
      'Time of day',
      'Team',
      'Scenario',
      'Profile',
      'Caller',
      'Status',
    ]);
    expect(table.rows.map(textRow)[0]!.slice(1)).toEqual([
      'Evening, Weekend',
      'Night shift',
      'Move a booking (Booking)',
      '60+',
      '–',
      'On the board',
    ]);
    expect(
      filterAssignments([a, { ...a, id: 'a2', status: 'claimed', teamId: 't1' }], 'claimed', ''),
    ).toHaveLength(1);
    expect(
      filterAssignments([a, { ...a, id: 'a2', status: 'claimed', teamId: 't1' }], '', 't2').map(
        (x) => x.id,
      ),
    ).toEqual(['a1']);
  });

  it('shows a report’s match and the caller’s ratings', () => {
    const report = {
      assignmentId: 'a1',
      waveId: 'w',
      callerId: 'c1',
      callerName: 'Ruth Ring',
      calledAt: '2026-11-07T19:05:00.000Z',
      calledNumber: '+44 20 7946 0200',
      fromNumber: '+44 7700 900456',
      agentNameHeard: 'Ben',
      answers: { greet: 'yes' as const },
      comments: {},
      ratings: { welcome: 4 },
      impression: '',
      reply: 'I called at 19:05.',
      score: { percent: 80, passed: true, earned: 4, possible: 5, sections: [], bonus: 0 } as never,
      submittedAt: null,
      match: {
        method: 'none' as const,
        callId: null,
        agentId: null,
        agentName: null,
        candidates: [],
        recordingUrl: null,
      },
      overAgentLimit: true,
      grade: null,
      reviewNote: null,
      reviewedAt: null,
    };
    expect(reviewsTable([report], { w: 'November' }, ctx()).rows.map(textRow)[0]!.slice(1)).toEqual(
      [
        'November',
        'Ruth Ring',
        'Not matched to a call',
        '80%',
        'Over the agent limit; The caller replied',
      ],
    );
    expect(ratingsGivenTable({ programme: programme(), report }, ctx('lv'))).toEqual({
      header: ['Vērtējums', 'Dots'],
      rows: [['Mani sagaidīja laipni', '4 / 5']],
    });
  });
});

const results = (patch: Partial<MysteryResults> = {}): MysteryResults => ({
  wave: wave(),
  programme: programme(),
  calls: 6,
  score: 82.4,
  target: 85,
  passRate: 0.8333,
  bySection: [
    { key: 'process', area: 'process', name: 'process', calls: 6, score: 75, passRate: 0.8333 },
    { key: 'behaviour', area: 'behaviour', name: 'behaviour', calls: 6, score: 91.7, passRate: 1 },
  ],
  byItem: [
    { key: 'greet', name: 'Greets the caller', calls: 6, score: 100, passRate: null, yesShare: 1 },
    {
      key: 'summary',
      name: 'Summarises next steps',
      calls: 5,
      score: 40,
      passRate: null,
      yesShare: 0.4,
    },
  ],
  byTeam: [{ key: 't1', name: 'Demo team', calls: 6, score: 82.4, passRate: 0.8333 }],
  byAgent: [
    { key: 'u-dev', name: 'Dev Agent', teamName: 'Night shift', calls: 2, score: 95, passRate: 1 },
    { key: 'u-ava', name: 'Ava Agent', teamName: 'Demo team', calls: 2, score: 70, passRate: 1 },
  ],
  byCallType: [{ key: 'booking', name: 'Booking', calls: 6, score: 82.4, passRate: 0.8333 }],
  byDayPart: [
    { key: 'morning', name: 'morning', calls: 4, score: 78, passRate: 0.75 },
    { key: 'night', name: 'night', calls: 2, score: 91.2, passRate: 1 },
  ],
  byWeekPart: [{ key: 'weekend', name: 'weekend', calls: 6, score: 82.4, passRate: 0.8333 }],
  byRegion: [{ key: 'London', name: 'London', calls: 6, score: 82.4, passRate: 0.8333 }],
  byAgeBand: [{ key: '60+', name: '60+', calls: 6, score: 82.4, passRate: 0.8333 }],
  byLanguage: [{ key: 'en', name: 'en', calls: 6, score: 82.4, passRate: 0.8333 }],
  ratings: [{ id: 'welcome', mean: 4.25, answers: 6 }],
  comparison: {
    previousWaveId: 'w0',
    previousName: 'October',
    previousScore: 70.1,
    change: 12.3,
    pValue: 0.0123,
    significant: true,
  },
  toTrain: ['summary'],
  toRecognise: ['u-dev'],
  competitors: [
    {
      programmeName: 'Benchmark',
      competitor: 'Rival Hotels',
      waveName: 'November',
      calls: 3,
      score: 74,
    },
  ],
  ...patch,
});

describe('a wave’s results as shown, exported and printed', () => {
  it('writes the figures, sections, items to train and the league with who to recognise', () => {
    const r = results();
    expect(csvRows(summaryTable(r, ctx())).map((row) => row[1])).toEqual([
      '6',
      '82.4%',
      '85%',
      '2.6 points below',
      '83.3%',
    ]);
    expect(shown(summaryTable(r, ctx()))).toEqual({
      header: ['Figure', 'Value'],
      rows: [
        ['Calls counted (approved)', '6'],
        ['Score', '82.4%'],
        ['Target', '85%'],
        ['Against the target', '2.6 points below'],
        ['Pass rate (no critical “no”)', '83%'],
      ],
    });
    expect(sectionsTable(r, ctx('lv')).rows.map(textRow)).toEqual([
      ['Process', '6', '75%', '83%'],
      ['Uzvedība', '6', '91,7%', '100%'],
    ]);
    expect(itemsTable(r, ctx()).rows.map(textRow)).toEqual([
      ['Greets the caller', '6', '100%', ''],
      ['Summarises next steps', '5', '40%', 'Train'],
    ]);
    const league = leagueTable(r, ctx());
    expect(league.header).toEqual([
      'Rank',
      'Agent',
      'Team',
      'Calls',
      'Score',
      'Pass rate',
      'Action',
    ]);
    expect(league.rows.map(textRow)).toEqual([
      ['1', 'Dev Agent', 'Night shift', '2', '95%', '100%', 'Recognise'],
      ['2', 'Ava Agent', 'Demo team', '2', '70%', '100%', ''],
    ]);
    expect(toCsv(league.header, csvRows(league)).split('\r\n')[1]).toBe(
      '1,Dev Agent,Night shift,2,95%,100%,Recognise',
    );
    expect(
      breakdownTable('byDayPart', r, ctx('zh-TW'))
        .rows.map(textRow)
        .map((row) => row[0]),
    ).toEqual(['上午', '深夜']);
    expect(breakdownTable('byLanguage', r, ctx('lv')).rows.map(textRow)[0]![0]).toBe('angļu');
  });

  it('says wave over wave in words: the change and whether it is more than chance', () => {
    const r = results();
    expect(comparisonText(r.comparison!, r.score, ctx())).toBe(
      'Up 12.3 points on October (70.1% → 82.4%). More than chance alone would give (p = 0.012).',
    );
    expect(
      comparisonText(
        { ...r.comparison!, change: -1.5, pValue: 0.41, significant: false },
        68.6,
        ctx(),
      ),
    ).toBe(
      'Down 1.5 points on October (70.1% → 68.6%). Within what chance alone gives (p = 0.41): not yet a real change.',
    );
    expect(
      comparisonText({ ...r.comparison!, pValue: null, significant: false }, 82.4, ctx('lv')),
    ).toBe(
      'Par 12,3 punktiem augstāk nekā October (70,1% → 82,4%). Par maz zvanu, lai spriestu, vai tas ir vairāk par nejaušību.',
    );
    // Too few calls for the hub to test: the change as shown, and that it cannot tell.
    const untested = { ...r.comparison!, change: null, pValue: null, significant: false };
    expect(comparisonText(untested, 75, ctx())).toBe(
      'Up 4.9 points on October (70.1% → 75%). Too few calls to tell whether it is more than chance.',
    );
    expect(
      comparisonTable(results({ comparison: untested, score: 75 }), ctx()).rows.map(textRow)[1],
    ).toEqual(['November', '75%', '+4.9', '–', 'Too few calls']);
    expect(comparisonText({ ...untested, previousScore: null }, 75, ctx())).toBe(
      'No score to compare with October.',
    );
    expect(comparisonText({ ...r.comparison!, pValue: 0.0002 }, 82.4, ctx())).toContain(
      '(p = < 0.001)',
    );
    expect(shown(comparisonTable(r, ctx()))).toEqual({
      header: ['Wave', 'Score', 'Change (points)', 'p-value', 'Reading'],
      rows: [
        ['October', '70.1%', '', '', ''],
        ['November', '82.4%', '+12.3', '0.012', 'More than chance'],
      ],
    });
    expect(comparisonTable(results({ comparison: null }), ctx())).toEqual({ header: [], rows: [] });
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import i18next, { type TFunction } from 'i18next';
import type {
  DisputeRecord,
  Evaluation,
  EvaluationOpened,
  QaAssignment,
  StandardsPack,
} from '@sidecoach/shared';
import en from '../../i18n/translation.en.js';
import lv from '../../i18n/translation.lv.js';
import { toCsv } from '../../lib/csv.js';
import { scorecardItem as item } from './test-items.js';
import { firstQaTab, qaTabsFor } from './access.js';
import { discrepancies } from './discrepancy.js';
import { changedAnswers } from './EvaluationParts.js';
import {
  formFrom,
  isEditable,
  liveScore,
  problemItems,
  savePayload,
  shownItems,
  withAnswer,
  withComment,
} from './form.js';
import { draftOf, planFromDraft } from './plan-form.js';
import {
  ageInDays,
  cellCsv,
  cellText,
  csvRows,
  dayBefore,
  disputesTable,
  drawsTable,
  evaluationsTable,
  outcomesTable,
  queueTable,
  type RowContext,
} from './rows.js';

// The Quality view's pure parts: who sees which tab, the evaluation form (items in play as
// answers are given, the live score, what blocks a submit, what is sent), the plan form, the
// self-assessment discrepancy, and the tables exactly as their CSV files hold them.

const pack: StandardsPack = {
  id: 'p',
  name: { en: 'Pack' },
  version: 3,
  bonusCap: 5,
  callTypes: [
    { id: 'booking', name: { en: 'Booking', lv: 'Rezervācija' } },
    { id: 'complaint', name: { en: 'Complaint' } },
  ],
  areas: [
    {
      id: 'process',
      items: [
        item('greet'),
        item('verify', { critical: true, weight: 2, naAllowed: false }),
        item('summary', { commentOnNo: true, weight: 2 }),
        item('offer', { showWhen: { item: 'summary', answers: ['yes'] } }),
        item('log', { callTypes: ['complaint'] }),
      ],
    },
    { id: 'behaviour', items: [item('tone'), item('extra', { bonus: true, weight: 3 })] },
  ],
};

const facts = {
  callId: '0190b2f0-0000-7000-8000-000000000001',
  agentId: 'a1',
  agentName: 'Ava Agent',
  teamId: 't1',
  callType: 'booking',
  startedAt: '2026-11-20T10:00:00.000Z',
  endedAt: '2026-11-20T10:04:00.000Z',
  durationMs: 240_000,
  recordingUrl: null,
  ticks: {},
  selfAssessment: null,
  observations: [],
  survey: null,
  flagged: false,
};

const opened = (evaluation: Evaluation | null = null): EvaluationOpened => ({
  facts,
  pack,
  evaluation,
  assignment: null,
  guidance: {},
});

const evaluation = (patch: Partial<Evaluation> = {}): Evaluation => ({
  id: 'e1',
  source: 'app',
  evaluatorName: 'Eve Evaluator',
  evaluatorId: 'u-eve',
  agentId: 'a1',
  agentName: 'Ava Agent',
  callId: facts.callId,
  callType: 'booking',
  assignmentId: 'as1',
  packId: 'p',
  packVersion: 3,
  status: 'draft',
  version: 1,
  answers: {},
  comments: {},
  tips: '',
  lang: 'en',
  score: null,
  evaluatedAt: null,
  releasedAt: null,
  acknowledgedAt: null,
  disputeUntil: null,
  previous: [],
  disputes: [],
  ...patch,
});

describe('the tabs each user may use', () => {
  it('follows roles and rights', () => {
    expect(qaTabsFor({ role: 'agent', permissions: [] })).toEqual([]);
    // The landing tab: the queue for evaluators, the plans for a quality manager who evaluates nothing.
    expect(firstQaTab({ role: 'admin', permissions: [] })).toBe('plans');
    expect(firstQaTab({ role: 'admin', permissions: ['evaluator'] })).toBe('queue');
    expect(firstQaTab({ role: 'supervisor', permissions: ['evaluator'] })).toBe('queue');
    expect(firstQaTab({ role: 'lead', permissions: [] })).toBe('plans');
    expect(firstQaTab({ role: 'agent', permissions: [] })).toBeUndefined();
    expect(qaTabsFor({ role: 'supervisor', permissions: [] })).toEqual([
      'plans',
      'evaluations',
      'calibration',
    ]);
    expect(qaTabsFor({ role: 'supervisor', permissions: ['evaluator'] })).toEqual([
      'queue',
      'plans',
      'evaluations',
      'calibration',
    ]);
    expect(qaTabsFor({ role: 'lead', permissions: ['arbitrator'] })).toEqual([
      'plans',
      'disputes',
      'evaluators',
      'evaluations',
      'calibration',
    ]);
    expect(qaTabsFor({ role: 'admin', permissions: [] })).toEqual([
      'queue',
      'plans',
      'disputes',
      'evaluators',
      'evaluations',
      'calibration',
    ]);
    // Calibration is for quality managers, leads and supervisors: never agents.
    expect(qaTabsFor({ role: 'agent', permissions: ['evaluator'] })).toEqual([
      'queue',
      'evaluations',
    ]);
  });
});

describe('the evaluation form', () => {
  it('shows a conditional item only once the answer it follows is given', () => {
    let form = formFrom(opened(), 'new-id', 'en');
    expect(form.id).toBe('new-id');
    const ids = () => shownItems(opened(), form).map((s) => s.item.id);
    expect(ids()).toEqual(['greet', 'verify', 'summary', 'tone', 'extra']);
    form = withAnswer(form, 'summary', 'yes');
    expect(ids()).toEqual(['greet', 'verify', 'summary', 'offer', 'tone', 'extra']);
    form = withAnswer(form, 'summary', 'no');
    expect(ids()).not.toContain('offer');
  });

  it('scores live with the bonus capped and the call failed by a critical no', () => {
    let form = formFrom(opened(), 'id', 'en');
    for (const id of ['greet', 'verify', 'summary', 'tone', 'extra'])
      form = withAnswer(form, id, 'yes');
    form = withAnswer(form, 'offer', 'no');
    const score = liveScore(opened(), form);
    expect(score.base).toBe(85.7);
    expect(score.bonus).toBe(3);
    expect(score.percent).toBe(88.7);
    const failed = liveScore(opened(), withAnswer(form, 'verify', 'no'));
    expect(failed.percent).toBe(0);
    expect(failed.passed).toBe(false);
    expect(failed.criticalFailed).toEqual(['verify']);
  });

  it('names what blocks a submit: unanswered items, a no without its comment, a refused N/A', () => {
    let form = formFrom(opened(), 'id', 'en');
    form = withAnswer(form, 'greet', 'yes');
    form = withAnswer(form, 'verify', 'na');
    form = withAnswer(form, 'summary', 'no');
    expect(problemItems(opened(), form)).toEqual(['verify', 'summary', 'tone', 'extra']);
    form = withComment(form, 'summary', 'No recap of the dates.');
    form = withAnswer(form, 'verify', 'yes');
    form = withAnswer(form, 'tone', 'yes');
    form = withAnswer(form, 'extra', 'na');
    expect(problemItems(opened(), form)).toEqual([]);
  });

  it('sends only the answers and comments of items in play, trimmed, with the assignment', () => {
    let form = formFrom(
      { ...opened(), assignment: { id: 'as9' } as QaAssignment },
      '0190b2f0-0000-7000-8000-0000000000aa',
      'lv',
    );
    form = withAnswer(form, 'summary', 'yes');
    form = withAnswer(form, 'offer', 'no');
    form = withComment(form, 'offer', '  Forgot the upgrade.  ');
    form = withAnswer(form, 'summary', 'no'); // hides "offer" again
    form = withComment(form, 'summary', ' Dates missing ');
    form = { ...form, tips: '  Recap the dates before closing. ' };
    expect(
      savePayload({ ...opened(), assignment: { id: 'as9' } as QaAssignment }, form, true),
    ).toEqual({
      id: '0190b2f0-0000-7000-8000-0000000000aa',
      callId: facts.callId,
      assignmentId: 'as9',
      answers: { summary: 'no' },
      comments: { summary: 'Dates missing' },
      tips: 'Recap the dates before closing.',
      lang: 'lv',
      submit: true,
    });
  });

  it('keeps a stored draft and lets only its evaluator change it, before release', () => {
    const draft = evaluation({ answers: { greet: 'yes' }, comments: { greet: 'ok' }, tips: 'Tip' });
    expect(formFrom(opened(draft), 'unused', 'en')).toMatchObject({
      id: 'e1',
      answers: { greet: 'yes' },
      tips: 'Tip',
    });
    expect(isEditable(opened(draft), 'u-eve')).toBe(true);
    expect(isEditable(opened(draft), 'u-other')).toBe(false);
    expect(isEditable(opened(evaluation({ status: 'submitted' })), 'u-eve')).toBe(true);
    expect(isEditable(opened(evaluation({ status: 'released' })), 'u-eve')).toBe(false);
    expect(isEditable(opened(evaluation({ source: 'import', status: 'imported' })), 'u-eve')).toBe(
      false,
    );
  });

  it('lists what a re-score changed', () => {
    expect(changedAnswers({ a: 'no', b: 'yes' }, { a: 'yes', b: 'yes', c: 'na' })).toEqual([
      { itemId: 'a', from: 'no', to: 'yes' },
      { itemId: 'c', from: null, to: 'na' },
    ]);
  });
});

describe('the plan form', () => {
  it('turns what was typed into the plan the hub takes', () => {
    const d = {
      ...draftOf(null),
      perAgent: '3',
      callTypes: ['booking'],
      minMin: '1.5',
      maxMin: '10',
      maxCsat: '3',
      evaluatorIds: ['u-eve'],
      arbitratorId: 'u-lead',
    };
    expect(planFromDraft('t1', d)).toEqual({
      plan: {
        teamId: 't1',
        perAgent: 3,
        period: 'month',
        filters: { callTypes: ['booking'], minDurationSec: 90, maxDurationSec: 600, maxCsat: 3 },
        evaluatorIds: ['u-eve'],
        dailyCap: 10,
        disputeDays: 7,
        arbitratorId: 'u-lead',
        active: true,
      },
    });
  });

  it('says what is wrong before sending', () => {
    const ok = { ...draftOf(null), evaluatorIds: ['u'] };
    expect(planFromDraft('t', { ...ok, perAgent: '0' })).toEqual({ problem: 'perAgent' });
    expect(planFromDraft('t', { ...ok, perAgent: '2.5' })).toEqual({ problem: 'perAgent' });
    expect(planFromDraft('t', { ...ok, evaluatorIds: [] })).toEqual({ problem: 'evaluators' });
    expect(planFromDraft('t', { ...ok, minMin: '10', maxMin: '2' })).toEqual({
      problem: 'durations',
    });
    expect(planFromDraft('t', { ...ok, dailyCap: '500' })).toEqual({ problem: 'dailyCap' });
    expect(planFromDraft('t', { ...ok, disputeDays: '-1' })).toEqual({ problem: 'disputeDays' });
  });

  it('reads a stored plan back into the form', () => {
    const d = draftOf({
      teamId: 't1',
      teamName: 'Day',
      perAgent: 5,
      period: 'week',
      filters: { minDurationSec: 120, surveyed: true, flaggedOnly: true },
      evaluatorIds: ['u1'],
      dailyCap: 4,
      disputeDays: 0,
      arbitratorId: null,
      active: false,
      seed: 's',
      updatedAt: '2026-11-01T00:00:00.000Z',
      updatedBy: null,
    });
    expect(d).toMatchObject({
      perAgent: '5',
      period: 'week',
      minMin: '2',
      maxMin: '',
      surveyed: true,
      flaggedOnly: true,
      disputeDays: '0',
      arbitratorId: '',
      active: false,
    });
  });
});

describe('the self-assessment against evaluations', () => {
  it('pairs answers per call, leaves N/A and bonus items out, and finds a blind spot', () => {
    const call = (self: string, qa: string) => ({
      callType: 'booking',
      self: { summary: self, greet: 'yes', extra: 'yes', tone: 'na' } as never,
      evaluation: { summary: qa, greet: 'yes', extra: 'no', tone: 'yes' } as never,
    });
    const rows = discrepancies(pack, [
      call('yes', 'no'),
      call('yes', 'no'),
      call('yes', 'no'),
      call('yes', 'no'),
      call('yes', 'no'),
      call('yes', 'no'),
    ]);
    expect(rows.map((r) => r.itemId)).toEqual(['greet', 'summary']);
    const summary = rows.find((r) => r.itemId === 'summary')!;
    expect(summary).toMatchObject({
      self: { positive: 6, negative: 0 },
      qa: { positive: 0, negative: 6 },
      selfHigher: 6,
      selfLower: 0,
      finding: 'blind-spot',
    });
    expect(rows.find((r) => r.itemId === 'greet')!.finding).toBe('strength');
  });
});

describe('tables and their CSV files', () => {
  let t: TFunction;
  let tLv: TFunction;
  beforeAll(async () => {
    const i = i18next.createInstance();
    await i.init({
      lng: 'en',
      resources: { en: { translation: en }, lv: { translation: lv } },
      interpolation: { escapeValue: false },
    });
    t = i.getFixedT('en');
    tLv = i.getFixedT('lv');
  });
  const ctx = (lang = 'en'): RowContext => ({
    t: lang === 'lv' ? tLv : t,
    lang,
    pack,
    today: '2026-11-25',
  });

  const assignment = (patch: Partial<QaAssignment>): QaAssignment => ({
    id: 'as1',
    teamId: 't1',
    periodFrom: '2026-11-01',
    agentId: 'a1',
    agentName: 'Ava Agent',
    evaluatorId: 'u-eve',
    evaluatorName: 'Eve Evaluator',
    callId: facts.callId,
    callType: 'booking',
    callStartedAt: '2026-11-20T10:00:00.000Z',
    durationMs: 245_000,
    due: '2026-11-27',
    status: 'open',
    evaluationId: null,
    reason: {
      seed: 'abc123',
      slot: 2,
      slotFrom: '2026-11-08T00:00:00.000Z',
      slotTo: '2026-11-15T00:00:00.000Z',
      eligible: 7,
      filters: { callTypes: ['booking'], maxDurationSec: 600, maxCsat: 3 },
      flagged: true,
    },
    drawnAt: '2026-11-16T08:00:00.000Z',
    ...patch,
  });

  it('writes the queue due first, with why each call was drawn', () => {
    const table = queueTable(
      [assignment({ id: 'late', due: '2026-11-30', agentName: 'Bo' }), assignment({})],
      ctx(),
    );
    expect(table.header).toEqual([
      'Due',
      'Agent',
      'Call type',
      'Call',
      'Duration',
      'Status',
      'Why this call',
    ]);
    expect(table.rows.map((r) => r[1])).toEqual(['Ava Agent', 'Bo']);
    const [due, , type, , duration, status, why] = table.rows[0]!.map(cellText);
    expect([due, type, duration, status]).toEqual(['Nov 27, 2026', 'Booking', '04:05', 'To do']);
    expect(why).toMatch(
      /^slot 2 \(Nov \d+, 2026 – Nov \d+, 2026\); 7 eligible calls; Booking; at most 10 min; CSAT ≤ 3; seed abc123\. Flagged for QA by a supervisor\.$/,
    );
    // The file holds the day and the call's time as ISO 8601, not as the screen writes them.
    const csv = toCsv(table.header, csvRows(table));
    expect(csv.startsWith('\ufeffDue,Agent,Call type,Call,Duration,Status,Why this call\r\n')).toBe(
      true,
    );
    expect(csv.split('\r\n')).toHaveLength(4); // header, two rows, the last line end
    expect(csv.split('\r\n')[1]).toMatch(
      /^2026-11-27,Ava Agent,Booking,2026-11-20T10:00:00\.000Z,04:05,To do,/,
    );
  });

  it('writes a team’s draws in Latvian, with its plural forms', () => {
    const table = drawsTable(
      [assignment({ reason: { ...assignment({}).reason, eligible: 1, flagged: false } })],
      ctx('lv'),
    );
    expect(table.header[0]).toBe('Operators');
    expect(cellText(table.rows[0]![4]!)).toBe('2026. gada 27. nov.');
    expect(cellCsv(table.rows[0]![4]!)).toBe('2026-11-27');
    expect(table.rows[0]![6]).toContain('1 atbilstošs zvans');
    const eleven = drawsTable(
      [assignment({ reason: { ...assignment({}).reason, eligible: 11 } })],
      ctx('lv'),
    );
    expect(eleven.rows[0]![6]).toContain('11 atbilstošu zvanu');
  });

  it('writes evaluations newest first with the score, status and version', () => {
    const table = evaluationsTable(
      [
        evaluation({
          id: 'old',
          status: 'released',
          evaluatedAt: '2026-11-02T09:00:00.000Z',
          score: { earned: 1, possible: 2, percent: 50, criticalFailed: [], passed: true },
        }),
        evaluation({
          id: 'new',
          status: 'resolved',
          version: 2,
          evaluatedAt: '2026-11-21T09:00:00.000Z',
          score: { earned: 0, possible: 2, percent: 0, criticalFailed: ['verify'], passed: false },
        }),
        evaluation({
          id: 'imp',
          source: 'import',
          status: 'imported',
          evaluatorName: 'Scorebuddy: J. Doe',
          evaluatedAt: '2026-11-10T09:00:00.000Z',
          score: null,
        }),
      ],
      ctx(),
    );
    expect(csvRows(table).map((r) => [r[0], r[4]])).toEqual([
      ['2026-11-21T09:00:00.000Z', '0% (failed)'],
      ['2026-11-10T09:00:00.000Z', '–'],
      ['2026-11-02T09:00:00.000Z', '50%'],
    ]);
    expect(table.rows.map((r) => r.map(cellText))).toEqual([
      ['Nov 21, 2026', 'Ava Agent', 'Booking', 'Eve Evaluator', '0% (failed)', 'Resolved', '2'],
      [
        'Nov 10, 2026',
        'Ava Agent',
        'Booking',
        'Imported (Scorebuddy: J. Doe)',
        '–',
        'Imported',
        '1',
      ],
      ['Nov 2, 2026', 'Ava Agent', 'Booking', 'Eve Evaluator', '50%', 'Released', '1'],
    ]);
  });

  it('writes disputes oldest first with their age, and the outcome rates', () => {
    const dispute = (patch: Partial<DisputeRecord>): DisputeRecord => ({
      id: 'd1',
      evaluationId: 'e1',
      version: 1,
      agentId: 'a1',
      agentName: 'Ava Agent',
      points: [
        { itemId: 'summary', reason: 'I did recap', proposed: 'yes', accepted: null, answer: null },
        { itemId: null, reason: 'Unfair overall', proposed: null, accepted: null, answer: null },
      ],
      arbitratorId: 'u-lead',
      arbitratorName: 'Lina Lead',
      status: 'open',
      resolution: null,
      createdAt: '2026-11-24T12:00:00.000Z',
      resolvedAt: null,
      ...patch,
    });
    const table = disputesTable(
      [dispute({ id: 'new' }), dispute({ id: 'old', createdAt: '2026-11-15T12:00:00.000Z' })],
      ctx(),
    );
    expect(table.rows.map((r) => r[1])).toEqual(['10 days', '1 day']);
    expect(table.rows[0]![3]).toBe('Item summary; The evaluation as a whole');
    expect(table.rows[0]![5]).toBe('Open');
    expect(ageInDays('2026-11-25T01:00:00.000Z', '2026-11-25')).toBe(0);
    expect(dayBefore('2027-01-01')).toBe('2026-12-31');
    expect(dayBefore('2026-03-01')).toBe('2026-02-28');

    const rates = outcomesTable(
      [{ key: 'summary', name: 'summary', disputes: 4, accepted: 1, partly: 1, rejected: 1 }],
      'item',
      ctx(),
    );
    expect(rates.header).toEqual([
      'Item',
      'Disputes',
      'Accepted',
      'Partly',
      'Rejected',
      'Overturned',
    ]);
    expect(rates.rows.map((r) => r.map(cellText))).toEqual([
      ['Item summary', '4', '1', '1', '1', '67%'],
    ]);
    // In the file a share without the language's spacing, one decimal at most.
    expect(csvRows(rates)).toEqual([['Item summary', '4', '1', '1', '1', '66.7%']]);
  });
});

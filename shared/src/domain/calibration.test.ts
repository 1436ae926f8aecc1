import { describe, expect, it } from 'vitest';
import { CalibrationTrendsSchema, SessionFiguresSchema } from '../protocol/calibration.js';
import {
  calibrationTrends,
  EVALUATOR_AGREEMENT_FLOOR,
  EVALUATOR_DEVIATION_MAX_POINTS,
  EVALUATOR_MIN_SESSIONS,
  evaluatorFlagged,
  ITEM_AGREEMENT_FLOOR,
  ITEM_ALPHA_FLOOR,
  ITEM_MIN_SESSIONS,
  itemFlagged,
  sessionFigures,
  statistic,
  type SessionInput,
  type SheetInput,
  type TrendSessionInput,
} from './calibration.js';
import type { Answer } from './scoring.js';
import type { StandardItem, StandardsPack } from './standards.js';

// Every figure here is worked out by hand in the comment beside it. "README example" is the
// worked example of README.md, "Calibration: agreement figures and how to read them": change
// one and the other together.

const item = (id: string, weight: number, extra: Partial<StandardItem> = {}): StandardItem => ({
  id,
  text: { en: id },
  weight,
  critical: false,
  scorecard: true,
  ...extra,
});

// process: greet 1, verify 2, summary 2, callback 1 (only when summary is "no"); behaviour: tone 2.
const pack: StandardsPack = {
  id: 'p',
  name: { en: 'p' },
  version: 3,
  callTypes: [{ id: 'booking', name: { en: 'Booking' } }],
  areas: [
    {
      id: 'process',
      items: [
        item('greet', 1),
        item('verify', 2),
        item('summary', 2),
        item('callback', 1, { showWhen: { item: 'summary', answers: ['no'] } }),
        item('not-scored', 1, { scorecard: false }),
      ],
    },
    { id: 'behaviour', items: [item('tone', 2)] },
  ],
};

const Y = 'yes' as const;
const N = 'no' as const;
const NA = 'na' as const;

const sheet = (userId: string, answers: Record<string, Answer>): SheetInput => ({
  userId,
  name: userId[0]!.toUpperCase() + userId.slice(1),
  answers,
});

// Ann and Cat: summary yes (callback hidden), tone N/A: 5 / 5 = 100.
// Ben: summary no, callback yes, tone N/A: (1 + 2 + 0 + 1) / (1 + 2 + 2 + 1) = 4 / 6 = 66.7.
const ann = sheet('ann', { greet: Y, verify: Y, summary: Y, tone: NA });
const ben = sheet('ben', { greet: Y, verify: Y, summary: N, callback: Y, tone: NA });
const cat = sheet('cat', { greet: Y, verify: Y, summary: Y, tone: NA });
const fullBenchmark = { greet: Y, verify: Y, summary: N, callback: Y, tone: NA };

const session = (over: Partial<SessionInput> = {}): SessionInput => ({
  pack,
  callType: 'booking',
  sheets: [ann, ben, cat],
  benchmarks: {},
  notes: {},
  ...over,
});

describe('sessionFigures: README example (three evaluators, one disagreeing item)', () => {
  const figures = sessionFigures(
    session({ benchmarks: fullBenchmark, notes: { summary: 'Summarise the booking back.' } }),
  );

  it('is a SessionFigures as the protocol defines it', () => {
    expect(SessionFiguresSchema.parse(figures)).toEqual(figures);
  });

  it('compares the scorecard items some rater had in play (callback only for Ben; not-scored never)', () => {
    expect(figures.raters).toBe(3);
    expect(figures.itemCount).toBe(5);
    expect(figures.items.map((i) => i.itemId)).toEqual([
      // Disagreement first (summary 1/3), then scorecard order among the agreed items, and the
      // item nobody could compare with anyone (callback, one answer) last.
      'summary',
      'greet',
      'verify',
      'tone',
      'callback',
    ]);
  });

  it('per item: counts with missing (showWhen), percent agreement, modal share, benchmark, note', () => {
    const byId = Object.fromEntries(figures.items.map((i) => [i.itemId, i]));
    // summary: yes no yes: 3 pairs, 1 agreeing; 2 of 3 gave the most common answer.
    expect(byId.summary).toEqual({
      itemId: 'summary',
      counts: { yes: 2, no: 1, na: 0, missing: 0 },
      percentAgreement: 1 / 3,
      modalShare: 2 / 3,
      benchmark: 'no',
      note: 'Summarise the booking back.',
    });
    // callback: in play for Ben only: missing (not "no", not N/A) for Ann and Cat, no pair.
    expect(byId.callback).toEqual({
      itemId: 'callback',
      counts: { yes: 1, no: 0, na: 0, missing: 2 },
      percentAgreement: null,
      modalShare: 1,
      benchmark: 'yes',
      note: '',
    });
    // tone: N/A three times is agreement on N/A.
    expect(byId.tone).toMatchObject({
      counts: { yes: 0, no: 0, na: 3, missing: 0 },
      percentAgreement: 1,
      modalShare: 1,
    });
  });

  it("pooled percent agreement 5/6, Fleiss' kappa 23/35, Krippendorff's alpha 24/35, no Cohen", () => {
    // Pairs: greet 3/3, verify 3/3, summary 1/3, tone 3/3, callback none: 10 / 12 = 5/6.
    expect(figures.percentAgreement).toBeCloseTo(5 / 6, 12);
    // Fleiss over the items all three answered (greet, verify, summary, tone), columns yes/no/na:
    // [3,0,0] [3,0,0] [2,1,0] [0,0,3]. P_i = 1, 1, (4 + 1 - 3) / 6 = 1/3, 1: P = 5/6.
    // Shares yes 8/12, no 1/12, na 3/12: P_e = (64 + 1 + 9) / 144 = 37/72.
    // kappa = (5/6 - 37/72) / (1 - 37/72) = (23/72) / (35/72) = 23/35 = 0.657.
    expect(figures.fleissKappa.value).toBeCloseTo(23 / 35, 12);
    expect(figures.fleissKappa.undefinedBecause).toBeNull();
    // Alpha, items as units; callback (one answer) left out: n = 12 (yes 8, no 1, na 3). The
    // only disagreement, summary (yes no yes, m = 3): 4 ordered (yes, no) pairs x 1/2 = 2.
    // alpha = 1 - (n - 1) * 2 / (n^2 - (64 + 1 + 9)) = 1 - 22 / 70 = 24/35 = 0.686.
    expect(figures.krippendorffAlpha.value).toBeCloseTo(24 / 35, 12);
    expect(figures.cohenKappa).toBeNull();
  });

  it('scores: spread 100 - 66.7 = 33.3; benchmark 66.7 (summary no, so callback in play and benchmarked)', () => {
    expect(figures.scoreSpread).toBe(33.3);
    expect(figures.benchmarkScore).toBe(66.7);
    expect(figures.participants).toEqual([
      // Ann: greet, verify, summary, tone compared (callback not answered): summary off.
      { userId: 'ann', name: 'Ann', score: 100, itemsOff: 1, itemsCompared: 4, scorePoints: 33.3 },
      { userId: 'ben', name: 'Ben', score: 66.7, itemsOff: 0, itemsCompared: 5, scorePoints: 0 },
      { userId: 'cat', name: 'Cat', score: 100, itemsOff: 1, itemsCompared: 4, scorePoints: 33.3 },
    ]);
  });
});

describe('sessionFigures: benchmarks', () => {
  it('no benchmark score until every item in play for the benchmark answers has one', () => {
    // Only summary benchmarked: each participant compared on it alone; no benchmark score.
    const partial = sessionFigures(session({ benchmarks: { summary: N } }));
    expect(partial.benchmarkScore).toBeNull();
    expect(partial.participants.map((p) => [p.itemsCompared, p.itemsOff, p.scorePoints])).toEqual([
      [1, 1, null],
      [1, 0, null],
      [1, 1, null],
    ]);
    // Summary "no" brings callback into play for the benchmark: still incomplete without it.
    const withoutCallback = { greet: Y, verify: Y, summary: N, tone: NA };
    expect(sessionFigures(session({ benchmarks: withoutCallback })).benchmarkScore).toBeNull();
  });

  it('a benchmark "yes" on summary hides callback: complete without it, 100; Ben is 33.3 below', () => {
    const figures = sessionFigures(
      session({ benchmarks: { greet: Y, verify: Y, summary: Y, tone: NA } }),
    );
    expect(figures.benchmarkScore).toBe(100);
    const ben = figures.participants.find((p) => p.userId === 'ben')!;
    // Ben's callback has no benchmark: 4 compared, summary off; 66.7 - 100 = -33.3.
    expect(ben).toMatchObject({ itemsCompared: 4, itemsOff: 1, scorePoints: -33.3 });
    expect(figures.items.find((i) => i.itemId === 'callback')!.benchmark).toBeNull();
  });
});

describe('sessionFigures: two raters, and undefined figures', () => {
  it("two raters: Cohen's kappa 5/9, Fleiss 9/17, alpha 10/17 over the items both answered", () => {
    const figures = sessionFigures(session({ sheets: [ann, ben] }));
    // Both answered greet, verify, summary, tone: Ann y y y na, Ben y y n na. p_o = 3/4;
    // Ann: yes 3, na 1; Ben: yes 2, no 1, na 1: p_e = (3*2 + 1*1) / 16 = 7/16;
    // kappa = (12/16 - 7/16) / (9/16) = 5/9.
    expect(figures.cohenKappa).toEqual({
      value: expect.closeTo(5 / 9, 12),
      undefinedBecause: null,
    });
    // Fleiss: [2,0,0] [2,0,0] [1,1,0] [0,0,2]: P = 3/4; shares 5/8, 1/8, 2/8: P_e = 30/64;
    // kappa = (48/64 - 30/64) / (34/64) = 9/17. Alpha: n = 8, the split unit adds 1 + 1:
    // 1 - 7 * 2 / (64 - 30) = 10/17.
    expect(figures.fleissKappa.value).toBeCloseTo(9 / 17, 12);
    expect(figures.krippendorffAlpha.value).toBeCloseTo(10 / 17, 12);
    expect(figures.percentAgreement).toBeCloseTo(3 / 4, 12);
  });

  it("'one-category' when every answer is the same (percent agreement 1)", () => {
    const all = { greet: Y, verify: Y, summary: Y, tone: Y };
    const figures = sessionFigures(
      session({ sheets: [sheet('ann', all), sheet('ben', all), sheet('cat', all)] }),
    );
    expect(figures.percentAgreement).toBe(1);
    expect(figures.fleissKappa).toEqual({ value: null, undefinedBecause: 'one-category' });
    expect(figures.krippendorffAlpha).toEqual({ value: null, undefinedBecause: 'one-category' });
    const two = sessionFigures(session({ sheets: [sheet('ann', all), sheet('ben', all)] }));
    expect(two.cohenKappa).toEqual({ value: null, undefinedBecause: 'one-category' });
  });

  it("'one-rater' with a single sheet: no percent agreement, no spread, no Cohen", () => {
    const figures = sessionFigures(session({ sheets: [ann], benchmarks: fullBenchmark }));
    expect(figures).toMatchObject({
      raters: 1,
      percentAgreement: null,
      cohenKappa: null,
      fleissKappa: { value: null, undefinedBecause: 'one-rater' },
      krippendorffAlpha: { value: null, undefinedBecause: 'one-rater' },
      scoreSpread: null,
      benchmarkScore: 66.7,
    });
    expect(figures.participants[0]).toMatchObject({ score: 100, scorePoints: 33.3 });
    expect(sessionFigures(session({ sheets: [] }))).toMatchObject({
      raters: 0,
      itemCount: 0,
      items: [],
      krippendorffAlpha: { undefinedBecause: 'one-rater' },
    });
  });

  it("'no-pairs' when no item has two answers (answers only to items not in play, or none)", () => {
    // An answer to callback while summary is "yes" is not in play: ignored, like the score does.
    const figures = sessionFigures(
      session({ sheets: [sheet('ann', { callback: N }), sheet('ben', {})] }),
    );
    expect(figures.itemCount).toBe(0);
    expect(figures.percentAgreement).toBeNull();
    expect(figures.cohenKappa).toEqual({ value: null, undefinedBecause: 'no-pairs' });
    expect(figures.fleissKappa).toEqual({ value: null, undefinedBecause: 'no-pairs' });
    expect(figures.krippendorffAlpha).toEqual({ value: null, undefinedBecause: 'no-pairs' });
    expect(figures.participants.map((p) => p.score)).toEqual([null, null]);
    expect(figures.scoreSpread).toBeNull();
  });

  it('statistic(): NaN becomes null with the reason, a number stays', () => {
    expect(statistic(NaN, 'no-pairs')).toEqual({ value: null, undefinedBecause: 'no-pairs' });
    expect(statistic(0, 'no-pairs')).toEqual({ value: 0, undefinedBecause: null });
  });
});

// Two sessions on the same scorecard, given newest first to check the ordering.
// s1 (2 March): Ann, Ben, Cat as above. s2 (9 March): Ann (summary yes: 100), Ben and Dan
// (summary no, callback yes: 66.7). Both benchmarked fully, summary "no": 66.7.
const dan = sheet('dan', { greet: Y, verify: Y, summary: N, callback: Y, tone: NA });
const trendSession = (
  id: string,
  revealedAt: string,
  sheets: SheetInput[],
  over: Partial<TrendSessionInput> = {},
): TrendSessionInput => ({
  ...session({ sheets, benchmarks: fullBenchmark }),
  id,
  title: `Session ${id}`,
  revealedAt,
  packVersion: 3,
  ...over,
});
const s1 = trendSession('s1', '2026-03-02T10:00:00.000Z', [ann, ben, cat]);
const s2 = trendSession('s2', '2026-03-09T10:00:00.000Z', [ann, ben, dan]);

describe('calibrationTrends', () => {
  const trends = calibrationTrends([s2, s1]);

  it('is a CalibrationTrends as the protocol defines it, sessions in revealedAt order', () => {
    expect(CalibrationTrendsSchema.parse(trends)).toEqual(trends);
    expect(trends.sessions.map((s) => s.id)).toEqual(['s1', 's2']);
    expect(trends.sessions[0]).toEqual({
      id: 's1',
      title: 'Session s1',
      revealedAt: '2026-03-02T10:00:00.000Z',
      packVersion: 3,
      raters: 3,
      percentAgreement: expect.closeTo(5 / 6, 12),
      krippendorffAlpha: { value: expect.closeTo(24 / 35, 12), undefinedBecause: null },
      fleissKappa: { value: expect.closeTo(23 / 35, 12), undefinedBecause: null },
      scoreSpread: 33.3,
    });
  });

  it('per item, sessions as units: summary disagreed twice: alpha -1/9, flagged', () => {
    const summary = trends.items.find((i) => i.itemId === 'summary')!;
    // Raters Ann, Ben, Cat, Dan; units s1 (yes no yes), s2 (yes no no). Pairs 1/3 each:
    // percent agreement 2/6. n = 6 (yes 3, no 3); each unit adds 1 + 1 off the diagonal:
    // alpha = 1 - 5 * 4 / (36 - 18) = -1/9.
    expect(summary).toEqual({
      itemId: 'summary',
      sessions: 2,
      percentAgreement: expect.closeTo(1 / 3, 12),
      krippendorffAlpha: { value: expect.closeTo(-1 / 9, 12), undefinedBecause: null },
      flagged: true,
    });
  });

  it('items everyone agreed on are undefined (one category) and not flagged; callback paired once', () => {
    expect(trends.items.map((i) => i.itemId)).toEqual([
      'greet',
      'verify',
      'summary',
      'callback',
      'tone',
    ]);
    for (const id of ['greet', 'verify', 'tone'])
      expect(trends.items.find((i) => i.itemId === id)).toEqual({
        itemId: id,
        sessions: 2,
        percentAgreement: 1,
        krippendorffAlpha: { value: null, undefinedBecause: 'one-category' },
        flagged: false,
      });
    // callback: s1 Ben alone (no pair), s2 Ben and Dan yes: one session with a pair.
    expect(trends.items.find((i) => i.itemId === 'callback')).toEqual({
      itemId: 'callback',
      sessions: 1,
      percentAgreement: 1,
      krippendorffAlpha: { value: null, undefinedBecause: 'one-category' },
      flagged: false,
    });
  });

  it('an item flag needs ITEM_MIN_SESSIONS sessions: summary in s1 alone (alpha 0) is not flagged', () => {
    const one = calibrationTrends([s1]).items.find((i) => i.itemId === 'summary')!;
    // One unit (yes no yes): n = 3 (yes 2, no 1): alpha = 1 - 2 * 2 / (9 - 5) = 0.
    expect(one.sessions).toBe(1);
    expect(one.krippendorffAlpha.value).toBeCloseTo(0, 12);
    expect(one.flagged).toBe(false);
    // callback in s1 has one answer: 'no-pairs'; alone on one session of one rater: 'one-rater'.
    const callback = calibrationTrends([s1]).items.find((i) => i.itemId === 'callback')!;
    expect(callback).toMatchObject({
      sessions: 0,
      percentAgreement: null,
      krippendorffAlpha: { value: null, undefinedBecause: 'one-rater' },
      flagged: false,
    });
    const twoLonely = calibrationTrends([
      s1,
      trendSession('s3', '2026-03-16T10:00:00.000Z', [dan, ann]),
    ]).items.find((i) => i.itemId === 'callback')!;
    // Ben in s1 and Dan in s3 each answered callback alone: two raters, no pair.
    expect(twoLonely.krippendorffAlpha).toEqual({ value: null, undefinedBecause: 'no-pairs' });
  });

  it('per evaluator: benchmark agreement, kappa with the benchmark, mean deviation and bias', () => {
    expect(trends.evaluators.map((e) => e.userId)).toEqual(['ann', 'ben', 'cat', 'dan']);
    const [annT, benT, catT, danT] = trends.evaluators;
    // Ann, twice: greet y/y, verify y/y, summary y/n, tone na/na: 6 of 8 as the benchmark.
    // Kappa: Ann yes 6, na 2; benchmark yes 4, no 2, na 2: p_e = (24 + 4) / 64 = 7/16;
    // (6/8 - 7/16) / (9/16) = 5/9. Points +33.3 twice: deviation 33.3, bias +33.3. Flagged.
    expect(annT).toEqual({
      userId: 'ann',
      name: 'Ann',
      sessions: 2,
      itemsCompared: 8,
      benchmarkAgreement: 0.75,
      kappaWithBenchmark: { value: expect.closeTo(5 / 9, 12), undefinedBecause: null },
      meanScoreDeviation: 33.3,
      meanScoreBias: 33.3,
      flagged: true,
    });
    // Ben answered as the benchmark every time: kappa 1, 0 points, not flagged.
    expect(benT).toMatchObject({
      sessions: 2,
      itemsCompared: 10,
      benchmarkAgreement: 1,
      kappaWithBenchmark: { value: 1, undefinedBecause: null },
      meanScoreDeviation: 0,
      meanScoreBias: 0,
      flagged: false,
    });
    // Cat is as far off as Ann but was compared once: not flagged (EVALUATOR_MIN_SESSIONS).
    expect(catT).toMatchObject({ sessions: 1, benchmarkAgreement: 0.75, flagged: false });
    expect(danT).toMatchObject({ sessions: 1, itemsCompared: 5, benchmarkAgreement: 1 });
  });

  it('an evaluator never compared with a benchmark: no figures, not flagged', () => {
    const bare = calibrationTrends([
      { ...s1, benchmarks: {} },
      { ...s2, benchmarks: {} },
    ]).evaluators.find((e) => e.userId === 'ann')!;
    expect(bare).toEqual({
      userId: 'ann',
      name: 'Ann',
      sessions: 0,
      itemsCompared: 0,
      benchmarkAgreement: null,
      kappaWithBenchmark: { value: null, undefinedBecause: 'no-pairs' },
      meanScoreDeviation: null,
      meanScoreBias: null,
      flagged: false,
    });
  });

  it('no sessions: empty trends', () => {
    expect(calibrationTrends([])).toEqual({ sessions: [], items: [], evaluators: [] });
  });
});

describe('evaluator flags at the thresholds (ten items of weight 1, benchmark all "yes": 100)', () => {
  const ten = Array.from({ length: 10 }, (_, i) => `i${i + 1}`);
  const tenPack: StandardsPack = {
    ...pack,
    areas: [{ id: 'process', items: ten.map((id) => item(id, 1)) }],
  };
  const allYes = Object.fromEntries(ten.map((id) => [id, Y])) as Record<string, Answer>;
  /** Every item yes, except these answers. */
  const answers = (except: Record<string, Answer>) => ({ ...allYes, ...except });
  const tenSession = (
    id: string,
    day: number,
    eve: Record<string, Answer>,
    fay: Record<string, Answer>,
  ) =>
    ({
      pack: tenPack,
      callType: 'booking',
      sheets: [sheet('eve', answers(eve)), sheet('fay', answers(fay))],
      benchmarks: allYes,
      notes: {},
      id,
      title: id,
      revealedAt: `2026-04-0${day}T09:00:00.000Z`,
      packVersion: 3,
    }) satisfies TrendSessionInput;
  const evaluator = (sessions: TrendSessionInput[], userId: string) =>
    calibrationTrends(sessions).evaluators.find((e) => e.userId === userId)!;

  it(`benchmark agreement exactly ${EVALUATOR_AGREEMENT_FLOOR} is not flagged; below it is`, () => {
    // Eve answers N/A where the benchmark says yes: off, but N/A drops out of her score (100).
    // Two N/A in each of two sessions: 16 / 20 = 0.8, deviation 0: not flagged.
    const atFloor = evaluator(
      [tenSession('t1', 1, { i1: NA, i2: NA }, {}), tenSession('t2', 2, { i1: NA, i2: NA }, {})],
      'eve',
    );
    expect(atFloor).toMatchObject({
      benchmarkAgreement: 0.8,
      meanScoreDeviation: 0,
      flagged: false,
    });
    // A third N/A in t2: 15 / 20 = 0.75: flagged.
    const below = evaluator(
      [
        tenSession('t1', 1, { i1: NA, i2: NA }, {}),
        tenSession('t2', 2, { i1: NA, i2: NA, i3: NA }, {}),
      ],
      'eve',
    );
    expect(below).toMatchObject({ benchmarkAgreement: 0.75, meanScoreDeviation: 0, flagged: true });
  });

  it(`a mean deviation of exactly ${EVALUATOR_DEVIATION_MAX_POINTS} points is not flagged; above it is`, () => {
    // Fay: one "no" in t1 (90, -10 points), none in t2 (0): mean |points| 5.0, bias -5.0,
    // agreement 19 / 20: not flagged.
    const at = evaluator([tenSession('t1', 1, {}, { i1: N }), tenSession('t2', 2, {}, {})], 'fay');
    expect(at).toMatchObject({
      benchmarkAgreement: 0.95,
      meanScoreDeviation: 5,
      meanScoreBias: -5,
      flagged: false,
    });
    // One "no" in each: 10 points off on average (agreement still 0.9): flagged.
    const above = evaluator(
      [tenSession('t1', 1, {}, { i1: N }), tenSession('t2', 2, {}, { i2: N })],
      'fay',
    );
    expect(above).toMatchObject({
      benchmarkAgreement: 0.9,
      meanScoreDeviation: 10,
      meanScoreBias: -10,
      flagged: true,
    });
  });

  it('the rules as predicates, at the constants', () => {
    const ok = { sessions: EVALUATOR_MIN_SESSIONS, benchmarkAgreement: 0.8, meanScoreDeviation: 5 };
    expect(evaluatorFlagged(ok)).toBe(false);
    expect(evaluatorFlagged({ ...ok, benchmarkAgreement: 0.79 })).toBe(true);
    expect(evaluatorFlagged({ ...ok, meanScoreDeviation: 5.1 })).toBe(true);
    expect(evaluatorFlagged({ ...ok, sessions: 1, benchmarkAgreement: 0 })).toBe(false);
    expect(
      evaluatorFlagged({ sessions: 3, benchmarkAgreement: null, meanScoreDeviation: null }),
    ).toBe(false);

    const item = {
      sessions: ITEM_MIN_SESSIONS,
      krippendorffAlpha: ITEM_ALPHA_FLOOR,
      percentAgreement: 0.8,
    };
    expect(ITEM_ALPHA_FLOOR).toBe(0.667);
    expect(ITEM_AGREEMENT_FLOOR).toBe(0.8);
    expect(itemFlagged(item)).toBe(false);
    expect(itemFlagged({ ...item, krippendorffAlpha: 0.666 })).toBe(true);
    // Alpha fine but one pair in five or more disagrees: flagged.
    expect(itemFlagged({ ...item, krippendorffAlpha: 0.7, percentAgreement: 0.79 })).toBe(true);
    // Alpha undefined (every answer the same, or no pairs) with agreement fine: not flagged.
    expect(itemFlagged({ ...item, krippendorffAlpha: null, percentAgreement: 1 })).toBe(false);
    expect(itemFlagged({ ...item, krippendorffAlpha: null, percentAgreement: null })).toBe(false);
    expect(itemFlagged({ ...item, sessions: 1, krippendorffAlpha: -1 })).toBe(false);
  });
});

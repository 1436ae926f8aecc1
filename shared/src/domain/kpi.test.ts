import { describe, expect, it } from 'vitest';
import { KPI_DEFAULTS, KpiFiguresSchema, type KpiSums } from '../protocol/kpi.js';
import {
  addSums,
  bucketOf,
  bucketsBetween,
  csatMean,
  csatShare,
  emptySums,
  figuresOf,
  firstContactOf,
  handleMsOf,
  legOutcome,
  legSums,
  localDayOf,
  localDayStart,
  meetsTarget,
  type KpiThresholds,
  type LegFacts,
} from './kpi.js';

// The worked examples are the README's ("KPIs: definitions and worked examples"): same calls,
// same numbers. Thresholds are the defaults: short abandon 5 s, service level 20 s, FCR 7 days.
const t: KpiThresholds = { ...KPI_DEFAULTS };
const NOW = new Date('2026-03-20T12:00:00Z');

/** A leg offered at `offeredAt` and nothing else yet. */
function leg(offeredAt: string, more: Partial<LegFacts> = {}): LegFacts {
  return {
    offeredAt,
    answeredAt: null,
    abandonedAt: null,
    waitMs: null,
    transferredAt: null,
    wrapStartAt: null,
    wrapEndAt: null,
    talkMs: null,
    holdMs: null,
    customerKey: null,
    nextContactAt: null,
    complaint: false,
    ...more,
  };
}

/** Offered at 10:00:00 on 2 March, answered after `waitS` seconds (nothing after). */
function answered(waitS: number, more: Partial<LegFacts> = {}): LegFacts {
  const offered = Date.parse('2026-03-02T10:00:00Z');
  return leg(new Date(offered).toISOString(), {
    answeredAt: new Date(offered + waitS * 1000).toISOString(),
    waitMs: waitS * 1000,
    ...more,
  });
}

function abandoned(waitMs: number): LegFacts {
  const offered = Date.parse('2026-03-02T11:00:00Z');
  return leg(new Date(offered).toISOString(), {
    abandonedAt: new Date(offered + waitMs).toISOString(),
    waitMs,
  });
}

const total = (legs: LegFacts[], now = NOW): KpiSums =>
  legs.map((l) => legSums(l, t, now)).reduce(addSums, emptySums());

describe('average handle time and transfers (README example)', () => {
  // A: the PBX counted talk 240 s and hold 60 s; wrap-up 30 s.
  const a = leg('2026-03-02T09:00:00Z', {
    answeredAt: '2026-03-02T09:00:10Z',
    waitMs: 10_000,
    wrapStartAt: '2026-03-02T09:05:10Z',
    wrapEndAt: '2026-03-02T09:05:40Z',
    talkMs: 240_000,
    holdMs: 60_000,
  });
  // B: no PBX times: talk from the answer (10:00) to wrap-up start (10:05), wrap-up 60 s.
  const b = leg('2026-03-02T09:59:50Z', {
    answeredAt: '2026-03-02T10:00:00Z',
    waitMs: 10_000,
    wrapStartAt: '2026-03-02T10:05:00Z',
    wrapEndAt: '2026-03-02T10:06:00Z',
  });
  // C: transferred on at 10:03 after answering at 10:00, no wrap-up.
  const c = leg('2026-03-02T09:59:50Z', {
    answeredAt: '2026-03-02T10:00:00Z',
    waitMs: 10_000,
    transferredAt: '2026-03-02T10:03:00Z',
  });
  // D: answered, still talking: not handled yet.
  const d = leg('2026-03-02T10:10:00Z', { answeredAt: '2026-03-02T10:10:05Z', waitMs: 5_000 });

  it('takes the PBX talk and hold when given, else derives talk from the timestamps', () => {
    expect(handleMsOf(a)).toEqual({ talkMs: 240_000, holdMs: 60_000, acwMs: 30_000 });
    expect(handleMsOf(b)).toEqual({ talkMs: 300_000, holdMs: 0, acwMs: 60_000 });
    expect(handleMsOf(c)).toEqual({ talkMs: 180_000, holdMs: 0, acwMs: 0 });
    expect(handleMsOf(d)).toBeNull();
  });

  it('AHT = (talk + hold + acw) / handled = 870 s / 3 = 290 s; transfer rate 1 / 3', () => {
    const sums = total([a, b, c, d]);
    expect(sums).toMatchObject({
      handled: 3,
      talkMs: 720_000,
      holdMs: 60_000,
      acwMs: 90_000,
      transferred: 1,
    });
    const figures = figuresOf(sums);
    expect(figures.aht).toBe(290_000);
    expect(figures.transferRate).toBeCloseTo(1 / 3, 10);
    expect(legOutcome(c, t)).toBe('transferred');
    expect(legOutcome(d, t)).toBe('answered');
  });

  it('a transferred leg that also wraps up counts talk until the transfer and its wrap-up', () => {
    const e = leg('2026-03-02T10:00:00Z', {
      answeredAt: '2026-03-02T10:00:00Z',
      waitMs: 0,
      transferredAt: '2026-03-02T10:02:00Z',
      wrapStartAt: '2026-03-02T10:02:30Z',
      wrapEndAt: '2026-03-02T10:03:00Z',
    });
    expect(handleMsOf(e)).toEqual({ talkMs: 120_000, holdMs: 0, acwMs: 30_000 });
    expect(legSums(e, t, NOW)).toMatchObject({ handled: 1, transferred: 1, answered: 1 });
  });

  it('a wrap-up end without its start counts talk to the end and no after-call work', () => {
    const f = leg('2026-03-02T10:00:00Z', {
      answeredAt: '2026-03-02T10:00:00Z',
      waitMs: 0,
      wrapEndAt: '2026-03-02T10:04:00Z',
    });
    expect(handleMsOf(f)).toEqual({ talkMs: 240_000, holdMs: 0, acwMs: 0 });
  });

  it('a PBX talk without hold counts hold 0', () => {
    expect(handleMsOf({ ...a, holdMs: null })).toEqual({
      talkMs: 240_000,
      holdMs: 0,
      acwMs: 30_000,
    });
  });
});

describe('abandonment, service level, ASA, answered (README example)', () => {
  // Ten offered: six answered after 4, 8, 12, 20, 21 and 55 s; four abandoned after 3 s
  // (short), 5 s, 40 s and 90 s.
  const legs = [
    ...[4, 8, 12, 20, 21, 55].map((s) => answered(s)),
    ...[3_000, 5_000, 40_000, 90_000].map(abandoned),
  ];

  it('counts the queue side', () => {
    expect(total(legs)).toMatchObject({
      offered: 10,
      answered: 6,
      answeredInSl: 4,
      abandoned: 4,
      shortAbandoned: 1,
      waitMs: 120_000,
    });
  });

  it('abandonment = (4 - 1) / (10 - 1) = 33.3 %', () => {
    expect(figuresOf(total(legs)).abandonment).toBeCloseTo(3 / 9, 10);
  });

  it('service level = 4 / (6 + 4 - 1) = 44.4 %', () => {
    expect(figuresOf(total(legs)).serviceLevel).toBeCloseTo(4 / 9, 10);
  });

  it('ASA = 120 s / 6 = 20 s; answered 6', () => {
    const figures = figuresOf(total(legs));
    expect(figures.asa).toBe(20_000);
    expect(figures.answered).toBe(6);
  });

  it('an abandon is short under the threshold, not at it', () => {
    expect(legOutcome(abandoned(4_999), t)).toBe('short-abandon');
    expect(legOutcome(abandoned(5_000), t)).toBe('abandoned');
    expect(legSums(abandoned(4_999), t, NOW)).toMatchObject({ abandoned: 1, shortAbandoned: 1 });
    expect(legSums(abandoned(5_000), t, NOW)).toMatchObject({ abandoned: 1, shortAbandoned: 0 });
    // A threshold of 0 makes no abandon short.
    expect(legOutcome(abandoned(0), { ...t, shortAbandonSeconds: 0 })).toBe('abandoned');
  });

  it('answered within the service level includes the threshold itself', () => {
    expect(legSums(answered(20), t, NOW).answeredInSl).toBe(1);
    expect(legSums(answered(20.001), t, NOW).answeredInSl).toBe(0);
  });

  it('reads the wait from the timestamps when the PBX sent none; waiting legs count offered', () => {
    const noWait = leg('2026-03-02T10:00:00Z', { answeredAt: '2026-03-02T10:00:15Z' });
    expect(legSums(noWait, t, NOW)).toMatchObject({ answered: 1, waitMs: 15_000, answeredInSl: 1 });
    const waiting = leg('2026-03-02T10:00:00Z');
    expect(legOutcome(waiting, t)).toBe('waiting');
    expect(legSums(waiting, t, NOW)).toEqual({ ...emptySums(), offered: 1 });
  });

  it('an answer wins over an abandon reported after it', () => {
    const both = answered(10, { abandonedAt: '2026-03-02T10:05:00Z' });
    expect(legOutcome(both, t)).toBe('answered');
    expect(legSums(both, t, NOW)).toMatchObject({ answered: 1, abandoned: 0 });
  });
});

describe('first contact resolution by repeat contact (README example)', () => {
  const handled = (offeredAt: string, more: Partial<LegFacts>) => {
    const at = Date.parse(offeredAt);
    return leg(offeredAt, {
      answeredAt: new Date(at + 10_000).toISOString(),
      waitMs: 10_000,
      wrapStartAt: new Date(at + 310_000).toISOString(),
      wrapEndAt: new Date(at + 340_000).toISOString(),
      ...more,
    });
  };
  // "Now" is 20 March 12:00 UTC, N = 7 days.
  const l1 = handled('2026-03-01T09:00:00Z', { customerKey: '+37120000001' });
  const l2 = handled('2026-03-02T10:00:00Z', {
    customerKey: '+37120000002',
    nextContactAt: '2026-03-05T08:00:00Z',
  });
  const l3 = handled('2026-03-10T08:00:00Z', {
    customerKey: '+37120000003',
    nextContactAt: '2026-03-17T08:00:00Z',
  });
  const l4 = handled('2026-03-18T10:00:00Z', { customerKey: '+37120000004' });
  const l5 = handled('2026-03-19T10:00:00Z', { customerKey: null });
  const l6 = handled('2026-03-15T10:00:00Z', {
    customerKey: '+37120000006',
    nextContactAt: '2026-03-16T09:00:00Z',
  });

  it('reads each leg', () => {
    expect(firstContactOf(l1, 7, NOW)).toBe(true); // window ended 8 March, no repeat
    expect(firstContactOf(l2, 7, NOW)).toBe(false); // called again after 3 days
    expect(firstContactOf(l3, 7, NOW)).toBe(true); // again exactly 7 days later: outside
    expect(firstContactOf(l4, 7, NOW)).toBeNull(); // window open until 25 March
    expect(firstContactOf(l5, 7, NOW)).toBeNull(); // no number
    expect(firstContactOf(l6, 7, NOW)).toBe(false); // window open, but already broken
  });

  it('FCR = 2 resolved / 4 eligible = 50 %', () => {
    const sums = total([l1, l2, l3, l4, l5, l6]);
    expect(sums).toMatchObject({ fcrEligible: 4, fcrResolved: 2 });
    expect(figuresOf(sums).fcr).toBe(0.5);
  });

  it('the window boundary: resolved from the instant it closes, not one ms before', () => {
    const closes = new Date('2026-03-25T10:00:00Z');
    expect(firstContactOf(l4, 7, new Date(closes.getTime() - 1))).toBeNull();
    expect(firstContactOf(l4, 7, closes)).toBe(true);
    const repeatJustInside = { ...l4, nextContactAt: '2026-03-25T09:59:59.999Z' };
    expect(firstContactOf(repeatJustInside, 7, closes)).toBe(false);
  });

  it('a leg not handled has no FCR, even with a number', () => {
    const talking = leg('2026-03-01T09:00:00Z', {
      answeredAt: '2026-03-01T09:00:05Z',
      waitMs: 5_000,
      customerKey: '+37120000009',
    });
    expect(firstContactOf(talking, 7, NOW)).toBeNull();
    const gone = { ...abandoned(30_000), customerKey: '+37120000009' };
    expect(firstContactOf(gone, 7, NOW)).toBeNull();
  });

  it('a shorter window settles sooner', () => {
    expect(firstContactOf(l4, 1, NOW)).toBe(true); // 18 March + 1 day < 20 March
    expect(firstContactOf(l2, 2, NOW)).toBe(true); // the repeat came after 2 days
  });
});

describe('CSAT and the survey figures (README example)', () => {
  const answers = [5, 4, 4, 3, 5, 2, 1, 5];

  it('CSAT is the share of 4 and 5: 5 / 8 = 62.5 %; the mean 29 / 8 = 3.625', () => {
    expect(csatShare(answers)).toBe(0.625);
    expect(csatMean(answers)).toBe(3.625);
  });

  it('no answers, no figure; out-of-scale values are not answers', () => {
    expect(csatShare([])).toBeNull();
    expect(csatMean([])).toBeNull();
    expect(csatShare([0, 6, 4.5])).toBeNull();
    expect(csatShare([4, 9])).toBe(1);
  });

  it('the survey counters make CSAT, the mean, FCR (survey) and the response rate', () => {
    const sums: KpiSums = {
      ...emptySums(),
      surveysSent: 40,
      surveyResponses: 8,
      csatAnswers: 8,
      csatTopTwo: 5,
      csatTotal: 29,
      resolvedAnswers: 4,
      resolvedYes: 3,
    };
    const figures = figuresOf(sums);
    expect(figures.csat).toBe(0.625);
    expect(figures.csatMean).toBe(3.625);
    expect(figures.fcrSurvey).toBe(0.75);
    expect(figures.surveyResponseRate).toBe(0.2);
  });
});

describe('complaints, self-assessment and quality (README example)', () => {
  it('complaints count the calls of the complaint type or flagged so: 3 of 4', () => {
    // The hub sets `complaint` when the call type is complaint or the PBX's disposition says so.
    const legs = [
      answered(10, { complaint: true }), // call type complaint
      answered(12, { complaint: true }), // disposition flag
      answered(14, { complaint: true }), // both: one complaint
      answered(16),
    ];
    expect(figuresOf(total(legs)).complaints).toBe(3);
  });

  it('self-assessment 9 / 12 = 75 %; quality (82 + 90 + 76) / 3 = 82.67', () => {
    const figures = figuresOf({
      ...emptySums(),
      calls: 12,
      selfAssessed: 9,
      qualityCount: 3,
      qualityTotal: 248,
    });
    expect(figures.selfAssessment).toBe(0.75);
    expect(figures.quality).toBeCloseTo(82.67, 2);
  });
});

describe('sums and figures', () => {
  it('every figure with a denominator is null on empty sums; counts are 0', () => {
    const figures = figuresOf(emptySums());
    expect(KpiFiguresSchema.parse(figures)).toEqual(figures);
    expect(figures).toEqual({
      aht: null,
      fcr: null,
      fcrSurvey: null,
      csat: null,
      csatMean: null,
      abandonment: null,
      serviceLevel: null,
      asa: null,
      answered: 0,
      transferRate: null,
      surveyResponseRate: null,
      complaints: 0,
      selfAssessment: null,
      quality: null,
    });
  });

  it('only short abandons: abandonment and service level have no denominator', () => {
    const figures = figuresOf(total([abandoned(1_000), abandoned(2_000)]));
    expect(figures.abandonment).toBeNull();
    expect(figures.serviceLevel).toBeNull();
    expect(figures.asa).toBeNull();
  });

  it('addSums is pure and adds every counter', () => {
    const a = { ...emptySums(), offered: 2, qualityTotal: 80, csatTopTwo: 1 };
    const b = { ...emptySums(), offered: 3, qualityTotal: 90, selfAssessed: 4 };
    const aCopy = { ...a };
    const sum = addSums(a, b);
    expect(sum).toEqual({
      ...emptySums(),
      offered: 5,
      qualityTotal: 170,
      csatTopTwo: 1,
      selfAssessed: 4,
    });
    expect(a).toEqual(aCopy);
    expect(sum).not.toBe(a);
    expect(Object.keys(emptySums()).sort()).toEqual(Object.keys(sum).sort());
  });

  it('a team figure is a ratio of sums, not an average of agents', () => {
    // Agent 1: 1 of 1 answered in SL; agent 2: 1 of 3. Team: 2 / 4, not (100 % + 33 %) / 2.
    const one = total([answered(5)]);
    const two = total([answered(5), answered(30), answered(40)]);
    expect(figuresOf(addSums(one, two)).serviceLevel).toBe(0.5);
  });
});

describe('targets', () => {
  it('reads higher and lower as KPI_BETTER says, time targets in seconds', () => {
    expect(meetsTarget('csat', 0.8, 0.8)).toBe(true);
    expect(meetsTarget('csat', 0.79, 0.8)).toBe(false);
    expect(meetsTarget('abandonment', 0.05, 0.05)).toBe(true);
    expect(meetsTarget('abandonment', 0.06, 0.05)).toBe(false);
    expect(meetsTarget('aht', 290_000, 300)).toBe(true);
    expect(meetsTarget('aht', 310_000, 300)).toBe(false);
    expect(meetsTarget('asa', 20_000, 20)).toBe(true);
    expect(meetsTarget('complaints', 3, 2)).toBe(false);
    expect(meetsTarget('quality', 82.67, 80)).toBe(true);
  });

  it('no figure or no target: not judged', () => {
    expect(meetsTarget('fcr', null, 0.7)).toBeNull();
    expect(meetsTarget('fcr', 0.7, undefined)).toBeNull();
  });
});

describe('days in the team time zone', () => {
  it('Asia/Shanghai (UTC+8): the day turns at 16:00 UTC', () => {
    expect(localDayOf('2026-03-01T15:59:59.999Z', 'Asia/Shanghai')).toBe('2026-03-01');
    expect(localDayOf('2026-03-01T16:00:00Z', 'Asia/Shanghai')).toBe('2026-03-02');
    expect(localDayOf('2026-03-02T00:30:00+08:00', 'Asia/Shanghai')).toBe('2026-03-02');
    expect(localDayStart('2026-03-02', 'Asia/Shanghai')).toBe('2026-03-01T16:00:00.000Z');
  });

  it('Europe/Riga: a 23-hour day when the clocks go forward (29 March 2026)', () => {
    expect(localDayStart('2026-03-29', 'Europe/Riga')).toBe('2026-03-28T22:00:00.000Z');
    expect(localDayStart('2026-03-30', 'Europe/Riga')).toBe('2026-03-29T21:00:00.000Z');
    expect(localDayOf('2026-03-29T20:59:59Z', 'Europe/Riga')).toBe('2026-03-29');
    expect(localDayOf('2026-03-29T21:00:00Z', 'Europe/Riga')).toBe('2026-03-30');
    // 03:30 local did not exist; 01:30 UTC is 04:30 summer time, still the 29th.
    expect(localDayOf('2026-03-29T01:30:00Z', 'Europe/Riga')).toBe('2026-03-29');
  });

  it('Europe/Riga: a 25-hour day when the clocks go back (25 October 2026)', () => {
    expect(localDayStart('2026-10-25', 'Europe/Riga')).toBe('2026-10-24T21:00:00.000Z');
    expect(localDayStart('2026-10-26', 'Europe/Riga')).toBe('2026-10-25T22:00:00.000Z');
    expect(localDayOf('2026-10-25T21:59:59Z', 'Europe/Riga')).toBe('2026-10-25');
    expect(localDayOf('2026-10-25T22:00:00Z', 'Europe/Riga')).toBe('2026-10-26');
  });

  it('America/New_York: the day turns at 05:00 UTC in winter, 04:00 in summer', () => {
    expect(localDayOf('2026-01-15T04:59:59Z', 'America/New_York')).toBe('2026-01-14');
    expect(localDayOf('2026-01-15T05:00:00Z', 'America/New_York')).toBe('2026-01-15');
    expect(localDayStart('2026-03-08', 'America/New_York')).toBe('2026-03-08T05:00:00.000Z');
    expect(localDayStart('2026-03-09', 'America/New_York')).toBe('2026-03-09T04:00:00.000Z');
    expect(localDayOf('2026-03-09T03:59:59Z', 'America/New_York')).toBe('2026-03-08');
    expect(localDayStart('2026-11-02', 'America/New_York')).toBe('2026-11-02T05:00:00.000Z');
  });

  it('the same instant is a different day in each zone', () => {
    const iso = '2026-06-30T22:30:00Z';
    expect(localDayOf(iso, 'Asia/Shanghai')).toBe('2026-07-01');
    expect(localDayOf(iso, 'Europe/Riga')).toBe('2026-07-01');
    expect(localDayOf(iso, 'America/New_York')).toBe('2026-06-30');
    expect(localDayOf(iso, 'UTC')).toBe('2026-06-30');
  });

  it('refuses what is not a time or a day', () => {
    expect(() => localDayOf('yesterday', 'UTC')).toThrow(/not an ISO time/);
    expect(() => localDayStart('2026-13-01', 'UTC')).toThrow(/not a day/);
    expect(() => bucketOf('2026-1-1', 'week')).toThrow(/not a day/);
  });
});

describe('buckets', () => {
  it('ISO weeks across a year end start on Monday 28 December', () => {
    for (const day of [
      '2026-12-28',
      '2026-12-29',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
      '2027-01-03',
    ])
      expect(bucketOf(day, 'week')).toBe('2026-12-28');
    expect(bucketOf('2027-01-04', 'week')).toBe('2027-01-04');
    expect(bucketOf('2026-12-27', 'week')).toBe('2026-12-21');
    expect(bucketsBetween('2026-12-24', '2027-01-12', 'week')).toEqual([
      '2026-12-21',
      '2026-12-28',
      '2027-01-04',
      '2027-01-11',
    ]);
  });

  it('months start on the first, across a year end', () => {
    expect(bucketOf('2026-12-31', 'month')).toBe('2026-12-01');
    expect(bucketOf('2027-02-28', 'month')).toBe('2027-02-01');
    expect(bucketsBetween('2026-11-15', '2027-02-01', 'month')).toEqual([
      '2026-11-01',
      '2026-12-01',
      '2027-01-01',
      '2027-02-01',
    ]);
  });

  it('days, including a leap day and a clock-change day', () => {
    expect(bucketOf('2028-02-29', 'day')).toBe('2028-02-29');
    expect(bucketsBetween('2028-02-27', '2028-03-01', 'day')).toEqual([
      '2028-02-27',
      '2028-02-28',
      '2028-02-29',
      '2028-03-01',
    ]);
    expect(bucketsBetween('2026-03-28', '2026-03-30', 'day')).toEqual([
      '2026-03-28',
      '2026-03-29',
      '2026-03-30',
    ]);
  });

  it('a single day is one bucket; a reversed range none; a huge range is refused', () => {
    expect(bucketsBetween('2026-05-05', '2026-05-05', 'week')).toEqual(['2026-05-04']);
    expect(bucketsBetween('2026-05-06', '2026-05-05', 'day')).toEqual([]);
    expect(bucketsBetween('2026-01-01', '2026-12-31', 'day')).toHaveLength(365);
    expect(() => bucketsBetween('2000-01-01', '2026-01-01', 'day')).toThrow(/more than 1000/);
  });
});

import { describe, expect, it } from 'vitest';
import {
  WavePlanSchema,
  type AgeBand,
  type DayPart,
  type Quota,
  type WavePlan,
} from '../protocol/mystery.js';
import {
  allocate,
  assignmentsFor,
  callTimeOf,
  gapAllows,
  isWeekend,
  profileFits,
  type PlannedCall,
  callerConflicts,
  compareWaves,
  dayPartOf,
  findCallerConflicts,
  lnGamma,
  nameKey,
  phoneKey,
  planWave,
  type PlanInput,
  type PlanTeam,
  regularizedBeta,
  sampleSize,
  samePhone,
  studentTTwoSided,
  teamWindows,
  type ResultsInput,
  type ResultsItem,
  type ResultsReport,
  type StaffRecord,
  waveResults,
} from './mystery.js';
import { scoreScorecard, type Answer } from './scoring.js';
import type { StandardItem, StandardsPack } from './standards.js';

const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);

describe('allocate (largest remainder, Hamilton)', () => {
  it('gives the published largest-remainder result (Hare quota, 10 seats)', () => {
    // Wikipedia, "Largest remainder method", worked example: 100,000 votes, 10 seats, Hare
    // quota 10,000: quotas 4.70 1.60 1.58 1.20 0.61 0.31 -> 5 2 1 1 1 0.
    const votes = {
      yellows: 47_000,
      whites: 16_000,
      reds: 15_800,
      greens: 12_000,
      blues: 6_100,
      pinks: 3_100,
    };
    expect(allocate(10, votes)).toEqual({
      yellows: 5,
      whites: 2,
      reds: 1,
      greens: 1,
      blues: 1,
      pinks: 0,
    });
  });

  it('shows the Alabama paradox as Hamilton does (populations 6, 6, 2)', () => {
    // 10 seats: quotas 4.29 4.29 1.43 -> 4 4 2; 11 seats: 4.71 4.71 1.57 -> 5 5 1.
    const shares = { a: 6, b: 6, c: 2 };
    expect(allocate(10, shares)).toEqual({ a: 4, b: 4, c: 2 });
    expect(allocate(11, shares)).toEqual({ a: 5, b: 5, c: 1 });
  });

  it('normalises shares, breaks ties by key order and keeps every key in order', () => {
    expect(allocate(3, { a: 2, b: 1 })).toEqual({ a: 2, b: 1 });
    // quotas 4, 3.5, 2.5: one seat left, b and c tie on .5, b comes first.
    expect(allocate(10, { a: 0.4, b: 0.35, c: 0.25 })).toEqual({ a: 4, b: 4, c: 2 });
    expect(allocate(10, { c: 0.25, b: 0.35, a: 0.4 })).toEqual({ c: 3, b: 3, a: 4 });
    expect(allocate(2, { x: 1, y: 1, z: 1 })).toEqual({ x: 1, y: 1, z: 0 });
    expect(Object.keys(allocate(5, { z: 1, a: 0, m: 3 }))).toEqual(['z', 'a', 'm']);
    // 0.7 + 0.2 + 0.1 is 0.9999999999999999 in floating point: still 7 2 1.
    expect(allocate(10, { a: 0.7, b: 0.2, c: 0.1 })).toEqual({ a: 7, b: 2, c: 1 });
  });

  it('gives zero shares nothing, even with a minimum', () => {
    expect(allocate(3, { a: 1, b: 0 })).toEqual({ a: 3, b: 0 });
    expect(allocate(3, { a: 1, b: 0, c: 1 }, 1)).toEqual({ a: 2, b: 0, c: 1 });
    expect(allocate(0, { a: 1, b: 0 })).toEqual({ a: 0, b: 0 });
    expect(allocate(0, {})).toEqual({});
  });

  it('raises small shares to the minimum and shares the rest by the others’ shares', () => {
    // quotas 9, .5, .5: b and c get the minimum 1, a the 8 left.
    expect(allocate(10, { a: 0.9, b: 0.05, c: 0.05 }, 1)).toEqual({ a: 8, b: 1, c: 1 });
    // minimum 2: c (quota 1) held at 2, then b's quota over 18 is 18 x 3/9 = 6 (no longer held).
    expect(allocate(20, { a: 0.6, b: 0.3, c: 0.05 }, 2)).toEqual({ a: 12, b: 6, c: 2 });
    // b is pushed below the minimum only once c is held: quotas over 7 are 5.6, 1.05 ... then
    // 6 x 0.8/0.95 = 5.05 and b 6 x .15/.95 = 0.95 < 1: both held.
    expect(allocate(7, { a: 0.8, b: 0.15, c: 0.05 }, 1)).toEqual({ a: 5, b: 1, c: 1 });
    // A minimum every quota already meets changes nothing.
    expect(allocate(10, { a: 0.5, b: 0.5 }, 2)).toEqual({ a: 5, b: 5 });
  });

  it('gives the largest shares the minimum first when the total does not allow it for all', () => {
    expect(allocate(2, { a: 0.2, b: 0.5, c: 0.3 }, 1)).toEqual({ a: 0, b: 1, c: 1 });
    expect(allocate(5, { a: 1, b: 4, c: 3, d: 3 }, 2)).toEqual({ a: 0, b: 2, c: 2, d: 1 });
    expect(allocate(1, { a: 1, b: 1 }, 1)).toEqual({ a: 1, b: 0 });
  });

  it('always sums to the total, each key within one of its quota without a minimum', () => {
    let state = 12345;
    const random = () => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state / 2 ** 32;
    };
    for (let run = 0; run < 300; run++) {
      const n = 1 + Math.floor(random() * 8);
      const shares = Object.fromEntries(
        Array.from({ length: n }, (_, i) => [`k${i}`, random() < 0.15 ? 0 : random() * 10]),
      );
      if (Object.values(shares).every((s) => s === 0)) shares.k0 = 1;
      const total = Math.floor(random() * 200);
      const minimum = Math.floor(random() * 4);
      const plain = allocate(total, shares);
      expect(sum(plain)).toBe(total);
      const all = sum(shares);
      for (const [k, s] of Object.entries(shares)) {
        const quota = (total * s) / all;
        expect(plain[k]).toBeGreaterThanOrEqual(Math.floor(quota - 1e-9));
        expect(plain[k]).toBeLessThanOrEqual(Math.ceil(quota + 1e-9));
      }
      const withMinimum = allocate(total, shares, minimum);
      expect(sum(withMinimum)).toBe(total);
      const positive = Object.keys(shares).filter((k) => shares[k]! > 0);
      if (minimum * positive.length <= total)
        for (const k of positive) expect(withMinimum[k]).toBeGreaterThanOrEqual(minimum);
      for (const k of Object.keys(shares).filter((k) => shares[k] === 0))
        expect(withMinimum[k]).toBe(0);
    }
  });

  it('throws on a negative, fractional total, a negative share or no positive share', () => {
    expect(() => allocate(-1, { a: 1 })).toThrow(/total/);
    expect(() => allocate(2.5, { a: 1 })).toThrow(/total/);
    expect(() => allocate(3, { a: 1, b: -0.1 })).toThrow(/share of "b"/);
    expect(() => allocate(3, { a: Number.NaN })).toThrow(/share of "a"/);
    expect(() => allocate(3, { a: 0 })).toThrow(/no positive share/);
    expect(() => allocate(3, { a: 1 }, -1)).toThrow(/minimum/);
  });
});

describe('sampleSize', () => {
  it('needs 385 calls at 95 % and +/- 5 %, 278 out of 1,000', () => {
    // 1.96^2 x 0.25 / 0.05^2 = 384.15 -> 385; 384.15 / (1 + 383.15 / 1000) = 277.7 -> 278.
    expect(sampleSize(0.95, 0.05)).toBe(385);
    expect(sampleSize(0.95, 0.05, 1000)).toBe(278);
  });

  it('matches Krejcie and Morgan’s table (1970) where rounding up and theirs agree', () => {
    // Krejcie & Morgan, "Determining sample size for research activities", Educational and
    // Psychological Measurement 30: the same formula (chi-square 3.841, P = .5, d = .05).
    const table: [number, number][] = [
      [10, 10],
      [100, 80],
      [200, 132],
      [300, 169],
      [1000, 278],
      [5000, 357],
      [10_000, 370],
      [1_000_000, 384],
    ];
    for (const [population, needed] of table)
      expect(sampleSize(0.95, 0.05, population)).toBe(needed);
    // Theirs rounds to the nearest (44 for 50, 217 for 500): we round up, never short.
    expect(sampleSize(0.95, 0.05, 50)).toBe(45);
    expect(sampleSize(0.95, 0.05, 500)).toBe(218);
  });

  it('uses the 90 % and 99 % quantiles and other margins', () => {
    expect(sampleSize(0.9, 0.05)).toBe(271); // 1.6449^2 x .25 / .0025 = 270.55
    expect(sampleSize(0.99, 0.05)).toBe(664); // 2.5758^2 x .25 / .0025 = 663.49
    expect(sampleSize(0.95, 0.03)).toBe(1068); // 1067.07
    expect(sampleSize(0.95, 0.1)).toBe(97); // 96.04
  });

  it('takes an absent, zero or infinite population as unknown and throws on bad input', () => {
    expect(sampleSize(0.95, 0.05, 0)).toBe(385);
    expect(sampleSize(0.95, 0.05, Number.POSITIVE_INFINITY)).toBe(385);
    expect(() => sampleSize(0.8, 0.05)).toThrow(/confidence/);
    expect(() => sampleSize(0.95, 0)).toThrow(/margin/);
    expect(() => sampleSize(0.95, 1.5)).toThrow(/margin/);
    expect(() => sampleSize(0.95, 0.05, -3)).toThrow(/population/);
  });
});

describe('dayPartOf and phoneKey', () => {
  it('reads the local hour in the zone, across a clock change', () => {
    const riga = (iso: string) => dayPartOf(new Date(iso), 'Europe/Riga');
    // Riga is UTC+2 in winter.
    expect(riga('2026-03-18T03:59:00Z')).toBe('night'); // 05:59
    expect(riga('2026-03-18T04:00:00Z')).toBe('morning'); // 06:00
    expect(riga('2026-03-18T09:59:59Z')).toBe('morning'); // 11:59
    expect(riga('2026-03-18T10:00:00Z')).toBe('afternoon'); // 12:00
    expect(riga('2026-03-18T16:00:00Z')).toBe('evening'); // 18:00
    expect(riga('2026-03-18T19:59:00Z')).toBe('evening'); // 21:59
    expect(riga('2026-03-18T20:00:00Z')).toBe('night'); // 22:00
    expect(riga('2026-03-18T23:00:00Z')).toBe('night'); // 01:00 the next day
    // UTC+3 from 29 March 2026.
    expect(riga('2026-03-30T02:59:00Z')).toBe('night'); // 05:59
    expect(riga('2026-03-30T03:00:00Z')).toBe('morning'); // 06:00
    expect(dayPartOf(new Date('2026-01-01T10:00:00Z'), 'Asia/Shanghai')).toBe('evening');
    expect(() => dayPartOf(new Date('x'), 'UTC')).toThrow(/invalid/);
    expect(() => dayPartOf(new Date(), 'Mars/Base')).toThrow(/time zone/);
  });

  it('gives a night to the day it starts on', () => {
    const riga = (iso: string) => callTimeOf(new Date(iso), 'Europe/Riga');
    // Saturday 14 March 2026, 02:00 in Riga: Friday's night, a weekday.
    expect(riga('2026-03-14T00:00:00Z')).toEqual({
      day: '2026-03-13',
      dayPart: 'night',
      weekend: false,
    });
    // Saturday 23:00: Saturday's night.
    expect(riga('2026-03-14T21:00:00Z')).toEqual({
      day: '2026-03-14',
      dayPart: 'night',
      weekend: true,
    });
    expect(riga('2026-03-15T08:00:00Z')).toEqual({
      day: '2026-03-15',
      dayPart: 'morning',
      weekend: true,
    });
    expect(riga('2026-03-16T01:00:00Z')).toEqual({
      day: '2026-03-15',
      dayPart: 'night',
      weekend: true,
    });
  });

  it('keeps the last digits of a number however it is written', () => {
    expect(phoneKey('+371 2612 3456')).toBe('126123456');
    expect(phoneKey('00371 26123456')).toBe('126123456');
    expect(phoneKey('(020) 7946-0018', 7)).toBe('9460018');
    expect(phoneKey('2041')).toBe('2041');
    expect(phoneKey('ext.')).toBe('');
    expect(() => phoneKey('123', 0)).toThrow(/keep/);
  });

  it('takes a national and an international form as one number, never short ones', () => {
    expect(samePhone('+371 2612 3456', '26123456')).toBe(true);
    expect(samePhone('+86 138 0013 8000', '13800138000')).toBe(true);
    expect(samePhone('2041', '2041')).toBe(true);
    expect(samePhone('+371 2000 2041', '2041')).toBe(false);
    expect(samePhone('26123456', '26123457')).toBe(false);
    expect(samePhone('', '')).toBe(false);
  });
});

describe('the t distribution', () => {
  it('computes ln Gamma and the regularized incomplete beta function', () => {
    expect(lnGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 13);
    expect(lnGamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(lnGamma(10)).toBeCloseTo(Math.log(362_880), 12);
    expect(lnGamma(0.1)).toBeCloseTo(2.252712651734206, 12); // ln 9.5135...
    expect(regularizedBeta(0.3, 1, 1)).toBeCloseTo(0.3, 14);
    expect(regularizedBeta(0.5, 7.5, 7.5)).toBeCloseTo(0.5, 14);
    expect(regularizedBeta(0.3, 2.5, 1)).toBeCloseTo(0.3 ** 2.5, 14);
    expect(regularizedBeta(0.3, 1, 4)).toBeCloseTo(1 - 0.7 ** 4, 14);
    // I_0.4(2, 3) = 0.5248 by the binomial sum; scipy.special.betainc for the others.
    expect(regularizedBeta(0.4, 2, 3)).toBeCloseTo(0.5248, 13);
    expect(regularizedBeta(0.2, 0.5, 0.5)).toBeCloseTo(0.2951672353008665, 12);
    expect(regularizedBeta(0.99, 50, 0.5)).toBeCloseTo(0.3173043978741973, 11);
    expect(regularizedBeta(0.9995, 5000, 0.5)).toBeCloseTo(0.02533267265780569, 10);
    expect(() => regularizedBeta(1.2, 1, 1)).toThrow(/outside/);
    expect(() => regularizedBeta(0.5, 0, 1)).toThrow(/positive/);
  });

  it('gives the two-sided tail of published critical values', () => {
    // NIST/SEMATECH e-Handbook of Statistical Methods, 1.3.6.7.2, "Critical values of the
    // Student's t distribution" (three decimals): the two-sided tails are 0.10, 0.05, 0.01.
    const table: [number, number, number][] = [
      [12.706, 1, 0.05],
      [4.303, 2, 0.05],
      [2.228, 10, 0.05],
      [2.042, 30, 0.05],
      [1.984, 100, 0.05],
      [1.812, 10, 0.1],
      [3.169, 10, 0.01],
      [2.626, 100, 0.01],
    ];
    for (const [t, df, p] of table) {
      expect(Math.abs(studentTTwoSided(t, df) - p)).toBeLessThan(p * 0.002);
      expect(studentTTwoSided(-t, df)).toBe(studentTTwoSided(t, df));
    }
    // Exact figures, as scipy.stats.t.sf(t, df) x 2 gives them (also fractional df).
    expect(studentTTwoSided(2, 5)).toBeCloseTo(0.10193947882985835, 12);
    expect(studentTTwoSided(0.5, 3.3)).toBeCloseTo(0.6485350763995584, 12);
    expect(studentTTwoSided(30, 2.5)).toBeCloseTo(0.00029106470915739535, 14);
    expect(studentTTwoSided(8, 3)).toBeCloseTo(0.004076577587785466, 13);
    expect(studentTTwoSided(3, 4000)).toBeCloseTo(0.0027164427064371513, 12);
    expect(studentTTwoSided(0, 7)).toBe(1);
    expect(studentTTwoSided(Number.POSITIVE_INFINITY, 7)).toBe(0);
  });
});

describe('compareWaves (Welch’s t-test)', () => {
  it('reproduces the published examples', () => {
    // Wikipedia, "Welch's t-test", Examples 1-3 (t -2.46 df 25.0 p 0.021; t -1.57 df 9.9
    // p 0.149; t -2.22 df 24.5 p 0.036); the exact p-values are scipy.stats.ttest_ind(a1, a2,
    // equal_var=False) 1.17, checked by hand to the published three decimals.
    const examples: [number[], number[], number][] = [
      [
        [27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4],
        [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4],
        0.021378001462866992,
      ],
      [
        [17.2, 20.9, 22.6, 18.1, 21.7, 21.4, 23.5, 24.2, 14.7, 21.8],
        [
          21.5, 22.8, 21.0, 23.0, 21.6, 23.6, 22.5, 20.7, 23.4, 21.8, 20.7, 21.7, 21.5, 22.5, 23.6,
          21.5, 22.5, 23.5, 21.5, 21.8,
        ],
        0.14884169660532817,
      ],
      [
        [19.8, 20.4, 19.6, 17.8, 18.5, 18.9, 18.3, 18.9, 19.5, 22.0],
        [
          28.2, 26.6, 20.1, 23.3, 25.2, 22.1, 17.7, 27.6, 20.6, 13.7, 23.2, 17.5, 20.6, 18.0, 23.9,
          21.6, 24.3, 20.4, 23.9, 13.3,
        ],
        0.035484530830010394,
      ],
    ];
    for (const [a1, a2, p] of examples) {
      const r = compareWaves(a1, a2);
      expect(r.pValue).toBeCloseTo(p, 12);
      expect(r.significant).toBe(p < 0.05);
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      expect(r.change).toBeCloseTo(mean(a2) - mean(a1), 12);
    }
  });

  it('agrees with R’s t.test (Welch by default): t = -1.8325, df = 17.9, p = 0.08356', () => {
    const ts1 = [11, 9, 10, 11, 10, 12, 9, 11, 12, 9];
    const ts2 = [11, 13, 10, 13, 12, 9, 11, 12, 12, 11];
    const r = compareWaves(ts1, ts2);
    expect(r.change).toBeCloseTo(1, 12);
    expect(r.pValue).toBeCloseTo(0.08356, 5);
    expect(r.significant).toBe(false);
  });

  it('gives nulls with fewer than 2 calls, and no p-value when no score varies', () => {
    expect(compareWaves([80], [70, 90])).toEqual({
      change: null,
      pValue: null,
      significant: false,
    });
    expect(compareWaves([70, 90], [])).toEqual({ change: null, pValue: null, significant: false });
    expect(compareWaves([80, 80], [60, 60])).toEqual({
      change: -20,
      pValue: null,
      significant: false,
    });
    // One wave constant, the other not: the test is defined.
    const r = compareWaves([80, 80, 80], [60, 70, 65]);
    expect(r.change).toBeCloseTo(-15, 12);
    expect(r.pValue).toBeLessThan(0.05);
    expect(() => compareWaves([Number.NaN, 1], [1, 2])).toThrow(/score/);
  });
});

describe('callerConflicts', () => {
  const staff: StaffRecord[] = [
    { id: 'u1', username: 'anna', displayName: 'Anna Bērziņa', extension: '2041', disabled: false },
    {
      id: 'u2',
      username: 'Straße',
      displayName: 'Jānis  Kalniņš',
      extension: null,
      disabled: true,
    },
    { id: 'u3', username: 'li.wei', displayName: '李伟', extension: '2077', disabled: false },
  ];
  const internal = ['+371 6700 0000', '+371 6700 0001'];

  it('is empty for someone who never was staff', () => {
    const candidate = { username: 'mila', displayName: 'Mila Ozola', phones: ['+371 2612 3456'] };
    expect(callerConflicts(candidate, staff, internal)).toEqual([]);
  });

  it('names the staff account a username or a name matches, after NFKC and case folding', () => {
    expect(
      callerConflicts(
        { username: ' ＡＮＮＡ ', displayName: 'Someone', phones: [] },
        staff,
        internal,
      ),
    ).toEqual(['The username is the username of staff account "anna" (Anna Bērziņa).']);
    expect(
      callerConflicts(
        { username: 'jk', displayName: ' JĀNIS KALNIŅŠ ', phones: ['26123456'] },
        staff,
        internal,
      ),
    ).toEqual([
      'The name is the name of staff account "Straße" (Jānis  Kalniņš), which was staff (now disabled).',
    ]);
    // usernameKey does not fold ß; the name key does (STRASSE and Straße are one name).
    expect(nameKey('Straße')).toBe(nameKey('STRASSE'));
    expect(
      findCallerConflicts({ username: 'x', displayName: '李伟', phones: [] }, staff, []),
    ).toEqual([
      {
        kind: 'displayName',
        staffId: 'u3',
        username: 'li.wei',
        displayName: '李伟',
        former: false,
      },
    ]);
  });

  it('names an extension or an internal number among the phones', () => {
    expect(
      callerConflicts(
        { username: 'mila', displayName: 'Mila', phones: ['2041', '6700 0001', '+371 2612 3456'] },
        staff,
        internal,
      ),
    ).toEqual([
      'The phone 2041 is the extension of staff account "anna" (Anna Bērziņa).',
      "The phone 6700 0001 is the centre's internal number +371 6700 0001.",
    ]);
    // A phone that merely ends in an extension's digits is not that extension.
    expect(
      callerConflicts(
        { username: 'm', displayName: 'M', phones: ['+371 2000 2041'] },
        staff,
        internal,
      ),
    ).toEqual([]);
  });
});

describe('waveResults', () => {
  const item = (id: string, weight: number, critical = false): StandardItem => ({
    id,
    text: { en: id },
    weight,
    critical,
    scorecard: true,
  });
  const pack: StandardsPack = {
    id: 'p',
    name: { en: 'p' },
    version: 1,
    callTypes: [
      { id: 'booking', name: { en: 'Booking' } },
      { id: 'complaint', name: { en: 'Complaint' } },
    ],
    areas: [
      { id: 'process', items: [item('greet', 1), item('verify', 2, true), item('close', 1)] },
      { id: 'behaviour', items: [item('warm', 2), item('empathy', 2)] },
    ],
  };
  const items: ResultsItem[] = [
    { id: 'greet', area: 'process', name: 'Greets' },
    { id: 'verify', area: 'process', name: 'Verifies' },
    { id: 'close', area: 'process', name: 'Closes' },
    { id: 'warm', area: 'behaviour', name: 'Warm' },
    { id: 'empathy', area: 'behaviour', name: 'Empathy' },
  ];
  const A = { teamId: 'a', teamName: 'North' };
  const B = { teamId: 'b', teamName: 'South' };
  const ilze = { agentId: 'a1', agentName: 'Ilze' };
  const peteris = { agentId: 'a2', agentName: 'Pēteris' };
  const liWei = { agentId: 'b1', agentName: 'Li Wei' };
  const nobody = { agentId: null, agentName: null };
  const y = 'yes' as const;
  const n = 'no' as const;
  const na = 'na' as const;
  const report = (
    status: ResultsReport['status'],
    where: { teamId: string; teamName: string },
    who: { agentId: string | null; agentName: string | null },
    callType: string,
    dayPart: DayPart,
    weekend: boolean,
    profile: ResultsReport['profile'],
    [greet, verify, close, warm, empathy]: Answer[],
    ratings: Record<string, number> = {},
  ): ResultsReport => {
    const answers = {
      greet: greet!,
      verify: verify!,
      close: close!,
      warm: warm!,
      empathy: empathy!,
    };
    return {
      status,
      score: scoreScorecard(pack, callType, answers),
      answers,
      ratings,
      ...where,
      ...who,
      callType,
      dayPart,
      weekend,
      profile,
    };
  };
  const profile = (region: string, ageBand: AgeBand, language: string) => ({
    region,
    ageBand,
    language,
  });
  // Hand-scored (weights 1, 2 critical, 1 | 2, 2): R1 100, R2 5/8 = 62.5, R3 a critical "no"
  // = 0, R4 3/6 = 50, R5 5/6 = 83.3, R8 6/8 = 75; R6 (reported) and R7 (rejected) never count.
  const reports = [
    report(
      'approved',
      A,
      ilze,
      'booking',
      'morning',
      false,
      profile('Riga', '30-44', 'lv'),
      [y, y, y, y, y],
      { welcome: 5, clear: 4 },
    ),
    report(
      'approved',
      A,
      ilze,
      'booking',
      'evening',
      false,
      profile('Riga', '60+', 'lv'),
      [y, y, n, y, n],
      { welcome: 3 },
    ),
    report(
      'approved',
      A,
      peteris,
      'complaint',
      'afternoon',
      true,
      profile('Kurzeme', '45-59', 'ru'),
      [y, n, y, y, y],
      { welcome: 4, clear: 2 },
    ),
    report('approved', B, liWei, 'booking', 'morning', false, profile('Riga', '18-29', 'en'), [
      y,
      y,
      n,
      n,
      na,
    ]),
    report(
      'approved',
      B,
      nobody,
      'booking',
      'night',
      false,
      profile('Latgale', '60+', 'lv'),
      [n, y, y, y, na],
      { welcome: 5, clear: 5 },
    ),
    report(
      'reported',
      B,
      liWei,
      'booking',
      'morning',
      false,
      profile('Riga', '30-44', 'lv'),
      [n, n, n, n, n],
      { welcome: 1 },
    ),
    report('rejected', A, peteris, 'booking', 'morning', false, profile('Riga', '30-44', 'lv'), [
      y,
      y,
      y,
      y,
      y,
    ]),
    report(
      'approved',
      B,
      liWei,
      'booking',
      'afternoon',
      false,
      profile('Riga', '30-44', 'lv'),
      [y, y, y, y, n],
      { welcome: 4 },
    ),
  ];
  const input: ResultsInput = {
    items,
    callTypeNames: { booking: 'Booking', complaint: 'Complaint' },
    target: 80,
    ratingIds: ['welcome', 'clear'],
    competitor: false,
    reports,
    previous: { waveId: 'w0', name: 'March', scores: [70, 80, 75, null, 65] },
    competitors: [
      {
        programmeName: 'Benchmark',
        competitor: 'Other Bank',
        waveName: 'Q1',
        scores: [50, 70, null],
      },
    ],
  };

  it('scores the approved calls only, by section and item', () => {
    expect(reports.map((r) => r.score!.percent)).toEqual([100, 62.5, 0, 50, 83.3, 0, 100, 75]);
    const r = waveResults(input);
    // (100 + 62.5 + 0 + 50 + 83.3 + 75) / 6 = 61.8; five of six passed.
    expect(r).toMatchObject({ calls: 6, score: 61.8, target: 80, passRate: 0.8333 });
    expect(r.bySection).toEqual([
      // process 100 75 50 75 75 100 -> 79.17; behaviour 100 50 100 0 100 50 -> 66.67.
      { key: 'process', name: 'process', area: 'process', calls: 6, score: 79.2, passRate: 1 },
      {
        key: 'behaviour',
        name: 'behaviour',
        area: 'behaviour',
        calls: 6,
        score: 66.7,
        passRate: 1,
      },
    ]);
    expect(r.byItem).toEqual([
      { key: 'greet', name: 'Greets', calls: 6, score: 83.3, passRate: null, yesShare: 0.8333 },
      { key: 'verify', name: 'Verifies', calls: 6, score: 83.3, passRate: null, yesShare: 0.8333 },
      { key: 'close', name: 'Closes', calls: 6, score: 66.7, passRate: null, yesShare: 0.6667 },
      { key: 'warm', name: 'Warm', calls: 6, score: 83.3, passRate: null, yesShare: 0.8333 },
      // Two N/A left out: 2 yes of 4.
      { key: 'empathy', name: 'Empathy', calls: 4, score: 50, passRate: null, yesShare: 0.5 },
    ]);
    expect(r.toTrain).toEqual(['empathy', 'close']);
  });

  it('ranks teams and agents, leaves unmatched calls out of the league, recognises the best', () => {
    const r = waveResults(input);
    expect(r.byTeam).toEqual([
      { key: 'b', name: 'South', calls: 3, score: 69.4, passRate: 1 }, // (50 + 83.3 + 75) / 3
      { key: 'a', name: 'North', calls: 3, score: 54.2, passRate: 0.6667 }, // 162.5 / 3
    ]);
    expect(r.byAgent).toEqual([
      { key: 'a1', name: 'Ilze', teamName: 'North', calls: 2, score: 81.3, passRate: 1 },
      { key: 'b1', name: 'Li Wei', teamName: 'South', calls: 2, score: 62.5, passRate: 1 },
      { key: 'a2', name: 'Pēteris', teamName: 'North', calls: 1, score: 0, passRate: 0 },
    ]);
    expect(r.toRecognise).toEqual(['a1']);
    // At a target of 60 Li Wei is recognised too; Pēteris never (one call).
    expect(waveResults({ ...input, target: 60 }).toRecognise).toEqual(['a1', 'b1']);
    // A competitor programme has no league of agents.
    const competitor = waveResults({ ...input, competitor: true });
    expect(competitor.byAgent).toEqual([]);
    expect(competitor.toRecognise).toEqual([]);
    expect(competitor.byTeam).toEqual(r.byTeam);
  });

  it('breaks the calls down by call type, time and caller profile', () => {
    const r = waveResults(input);
    const cells = (list: { key: string; calls: number; score: number | null }[]) =>
      list.map((c) => [c.key, c.calls, c.score]);
    expect(r.byCallType.map((c) => [c.key, c.name, c.calls, c.score])).toEqual([
      ['booking', 'Booking', 5, 74.2], // 370.8 / 5
      ['complaint', 'Complaint', 1, 0],
    ]);
    expect(cells(r.byDayPart)).toEqual([
      ['morning', 2, 75],
      ['afternoon', 2, 37.5],
      ['evening', 1, 62.5],
      ['night', 1, 83.3],
    ]);
    expect(cells(r.byWeekPart)).toEqual([
      ['weekday', 5, 74.2],
      ['weekend', 1, 0],
    ]);
    expect(cells(r.byRegion)).toEqual([
      ['Kurzeme', 1, 0],
      ['Latgale', 1, 83.3],
      ['Riga', 4, 71.9], // 287.5 / 4 = 71.875
    ]);
    expect(cells(r.byAgeBand)).toEqual([
      ['18-29', 1, 50],
      ['30-44', 2, 87.5],
      ['45-59', 1, 0],
      ['60+', 2, 72.9],
    ]);
    expect(cells(r.byLanguage)).toEqual([
      ['en', 1, 50],
      ['lv', 4, 80.2], // 320.8 / 4
      ['ru', 1, 0],
    ]);
    expect(r.ratings).toEqual([
      { id: 'welcome', mean: 4.2, answers: 5 }, // 5 3 4 5 4 (the reported 1 left out)
      { id: 'clear', mean: 3.67, answers: 3 }, // 4 2 5
    ]);
  });

  it('compares with the previous wave and puts competitors beside', () => {
    const r = waveResults(input);
    // scipy.stats.ttest_ind([70, 80, 75, 65], [100, 62.5, 0, 50, 83.3, 75], equal_var=False)
    expect(r.comparison).toMatchObject({
      previousWaveId: 'w0',
      previousName: 'March',
      previousScore: 72.5,
      change: -10.7,
      significant: false,
    });
    expect(r.comparison!.pValue).toBeCloseTo(0.4927485304698438, 12);
    expect(r.competitors).toEqual([
      { programmeName: 'Benchmark', competitor: 'Other Bank', waveName: 'Q1', calls: 3, score: 60 },
    ]);
    expect(waveResults({ ...input, previous: null }).comparison).toBeNull();
  });

  it('gives nulls, not zeros, for a wave with nothing approved yet', () => {
    const r = waveResults({
      ...input,
      reports: reports.filter((x) => x.status !== 'approved'),
      previous: { waveId: 'w0', name: 'March', scores: [] },
    });
    expect(r).toMatchObject({
      calls: 0,
      score: null,
      passRate: null,
      toTrain: [],
      toRecognise: [],
    });
    expect(r.bySection).toEqual([]);
    expect(r.byItem.every((i) => i.calls === 0 && i.yesShare === null && i.score === null)).toBe(
      true,
    );
    expect(r.byTeam).toEqual([]);
    expect(r.ratings).toEqual([
      { id: 'welcome', mean: null, answers: 0 },
      { id: 'clear', mean: null, answers: 0 },
    ]);
    expect(r.comparison).toMatchObject({ previousScore: null, change: null, pValue: null });
    expect(() => waveResults({ ...input, target: Number.NaN })).toThrow(/target/);
  });
});

describe('teamWindows', () => {
  it('clips each day part to the opening hours, in the team’s zone, in UTC', () => {
    const north: PlanTeam = {
      id: 'north',
      name: 'North',
      zone: 'Europe/Riga',
      hours: { start: '08:00', end: '20:00', days: [1, 2, 3, 4, 5] },
    };
    // Friday 13 and Saturday 14 March 2026 (UTC+2): 08-12, 12-18, 18-20 on Friday only.
    expect(teamWindows(north, ['2026-03-13', '2026-03-14'])).toEqual([
      {
        day: '2026-03-13',
        dayPart: 'morning',
        weekend: false,
        from: '2026-03-13T06:00:00.000Z',
        to: '2026-03-13T10:00:00.000Z',
      },
      {
        day: '2026-03-13',
        dayPart: 'afternoon',
        weekend: false,
        from: '2026-03-13T10:00:00.000Z',
        to: '2026-03-13T16:00:00.000Z',
      },
      {
        day: '2026-03-13',
        dayPart: 'evening',
        weekend: false,
        from: '2026-03-13T16:00:00.000Z',
        to: '2026-03-13T18:00:00.000Z',
      },
    ]);
  });

  it('runs a night shift into the next morning, which may be a weekend day', () => {
    const nights: PlanTeam = {
      id: 'n',
      name: 'Nights',
      zone: 'Europe/Riga',
      hours: { start: '22:00', end: '08:00', days: [5] },
    };
    expect(teamWindows(nights, ['2026-03-13', '2026-03-14'])).toEqual([
      // Friday's night: 22:00 to 06:00 local.
      {
        day: '2026-03-13',
        dayPart: 'night',
        weekend: false,
        from: '2026-03-13T20:00:00.000Z',
        to: '2026-03-14T04:00:00.000Z',
      },
      // Saturday's morning, 06:00 to the end of Friday's shift at 08:00.
      {
        day: '2026-03-14',
        dayPart: 'morning',
        weekend: true,
        from: '2026-03-14T04:00:00.000Z',
        to: '2026-03-14T06:00:00.000Z',
      },
    ]);
  });

  it('follows the clock across a change, and leaves out windows under 30 minutes', () => {
    const always: PlanTeam = { id: 'a', name: 'A', zone: 'Europe/Riga', hours: null };
    const windows = teamWindows(always, ['2026-03-28', '2026-03-29']);
    expect(windows).toHaveLength(8);
    // Saturday is UTC+2; the clocks go forward on Sunday at 03:00, so the night is 7 hours.
    expect(windows[0]).toMatchObject({ dayPart: 'morning', from: '2026-03-28T04:00:00.000Z' });
    expect(windows[3]).toMatchObject({
      dayPart: 'night',
      from: '2026-03-28T20:00:00.000Z',
      to: '2026-03-29T03:00:00.000Z',
    });
    expect(windows[4]).toMatchObject({ dayPart: 'morning', from: '2026-03-29T03:00:00.000Z' });
    const late: PlanTeam = {
      id: 'l',
      name: 'Late',
      zone: 'UTC',
      hours: { start: '09:00', end: '18:20', days: [1, 2, 3, 4, 5, 6, 7] },
    };
    expect(teamWindows(late, ['2026-03-02']).map((w) => w.dayPart)).toEqual([
      'morning',
      'afternoon',
    ]);
    expect(() => teamWindows({ ...late, zone: 'Nowhere/City' }, ['2026-03-02'])).toThrow(
      /time zone/,
    );
    expect(() =>
      teamWindows({ ...late, hours: { start: '9am', end: '17:00', days: [1] } }, ['2026-03-02']),
    ).toThrow(/HH:MM/);
  });
});

describe('planWave', () => {
  const north: PlanTeam = {
    id: 'north',
    name: 'North',
    zone: 'Europe/Riga',
    hours: { start: '08:00', end: '20:00', days: [1, 2, 3, 4, 5] },
  };
  const south: PlanTeam = { id: 'south', name: 'South', zone: 'Asia/Shanghai', hours: null };
  // Monday 2 to Sunday 15 March 2026: 10 weekdays, 4 weekend days.
  const input: PlanInput = {
    calls: 40,
    from: '2026-03-02',
    to: '2026-03-15',
    teams: [north, south],
    scenarioCallTypes: ['booking', 'change', 'complaint'],
    realMix: {
      callType: { booking: 600, change: 250, complaint: 100, billing: 150 },
      dayPart: { morning: 400, afternoon: 350, evening: 200, night: 50 },
      weekPart: { weekday: 800, weekend: 200 },
    },
    profileMix: {
      region: { Riga: 0.5, Kurzeme: 0.3, Latgale: 0.2 },
      ageBand: { '18-29': 0.25, '30-44': 0.35, '45-59': 0.25, '60+': 0.15 },
    },
    perTeamMax: 30,
    population: 1000,
    confidence: 0.95,
    margin: 0.05,
  };
  const calls = (list: Quota[]) => Object.fromEntries(list.map((q) => [q.key, q.calls]));

  it('splits teams equally and follows the real mix (hand-checked)', () => {
    const plan = planWave(input);
    expect(plan.calls).toBe(40);
    expect(plan.byTeam).toEqual([
      { key: 'north', calls: 20, share: 0.5 },
      { key: 'south', calls: 20, share: 0.5 },
    ]);
    // 40 x 600/950 = 25.26, x 250/950 = 10.53, x 100/950 = 4.21: the last call to change (.53).
    expect(calls(plan.byCallType)).toEqual({ booking: 25, change: 11, complaint: 4 });
    expect(plan.byCallType[0]!.share).toBeCloseTo(600 / 950, 12);
    // 40 x .4 .35 .2 .05: north is open mornings to evenings, south round the clock.
    expect(calls(plan.byDayPart)).toEqual({ morning: 16, afternoon: 14, evening: 8, night: 2 });
    expect(calls(plan.byWeekPart)).toEqual({ weekday: 32, weekend: 8 });
    expect(calls(plan.byRegion)).toEqual({ Riga: 20, Kurzeme: 12, Latgale: 8 });
    expect(calls(plan.byAgeBand)).toEqual({ '18-29': 10, '30-44': 14, '45-59': 10, '60+': 6 });
    expect(plan.byLanguage).toEqual([]);
    expect(plan).toMatchObject({ sampleSizeNeeded: 278, population: 1000 });
    expect(plan.warnings.map((w) => w.text)).toEqual([
      'No scenario covers "billing" (14% of recent calls).',
      '40 calls are fewer than the 278 needed for ±5% at 95% confidence.',
    ]);
    // The UI words each warning from its code and figures.
    expect(plan.warnings.map(({ code, params }) => ({ code, params }))).toEqual([
      {
        code: 'call-type-uncovered',
        params: { callType: 'billing', share: expect.closeTo(0.14, 2) },
      },
      {
        code: 'below-sample-size',
        params: { calls: 40, needed: 278, margin: 0.05, confidence: 0.95 },
      },
    ]);
    expect(WavePlanSchema.parse(plan)).toEqual(plan);
  });

  it('caps teams at the limit, leaves a closed team out and names it', () => {
    const saturdays: PlanTeam = {
      id: 'sat',
      name: 'Saturdays',
      zone: 'Europe/Riga',
      hours: { start: '10:00', end: '16:00', days: [6] },
    };
    // Monday 2 to Friday 6 March: the Saturday team is closed all wave.
    const plan = planWave({
      ...input,
      to: '2026-03-06',
      teams: [north, saturdays, south],
      calls: 100,
      population: 0,
    });
    expect(plan.calls).toBe(60);
    expect(calls(plan.byTeam)).toEqual({ north: 30, sat: 0, south: 30 });
    expect(calls(plan.byWeekPart)).toEqual({ weekday: 60, weekend: 0 });
    expect(plan.sampleSizeNeeded).toBe(385);
    expect(plan.warnings.map((w) => w.text)).toEqual([
      'Saturdays is not open on any day of the wave: it gets no calls.',
      '100 calls are more than 2 teams × 30 (the limit per team): the plan has 60.',
      'No scenario covers "billing" (14% of recent calls).',
      'Recent calls come in at weekends, but no floor of the wave is open at a weekend within its dates.',
      '60 calls are fewer than the 385 needed for ±5% at 95% confidence.',
    ]);
  });

  it('covers every scenario’s call type and every open day part with recent calls', () => {
    const plan = planWave({
      ...input,
      calls: 8,
      scenarioCallTypes: ['booking', 'complaint', 'lost-card'],
      realMix: {
        ...input.realMix,
        callType: { booking: 950, complaint: 40, 'lost-card': 10 },
        dayPart: { morning: 900, afternoon: 60, evening: 30, night: 10 },
      },
    });
    expect(calls(plan.byCallType)).toEqual({ booking: 6, complaint: 1, 'lost-card': 1 });
    expect(calls(plan.byDayPart)).toEqual({ morning: 5, afternoon: 1, evening: 1, night: 1 });
    // With 3 calls there is not enough for all four day parts: the largest get one.
    const few = planWave({
      ...input,
      calls: 3,
      realMix: { ...input.realMix, weekPart: { weekday: 1, weekend: 0 } },
    });
    expect(calls(few.byDayPart)).toEqual({ morning: 1, afternoon: 1, evening: 1, night: 0 });
    expect(few.warnings.map((w) => w.text)).toContain(
      'Too few calls to call at night too, though recent calls come in then.',
    );
  });

  it('plans what the opening hours allow when the mix asks for more, and says so', () => {
    const mornings: PlanTeam = {
      id: 'm',
      name: 'Mornings',
      zone: 'UTC',
      hours: { start: '08:00', end: '12:00', days: [1, 2, 3, 4, 5] },
    };
    const weekends: PlanTeam = {
      id: 'w',
      name: 'Weekends',
      zone: 'UTC',
      hours: { start: '00:00', end: '00:00', days: [6, 7] },
    };
    const plan = planWave({
      ...input,
      calls: 20,
      teams: [mornings, weekends],
      realMix: {
        ...input.realMix,
        dayPart: { morning: 1, afternoon: 1, evening: 1, night: 1 },
        weekPart: { weekday: 1, weekend: 1 },
      },
    });
    // Each team 10: the morning team's 10 are weekday mornings; the weekend team (open round
    // the clock at weekends) takes the afternoon, evening and night calls it can.
    expect(calls(plan.byTeam)).toEqual({ m: 10, w: 10 });
    expect(calls(plan.byWeekPart)).toEqual({ weekday: 10, weekend: 10 });
    expect(calls(plan.byDayPart)).toEqual({ morning: 10, afternoon: 5, evening: 3, night: 2 });
    expect(plan.warnings.map((w) => w.text)).toContain(
      'The opening hours allow only 3 of the 5 calls the mix asks for in the evening.',
    );
    expect(plan.warnings.map((w) => w.text)).toContain(
      'The opening hours allow only 2 of the 5 calls the mix asks for at night.',
    );
    // A floor open only at weekends takes its calls then, whatever the mix. (The round-the-clock
    // weekend team above also takes Friday's night, from Saturday 00:00: a night belongs to the
    // day it starts on.)
    const weekendDays: PlanTeam = {
      ...weekends,
      hours: { start: '08:00', end: '20:00', days: [6, 7] },
    };
    const weekendHeavy = planWave({
      ...input,
      calls: 20,
      teams: [mornings, weekendDays],
      realMix: { ...input.realMix, weekPart: { weekday: 9, weekend: 1 } },
    });
    expect(calls(weekendHeavy.byWeekPart)).toEqual({ weekday: 10, weekend: 10 });
    expect(weekendHeavy.warnings.map((w) => w.text)).toContain(
      'Floors open only at weekends need 10 weekend calls, not the 2 the mix asks for.',
    );
  });

  it('follows the opening hours when there are no recent calls', () => {
    const plan = planWave({
      ...input,
      realMix: { callType: {}, dayPart: {}, weekPart: { weekday: 0, weekend: 0 } },
    });
    expect(calls(plan.byCallType)).toEqual({ booking: 14, change: 13, complaint: 13 });
    expect(plan.warnings.map((w) => w.text)).toContain(
      'No recent calls to take the mix from: call types share the calls equally, times follow the opening hours.',
    );
    // Team-days open: weekdays 10 + 10, weekends 4 (south only): 40 x 4/24 = 6.67 -> 7.
    expect(calls(plan.byWeekPart)).toEqual({ weekday: 33, weekend: 7 });
    // Recent calls, but none of the scenarios' call types.
    const otherTypes = planWave({
      ...input,
      realMix: { ...input.realMix, callType: { billing: 100 } },
    });
    expect(calls(otherTypes.byCallType)).toEqual({ booking: 14, change: 13, complaint: 13 });
    expect(otherTypes.warnings.map((w) => w.text).slice(0, 2)).toEqual([
      'No scenario covers "billing" (100% of recent calls).',
      "No recent calls of the scenarios' call types: they share the calls equally.",
    ]);
  });

  it('throws on input it cannot plan', () => {
    expect(() => planWave({ ...input, calls: 0 })).toThrow(/calls/);
    expect(() => planWave({ ...input, teams: [] })).toThrow(/team/);
    expect(() => planWave({ ...input, teams: [north, north] })).toThrow(/twice/);
    expect(() => planWave({ ...input, scenarioCallTypes: [] })).toThrow(/scenario/);
    expect(() => planWave({ ...input, from: '2026-03-20' })).toThrow(/before it starts/);
    expect(() => planWave({ ...input, to: '2026-02-30' })).toThrow(/calendar days/);
    expect(() => planWave({ ...input, to: '2027-06-01' })).toThrow(/366 days/);
    expect(() => planWave({ ...input, profileMix: { ageBand: { '70+': 1 } } })).toThrow(/age band/);
    expect(() => planWave({ ...input, profileMix: { region: { Riga: -1 } } })).toThrow(/Riga/);
    expect(() =>
      planWave({
        ...input,
        teams: [{ ...north, hours: { ...north.hours!, days: [6, 7] } }],
        to: '2026-03-06',
      }),
    ).toThrow(/no team/);
  });
});

describe('assignmentsFor', () => {
  const north: PlanTeam = {
    id: 'north',
    name: 'North',
    zone: 'Europe/Riga',
    hours: { start: '08:00', end: '20:00', days: [1, 2, 3, 4, 5] },
  };
  const south: PlanTeam = { id: 'south', name: 'South', zone: 'Asia/Shanghai', hours: null };
  const input: PlanInput = {
    calls: 40,
    from: '2026-03-02',
    to: '2026-03-15',
    teams: [north, south],
    scenarioCallTypes: ['booking', 'change', 'complaint'],
    realMix: {
      callType: { booking: 600, change: 250, complaint: 100 },
      dayPart: { morning: 400, afternoon: 350, evening: 200, night: 50 },
      weekPart: { weekday: 800, weekend: 200 },
    },
    profileMix: {
      region: { Riga: 0.5, Kurzeme: 0.3, Latgale: 0.2 },
      ageBand: { '18-29': 0.25, '30-44': 0.35, '45-59': 0.25, '60+': 0.15 },
      language: { lv: 0.6, ru: 0.3, en: 0.1 },
    },
    perTeamMax: 30,
    population: 1000,
    confidence: 0.95,
    margin: 0.05,
  };
  const tally = (keys: (string | undefined)[]) => {
    const t: Record<string, number> = {};
    for (const k of keys) if (k !== undefined) t[k] = (t[k] ?? 0) + 1;
    return t;
  };
  const quotaOf = (list: Quota[]) =>
    Object.fromEntries(list.filter((q) => q.calls > 0).map((q) => [q.key, q.calls]));
  /** Every marginal of the calls against the plan's quotas, and every window against the hours. */
  function checkAgainst(
    plan: WavePlan,
    calls: PlannedCall[],
    teams: PlanTeam[],
    from: string,
    to: string,
  ) {
    expect(calls).toHaveLength(plan.calls);
    expect(tally(calls.map((c) => c.teamId))).toEqual(quotaOf(plan.byTeam));
    expect(tally(calls.map((c) => c.callType))).toEqual(quotaOf(plan.byCallType));
    expect(tally(calls.map((c) => c.dayPart))).toEqual(quotaOf(plan.byDayPart));
    expect(tally(calls.map((c) => (c.weekend ? 'weekend' : 'weekday')))).toEqual(
      quotaOf(plan.byWeekPart),
    );
    expect(tally(calls.map((c) => c.profile.region))).toEqual(quotaOf(plan.byRegion));
    expect(tally(calls.map((c) => c.profile.ageBand))).toEqual(quotaOf(plan.byAgeBand));
    expect(tally(calls.map((c) => c.profile.language))).toEqual(quotaOf(plan.byLanguage));
    for (const c of calls) {
      const team = teams.find((t) => t.id === c.teamId)!;
      expect(c.day >= from && c.day <= to).toBe(true);
      expect(c.weekend).toBe(isWeekend(c.day));
      // The window is the team's window of that day part that day (opening hours, zone).
      expect(teamWindows(team, [c.day])).toContainEqual({
        day: c.day,
        dayPart: c.dayPart,
        weekend: c.weekend,
        from: c.windowFrom,
        to: c.windowTo,
      });
      expect(Date.parse(c.windowTo) - Date.parse(c.windowFrom)).toBeGreaterThanOrEqual(30 * 60_000);
      expect(dayPartOf(new Date(c.windowFrom), team.zone)).toBe(c.dayPart);
      expect(dayPartOf(new Date(Date.parse(c.windowTo) - 1), team.zone)).toBe(c.dayPart);
    }
  }

  it('meets every quota of the plan, inside each floor’s hours, spread over the days', () => {
    const plan = planWave(input);
    const calls = assignmentsFor(input, plan, 'wave-1');
    checkAgainst(plan, calls, input.teams, input.from, input.to);
    // North works weekdays 08:00-20:00 in Riga: no weekend, no night, local hours inside.
    const local = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Riga',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    for (const c of calls.filter((x) => x.teamId === 'north')) {
      expect(c.weekend).toBe(false);
      expect(local.format(new Date(c.windowFrom)) >= '08:00').toBe(true);
      expect(local.format(new Date(c.windowTo)) <= '20:00').toBe(true);
    }
    // South takes the 8 weekend calls (north is closed then) and the 2 night calls.
    expect(calls.filter((c) => c.weekend).every((c) => c.teamId === 'south')).toBe(true);
    expect(calls.filter((c) => c.dayPart === 'night').every((c) => c.teamId === 'south')).toBe(
      true,
    );
    // Spread: a team's calls of one day part and week part are on different days while there
    // are fewer calls than days.
    const cells = new Map<string, string[]>();
    for (const c of calls) {
      const key = `${c.teamId} ${c.dayPart} ${c.weekend}`;
      cells.set(key, [...(cells.get(key) ?? []), c.day]);
    }
    for (const [key, days] of cells) {
      const open = key.endsWith('true') ? 4 : 10;
      if (days.length <= open) expect(new Set(days).size).toBe(days.length);
    }
    // Ordered by window.
    const starts = calls.map((c) => c.windowFrom);
    expect([...starts].sort()).toEqual(starts);
  });

  it('is reproducible for a seed and differs for another', () => {
    const plan = planWave(input);
    const one = assignmentsFor(input, plan, 'seed-a');
    expect(assignmentsFor(input, plan, 'seed-a')).toEqual(one);
    const other = assignmentsFor(input, plan, 'seed-b');
    expect(other).not.toEqual(one);
    checkAgainst(plan, other, input.teams, input.from, input.to);
  });

  it('puts more calls than days on every day evenly, then one more on some', () => {
    const always: PlanTeam = { id: 'a', name: 'A', zone: 'UTC', hours: null };
    const small: PlanInput = {
      ...input,
      calls: 11,
      from: '2026-03-02',
      to: '2026-03-04',
      teams: [always],
      realMix: { ...input.realMix, dayPart: { morning: 1 }, weekPart: { weekday: 1, weekend: 0 } },
      profileMix: {},
    };
    const plan = planWave(small);
    expect(quotaOf(plan.byDayPart)).toEqual({ morning: 11 });
    const calls = assignmentsFor(small, plan, 's');
    checkAgainst(plan, calls, small.teams, small.from, small.to);
    const perDay = Object.values(tally(calls.map((c) => c.day))).sort();
    expect(perDay).toEqual([3, 4, 4]);
    expect(calls.every((c) => Object.keys(c.profile).length === 0)).toBe(true);
  });

  it('meets a plan the opening hours bent', () => {
    const mornings: PlanTeam = {
      id: 'm',
      name: 'Mornings',
      zone: 'UTC',
      hours: { start: '08:00', end: '12:00', days: [1, 2, 3, 4, 5] },
    };
    const weekends: PlanTeam = {
      id: 'w',
      name: 'Weekends',
      zone: 'America/New_York',
      hours: { start: '00:00', end: '00:00', days: [6, 7] },
    };
    const bent: PlanInput = {
      ...input,
      calls: 20,
      teams: [mornings, weekends],
      realMix: {
        ...input.realMix,
        dayPart: { morning: 1, afternoon: 1, evening: 1, night: 1 },
        weekPart: { weekday: 1, weekend: 1 },
      },
    };
    const plan = planWave(bent);
    checkAgainst(plan, assignmentsFor(bent, plan, 'x'), bent.teams, bent.from, bent.to);
  });

  it('meets the plan for any teams, hours and mixes (seeded random waves)', () => {
    let state = 99;
    const random = () => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state / 2 ** 32;
    };
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    const zones = ['Europe/Riga', 'Asia/Shanghai', 'Asia/Taipei', 'America/New_York', 'UTC'];
    const time = () =>
      `${String(Math.floor(random() * 24)).padStart(2, '0')}:${pick(['00', '30'])}`;
    for (let run = 0; run < 40; run++) {
      const teams: PlanTeam[] = Array.from({ length: 1 + Math.floor(random() * 4) }, (_, i) => ({
        id: `t${i}`,
        name: `Team ${i}`,
        zone: pick(zones),
        hours:
          random() < 0.25
            ? null
            : {
                start: time(),
                end: time(),
                days: [1, 2, 3, 4, 5, 6, 7].filter(() => random() < 0.7),
              },
      }));
      for (const t of teams) if (t.hours && t.hours.days.length === 0) t.hours.days.push(1);
      const weight = () => (random() < 0.2 ? 0 : Math.floor(random() * 100));
      const wave: PlanInput = {
        ...input,
        calls: 1 + Math.floor(random() * 120),
        from: '2026-03-23',
        to: pick(['2026-03-23', '2026-03-29', '2026-04-05']),
        teams,
        realMix: {
          callType: { booking: weight(), change: weight(), complaint: weight() },
          dayPart: { morning: weight(), afternoon: weight(), evening: weight(), night: weight() },
          weekPart: { weekday: weight(), weekend: weight() },
        },
        perTeamMax: 1 + Math.floor(random() * 50),
      };
      let plan: WavePlan;
      try {
        plan = planWave(wave);
      } catch (e) {
        expect(String(e)).toMatch(/no team of the wave is open/);
        continue;
      }
      checkAgainst(plan, assignmentsFor(wave, plan, `run-${run}`), wave.teams, wave.from, wave.to);
    }
  });

  it('throws on a plan that no longer fits, or whose quotas do not add up', () => {
    const plan = planWave(input);
    // South closes at night: the plan's 2 night calls cannot be made.
    const closedNights = {
      ...input,
      teams: [
        north,
        { ...south, hours: { start: '06:00', end: '22:00', days: [1, 2, 3, 4, 5, 6, 7] } },
      ],
    };
    expect(() => assignmentsFor(closedNights, plan, 's')).toThrow(/plan the wave again/);
    const short = {
      ...plan,
      byCallType: plan.byCallType.map((q, i) => (i === 0 ? { ...q, calls: q.calls - 1 } : q)),
    };
    expect(() => assignmentsFor(input, short, 's')).toThrow(/call type quotas add up to 39/);
    const stranger = {
      ...plan,
      byTeam: [...plan.byTeam.slice(1), { key: 'west', calls: 20, share: 0.5 }],
    };
    expect(() => assignmentsFor(input, stranger, 's')).toThrow(/"west"/);
  });
});

describe('profileFits and gapAllows', () => {
  const caller = { region: 'Rīga', ageBand: '30-44' as const, language: 'en-GB' };
  it('fits what the assignment asks for', () => {
    expect(profileFits({}, caller)).toBe(true);
    expect(profileFits({ region: 'RĪGA ', ageBand: '30-44' }, caller)).toBe(true);
    expect(profileFits({ language: 'en' }, caller)).toBe(true);
    expect(profileFits({ language: 'EN-gb' }, caller)).toBe(true);
    expect(profileFits({ language: 'en-US' }, caller)).toBe(false);
    expect(profileFits({ ageBand: '60+' }, caller)).toBe(false);
    expect(profileFits({ region: 'Riga' }, caller)).toBe(false);
    expect(profileFits({ language: 'zh-TW' }, { ...caller, language: 'zh-CN' })).toBe(false);
  });

  it('keeps a caller from calling a team again within the gap, before or after', () => {
    const made = ['2026-03-01T10:00:00.000Z'];
    expect(gapAllows('2026-03-31T10:00:00.000Z', made, 30)).toBe(true);
    expect(gapAllows('2026-03-31T09:59:59.000Z', made, 30)).toBe(false);
    expect(gapAllows('2026-01-30T10:00:00.000Z', made, 30)).toBe(true);
    expect(gapAllows('2026-02-15T10:00:00.000Z', made, 30)).toBe(false);
    expect(gapAllows('2026-03-01T10:00:00.000Z', made, 0)).toBe(true);
    expect(gapAllows('2026-03-01T10:00:00.000Z', [], 90)).toBe(true);
    expect(() => gapAllows('2026-03-01T10:00:00.000Z', made, -1)).toThrow(/gap/);
    expect(() => gapAllows('soon', made, 30)).toThrow(/time/);
    expect(() => gapAllows('2026-03-01T10:00:00.000Z', ['later'], 30)).toThrow(/time/);
  });
});

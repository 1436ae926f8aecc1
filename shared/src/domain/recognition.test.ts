import { describe, expect, it } from 'vitest';
import {
  CSAT_STREAK_LENGTH,
  NO_CRITICAL_MIN_EVALUATIONS,
  REFLECTIVE_WEEK_MIN_CALLS,
  SHOUTOUT_MIN_WORDS,
  STANDARD_WEEK_MIN_CALLS,
  badgeMonthOf,
  badgeWeekOf,
  csatStreakBadges,
  noCriticalMonthBadges,
  reflectiveWeekBadges,
  shoutoutProblems,
  standardWeekBadges,
  type BadgeAnswer,
  type BadgeCall,
  type BadgeEvaluation,
} from './recognition.js';
import { StandardsPackSchema } from './standards.js';

// A pack like the default one: identity check critical on bookings and cancellations, the
// cancellation terms critical on cancellations only, the greeting not critical.
const pack = StandardsPackSchema.parse({
  id: 'test',
  name: { en: 'Test' },
  version: 1,
  callTypes: [
    { id: 'booking', name: { en: 'Booking' } },
    { id: 'cancellation', name: { en: 'Cancellation' } },
    { id: 'information-request', name: { en: 'Information' } },
  ],
  areas: [
    {
      id: 'process',
      items: [
        { id: 'proc-greeting', text: { en: 'Greets' } },
        {
          id: 'proc-verify-identity',
          text: { en: 'Verifies identity' },
          critical: true,
          callTypes: ['booking', 'cancellation'],
        },
        {
          id: 'proc-cancellation-terms',
          text: { en: 'States the terms' },
          critical: true,
          callTypes: ['cancellation'],
        },
      ],
    },
  ],
});

const RIGA = 'Europe/Riga';
// Monday 2025-03-03 .. Sunday 2025-03-09 in Riga (UTC+2 in winter).
const MONDAY = '2025-03-03';
const WEEK_END = '2025-03-09T22:00:00.000Z'; // Monday 2025-03-10 00:00 in Riga

let n = 0;
function call(startedAt: string, over: Partial<BadgeCall> = {}): BadgeCall {
  n += 1;
  return {
    id: `c${n}`,
    startedAt,
    endedAt: new Date(Date.parse(startedAt) + 120_000).toISOString(),
    callType: 'booking',
    pack,
    done: ['proc-verify-identity'],
    assessed: true,
    ...over,
  };
}
/** `count` calls on the week's days (Tuesday on), at 10:00 Riga. */
const weekOfCalls = (count: number, over: Partial<BadgeCall> = {}) =>
  Array.from({ length: count }, (_, i) => call(`2025-03-0${4 + (i % 5)}T08:00:00.000Z`, over));

describe('periods in the team calendar', () => {
  it('reads the week and month in the zone, not in UTC', () => {
    // Sunday 23:30 in Riga is Sunday 21:30 UTC: still that week.
    expect(badgeWeekOf('2025-03-09T21:30:00.000Z', RIGA).from).toBe(MONDAY);
    // Monday 00:30 in Riga is Sunday 22:30 UTC: the next week already.
    expect(badgeWeekOf('2025-03-09T22:30:00.000Z', RIGA).from).toBe('2025-03-10');
    expect(badgeWeekOf('2025-03-09T22:30:00.000Z', 'UTC').from).toBe(MONDAY);
    // 1 April 00:30 in Riga (UTC+3 in summer) is 31 March 21:30 UTC.
    expect(badgeMonthOf('2025-03-31T21:30:00.000Z', RIGA).from).toBe('2025-04-01');
    expect(badgeMonthOf('2025-03-31T21:30:00.000Z', 'UTC').from).toBe('2025-03-01');
  });
});

describe('standard-week', () => {
  it(`awards a week of at least ${STANDARD_WEEK_MIN_CALLS} calls with the critical item done, once the week is over`, () => {
    const calls = weekOfCalls(STANDARD_WEEK_MIN_CALLS);
    expect(standardWeekBadges(calls, RIGA, new Date(WEEK_END))).toEqual([
      {
        kind: 'standard-week',
        itemId: 'proc-verify-identity',
        period: MONDAY,
        periodKey: MONDAY,
        count: 5,
      },
    ]);
    // A millisecond before the week ends in Riga: not yet.
    expect(standardWeekBadges(calls, RIGA, new Date(Date.parse(WEEK_END) - 1))).toEqual([]);
  });

  it('awards nothing below the minimum or with one call missing the item', () => {
    const now = new Date(WEEK_END);
    expect(standardWeekBadges(weekOfCalls(STANDARD_WEEK_MIN_CALLS - 1), RIGA, now)).toEqual([]);
    const missed = [...weekOfCalls(5), call('2025-03-05T09:00:00.000Z', { done: [] })];
    expect(standardWeekBadges(missed, RIGA, now)).toEqual([]);
  });

  it('counts only the calls the item applies to, by call type', () => {
    const now = new Date(WEEK_END);
    // Information requests have no identity check: they neither count nor break the week.
    const calls = [
      ...weekOfCalls(5),
      ...weekOfCalls(3, { callType: 'information-request', done: [] }),
    ];
    expect(standardWeekBadges(calls, RIGA, now).map((b) => [b.itemId, b.count])).toEqual([
      ['proc-verify-identity', 5],
    ]);
    // Five cancellations with both critical steps: one badge per item.
    const cancellations = weekOfCalls(5, {
      callType: 'cancellation',
      done: ['proc-verify-identity', 'proc-cancellation-terms'],
    });
    expect(standardWeekBadges(cancellations, RIGA, now).map((b) => b.itemId)).toEqual([
      'proc-cancellation-terms',
      'proc-verify-identity',
    ]);
    // Not-critical items never award.
    const greetings = weekOfCalls(5, { callType: 'information-request', done: ['proc-greeting'] });
    expect(standardWeekBadges(greetings, RIGA, now)).toEqual([]);
  });

  it('puts a call in the week of its start in the team zone, and leaves calls under way out', () => {
    const now = new Date('2025-03-20T00:00:00.000Z');
    // Four calls in the week and one on Monday 00:30 Riga (Sunday 22:30 UTC): the next week.
    const calls = [...weekOfCalls(4), call('2025-03-09T22:30:00.000Z')];
    expect(standardWeekBadges(calls, RIGA, now)).toEqual([]);
    expect(standardWeekBadges(calls, 'UTC', now).map((b) => b.period)).toEqual([MONDAY]);
    // A sixth call still open does not break the week (it is not counted).
    const open = [...weekOfCalls(5), call('2025-03-06T08:00:00.000Z', { endedAt: null, done: [] })];
    expect(standardWeekBadges(open, RIGA, now).map((b) => b.count)).toEqual([5]);
  });

  it("reads each call against its own pack version's items", () => {
    const older = StandardsPackSchema.parse({
      ...pack,
      version: 2,
      areas: [{ id: 'process', items: [{ id: 'proc-greeting', text: { en: 'Greets' } }] }],
    });
    // Two calls scored with a version without the identity check: four calls are not five.
    const calls = [...weekOfCalls(4), ...weekOfCalls(2, { pack: older, done: [] })];
    expect(standardWeekBadges(calls, RIGA, new Date(WEEK_END))).toEqual([]);
  });
});

describe("the README's worked example", () => {
  it('Ava: six bookings with the identity check and two information requests in a Riga week', () => {
    const bookings = Array.from({ length: 6 }, (_, i) => call(`2025-03-0${3 + i}T09:00:00.000Z`));
    const information = [
      call('2025-03-05T11:00:00.000Z', { callType: 'information-request', done: [] }),
      call('2025-03-09T12:00:00.000Z', {
        callType: 'information-request',
        done: [],
        assessed: false,
      }),
    ];
    const nextWeek = call('2025-03-09T22:30:00.000Z', { done: [] });
    const calls = [...bookings, ...information, nextWeek];
    const monday = new Date('2025-03-09T22:00:00.000Z');
    expect(standardWeekBadges(calls, RIGA, monday)).toEqual([
      {
        kind: 'standard-week',
        itemId: 'proc-verify-identity',
        period: MONDAY,
        periodKey: MONDAY,
        count: 6,
      },
    ]);
    expect(reflectiveWeekBadges(calls, RIGA, monday)).toEqual([]);
    expect(badgeWeekOf(nextWeek.startedAt, RIGA).from).toBe('2025-03-10');
  });
});

describe('reflective-week', () => {
  it(`awards a week of at least ${REFLECTIVE_WEEK_MIN_CALLS} calls, every one self-assessed`, () => {
    const now = new Date(WEEK_END);
    expect(reflectiveWeekBadges(weekOfCalls(5), RIGA, now)).toEqual([
      { kind: 'reflective-week', itemId: null, period: MONDAY, periodKey: MONDAY, count: 5 },
    ]);
    expect(reflectiveWeekBadges(weekOfCalls(4), RIGA, now)).toEqual([]);
    const skipped = [...weekOfCalls(6), call('2025-03-07T08:00:00.000Z', { assessed: false })];
    expect(reflectiveWeekBadges(skipped, RIGA, now)).toEqual([]);
    expect(reflectiveWeekBadges(weekOfCalls(5), RIGA, new Date(Date.parse(WEEK_END) - 1))).toEqual(
      [],
    );
  });

  it('awards each complete week on its own', () => {
    const next = Array.from({ length: 5 }, () => call('2025-03-11T08:00:00.000Z'));
    const badges = reflectiveWeekBadges(
      [...weekOfCalls(5), ...next],
      RIGA,
      new Date('2025-03-16T22:00:00.000Z'),
    );
    expect(badges.map((b) => b.period)).toEqual([MONDAY, '2025-03-10']);
  });
});

describe('no-critical-month', () => {
  const passed = { criticalFailed: [], sectionFailed: [] };
  const evaluation = (releasedAt: string, score: BadgeEvaluation['score'] = passed) => ({
    id: `e${(n += 1)}`,
    releasedAt,
    score,
  });
  // March 2025 ends at 1 April 00:00 Riga = 31 March 21:00 UTC (summer time from 30 March).
  const MARCH_END = new Date('2025-03-31T21:00:00.000Z');
  const march = () =>
    Array.from({ length: NO_CRITICAL_MIN_EVALUATIONS }, (_, i) =>
      evaluation(`2025-03-1${i}T10:00:00.000Z`),
    );

  it(`awards a complete month with at least ${NO_CRITICAL_MIN_EVALUATIONS} released evaluations and no critical fail`, () => {
    expect(noCriticalMonthBadges(march(), RIGA, MARCH_END)).toEqual([
      {
        kind: 'no-critical-month',
        itemId: null,
        period: '2025-03-01',
        periodKey: '2025-03-01',
        count: 3,
      },
    ]);
    expect(noCriticalMonthBadges(march(), RIGA, new Date(MARCH_END.getTime() - 1))).toEqual([]);
    expect(noCriticalMonthBadges(march().slice(1), RIGA, MARCH_END)).toEqual([]);
  });

  it('awards nothing for a month with a critical fail, of the call or of a section', () => {
    const call = evaluation('2025-03-20T10:00:00.000Z', {
      criticalFailed: ['proc-verify-identity'],
    });
    expect(noCriticalMonthBadges([...march(), call], RIGA, MARCH_END)).toEqual([]);
    const section = evaluation('2025-03-20T10:00:00.000Z', {
      criticalFailed: [],
      sectionFailed: ['proc-sales-disclosure'],
    });
    expect(noCriticalMonthBadges([...march(), section], RIGA, MARCH_END)).toEqual([]);
  });

  it('counts an evaluation in the month of its release in the team zone; unscored ones not at all', () => {
    // Released 1 April 00:30 Riga (31 March 21:30 UTC): April's, so March has two.
    const late = [...march().slice(1), evaluation('2025-03-31T21:30:00.000Z')];
    expect(noCriticalMonthBadges(late, RIGA, new Date('2025-06-01T00:00:00.000Z'))).toEqual([]);
    expect(
      noCriticalMonthBadges(late, 'UTC', new Date('2025-06-01T00:00:00.000Z')).map((b) => b.count),
    ).toEqual([3]);
    const unscored = [...march().slice(1), evaluation('2025-03-20T10:00:00.000Z', null)];
    expect(noCriticalMonthBadges(unscored, RIGA, MARCH_END)).toEqual([]);
  });
});

describe('csat-streak', () => {
  let t = Date.parse('2025-03-03T08:00:00.000Z');
  const answer = (csat: number | null): BadgeAnswer => {
    t += 60_000;
    return { id: `a${(n += 1)}`, submittedAt: new Date(t).toISOString(), csat };
  };
  const run = (count: number, csat = 5) => Array.from({ length: count }, () => answer(csat));

  it(`awards ${CSAT_STREAK_LENGTH} answers of 4-5 in a row, keyed by the first, once however long it runs`, () => {
    const answers = [...run(4, 4), ...run(CSAT_STREAK_LENGTH - 4, 5)];
    const [badge] = csatStreakBadges(answers, RIGA);
    expect(badge).toEqual({
      kind: 'csat-streak',
      itemId: null,
      period: '2025-03-03',
      periodKey: answers[0]!.id,
      count: 10,
    });
    const longer = [...answers, ...run(7)];
    expect(csatStreakBadges(longer, RIGA).map((b) => [b.periodKey, b.count])).toEqual([
      [answers[0]!.id, 17],
    ]);
    expect(csatStreakBadges(run(CSAT_STREAK_LENGTH - 1), RIGA)).toEqual([]);
  });

  it('a 3 or less breaks the streak; ten more in a row are a new badge', () => {
    const first = run(10);
    const broken = [answer(3), ...run(9), answer(1)];
    const second = run(10, 4);
    const answers = [...first, ...broken, ...second];
    expect(csatStreakBadges(answers, RIGA).map((b) => b.periodKey)).toEqual([
      first[0]!.id,
      second[0]!.id,
    ]);
  });

  it('reads answers in order of submission, skipping answers without CSAT', () => {
    const answers = [...run(5), answer(null), answer(null), ...run(5)];
    expect(csatStreakBadges([...answers].reverse(), RIGA).map((b) => b.count)).toEqual([10]);
    // Out of order, a low answer submitted in the middle breaks it.
    const low = {
      id: 'low',
      submittedAt: answers[3]!.submittedAt.replace(':00.000Z', ':30.000Z'),
      csat: 2,
    };
    expect(csatStreakBadges([...answers, low], RIGA)).toEqual([]);
  });

  it("dates the streak by its first answer's day in the team zone", () => {
    const late = { id: 'late', submittedAt: '2025-03-09T22:30:00.000Z', csat: 5 };
    const rest = Array.from({ length: 9 }, (_, i) => ({
      id: `r${i}`,
      submittedAt: `2025-03-10T0${i}:00:00.000Z`,
      csat: 5,
    }));
    expect(csatStreakBadges([late, ...rest], RIGA)[0]!.period).toBe('2025-03-10');
    expect(csatStreakBadges([late, ...rest], 'UTC')[0]!.period).toBe('2025-03-09');
  });
});

describe('shoutoutProblems', () => {
  const codes = (text: string, lang: string) => shoutoutProblems(text, lang).map((p) => p.code);

  it('refuses praise that names no behaviour, in all four languages', () => {
    for (const [text, lang] of [
      ['Good job!', 'en'],
      ['Great call today, thanks.', 'en'],
      ['干得好！', 'zh-CN'],
      ['你今天的表现非常专业，辛苦了，谢谢你！', 'zh-CN'],
      ['做得好！', 'zh-TW'],
      ['你這通電話處理得很好，辛苦了！', 'zh-TW'],
      ['Labs darbs!', 'lv'],
      ['Tu šodien biji lieliska, tā turpini!', 'lv'],
    ] as const) {
      const problems = shoutoutProblems(text, lang);
      expect(
        problems.map((p) => p.code),
        text,
      ).toEqual(['generic-praise']);
      expect(problems[0]!.category).toBe('generic-praise');
      expect(problems[0]!.message).toContain('names no behaviour');
    }
  });

  it('accepts a shout-out that says what the agent did, in all four languages', () => {
    for (const [text, lang] of [
      [
        "You confirmed the customer's identity before you changed the booking, exactly as the standard asks",
        'en',
      ],
      ['You summarised the next steps before closing, which is the process standard.', 'en'],
      ['你在修改预订之前先核实了客户的身份，这正是标准的要求。', 'zh-CN'],
      ['你在修改訂位之前先核實了客戶的身分，這正是標準的要求。', 'zh-TW'],
      [
        'Tu pārbaudīji klienta identitāti, pirms mainīji rezervāciju, tieši kā to paredz standarts.',
        'lv',
      ],
    ] as const)
      expect(shoutoutProblems(text, lang), text).toEqual([]);
  });

  it(`refuses a text too short to name a behaviour (fewer than ${SHOUTOUT_MIN_WORDS} words) unless the coach reads it as specific praise`, () => {
    expect(codes('Thanks for today.', 'en')).toEqual(['no-behaviour']);
    expect(codes('谢谢你今天。', 'zh-CN')).toEqual(['no-behaviour']);
    expect(codes('Paldies par šodienu.', 'lv')).toEqual(['no-behaviour']);
    // Five words the coach reads as specific praise are enough.
    expect(codes('Great job summarising the next steps.', 'en')).toEqual([]);
    // A language the coach does not read: only the length is checked.
    expect(codes('Gut gemacht!', 'de')).toEqual(['no-behaviour']);
  });

  it('refuses the patterns that take recognition back, naming them', () => {
    const but = shoutoutProblems(
      'You were polite on the call with the customer, but you forgot the disclosure.',
      'en',
    );
    expect(but.map((p) => [p.code, p.category])).toEqual([['harmful', 'but']]);
    expect(but[0]!.message).toContain('"but"');
    expect(
      shoutoutProblems(
        'You should verify the identity of every customer before a booking.',
        'en',
      ).map((p) => p.category),
    ).toContain('command');
    expect(
      shoutoutProblems('你很有礼貌，但是没有核实身份。你应该先核实身份。', 'zh-CN').map(
        (p) => p.category,
      ),
    ).toEqual(expect.arrayContaining(['but', 'command']));
    expect(
      shoutoutProblems('你的語氣很親切，但是忘了核實身分。', 'zh-TW').map((p) => p.category),
    ).toContain('but');
    expect(
      shoutoutProblems('Tu biji laipna, bet tev vajadzētu pārbaudīt klienta identitāti.', 'lv').map(
        (p) => p.category,
      ),
    ).toEqual(expect.arrayContaining(['but', 'command']));
  });

  it('reads the text in the language it is written in, whatever the tag says', () => {
    // Chinese stock praise sent as Latvian is still stock praise.
    expect(codes('干得好，辛苦了！', 'lv')).toEqual(['generic-praise']);
  });

  it("refuses the coach's rewrite with its gaps left in brackets, accepts it filled", () => {
    expect(
      codes('Well done: you [what the agent did], which is our [standard] standard.', 'en'),
    ).toEqual(['gap']);
    expect(
      codes(
        'Well done: you confirmed the caller’s identity before the booking change, which is our verification standard.',
        'en',
      ),
    ).toEqual([]);
  });
});

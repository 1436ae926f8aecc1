import { describe, expect, it } from 'vitest';
import { answerProblems, itemsInPlay, scoreScorecard, type Answer } from './scoring.js';
import type { StandardArea, StandardItem, StandardsPack } from './standards.js';

// Each "README example" here is a worked example of README.md, "How a score is computed", with
// the same items, answers and figures: change one and the other together.

const item = (id: string, weight: number, extra: Partial<StandardItem> = {}): StandardItem => ({
  id,
  text: { en: id },
  weight,
  critical: false,
  scorecard: true,
  ...extra,
});
const packOf = (
  areas: Partial<Record<StandardArea, StandardItem[]>>,
  extra: Partial<StandardsPack> = {},
): StandardsPack => ({
  id: 'p',
  name: { en: 'p' },
  version: 1,
  callTypes: [
    { id: 'booking', name: { en: 'Booking' } },
    { id: 'complaint', name: { en: 'Complaint' } },
  ],
  areas: Object.entries(areas).map(([id, items]) => ({ id: id as StandardArea, items })),
  ...extra,
});
const score = (pack: StandardsPack, answers: Record<string, Answer>, callType = 'booking') =>
  scoreScorecard(pack, callType, answers);

const critical = { critical: true } as const;
const sectionCritical = { critical: true, criticalScope: 'section' } as const;
const bonus = { bonus: true } as const;

describe('scoreScorecard: the README examples', () => {
  const example1 = packOf({
    process: [item('greet', 1), item('verify', 2, critical), item('summary', 2), item('close', 1)],
  });

  it('README example 1: weights, and N/A out of both earned and possible', () => {
    const r = score(example1, { greet: 'yes', verify: 'yes', summary: 'no', close: 'na' });
    expect(r).toMatchObject({ earned: 3, possible: 5, base: 60, bonus: 0, percent: 60 });
    expect(r.passed).toBe(true);
  });

  it('README example 2: a critical "no" fails the call: 0, whatever else', () => {
    const r = score(example1, { greet: 'yes', verify: 'no', summary: 'yes', close: 'yes' });
    expect(r).toMatchObject({ percent: 0, base: 0, passed: false, criticalFailed: ['verify'] });
  });

  const example3 = packOf({
    process: [item('greet', 1), item('recap', 2, sectionCritical), item('summary', 2)],
    behaviour: [item('tone', 2), item('empathy', 1)],
  });

  it('README example 3: a section-critical "no" fails only its section', () => {
    const r = score(example3, {
      greet: 'yes',
      recap: 'no',
      summary: 'yes',
      tone: 'yes',
      empathy: 'no',
    });
    expect(r.sections).toEqual([
      { area: 'process', earned: 0, possible: 5, percent: 0, failed: true },
      { area: 'behaviour', earned: 2, possible: 3, percent: 66.7, failed: false },
    ]);
    expect(r).toMatchObject({ earned: 2, possible: 8, percent: 25, passed: true });
    expect(r.sectionFailed).toEqual(['recap']);
    expect(r.criticalFailed).toEqual([]);
  });

  const example4 = packOf({
    process: [item('greet', 1), item('summary', 2), item('extra', 5, bonus)],
    behaviour: [item('tone', 2), item('above', 8, bonus)],
  });

  it('README example 4: bonus points on top of the base, capped (default cap 10)', () => {
    const r = score(example4, {
      greet: 'yes',
      summary: 'yes',
      tone: 'no',
      extra: 'yes',
      above: 'yes',
    });
    expect(r).toMatchObject({ earned: 3, possible: 5, base: 60, bonus: 10, percent: 70 });
    const all = score(example4, {
      greet: 'yes',
      summary: 'yes',
      tone: 'yes',
      extra: 'yes',
      above: 'no',
    });
    expect(all).toMatchObject({ base: 100, bonus: 5, percent: 105 });
  });

  it("README example 4, with the pack's own cap and a failed call", () => {
    const capped = { ...example4, bonusCap: 3 };
    expect(
      score(capped, { greet: 'yes', summary: 'yes', tone: 'yes', extra: 'yes', above: 'na' }),
    ).toMatchObject({ base: 100, bonus: 3, percent: 103 });
    const failing = packOf({
      process: [item('verify', 2, critical), item('greet', 1), item('extra', 5, bonus)],
    });
    expect(score(failing, { verify: 'no', greet: 'yes', extra: 'yes' })).toMatchObject({
      percent: 0,
      bonus: 0,
      passed: false,
    });
  });

  const example5 = packOf({
    process: [
      item('resolved', 2),
      item('callback', 2, { showWhen: { item: 'resolved', answers: ['no'] } }),
      item('close', 1),
    ],
  });

  it('README example 5: a conditional item counts only when its condition holds', () => {
    expect(score(example5, { resolved: 'yes', callback: 'no', close: 'yes' })).toMatchObject({
      earned: 3,
      possible: 3,
      percent: 100,
    });
    expect(score(example5, { resolved: 'no', callback: 'yes', close: 'yes' })).toMatchObject({
      earned: 3,
      possible: 5,
      percent: 60,
    });
  });

  it('README example 6: rounded to one decimal at the end only', () => {
    const thirds = packOf({ process: [item('a', 1), item('b', 1), item('c', 1)] });
    expect(score(thirds, { a: 'yes', b: 'yes', c: 'no' }).percent).toBe(66.7);
    // Two sections of 2/3 and 1/3 (weights 3 and 3): 50 exactly, not 66.7 + 33.3 averaged.
    const two = packOf({
      process: [item('a', 1), item('b', 1), item('c', 1)],
      behaviour: [item('d', 1), item('e', 1), item('f', 1)],
    });
    const r = score(two, { a: 'yes', b: 'yes', c: 'no', d: 'yes', e: 'no', f: 'no' });
    expect(r.percent).toBe(50);
    expect(r.sections!.map((s) => s.percent)).toEqual([66.7, 33.3]);
  });

  it('README example 7: nothing assessable: no score, no verdict, no bonus', () => {
    const r = score(example4, {
      greet: 'na',
      summary: 'na',
      tone: 'na',
      extra: 'yes',
      above: 'na',
    });
    expect(r).toMatchObject({ percent: null, base: null, bonus: 0, passed: null });
  });
});

describe('scoreScorecard: the rest of the rules', () => {
  it("scores only the call type's items and ignores answers to other items", () => {
    const pack = packOf({
      process: [item('greet', 1), item('log-complaint', 3, { callTypes: ['complaint'] })],
    });
    expect(score(pack, { greet: 'yes', 'log-complaint': 'no', other: 'no' })).toMatchObject({
      earned: 1,
      possible: 1,
      percent: 100,
    });
    expect(score(pack, { greet: 'yes', 'log-complaint': 'no' }, 'complaint').percent).toBe(25);
  });

  it('leaves checklist-only items out', () => {
    const pack = packOf({ process: [item('greet', 1), item('notes', 1, { scorecard: false })] });
    expect(score(pack, { greet: 'yes', notes: 'no' }).possible).toBe(1);
  });

  it('scores a pack written before sections and bonus items as it did, critical aside', () => {
    // Old packs have no scope (a critical item fails the call) and no bonus items.
    const pack = packOf({ process: [item('greet', 1), item('summary', 2)] });
    expect(score(pack, { greet: 'yes', summary: 'no' })).toMatchObject({
      earned: 1,
      possible: 3,
      percent: 33.3,
      criticalFailed: [],
      passed: true,
    });
  });

  it('hides a chain of conditions when its first link is hidden', () => {
    const pack = packOf({
      process: [
        item('a', 1),
        item('b', 1, { showWhen: { item: 'a', answers: ['no'] } }),
        item('c', 1, { showWhen: { item: 'b', answers: ['yes', 'no'] } }),
      ],
    });
    expect(
      itemsInPlay(pack, 'booking', { a: 'yes', b: 'yes', c: 'no' }).map((s) => s.item.id),
    ).toEqual(['a']);
    expect(itemsInPlay(pack, 'booking', { a: 'no', b: 'yes' }).map((s) => s.item.id)).toEqual([
      'a',
      'b',
      'c',
    ]);
  });
});

describe('answerProblems', () => {
  const pack = packOf({
    process: [
      item('greet', 1),
      item('verify', 2, { ...critical, naAllowed: false }),
      item('summary', 2, { commentOnNo: true }),
      item('callback', 1, { showWhen: { item: 'greet', answers: ['no'] } }),
    ],
  });

  it('names unanswered, unknown, N/A where refused, and a "no" without its comment', () => {
    expect(answerProblems(pack, 'booking', { verify: 'na', summary: 'no', bogus: 'no' })).toEqual({
      missing: ['greet'],
      unknown: ['bogus'],
      naRefused: ['verify'],
      commentMissing: ['summary'],
    });
  });

  it('asks for conditional items only when shown, and takes a comment', () => {
    const answers = { greet: 'no', verify: 'yes', summary: 'no' } as const;
    expect(answerProblems(pack, 'booking', answers, { summary: 'skipped the recap' })).toEqual({
      missing: ['callback'],
      unknown: [],
      naRefused: [],
      commentMissing: [],
    });
    expect(
      answerProblems(pack, 'booking', { ...answers, greet: 'yes' }, { summary: '  ' })
        .commentMissing,
    ).toEqual(['summary']);
  });
});

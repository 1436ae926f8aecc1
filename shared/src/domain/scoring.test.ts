import { describe, expect, it } from 'vitest';
import { answerProblems, scoreScorecard } from './scoring.js';
import type { StandardItem, StandardsPack } from './standards.js';

const item = (id: string, weight = 1, critical = false): StandardItem => ({
  id,
  text: { en: id },
  weight,
  critical,
  scorecard: true,
});
const items = [item('greet'), item('verify', 2, true), item('summary', 2), item('close')];
const packOf = (list: StandardItem[]): StandardsPack => ({
  id: 'p',
  name: { en: 'p' },
  version: 1,
  callTypes: [{ id: 'booking', name: { en: 'Booking' } }],
  areas: [{ id: 'process', items: list }],
});
const score = (list: StandardItem[], answers: Parameters<typeof scoreScorecard>[2]) =>
  scoreScorecard(packOf(list), 'booking', answers);

describe('scoreScorecard', () => {
  it('scores weighted yes answers over assessable items', () => {
    const r = score(items, { greet: 'yes', verify: 'yes', summary: 'no', close: 'yes' });
    expect(r).toEqual({ earned: 4, possible: 6, percent: 66.7, criticalFailed: [], passed: true });
  });

  it('drops N/A items out of both earned and possible', () => {
    const r = score(items, { greet: 'yes', verify: 'yes', summary: 'na', close: 'na' });
    expect(r.earned).toBe(3);
    expect(r.possible).toBe(3);
    expect(r.percent).toBe(100);
  });

  it('fails the call on a critical no, whatever the percentage', () => {
    const r = score(items, { greet: 'yes', verify: 'no', summary: 'yes', close: 'yes' });
    expect(r.percent).toBe(66.7);
    expect(r.criticalFailed).toEqual(['verify']);
    expect(r.passed).toBe(false);
  });

  it('has no percentage and no verdict when everything is N/A', () => {
    const r = score(items, { greet: 'na', verify: 'na', summary: 'na', close: 'na' });
    expect(r.percent).toBeNull();
    expect(r.passed).toBeNull();
  });

  it('still fails on a critical no when nothing else is assessable', () => {
    const r = score(items, { greet: 'na', verify: 'no', summary: 'na', close: 'na' });
    expect(r.percent).toBe(0);
    expect(r.passed).toBe(false);
  });

  it('ignores answers for items not on the scorecard', () => {
    const r = score([item('greet')], { greet: 'yes', other: 'no' });
    expect(r).toMatchObject({ earned: 1, possible: 1, percent: 100 });
  });
});

describe('answerProblems', () => {
  it('names unanswered and unknown items', () => {
    expect(answerProblems(packOf(items), 'booking', { greet: 'yes', bogus: 'no' })).toEqual({
      missing: ['verify', 'summary', 'close'],
      unknown: ['bogus'],
    });
  });
});

import { describe, expect, it } from 'vitest';
import { scorecardChange } from './scorecard-versions.js';
import type { StandardItem, StandardsPack } from './standards.js';

const item = (id: string, extra: Partial<StandardItem> = {}): StandardItem => ({
  id,
  text: { en: id },
  weight: 1,
  critical: false,
  scorecard: true,
  ...extra,
});
const pack = (items: StandardItem[], extra: Partial<StandardsPack> = {}): StandardsPack => ({
  id: 'p',
  name: { en: 'Pack' },
  version: 3,
  callTypes: [
    { id: 'booking', name: { en: 'Booking' } },
    { id: 'complaint', name: { en: 'Complaint' } },
  ],
  areas: [
    { id: 'process', items },
    { id: 'behaviour', items: [item('tone')] },
  ],
  ...extra,
});
const base = pack([item('greet'), item('verify', { critical: true })]);
const edit = (f: (p: StandardsPack) => void) => {
  const copy = structuredClone(base);
  f(copy);
  return copy;
};

describe('scorecardChange', () => {
  it('is none for the same pack, whatever its version number', () => {
    expect(scorecardChange(base, { ...structuredClone(base), version: 9 })).toBe('none');
  });

  it.each([
    [
      'a reworded item',
      (p: StandardsPack) => (p.areas[0]!.items[0]!.text = { en: 'Greets warmly' }),
    ],
    ['a new translation', (p: StandardsPack) => (p.areas[0]!.items[0]!.text.lv = 'Sveicina')],
    ['a renamed pack', (p: StandardsPack) => (p.name = { en: 'Desk pack' })],
    ['a renamed call type', (p: StandardsPack) => (p.callTypes[0]!.name = { en: 'Reservation' })],
    ['items in another order', (p: StandardsPack) => p.areas[0]!.items.reverse()],
    [
      'a comment now required on a no',
      (p: StandardsPack) => (p.areas[0]!.items[0]!.commentOnNo = true),
    ],
  ])('takes %s as a revision', (_what, change) => {
    expect(scorecardChange(base, edit(change))).toBe('revision');
  });

  it.each([
    ['a weight', (p: StandardsPack) => (p.areas[0]!.items[0]!.weight = 2)],
    ['an item added', (p: StandardsPack) => p.areas[0]!.items.push(item('close'))],
    ['an item removed', (p: StandardsPack) => p.areas[0]!.items.pop()],
    [
      'an item moved to another area',
      (p: StandardsPack) => p.areas[1]!.items.push(p.areas[0]!.items.pop()!),
    ],
    ['critical', (p: StandardsPack) => (p.areas[0]!.items[0]!.critical = true)],
    ['the critical scope', (p: StandardsPack) => (p.areas[0]!.items[1]!.criticalScope = 'section')],
    ['N/A refused', (p: StandardsPack) => (p.areas[0]!.items[0]!.naAllowed = false)],
    ['bonus', (p: StandardsPack) => (p.areas[0]!.items[0]!.bonus = true)],
    ['the bonus cap', (p: StandardsPack) => (p.bonusCap = 5)],
    [
      'the call types of an item',
      (p: StandardsPack) => (p.areas[0]!.items[0]!.callTypes = ['booking']),
    ],
    [
      'a condition',
      (p: StandardsPack) => (p.areas[0]!.items[1]!.showWhen = { item: 'greet', answers: ['yes'] }),
    ],
    ['checklist only', (p: StandardsPack) => (p.areas[0]!.items[0]!.scorecard = false)],
    [
      'a call type added',
      (p: StandardsPack) => p.callTypes.push({ id: 'sales', name: { en: 'Sales' } }),
    ],
  ])('takes a change of %s as a new version', (_what, change) => {
    expect(scorecardChange(base, edit(change))).toBe('version');
  });

  it('reads absent settings as their defaults: spelling a default out does not make a new version', () => {
    const spelled = edit((p) => {
      const greet = p.areas[0]!.items[0]!;
      Object.assign(greet, { naAllowed: true, bonus: false });
      p.bonusCap = 10;
    });
    expect(scorecardChange(base, spelled)).toBe('revision');
  });

  it('ignores the scope of an item that is not critical', () => {
    expect(
      scorecardChange(
        base,
        edit((p) => (p.areas[0]!.items[0]!.criticalScope = 'section')),
      ),
    ).toBe('revision');
  });
});

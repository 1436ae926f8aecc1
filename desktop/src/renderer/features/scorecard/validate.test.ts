import { describe, expect, it } from 'vitest';
import { StandardsPackSchema, type StandardsPack } from '@sidecoach/shared';
import { moveItem, removeItem, setBonusCap, setItemSettings, setItemText } from './edit.js';
import { checkDraft, problemCount } from './validate.js';

const pack: StandardsPack = StandardsPackSchema.parse({
  id: 'test-pack',
  version: 1,
  name: { en: 'Test standards' },
  callTypes: [
    { id: 'booking', name: { en: 'Booking' } },
    { id: 'complaint', name: { en: 'Complaint' } },
  ],
  areas: [
    {
      id: 'process',
      items: [
        { id: 'proc-greeting', text: { en: 'Greets the caller' } },
        {
          id: 'proc-log',
          text: { en: 'Logs the complaint' },
          showWhen: { item: 'proc-greeting', answers: ['yes'] },
        },
      ],
    },
  ],
});

/** Each problem as "field: message key". */
const problems = (draft: StandardsPack) =>
  checkDraft(draft).problems.map((p) => `${p.field}: ${p.key}`);

describe('the scorecard builder’s check', () => {
  it('reads a good pack as the hub will, with no problem', () => {
    expect(checkDraft(pack)).toEqual({ pack, problems: [] });
  });

  it('puts each problem beside its field, in the builder’s words', () => {
    const draft = setBonusCap(
      setItemSettings(setItemText(pack, 'proc-greeting', 'en', ''), 'proc-log', {
        weight: Number.NaN,
      }),
      150,
    );
    expect(problems(draft)).toEqual([
      'item:proc-greeting:text.en: scorecard.problem.textRequired',
      'item:proc-log:weight: scorecard.problem.weight',
      'bonusCap: scorecard.problem.bonusCap',
    ]);
    expect(checkDraft(draft).pack).toBeNull();
    expect(problemCount(checkDraft(draft).problems, 'item:proc-log:')).toBe(1);
  });

  it('says a weight kept across a reload (NaN is stored as null) is to be entered', () => {
    const kept = JSON.parse(
      JSON.stringify(setItemSettings(pack, 'proc-log', { weight: Number.NaN })),
    ) as StandardsPack;
    expect(problems(kept)).toEqual(['item:proc-log:weight: scorecard.problem.weight']);
    expect(problems(setItemSettings(pack, 'proc-log', { weight: 0 }))).toEqual([
      'item:proc-log:weight: scorecard.problem.weight',
    ]);
    expect(checkDraft(setItemSettings(pack, 'proc-log', { weight: 101 })).problems).toEqual([
      expect.objectContaining({ key: 'scorecard.problem.weightMax', values: { max: 100 } }),
    ]);
  });

  it('names a condition on an item below, once an item is moved above the one it depends on', () => {
    const moved = moveItem(pack, 'proc-log', -1);
    expect(problems(moved)).toEqual(['item:proc-log:showWhen: scorecard.problem.showWhenEarlier']);
    const noAnswer = setItemSettings(pack, 'proc-log', {
      showWhen: { item: 'proc-greeting', answers: [] },
    });
    expect(problems(noAnswer)).toEqual([
      'item:proc-log:showWhen: scorecard.problem.showWhenAnswers',
    ]);
  });

  it('names call types: none chosen, or one the pack lacks', () => {
    expect(problems(setItemSettings(pack, 'proc-log', { callTypes: [] }))).toEqual([
      'item:proc-log:callTypes: scorecard.problem.callTypesNone',
    ]);
    const unknown = checkDraft(setItemSettings(pack, 'proc-log', { callTypes: ['sales'] }));
    expect(unknown.problems).toEqual([
      expect.objectContaining({
        field: 'item:proc-log:callTypes',
        itemId: 'proc-log',
        key: 'scorecard.problem.callTypeUnknown',
        values: { id: 'sales' },
      }),
    ]);
  });

  it('names a call type’s missing English name, a bonus item made critical, duplicates', () => {
    const unnamed: StandardsPack = {
      ...pack,
      callTypes: [{ id: 'booking', name: { en: '' } }, ...pack.callTypes.slice(1)],
    };
    expect(checkDraft(unnamed).problems).toEqual([
      expect.objectContaining({
        field: 'callType:booking:name.en',
        callTypeId: 'booking',
        key: 'scorecard.problem.textRequired',
      }),
    ]);
    const both: StandardsPack = {
      ...pack,
      areas: [
        {
          id: 'process',
          items: [
            { ...pack.areas[0]!.items[0]!, bonus: true, critical: true },
            pack.areas[0]!.items[1]!,
          ],
        },
      ],
    };
    expect(problems(both)).toEqual([
      'item:proc-greeting:critical: scorecard.problem.bonusCritical',
    ]);
    const twice: StandardsPack = {
      ...pack,
      callTypes: [...pack.callTypes, pack.callTypes[0]!],
    };
    expect(problems(twice)).toEqual(['callType:booking:id: scorecard.problem.idTaken']);
  });

  it('says when no item is left', () => {
    const none = removeItem(removeItem(pack, 'proc-log').pack, 'proc-greeting').pack;
    expect(problems(none)).toEqual(['areas: scorecard.problem.noItems']);
  });
});

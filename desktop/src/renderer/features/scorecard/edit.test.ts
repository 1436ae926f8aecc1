import { describe, expect, it } from 'vitest';
import { scorecardChange, StandardsPackSchema, type StandardsPack } from '@sidecoach/shared';
import {
  addCallType,
  addItem,
  earlierItems,
  moveItem,
  moveItemToArea,
  newId,
  removeCallType,
  removeItem,
  sectionsOf,
  setBonusCap,
  setCallTypeId,
  setCallTypeName,
  setItemId,
  setItemSettings,
  setItemText,
} from './edit.js';

/** A small pack as the hub sends it (read by the schema: defaults filled in). */
const pack: StandardsPack = StandardsPackSchema.parse({
  id: 'test-pack',
  version: 3,
  name: { en: 'Test standards' },
  callTypes: [
    { id: 'booking', name: { en: 'Booking', lv: 'Rezervācija' } },
    { id: 'complaint', name: { en: 'Complaint' } },
  ],
  areas: [
    {
      id: 'process',
      items: [
        { id: 'proc-greeting', text: { en: 'Greets the caller', 'zh-CN': '问候来电者' } },
        { id: 'proc-verify', text: { en: 'Verifies identity' }, critical: true, weight: 2 },
        {
          id: 'proc-log',
          text: { en: 'Logs the complaint' },
          callTypes: ['complaint'],
          showWhen: { item: 'proc-verify', answers: ['yes'] },
        },
      ],
    },
    { id: 'behaviour', items: [{ id: 'beh-tone', text: { en: 'Friendly tone' } }] },
  ],
});

const ids = (p: StandardsPack) =>
  sectionsOf(p).map((s) => `${s.area}: ${s.items.map((i) => i.id).join(' ')}`);
const change = (after: StandardsPack) => scorecardChange(pack, StandardsPackSchema.parse(after));

describe('the scorecard builder’s edits', () => {
  it('shows the five sections in canonical order, empty ones too', () => {
    expect(ids(pack)).toEqual([
      'environment: ',
      'process: proc-greeting proc-verify proc-log',
      'knowledge: ',
      'behaviour: beh-tone',
      'values: ',
    ]);
  });

  it('adds an item at the end of its section, with an id from its English text', () => {
    const { pack: added, id } = addItem(pack, 'process', 'Offers a callback — politely');
    expect(id).toBe('proc-offers-a-callback-politely');
    expect(ids(added)[1]).toBe(`process: proc-greeting proc-verify proc-log ${id}`);
    expect(change(added)).toBe('version');
    expect(pack.areas[0]!.items).toHaveLength(3); // the old pack untouched
  });

  it('adds a section that had no items where the canonical order puts it', () => {
    const { pack: added } = addItem(pack, 'knowledge', 'Knows the tariffs');
    expect(added.areas.map((a) => a.id)).toEqual(['process', 'knowledge', 'behaviour']);
  });

  it('makes ids unique, without accents, and from the prefix alone for non-Latin text', () => {
    const taken = new Set(['proc-greeting', 'proc', 'proc-2']);
    expect(newId('Greeting', 'proc', taken)).toBe('proc-greeting-2');
    expect(newId('Sveicina zvanītāju', 'beh', taken)).toBe('beh-sveicina-zvanitaju');
    expect(newId('问候来电者', 'proc', taken)).toBe('proc-3');
    expect(newId('Booking!', '', new Set())).toBe('booking');
    expect(newId('', '', new Set())).toBe('item');
    // Long texts are cut after a whole word.
    expect(newId('Confirms the complaint reference by e-mail today', 'proc', new Set())).toBe(
      'proc-confirms-the-complaint-reference-by-e',
    );
  });

  it('moves an item within its section (a revision: order is wording), ends staying put', () => {
    const moved = moveItem(pack, 'proc-greeting', 1);
    expect(ids(moved)[1]).toBe('process: proc-verify proc-greeting proc-log');
    expect(change(moved)).toBe('revision');
    expect(moveItem(pack, 'proc-greeting', -1)).toEqual(pack);
    expect(ids(moveItem(pack, 'proc-log', 1))[1]).toBe(ids(pack)[1]);
  });

  it('moves an item to another section (a version), dropping a section left empty', () => {
    const moved = moveItemToArea(pack, 'beh-tone', 'values');
    expect(moved.areas.map((a) => a.id)).toEqual(['process', 'values']);
    expect(ids(moved)[4]).toBe('values: beh-tone');
    expect(change(moved)).toBe('version');
  });

  it('sets a text in a language, and an emptied one falls back to English again', () => {
    const translated = setItemText(pack, 'beh-tone', 'lv', 'Draudzīgs tonis');
    expect(translated.areas[1]!.items[0]!.text).toEqual({
      en: 'Friendly tone',
      lv: 'Draudzīgs tonis',
    });
    expect(change(translated)).toBe('revision');
    const emptied = setItemText(translated, 'beh-tone', 'lv', '');
    expect(emptied.areas[1]!.items[0]!.text).toEqual({ en: 'Friendly tone' });
    expect(change(emptied)).toBe('none');
    // An empty English text stays, for the check to name it.
    expect(setItemText(pack, 'beh-tone', 'en', '').areas[1]!.items[0]!.text).toEqual({ en: '' });
  });

  it('leaves settings at their default out, so turning one on and off again changes nothing', () => {
    const noNa = setItemSettings(pack, 'beh-tone', { naAllowed: false });
    expect(noNa.areas[1]!.items[0]).toMatchObject({ naAllowed: false });
    expect(change(noNa)).toBe('version');
    const back = setItemSettings(noNa, 'beh-tone', { naAllowed: true });
    expect(back).toEqual(pack);
    const comment = setItemSettings(pack, 'beh-tone', { commentOnNo: true });
    expect(change(comment)).toBe('revision');
    expect(setItemSettings(comment, 'beh-tone', { commentOnNo: false })).toEqual(pack);
  });

  it('keeps bonus and critical apart, and the scope only on a critical item', () => {
    const section = setItemSettings(pack, 'proc-verify', { criticalScope: 'section' });
    expect(section.areas[0]!.items[1]).toMatchObject({ critical: true, criticalScope: 'section' });
    const bonus = setItemSettings(section, 'proc-verify', { bonus: true });
    expect(bonus.areas[0]!.items[1]).toMatchObject({ critical: false, bonus: true });
    expect(bonus.areas[0]!.items[1]).not.toHaveProperty('criticalScope');
    const critical = setItemSettings(bonus, 'proc-verify', { critical: true });
    expect(critical.areas[0]!.items[1]).toMatchObject({ critical: true });
    expect(critical.areas[0]!.items[1]).not.toHaveProperty('bonus');
    // Back to "fails the call", the default: as it was.
    expect(setItemSettings(critical, 'proc-verify', { criticalScope: 'call' })).toEqual(pack);
  });

  it('sets the call types and the condition of an item, null taking them off', () => {
    const some = setItemSettings(pack, 'beh-tone', { callTypes: ['booking'] });
    expect(some.areas[1]!.items[0]!.callTypes).toEqual(['booking']);
    expect(setItemSettings(some, 'beh-tone', { callTypes: null })).toEqual(pack);
    const when = setItemSettings(pack, 'beh-tone', {
      showWhen: { item: 'proc-greeting', answers: ['no', 'na'] },
    });
    expect(change(when)).toBe('version');
    expect(setItemSettings(when, 'beh-tone', { showWhen: null })).toEqual(pack);
  });

  it('removes an item; those shown only on its answer are then shown always', () => {
    const { pack: removed, released } = removeItem(pack, 'proc-verify');
    expect(released).toEqual(['proc-log']);
    expect(ids(removed)[1]).toBe('process: proc-greeting proc-log');
    expect(removed.areas[0]!.items[1]).not.toHaveProperty('showWhen');
    // The last item of a section: the section goes.
    expect(removeItem(pack, 'beh-tone').pack.areas.map((a) => a.id)).toEqual(['process']);
  });

  it('renames a new item’s id, and a condition naming it follows', () => {
    const renamed = setItemId(pack, 'proc-verify', 'proc-identity');
    expect(renamed.areas[0]!.items[1]!.id).toBe('proc-identity');
    expect(renamed.areas[0]!.items[2]!.showWhen).toEqual({
      item: 'proc-identity',
      answers: ['yes'],
    });
  });

  it('offers as a condition only the items above an item', () => {
    expect(earlierItems(pack, 'proc-log').map((i) => i.id)).toEqual([
      'proc-greeting',
      'proc-verify',
    ]);
    expect(earlierItems(pack, 'proc-greeting')).toEqual([]);
    expect(earlierItems(pack, 'beh-tone').map((i) => i.id)).toEqual([
      'proc-greeting',
      'proc-verify',
      'proc-log',
    ]);
  });

  it('adds, renames and removes call types; items naming one follow', () => {
    const { pack: added, id } = addCallType(pack, 'Sales');
    expect(id).toBe('sales');
    expect(change(added)).toBe('version');
    const named = setCallTypeName(added, 'sales', 'zh-TW', '銷售');
    expect(named.callTypes[2]!.name).toEqual({ en: 'Sales', 'zh-TW': '銷售' });
    const used = setItemSettings(named, 'beh-tone', { callTypes: ['sales'] });
    const renamed = setCallTypeId(used, 'sales', 'sales-outbound');
    expect(renamed.callTypes[2]!.id).toBe('sales-outbound');
    expect(renamed.areas[1]!.items[0]!.callTypes).toEqual(['sales-outbound']);
    // Removed: an item left naming no call type keeps its empty list (the check refuses it).
    const removed = removeCallType(renamed, 'sales-outbound');
    expect(removed.callTypes.map((c) => c.id)).toEqual(['booking', 'complaint']);
    expect(removed.areas[1]!.items[0]!.callTypes).toEqual([]);
  });

  it('sets the bonus cap, null back to the default', () => {
    const capped = setBonusCap(pack, 5);
    expect(capped.bonusCap).toBe(5);
    expect(change(capped)).toBe('version');
    expect(setBonusCap(capped, null)).toEqual(pack);
  });
});

import { describe, expect, it } from 'vitest';
import { usernameKey } from './usernames.js';

describe('usernameKey', () => {
  it('makes one key of every spelling a guesser could try for one account', () => {
    const spellings = [
      'lead',
      'Lead',
      'LEAD',
      ' lead',
      'lead ',
      'lead\t',
      '\nlead',
      'lead\u00a0', // no-break space
      '\u3000lead', // ideographic space
      'ｌｅａｄ', // full-width letters
      'Ｌｅａｄ\u2003', // full-width capital and an em space
    ];
    expect(new Set(spellings.map(usernameKey))).toEqual(new Set(['lead']));
  });

  it('keeps letters of every alphabet, lower-cased by Unicode rules', () => {
    expect(usernameKey('Mārtiņš.Ozols')).toBe('mārtiņš.ozols');
    expect(usernameKey('ĀRIJA')).toBe('ārija');
    expect(usernameKey('陳冠宇')).toBe('陳冠宇');
    // Composed and decomposed ā are one key.
    expect(usernameKey('a\u0304rija')).toBe(usernameKey('\u0101rija'));
  });

  it('does not merge different names', () => {
    expect(usernameKey('agent1')).not.toBe(usernameKey('agent 1'));
    expect(usernameKey('lead.a')).not.toBe(usernameKey('lead_a'));
  });
});

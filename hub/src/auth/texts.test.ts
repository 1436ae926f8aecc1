import { describe, expect, it } from 'vitest';
import { translationProblems } from '@sidecoach/shared';
import { HUB_LANGUAGES } from '../lib/languages.js';
import { STAFF_STRINGS, staffPageLanguage, staffT } from './texts.js';

describe('the hub’s own pages for staff', () => {
  it('have every English text in zh-CN, zh-TW and Latvian', () => {
    expect(Object.keys(STAFF_STRINGS)).toEqual([...HUB_LANGUAGES]);
    expect(translationProblems(STAFF_STRINGS)).toEqual([]);
  });

  it('speak the browser’s language, else English', () => {
    expect(staffPageLanguage('zh-HK,zh;q=0.9')).toBe('zh-TW');
    expect(staffT(staffPageLanguage('lv-LV'))('sso.expiredTitle')).toBe(
      'Pierakstīšanās saite vairs nav derīga',
    );
    expect(staffPageLanguage(undefined)).toBe('en');
  });
});

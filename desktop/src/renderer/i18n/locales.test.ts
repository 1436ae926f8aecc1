import { describe, expect, it } from 'vitest';
import { translationProblems } from '@sidecoach/shared';
import en from './translation.en.js';
import zhCN from './translation.zh-CN.js';
import zhTW from './translation.zh-TW.js';
import lv from './translation.lv.js';

// The types already refuse a language without a key of English; this names what is wrong, key
// by key: a missing plural form (Latvian's three), a lost {{variable}}, a Simplified character
// or “” quotes in Taiwan's text, a key English does not have.
describe('the sidebar’s languages', () => {
  it('have every English string, each plural form and variable, in all four languages', () => {
    expect(translationProblems({ en, 'zh-CN': zhCN, 'zh-TW': zhTW, lv })).toEqual([]);
  });
});

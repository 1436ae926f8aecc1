import { describe, expect, it } from 'vitest';
import { flattenStrings, translationProblems } from '@sidecoach/shared';
import {
  CUSTOMER_LANGUAGES,
  CUSTOMER_STRINGS,
  customerLanguage,
  customerT,
  localized,
  pageLanguage,
} from './i18n.js';

describe('the customer’s texts in every language', () => {
  it('has every customer text of English in zh-CN, zh-TW and Latvian, plural forms included', () => {
    // One line per problem, by key ("lv: page.thanksTitle missing"); TypeScript refuses a
    // missing key too, but this names plural forms and {{variables}} as well.
    expect(Object.keys(CUSTOMER_STRINGS)).toEqual([...CUSTOMER_LANGUAGES]);
    expect(translationProblems(CUSTOMER_STRINGS)).toEqual([]);
  });

  it('writes Latvian apart from English', () => {
    const english = flattenStrings(CUSTOMER_STRINGS.en);
    for (const [key, text] of flattenStrings(CUSTOMER_STRINGS.lv))
      expect(text, key).not.toBe(english.get(key.replace('_zero', '_other')));
  });

  it('picks Latvian’s plural forms and Chinese’s one form', () => {
    const lv = customerT('lv');
    expect(lv('page.tooLong', { count: 1 })).toBe('Lūdzu, saīsiniet tekstu līdz 1 rakstzīmei.');
    expect(lv('page.tooLong', { count: 21 })).toBe('Lūdzu, saīsiniet tekstu līdz 21 rakstzīmei.');
    expect(lv('page.tooLong', { count: 2 })).toBe('Lūdzu, saīsiniet tekstu līdz 2 rakstzīmēm.');
    expect(lv('email.footer', { count: 30 })).toMatch(/reizi 30 dienās\.$/);
    expect(lv('email.footer', { count: 1 })).toMatch(/reizi 1 dienā\.$/);
    expect(customerT('zh-TW')('page.commentHint', { count: 1000 })).toBe('選填，最多 1000 個字。');
    expect(customerT('en')('email.footer', { count: 1 })).toMatch(/at most once a day\.$/);
  });
});

describe('customerLanguage', () => {
  it('maps zh-TW, zh-Hant, zh-HK, zh-MO to zh-TW; zh, zh-CN, zh-Hans, zh-SG to zh-CN; lv-LV to lv', () => {
    for (const tag of ['zh-TW', 'zh-Hant', 'zh-HK', 'zh-MO'])
      expect(customerLanguage(tag), tag).toBe('zh-TW');
    for (const tag of ['zh', 'zh-CN', 'zh-Hans', 'zh-SG'])
      expect(customerLanguage(tag), tag).toBe('zh-CN');
    expect(customerLanguage('lv-LV')).toBe('lv');
  });
});

describe('pageLanguage', () => {
  it('takes the call’s customer language, else the browser’s, else the language sent in', () => {
    const browser = 'lv-LV,lv;q=0.9';
    expect(pageLanguage({ customer: 'zh-TW', acceptLanguage: browser, sentIn: 'zh-TW' })).toBe(
      'zh-TW',
    );
    // Nobody knew the customer's language: the survey went out in the hub's default, and the
    // page follows the browser.
    expect(pageLanguage({ customer: null, acceptLanguage: browser, sentIn: 'en' })).toBe('lv');
    expect(pageLanguage({ customer: null, acceptLanguage: 'ru', sentIn: 'zh-CN' })).toBe('zh-CN');
    expect(pageLanguage({})).toBe('en');
    // A customer language the hub does not write: the browser's.
    expect(pageLanguage({ customer: 'ru', acceptLanguage: 'zh-HK', sentIn: 'ru' })).toBe('zh-TW');
  });

  it('lets the customer’s own choice on the page override them all', () => {
    expect(
      pageLanguage({ chosen: 'lv', customer: 'zh-TW', acceptLanguage: 'zh-TW', sentIn: 'zh-TW' }),
    ).toBe('lv');
    expect(pageLanguage({ chosen: 'xx', customer: 'zh-TW' })).toBe('zh-TW');
  });
});

describe('localized', () => {
  it('shows a pack text in English when it has none in the customer’s language', () => {
    const text = { en: 'Booking', 'zh-CN': '预订', lv: 'Rezervācija' };
    expect(localized(text, 'lv')).toBe('Rezervācija');
    expect(localized(text, 'zh-TW')).toBe('Booking');
  });
});

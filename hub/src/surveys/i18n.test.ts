import { describe, expect, it } from 'vitest';
import { STAFF_STRINGS } from '../auth/texts.js';
import {
  CUSTOMER_LANGUAGES,
  CUSTOMER_STRINGS,
  customerLanguage,
  customerT,
  fromAcceptLanguage,
  localized,
  pageLanguage,
} from './i18n.js';

type Tree = { [key: string]: string | Tree };

/** Every string of a tree by its dotted key. */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
const variables = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

/**
 * What a language lacks against English, one line per problem, by key: a key English has; each
 * plural form the language's own plural rules need (Latvian: _zero, _one, _other); and the
 * {{variables}} English fills in.
 */
function problems(strings: Record<string, object>): string[] {
  const english = flatten(strings.en as Tree);
  const lines: string[] = [];
  for (const [lang, tree] of Object.entries(strings)) {
    if (lang === 'en') continue;
    const own = flatten(tree as Tree);
    const forms = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
    const wanted = new Map<string, string>();
    for (const [key, text] of english) {
      const base = key.replace(PLURAL, '');
      if (base === key) wanted.set(key, text);
      else for (const form of forms) wanted.set(`${base}_${form}`, english.get(`${base}_other`)!);
    }
    for (const [key, text] of wanted) {
      const translated = own.get(key);
      if (translated === undefined || translated.trim() === '')
        lines.push(`${lang}: ${key} missing`);
      else
        for (const v of variables(text))
          if (!variables(translated).includes(v) && !(v === 'count' && key.endsWith('_one')))
            lines.push(`${lang}: ${key} lacks {{${v}}}`);
    }
    for (const key of own.keys())
      if (!wanted.has(key) && !(PLURAL.test(key) && english.has(key.replace(PLURAL, '_other'))))
        lines.push(`${lang}: ${key} is not an English key`);
  }
  return lines;
}

describe('the hub’s texts in every language', () => {
  it('has every customer text of English in zh-CN, zh-TW and Latvian, plural forms included', () => {
    expect(Object.keys(CUSTOMER_STRINGS)).toEqual([...CUSTOMER_LANGUAGES]);
    expect(problems(CUSTOMER_STRINGS)).toEqual([]);
  });

  it('has every staff page text of English in every language', () => {
    expect(Object.keys(STAFF_STRINGS)).toEqual([...CUSTOMER_LANGUAGES]);
    expect(problems(STAFF_STRINGS)).toEqual([]);
  });

  it('writes Taiwan Chinese in Traditional characters and Latvian apart from English', () => {
    // Simplified-only characters that text written in Taiwan never has.
    const simplified =
      /[们这说话务时问题应该满调为认识订议语气录账户员费销处结关开发对进动过还么没个来给让经间样现确网复见电联决办报击谢顾请选择链络邮]/u;
    for (const strings of [CUSTOMER_STRINGS, STAFF_STRINGS]) {
      const english = flatten(strings.en);
      for (const [key, text] of flatten(strings['zh-TW'])) {
        expect(text, key).not.toMatch(simplified);
        expect(text, key).not.toMatch(/[“”"]/); // 「」 in Taiwan
      }
      for (const [key, text] of flatten(strings.lv))
        if (!/^\W*$/.test(text))
          expect(text, key).not.toBe(english.get(key.replace('_zero', '_other')));
    }
  });

  it('names what a language lacks, by key', () => {
    const en = {
      page: { thanksTitle: 'Thank you', tooLong_one: '{{count}}', tooLong_other: '{{count}}' },
    };
    expect(
      problems({
        en,
        lv: { page: { tooLong_one: '{{count}}', tooLong_other: 'x', extra: 'y' } },
      }),
    ).toEqual([
      'lv: page.thanksTitle missing',
      'lv: page.tooLong_zero missing',
      'lv: page.tooLong_other lacks {{count}}',
      'lv: page.extra is not an English key',
    ]);
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
  it('reads Taiwan, Hong Kong, Macao and Hant as Traditional Chinese, the rest of Chinese as Simplified', () => {
    for (const tag of ['zh-TW', 'zh-Hant', 'zh-HK', 'zh-MO', 'zh-Hant-TW', 'zh-hant-hk', 'zh_TW'])
      expect(customerLanguage(tag), tag).toBe('zh-TW');
    for (const tag of ['zh', 'zh-CN', 'zh-Hans', 'zh-SG', 'zh-Hans-CN', 'zh-Hans-HK'])
      expect(customerLanguage(tag), tag).toBe('zh-CN');
  });

  it('reads lv and lv-LV as Latvian, en-* as English, and nothing else', () => {
    expect(customerLanguage('lv')).toBe('lv');
    expect(customerLanguage('lv-LV')).toBe('lv');
    expect(customerLanguage('en-GB')).toBe('en');
    expect(customerLanguage('lt')).toBeNull();
    expect(customerLanguage('de-DE')).toBeNull();
    expect(customerLanguage('')).toBeNull();
    expect(customerLanguage(null)).toBeNull();
  });

  it('takes the browser’s most preferred language the hub writes', () => {
    expect(fromAcceptLanguage('lv-LV,lv;q=0.9,en-US;q=0.8')).toBe('lv');
    expect(fromAcceptLanguage('zh-TW,zh;q=0.9,en;q=0.8')).toBe('zh-TW');
    expect(fromAcceptLanguage('de-DE, zh-Hant;q=0.8, en;q=0.5')).toBe('zh-TW');
    expect(fromAcceptLanguage('en;q=0.5, zh-CN')).toBe('zh-CN');
    expect(fromAcceptLanguage('ru, de')).toBeNull();
    expect(fromAcceptLanguage('*')).toBeNull();
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

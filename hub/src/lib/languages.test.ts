import { describe, expect, it } from 'vitest';
import { fromAcceptLanguage, hubLanguage, translationProblems } from './languages.js';

describe('translationProblems', () => {
  it('names what a language lacks against English, by key', () => {
    const en = {
      page: { thanksTitle: 'Thank you', tooLong_one: '{{count}} x', tooLong_other: '{{count}} xs' },
    };
    expect(
      translationProblems({
        en,
        lv: { page: { tooLong_one: '{{count}} x', tooLong_other: 'x', extra: 'y' } },
        'zh-TW': {
          page: { thanksTitle: '谢谢“您”', tooLong_one: '{{count}}', tooLong_other: '{{count}}' },
        },
      }),
    ).toEqual([
      'lv: page.thanksTitle missing',
      'lv: page.tooLong_zero missing',
      'lv: page.tooLong_other lacks {{count}}',
      'lv: page.extra is not an English key',
      'zh-TW: page.thanksTitle has the Simplified character 谢',
      'zh-TW: page.thanksTitle quotes with “” (Taiwan: 「」)',
    ]);
  });

  it('asks Chinese for its one plural form only, and lets English’s _one drop its count', () => {
    const en = { footer_one: 'once a day', footer_other: 'every {{count}} days' };
    expect(translationProblems({ en, 'zh-CN': { footer_other: '每 {{count}} 天' } })).toEqual([]);
    expect(translationProblems({ en, 'zh-CN': { footer_one: '每天' } })).toEqual([
      'zh-CN: footer_other missing',
    ]);
  });
});

describe('hubLanguage', () => {
  it('reads Taiwan, Hong Kong, Macao and Hant as Traditional Chinese, the rest of Chinese as Simplified', () => {
    for (const tag of ['zh-TW', 'zh-Hant', 'zh-HK', 'zh-MO', 'zh-Hant-TW', 'zh-hant-hk', 'zh_TW'])
      expect(hubLanguage(tag), tag).toBe('zh-TW');
    for (const tag of ['zh', 'zh-CN', 'zh-Hans', 'zh-SG', 'zh-Hans-CN', 'zh-Hans-HK'])
      expect(hubLanguage(tag), tag).toBe('zh-CN');
  });

  it('reads lv and lv-LV as Latvian, en-* as English, and nothing else', () => {
    expect(hubLanguage('lv')).toBe('lv');
    expect(hubLanguage('lv-LV')).toBe('lv');
    expect(hubLanguage('en-GB')).toBe('en');
    expect(hubLanguage('lt')).toBeNull();
    expect(hubLanguage('de-DE')).toBeNull();
    expect(hubLanguage('')).toBeNull();
    expect(hubLanguage(null)).toBeNull();
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

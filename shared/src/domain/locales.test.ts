import { describe, expect, it } from 'vitest';
import { languageOfTag, translationProblems } from './locales.js';

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

describe('languageOfTag', () => {
  it('reads Taiwan, Hong Kong, Macao and Hant as Traditional Chinese, the rest of Chinese as Simplified', () => {
    for (const tag of ['zh-TW', 'zh-Hant', 'zh-HK', 'zh-MO', 'zh-Hant-TW', 'zh-hant-hk', 'zh_TW'])
      expect(languageOfTag(tag), tag).toBe('zh-TW');
    for (const tag of ['zh', 'zh-CN', 'zh-Hans', 'zh-SG', 'zh-Hans-CN', 'zh-Hans-HK'])
      expect(languageOfTag(tag), tag).toBe('zh-CN');
  });

  it('reads lv and lv-LV as Latvian, en-* as English, and nothing else', () => {
    expect(languageOfTag('lv')).toBe('lv');
    expect(languageOfTag('lv-LV')).toBe('lv');
    expect(languageOfTag('en-GB')).toBe('en');
    expect(languageOfTag('lt')).toBeNull();
    expect(languageOfTag('de-DE')).toBeNull();
    expect(languageOfTag('')).toBeNull();
    expect(languageOfTag(null)).toBeNull();
  });
});

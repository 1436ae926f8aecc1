import { describe, expect, it } from 'vitest';
import { fromAcceptLanguage } from './languages.js';

describe('fromAcceptLanguage', () => {
  it('takes the browser’s most preferred language the hub writes', () => {
    expect(fromAcceptLanguage('lv-LV,lv;q=0.9,en-US;q=0.8')).toBe('lv');
    expect(fromAcceptLanguage('zh-TW,zh;q=0.9,en;q=0.8')).toBe('zh-TW');
    expect(fromAcceptLanguage('de-DE, zh-Hant;q=0.8, en;q=0.5')).toBe('zh-TW');
    expect(fromAcceptLanguage('en;q=0.5, zh-CN')).toBe('zh-CN');
    expect(fromAcceptLanguage('ru, de')).toBeNull();
    expect(fromAcceptLanguage('*')).toBeNull();
  });
});

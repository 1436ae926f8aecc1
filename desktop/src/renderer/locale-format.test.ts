import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { decimal, fullDateTime, shortDateTime, waitTime } from './lib/format.js';
import { percent } from './features/surveys/format.js';
import { formatRate, weekLabel } from './features/language-stats/format.js';
import { pickLanguage } from './i18n/index.js';
import lv from './i18n/translation.lv.js';
import zhTW from './i18n/translation.zh-TW.js';

// Dates, numbers and plurals come from Intl and i18next in the UI language, never from the
// strings: what each of the four languages shows.
// 14:05 on 1 December 2026 on this machine's clock, whatever its time zone.
const at = new Date(2026, 11, 1, 14, 5);
const shown = (f: Intl.DateTimeFormat) => f.format(at);

describe('locale formatting', () => {
  it('writes dates as each language does', () => {
    expect(shown(fullDateTime('lv'))).toBe('2026. g. 1. dec. 14:05');
    expect(shown(fullDateTime('zh-TW'))).toMatch(/^2026年12月1日 下午0?2:05$/);
    expect(shown(shortDateTime('zh-CN'))).toBe('12月1日 14:05');
    expect(weekLabel('2026-11-30', 'lv')).toBe('30. nov.');
    expect(weekLabel('2026-11-30', 'zh-TW')).toBe('11月30日');
  });

  it('writes decimals and percentages as each language does', () => {
    expect(decimal(0.25, 'lv', 2)).toBe('0,25');
    expect(decimal(0.25, 'zh-TW', 2)).toBe('0.25');
    expect(formatRate(1.5, 'lv')).toBe('1,50');
    expect(formatRate(null, 'lv')).toBe('–');
    expect(percent(0.875, 'lv')).toBe('88%');
    expect(percent(0.025, 'lv')).toBe('2,5%');
  });

  it('writes a wait short, in seconds under a minute and in minutes above', () => {
    expect(waitTime(30, 'en')).toBe('30 sec');
    expect(waitTime(61, 'en')).toBe('2 min');
    expect(waitTime(900, 'lv')).toBe('15 min');
    expect(waitTime(5, 'zh-CN')).toBe('5秒');
    expect(waitTime(120, 'zh-TW')).toBe('2 分鐘');
  });

  it('uses Latvian’s three plural forms: zero for 0, 10–20, 30…; one for 1, 21, 31; other', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ lng: 'lv', resources: { lv: { translation: lv } } });
    const changes = (count: number) => i18n.t('header.pending', { count });
    expect(changes(0)).toBe(lv.header.pending_zero.replace('{{count}}', '0'));
    expect(changes(1)).toBe(lv.header.pending_one.replace('{{count}}', '1'));
    expect(changes(2)).toBe(lv.header.pending_other.replace('{{count}}', '2'));
    expect(changes(11)).toBe(lv.header.pending_zero.replace('{{count}}', '11'));
    expect(changes(21)).toBe(lv.header.pending_one.replace('{{count}}', '21'));
    expect(
      new Set([changes(0), changes(1), changes(2)].map((s) => s.replace(/\d+/, ''))).size,
    ).toBe(3);
  });

  it('picks the saved language, else the first of the browser’s it has, Traditional for Taiwan', () => {
    expect(pickLanguage('lv', ['zh-TW'])).toBe('lv');
    expect(pickLanguage(null, ['zh-TW', 'en'])).toBe('zh-TW');
    expect(pickLanguage(null, ['zh-Hant-HK'])).toBe('zh-TW');
    expect(pickLanguage(null, ['zh'])).toBe('zh-CN');
    expect(pickLanguage(null, ['de-DE', 'lv-LV', 'en'])).toBe('lv');
    expect(pickLanguage(null, ['de-DE'])).toBe('en');
    // Taiwan's strings really are its own: not a conversion of the Simplified ones.
    expect(zhTW.signIn.title).toBe('登入');
  });
});

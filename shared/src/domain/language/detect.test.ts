import { describe, expect, it } from 'vitest';
import { noteLanguageOf } from './detect.js';

describe('the language a note is read in', () => {
  it('keeps the chosen language without strong evidence', () => {
    expect(noteLanguageOf('', 'lv')).toBe('lv');
    expect(noteLanguageOf('OK', 'zh-CN')).toBe('zh-CN');
    // Latvian typed without its long vowels, one Latvian word: still the chosen Latvian.
    expect(noteLanguageOf('Labdien, paldies par zvanu', 'lv')).toBe('lv');
  });

  it('reads Chinese as Chinese whatever was chosen, simplified or traditional by its characters', () => {
    expect(noteLanguageOf('你很有礼貌，但是你应该先核实身份。', 'en')).toBe('zh-CN');
    expect(noteLanguageOf('你很有禮貌，但是你應該先核實身份。', 'en')).toBe('zh-TW');
    expect(noteLanguageOf('你很有禮貌，但是你應該先核實身份。', 'zh-CN')).toBe('zh-TW');
    // Characters both scripts share: the chosen script stays.
    expect(noteLanguageOf('很好，谢谢', 'zh-TW')).toBe('zh-CN');
    expect(noteLanguageOf('很好', 'zh-TW')).toBe('zh-TW');
  });

  it('tells English from Latvian by letters and common words', () => {
    expect(noteLanguageOf('You were polite, but you should verify the identity first.', 'lv')).toBe(
      'en',
    );
    expect(
      noteLanguageOf('Jūs bijāt pieklājīgs, bet jums vajadzēja pārbaudīt klientu.', 'en'),
    ).toBe('lv');
    expect(noteLanguageOf('Next time, confirm the address with the customer.', 'zh-CN')).toBe('en');
  });
});

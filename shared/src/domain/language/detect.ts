import type { CoachingLanguage } from './types.js';

// Which of the coach's languages a note is written in, from its text: a coach with the note
// language on English who types Chinese gets the Chinese rules. Only strong evidence counts
// (the writing system, characters one Chinese script has and the other does not, Latvian
// letters and words, common English words); anything less keeps the language chosen.

/** Simplified and traditional forms of characters common in coaching notes, pairwise. */
const SIMPLIFIED =
  '们说这个应该与为来对时会过还没让从后请谢问题经点开关现实电话务单号发处认识记录让样';
const TRADITIONAL =
  '們說這個應該與為來對時會過還沒讓從後請謝問題經點開關現實電話務單號發處認識記錄讓樣';
const simplifiedOnly = new Set([...SIMPLIFIED].filter((c) => !TRADITIONAL.includes(c)));
const traditionalOnly = new Set([...TRADITIONAL].filter((c) => !SIMPLIFIED.includes(c)));

const LATVIAN_LETTERS = /[āēīūģķļņ]/iu;
const LATVIAN_WORDS = new Set([
  'un',
  'ir',
  'nav',
  'ar',
  'kā',
  'bet',
  'jūs',
  'tu',
  'lai',
  'vai',
  'arī',
  'klientam',
  'klients',
  'zvanu',
  'nākamreiz',
  'labi',
  'jo',
  'ka',
]);
const ENGLISH_WORDS = new Set([
  'the',
  'you',
  'and',
  'to',
  'is',
  'was',
  'were',
  'with',
  'your',
  'of',
  'it',
  'that',
  'next',
  'time',
  'but',
  'should',
  'customer',
  'call',
  'a',
  'an',
]);

/**
 * The language to read a note in: `chosen`, unless the text clearly is in another of the
 * coach's languages (then that one).
 */
export function noteLanguageOf(text: string, chosen: CoachingLanguage): CoachingLanguage {
  const han = (text.match(/\p{Script=Han}/gu) ?? []).length;
  const latin = (text.match(/\p{Script=Latin}/gu) ?? []).length;
  if (han >= 2 && han * 2 >= latin) {
    let simplified = 0;
    let traditional = 0;
    for (const c of text) {
      if (simplifiedOnly.has(c)) simplified += 1;
      else if (traditionalOnly.has(c)) traditional += 1;
    }
    if (traditional > simplified) return 'zh-TW';
    if (simplified > traditional) return 'zh-CN';
    return chosen === 'zh-TW' ? 'zh-TW' : 'zh-CN';
  }
  if (han > 0 || latin < 8) return chosen;
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const latvian =
    LATVIAN_LETTERS.test(text) || words.filter((w) => LATVIAN_WORDS.has(w)).length >= 2;
  const english = words.filter((w) => ENGLISH_WORDS.has(w)).length;
  if (latvian && english < 2) return 'lv';
  if (!latvian && english >= 2) return 'en';
  return chosen.startsWith('zh') ? (latvian ? 'lv' : 'en') : chosen;
}

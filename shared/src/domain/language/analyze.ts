import type { TextFinding } from '../text-checks.js';
import { englishRules } from './en.js';
import { EXPLANATIONS } from './explanations.js';
import { latvianRules } from './lv.js';
import { maskQuotes, sentences, type Sentence } from './text.js';
import {
  HARMFUL_CATEGORIES,
  type CoachingLanguage,
  type Hit,
  type LanguageCategory,
  type Rules,
} from './types.js';
import { chineseRules } from './zh.js';

const RULES: Record<CoachingLanguage, Rules> = {
  en: englishRules,
  'zh-CN': chineseRules('simplified'),
  'zh-TW': chineseRules('traditional'),
  lv: latvianRules,
};

/** A finding of the constructive-language analyzer. */
export interface LanguageFinding extends TextFinding {
  category: LanguageCategory;
}

/** The analyzer's language for a BCP 47 tag (zh-Hant and zh-HK read as zh-TW), if it reads it. */
export function coachingLanguageOf(tag: string): CoachingLanguage | undefined {
  const t = tag.toLowerCase();
  if (t === 'en' || t.startsWith('en-')) return 'en';
  if (t === 'lv' || t.startsWith('lv-')) return 'lv';
  if (t === 'zh-tw' || t === 'zh-hk' || t === 'zh-mo' || t.startsWith('zh-hant')) return 'zh-TW';
  if (t === 'zh' || t.startsWith('zh-')) return 'zh-CN';
  return undefined;
}

const harmful = new Set<string>(HARMFUL_CATEGORIES);

/**
 * Finds the patterns of constructive (and unconstructive) coaching language in a note: each
 * with its span in `text`, a category, a one-line explanation in `uiLanguage` and rewrites for
 * the span. Quoted speech is skipped. Pure and fast enough to run on every keystroke.
 */
export function analyze(text: string, lang: string, uiLanguage: string = lang): LanguageFinding[] {
  const language = coachingLanguageOf(lang);
  if (!language) return [];
  const rules = RULES[language];
  const explanations = EXPLANATIONS[coachingLanguageOf(uiLanguage) ?? 'en'] ?? EXPLANATIONS.en!;
  const findings: LanguageFinding[] = [];
  let previous: Sentence | undefined;
  for (const sentence of sentences(maskQuotes(text))) {
    for (const hit of rules(sentence, previous)) findings.push(toFinding(sentence, hit));
    previous = sentence;
  }
  return findings
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((f) => ({ ...f, explanation: explanations[f.category] }));

  function toFinding(sentence: Sentence, hit: Hit): LanguageFinding {
    return {
      start: sentence.start + hit.start,
      end: sentence.start + hit.end,
      category: hit.category,
      tone: harmful.has(hit.category) ? 'harmful' : 'good',
      explanation: '',
      suggestions: hit.suggestions,
    };
  }
}

/** Counts of each category, for the summary a coach sees before sending. */
export function summarize(
  findings: readonly Pick<TextFinding, 'category'>[],
): Partial<Record<LanguageCategory, number>> {
  const counts: Partial<Record<string, number>> = {};
  for (const f of findings) counts[f.category] = (counts[f.category] ?? 0) + 1;
  return counts;
}

import type { Sentence } from './text.js';

/** Languages the analyzer reads. */
export const COACHING_LANGUAGES = ['en', 'zh-CN', 'zh-TW', 'lv'] as const;
export type CoachingLanguage = (typeof COACHING_LANGUAGES)[number];

/** Patterns that make feedback land badly (see DOMAIN.md, "Constructive coaching language"). */
export const HARMFUL_CATEGORIES = [
  'but',
  'command',
  'if-i-were-you',
  'presupposing-why',
  'generic-praise',
] as const;
/** Patterns to encourage. */
export const GOOD_CATEGORIES = ['reflective-question', 'specific-praise', 'next-time'] as const;
export const LANGUAGE_CATEGORIES = [...HARMFUL_CATEGORIES, ...GOOD_CATEGORIES] as const;
export type LanguageCategory = (typeof LANGUAGE_CATEGORIES)[number];

/** A rule's hit, relative to the sentence it was found in. */
export interface Hit {
  start: number;
  end: number;
  category: LanguageCategory;
  suggestions: string[];
}

/**
 * The hits without the modals inside an open question from `from` on: "What do you think you
 * should say?" asks for the agent's view, it does not tell them what to do.
 */
export function withoutAskedModals(hits: Hit[], from: number): Hit[] {
  return hits.filter((h) => h.category !== 'command' || h.start < from);
}

/** A language's rules: hits in one sentence, given the one before it. */
export type Rules = (sentence: Sentence, previous: Sentence | undefined) => Hit[];

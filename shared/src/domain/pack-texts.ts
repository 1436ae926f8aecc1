import type { LocalizedText, StandardsPack } from './standards.js';
import type { SurveyPack } from './surveys.js';

/**
 * The languages Sidecoach ships its packs and customer pages in. A pack text without one of
 * them is shown in English (see `localize`); the quality manager sees which texts those are.
 */
export const PACK_LANGUAGES = ['en', 'zh-CN', 'zh-TW', 'lv'] as const;
export type PackLanguage = (typeof PACK_LANGUAGES)[number];

/** One text of a pack that people read, where it is (`areas.process.items.proc-greeting.text`). */
export interface PackText {
  path: string;
  text: LocalizedText;
}

/** Every text of a standards or survey pack that agents, coaches or customers read, in order. */
export function packTexts(pack: StandardsPack | SurveyPack): PackText[] {
  if ('areas' in pack)
    return [
      { path: 'name', text: pack.name },
      ...pack.callTypes.map((ct) => ({ path: `callTypes.${ct.id}.name`, text: ct.name })),
      ...pack.areas.flatMap((area) =>
        area.items.map((item) => ({
          path: `areas.${area.id}.items.${item.id}.text`,
          text: item.text,
        })),
      ),
    ];
  return [
    ...(pack.brand ? [{ path: 'brand.name', text: pack.brand.name }] : []),
    ...pack.surveys.flatMap((survey) => [
      { path: `surveys.${survey.id}.name`, text: survey.name },
      ...survey.questions.map((q) => ({
        path: `surveys.${survey.id}.questions.${q.id}.text`,
        text: q.text,
      })),
      { path: `surveys.${survey.id}.thankYou`, text: survey.thankYou },
    ]),
  ];
}

/**
 * Whether `localize(text, lang)` finds the language itself (the exact tag or its base
 * language, as `localize` looks them up) rather than falling back to English.
 */
export function hasLanguage(text: LocalizedText, lang: string): boolean {
  if (lang === 'en') return true;
  const base = lang.split('-')[0] ?? lang;
  return text[lang] !== undefined || text[base] !== undefined;
}

/**
 * Per language, the paths of the pack's texts that are shown in English because the pack has
 * no text in that language. Every language asked for has an entry (empty when complete).
 */
export function missingTranslations<L extends string>(
  pack: StandardsPack | SurveyPack,
  langs: readonly L[],
): Record<L, string[]> {
  const texts = packTexts(pack);
  return Object.fromEntries(
    langs.map((lang) => [lang, texts.filter((t) => !hasLanguage(t.text, lang)).map((t) => t.path)]),
  ) as Record<L, string[]>;
}

const isLocalizedText = (v: object): boolean =>
  Object.entries(v).every(
    ([k, text]) => (PACK_LANGUAGES as readonly string[]).includes(k) && typeof text === 'string',
  );

/**
 * Whether `next` is `stored` with texts in more languages and nothing else changed: the same
 * items, scores, rules and every text it had, word for word. Such a pack may replace the stored
 * copy of its version (results read against it mean the same); any other change needs a new
 * version.
 */
export function addsOnlyTranslations(stored: unknown, next: unknown): boolean {
  if (Array.isArray(stored))
    return (
      Array.isArray(next) &&
      next.length === stored.length &&
      stored.every((v, i) => addsOnlyTranslations(v, next[i]))
    );
  if (stored === null || typeof stored !== 'object') return stored === next;
  if (next === null || typeof next !== 'object' || Array.isArray(next)) return false;
  const added = Object.keys(next).filter((k) => !(k in stored));
  if (added.length > 0 && !(isLocalizedText(stored) && isLocalizedText(next))) return false;
  return Object.entries(stored).every(([k, v]) =>
    addsOnlyTranslations(v, (next as Record<string, unknown>)[k]),
  );
}

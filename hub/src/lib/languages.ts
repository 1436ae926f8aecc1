import i18next, { type TFunction } from 'i18next';
import { languageOfTag, PACK_LANGUAGES } from '@sidecoach/shared';

// The languages of the text the hub itself writes for people to read (the customer's survey
// pages, emails and SMS, and the few pages of its own staff may see), with one i18next instance
// per set of strings. English is the fallback.

export const HUB_LANGUAGES = PACK_LANGUAGES;
export type HubLanguage = (typeof HUB_LANGUAGES)[number];

/** The language of an Accept-Language header's most preferred entry the hub writes. */
export function fromAcceptLanguage(header: string | undefined): HubLanguage | null {
  if (!header) return null;
  const tags = header
    .split(',')
    .map((part, index) => {
      const [tag = '', q] = part.trim().split(/;\s*q=/);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((e) => e.tag && e.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of tags) {
    const lang = languageOfTag(tag);
    if (lang) return lang;
  }
  return null;
}

/** One set of strings in every hub language, and its `t` per language. */
export function hubStrings(
  resources: Record<HubLanguage, object>,
): (lang: HubLanguage) => TFunction {
  const i18n = i18next.createInstance();
  void i18n.init({
    initAsync: false,
    fallbackLng: 'en',
    supportedLngs: [...HUB_LANGUAGES],
    // 'zh-TW' only, never its 'zh': each language has every key (the types and a test check it).
    load: 'currentOnly',
    resources: Object.fromEntries(
      Object.entries(resources).map(([lang, translation]) => [lang, { translation }]),
    ),
    interpolation: { escapeValue: false }, // React and nodemailer escape; SMS is plain text
  });
  return (lang) => i18n.getFixedT(lang);
}

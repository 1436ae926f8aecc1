import type { PackLanguage } from './pack-texts.js';

// Sidecoach's own languages (en, zh-CN, zh-TW, lv) as people's tags name them, and the checks
// every set of strings (the sidebar's, the hub's) passes against English. No I/O.

/**
 * Strings shaped like English, as every other language must be (a missing key is a type
 * error); `WithZeroPlurals` adds the `_zero` form Latvian needs beside every `_one`/`_other`.
 */
export type Shaped<T> = { [K in keyof T]: T[K] extends string ? string : Shaped<T[K]> };
export type WithZeroPlurals<T> = {
  [K in keyof T]: T[K] extends string ? string : WithZeroPlurals<T[K]>;
} & { [K in keyof T as K extends `${infer B}_other` ? `${B}_zero` : never]: string };

/**
 * The closest of Sidecoach's languages to a BCP 47 tag: Traditional Chinese for Taiwan, Hong
 * Kong, Macao and any `Hant` tag; Simplified for the rest of Chinese (zh, zh-CN, zh-SG, `Hans`);
 * Latvian for lv; English for en. Null for any other language.
 */
export function languageOfTag(tag: string | null | undefined): PackLanguage | null {
  if (!tag) return null;
  const parts = tag.trim().toLowerCase().replace(/_/g, '-').split('-');
  const [language, ...rest] = parts;
  switch (language) {
    case 'en':
      return 'en';
    case 'lv':
      return 'lv';
    case 'zh': {
      if (rest.includes('hant')) return 'zh-TW';
      if (rest.includes('hans')) return 'zh-CN';
      return rest.some((r) => r === 'tw' || r === 'hk' || r === 'mo') ? 'zh-TW' : 'zh-CN';
    }
    default:
      return null;
  }
}

type Tree = { readonly [key: string]: string | Tree };

/** Every string of a tree of strings by its dotted key. */
export function flattenStrings(tree: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree as Tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flattenStrings(value, path)) out.set(k, v);
  }
  return out;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
const variables = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]);
/** Simplified-only characters, which text written in Taiwan never has (common ones). */
const SIMPLIFIED_ONLY =
  /[们这说话务时问题应该满调为认识订议语气录账户员费销处结关开发对进动过还么没个来给让经间样现确网复见电联决办报击谢顾请选择链络邮]/u;

/**
 * What each language lacks against English, one line per problem, by key ("lv: page.thanksTitle
 * missing"): a key English has; each plural form the language's own rules need (Latvian _zero,
 * _one and _other; Chinese _other); the {{variables}} English fills in (a `_one` form may say
 * "once a day" without its count); a key English does not have; and, for zh-TW, a Simplified
 * character or “” quotes where Taiwan writes 「」. Empty when every language is complete.
 */
export function translationProblems(strings: { en: object } & Record<string, object>): string[] {
  const english = flattenStrings(strings.en);
  const lines: string[] = [];
  for (const [lang, tree] of Object.entries(strings)) {
    if (lang === 'en') continue;
    const own = flattenStrings(tree);
    const forms = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
    const wanted = new Map<string, string>();
    for (const [key, text] of english) {
      const base = key.replace(PLURAL, '');
      if (base === key) wanted.set(key, text);
      else
        for (const form of forms)
          wanted.set(`${base}_${form}`, english.get(`${base}_other`) ?? text);
    }
    for (const [key, text] of wanted) {
      const translated = own.get(key);
      if (translated === undefined || translated.trim() === '') {
        lines.push(`${lang}: ${key} missing`);
        continue;
      }
      for (const v of new Set(variables(text)))
        if (!variables(translated).includes(v) && !(v === 'count' && key.endsWith('_one')))
          lines.push(`${lang}: ${key} lacks {{${v}}}`);
      if (lang === 'zh-TW') {
        const simplified = SIMPLIFIED_ONLY.exec(translated)?.[0];
        if (simplified) lines.push(`${lang}: ${key} has the Simplified character ${simplified}`);
        if (/[“”"]/.test(translated)) lines.push(`${lang}: ${key} quotes with “” (Taiwan: 「」)`);
      }
    }
    for (const key of own.keys())
      if (!wanted.has(key) && !(PLURAL.test(key) && english.has(key.replace(PLURAL, '_other'))))
        lines.push(`${lang}: ${key} is not an English key`);
  }
  return lines;
}

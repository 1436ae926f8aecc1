import i18next, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { languageOfTag, UI_LANGUAGES, type UiLanguage } from '@sidecoach/shared';
import type { Translation, WithZeroPlurals } from './types.js';

export type { Message, MessageKey, MessageValues } from './message.js';

// One chunk per language, fetched by a relative URL (so from app://sidecoach and from the hub's
// web root alike): only the active language's strings load. Typed per language, so a language
// without its chunk is a type error.
const chunks: Record<
  UiLanguage,
  () => Promise<{ default: Translation | WithZeroPlurals<Translation> }>
> = {
  en: () => import('./translation.en.js'),
  'zh-CN': () => import('./translation.zh-CN.js'),
  'zh-TW': () => import('./translation.zh-TW.js'),
  lv: () => import('./translation.lv.js'),
};

/** An i18next backend of a few lines: `changeLanguage` loads the language's chunk, then renders. */
const lazyLanguages: BackendModule = {
  type: 'backend',
  init() {},
  read(language, _namespace, done) {
    const load = chunks[language as UiLanguage];
    if (!load) return done(new Error(`no strings for ${language}`), null);
    load().then(
      (chunk) => done(null, chunk.default),
      (err: unknown) => done(err instanceof Error ? err : new Error(String(err)), null),
    );
  },
};

/** Picks the UI language: the saved choice, else the first of the browser's we have, else English. */
export function pickLanguage(saved: UiLanguage | null, browser: readonly string[]): UiLanguage {
  if (saved) return saved;
  for (const tag of browser) {
    const language = languageOfTag(tag);
    if (language) return language;
  }
  return 'en';
}

/** Starts i18next with the language's strings loaded, so the first render has them. */
export async function initI18n(language: UiLanguage) {
  await i18next
    .use(lazyLanguages)
    .use(initReactI18next)
    .init({
      lng: language,
      supportedLngs: UI_LANGUAGES,
      load: 'currentOnly', // 'zh-CN' only, not 'zh' too
      // Every language has every key (checked by type), so no second language is fetched.
      fallbackLng: false,
      interpolation: { escapeValue: false }, // React escapes
      react: { useSuspense: false }, // the first language is loaded before the first render
    });
  document.documentElement.lang = language;
  return i18next;
}

import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { UiLanguage } from '@sidecoach/shared';
import { en } from './en.js';
import { zhCN } from './zh-CN.js';
import { surveysEn } from './surveys.en.js';
import { surveysZhCN } from './surveys.zh-CN.js';
import { reflectionEn } from './reflection.en.js';
import { reflectionZhCN } from './reflection.zh-CN.js';

// Each feature's strings sit under their own key (the customer-feedback views under `surveys`),
// so separate files can grow without touching one another; each language file is typed on the
// English one, so a missing key is a type error, and so is a second `surveys` in en.ts.
const enBase: typeof en & { surveys?: never; reflection?: never } = en;
export const resources = {
  en: { translation: { ...enBase, surveys: surveysEn, reflection: reflectionEn } },
  'zh-CN': { translation: { ...zhCN, surveys: surveysZhCN, reflection: reflectionZhCN } },
};

/** Picks the UI language: the saved choice, else the browser's, else English. */
export function pickLanguage(saved: UiLanguage | null, browser: readonly string[]): UiLanguage {
  if (saved) return saved;
  return browser.some((l) => l.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
}

export async function initI18n(language: UiLanguage) {
  await i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    resources,
    interpolation: { escapeValue: false }, // React escapes
  });
  document.documentElement.lang = language;
  return i18next;
}

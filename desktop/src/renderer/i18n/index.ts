import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { UiLanguage } from '@sidecoach/shared';
import { en } from './en.js';
import { zhCN } from './zh-CN.js';

/** Picks the UI language: the saved choice, else the browser's, else English. */
export function pickLanguage(saved: UiLanguage | null, browser: readonly string[]): UiLanguage {
  if (saved) return saved;
  return browser.some((l) => l.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
}

export async function initI18n(language: UiLanguage) {
  await i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
    interpolation: { escapeValue: false }, // React escapes
  });
  document.documentElement.lang = language;
  return i18next;
}

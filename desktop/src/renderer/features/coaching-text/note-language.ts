import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { create } from 'zustand';
import {
  analyze,
  COACHING_LANGUAGES,
  coachingLanguageOf,
  type CoachingLanguage,
  type TextCheck,
} from '@sidecoach/shared';

// The language a coach writes notes in: chosen per device, else the UI language.

const KEY = 'sidecoach.noteLanguage';

function saved(): CoachingLanguage | null {
  try {
    const value = localStorage.getItem(KEY);
    return COACHING_LANGUAGES.find((l) => l === value) ?? null;
  } catch {
    return null;
  }
}

const useChosen = create<{ chosen: CoachingLanguage | null }>()(() => ({ chosen: saved() }));

/** The note language (the device's choice, else the UI language's) and a setter that keeps it. */
export function useNoteLanguage(): [CoachingLanguage, (lang: CoachingLanguage) => void] {
  const { i18n } = useTranslation();
  const chosen = useChosen((s) => s.chosen);
  const choose = useCallback((lang: CoachingLanguage) => {
    try {
      localStorage.setItem(KEY, lang);
    } catch {
      // Storage full or denied: the choice lasts for this session only.
    }
    useChosen.setState({ chosen: lang });
  }, []);
  return [chosen ?? coachingLanguageOf(i18n.language) ?? 'en', choose];
}

/** The constructive-language analyzer as a text check: reads the note's language, explains in the UI's. */
export function useLanguageCheck(): TextCheck {
  const { i18n } = useTranslation();
  const ui = i18n.language;
  return useMemo<TextCheck>(() => (text, lang) => analyze(text, lang, ui), [ui]);
}

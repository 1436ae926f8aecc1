import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  missingTranslations,
  PACK_LANGUAGES,
  packTexts,
  type StandardsPack,
  type SurveyPack,
} from '@sidecoach/shared';

/** The languages a pack is read in besides English (its fallback). */
const TRANSLATED = PACK_LANGUAGES.filter(
  (l): l is Exclude<(typeof PACK_LANGUAGES)[number], 'en'> => l !== 'en',
);

/**
 * Which of a pack's texts people read in English because the pack has none in their language:
 * a count per language, then each such text with a tag per language it lacks.
 */
export function PackLanguages({
  pack,
  testId,
}: {
  pack: StandardsPack | SurveyPack;
  testId: string;
}) {
  const { t } = useTranslation();
  const { texts, missing } = useMemo(
    () => ({ texts: packTexts(pack), missing: missingTranslations(pack, TRANSLATED) }),
    [pack],
  );
  const lacking = texts
    .map((text) => ({ ...text, langs: TRANSLATED.filter((l) => missing[l].includes(text.path)) }))
    .filter((text) => text.langs.length > 0);
  return (
    <div className="pack-languages" data-testid={testId}>
      <ul className="pack-language-counts">
        {TRANSLATED.map((lang) => {
          const language = t(`language.${lang}`);
          const count = missing[lang].length;
          return (
            <li key={lang} data-lang={lang} className={count > 0 ? 'incomplete' : 'complete'}>
              {count > 0
                ? t('surveyPack.languages.inEnglish', { language, count })
                : t('surveyPack.languages.complete', { language })}
            </li>
          );
        })}
      </ul>
      {lacking.length > 0 ? (
        <ul className="pack-fallbacks" aria-label={t('surveyPack.languages.fallbackList')}>
          {lacking.map((text) => (
            <li key={text.path} data-path={text.path}>
              <span lang="en">{text.text.en}</span> <code className="muted">{text.path}</code>
              <span className="pack-fallback-tags">
                {text.langs.map((lang) => (
                  <span key={lang} className="pack-fallback-tag" data-lang={lang}>
                    {t('surveyPack.languages.fallback', { language: t(`language.${lang}`) })}
                  </span>
                ))}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

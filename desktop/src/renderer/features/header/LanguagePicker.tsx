import { UI_LANGUAGES, type UiLanguage } from '@sidecoach/shared';
import { useTranslation } from 'react-i18next';
import { chooseLanguage } from './language.js';

export function LanguagePicker() {
  const { t, i18n } = useTranslation();
  const change = (language: UiLanguage) => chooseLanguage(language);
  return (
    <label className="language">
      <span className="visually-hidden">{t('language.label')}</span>
      <select
        value={i18n.language}
        onChange={(e) => change(e.target.value as UiLanguage)}
        aria-label={t('language.label')}
      >
        {UI_LANGUAGES.map((l) => (
          <option key={l} value={l}>
            {t(`language.${l}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

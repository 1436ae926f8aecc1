import { useTranslation } from 'react-i18next';
import { COACHING_LANGUAGES, type CoachingLanguage } from '@sidecoach/shared';

/** The small "Note language" picker beside a composer's label. */
export function NoteLanguageSelect({
  id,
  value,
  onChange,
}: {
  id: string;
  value: CoachingLanguage;
  onChange: (lang: CoachingLanguage) => void;
}) {
  const { t } = useTranslation();
  return (
    <span className="note-language">
      <label htmlFor={id} className="small muted">
        {t('noteLanguage.label')}
      </label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(COACHING_LANGUAGES.find((l) => l === e.target.value) ?? 'en')}
      >
        {COACHING_LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`noteLanguage.${l}`)}
          </option>
        ))}
      </select>
    </span>
  );
}

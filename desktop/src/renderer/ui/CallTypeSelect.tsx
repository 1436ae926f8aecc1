import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { localize, type StandardsPack } from '@sidecoach/shared';

/** One call type of the standards pack, or all of them (a filter of coaches' lists). */
export function CallTypeSelect({
  pack,
  value,
  onChange,
}: {
  pack: StandardsPack | null;
  value: string | null;
  onChange: (callType: string | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('surveys.callType.label')}</label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
        <option value="">{t('surveys.callType.all')}</option>
        {(pack?.callTypes ?? []).map((ct) => (
          <option key={ct.id} value={ct.id}>
            {localize(ct.name, i18n.language)}
          </option>
        ))}
      </select>
    </div>
  );
}

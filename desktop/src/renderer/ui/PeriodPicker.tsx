import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PERIOD_DAYS } from '@sidecoach/shared';
import { localDay } from '../lib/time.js';
import { periodDays, type PeriodChoice } from './period.js';

export type { PeriodChoice } from './period.js';

/**
 * The period picker: one select, and for "Custom range" two date fields, no later than today
 * and at most `maxDays` long (the screen's limit, checked again by the hub).
 */
export function PeriodPicker({
  value,
  onChange,
  maxDays = 365,
  minDays = 1,
}: {
  value: PeriodChoice;
  onChange: (p: PeriodChoice) => void;
  maxDays?: number;
  minDays?: number;
}) {
  const { t } = useTranslation();
  const id = useId();
  const today = localDay();
  const [draft, setDraft] = useState(() =>
    'from' in value ? value : { from: localDay(-29), to: today },
  );
  const custom = 'from' in value;
  const span = periodDays(draft);
  const problem =
    draft.from > draft.to
      ? t('period.orderError')
      : span > maxDays
        ? t('period.tooLong', { count: maxDays })
        : span < minDays
          ? t('period.tooShort', { count: minDays })
          : null;
  const setRange = (next: { from: string; to: string }) => {
    setDraft(next);
    const days = periodDays(next);
    if (next.from && next.to && next.from <= next.to && days <= maxDays && days >= minDays)
      onChange(next);
  };
  return (
    <div className="period-picker">
      <div className="field">
        <label htmlFor={id}>{t('period.label')}</label>
        <select
          id={id}
          value={custom ? 'custom' : String(value.days)}
          onChange={(e) =>
            e.target.value === 'custom'
              ? setRange(draft)
              : onChange({ days: Number(e.target.value) as (typeof PERIOD_DAYS)[number] })
          }
        >
          {PERIOD_DAYS.filter((d) => d <= maxDays).map((d) => (
            <option key={d} value={d}>
              {t('period.days', { count: d })}
            </option>
          ))}
          <option value="custom">{t('period.custom')}</option>
        </select>
      </div>
      {custom ? (
        <div className="period-range">
          <div className="field">
            <label htmlFor={`${id}-from`}>{t('period.from')}</label>
            <input
              id={`${id}-from`}
              type="date"
              value={draft.from}
              max={today}
              onChange={(e) => setRange({ ...draft, from: e.target.value })}
              aria-invalid={problem ? true : undefined}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-to`}>{t('period.to')}</label>
            <input
              id={`${id}-to`}
              type="date"
              value={draft.to}
              max={today}
              onChange={(e) => setRange({ ...draft, to: e.target.value })}
              aria-invalid={problem ? true : undefined}
            />
          </div>
          {problem ? (
            <p className="small error period-problem" role="alert">
              {problem}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

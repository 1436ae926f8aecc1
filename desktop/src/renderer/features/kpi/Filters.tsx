import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KPI_PERIODS, type KpiPeriod } from '@sidecoach/shared';
import { NameSelect } from '../../ui/NameSelect.js';
import { MAX_DAYS, rangeProblem, type FiguresQuery } from './route.js';

/**
 * What a dashboard shows: a team (of those the user may see), figures per day, week or month,
 * and the days (the team's calendar, both included, at most MAX_DAYS). A range being typed is
 * applied once it is a valid one; what is wrong with it shows under the dates.
 */
export function Filters({
  query,
  teams,
  onChange,
}: {
  query: FiguresQuery;
  teams: readonly { id: string; name: string }[];
  onChange: (query: FiguresQuery) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState({ from: query.from, to: query.to });
  const problem = rangeProblem(draft.from, draft.to);
  const setRange = (next: { from: string; to: string }) => {
    setDraft(next);
    if (!rangeProblem(next.from, next.to)) onChange({ ...query, ...next });
  };
  return (
    <div className="kpi-filters">
      <NameSelect
        label={t('kpi.filters.team')}
        value={query.teamId}
        options={teams}
        onChange={(teamId) => onChange({ ...query, teamId })}
      />
      <div className="field">
        <label htmlFor={`${id}-period`}>{t('kpi.filters.period')}</label>
        <select
          id={`${id}-period`}
          value={query.period}
          onChange={(e) => onChange({ ...query, period: e.target.value as KpiPeriod })}
        >
          {KPI_PERIODS.map((p) => (
            <option key={p} value={p}>
              {t(`kpi.filters.periods.${p}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-from`}>{t('kpi.filters.from')}</label>
        <input
          id={`${id}-from`}
          type="date"
          value={draft.from}
          onChange={(e) => setRange({ ...draft, from: e.target.value })}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-to`}>{t('kpi.filters.to')}</label>
        <input
          id={`${id}-to`}
          type="date"
          value={draft.to}
          onChange={(e) => setRange({ ...draft, to: e.target.value })}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
        />
      </div>
      {problem ? (
        <p id={`${id}-problem`} className="small error kpi-filters-problem" role="alert">
          {problem === 'tooLong'
            ? t('kpi.filters.tooLong', { count: MAX_DAYS })
            : t(`kpi.filters.${problem}`)}
        </p>
      ) : null}
    </div>
  );
}

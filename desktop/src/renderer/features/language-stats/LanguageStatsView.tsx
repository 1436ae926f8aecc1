import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useFocusIfLost } from '../../lib/focus.js';
import {
  closeLanguageStats,
  loadLanguageStats,
  setStatsPeriod,
  useLanguageStats,
} from './store.js';
import { PeriodPicker } from '../../ui/PeriodPicker.js';
import { LANGUAGE_STATS_DAYS_MAX } from '@sidecoach/shared';
import { CoachDetail } from './CoachDetail.js';
import { TrendTable } from './TrendTable.js';
import './language-stats.css';

/** For team leads and quality managers: how each coach words their notes, week by week. */
export function LanguageStatsView() {
  const { t } = useTranslation();
  const { status, stats, error, coachId, period } = useLanguageStats();
  const selectCoach = (id: string) => useLanguageStats.getState().selectCoach(id);
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusIfLost(heading);
  const coach = stats?.coaches.find((c) => c.coachId === coachId);
  return (
    <section className="card language-stats" aria-labelledby="language-stats-title">
      <div className="row">
        <button
          type="button"
          className="link back"
          aria-label={t('observe.backLabel')}
          onClick={closeLanguageStats}
        >
          {t('observe.back')}
        </button>
        <button
          type="button"
          className="link"
          disabled={status === 'loading'}
          onClick={() => void loadLanguageStats()}
        >
          {t('languageStats.refresh')}
        </button>
      </div>
      <h2 id="language-stats-title" ref={heading} tabIndex={-1}>
        {t('languageStats.title')}
      </h2>
      <p className="small muted">{t('languageStats.intro')}</p>
      <PeriodPicker value={period} onChange={setStatsPeriod} maxDays={LANGUAGE_STATS_DAYS_MAX} />
      {status === 'loading' && !stats ? (
        <p className="muted">{t('languageStats.loading')}</p>
      ) : null}
      {error ? (
        <p className="error" role="alert">
          {t(error.key, error.values)}
        </p>
      ) : null}
      {stats && stats.coaches.length === 0 ? (
        <p className="muted">{t('languageStats.empty')}</p>
      ) : null}
      {stats && stats.coaches.length > 0 ? (
        <TrendTable stats={stats} selected={coachId} onSelect={selectCoach} />
      ) : null}
      {stats && coach ? <CoachDetail coach={coach} weeks={stats.weeks} /> : null}
    </section>
  );
}

import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalibrationTrends } from '@sidecoach/shared';
import { decimal } from '../../lib/format.js';
import { localDay } from '../../lib/time.js';
import { useCalls } from '../call/store.js';
import { LoadState, QaTable, Section } from '../qa/parts.js';
import { shareOf } from '../qa/rows.js';
import { AgreementChart, type AgreementLine } from './AgreementChart.js';
import {
  sessionsOverTime,
  trendEvaluatorsTable,
  trendItemsTable,
  trendSessionsTable,
} from './rows.js';
import { loadTrends, TREND_DAYS, useCalibration } from './store.js';
import '../../ui/columns.css';

/** Agreement over time: per session (a chart and its table), per item and per evaluator. */
export function TrendsPanel() {
  const { t } = useTranslation();
  const trends = useCalibration((s) => s.trends);
  const data = trends.data;
  return (
    <div className="qa-panel">
      <div className="qa-toolbar">
        <div className="field">
          <label htmlFor="cal-trend-days">{t('calibration.trends.days')}</label>
          <select
            id="cal-trend-days"
            value={trends.days}
            onChange={(e) => void loadTrends(Number(e.target.value))}
          >
            {TREND_DAYS.map((d) => (
              <option key={d} value={d}>
                {t('calibration.trends.lastDays', { count: d })}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          onClick={() => void loadTrends()}
          disabled={trends.status === 'loading'}
        >
          {t('qa.refresh')}
        </button>
      </div>
      {trends.status === 'loading' ? (
        <div className="mgr-progress" role="status">
          <span>{t('calibration.trends.progress')}</span>
          <progress aria-label={t('calibration.trends.progress')} />
        </div>
      ) : (
        <LoadState status={trends.status} error={trends.error} />
      )}
      {data && data.sessions.length === 0 && trends.status === 'loaded' ? (
        <p className="muted small" data-testid="cal-trends-empty">
          {t('calibration.trends.empty')}
        </p>
      ) : null}
      {data && data.sessions.length > 0 ? <Trends trends={data} /> : null}
    </div>
  );
}

function Trends({ trends }: { trends: CalibrationTrends }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const pack = useCalls((s) => s.pack);
  const c = { t, lang, pack, today: localDay() };
  const sessions = useMemo(() => sessionsOverTime(trends), [trends]);
  const labels = useMemo(
    () =>
      sessions.map((s) =>
        new Intl.DateTimeFormat(lang, { month: 'short', day: 'numeric' }).format(
          new Date(s.revealedAt),
        ),
      ),
    [sessions, lang],
  );
  const coefficient = useCallback((v: number) => decimal(v, lang, 2), [lang]);
  const lines = useMemo<AgreementLine[]>(
    () => [
      {
        label: t('calibration.figures.percentAgreement'),
        values: sessions.map((s) => s.percentAgreement),
        color: '#1f6feb',
        format: (v) => shareOf(lang, v),
      },
      {
        label: t('calibration.figures.alpha'),
        values: sessions.map((s) => s.krippendorffAlpha.value),
        color: '#e8590c',
        format: coefficient,
      },
      {
        label: t('calibration.figures.fleiss'),
        values: sessions.map((s) => s.fleissKappa.value),
        color: '#6a1b9a',
        format: coefficient,
      },
    ],
    [sessions, t, lang, coefficient],
  );
  return (
    <>
      <Section title={t('calibration.trends.sessionsTitle')} testId="cal-trend-sessions-section">
        <div className="split-columns cal-chart-columns">
          <div className="split-column">
            <AgreementChart
              sessions={labels}
              lines={lines}
              label={t('calibration.trends.chartLabel')}
              xLabel={t('calibration.trends.xLabel')}
              yLabel={t('calibration.trends.yLabel')}
              formatAxis={coefficient}
              testId="cal-trend-chart"
            />
            <p className="mgr-hint">{t('calibration.figures.howToRead')}</p>
          </div>
          <div className="split-column">
            <QaTable
              caption={t('calibration.trends.sessionsCaption')}
              fileName="calibration-sessions"
              table={trendSessionsTable(trends, c)}
              testId="cal-trend-sessions"
            />
          </div>
        </div>
      </Section>
      <Section title={t('calibration.trends.itemsTitle')} testId="cal-trend-items-section">
        <p className="mgr-hint">{t('calibration.trends.itemsIntro')}</p>
        <QaTable
          caption={t('calibration.trends.itemsCaption')}
          fileName="calibration-items"
          table={trendItemsTable(trends, c)}
          testId="cal-trend-items"
          empty={t('calibration.trends.noItems')}
        />
      </Section>
      <Section
        title={t('calibration.trends.evaluatorsTitle')}
        testId="cal-trend-evaluators-section"
      >
        <p className="mgr-hint">{t('calibration.trends.evaluatorsIntro')}</p>
        <QaTable
          caption={t('calibration.trends.evaluatorsCaption')}
          fileName="calibration-evaluators"
          table={trendEvaluatorsTable(trends, c)}
          testId="cal-trend-evaluators"
          empty={t('calibration.trends.noEvaluators')}
        />
      </Section>
    </>
  );
}

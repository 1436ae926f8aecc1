import { useCallback, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KpiDashboard, KpiId } from '@sidecoach/shared';
import { KPI_UNIT } from '@sidecoach/shared';
import { FiguresTable } from './tables.js';
import { bucketLabel, formatFigure } from './format.js';
import { shownKpis, TEAM_KPIS, TREND_COLUMNS } from './kpis.js';
import { bucketDays, type FiguresQuery } from './route.js';
import { TrendChart } from './TrendChart.js';

/**
 * The trend: one KPI chosen for the chart, bucket by bucket against its target, and the table of
 * the main figures per bucket under it (for screen readers and the spreadsheet); a bucket opens
 * the calls behind its number of the charted KPI.
 */
export function TrendSection({
  dashboard,
  query,
  onDrill,
}: {
  dashboard: KpiDashboard;
  query: FiguresQuery;
  onDrill: (kpi: KpiId, days: { from: string; to: string }) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const id = useId();
  const [kpi, setKpi] = useState<KpiId>('serviceLevel');
  const trend = dashboard.trend;
  const labels = useMemo(
    () => trend.map((b) => bucketLabel(b.bucket, dashboard.period, lang)),
    [trend, dashboard.period, lang],
  );
  const values = useMemo(() => trend.map((b) => b.figures[kpi]), [trend, kpi]);
  const target = dashboard.settings.targets[kpi];
  const chartTarget = target === undefined ? null : KPI_UNIT[kpi] === 'ms' ? target * 1000 : target;
  const format = useCallback((v: number) => formatFigure(kpi, v, lang), [kpi, lang]);
  const name = t(`kpi.names.${kpi}`);
  const columns = shownKpis(TREND_COLUMNS, dashboard.total);
  const choices = shownKpis(TEAM_KPIS, dashboard.total);
  return (
    <section className="kpi-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('kpi.trend.title')}</h3>
      <div className="field kpi-chart-pick">
        <label htmlFor={`${id}-kpi`}>{t('kpi.trend.pick')}</label>
        <select id={`${id}-kpi`} value={kpi} onChange={(e) => setKpi(e.target.value as KpiId)}>
          {choices.map((k) => (
            <option key={k} value={k}>
              {t(`kpi.names.${k}`)}
            </option>
          ))}
        </select>
      </div>
      {trend.length > 0 ? (
        <TrendChart
          kpi={kpi}
          buckets={labels}
          values={values}
          target={chartTarget}
          label={t('kpi.trend.chartLabel', { name })}
          xLabel={t(`kpi.trend.x.${dashboard.period}`)}
          yLabel={name}
          lineLabel={dashboard.teamName}
          targetLabel={t('kpi.trend.target')}
          format={format}
        />
      ) : null}
      <FiguresTable
        caption={t('kpi.trend.caption', { team: dashboard.teamName })}
        fileName="kpi-trend"
        testId="kpi-trend"
        head={t(`kpi.trend.x.${dashboard.period}`)}
        columns={columns}
        rows={trend.map((b, i) => ({
          key: b.bucket,
          label: (
            <button
              type="button"
              className="link"
              aria-label={t('kpi.trend.drill', { bucket: labels[i], name })}
              onClick={() => onDrill(kpi, bucketDays(b.bucket, query))}
            >
              {labels[i]}
            </button>
          ),
          figures: b.figures,
        }))}
      />
    </section>
  );
}

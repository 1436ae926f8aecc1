import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { HARMFUL_CATEGORIES } from '@sidecoach/shared';
import { formatRate, weekLabel } from './format.js';
import { RateChart, type ChartLine } from './RateChart.js';
import { countsOf, goodPerWeek, harmfulPerWeek, perNote, type CoachStats } from './rates.js';
import { WeeksTable } from './WeeksTable.js';

const CATEGORY_COLORS = ['#e8590c', '#ad1457', '#6a1b9a', '#5d4037', '#b08800'];

/** One coach's weeks: the rates as a chart, and the counts as a table. */
export function CoachDetail({ coach, weeks }: { coach: CoachStats; weeks: string[] }) {
  const { t, i18n } = useTranslation();
  const labels = useMemo(
    () => weeks.map((w) => weekLabel(w, i18n.language)),
    [weeks, i18n.language],
  );
  const lines = useMemo<ChartLine[]>(() => {
    const n = weeks.length;
    return [
      {
        label: t('languageStats.harmfulRate'),
        values: perNote(harmfulPerWeek(coach, n), coach.notes),
        color: '#c62828',
        bold: true,
      },
      {
        label: t('languageStats.goodRate'),
        values: perNote(goodPerWeek(coach, n), coach.notes),
        color: '#1a7f37',
        bold: true,
      },
      ...HARMFUL_CATEGORIES.map((c, i) => ({
        label: t(`languageCoach.category.${c}`),
        values: perNote(countsOf(coach, c, n), coach.notes),
        color: CATEGORY_COLORS[i % CATEGORY_COLORS.length]!,
        bold: false,
      })),
    ];
  }, [coach, weeks, t]);
  return (
    <section className="coach-detail" aria-labelledby="coach-detail-title">
      <h3 id="coach-detail-title">{coach.displayName}</h3>
      <p className="small muted">{t('languageStats.chartHint')}</p>
      <RateChart
        weeks={labels}
        lines={lines}
        xLabel={t('languageStats.week')}
        yLabel={t('languageStats.perNote')}
        label={t('languageStats.chartLabel', { name: coach.displayName })}
        format={(v) => formatRate(v, i18n.language)}
      />
      <WeeksTable coach={coach} weeks={weeks} />
    </section>
  );
}

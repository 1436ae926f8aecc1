import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StatsTable } from '../../ui/StatsTable.js';
import type { ItemEvidence, ReflectionPrep, StandardsPack } from '@sidecoach/shared';
import { CsatChart, type CsatBars } from '../surveys/CsatChart.js';
import { HBars } from '../../ui/HBars.js';
import { NumberCell } from '../../ui/cells.js';
import { percentCsv } from '../surveys/csv-values.js';
import { mean, percent } from '../surveys/format.js';
import { RateChart, type ChartLine } from '../language-stats/RateChart.js';
import { addTallies, dayText, itemName, rate, total } from './format.js';

const SELF = { color: '#e8590c', fill: 'rgba(232, 89, 12, 0.6)', stroke: '#e8590c' };
const OTHERS = { color: '#1f6feb', fill: 'rgba(31, 111, 235, 0.55)', stroke: '#1f6feb' };

const othersOf = (i: Pick<ItemEvidence, 'observed' | 'qa'>) => addTallies([i.observed, i.qa]);

const hasWeeks = (i: ItemEvidence) => (i.weeks?.length ?? 0) > 0;
/** The standard the trend starts on: the first with a finding, else the first with figures. */
const firstItem = (items: ItemEvidence[]) =>
  (items.find((i) => hasWeeks(i) && i.finding !== null) ?? items.find(hasWeeks))?.itemId ?? null;

/** One standard's weekly share met, the agent's own against everyone else's. */
export function TrendChart({ prep, pack }: { prep: ReflectionPrep; pack: StandardsPack | null }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const withWeeks = prep.items.filter(hasWeeks);
  const [chosen, setChosen] = useState<string | null>(null);
  const itemId = chosen ?? firstItem(prep.items);
  const item = withWeeks.find((i) => i.itemId === itemId);
  const weeks = prep.weeks;
  const labels = useMemo(() => weeks.map((w) => dayText(w, lang)), [weeks, lang]);
  const selfLabel = t('reflection.charts.selfLine');
  const othersLabel = t('reflection.charts.othersLine');
  const lines = useMemo<ChartLine[]>(() => {
    const weeksOf = prep.items.find((i) => i.itemId === itemId)?.weeks;
    const at = (w: string) => weeksOf?.find((x) => x.week === w);
    const self = weeks.map((w) => rate(at(w)?.self ?? { positive: 0, negative: 0 }));
    const others = weeks.map((w) => {
      const x = at(w);
      return x ? rate(othersOf(x)) : null;
    });
    return [
      { label: selfLabel, values: self, color: SELF.color, bold: true },
      { label: othersLabel, values: others, color: OTHERS.color, bold: true },
    ];
  }, [prep, itemId, weeks, selfLabel, othersLabel]);
  if (!item) return null;
  const name = itemName(pack, item.itemId, lang);
  return (
    <section className="reflection-chart" aria-labelledby="trend-title">
      <div className="row">
        <h3 id="trend-title">{t('reflection.charts.trend')}</h3>
        <select
          aria-label={t('reflection.prep.item')}
          value={item.itemId}
          onChange={(e) => setChosen(e.target.value)}
        >
          {withWeeks.map((i) => (
            <option key={i.itemId} value={i.itemId}>
              {itemName(pack, i.itemId, lang)}
            </option>
          ))}
        </select>
      </div>
      <RateChart
        weeks={labels}
        lines={lines}
        label={t('reflection.charts.trendLabel', { item: name })}
        xLabel={t('reflection.charts.week')}
        yLabel={t('reflection.charts.shareMet')}
        format={(v) => percent(v, lang)}
        max={1}
        testId="trend-chart"
      />
      <StatsTable
        caption={t('reflection.charts.trendLabel', { item: name })}
        fileName="session-trend"
        testId="trend-table"
        hiddenCaption
      >
        <thead>
          <tr>
            <th scope="col">{t('reflection.charts.week')}</th>
            <th scope="col">{selfLabel}</th>
            <th scope="col">{othersLabel}</th>
          </tr>
        </thead>
        <tbody>
          {labels.map((w, i) => (
            <tr key={w}>
              <th scope="row" data-csv={weeks[i]}>
                <time dateTime={weeks[i]}>{w}</time>
              </th>
              {[0, 1].map((line) => {
                const value = lines[line]?.values[i] ?? null;
                return (
                  <NumberCell key={line} value={value} csv={percentCsv(value)}>
                    {percent(value, lang)}
                  </NumberCell>
                );
              })}
            </tr>
          ))}
        </tbody>
      </StatsTable>
    </section>
  );
}

/** The agent's share met against others' per standard, for the standards both judged. */
export function CompareChart({
  items,
  pack,
}: {
  items: ItemEvidence[];
  pack: StandardsPack | null;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const selfLabel = t('reflection.charts.selfLine');
  const othersLabel = t('reflection.charts.othersLine');
  const rows = useMemo(
    () =>
      items.flatMap((i) => {
        const others = othersOf(i);
        return i.self && total(i.self) > 0 && total(others) > 0
          ? [{ itemId: i.itemId, self: rate(i.self), others: rate(others) }]
          : [];
      }),
    [items],
  );
  if (rows.length === 0) return null;
  return (
    <section className="reflection-chart" aria-labelledby="compare-title">
      <h3 id="compare-title">{t('reflection.charts.compare')}</h3>
      <HBars
        rows={rows.map((r) => ({
          key: r.itemId,
          label: itemName(pack, r.itemId, lang),
          values: [r.self, r.others],
        }))}
        series={[
          { label: selfLabel, className: 'series-self' },
          { label: othersLabel, className: 'series-others' },
        ]}
        label={t('reflection.charts.compareLabel')}
        format={(v) => percent(v, lang)}
        testId="compare-chart"
      />
    </section>
  );
}

/** Customers' answers in the period: answers per score, CSAT (share of 4-5) by week, comments. */
export function SurveyEvidenceView({ prep }: { prep: ReflectionPrep }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const s = prep.surveys;
  const shareLabel = t('reflection.charts.share');
  const groups = useMemo<CsatBars[]>(
    () =>
      s.csatDistribution
        ? [{ label: shareLabel, distribution: s.csatDistribution, ...OTHERS }]
        : [],
    [s.csatDistribution, shareLabel],
  );
  const weekLabels = useMemo(
    () => (s.weeks ?? []).map((w) => dayText(w.week, lang)),
    [s.weeks, lang],
  );
  const csatLabel = t('reflection.charts.csatLine');
  const lines = useMemo<ChartLine[]>(
    () => [
      {
        label: csatLabel,
        values: (s.weeks ?? []).map((w) => w.csat ?? null),
        color: OTHERS.color,
        bold: true,
      },
    ],
    [s.weeks, csatLabel],
  );
  const answered = (s.responses ?? 0) > 0;
  if (!answered && s.comments.length === 0) return null;
  const answers = (s.csatDistribution ?? []).reduce((a, b) => a + b, 0);
  return (
    <section className="reflection-chart" aria-labelledby="surveys-title">
      <h3 id="surveys-title">{t('reflection.charts.surveys')}</h3>
      {answered ? (
        <>
          <p className="small" data-testid="survey-evidence-summary">
            {t('reflection.charts.responses', {
              count: s.responses,
              csat: percent(s.csat, lang),
              mean: mean(s.meanCsat, lang),
            })}
          </p>
          <CsatChart
            groups={groups}
            label={t('reflection.charts.csatLabel')}
            xLabel={t('reflection.charts.score')}
            yLabel={t('reflection.charts.shareOfAnswers')}
          />
          <table className="stats-table">
            <caption className="visually-hidden">{t('reflection.charts.csatLabel')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reflection.charts.score')}</th>
                {[1, 2, 3, 4, 5].map((n) => (
                  <th key={n} scope="col">
                    {n}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{shareLabel}</th>
                {(s.csatDistribution ?? []).map((c, i) => (
                  <td key={i}>{percent(answers ? c / answers : null, lang)}</td>
                ))}
              </tr>
            </tbody>
          </table>
          {weekLabels.length > 1 ? (
            <>
              <h3>{t('reflection.charts.weekly')}</h3>
              <RateChart
                weeks={weekLabels}
                lines={lines}
                label={t('reflection.charts.weekly')}
                xLabel={t('reflection.charts.week')}
                yLabel={csatLabel}
                format={(v) => percent(v, lang)}
                max={1}
                testId="csat-weekly-chart"
              />
              <p className="small muted">
                {(s.weeks ?? [])
                  .map(
                    (w, i) =>
                      `${weekLabels[i] ?? ''}: ${percent(w.csat ?? null, lang)} (${mean(w.meanCsat, lang)})`,
                  )
                  .join(' · ')}
              </p>
            </>
          ) : null}
        </>
      ) : null}
      {s.comments.length > 0 ? (
        <>
          <h3>{t('reflection.charts.comments')}</h3>
          <ul className="survey-comments small">
            {s.comments.map((c, i) => (
              <li key={i}>“{c.text}”</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

import { useMemo } from 'react';
import uPlot from 'uplot';
import { titledAxis, UPlotChart, type ChartSpec } from '../../ui/chart.js';

export interface CsatBars {
  label: string;
  /** Answers per score, index 0 for 1 up to index 4 for 5. */
  distribution: readonly number[];
  fill: string;
  stroke: string;
}

/** One group of bars: a value (per cent) per category. */
export interface BarGroup {
  label: string;
  values: ReadonlyArray<number | null>;
  fill: string;
  stroke: string;
}

const HEIGHT = 170;
const SCORES = [1, 2, 3, 4, 5];

/** Each score's share of the answers, in per cent (so a team and one agent compare). */
export function shares(distribution: readonly number[]): number[] {
  const total = distribution.reduce((a, b) => a + b, 0);
  return SCORES.map((_, i) => (total === 0 ? 0 : (100 * (distribution[i] ?? 0)) / total));
}

/**
 * Per-cent values per category as grouped bars (one or two groups) drawn by uPlot: a canvas, so
 * its text alternative is the label and the table or list beside it. Both axes are titled; the
 * legend under it names each group with its values, no hovering needed.
 */
export function BarsChart({
  categories,
  groups,
  label,
  xLabel,
  yLabel,
  testId,
}: {
  /** The x axis's labels, one per category. */
  categories: readonly string[];
  groups: BarGroup[];
  label: string;
  /** The x axis's title (the categories' name). */
  xLabel: string;
  /** The y axis's title (what the per cents are of). */
  yLabel: string;
  testId: string;
}) {
  const spec = useMemo<ChartSpec>(() => {
    const bars = uPlot.paths.bars;
    const xs = categories.map((_, i) => i + 1);
    const top = Math.max(10, ...groups.flatMap((g) => g.values.map((v) => v ?? 0)));
    const two = groups.length > 1;
    return {
      data: [xs, ...groups.map((g) => [...g.values])],
      options: {
        scales: {
          x: { time: false, range: [0.4, categories.length + 0.6] },
          y: { range: [0, Math.min(100, Math.ceil(top / 10) * 10)] },
        },
        axes: [
          titledAxis(xLabel, (_u, splits) => splits.map((v) => categories[v - 1] ?? ''), {
            splits: () => xs,
            size: 24,
          }),
          titledAxis(yLabel, (_u, splits) => splits.map((v) => `${v}%`), { size: 40 }),
        ],
        series: [
          { label: xLabel, value: (_u, v) => (v === null ? '' : (categories[v - 1] ?? '')) },
          ...groups.map<uPlot.Series>((g, i) => ({
            label: g.label,
            fill: g.fill,
            stroke: g.stroke,
            width: 1,
            points: { show: false },
            paths: bars?.({ size: [two ? 0.38 : 0.6, 48], align: two ? (i === 0 ? -1 : 1) : 0 }),
            value: (_u, v) => (v === null ? '–' : `${Math.round(v)}%`),
          })),
        ],
        cursor: { y: false, points: { show: false } },
        // The legend is the list under the chart, with the values.
        legend: { show: false },
      },
    };
  }, [categories, groups, xLabel, yLabel]);
  return (
    <>
      <UPlotChart
        spec={spec}
        height={HEIGHT}
        label={label}
        className="bars-chart"
        testId={testId}
      />
      <ul className="chart-legend small" data-testid={`${testId}-legend`}>
        {groups.map((g) => (
          <li key={g.label}>
            <span className="swatch" style={{ background: g.fill, borderColor: g.stroke }} />
            <strong>{g.label}</strong>{' '}
            {categories
              .map(
                (c, i) =>
                  `${c}: ${g.values[i] === null ? '–' : `${Math.round(g.values[i] ?? 0)}%`}`,
              )
              .join(' · ')}
          </li>
        ))}
      </ul>
    </>
  );
}

const SCORE_LABELS = SCORES.map(String);

/** The CSAT distribution as grouped bars, each group's shares of its answers per score. */
export function CsatChart({
  groups,
  label,
  xLabel,
  yLabel,
}: {
  groups: CsatBars[];
  label: string;
  /** The x axis's title (the score). */
  xLabel: string;
  /** The y axis's title (the share of answers). */
  yLabel: string;
}) {
  const bars = useMemo(
    () => groups.map(({ distribution, ...g }) => ({ ...g, values: shares(distribution) })),
    [groups],
  );
  return (
    <BarsChart
      categories={SCORE_LABELS}
      groups={bars}
      label={label}
      xLabel={xLabel}
      yLabel={yLabel}
      testId="csat-chart"
    />
  );
}

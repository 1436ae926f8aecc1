import { useMemo } from 'react';
import type uPlot from 'uplot';
import type { KpiId } from '@sidecoach/shared';
import { KPI_UNIT } from '@sidecoach/shared';
import { titledAxis, UPlotChart, type ChartSpec } from '../../ui/chart.js';

const HEIGHT = 190;
/** The team's line, and its target (dashed), in the charts' colours. */
const LINE = '#1f6feb';
const TARGET = '#1a7f37';

/**
 * One KPI bucket by bucket, drawn with uPlot (a canvas: its text alternative is `label` and the
 * table under it), with the team's target as a dashed line. Both axes are titled; the legend
 * shows the values of the bucket under the cursor, and of the last bucket otherwise.
 */
export function TrendChart({
  kpi,
  buckets,
  values,
  target,
  label,
  xLabel,
  yLabel,
  lineLabel,
  targetLabel,
  format,
}: {
  kpi: KpiId;
  /** The x axis's labels, one per bucket. */
  buckets: readonly string[];
  values: ReadonlyArray<number | null>;
  /** In the figure's unit (ms for times), or null when the team has none. */
  target: number | null;
  label: string;
  xLabel: string;
  yLabel: string;
  lineLabel: string;
  targetLabel: string;
  format: (value: number) => string;
}) {
  const spec = useMemo<ChartSpec>(() => {
    const share = KPI_UNIT[kpi] === 'share';
    const last = buckets.length - 1;
    const series: uPlot.Series[] = [
      { label: xLabel, value: (_u, i) => buckets[i] ?? '' },
      {
        label: lineLabel,
        stroke: LINE,
        width: 2.5,
        spanGaps: false,
        points: { size: 6 },
        value: (_u, v) => (v === null || v === undefined ? '–' : format(v)),
      },
    ];
    const data: uPlot.AlignedData = [buckets.map((_, i) => i), [...values]];
    if (target !== null) {
      series.push({
        label: targetLabel,
        stroke: TARGET,
        width: 1.5,
        dash: [6, 4],
        points: { show: false },
        value: (_u, v) => (v === null || v === undefined ? '–' : format(v)),
      });
      data.push(buckets.map(() => target));
    }
    return {
      data,
      options: {
        scales: {
          x: { time: false, range: [-0.3, Math.max(0.3, last + 0.3)] },
          y: {
            range: (_u, _min, top) => (share ? [0, 1] : [0, Math.max(top, target ?? 0, 1) * 1.1]),
          },
        },
        axes: [
          titledAxis(xLabel, (_u, splits) => splits.map((i) => buckets[i] ?? ''), {
            incrs: [1, 2, 3, 4, 6, 8, 12],
            space: 48,
            size: 30,
          }),
          titledAxis(yLabel, (_u, splits) => splits.map((v) => format(v)), { size: 48 }),
        ],
        series,
        cursor: { y: false },
        hooks: {
          ready: [(u) => u.setLegend({ idx: last })],
          setCursor: [
            (u) => {
              if (u.cursor.idx === null || u.cursor.idx === undefined) u.setLegend({ idx: last });
            },
          ],
        },
      },
    };
  }, [kpi, buckets, values, target, xLabel, yLabel, lineLabel, targetLabel, format]);
  return <UPlotChart spec={spec} height={HEIGHT} label={label} testId="kpi-trend-chart" />;
}

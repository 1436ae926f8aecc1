import { useMemo } from 'react';
import type uPlot from 'uplot';
import { CHART_FONT, UPlotChart, type ChartSpec } from '../../lib/chart.js';

export interface ChartLine {
  label: string;
  values: Array<number | null>;
  color: string;
  /** Bold lines are the totals; thin ones start hidden (the legend shows them). */
  bold: boolean;
}

const HEIGHT = 180;
const rate = (v: number | null | undefined) => (v === null || v === undefined ? '–' : v.toFixed(2));

/**
 * Week-by-week lines drawn with uPlot (a canvas: its text alternative is the table beside it).
 * The legend under it toggles lines and shows the week's values under the cursor.
 */
export function RateChart({
  weeks,
  lines,
  label,
  xLabel,
}: {
  /** Axis labels, one per week. */
  weeks: string[];
  lines: ChartLine[];
  label: string;
  /** The legend's name for the week under the cursor. */
  xLabel: string;
}) {
  const spec = useMemo<ChartSpec>(
    () => ({
      data: [weeks.map((_, i) => i), ...lines.map((l) => l.values)],
      options: {
        scales: { x: { time: false }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
        axes: [
          {
            incrs: [1, 2, 3, 4, 6],
            space: 44,
            values: (_u, splits) => splits.map((i) => weeks[i] ?? ''),
            font: CHART_FONT,
            size: 28,
          },
          { font: CHART_FONT, size: 40, values: (_u, s) => s.map((v) => `${v}`) },
        ],
        series: [
          { label: xLabel, value: (_u, i) => weeks[i] ?? '' },
          ...lines.map<uPlot.Series>((l) => ({
            label: l.label,
            stroke: l.color,
            width: l.bold ? 2.5 : 1.5,
            ...(l.bold ? {} : { dash: [4, 3] }),
            show: l.bold,
            spanGaps: true,
            points: { size: l.bold ? 6 : 4 },
            value: (_u, v) => rate(v),
          })),
        ],
        cursor: { y: false },
      },
    }),
    [weeks, lines, xLabel],
  );
  return <UPlotChart spec={spec} height={HEIGHT} label={label} />;
}

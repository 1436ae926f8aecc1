import { useMemo } from 'react';
import type uPlot from 'uplot';
import { titledAxis, UPlotChart, type ChartSpec } from '../../ui/chart.js';

export interface ChartLine {
  label: string;
  values: Array<number | null>;
  color: string;
  /** Bold lines are the totals; thin ones start hidden (the legend shows them). */
  bold: boolean;
}

const HEIGHT = 180;

/**
 * Week-by-week lines drawn with uPlot (a canvas: its text alternative is the table beside it).
 * Both axes are titled. The legend under it toggles lines and shows the values of the week
 * under the cursor, and of the last week when the cursor is elsewhere (no hovering needed).
 */
export function RateChart({
  weeks,
  lines,
  label,
  xLabel,
  yLabel,
  format,
  max,
  testId,
}: {
  /** Axis labels, one per week. */
  weeks: string[];
  lines: ChartLine[];
  label: string;
  /** The x axis's title and the legend's name for the week. */
  xLabel: string;
  /** The y axis's title (what the lines measure). */
  yLabel: string;
  /** How a value reads on the axis and in the legend, in the UI language. */
  format: (value: number) => string;
  /** A fixed top of the value axis (a share's 1, a mean rating's 5); default: the data's, at least 1. */
  max?: number;
  testId?: string;
}) {
  const spec = useMemo<ChartSpec>(
    () => ({
      data: [weeks.map((_, i) => i), ...lines.map((l) => l.values)],
      options: {
        scales: {
          x: { time: false },
          y: { range: (_u, _min, top) => [0, max ?? Math.max(1, top)] },
        },
        axes: [
          titledAxis(xLabel, (_u, splits) => splits.map((i) => weeks[i] ?? ''), {
            incrs: [1, 2, 3, 4, 6],
            space: 44,
            size: 24,
          }),
          titledAxis(yLabel, (_u, s) => s.map((v) => format(v)), { size: 40 }),
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
            value: (_u, v) => (v === null || v === undefined ? '–' : format(v)),
          })),
        ],
        cursor: { y: false },
        hooks: {
          // Off the chart, the legend shows the last week rather than dashes.
          ready: [(u) => u.setLegend({ idx: weeks.length - 1 })],
          setCursor: [
            (u) => {
              if (u.cursor.idx === null || u.cursor.idx === undefined)
                u.setLegend({ idx: weeks.length - 1 });
            },
          ],
        },
      },
    }),
    [weeks, lines, xLabel, yLabel, format, max],
  );
  return <UPlotChart spec={spec} height={HEIGHT} label={label} testId={testId} />;
}

import { useMemo } from 'react';
import type uPlot from 'uplot';
import { titledAxis, UPlotChart, type ChartSpec } from '../../ui/chart.js';

export interface AgreementLine {
  label: string;
  values: Array<number | null>;
  color: string;
  /** How a value reads in the legend ("83%", "0.62"). */
  format: (value: number) => string;
}

const HEIGHT = 200;
/** Room for one date under the x axis, in CSS pixels. */
const LABEL_WIDTH = 72;

/**
 * Agreement per revealed session, oldest first, drawn by uPlot (a canvas: its text alternative
 * is the label and the table beside it). Percent agreement, kappa and alpha share one axis: 1 is
 * perfect agreement, 0 is none (kappa and alpha: what chance alone gives; below 0 is worse).
 * The legend shows the values of the session under the cursor, else of the last one.
 */
export function AgreementChart({
  sessions,
  lines,
  label,
  xLabel,
  yLabel,
  formatAxis,
  testId,
}: {
  /** Axis labels, one per session. */
  sessions: string[];
  lines: AgreementLine[];
  label: string;
  xLabel: string;
  yLabel: string;
  formatAxis: (value: number) => string;
  testId: string;
}) {
  const spec = useMemo<ChartSpec>(() => {
    const low = Math.min(0, ...lines.flatMap((l) => l.values.map((v) => v ?? 0)));
    const last = sessions.length - 1;
    return {
      data: [sessions.map((_, i) => i), ...lines.map((l) => l.values)],
      options: {
        scales: {
          x: { time: false, range: [-0.5, Math.max(0.5, last + 0.5)] },
          y: { range: [Math.floor(low * 4) / 4, 1] },
        },
        axes: [
          titledAxis(xLabel, (_u, splits) => splits.map((i) => sessions[i] ?? ''), {
            // Every session's date when they fit, else every second, third...
            splits: (u) => {
              const fit = Math.max(1, Math.floor(u.bbox.width / devicePixelRatio / LABEL_WIDTH));
              const every = Math.ceil(sessions.length / fit);
              return sessions.map((_, i) => i).filter((i) => i % every === 0);
            },
            size: 30,
          }),
          titledAxis(yLabel, (_u, s) => s.map((v) => formatAxis(v)), { size: 44 }),
        ],
        series: [
          { label: xLabel, value: (_u, i) => sessions[i] ?? '' },
          ...lines.map<uPlot.Series>((l) => ({
            label: l.label,
            stroke: l.color,
            width: 2,
            spanGaps: true,
            points: { size: 6 },
            value: (_u, v) => (v === null || v === undefined ? '–' : l.format(v)),
          })),
        ],
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
  }, [sessions, lines, xLabel, yLabel, formatAxis]);
  return <UPlotChart spec={spec} height={HEIGHT} label={label} testId={testId} />;
}

import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

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
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const opts: uPlot.Options = {
      width: Math.max(200, el.clientWidth),
      height: HEIGHT,
      scales: { x: { time: false }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
      axes: [
        {
          incrs: [1, 2, 3, 4, 6],
          space: 44,
          values: (_u, splits) => splits.map((i) => weeks[i] ?? ''),
          font: '11px system-ui, sans-serif',
          size: 28,
        },
        { font: '11px system-ui, sans-serif', size: 40, values: (_u, s) => s.map((v) => `${v}`) },
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
    };
    const data: uPlot.AlignedData = [weeks.map((_, i) => i), ...lines.map((l) => l.values)];
    const plot = new uPlot(opts, data, el);
    const resize = new ResizeObserver(() =>
      plot.setSize({ width: Math.max(200, el.clientWidth), height: HEIGHT }),
    );
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [weeks, lines, xLabel]);
  return <div ref={box} className="rate-chart" role="img" aria-label={label} />;
}

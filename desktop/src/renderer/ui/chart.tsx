import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/** The axes' font: the UI's, a size smaller. */
const CHART_FONT = '11px system-ui, sans-serif';
const MIN_WIDTH = 200;

/** An axis in the UI's type, titled (every chart names what its axes measure). */
export function titledAxis(
  label: string,
  values: uPlot.Axis['values'],
  extra: Omit<uPlot.Axis, 'label' | 'values'> = {},
): uPlot.Axis {
  return { font: CHART_FONT, labelFont: CHART_FONT, labelSize: 16, label, values, ...extra };
}

/** A uPlot chart's options (its width follows the box) and data; memoize them in the caller. */
export interface ChartSpec {
  options: Omit<uPlot.Options, 'width' | 'height'>;
  data: uPlot.AlignedData;
}

/**
 * A uPlot chart (a canvas) that fills its box's width and follows it when the box resizes; it is
 * drawn again when `spec` changes. Its text alternative is `label` and, beside it, the caller's
 * table of the same figures.
 */
export function UPlotChart({
  spec,
  height,
  label,
  className,
  testId,
}: {
  spec: ChartSpec;
  height: number;
  label: string;
  className?: string;
  testId?: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const width = () => Math.max(MIN_WIDTH, el.clientWidth);
    const plot = new uPlot({ ...spec.options, width: width(), height }, spec.data, el);
    const resize = new ResizeObserver(() => plot.setSize({ width: width(), height }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [spec, height]);
  return (
    <div
      ref={box}
      className={className ? `chart ${className}` : 'chart'}
      role="img"
      aria-label={label}
      data-testid={testId}
    />
  );
}

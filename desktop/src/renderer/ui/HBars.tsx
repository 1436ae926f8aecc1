/** One row of a horizontal bar chart: its name and a value (0..1, or none) per series. */
export interface HBarRow {
  key: string;
  label: string;
  values: ReadonlyArray<number | null>;
}

/**
 * Horizontal bars in HTML: each row named in full (a standard's wording wraps at 360 px, where a
 * canvas axis could show only numbers), each bar with its value printed beside it, the series in
 * a legend above. Readable as it is by screen readers; no hovering.
 */
export function HBars({
  rows,
  series,
  label,
  format,
  testId,
}: {
  rows: readonly HBarRow[];
  series: ReadonlyArray<{ label: string; className: string }>;
  /** What the chart shows (its caption for assistive technology). */
  label: string;
  format: (value: number | null) => string;
  testId: string;
}) {
  return (
    <figure className="hbars" data-testid={testId}>
      <figcaption className="visually-hidden">{label}</figcaption>
      <ul className="hbars-legend small">
        {series.map((s) => (
          <li key={s.label}>
            <span className={`swatch ${s.className}`} aria-hidden="true" />
            {s.label}
          </li>
        ))}
      </ul>
      <dl>
        {rows.map((row) => (
          <div key={row.key} className="hbars-row">
            <dt>{row.label}</dt>
            {series.map((s, i) => {
              const v = row.values[i] ?? null;
              return (
                <dd key={s.label}>
                  <span className="visually-hidden">{s.label}: </span>
                  <span className="hbars-track" aria-hidden="true">
                    <span
                      className={`hbars-fill ${s.className}`}
                      style={{ width: `${Math.round(100 * Math.max(0, Math.min(1, v ?? 0)))}%` }}
                    />
                  </span>
                  <span className="hbars-value">{format(v)}</span>
                </dd>
              );
            })}
          </div>
        ))}
      </dl>
    </figure>
  );
}

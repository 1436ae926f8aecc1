// What a table's CSV file holds where a cell shows a date or a number in the UI's language: the
// machine value (ISO 8601 times and days, numbers as JavaScript writes them: no grouping, a
// point for decimals), so a spreadsheet reads 2026-11-27 and 4.2 in any language. Pure (no
// React): the row builders of the manager views (qa/rows.ts and those built on it) use it too.

/** A cell that shows `text` and leaves in a CSV file as `csv`. */
export interface MachineText {
  text: string;
  csv: string;
}

/** A table cell: its text, or its text and machine value. */
export type Cell = string | MachineText;

export const cellText = (cell: Cell): string => (typeof cell === 'string' ? cell : cell.text);
export const cellCsv = (cell: Cell): string => (typeof cell === 'string' ? cell : cell.csv);

/** A number as JavaScript writes it, rounded to `digits` decimals (trailing zeros dropped). */
export function csvNumber(value: number, digits = 3): string {
  const scale = 10 ** digits;
  return String(Math.round(value * scale) / scale);
}

/** A percentage (0-100 points) with one decimal at most and its sign: "82.5%". */
export const csvPercent = (points: number): string => `${csvNumber(points, 1)}%`;

/** A share (0-1) as a percentage: 0.255 -> "25.5%". */
export const csvShare = (share: number): string => csvPercent(share * 100);

/** A cell of a time (ISO 8601) shown as `text`. */
export const timeCell = (iso: string, text: string): MachineText => ({ text, csv: iso });

/** A cell of a number shown as `text` (null: the dash of no value, empty in the file). */
export const numberCell = (value: number | null, text: string, csv = csvNumber): MachineText => ({
  text,
  csv: value === null ? '' : csv(value),
});

import { decimal } from '../../lib/format.js';
import { csvNumber } from '../../ui/machine.js';

/** "3 Mar" / "3月3日": a week's Monday (YYYY-MM-DD, UTC) in the UI language. */
export function weekLabel(week: string, lang: string): string {
  const date = new Date(`${week}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return week;
  return new Intl.DateTimeFormat(lang, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
    date,
  );
}

/** A rate per note, two decimals in the UI language; a dash when there were no notes. */
export const formatRate = (v: number | null, lang: string) =>
  v === null ? '–' : decimal(v, lang, 2);

/** The same rate as the CSV file holds it: two decimals, a point ("0.25"); empty for none. */
export const rateCsv = (v: number | null) => (v === null ? '' : csvNumber(v, 2));

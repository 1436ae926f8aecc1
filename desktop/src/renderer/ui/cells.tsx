import type { ReactNode, TdHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { fullDateTime, shortDateTime } from '../lib/format.js';
import { csvNumber } from './machine.js';

// Table cells of dates and numbers: shown in the UI's language, carrying their machine value in
// `data-csv` for the table's CSV file (StatsTable's tableCells reads it).

type TdProps = Omit<TdHTMLAttributes<HTMLTableCellElement>, 'children'>;

const DAY = /^\d{4}-\d\d-\d\d$/u;

/** How a time is shown: month, day and time; with the year; the calendar day only. */
export type DateStyle = 'short' | 'full' | 'day';

function dateText(iso: string, style: DateStyle, lang: string): string {
  if (style === 'day' || DAY.test(iso)) {
    // A YYYY-MM-DD day is that calendar day wherever the device is.
    const [y, m, d] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
    const date = DAY.test(iso) ? new Date(y, m - 1, d) : new Date(iso);
    return new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }).format(date);
  }
  return (style === 'full' ? fullDateTime(lang) : shortDateTime(lang)).format(new Date(iso));
}

/**
 * A cell of a time (ISO 8601) or a day (YYYY-MM-DD): a `<time>` in the UI's language on screen,
 * the ISO value in the CSV file. Null: a dash, empty in the file.
 */
export function DateCell({
  iso,
  dateStyle = 'short',
  ...td
}: { iso: string | null; dateStyle?: DateStyle } & TdProps) {
  const { i18n } = useTranslation();
  if (iso === null)
    return (
      <td {...td} data-csv="">
        –
      </td>
    );
  return (
    <td {...td} data-csv={iso}>
      <time dateTime={iso}>{dateText(iso, dateStyle, i18n.language)}</time>
    </td>
  );
}

/**
 * A cell of a number: `children` as shown (a mean, a percentage in the UI's language; by
 * default the number as the language writes it), `csv` in the file (by default the number as
 * JavaScript writes it, three decimals at most). Null: a dash, empty in the file.
 */
export function NumberCell({
  value,
  csv,
  children,
  ...td
}: { value: number | null; csv?: string; children?: ReactNode } & TdProps) {
  const { i18n } = useTranslation();
  const shown =
    children ?? (value === null ? '–' : new Intl.NumberFormat(i18n.language).format(value));
  return (
    <td {...td} data-csv={csv ?? (value === null ? '' : csvNumber(value))}>
      {shown}
    </td>
  );
}

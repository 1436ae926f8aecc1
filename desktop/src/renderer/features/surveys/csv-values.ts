import { csvNumber, csvShare } from '../../ui/machine.js';

// The survey tables' figures as their CSV files hold them (apart from format.ts, which loads
// with the sidebar: these only with the coaches' screens).

/** A mean as the CSV file holds it: one decimal, as shown ("4.2"), empty for none. */
export const meanCsv = (value: number | null | undefined) =>
  value === null || value === undefined || Number.isNaN(value) ? '' : csvNumber(value, 1);

/** A share as the CSV file holds it ("12.5%"), empty for none. */
export const percentCsv = (value: number | null | undefined) =>
  value === null || value === undefined || Number.isNaN(value) ? '' : csvShare(value);

import type { SurveyResponse } from '@sidecoach/shared';
import { decimal } from '../../lib/format.js';

/** "12%", or "2.5%" below ten per cent (small exclusion rates matter); a dash for none. */
export function percent(value: number | null | undefined, lang: string): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  const digits = value > 0 && value < 0.1 ? 1 : 0;
  return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: digits }).format(
    value,
  );
}

/** A mean score with one decimal ("4.2"); a dash when nobody answered. */
export function mean(value: number | null | undefined, lang: string): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return decimal(value, lang, 1);
}

/** Low (1-2), middling (3) or high (4-5): the colour of a CSAT score. */
export const csatTone = (csat: number | null) =>
  csat === null ? 'none' : csat <= 2 ? 'low' : csat === 3 ? 'mid' : 'high';

export interface Summary {
  key: string;
  count: number;
  meanCsat: number | null;
}

/** The customers' own answers: those that look like staff gave them are counted apart. */
export const customersOwn = (responses: readonly SurveyResponse[]) =>
  responses.filter((r) => r.selfAnswer === null);

/**
 * Answers counted and CSAT averaged per key (agent, call type), most answers first; answers set
 * apart as looking like staff gave them are left out (the hub's report does the same).
 */
export function summarize(
  responses: readonly SurveyResponse[],
  keyOf: (r: SurveyResponse) => string,
): Summary[] {
  const groups = new Map<string, { count: number; sum: number; scored: number }>();
  for (const r of customersOwn(responses)) {
    const g = groups.get(keyOf(r)) ?? { count: 0, sum: 0, scored: 0 };
    g.count++;
    if (r.csat !== null) {
      g.sum += r.csat;
      g.scored++;
    }
    groups.set(keyOf(r), g);
  }
  return [...groups.entries()]
    .map(([key, g]) => ({ key, count: g.count, meanCsat: g.scored ? g.sum / g.scored : null }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/** The mean CSAT of a list of answers (null: none scored). */
export function meanCsat(responses: readonly SurveyResponse[]): number | null {
  const scored = customersOwn(responses).filter((r) => r.csat !== null);
  return scored.length ? scored.reduce((a, r) => a + (r.csat ?? 0), 0) / scored.length : null;
}

import { csatMean, csatShare, type SurveyResponse } from '@sidecoach/shared';
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
  /** CSAT: the share of 4 and 5 answers (null: none scored). */
  csat: number | null;
  /** The mean rating 1-5, the labelled second figure. */
  meanCsat: number | null;
}

/** The customers' own answers: those that look like staff gave them are counted apart. */
export const customersOwn = (responses: readonly SurveyResponse[]) =>
  responses.filter((r) => r.selfAnswer === null);

const scores = (responses: readonly SurveyResponse[]) =>
  customersOwn(responses).flatMap((r) => (r.csat === null ? [] : [r.csat]));

/**
 * Answers counted, CSAT (share of 4 and 5) and the mean rating per key (agent, call type), most
 * answers first; answers set apart as looking like staff gave them are left out (the hub's
 * report does the same).
 */
export function summarize(
  responses: readonly SurveyResponse[],
  keyOf: (r: SurveyResponse) => string,
): Summary[] {
  const groups = new Map<string, SurveyResponse[]>();
  for (const r of customersOwn(responses)) {
    const group = groups.get(keyOf(r));
    if (group) group.push(r);
    else groups.set(keyOf(r), [r]);
  }
  return [...groups.entries()]
    .map(([key, group]) => ({ key, count: group.length, ...csatOf(group) }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/** CSAT (share of 4 and 5) and the mean rating of a list of answers (null: none scored). */
export function csatOf(responses: readonly SurveyResponse[]): {
  csat: number | null;
  meanCsat: number | null;
} {
  const answers = scores(responses);
  return { csat: csatShare(answers), meanCsat: csatMean(answers) };
}

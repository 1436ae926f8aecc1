import { GOOD_CATEGORIES, HARMFUL_CATEGORIES, type LanguageStats } from '@sidecoach/shared';

export type CoachStats = LanguageStats['coaches'][number];

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** A category's count in each week (zeros when the hub sent none). */
export function countsOf(coach: CoachStats, category: string, weeks: number): number[] {
  const counts = coach.counts[category] ?? [];
  return Array.from({ length: weeks }, (_, i) => counts[i] ?? 0);
}

/** Findings of the given categories in each week. */
export function totalsOf(coach: CoachStats, categories: readonly string[], weeks: number) {
  return Array.from({ length: weeks }, (_, i) =>
    sum(categories.map((c) => countsOf(coach, c, weeks)[i]!)),
  );
}

/** Per note, so a coach who writes more notes is not penalised; null for a week without notes. */
export function perNote(counts: readonly number[], notes: readonly number[]): Array<number | null> {
  return counts.map((c, i) => ((notes[i] ?? 0) > 0 ? c / notes[i]! : null));
}

export const harmfulPerWeek = (coach: CoachStats, weeks: number) =>
  totalsOf(coach, HARMFUL_CATEGORIES, weeks);
export const goodPerWeek = (coach: CoachStats, weeks: number) =>
  totalsOf(coach, GOOD_CATEGORIES, weeks);

/** How many weeks the trend compares at each end: a third of the range, at least one. */
export const trendWindow = (weeks: number) => Math.max(1, Math.ceil(weeks / 3));

export interface Trend {
  /** Harmful findings per note over the first and the last weeks; null without notes. */
  first: number | null;
  last: number | null;
  direction: 'better' | 'worse' | 'same' | 'unknown';
}

/** Harmful patterns per note in the first weeks against the last weeks. */
export function trendOf(coach: CoachStats, weeks: number): Trend {
  const n = trendWindow(weeks);
  const harmful = harmfulPerWeek(coach, weeks);
  const notes = Array.from({ length: weeks }, (_, i) => coach.notes[i] ?? 0);
  const rate = (from: number, to: number) => {
    const written = sum(notes.slice(from, to));
    return written > 0 ? sum(harmful.slice(from, to)) / written : null;
  };
  const first = rate(0, n);
  const last = rate(weeks - n, weeks);
  if (first === null || last === null) return { first, last, direction: 'unknown' };
  const delta = last - first;
  return {
    first,
    last,
    direction: Math.abs(delta) < 0.05 ? 'same' : delta < 0 ? 'better' : 'worse',
  };
}

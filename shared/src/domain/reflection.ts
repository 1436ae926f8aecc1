import { z } from 'zod';
import { STANDARD_AREAS, type StandardsPack } from './standards.js';

// Reflective coaching (see DOMAIN.md, "Three coaching channels" and "Self-assessment"): the
// agent's view of each standard item beside everyone else's over a period, and what is worth
// talking about. The value is the discrepancy: rated high by the agent and low by others (a blind
// spot), or the reverse (low confidence). Pure: the hub counts, this compares.

/** Answers for one item: yes / met against no / missed (N/A answers are not counted). */
export const TallySchema = z.object({
  positive: z.number().int().min(0),
  negative: z.number().int().min(0),
});
export type Tally = z.infer<typeof TallySchema>;

export const EMPTY_TALLY: Tally = Object.freeze({ positive: 0, negative: 0 });

/** Where a judgement of the agent's work comes from. */
export const EVIDENCE_SOURCES = ['self', 'observed', 'qa'] as const;
export type EvidenceSource = (typeof EVIDENCE_SOURCES)[number];

/** One item's judgements in a period: the agent's own, supervisors' observations and QA. */
export interface ItemTallies {
  self: Tally;
  observed: Tally;
  qa: Tally;
}

export const FINDINGS = ['blind-spot', 'low-confidence', 'strength'] as const;
export const FindingSchema = z.enum(FINDINGS);
export type Finding = z.infer<typeof FindingSchema>;

/**
 * When a difference is worth a conversation. Below these counts a rate says little: three
 * self-assessments and two judgements by others are the least we compare.
 */
export const DISCREPANCY_RULES = Object.freeze({
  minSelf: 3,
  minOthers: 2,
  /** Self rate minus others' rate, in either direction. */
  gap: 0.3,
  /**
   * And the gap must be one chance alone would make less than 1 time in 20 (a two-proportion
   * z-test): 8 of 10 against 5 of 10 is a 0.3 gap that chance makes often.
   */
  z: 1.96,
  /** A strength: others rate it at least this high, on at least `minStrength` judgements. */
  strengthRate: 0.85,
  minStrength: 3,
});
export type DiscrepancyRules = typeof DISCREPANCY_RULES;

export const total = (t: Tally) => t.positive + t.negative;

/** Share of positive answers, or null with none. */
export function rate(t: Tally): number | null {
  const n = total(t);
  return n === 0 ? null : t.positive / n;
}

export function addTallies(...tallies: readonly Tally[]): Tally {
  let positive = 0;
  let negative = 0;
  for (const t of tallies) {
    positive += t.positive;
    negative += t.negative;
  }
  return { positive, negative };
}

/** Everyone but the agent: supervisors' observations and QA evaluations together. */
export const othersTally = (t: ItemTallies): Tally => addTallies(t.observed, t.qa);

export interface ItemComparison {
  selfRate: number | null;
  othersRate: number | null;
  /** Self rate minus others' rate, when both have enough answers to compare. */
  gap: number | null;
  finding: Finding | null;
}

/** Compares the agent's view of one item with others'; a blind spot wins over a strength. */
export function compareItem(
  t: ItemTallies,
  rules: DiscrepancyRules = DISCREPANCY_RULES,
): ItemComparison {
  const others = othersTally(t);
  const selfRate = rate(t.self);
  const othersRate = rate(others);
  const comparable =
    selfRate !== null &&
    othersRate !== null &&
    total(t.self) >= rules.minSelf &&
    total(others) >= rules.minOthers;
  const gap = comparable ? round(selfRate - othersRate) : null;
  const real = gap !== null && Math.abs(zScore(t.self, others)) >= rules.z;
  let finding: Finding | null = null;
  if (real && gap >= rules.gap) finding = 'blind-spot';
  else if (real && gap <= -rules.gap) finding = 'low-confidence';
  else if (
    othersRate !== null &&
    othersRate >= rules.strengthRate &&
    total(others) >= rules.minStrength &&
    (selfRate === null || selfRate >= othersRate - rules.gap)
  )
    finding = 'strength';
  return { selfRate, othersRate, gap, finding };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Two-proportion z statistic of a's positive share against b's (0 when it cannot be told). */
export function zScore(a: Tally, b: Tally): number {
  const na = total(a);
  const nb = total(b);
  if (na === 0 || nb === 0) return 0;
  const pooled = (a.positive + b.positive) / (na + nb);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / na + 1 / nb));
  if (se === 0) return 0; // both all yes, or both all no: no difference
  return (a.positive / na - b.positive / nb) / se;
}

export const AGENDA_KINDS = ['review-action', 'blind-spot', 'low-confidence', 'strength'] as const;
export const AgendaKindSchema = z.enum(AGENDA_KINDS);
export type AgendaKind = z.infer<typeof AgendaKindSchema>;

export const AgendaItemSchema = z.object({
  kind: AgendaKindSchema,
  /** The standard item talked about (null for an action not tied to one). */
  itemId: z.string().nullable(),
  /** The earlier session's action reviewed (review-action only). */
  actionId: z.string().nullable(),
});
export type AgendaItem = z.infer<typeof AgendaItemSchema>;

/** How many of each the proposed agenda holds, so a session stays a conversation. */
/** At most this many of each kind are proposed (together well under a session's 20 entries). */
export const AGENDA_LIMITS = Object.freeze({ reviews: 8, discrepancies: 4, strengths: 2 });

/**
 * The proposed agenda: open actions from earlier sessions first (the session starts by reviewing
 * them; the first `reviews` in the order given, soonest due), then blind spots and low-confidence items, widest gap first, then the strongest
 * standards for specific recognition.
 */
export function proposeAgenda(
  items: ReadonlyArray<{ itemId: string; tallies: ItemTallies }>,
  openActions: ReadonlyArray<{ id: string; itemId: string | null }>,
  rules: DiscrepancyRules = DISCREPANCY_RULES,
): AgendaItem[] {
  const compared = items.map((i) => ({ itemId: i.itemId, ...compareItem(i.tallies, rules) }));
  const discrepancies = compared
    .filter((c) => c.finding === 'blind-spot' || c.finding === 'low-confidence')
    .sort((a, b) => Math.abs(b.gap ?? 0) - Math.abs(a.gap ?? 0) || a.itemId.localeCompare(b.itemId))
    .slice(0, AGENDA_LIMITS.discrepancies);
  const strengths = compared
    .filter((c) => c.finding === 'strength')
    .sort((a, b) => (b.othersRate ?? 0) - (a.othersRate ?? 0) || a.itemId.localeCompare(b.itemId))
    .slice(0, AGENDA_LIMITS.strengths);
  return [
    ...openActions.slice(0, AGENDA_LIMITS.reviews).map((a) => ({
      kind: 'review-action' as const,
      itemId: a.itemId,
      actionId: a.id,
    })),
    ...discrepancies.map((c) => ({
      kind: c.finding as AgendaKind,
      itemId: c.itemId,
      actionId: null,
    })),
    ...strengths.map((c) => ({ kind: 'strength' as const, itemId: c.itemId, actionId: null })),
  ];
}

/** The scorecard items of a pack with their areas, in the pack's order. */
export function scorecardItems(pack: StandardsPack) {
  return pack.areas.flatMap((area) =>
    area.items.filter((item) => item.scorecard).map((item) => ({ area: area.id, item })),
  );
}

export const StandardAreaIdSchema = z.enum(STANDARD_AREAS);

/** Monday 00:00 UTC of the week holding `iso`, as YYYY-MM-DD: trends are weekly. */
export function weekStart(iso: string): string {
  const d = new Date(iso);
  const day = (d.getUTCDay() + 6) % 7; // Monday 0
  const monday = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day);
  return new Date(monday).toISOString().slice(0, 10);
}

/** Every week start from the week of `from` to the week of `to`, in order. */
export function weeksBetween(from: string, to: string): string[] {
  const weeks: string[] = [];
  const last = weekStart(to);
  for (let w = weekStart(from); w <= last;) {
    weeks.push(w);
    w = new Date(Date.parse(w) + 7 * 86_400_000).toISOString().slice(0, 10);
    if (weeks.length > 60) break; // a year and more: bounded whatever the input
  }
  return weeks;
}

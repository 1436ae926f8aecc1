import type { StandardItem, StandardsPack } from './standards.js';
import { DEFAULT_BONUS_CAP } from './scoring.js';

// Which edits of a standards pack make a new version and which are a revision of the same one
// (README, "Scorecard versions"). A version changes what a score means: every result is read
// against the version it was scored with. A revision only rewords: its history is kept and the
// scores already stored under the version are untouched.

/** How an edit is published: a new version, a revision of the same version, or not at all. */
export type ScorecardChange = 'version' | 'revision' | 'none';

/** What of an item bears on scoring or on which items a call shows: everything but its texts. */
function scoringOf(item: StandardItem, area: string) {
  return {
    area,
    weight: item.weight,
    critical: item.critical,
    criticalScope: item.critical ? (item.criticalScope ?? 'call') : null,
    naAllowed: item.naAllowed ?? true,
    bonus: item.bonus ?? false,
    scorecard: item.scorecard,
    callTypes: item.callTypes ? [...item.callTypes].sort() : null,
    showWhen: item.showWhen
      ? { item: item.showWhen.item, answers: [...item.showWhen.answers].sort() }
      : null,
  };
}

/** The pack reduced to what scoring reads, in a canonical order (texts and item order left out). */
function scoringShape(pack: StandardsPack): string {
  const items = pack.areas
    .flatMap((a) => a.items.map((i) => [i.id, scoringOf(i, a.id)] as const))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify({
    id: pack.id,
    bonusCap: pack.bonusCap ?? DEFAULT_BONUS_CAP,
    callTypes: pack.callTypes.map((c) => c.id).sort(),
    items,
  });
}

/** Everything but the version number: texts, order and the "comment on a no" rule included. */
const contentOf = (pack: StandardsPack) => JSON.stringify({ ...pack, version: 0 });

/**
 * How publishing `after` over `before` is taken. Scoring changes (an item added or removed,
 * moved to another area, a weight, critical or its scope, N/A allowed, bonus, the bonus cap,
 * which call types or answers show it, on or off the scorecard, the call types) make a new
 * version. Texts, the order of items, and requiring a comment on a "no" (which asks more of the
 * evaluator but scores the same) are a revision.
 */
export function scorecardChange(before: StandardsPack, after: StandardsPack): ScorecardChange {
  if (scoringShape(before) !== scoringShape(after)) return 'version';
  return contentOf(before) === contentOf(after) ? 'none' : 'revision';
}

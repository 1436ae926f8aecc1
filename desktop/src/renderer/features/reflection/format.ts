import { localize, type StandardsPack, type Tally } from '@sidecoach/shared';
import { percent } from '../surveys/format.js';

// Tallies are summed and rated here, as shared/domain/reflection.ts does, rather than imported
// from there: that module brings its zod schemas into the bundle with it (the renderer is held
// to a size budget), and the hub has compared the items already.
export const total = (t: Tally) => t.positive + t.negative;
export const rate = (t: Tally) => (total(t) === 0 ? null : t.positive / total(t));
export const addTallies = (tallies: Array<Tally | undefined>): Tally => ({
  positive: tallies.reduce((n, t) => n + (t?.positive ?? 0), 0),
  negative: tallies.reduce((n, t) => n + (t?.negative ?? 0), 0),
});

/**
 * What the UI may hold of the protocol's limits (shared/protocol/reflection.ts, whose schemas
 * would come into the bundle with them); the hub checks them, and says so if these fall behind.
 */
export const LIMITS = { note: 5000, actionText: 500, actionsPerSession: 10 } as const;

/** A standard item's text in the UI language (its id if the pack no longer has it). */
export function itemName(pack: StandardsPack | null, itemId: string | null, lang: string): string {
  for (const area of pack?.areas ?? [])
    for (const item of area.items) if (item.id === itemId) return localize(item.text, lang);
  return itemId ?? '';
}

/** The standard item, for its call types (absent: every call type). */
export function findItem(pack: StandardsPack | null, itemId: string | null) {
  return pack?.areas.flatMap((a) => a.items).find((i) => i.id === itemId);
}

/** "4/5 · 80%", or a dash with no answers. */
export function tallyText(
  tally: Tally | undefined,
  lang: string,
  format: (v: { positive: string; total: string; rate: string }) => string,
): string {
  if (!tally || total(tally) === 0) return '–';
  return format({
    positive: String(tally.positive),
    total: String(total(tally)),
    rate: percent(rate(tally), lang),
  });
}

/** A calendar day (YYYY-MM-DD) in the UI language ("Nov 25"). */
export function dayText(day: string, lang: string, withYear = false): string {
  return new Intl.DateTimeFormat(lang, {
    ...(withYear ? { year: 'numeric' } : {}),
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));
}

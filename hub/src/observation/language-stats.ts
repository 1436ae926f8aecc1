import { analyze, LANGUAGE_CATEGORIES, type LanguageStats } from '@sidecoach/shared';
import type { Db } from '../store/db.js';
import { periodRange, type PeriodRequest } from '../lib/period.js';

const DAY_MS = 86_400_000;
/** Notes analysed, remembered by id: a note's text never changes once stored. */
const MEMO_LIMIT = 50_000;
const memo = new Map<string, string[]>();

function categoriesOf(id: string, text: string, lang: string): string[] {
  let found = memo.get(id);
  if (!found) {
    found = analyze(text, lang).map((f) => f.category);
    if (memo.size >= MEMO_LIMIT) memo.delete(memo.keys().next().value!);
    memo.set(id, found);
  }
  return found;
}

/** Monday 00:00 UTC of the week `time` falls in. */
export function weekStart(time: Date): Date {
  const day = new Date(Date.UTC(time.getUTCFullYear(), time.getUTCMonth(), time.getUTCDate()));
  return new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * DAY_MS);
}

/**
 * How each coach words the notes they write about the given agents, week by week over the
 * period (each week that it touches): observations with text and coaching notes, read by the
 * language analyzer in the language each note was written in.
 */
export async function languageStats(
  db: Db,
  agentIds: string[],
  period: PeriodRequest,
  now = new Date(),
): Promise<LanguageStats> {
  const range = periodRange(period, now);
  const first = weekStart(new Date(range.from));
  const weeks =
    Math.round((weekStart(new Date(range.to)).getTime() - first.getTime()) / (7 * DAY_MS)) + 1;
  const weekList = Array.from({ length: weeks }, (_, i) =>
    new Date(first.getTime() + i * 7 * DAY_MS).toISOString().slice(0, 10),
  );
  if (agentIds.length === 0) return { weeks: weekList, coaches: [] };
  const since = range.from;
  // A custom range ends at its last day; the last `days` take every note up to now (a device's
  // clock a little ahead included).
  const custom = period.to !== undefined;
  const notes = [
    ...(await db
      .selectFrom('observations')
      .innerJoin('users', 'users.id', 'observations.author_id')
      .select(['observations.id', 'author_id', 'display_name', 'text', 'lang', 'at'])
      .where('agent_id', 'in', agentIds)
      .where('at', '>=', since)
      .$if(custom, (q) => q.where('at', '<', range.to))
      .where('text', '!=', '')
      .execute()),
    ...(await db
      .selectFrom('coaching_notes')
      .innerJoin('users', 'users.id', 'coaching_notes.author_id')
      .select(['coaching_notes.id', 'author_id', 'display_name', 'text', 'lang', 'at'])
      .where('agent_id', 'in', agentIds)
      .where('at', '>=', since)
      .$if(custom, (q) => q.where('at', '<', range.to))
      .execute()),
  ];
  const coaches = new Map<string, LanguageStats['coaches'][number]>();
  for (const note of notes) {
    const week = Math.floor((new Date(note.at).getTime() - first.getTime()) / (7 * DAY_MS));
    if (week < 0 || week >= weeks) continue;
    let coach = coaches.get(note.author_id);
    if (!coach) {
      coach = {
        coachId: note.author_id,
        displayName: note.display_name,
        notes: new Array<number>(weeks).fill(0),
        counts: Object.fromEntries(
          LANGUAGE_CATEGORIES.map((c) => [c, new Array<number>(weeks).fill(0)]),
        ),
      };
      coaches.set(note.author_id, coach);
    }
    coach.notes[week]!++;
    for (const category of categoriesOf(note.id, note.text, note.lang))
      coach.counts[category]![week]!++;
  }
  return {
    weeks: weekList,
    coaches: [...coaches.values()].sort((a, b) => a.displayName.localeCompare(b.displayName)),
  };
}

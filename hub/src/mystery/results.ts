import {
  CallerProfileSchema,
  scorecardFor,
  waveResults,
  type MysteryResults,
  type Programme,
  type ResultsItem,
  type ResultsReport,
  type ScoreResult,
  type StandardsPack,
  type Wave,
} from '@sidecoach/shared';
import type { Db } from '../store/db.js';
import type { MysteryWaveRow } from '../store/schema.js';

// A wave's results for the quality manager: shared waveResults over the wave's reports (it
// counts approved ones only), the programme's previous wave beside it, and the waves of
// competitor programmes over overlapping dates (shown beside, never ranked with ours).

const json = <T>(text: string): T => JSON.parse(text) as T;

/** The reports of some waves, every status, with what the breakdowns read. */
async function reportsOf(db: Db, waveIds: readonly string[]) {
  if (waveIds.length === 0) return [];
  const rows = await db
    .selectFrom('mystery_assignments as a')
    .innerJoin('mystery_reports as r', 'r.assignment_id', 'a.id')
    .innerJoin('teams as t', 't.id', 'a.team_id')
    .leftJoin('users as agent', 'agent.id', 'r.agent_id')
    .leftJoin('mystery_callers as c', 'c.user_id', 'r.caller_id')
    .select([
      'a.wave_id',
      'a.status',
      'a.team_id',
      'a.call_type',
      'a.day_part',
      'a.weekend',
      't.name as team_name',
      'r.score',
      'r.answers',
      'r.ratings',
      'r.agent_id',
      'agent.display_name as agent_name',
      'c.region',
      'c.age_band',
      'c.language',
    ])
    .where('a.wave_id', 'in', waveIds)
    .where('r.submitted_at', 'is not', null)
    .orderBy('r.called_at')
    .execute();
  return rows.map((r) => {
    const profile = CallerProfileSchema.partial().safeParse({
      region: r.region ?? undefined,
      ageBand: r.age_band ?? undefined,
      language: r.language ?? undefined,
    });
    const report: ResultsReport = {
      status: r.status,
      score: r.score === null ? null : json<ScoreResult>(r.score),
      answers: json(r.answers),
      ratings: json(r.ratings),
      teamId: r.team_id,
      teamName: r.team_name,
      agentId: r.agent_id,
      agentName: r.agent_name,
      callType: r.call_type,
      dayPart: r.day_part,
      weekend: r.weekend === 1,
      profile: profile.success ? profile.data : {},
    };
    return { waveId: r.wave_id, report };
  });
}

const approvedScores = (rows: Awaited<ReturnType<typeof reportsOf>>, waveId: string) =>
  rows
    .filter((r) => r.waveId === waveId && r.report.status === 'approved')
    .map((r) => r.report.score?.percent ?? null);

export async function resultsOf(
  db: Db,
  wave: Wave,
  row: MysteryWaveRow,
  programme: Programme,
  pack: StandardsPack,
  lang: string,
): Promise<MysteryResults> {
  const text = (t: Record<string, string>) => t[lang] ?? t.en ?? Object.values(t)[0] ?? '';
  const previous = await db
    .selectFrom('mystery_waves')
    .selectAll()
    .where('programme_id', '=', row.programme_id)
    .where('id', '!=', row.id)
    .where('status', '!=', 'draft')
    .where('from_day', '<', row.from_day)
    .orderBy('from_day', 'desc')
    .executeTakeFirst();
  const competitors =
    programme.objective === 'competitor'
      ? []
      : await db
          .selectFrom('mystery_waves as w')
          .innerJoin('mystery_programmes as p', 'p.id', 'w.programme_id')
          .select(['w.id', 'w.name', 'p.name as programme_name', 'p.competitor'])
          .where('p.objective', '=', 'competitor')
          .where('w.status', '!=', 'draft')
          .where('w.from_day', '<=', row.to_day)
          .where('w.to_day', '>=', row.from_day)
          .orderBy('w.from_day')
          .execute();
  const all = await reportsOf(db, [
    row.id,
    ...(previous ? [previous.id] : []),
    ...competitors.map((c) => c.id),
  ]);
  // The questionnaire's items in scorecard order across the pack's call types.
  const chosen = new Set(programme.itemIds);
  const seen = new Set<string>();
  const items: ResultsItem[] = pack.callTypes.flatMap((ct) =>
    scorecardFor(pack, ct.id).flatMap(({ area, item }) => {
      if (!chosen.has(item.id) || seen.has(item.id)) return [];
      seen.add(item.id);
      return [{ id: item.id, area, name: text(item.text) }];
    }),
  );
  const figures = waveResults({
    items,
    callTypeNames: Object.fromEntries(pack.callTypes.map((ct) => [ct.id, text(ct.name)])),
    target: programme.target,
    ratingIds: programme.ratings.map((r) => r.id),
    competitor: programme.objective === 'competitor',
    reports: all.filter((r) => r.waveId === row.id).map((r) => r.report),
    previous: previous
      ? { waveId: previous.id, name: previous.name, scores: approvedScores(all, previous.id) }
      : null,
    competitors: competitors.map((c) => ({
      programmeName: c.programme_name,
      competitor: c.competitor ?? c.programme_name,
      waveName: c.name,
      scores: approvedScores(all, c.id),
    })),
  });
  return { wave, programme, ...figures };
}

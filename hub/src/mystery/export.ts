import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { scorecardFor, type Answer, type Rating, type ScoreResult } from '@sidecoach/shared';
import type { Budgets } from '../lib/budgets.js';
import type { HubContext } from '../lib/context.js';
import { pagedRows, sendCsvStream, type CsvCell } from '../lib/csv-stream.js';
import { IdSchema, refuse, registerCsvExport } from '../lib/export-route.js';
import type { Db } from '../store/db.js';
import { isManager, NOT_MANAGER } from './policy.js';
import { programmeRow, waveRow, waveSettings } from './records.js';

// GET /api/mystery/results.csv?waveId: the wave's approved reports, the ones its results count,
// one row per report, called first first: where and whom the call reached, the caller's profile
// (never who they are), the score and grade, then the questionnaire's answers as columns
// `item:<id>` (the programme's items in scorecard order; empty where the call type does not
// ask it) and the ratings as `rating:<id>` (1-5). Quality managers only: agents learn of
// mystery calls from their released results, callers never see a team or an agent.

export const MYSTERY_CSV_COLUMNS = [
  'called_at',
  'assignment_id',
  'wave',
  'wave_id',
  'programme',
  'team',
  'team_id',
  'agent',
  'agent_id',
  'call_id',
  'match',
  'call_type',
  'scenario',
  'day',
  'day_part',
  'weekend',
  'caller_region',
  'caller_age_band',
  'caller_language',
  'score_percent',
  'passed',
  'critical_fail',
  'critical_items',
  'grade',
  'reviewed_at',
  'impression',
] as const;

const ResultsQuerySchema = z.strictObject({ waveId: IdSchema });

const json = <T>(text: string | null): T | null => (text === null ? null : (JSON.parse(text) as T));

function approved(db: Db, waveId: string) {
  return db
    .selectFrom('mystery_assignments as a')
    .innerJoin('mystery_reports as r', 'r.assignment_id', 'a.id')
    .innerJoin('teams as t', 't.id', 'a.team_id')
    .leftJoin('users as agent', 'agent.id', 'r.agent_id')
    .leftJoin('mystery_callers as c', 'c.user_id', 'r.caller_id')
    .where('a.wave_id', '=', waveId)
    .where('a.status', '=', 'approved')
    .where('r.submitted_at', 'is not', null);
}

function page(db: Db, waveId: string, after: [string, string] | null, size: number) {
  let q = approved(db, waveId).select([
    'a.id',
    'a.team_id',
    'a.call_type',
    'a.scenario_id',
    'a.day',
    'a.day_part',
    'a.weekend',
    't.name as team_name',
    'r.called_at',
    'r.call_id',
    'r.match_method',
    'r.agent_id',
    'agent.display_name as agent_name',
    'r.answers',
    'r.ratings',
    'r.score',
    'r.grade',
    'r.reviewed_at',
    'r.impression',
    'c.region',
    'c.age_band',
    'c.language',
  ]);
  if (after)
    q = q.where((eb) =>
      eb.or([
        eb('r.called_at', '>', after[0]),
        eb.and([eb('r.called_at', '=', after[0]), eb('a.id', '>', after[1])]),
      ]),
    );
  return q.orderBy('r.called_at').orderBy('a.id').limit(size).execute();
}

export function registerMysteryExport(app: FastifyInstance, ctx: HubContext, budgets: Budgets) {
  const { db, standards } = ctx;
  registerCsvExport(app, db, budgets, {
    path: '/api/mystery/results.csv',
    budget: 'mystery-results.csv',
    query: ResultsQuerySchema,
    refuse: (user) => (isManager(user) ? null : NOT_MANAGER),
    send: async (_user, { waveId }, reply) => {
      const wave = await waveRow(db, waveId);
      if (!wave) return refuse('not_found', `no wave ${waveId}`);
      if (wave.status === 'draft') return refuse('conflict', 'the wave has not been launched');
      const programme = (await programmeRow(db, wave.programme_id))!;
      const pack = await standards.version(programme.pack_id, programme.pack_version);
      if (!pack)
        return refuse(
          'not_found',
          `scorecard ${programme.pack_id} version ${programme.pack_version} is not stored`,
        );
      // The questionnaire's items in scorecard order across the pack's call types (as results).
      const chosen = new Set(json<string[]>(programme.item_ids));
      const items = [
        ...new Set(
          pack.callTypes.flatMap((ct) =>
            scorecardFor(pack, ct.id)
              .map((s) => s.item.id)
              .filter((id) => chosen.has(id)),
          ),
        ),
      ];
      const ratings = (json<Rating[]>(programme.ratings) ?? []).map((r) => r.id);
      const scenarios = new Map(waveSettings(wave).scenarios.map((s) => [s.id, s.title]));
      const total = Number(
        (
          await approved(db, waveId)
            .select((eb) => eb.fn.countAll<number | string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
      const cells = (r: Awaited<ReturnType<typeof page>>[number]): CsvCell[] => {
        const score = json<ScoreResult>(r.score);
        const answers = json<Record<string, Answer>>(r.answers) ?? {};
        const given = json<Record<string, number>>(r.ratings) ?? {};
        return [
          new Date(r.called_at),
          r.id,
          wave.name,
          wave.id,
          programme.name,
          r.team_name,
          r.team_id,
          r.agent_name,
          r.agent_id,
          r.call_id,
          r.match_method,
          r.call_type,
          scenarios.get(r.scenario_id) ?? r.scenario_id,
          r.day,
          r.day_part,
          r.weekend === 1,
          r.region,
          r.age_band,
          r.language,
          score?.percent ?? null,
          score?.passed ?? null,
          score ? score.criticalFailed.length > 0 : null,
          score?.criticalFailed.join(' ') ?? null,
          r.grade,
          r.reviewed_at === null ? null : new Date(r.reviewed_at),
          r.impression,
          ...items.map((id) => answers[id] ?? null),
          ...ratings.map((id) => given[id] ?? null),
        ];
      };
      return sendCsvStream(reply, {
        name: 'mystery-results',
        header: [
          ...MYSTERY_CSV_COLUMNS,
          ...items.map((id) => `item:${id}`),
          ...ratings.map((id) => `rating:${id}`),
        ],
        total,
        rows: (async function* () {
          if (total === 0) return;
          for await (const r of pagedRows(
            (after: [string, string] | null, size) => page(db, waveId, after, size),
            (r): [string, string] => [r.called_at, r.id],
          ))
            yield cells(r);
        })(),
      });
    },
  });
}

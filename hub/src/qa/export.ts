import type { FastifyInstance } from 'fastify';
import { allItems, type Answer, type ScoreResult, type StandardsPack } from '@sidecoach/shared';
import type { Budgets } from '../lib/budgets.js';
import type { HubContext } from '../lib/context.js';
import { pagedRows, sendCsvStream, type CsvCell } from '../lib/csv-stream.js';
import { IdSchema, periodQuery, refuse, registerCsvExport } from '../lib/export-route.js';
import { coachedAgentIds, teamNamesOf, type AuthUser } from '../lib/people.js';
import type { Db } from '../store/db.js';
import { coachesTeam, isAdmin, isCoach } from './policy.js';
import { evaluationQuery, type EvaluationJoined } from './records.js';
import { registerCalibrationExport } from './calibration-export.js';

// GET /api/qa/evaluations.csv: one row per evaluation (not one per item), so a spreadsheet
// holds one evaluation a line with its score beside its answers. The item answers are columns
// `item:<id>` (yes / no / na, empty where the item was not on that evaluation's scorecard): the
// scorecard items of every pack version the exported evaluations were scored with, in the
// pack's order, newest version first. An answer to an item no stored version names (an import
// scored against a pack this hub does not hold) goes to `other_answers` as `id=answer`, so
// nothing is left out.

export const EVALUATIONS_CSV_COLUMNS = [
  'evaluated_at',
  'evaluation_id',
  'status',
  'source',
  'version',
  'agent',
  'agent_id',
  'team',
  'evaluator',
  'evaluator_id',
  'call_id',
  'call_type',
  'pack_id',
  'pack_version',
  'score_percent',
  'passed',
  'critical_fail',
  'critical_items',
  'released_at',
  'acknowledged_at',
  'dispute_until',
  'tips',
] as const;

const EvaluationsQuerySchema = periodQuery({ teamId: IdSchema.optional() }, 366);

interface Scope {
  /** null: every agent (a quality manager). */
  agentIds: readonly string[] | null;
  teamId: string | undefined;
  from: string;
  to: string;
}

/** Submitted evaluations in the scope (never a draft: it is its evaluator's until submitted). */
function scoped(db: Db, scope: Scope) {
  let q = evaluationQuery(db)
    .where('e.status', '!=', 'draft')
    .where('e.evaluated_at', '>=', scope.from)
    .where('e.evaluated_at', '<', scope.to);
  if (scope.agentIds) q = q.where('e.agent_id', 'in', scope.agentIds);
  const teamId = scope.teamId;
  if (teamId)
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('team_members as m')
          .select('m.user_id')
          .whereRef('m.user_id', '=', 'e.agent_id')
          .where('m.team_id', '=', teamId),
      ),
    );
  return q;
}

function page(db: Db, scope: Scope, after: [string, string] | null, size: number) {
  let q = scoped(db, scope);
  if (after)
    q = q.where((eb) =>
      eb.or([
        eb('e.evaluated_at', '>', after[0]),
        eb.and([eb('e.evaluated_at', '=', after[0]), eb('e.id', '>', after[1])]),
      ]),
    );
  return q.orderBy('e.evaluated_at').orderBy('e.id').limit(size).execute();
}

/** The item columns: every scorecard item of the versions used, newest version first. */
async function itemColumns(ctx: HubContext, scope: Scope): Promise<string[]> {
  const versions = await scoped(ctx.db, scope)
    .clearSelect()
    .select(['e.pack_id', 'e.pack_version'])
    .distinct()
    .orderBy('e.pack_id')
    .orderBy('e.pack_version', 'desc')
    .execute();
  const ids = new Set<string>();
  for (const v of versions) {
    const pack: StandardsPack | undefined = await ctx.standards.version(v.pack_id, v.pack_version);
    for (const item of pack ? allItems(pack) : []) if (item.scorecard) ids.add(item.id);
  }
  return [...ids];
}

const json = <T>(text: string | null): T | null => (text === null ? null : (JSON.parse(text) as T));

function cells(r: EvaluationJoined, items: readonly string[], team: string | undefined): CsvCell[] {
  const score = json<ScoreResult>(r.score);
  const answers = json<Record<string, Answer>>(r.answers) ?? {};
  const columns = new Set(items);
  const other = Object.entries(answers)
    .filter(([id]) => !columns.has(id))
    .map(([id, a]) => `${id}=${a}`)
    .join(' ');
  return [
    new Date(r.evaluated_at),
    r.id,
    r.status,
    r.source,
    r.version,
    r.agent_name,
    r.agent_id,
    team,
    r.evaluator_name,
    r.evaluator_id,
    r.call_id,
    r.call_type,
    r.pack_id,
    r.pack_version,
    score?.percent ?? null,
    score?.passed ?? null,
    score ? score.criticalFailed.length > 0 : null,
    score?.criticalFailed.join(' ') ?? null,
    r.released_at === null ? null : new Date(r.released_at),
    r.acknowledged_at === null ? null : new Date(r.acknowledged_at),
    r.dispute_until,
    r.tips,
    ...items.map((id) => answers[id] ?? null),
    other,
  ];
}

/** Whose evaluations the user exports (as qa:list): a quality manager every agent's. */
async function scopeOf(
  db: Db,
  user: AuthUser,
  teamId: string | undefined,
): Promise<readonly string[] | null | string> {
  if (isAdmin(user)) return null;
  if (teamId && !coachesTeam(user, teamId))
    return 'leads and supervisors export their own teams’ evaluations';
  return coachedAgentIds(db, user);
}

/**
 * GET /api/qa/evaluations.csv?from&to[&teamId] (evaluated in the period, oldest first) and
 * GET /api/qa/calibration.csv (calibration-export.ts), for coaches and quality managers.
 */
export function registerQaExports(app: FastifyInstance, ctx: HubContext, budgets: Budgets) {
  const { db } = ctx;
  registerCsvExport(app, db, budgets, {
    path: '/api/qa/evaluations.csv',
    budget: 'evaluations.csv',
    query: EvaluationsQuerySchema,
    refuse: (user) =>
      isCoach(user) ? null : 'evaluation exports are for coaches and quality managers',
    send: async (user, { teamId, range }, reply) => {
      const agents = await scopeOf(db, user, teamId);
      if (typeof agents === 'string') return refuse('forbidden', agents);
      const scope: Scope = { agentIds: agents, teamId, ...range };
      const empty = agents !== null && agents.length === 0;
      const [count, items] = empty
        ? [0, []]
        : await Promise.all([
            scoped(db, scope)
              .clearSelect()
              .select((eb) => eb.fn.countAll<number | string>().as('n'))
              .executeTakeFirstOrThrow()
              .then((r) => Number(r.n)),
            itemColumns(ctx, scope),
          ]);
      const agentIds =
        agents ??
        (await scoped(db, scope).clearSelect().select('e.agent_id').distinct().execute()).map(
          (r) => r.agent_id,
        );
      const teams = empty ? new Map<string, string>() : await teamNamesOf(db, agentIds);
      return sendCsvStream(reply, {
        name: 'evaluations',
        header: [...EVALUATIONS_CSV_COLUMNS, ...items.map((id) => `item:${id}`), 'other_answers'],
        total: count,
        rows: (async function* () {
          if (count === 0) return;
          for await (const r of pagedRows(
            (after: [string, string] | null, size) => page(db, scope, after, size),
            (r): [string, string] => [r.evaluated_at, r.id],
          ))
            yield cells(r, items, teams.get(r.agent_id));
        })(),
      });
    },
  });
  registerCalibrationExport(app, ctx, budgets);
}

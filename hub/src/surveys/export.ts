import type { FastifyInstance } from 'fastify';
import type { Budgets } from '../lib/budgets.js';
import type { HubContext } from '../lib/context.js';
import { pagedRows, sendCsvStream, type CsvCell } from '../lib/csv-stream.js';
import { IdSchema, periodQuery, refuse, registerCsvExport } from '../lib/export-route.js';
import { notMysteryCall } from '../lib/mystery-calls.js';
import { teamNamesOf } from '../lib/people.js';
import type { Db } from '../store/db.js';
import { coachedAgents, isSurveyCoach } from './policy.js';
import { responsesQuery, type ResponseRow } from './responses.js';

/** The columns of GET /api/surveys/responses.csv, one row per customer's response. */
export const RESPONSES_CSV_COLUMNS = [
  'submitted_at',
  'call_id',
  'agent',
  'agent_id',
  'team',
  'call_type',
  'survey_id',
  'channel',
  'lang',
  'csat',
  'resolved',
  'effort',
  'comment',
  /** Why it looks like staff answered it (empty: nothing says so); left out of CSAT. */
  'self_answer',
] as const;

const ResponsesQuerySchema = periodQuery({ teamId: IdSchema.optional() }, 366);

/** The filters of one export: its agents and instants (`to` excluded). */
interface Scope {
  agentIds: string[];
  from: string;
  to: string;
}

function scoped(db: Db, scope: Scope) {
  return (
    responsesQuery(db)
      .where('survey_responses.agent_id', 'in', scope.agentIds)
      .where('survey_responses.submitted_at', '>=', scope.from)
      .where('survey_responses.submitted_at', '<', scope.to)
      // Answers on a mystery call are not a customer's, as in the report.
      .where(notMysteryCall('survey_responses.call_id'))
  );
}

/** One page of responses after `after` (submitted_at, call_id), oldest first. */
function page(db: Db, scope: Scope, after: [string, string] | null, size: number) {
  let q = scoped(db, scope);
  if (after)
    q = q.where((eb) =>
      eb.or([
        eb('survey_responses.submitted_at', '>', after[0]),
        eb.and([
          eb('survey_responses.submitted_at', '=', after[0]),
          eb('survey_responses.call_id', '>', after[1]),
        ]),
      ]),
    );
  return q
    .orderBy('survey_responses.submitted_at')
    .orderBy('survey_responses.call_id')
    .limit(size)
    .execute();
}

const cells = (r: ResponseRow, team: string | undefined): CsvCell[] => [
  new Date(r.submitted_at),
  r.call_id,
  r.agent_name,
  r.agent_id,
  team,
  r.call_type,
  r.survey_id,
  r.channel,
  r.lang,
  r.csat,
  r.resolved === null ? null : r.resolved === 1,
  r.effort,
  r.comment,
  r.self_answer,
];

/**
 * GET /api/surveys/responses.csv?from&to[&teamId]: every customer's survey response in the
 * coach's scope (as survey:report: their teams' agents, one team with teamId, a quality
 * manager every agent), mystery calls left out, oldest first. Agents read their own in the
 * sidebar, not as a file.
 */
export function registerSurveyExport(app: FastifyInstance, ctx: HubContext, budgets: Budgets) {
  const { db } = ctx;
  registerCsvExport(app, db, budgets, {
    path: '/api/surveys/responses.csv',
    budget: 'responses.csv',
    query: ResponsesQuerySchema,
    refuse: (user) =>
      isSurveyCoach(user)
        ? null
        : 'survey response exports are for team leads, supervisors and quality managers',
    send: async (user, { teamId, range }, reply) => {
      const coached = await coachedAgents(db, user, teamId);
      if (!coached.ok) return refuse('forbidden', coached.message);
      const scope: Scope = { agentIds: coached.agentIds, ...range };
      const total =
        scope.agentIds.length === 0
          ? 0
          : Number(
              (
                await scoped(db, scope)
                  .clearSelect()
                  .select((eb) => eb.fn.countAll<number | string>().as('n'))
                  .executeTakeFirstOrThrow()
              ).n,
            );
      const teams = await teamNamesOf(db, scope.agentIds);
      return sendCsvStream(reply, {
        name: 'survey-responses',
        header: RESPONSES_CSV_COLUMNS,
        total,
        rows: (async function* () {
          if (total === 0) return;
          for await (const r of pagedRows(
            (after: [string, string] | null, size) => page(db, scope, after, size),
            (r): [string, string] => [r.submitted_at, r.call_id],
          ))
            yield cells(r, teams.get(r.agent_id));
        })(),
      });
    },
  });
}

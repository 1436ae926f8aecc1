import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  QaImportRequestSchema,
  scorecardFor,
  scorecardItems,
  scoreScorecard,
  type Answer,
  type StandardsPack,
} from '@sidecoach/shared';
import type { HubContext } from '../lib/context.js';
import { bearerUser } from '../lib/tokens.js';
import { sendError } from '../lib/http-errors.js';
import {
  activeUserByUsername,
  agentOfCall,
  importEvaluations,
  type NewEvaluation,
} from './qa-records.js';

/** How far in the future an evaluation time may be (clock skew between tools). */
const FUTURE_SKEW_MS = 5 * 60_000;

type Evaluation = z.output<typeof QaImportRequestSchema>['evaluations'][number];

/** Same keys in the same order, so a re-import compares equal to what was stored. */
const sortedAnswers = (answers: Record<string, string>) =>
  JSON.stringify(
    Object.fromEntries(Object.entries(answers).sort(([a], [b]) => a.localeCompare(b))),
  );

/**
 * The call type an evaluation without a call is scored as: the pack's first whose scorecard
 * holds every answered item, else the one holding the most of them (the QA tool did not say).
 */
function callTypeOfAnswers(pack: StandardsPack, answered: string[]): string {
  let best = pack.callTypes[0]!.id;
  let most = -1;
  for (const { id } of pack.callTypes) {
    const items = new Set(scorecardFor(pack, id).map((s) => s.item.id));
    const held = answered.filter((a) => items.has(a)).length;
    if (held === answered.length) return id;
    if (held > most) [best, most] = [id, held];
  }
  return best;
}

/**
 * Scores the imports stored before imports were scored (their score is null), once, as an import
 * is scored now: against the pack version it names, as its call's type (else as the call type
 * its answers fit). Rows whose pack version is gone keep no score. Idempotent across nodes.
 */
export async function scoreEarlierImports(ctx: HubContext): Promise<number> {
  const rows = await ctx.db
    .selectFrom('qa_evaluations as e')
    .leftJoin('calls as c', 'c.id', 'e.call_id')
    .select(['e.id', 'e.pack_id', 'e.pack_version', 'e.answers', 'c.call_type'])
    .where('e.source', '=', 'import')
    .where('e.score', 'is', null)
    .execute();
  let scored = 0;
  for (const row of rows) {
    const pack = await ctx.standards.version(row.pack_id, row.pack_version);
    if (!pack) continue;
    const answers = JSON.parse(row.answers) as Record<string, Answer>;
    const callType = row.call_type ?? callTypeOfAnswers(pack, Object.keys(answers));
    const result = await ctx.db
      .updateTable('qa_evaluations')
      .set({ score: JSON.stringify(scoreScorecard(pack, callType, answers)) })
      .where('id', '=', row.id)
      .where('score', 'is', null)
      .executeTakeFirst();
    scored += Number(result.numUpdatedRows);
  }
  if (scored > 0) ctx.log.info({ scored }, 'QA imports stored before scoring: scored once');
  return scored;
}

/**
 * `POST /api/qa/evaluations`: QA results from an external QA tool (recorded quality monitoring),
 * for a quality manager's (admin's) bearer token. All or nothing; idempotent on each id.
 */
export function registerQaRoutes(app: FastifyInstance, ctx: HubContext) {
  const { db } = ctx;

  /** The row to store, or why the evaluation cannot be taken. */
  async function resolve(e: Evaluation): Promise<NewEvaluation | string> {
    const agent = await activeUserByUsername(db, e.agentUsername);
    if (agent?.role !== 'agent') return `no agent with username "${e.agentUsername}"`;
    const pack: StandardsPack | undefined =
      e.packId !== undefined && e.packVersion !== undefined
        ? await ctx.standards.version(e.packId, e.packVersion)
        : ctx.standards.active;
    if (!pack) return `no standards pack ${e.packId} version ${e.packVersion}`;
    const items = new Set(scorecardItems(pack).map((i) => i.item.id));
    const unknown = Object.keys(e.answers).filter((id) => !items.has(id));
    if (unknown.length > 0)
      return `not on the ${pack.id} v${pack.version} scorecard: ${unknown.join(', ')}`;
    if (Date.parse(e.evaluatedAt) > Date.now() + FUTURE_SKEW_MS)
      return 'evaluatedAt is in the future';
    const call = e.callId ? await agentOfCall(db, e.callId) : undefined;
    if (e.callId && call?.agentId !== agent.id)
      return `call ${e.callId} is not a call of this agent`;
    const callType = call?.callType ?? callTypeOfAnswers(pack, Object.keys(e.answers));
    return {
      id: e.id,
      agent_id: agent.id,
      call_id: e.callId,
      evaluator_name: e.evaluatorName,
      pack_id: pack.id,
      pack_version: pack.version,
      answers: sortedAnswers(e.answers),
      evaluated_at: new Date(e.evaluatedAt).toISOString(),
      // Scored once, at import, as an evaluation made in the app is at submission.
      score: JSON.stringify(scoreScorecard(pack, callType, e.answers)),
      source: 'import',
      status: 'imported',
    };
  }

  app.post('/api/qa/evaluations', async (request, reply) => {
    const user = await bearerUser(db, request.headers.authorization);
    if (!user)
      return sendError(
        reply,
        'unauthorized',
        'send a quality manager’s token: Authorization: Bearer <token>',
      );
    if (user.role !== 'admin')
      return sendError(reply, 'forbidden', 'only quality managers (admins) import QA evaluations');
    const parsed = QaImportRequestSchema.safeParse(request.body);
    if (!parsed.success) return sendError(reply, 'bad_request', z.prettifyError(parsed.error));
    const { evaluations } = parsed.data;
    if (new Set(evaluations.map((e) => e.id)).size !== evaluations.length)
      return sendError(reply, 'bad_request', 'an evaluation id appears twice in the request');
    const rows: NewEvaluation[] = [];
    for (const [i, e] of evaluations.entries()) {
      const row = await resolve(e);
      if (typeof row === 'string')
        return sendError(reply, 'bad_request', `evaluations[${i}] (${e.id}): ${row}`);
      rows.push(row);
    }
    const outcome = await ctx.inbox.submit(importEvaluations(rows));
    if ('conflict' in outcome)
      return sendError(
        reply,
        'conflict',
        `evaluation ${outcome.conflict} was imported before with other content; nothing was stored`,
      );
    request.log.info(
      { stored: outcome.stored.length, unchanged: outcome.unchanged.length, by: user.id },
      'QA evaluations imported',
    );
    return reply.send(outcome);
  });
}

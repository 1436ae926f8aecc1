import type { QaImportResult, Role } from '@sidecoach/shared';
import type { Job } from '../lib/jobs.js';
import { nowIso, type Db } from '../store/db.js';
import type { Insertable } from 'kysely';
import type { QaEvaluationRow, QaEvaluationsTable } from '../store/schema.js';

// The reads and the write of the QA import (`POST /api/qa/evaluations`, qa.ts).

/**
 * An evaluation as the import stores it (source 'import', status 'imported': read-only in the
 * app); `created_at` is the moment of the import.
 */
export type NewEvaluation = Omit<Insertable<QaEvaluationsTable>, 'created_at'>;

/** The enabled account a QA tool names by username, if there is one. */
export async function activeUserByUsername(
  db: Db,
  username: string,
): Promise<{ id: string; role: Role } | undefined> {
  return db
    .selectFrom('users')
    .select(['id', 'role'])
    .where('username', '=', username)
    .where('disabled', '=', 0)
    .executeTakeFirst();
}

/** Whose call it is (so an evaluation cannot be pinned on another agent's call), and its type. */
export async function agentOfCall(
  db: Db,
  callId: string,
): Promise<{ agentId: string; callType: string } | undefined> {
  const call = await db
    .selectFrom('calls')
    .select(['agent_id', 'call_type'])
    .where('id', '=', callId)
    .executeTakeFirst();
  return call && { agentId: call.agent_id, callType: call.call_type };
}

/** The QA tool's content (the score is derived from it and not compared). */
const sameContent = (a: QaEvaluationRow, b: NewEvaluation) =>
  a.agent_id === b.agent_id &&
  a.call_id === b.call_id &&
  a.evaluator_name === b.evaluator_name &&
  a.pack_id === b.pack_id &&
  a.pack_version === b.pack_version &&
  a.answers === b.answers &&
  a.evaluated_at === b.evaluated_at;

/**
 * Stores the evaluations not stored yet, all or nothing: an id imported before with the same
 * content is unchanged (a re-import), with other content a conflict that stores none.
 */
export function importEvaluations(
  rows: NewEvaluation[],
): Job<QaImportResult | { conflict: string }> {
  return async (trx) => {
    const stored = await trx
      .selectFrom('qa_evaluations')
      .selectAll()
      .where(
        'id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
    const clash = rows.find((r) => {
      const before = stored.find((s) => s.id === r.id);
      return before && !sameContent(before, r);
    });
    if (clash) return { result: { conflict: clash.id }, messages: [] };
    const fresh = rows.filter((r) => !stored.some((s) => s.id === r.id));
    const createdAt = nowIso();
    for (const row of fresh)
      await trx
        .insertInto('qa_evaluations')
        .values({ ...row, created_at: createdAt })
        .execute();
    const result: QaImportResult = {
      stored: fresh.map((r) => r.id),
      unchanged: stored.map((s) => s.id),
    };
    return { result, messages: [] };
  };
}

import type { Answer, CalibrationCreateSchema, ScoreResult } from '@sidecoach/shared';
import type { z } from 'zod';
import { recordAudit } from '../lib/audit.js';
import type { Job, Trx } from '../lib/jobs.js';
import { done, refused, type Outcome } from './jobs.js';
import { nowIso } from '../store/db.js';
import { forUpdate } from '../store/dialect.js';

// The writes of calibration, as inbox jobs (committed before they are acknowledged). Each locks
// the session row and checks its status in its own transaction: a sheet saved while the
// facilitator reveals is either in the reveal or refused, never half of both.

type CreateInput = z.output<typeof CalibrationCreateSchema>;
type Changed = Outcome<{ changed: boolean }>;

const lockedSession = (trx: Trx, id: string) =>
  forUpdate(
    trx,
    trx.selectFrom('calibration_sessions').selectAll().where('id', '=', id),
  ).executeTakeFirst();

export const REVEALED_FINAL =
  'the session has been revealed: the answers are final (start a new session to score again)';
export const CLOSED = 'the session is closed: its benchmarks and figures are final';

/**
 * Creates the session and an empty sheet per participant; creating it again changes nothing. A
 * session on a mystery call (the handler checked the report) has source 'mystery' and names it.
 */
export function createSession(
  facilitatorId: string,
  input: CreateInput,
  pack: { id: string; version: number },
): Job<Changed> {
  return async (trx) => {
    const existing = await lockedSession(trx, input.id);
    if (existing) {
      if (existing.facilitator_id !== facilitatorId)
        return refused('conflict', `session ${input.id} exists`);
      return done({ changed: false });
    }
    const now = nowIso();
    const session = {
      id: input.id,
      title: input.title,
      source: input.mysteryAssignmentId === undefined ? ('call' as const) : ('mystery' as const),
      call_id: input.callId,
      mystery_assignment_id: input.mysteryAssignmentId ?? null,
      pack_id: pack.id,
      pack_version: pack.version,
      facilitator_id: facilitatorId,
      deadline: new Date(input.deadline).toISOString(),
      status: 'open' as const,
      created_at: now,
      revealed_at: null,
      closed_at: null,
    };
    await trx.insertInto('calibration_sessions').values(session).execute();
    await trx
      .insertInto('calibration_sheets')
      .values(
        input.participantIds.map((userId) => ({
          session_id: input.id,
          user_id: userId,
          score: null,
          saved_at: null,
          submitted_at: null,
        })),
      )
      .execute();
    await recordAudit(trx, {
      actorId: facilitatorId,
      action: 'calibration.create',
      targetType: 'calibration',
      targetId: input.id,
      before: null,
      after: { ...session, participants: input.participantIds },
    });
    return done({ changed: true });
  };
}

/**
 * A participant's sheet, as a draft or submitted (with its score). A draft saved after submitting
 * takes the submission back; nothing changes once the session is revealed.
 */
export function saveSheet(
  sessionId: string,
  userId: string,
  sheet: {
    answers: Record<string, Answer>;
    comments: Record<string, string>;
    score: ScoreResult | null;
  },
): Job<Changed> {
  return async (trx) => {
    const session = await lockedSession(trx, sessionId);
    if (!session) return refused('not_found', `no calibration session ${sessionId}`);
    if (session.status !== 'open') return refused('conflict', REVEALED_FINAL);
    const now = nowIso();
    const updated = await trx
      .updateTable('calibration_sheets')
      .set({
        answers: JSON.stringify(sheet.answers),
        comments: JSON.stringify(sheet.comments),
        score: sheet.score === null ? null : JSON.stringify(sheet.score),
        saved_at: now,
        submitted_at: sheet.score === null ? null : now,
      })
      .where('session_id', '=', sessionId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0)
      return refused('forbidden', 'you are not a participant of this session');
    return done({ changed: true });
  };
}

/**
 * Shows everyone's answers: once every participant has submitted, or the deadline has passed
 * with at least two sheets in. Revealing again changes nothing.
 */
export function revealSession(sessionId: string, actorId: string, now: Date): Job<Changed> {
  return async (trx) => {
    const session = await lockedSession(trx, sessionId);
    if (!session) return refused('not_found', `no calibration session ${sessionId}`);
    if (session.status !== 'open') return done({ changed: false });
    const sheets = await trx
      .selectFrom('calibration_sheets as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .select(['u.display_name', 's.submitted_at'])
      .where('s.session_id', '=', sessionId)
      .orderBy('u.display_name')
      .execute();
    const waiting = sheets.filter((s) => s.submitted_at === null).map((s) => s.display_name);
    const submitted = sheets.length - waiting.length;
    if (submitted < 2)
      return refused(
        'conflict',
        `${submitted} of ${sheets.length} participants have submitted: the answers are compared once at least two have`,
      );
    if (waiting.length > 0 && now.getTime() < Date.parse(session.deadline))
      return refused(
        'conflict',
        `waiting for ${waiting.join(', ')} until the deadline (${session.deadline}); reveal then, or once everyone has submitted`,
      );
    const at = now.toISOString();
    await trx
      .updateTable('calibration_sessions')
      .set({ status: 'revealed', revealed_at: at })
      .where('id', '=', sessionId)
      .execute();
    await recordAudit(trx, {
      actorId,
      action: 'calibration.reveal',
      targetType: 'calibration',
      targetId: sessionId,
      before: { status: 'open' },
      after: { status: 'revealed', submitted, notSubmitted: waiting },
    });
    return done({ changed: true });
  };
}

/**
 * The facilitator's benchmark answer for an item and how it is to be read. A note is also kept
 * as the item's guidance on the session's scorecard version (the newest note wins).
 */
export function setBenchmark(
  sessionId: string,
  actorId: string,
  benchmark: { itemId: string; answer: Answer | null; note: string },
): Job<Changed> {
  return async (trx) => {
    const session = await lockedSession(trx, sessionId);
    if (!session) return refused('not_found', `no calibration session ${sessionId}`);
    if (session.status === 'open')
      return refused('conflict', 'reveal the answers before recording benchmarks');
    if (session.status === 'closed') return refused('conflict', CLOSED);
    const before = await trx
      .selectFrom('calibration_benchmarks')
      .select(['answer', 'note'])
      .where('session_id', '=', sessionId)
      .where('item_id', '=', benchmark.itemId)
      .executeTakeFirst();
    const note = benchmark.note === '' ? (before?.note ?? '') : benchmark.note;
    if (before && before.answer === benchmark.answer && before.note === note)
      return done({ changed: false });
    const at = nowIso();
    const values = { answer: benchmark.answer, note, set_by: actorId, set_at: at };
    await trx
      .insertInto('calibration_benchmarks')
      .values({ session_id: sessionId, item_id: benchmark.itemId, ...values })
      .onConflict((oc) => oc.columns(['session_id', 'item_id']).doUpdateSet(values))
      .execute();
    if (benchmark.note !== '') {
      const guidance = { note: benchmark.note, session_id: sessionId, set_by: actorId, set_at: at };
      await trx
        .insertInto('scorecard_guidance')
        .values({
          pack_id: session.pack_id,
          version: session.pack_version,
          item_id: benchmark.itemId,
          ...guidance,
        })
        .onConflict((oc) => oc.columns(['pack_id', 'version', 'item_id']).doUpdateSet(guidance))
        .execute();
    }
    await recordAudit(trx, {
      actorId,
      action: 'calibration.benchmark',
      targetType: 'calibration',
      targetId: sessionId,
      before: before ? { itemId: benchmark.itemId, ...before } : null,
      after: { itemId: benchmark.itemId, answer: benchmark.answer, note },
    });
    return done({ changed: true });
  };
}

/** Freezes a revealed session (benchmarks and figures final); closing again changes nothing. */
export function closeSession(sessionId: string, actorId: string): Job<Changed> {
  return async (trx) => {
    const session = await lockedSession(trx, sessionId);
    if (!session) return refused('not_found', `no calibration session ${sessionId}`);
    if (session.status === 'closed') return done({ changed: false });
    if (session.status === 'open')
      return refused('conflict', 'reveal the answers before closing the session');
    await trx
      .updateTable('calibration_sessions')
      .set({ status: 'closed', closed_at: nowIso() })
      .where('id', '=', sessionId)
      .execute();
    await recordAudit(trx, {
      actorId,
      action: 'calibration.close',
      targetType: 'calibration',
      targetId: sessionId,
      before: { status: 'revealed' },
      after: { status: 'closed' },
    });
    return done({ changed: true });
  };
}

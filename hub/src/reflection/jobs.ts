import type {
  AgendaItem,
  ErrorBody,
  ReflectionActionSchema,
  ReflectionNoteSchema,
} from '@sidecoach/shared';
import type { z } from 'zod';
import type { Job, Trx } from '../lib/jobs.js';
import { nowIso } from '../store/db.js';
import type { ReflectionActionRow, ReflectionNoteRow } from '../store/schema.js';
import { getAction, sessionRow, type SessionRow } from './records.js';
import type { Side } from './policy.js';
import type { Period } from './prep.js';

// The writes of a reflective session, as inbox jobs (committed before they are acknowledged).
// Every change bumps the session's version and clears both sign-offs; a signed session no
// longer changes.

export type Outcome<T> = { ok: T } | { error: ErrorBody };
const refused = <T>(code: ErrorBody['code'], message: string) => ({
  result: { error: { code, message } } as Outcome<T>,
  messages: [],
});
const done = <T>(value: T) => ({ result: { ok: value } as Outcome<T>, messages: [] });

const SIGNED = 'the session is signed off by both: nothing changes any more';

/** The session as it stands in this transaction, if it may still change. */
async function openSession(
  trx: Trx,
  sessionId: string,
): Promise<{ row: SessionRow } | { error: ErrorBody }> {
  const row = await sessionRow(trx, sessionId);
  if (!row) return { error: { code: 'not_found', message: `no session ${sessionId}` } };
  if (row.status !== 'open') return { error: { code: 'conflict', message: SIGNED } };
  return { row };
}

async function bump(trx: Trx, sessionId: string) {
  await trx
    .updateTable('reflection_sessions')
    .set((eb) => ({
      version: eb('version', '+', 1),
      signed_by_agent_at: null,
      signed_by_lead_at: null,
    }))
    .where('id', '=', sessionId)
    .execute();
}

export interface NewSession {
  id: string;
  agentId: string;
  leadId: string;
  days: number;
  agenda: AgendaItem[];
}

/**
 * Opens a session over the given period at version 1. Once per id: when a concurrent retry got
 * there first its row stays, and the caller reads it back to tell whose it is.
 */
export function startSession(session: NewSession, { from, to }: Period): Job<null> {
  return async (trx) => {
    await trx
      .insertInto('reflection_sessions')
      .values({
        id: session.id,
        agent_id: session.agentId,
        lead_id: session.leadId,
        days: session.days,
        from,
        to,
        agenda: JSON.stringify(session.agenda),
        version: 1,
        status: 'open',
        started_at: to,
        signed_by_agent_at: null,
        signed_by_lead_at: null,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    return { result: null, messages: [] };
  };
}

type NoteInput = z.output<typeof ReflectionNoteSchema>;

/** A note once per id; a retry changes nothing. */
export function writeNote(
  authorId: string,
  input: NoteInput,
): Job<Outcome<{ row: ReflectionNoteRow; changed: boolean }>> {
  return async (trx) => {
    const existing = await trx
      .selectFrom('reflection_notes')
      .selectAll()
      .where('id', '=', input.id)
      .executeTakeFirst();
    if (existing)
      return existing.session_id === input.sessionId && existing.author_id === authorId
        ? done({ row: existing, changed: false })
        : refused('conflict', `note id ${input.id} is taken`);
    const session = await openSession(trx, input.sessionId);
    if ('error' in session) return refused(session.error.code, session.error.message);
    const row: ReflectionNoteRow = {
      id: input.id,
      session_id: input.sessionId,
      author_id: authorId,
      prompt: input.prompt,
      agenda_index: input.agendaIndex,
      text: input.text,
      lang: input.lang,
      at: new Date(input.at).toISOString(),
      created_at: nowIso(),
    };
    await trx.insertInto('reflection_notes').values(row).execute();
    await bump(trx, input.sessionId);
    return done({ row, changed: true });
  };
}

type ActionInput = z.output<typeof ReflectionActionSchema>;

const sameAction = (row: ReflectionActionRow, input: ActionInput) =>
  row.text === input.text &&
  row.item_id === input.itemId &&
  row.owner === input.owner &&
  row.due === input.due;

/** A new action of the session, or an edit of one of its own; a retry changes nothing. */
export function writeAction(
  input: ActionInput,
  maxPerSession: number,
): Job<Outcome<{ changed: boolean }>> {
  return async (trx) => {
    const existing = await getAction(trx, input.id);
    if (existing && existing.session_id !== input.sessionId)
      return refused('conflict', `action id ${input.id} belongs to another session`);
    if (existing && sameAction(existing, input)) return done({ changed: false });
    const session = await openSession(trx, input.sessionId);
    if ('error' in session) return refused(session.error.code, session.error.message);
    const values = { text: input.text, item_id: input.itemId, owner: input.owner, due: input.due };
    if (existing) {
      await trx.updateTable('reflection_actions').set(values).where('id', '=', input.id).execute();
    } else {
      const count = await trx
        .selectFrom('reflection_actions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('session_id', '=', input.sessionId)
        .executeTakeFirstOrThrow();
      if (Number(count.n) >= maxPerSession)
        return refused('bad_request', `a session agrees at most ${maxPerSession} actions`);
      await trx
        .insertInto('reflection_actions')
        .values({
          id: input.id,
          session_id: input.sessionId,
          agent_id: session.row.agent_id,
          ...values,
          status: 'open',
          created_at: nowIso(),
          closed_at: null,
          reviewed_in_session_id: null,
        })
        .execute();
    }
    await bump(trx, input.sessionId);
    return done({ changed: true });
  };
}

/** One side signs the version it saw; when both have, the session is signed and closed. */
export function signSession(
  sessionId: string,
  side: Side,
  version: number,
): Job<Outcome<{ row: SessionRow; changed: boolean }>> {
  return async (trx) => {
    const session = await openSession(trx, sessionId);
    if ('error' in session) return refused(session.error.code, session.error.message);
    const { row } = session;
    if (row.version !== version)
      return refused(
        'conflict',
        `the session changed since version ${version} (now ${row.version}): read it again before signing`,
      );
    const column = side === 'lead' ? 'signed_by_lead_at' : 'signed_by_agent_at';
    if (row[column] !== null) return done({ row, changed: false });
    const now = nowIso();
    const other = side === 'lead' ? row.signed_by_agent_at : row.signed_by_lead_at;
    await trx
      .updateTable('reflection_sessions')
      .set({ [column]: now, status: other !== null ? 'signed' : 'open' })
      .where('id', '=', sessionId)
      .execute();
    return done({ row: (await sessionRow(trx, sessionId))!, changed: true });
  };
}

/**
 * Follow-up: an action done, dropped or reopened; reviewed in `reviewSession` (which must be
 * the agent's and still open: the review is a change to it).
 */
export function setActionStatus(
  action: ReflectionActionRow,
  status: ReflectionActionRow['status'],
  reviewSession: string | null,
): Job<Outcome<{ row: ReflectionActionRow }>> {
  return async (trx) => {
    if (reviewSession) {
      const session = await openSession(trx, reviewSession);
      if ('error' in session) return refused(session.error.code, session.error.message);
      if (session.row.agent_id !== action.agent_id)
        return refused('bad_request', 'the action is not of this session’s agent');
      await bump(trx, reviewSession);
    }
    const closedAt =
      status === 'open' ? null : action.status === status ? action.closed_at : nowIso();
    await trx
      .updateTable('reflection_actions')
      .set({
        status,
        closed_at: closedAt,
        ...(reviewSession && { reviewed_in_session_id: reviewSession }),
      })
      .where('id', '=', action.id)
      .execute();
    return done({ row: (await getAction(trx, action.id))! });
  };
}

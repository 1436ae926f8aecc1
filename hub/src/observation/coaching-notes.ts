import type {
  CoachingNoteInput,
  CoachingNoteRecord,
  CoachingReplyInput,
  ErrorBody,
} from '@sidecoach/shared';
import type { Job } from '../lib/jobs.js';
import { nowIso } from '../store/db.js';
import { leadIdsOf, toCoachingNote } from './records.js';

type Outcome = { note: CoachingNoteRecord } | { error: ErrorBody };

/**
 * Stores a coaching note once per id and sends it to the agent, the team leads of the agent's
 * teams and its author. The observations it cites must be about the same agent.
 */
export function writeCoachingNote(
  authorId: string,
  input: Required<Omit<CoachingNoteInput, 'observationIds'>> & { observationIds: string[] },
): Job<Outcome> {
  return async (trx) => {
    const cited = input.observationIds.length
      ? await trx
          .selectFrom('observations')
          .select('id')
          .where('id', 'in', input.observationIds)
          .where('agent_id', '=', input.agentId)
          .execute()
      : [];
    if (cited.length !== new Set(input.observationIds).size)
      return {
        result: {
          error: { code: 'bad_request', message: 'a cited observation is not about this agent' },
        },
        messages: [],
      };
    await trx
      .insertInto('coaching_notes')
      .values({
        id: input.id,
        author_id: authorId,
        agent_id: input.agentId,
        call_id: input.callId,
        observation_ids: JSON.stringify(input.observationIds),
        text: input.text,
        lang: input.lang,
        at: new Date(input.at).toISOString(),
        created_at: nowIso(),
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    const row = await trx
      .selectFrom('coaching_notes')
      .innerJoin('users', 'users.id', 'coaching_notes.author_id')
      .selectAll('coaching_notes')
      .select('users.display_name as author_name')
      .where('coaching_notes.id', '=', input.id)
      .executeTakeFirstOrThrow();
    if (row.author_id !== authorId || row.agent_id !== input.agentId)
      return {
        result: { error: { code: 'conflict', message: `note id ${input.id} is taken` } },
        messages: [],
      };
    const note = toCoachingNote(row);
    const recipients = new Set([input.agentId, authorId, ...(await leadIdsOf(trx, input.agentId))]);
    return {
      result: { note },
      messages: [...recipients].map((recipientId) => ({
        recipientId,
        refId: `note:${note.id}`,
        content: { kind: 'coaching-note' as const, note },
      })),
    };
  };
}

/**
 * Stores the agent's one reply to a coaching note written to them, and sends the note, now with
 * its reply, to everyone who had the note. A retry of the same reply (same id) answers the
 * stored one; a second, different reply is refused.
 */
export function replyToCoachingNote(
  agentId: string,
  input: Required<CoachingReplyInput>,
): Job<Outcome> {
  return async (trx) => {
    const refuse = (code: ErrorBody['code'], message: string) => ({
      result: { error: { code, message } },
      messages: [],
    });
    const found = await trx
      .selectFrom('coaching_notes')
      .select(['agent_id', 'reply_id'])
      .where('id', '=', input.noteId)
      .executeTakeFirst();
    // Another agent's note is as unknown as a note that does not exist.
    if (!found || found.agent_id !== agentId)
      return refuse('not_found', `no coaching note ${input.noteId} to you`);
    if (found.reply_id !== null && found.reply_id !== input.id)
      return refuse('conflict', 'this note already has your reply');
    if (found.reply_id === null)
      await trx
        .updateTable('coaching_notes')
        .set({
          reply_id: input.id,
          reply_text: input.text,
          reply_lang: input.lang,
          replied_at: new Date(input.at).toISOString(),
        })
        .where('id', '=', input.noteId)
        .where('reply_id', 'is', null)
        .execute();
    const row = await trx
      .selectFrom('coaching_notes')
      .innerJoin('users', 'users.id', 'coaching_notes.author_id')
      .selectAll('coaching_notes')
      .select('users.display_name as author_name')
      .where('coaching_notes.id', '=', input.noteId)
      .executeTakeFirstOrThrow();
    if (row.reply_id !== input.id) return refuse('conflict', 'this note already has your reply');
    const note = toCoachingNote(row);
    // A retry finds it stored: nobody is sent it twice.
    if (found.reply_id !== null) return { result: { note }, messages: [] };
    const recipients = new Set([agentId, row.author_id, ...(await leadIdsOf(trx, agentId))]);
    return {
      result: { note },
      messages: [...recipients].map((recipientId) => ({
        recipientId,
        refId: `reply:${note.id}`,
        content: { kind: 'coaching-note' as const, note },
      })),
    };
  };
}

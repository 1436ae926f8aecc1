import type {
  CoachingNoteInput,
  CoachingNoteRecord,
  CoachingReplyInput,
  ErrorBody,
} from '@sidecoach/shared';
import type { Job, Trx } from '../lib/jobs.js';
import { nowIso } from '../store/db.js';
import { coachingNoteRow, leadIdsOf, toCoachingNote } from './records.js';

type Outcome = { note: CoachingNoteRecord } | { error: ErrorBody };

/** The note (new, or with its reply) to the agent, its author and the agent's team leads. */
async function toEveryoneWithIt(trx: Trx, note: CoachingNoteRecord, what: 'note' | 'reply') {
  const recipients = new Set([
    note.agentId,
    note.authorId,
    ...(await leadIdsOf(trx, note.agentId)),
  ]);
  return [...recipients].map((recipientId) => ({
    recipientId,
    refId: `${what}:${note.id}`,
    content: { kind: 'coaching-note' as const, note },
  }));
}

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
    const row = await coachingNoteRow(trx, input.id);
    if (row.author_id !== authorId || row.agent_id !== input.agentId)
      return {
        result: { error: { code: 'conflict', message: `note id ${input.id} is taken` } },
        messages: [],
      };
    const note = toCoachingNote(row);
    return { result: { note }, messages: await toEveryoneWithIt(trx, note, 'note') };
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
    const row = await coachingNoteRow(trx, input.noteId);
    if (row.reply_id !== input.id) return refuse('conflict', 'this note already has your reply');
    const note = toCoachingNote(row);
    // A retry finds it stored: nobody is sent it twice.
    if (found.reply_id !== null) return { result: { note }, messages: [] };
    return { result: { note }, messages: await toEveryoneWithIt(trx, note, 'reply') };
  };
}

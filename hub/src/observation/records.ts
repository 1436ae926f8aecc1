import type { CoachingNoteRecord, ObservationRecord } from '@sidecoach/shared';
import type { Db } from '../store/db.js';
import type { CoachingNoteRow, ObservationRow } from '../store/schema.js';
import type { Trx } from '../lib/jobs.js';

type Named<R> = R & { author_name: string };

export function toObservation(row: Named<ObservationRow>): ObservationRecord {
  return {
    id: row.id,
    authorId: row.author_id,
    authorName: row.author_name,
    agentId: row.agent_id,
    callId: row.call_id,
    offsetMs: row.offset_ms,
    itemId: row.item_id,
    area: row.area,
    verdict: row.verdict,
    tags: JSON.parse(row.tags) as ObservationRecord['tags'],
    text: row.text,
    visibility: row.visibility,
    delivery: row.delivery,
    lang: row.lang,
    at: row.at,
    releasedAt: row.released_at,
    deliveredAt: row.delivered_at,
    readAt: row.read_at,
  };
}

export function toCoachingNote(row: Named<CoachingNoteRow>): CoachingNoteRecord {
  return {
    id: row.id,
    authorId: row.author_id,
    authorName: row.author_name,
    agentId: row.agent_id,
    callId: row.call_id,
    observationIds: JSON.parse(row.observation_ids) as string[],
    text: row.text,
    lang: row.lang,
    at: row.at,
    reply:
      row.reply_id && row.reply_text !== null && row.replied_at
        ? {
            id: row.reply_id,
            text: row.reply_text,
            lang: row.reply_lang ?? 'en',
            at: row.replied_at,
          }
        : null,
  };
}

const observations = (db: Db | Trx) =>
  db
    .selectFrom('observations')
    .innerJoin('users', 'users.id', 'observations.author_id')
    .selectAll('observations')
    .select('users.display_name as author_name');

export async function getObservation(
  db: Db | Trx,
  id: string,
): Promise<ObservationRecord | undefined> {
  const row = await observations(db).where('observations.id', '=', id).executeTakeFirst();
  return row && toObservation(row);
}

export interface ObservationQuery {
  agentId: string;
  callId?: string | undefined;
  /** Agents see only shared notes the hub has released to them. */
  agentView: boolean;
  /** Only this author's (a coach reading what they wrote about an agent they no longer coach). */
  authorId?: string | undefined;
  limit: number;
}

/** Observations of an agent (of one call, when given), oldest first. */
export async function listObservations(db: Db, q: ObservationQuery): Promise<ObservationRecord[]> {
  let query = observations(db).where('observations.agent_id', '=', q.agentId);
  if (q.callId) query = query.where('observations.call_id', '=', q.callId);
  if (q.authorId) query = query.where('observations.author_id', '=', q.authorId);
  if (q.agentView)
    query = query
      .where('observations.visibility', '=', 'shared')
      .where('observations.released_at', 'is not', null);
  const rows = await query.orderBy('observations.at', 'desc').limit(q.limit).execute();
  return rows.reverse().map(toObservation);
}

/** Coaching notes with their author's name (what `toCoachingNote` reads). */
const coachingNotes = (db: Db | Trx) =>
  db
    .selectFrom('coaching_notes')
    .innerJoin('users', 'users.id', 'coaching_notes.author_id')
    .selectAll('coaching_notes')
    .select('users.display_name as author_name');

/**
 * Coaching notes about the given agents, and those `authorId` wrote about anyone (an agent who
 * moved to another team stays in the record of the coach who wrote them), oldest first.
 */
export async function listCoachingNotes(
  db: Db,
  agentIds: string[],
  limit: number,
  authorId?: string,
): Promise<CoachingNoteRecord[]> {
  if (agentIds.length === 0 && !authorId) return [];
  const rows = await coachingNotes(db)
    .where((eb) =>
      eb.or([
        ...(agentIds.length > 0 ? [eb('coaching_notes.agent_id', 'in', agentIds)] : []),
        ...(authorId ? [eb('coaching_notes.author_id', '=', authorId)] : []),
      ]),
    )
    .orderBy('coaching_notes.at', 'desc')
    .limit(limit)
    .execute();
  return rows.reverse().map(toCoachingNote);
}

/** A user's name and role: the floor lists agents only. */
export async function nameAndRoleOf(db: Db, userId: string) {
  return db
    .selectFrom('users')
    .select(['display_name', 'role'])
    .where('id', '=', userId)
    .executeTakeFirst();
}

/** Who observes the agent, with their names, in the order they joined. */
export async function namedObserversOf(db: Db, agentId: string) {
  return db
    .selectFrom('observation_sessions')
    .innerJoin('users', 'users.id', 'observation_sessions.observer_id')
    .select(['users.id', 'users.display_name'])
    .where('observation_sessions.agent_id', '=', agentId)
    .orderBy('observation_sessions.joined_at')
    .execute();
}

/** The teams a user is in: the rooms their floor entry goes to. */
export async function teamIdsOf(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('team_members')
    .select('team_id')
    .where('user_id', '=', userId)
    .execute();
  return rows.map((r) => r.team_id);
}

/** One coaching note as stored, with its author's name. */
export const coachingNoteRow = (db: Db | Trx, id: string) =>
  coachingNotes(db).where('coaching_notes.id', '=', id).executeTakeFirstOrThrow();

/** Team leads of the agent's teams: they receive the agent's coaching notes. */
export async function leadIdsOf(db: Db | Trx, agentId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('team_members as a')
    .innerJoin('team_members as l', 'l.team_id', 'a.team_id')
    .innerJoin('users', 'users.id', 'l.user_id')
    .select('users.id')
    .distinct()
    .where('a.user_id', '=', agentId)
    .where('users.role', '=', 'lead')
    .where('users.disabled', '=', 0)
    .execute();
  return rows.map((r) => r.id);
}

/** Whether the call holds shared notes not yet released (most calls hold none). */
export async function holdsNotes(db: Db, callId: string): Promise<boolean> {
  const held = await db
    .selectFrom('observations')
    .select('id')
    .where('call_id', '=', callId)
    .where('visibility', '=', 'shared')
    .where('released_at', 'is', null)
    .limit(1)
    .executeTakeFirst();
  return held !== undefined;
}

/** Ended calls whose shared notes were never released (the hub stopped in between). */
export async function endedCallsHoldingNotes(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('observations')
    .innerJoin('calls', 'calls.id', 'observations.call_id')
    .select('calls.id')
    .distinct()
    .where('observations.visibility', '=', 'shared')
    .where('observations.released_at', 'is', null)
    .where('calls.ended_at', 'is not', null)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * What a coach reads in an agent's history: the observations and coaching notes made in a
 * period (every coach's: the agent's coaches see what each other wrote), oldest first.
 */
export async function historyNotes(
  db: Db,
  agentId: string,
  period: { from: string; to: string },
  limit: number,
): Promise<{ observations: ObservationRecord[]; coachingNotes: CoachingNoteRecord[] }> {
  const observed = await observations(db)
    .where('observations.agent_id', '=', agentId)
    .where('observations.at', '>=', period.from)
    .where('observations.at', '<=', period.to)
    .orderBy('observations.at', 'desc')
    .limit(limit)
    .execute();
  const notes = await coachingNotes(db)
    .where('coaching_notes.agent_id', '=', agentId)
    .where('coaching_notes.at', '>=', period.from)
    .where('coaching_notes.at', '<=', period.to)
    .orderBy('coaching_notes.at', 'desc')
    .limit(limit)
    .execute();
  return {
    observations: observed.reverse().map(toObservation),
    coachingNotes: notes.reverse().map(toCoachingNote),
  };
}

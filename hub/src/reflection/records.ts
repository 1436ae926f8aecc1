import type {
  ActionRecord,
  AgendaItem,
  ReflectionNoteRecord,
  ReflectionSummary,
  ReflectivePrompt,
} from '@sidecoach/shared';
import type { Trx } from '../lib/jobs.js';
import type { Db } from '../store/db.js';
import type {
  ReflectionActionRow,
  ReflectionNoteRow,
  ReflectionSessionRow,
} from '../store/schema.js';

/** Today on the hub's calendar (UTC), YYYY-MM-DD: follow-up dates are compared with it. */
/** YYYY-MM-DD (en-CA's order), in the hub's time zone. */
const dayFormat = new Intl.DateTimeFormat('en-CA', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * Today in the hub's time zone (the site's: the TZ environment variable, else the machine's):
 * follow-up dates are days on the floor, so an action due Monday is not overdue on Monday
 * evening in New York, when the UTC day is already Tuesday.
 */
export const today = (now = new Date()) => dayFormat.format(now);

export function toAction(row: ReflectionActionRow, day = today()): ActionRecord {
  return {
    id: row.id,
    sessionId: row.session_id,
    agentId: row.agent_id,
    text: row.text,
    itemId: row.item_id,
    owner: row.owner,
    due: row.due,
    status: row.status,
    overdue: row.status === 'open' && row.due < day,
    createdAt: row.created_at,
    closedAt: row.closed_at,
  };
}

export function toNote(row: ReflectionNoteRow & { author_name: string }): ReflectionNoteRecord {
  return {
    id: row.id,
    authorId: row.author_id,
    authorName: row.author_name,
    prompt: row.prompt as ReflectivePrompt | null,
    agendaIndex: row.agenda_index,
    text: row.text,
    lang: row.lang,
    at: row.at,
  };
}

export type SessionRow = ReflectionSessionRow & { agent_name: string; lead_name: string };

export async function sessionRow(db: Db | Trx, id: string): Promise<SessionRow | undefined> {
  return db
    .selectFrom('reflection_sessions as s')
    .innerJoin('users as a', 'a.id', 's.agent_id')
    .innerJoin('users as l', 'l.id', 's.lead_id')
    .selectAll('s')
    .select(['a.display_name as agent_name', 'l.display_name as lead_name'])
    .where('s.id', '=', id)
    .executeTakeFirst();
}

/** A user's name as sessions and their preparation show it; the caller knows the user exists. */
export async function displayNameOf(db: Db, userId: string): Promise<string> {
  const user = await db
    .selectFrom('users')
    .select('display_name')
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  return user.display_name;
}

export const agendaOf = (row: ReflectionSessionRow) => JSON.parse(row.agenda) as AgendaItem[];

export async function notesOf(db: Db, sessionId: string): Promise<ReflectionNoteRecord[]> {
  const rows = await db
    .selectFrom('reflection_notes')
    .innerJoin('users', 'users.id', 'reflection_notes.author_id')
    .selectAll('reflection_notes')
    .select('users.display_name as author_name')
    .where('reflection_notes.session_id', '=', sessionId)
    .orderBy('reflection_notes.at')
    .orderBy('reflection_notes.id')
    .execute();
  return rows.map(toNote);
}

const actions = (db: Db | Trx) => db.selectFrom('reflection_actions').selectAll();

export async function getAction(db: Db | Trx, id: string) {
  return actions(db).where('id', '=', id).executeTakeFirst();
}

/** Actions agreed in a session, in the order they were agreed. */
export async function actionsOfSession(db: Db, sessionId: string): Promise<ActionRecord[]> {
  const rows = await actions(db)
    .where('session_id', '=', sessionId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => toAction(r));
}

/** The agent's open actions (earlier sessions' only, when `exceptSession` is given), soonest due first. */
export async function openActionsOf(
  db: Db,
  agentId: string,
  exceptSession?: string,
): Promise<ActionRecord[]> {
  let query = actions(db).where('agent_id', '=', agentId).where('status', '=', 'open');
  if (exceptSession) query = query.where('session_id', '!=', exceptSession);
  const rows = await query.orderBy('due').orderBy('created_at').execute();
  return rows.map((r) => toAction(r));
}

/** Earlier actions reviewed in a session: on its agenda, or marked there. */
export async function reviewedIn(
  db: Db,
  sessionId: string,
  agenda: AgendaItem[],
): Promise<ActionRecord[]> {
  const listed = agenda.flatMap((a) => (a.actionId ? [a.actionId] : []));
  const rows = await actions(db)
    .where('session_id', '!=', sessionId)
    .where((eb) =>
      eb.or([
        eb('reviewed_in_session_id', '=', sessionId),
        ...(listed.length > 0 ? [eb('id', 'in', listed)] : []),
      ]),
    )
    .orderBy('due')
    .execute();
  return rows.map((r) => toAction(r));
}

/** Open actions past their follow-up date of the given agents, with the agent's name. */
export async function overdueActions(db: Db, agentIds: string[], limit: number) {
  if (agentIds.length === 0) return [];
  const rows = await db
    .selectFrom('reflection_actions')
    .innerJoin('users', 'users.id', 'reflection_actions.agent_id')
    .selectAll('reflection_actions')
    .select('users.display_name as agent_name')
    .where('reflection_actions.agent_id', 'in', agentIds)
    .where('reflection_actions.status', '=', 'open')
    .where('reflection_actions.due', '<', today())
    .orderBy('reflection_actions.due')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...toAction(r), agentName: r.agent_name }));
}

/** Sessions, newest first, with their open and overdue action counts. */
export async function listSessions(
  db: Db,
  filter: { agentId?: string | undefined; leadId?: string | undefined },
  limit: number,
): Promise<ReflectionSummary[]> {
  const day = today();
  let query = db
    .selectFrom('reflection_sessions as s')
    .innerJoin('users as a', 'a.id', 's.agent_id')
    .innerJoin('users as l', 'l.id', 's.lead_id')
    .select((eb) => [
      's.id',
      's.agent_id',
      's.lead_id',
      's.status',
      's.started_at',
      'a.display_name as agent_name',
      'l.display_name as lead_name',
      eb
        .selectFrom('reflection_actions as x')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('x.session_id', '=', 's.id')
        .where('x.status', '=', 'open')
        .as('open_actions'),
      eb
        .selectFrom('reflection_actions as x')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('x.session_id', '=', 's.id')
        .where('x.status', '=', 'open')
        .where('x.due', '<', day)
        .as('overdue_actions'),
    ]);
  if (filter.agentId) query = query.where('s.agent_id', '=', filter.agentId);
  if (filter.leadId) query = query.where('s.lead_id', '=', filter.leadId);
  const rows = await query.orderBy('s.started_at', 'desc').limit(limit).execute();
  return rows.map((r) => ({
    id: r.id,
    agentId: r.agent_id,
    agentName: r.agent_name,
    leadId: r.lead_id,
    leadName: r.lead_name,
    status: r.status,
    startedAt: r.started_at,
    openActions: Number(r.open_actions ?? 0),
    overdueActions: Number(r.overdue_actions ?? 0),
  }));
}

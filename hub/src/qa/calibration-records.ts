import type {
  Answer,
  BlindCall,
  CalibrationParticipant,
  CalibrationSession,
  CalibrationSheet,
  ScoreResult,
} from '@sidecoach/shared';
import type { Db } from '../store/db.js';
import type { Trx } from '../lib/jobs.js';
import type { ExpressionBuilder } from 'kysely';
import type { CalibrationSessionRow, CalibrationSheetRow, Database } from '../store/schema.js';
import { callRow, recordingFromEvents } from './records.js';

// Reading calibration sessions: the session as anyone on it may see it (no answers), the sheets
// (only ever sent to their owner before the reveal), benchmarks and the scorecard's guidance.

type Reader = Db | Trx;
const json = <T>(text: string) => JSON.parse(text) as T;

export interface SheetJoined extends CalibrationSheetRow {
  name: string;
}

/** Sessions the user facilitates or is a participant of (a `where` of calibration_sessions). */
export const runsOrScores =
  (userId: string) => (eb: ExpressionBuilder<Database, 'calibration_sessions'>) =>
    eb.or([
      eb('facilitator_id', '=', userId),
      eb(
        'id',
        'in',
        eb.selectFrom('calibration_sheets').select('session_id').where('user_id', '=', userId),
      ),
    ]);

export function sessionRow(db: Reader, id: string): Promise<CalibrationSessionRow | undefined> {
  return db.selectFrom('calibration_sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Every sheet of the sessions (participants in name order), with the participant's name. */
export async function sheetsOf(db: Reader, sessionIds: readonly string[]): Promise<SheetJoined[]> {
  if (sessionIds.length === 0) return [];
  return db
    .selectFrom('calibration_sheets as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .selectAll('s')
    .select('u.display_name as name')
    .where('s.session_id', 'in', sessionIds)
    .orderBy('u.display_name')
    .orderBy('s.user_id')
    .execute();
}

/** The benchmark answers and notes of the sessions, by session then item. */
export async function benchmarksOf(
  db: Reader,
  sessionIds: readonly string[],
): Promise<Map<string, { answers: Record<string, Answer>; notes: Record<string, string> }>> {
  const out = new Map<string, { answers: Record<string, Answer>; notes: Record<string, string> }>();
  if (sessionIds.length === 0) return out;
  const rows = await db
    .selectFrom('calibration_benchmarks')
    .select(['session_id', 'item_id', 'answer', 'note'])
    .where('session_id', 'in', sessionIds)
    .execute();
  for (const id of sessionIds) out.set(id, { answers: {}, notes: {} });
  for (const r of rows) {
    const entry = out.get(r.session_id)!;
    if (r.answer !== null) entry.answers[r.item_id] = r.answer;
    if (r.note !== '') entry.notes[r.item_id] = r.note;
  }
  return out;
}

/** How each item of a scorecard version is to be read (from calibration benchmarks' notes). */
export async function guidanceOf(
  db: Reader,
  packId: string,
  version: number,
): Promise<Record<string, string>> {
  const rows = await db
    .selectFrom('scorecard_guidance')
    .select(['item_id', 'note'])
    .where('pack_id', '=', packId)
    .where('version', '=', version)
    .execute();
  return Object.fromEntries(rows.map((r) => [r.item_id, r.note]));
}

/** The sessions as anyone on them may see them, in the order of `rows`. */
export async function toSessions(
  db: Reader,
  rows: readonly CalibrationSessionRow[],
): Promise<CalibrationSession[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [sheets, calls, facilitators, benchmarked] = await Promise.all([
    sheetsOf(db, ids),
    db
      .selectFrom('calls')
      .select(['id', 'call_type', 'started_at'])
      .where('id', 'in', [...new Set(rows.map((r) => r.call_id))])
      .execute(),
    db
      .selectFrom('users')
      .select(['id', 'display_name'])
      .where('id', 'in', [...new Set(rows.map((r) => r.facilitator_id))])
      .execute(),
    db
      .selectFrom('calibration_benchmarks')
      .select(['session_id', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('session_id', 'in', ids)
      .where('answer', 'is not', null)
      .groupBy('session_id')
      .execute(),
  ]);
  const callById = new Map(calls.map((c) => [c.id, c]));
  const nameById = new Map(facilitators.map((u) => [u.id, u.display_name]));
  const benchmarkedBy = new Map(benchmarked.map((b) => [b.session_id, Number(b.n)]));
  return rows.map((r) => {
    const call = callById.get(r.call_id)!;
    const participants: CalibrationParticipant[] = sheets
      .filter((s) => s.session_id === r.id)
      .map((s) => ({ userId: s.user_id, name: s.name, submittedAt: s.submitted_at }));
    return {
      id: r.id,
      title: r.title,
      source: r.source,
      callId: r.call_id,
      callType: call.call_type,
      callStartedAt: call.started_at,
      packId: r.pack_id,
      packVersion: r.pack_version,
      facilitatorId: r.facilitator_id,
      facilitatorName: nameById.get(r.facilitator_id) ?? r.facilitator_id,
      participants,
      deadline: r.deadline,
      status: r.status,
      createdAt: r.created_at,
      revealedAt: r.revealed_at,
      closedAt: r.closed_at,
      benchmarked: benchmarkedBy.get(r.id) ?? 0,
    };
  });
}

export function toSheet(row: CalibrationSheetRow): CalibrationSheet {
  return {
    answers: json<Record<string, Answer>>(row.answers),
    comments: json<Record<string, string>>(row.comments),
    submittedAt: row.submitted_at,
    score: row.score === null ? null : json<ScoreResult>(row.score),
  };
}

/** The words of a name, each replaced where it stands alone in a text (case-insensitive). */
export function withoutName(text: string, name: string): string {
  const words = name
    .split(/\s+/u)
    .filter((w) => [...w].length >= 2)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'));
  if (words.length === 0) return text;
  return text.replace(
    new RegExp(`(?<![\\p{L}\\p{N}])(${words.join('|')})(?![\\p{L}\\p{N}])`, 'giu'),
    '▢',
  );
}

/**
 * The call as a participant scores it blind: its type, time, duration, recording, the agent's
 * checklist ticks and the customer's survey answer (its comment without the agent's name). No
 * agent, no observation (supervisors' verdicts), no self-assessment, no evaluation.
 */
export async function blindCall(db: Reader, callId: string): Promise<BlindCall> {
  const call = await callRow(db, callId);
  if (!call) throw new Error(`no call ${callId}`);
  const [ticks, survey, recordingUrl] = await Promise.all([
    db
      .selectFrom('call_ticks')
      .select(['item_id', 'checked'])
      .where('call_id', '=', callId)
      .execute(),
    db
      .selectFrom('survey_responses')
      .select(['csat', 'resolved', 'comment'])
      .where('call_id', '=', callId)
      .where('self_answer', 'is', null)
      .executeTakeFirst(),
    call.recording_url ?? recordingFromEvents(db, call),
  ]);
  return {
    callType: call.call_type,
    startedAt: call.started_at,
    durationMs: call.duration_ms,
    recordingUrl,
    ticks: Object.fromEntries(ticks.map((t) => [t.item_id, t.checked === 1])),
    survey: survey
      ? {
          csat: survey.csat,
          resolved: survey.resolved === null ? null : survey.resolved === 1,
          comment: survey.comment === null ? null : withoutName(survey.comment, call.agent_name),
        }
      : null,
  };
}

import { samePhone } from '@sidecoach/shared';
import type { Db } from '../store/db.js';
import type { Trx } from '../lib/jobs.js';

// Which agent's call a mystery call was: the PBX's call events name the other party (the
// caller's number as the PBX saw it); an event of an agent of the assignment's team from the
// caller's number within MATCH_WINDOW_MS of when the caller says they called decides it. When
// none does, the calls the team's agents started within the same window are the candidates the
// quality manager picks from (by the time, the agent's name the caller heard, the recording).

export const MATCH_WINDOW_MS = 10 * 60_000;
/** How far a PBX event's arrival may lag the call (its `at` decides; this bounds the read). */
const ARRIVAL_SLACK_MS = 60 * 60_000;
const CANDIDATES_MAX = 10;

export interface Match {
  method: 'number' | 'none';
  callId: string | null;
  agentId: string | null;
  /** Call ids the report could be about (when the number did not decide). */
  candidates: string[];
}

/** The number in a SIP URI or dial string ("sip:+37120000001@pbx;user=phone" -> "+37120000001"). */
export function partyNumber(party: string | null): string | null {
  if (!party) return null;
  const user = party.replace(/^(sips?|tel):/i, '').split(/[@;]/)[0] ?? '';
  return /[0-9]/.test(user) ? user : null;
}

/** Active agents of the team now (an agent is in one team at a time). */
async function teamAgents(db: Db | Trx, teamId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('team_members')
    .innerJoin('users', 'users.id', 'team_members.user_id')
    .select('users.id')
    .where('team_members.team_id', '=', teamId)
    .where('users.role', '=', 'agent')
    .execute();
  return rows.map((r) => r.id);
}

/** Calls other reports of any wave were matched to (one call is one mystery call at most). */
async function takenCalls(db: Db | Trx, callIds: string[], assignmentId: string) {
  if (callIds.length === 0) return new Set<string>();
  const rows = await db
    .selectFrom('mystery_reports')
    .select('call_id')
    .where('call_id', 'in', callIds)
    .where('assignment_id', '!=', assignmentId)
    .execute();
  return new Set(rows.map((r) => r.call_id));
}

export async function matchReport(
  db: Db | Trx,
  report: { assignmentId: string; teamId: string; calledAt: string; fromNumber: string },
): Promise<Match> {
  const agents = await teamAgents(db, report.teamId);
  if (agents.length === 0) return { method: 'none', callId: null, agentId: null, candidates: [] };
  const at = Date.parse(report.calledAt);
  const iso = (ms: number) => new Date(ms).toISOString();
  const events = await db
    .selectFrom('cti_events')
    .select(['user_id', 'call_id', 'event'])
    .where('user_id', 'in', agents)
    .where('received_at', '>=', iso(at - MATCH_WINDOW_MS))
    .where('received_at', '<=', iso(at + MATCH_WINDOW_MS + ARRIVAL_SLACK_MS))
    .execute();
  const hits = events
    .flatMap((row) => {
      // As the webhook stored it (cti/records.ts): the call event with the PBX's extras.
      const event = JSON.parse(row.event) as { remoteParty?: unknown; at?: unknown };
      const number = typeof event.remoteParty === 'string' ? partyNumber(event.remoteParty) : null;
      const gap = typeof event.at === 'string' ? Math.abs(Date.parse(event.at) - at) : NaN;
      return number && gap <= MATCH_WINDOW_MS && samePhone(number, report.fromNumber)
        ? [{ agentId: row.user_id, externalId: row.call_id, gap }]
        : [];
    })
    .sort((a, b) => a.gap - b.gap);
  for (const hit of hits) {
    const call = await db
      .selectFrom('calls')
      .select('id')
      .where('agent_id', '=', hit.agentId)
      .where('external_id', '=', hit.externalId)
      .executeTakeFirst();
    const taken = call ? await takenCalls(db, [call.id], report.assignmentId) : new Set();
    if (call && taken.has(call.id)) continue;
    // The PBX saw the call; the agent's sidebar may not have recorded it (no call row).
    return { method: 'number', callId: call?.id ?? null, agentId: hit.agentId, candidates: [] };
  }
  const near = await db
    .selectFrom('calls')
    .select(['id', 'started_at'])
    .where('agent_id', 'in', agents)
    .where('started_at', '>=', iso(at - MATCH_WINDOW_MS))
    .where('started_at', '<=', iso(at + MATCH_WINDOW_MS))
    .execute();
  const taken = await takenCalls(
    db,
    near.map((c) => c.id),
    report.assignmentId,
  );
  const candidates = near
    .filter((c) => !taken.has(c.id))
    .sort(
      (a, b) => Math.abs(Date.parse(a.started_at) - at) - Math.abs(Date.parse(b.started_at) - at),
    )
    .slice(0, CANDIDATES_MAX)
    .map((c) => c.id);
  return { method: 'none', callId: null, agentId: null, candidates };
}

/** A call the manager matches by hand: one of the report's candidates, or its number match. */
export async function callOfAgent(db: Db | Trx, callId: string) {
  return db
    .selectFrom('calls')
    .select(['id', 'agent_id'])
    .where('id', '=', callId)
    .executeTakeFirst();
}

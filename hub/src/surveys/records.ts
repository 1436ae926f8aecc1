import type { SurveyStatus, TeamSettings, TeamSettingsRequest } from '@sidecoach/shared';
import type { Db } from '../store/db.js';
import type { Trx } from '../lib/jobs.js';
import type { Selectable } from 'kysely';
import { SurveyTokens } from './tokens.js';
import type { SurveySendsTable } from '../store/schema.js';

export type SurveySendRow = Selectable<SurveySendsTable>;

export interface StatusContext {
  /** The survey page link (link channel only; the token is derived, never stored). */
  link: string | null;
  exclusionReason: SurveyStatus['exclusionReason'];
  excludeUntil: string | null;
  answered: boolean;
}

/**
 * What became of a call's survey. For the agent (`forAgent`), whether the call was sampled is
 * hidden unless they have to act on it (a link to show) or excluded it themselves: an agent who
 * knew which calls will be surveyed could steer exclusions to them.
 */
export function surveyStatus(
  callId: string,
  agentId: string,
  row: SurveySendRow | undefined,
  ctx: StatusContext,
  forAgent: boolean,
): SurveyStatus {
  const base = {
    callId,
    agentId,
    exclusionReason: ctx.exclusionReason,
    excludeUntil: ctx.excludeUntil,
    decidedAt: row?.decided_at ?? null,
  };
  const visible = !forAgent || row?.channel === 'link' || ctx.exclusionReason !== null;
  if (!row || !visible)
    return {
      ...base,
      surveyId: null,
      channel: null,
      state: ctx.exclusionReason ? 'skipped' : 'pending',
      skipReason: ctx.exclusionReason ? 'excluded' : null,
      link: null,
      expiresAt: null,
    };
  const live = row.state === 'sent' && !ctx.answered;
  return {
    ...base,
    surveyId: row.survey_id,
    channel: row.channel,
    state: ctx.answered ? 'answered' : row.state,
    skipReason: row.skip_reason,
    link: live ? ctx.link : null,
    expiresAt: row.expires_at,
  };
}

export async function sendRowOf(db: Db | Trx, callId: string) {
  return db.selectFrom('survey_sends').selectAll().where('call_id', '=', callId).executeTakeFirst();
}

export async function exclusionOf(db: Db | Trx, callId: string) {
  const row = await db
    .selectFrom('survey_exclusions')
    .select('reason')
    .where('call_id', '=', callId)
    .executeTakeFirst();
  return row?.reason ?? null;
}

export async function answered(db: Db | Trx, callId: string) {
  const row = await db
    .selectFrom('survey_responses')
    .select('call_id')
    .where('call_id', '=', callId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Calls ended since `since` that have no survey decision yet. */
export async function undecidedCalls(db: Db, since: string): Promise<string[]> {
  const rows = await db
    .selectFrom('calls')
    .select('calls.id')
    .where('calls.ended_at', 'is not', null)
    .where('calls.ended_at', '>=', since)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('survey_sends')
            .select('survey_sends.call_id')
            .whereRef('survey_sends.call_id', '=', 'calls.id'),
        ),
      ),
    )
    .execute();
  return rows.map((r) => r.id);
}

/** The send a survey link's token belongs to; forged and malformed tokens belong to none. */
export async function sendRowOfToken(db: Db, token: string): Promise<SurveySendRow | undefined> {
  if (!SurveyTokens.wellFormed(token)) return undefined;
  return db
    .selectFrom('survey_sends')
    .selectAll()
    .where('token_hash', '=', SurveyTokens.hash(token))
    .executeTakeFirst();
}

/** Sets the team settings given and leaves the others; at least one must be given. */
export async function changeTeamSettings(
  db: Db,
  teamId: string,
  { agentsSeeSurveys, behavioursOnly }: Omit<TeamSettingsRequest, 'teamId'>,
): Promise<void> {
  const change = {
    ...(agentsSeeSurveys !== undefined && { agents_see_surveys: agentsSeeSurveys ? 1 : 0 }),
    ...(behavioursOnly !== undefined && { behaviours_only: behavioursOnly ? 1 : 0 }),
  };
  await db.updateTable('teams').set(change).where('id', '=', teamId).execute();
}

export async function teamSettingsOf(db: Db, teamId: string): Promise<TeamSettings | undefined> {
  const team = await db
    .selectFrom('teams')
    .select(['id', 'agents_see_surveys', 'behaviours_only'])
    .where('id', '=', teamId)
    .executeTakeFirst();
  return (
    team && {
      teamId: team.id,
      agentsSeeSurveys: team.agents_see_surveys === 1,
      behavioursOnly: team.behaviours_only === 1,
    }
  );
}

/**
 * Takes a due send for this node: moves its next attempt past the claim, if nobody (no other
 * node) moved it since it was read. The send's own outcome sets the next attempt after that.
 */
export async function claimSend(db: Db, row: SurveySendRow, claimMs: number): Promise<boolean> {
  if (row.next_attempt_at === null) return false;
  const result = await db
    .updateTable('survey_sends')
    .set({ next_attempt_at: new Date(Date.now() + claimMs).toISOString() })
    .where('call_id', '=', row.call_id)
    .where('state', '=', 'pending')
    .where('next_attempt_at', '=', row.next_attempt_at)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

import {
  KPI_DEFAULTS,
  KPI_UNIT,
  KpiTargetsSchema,
  type ErrorBody,
  type KpiId,
  type KpiSettings,
  type KpiSetup,
  type KpiTargets,
  type QueueMap,
} from '@sidecoach/shared';
import { sql, type Selectable } from 'kysely';
import { recordAudit } from '../lib/audit.js';
import type { Job, Trx } from '../lib/jobs.js';
import { HUB_ZONE, stampDays } from '../lib/kpi-legs.js';
import { nowIso, type Db } from '../store/db.js';
import type { KpiSettingsTable } from '../store/schema.js';

// The KPI settings: which team each PBX queue counts for (and its call type), and each team's
// thresholds, targets and leaderboard switch. A team without a row has the defaults.

type Reader = Db | Trx;
export type Outcome<T> = { ok: T } | { error: ErrorBody };

export function teamOf(db: Reader, teamId: string) {
  return db
    .selectFrom('teams')
    .select(['id', 'name', 'time_zone', 'behaviours_only'])
    .where('id', '=', teamId)
    .executeTakeFirst();
}

const toSettings = (
  teamId: string,
  row: Omit<Selectable<KpiSettingsTable>, 'team_id' | 'updated_at' | 'updated_by'> | undefined,
): KpiSettings =>
  row
    ? {
        teamId,
        fcrDays: row.fcr_days,
        shortAbandonSeconds: row.short_abandon_seconds,
        serviceLevelSeconds: row.service_level_seconds,
        targets: KpiTargetsSchema.parse(JSON.parse(row.targets)),
        leaderboard: row.leaderboard === 1,
      }
    : { teamId, ...KPI_DEFAULTS, targets: {}, leaderboard: false };

/** The team's KPI settings (the defaults when none were saved). */
export async function settingsOf(db: Reader, teamId: string): Promise<KpiSettings> {
  const row = await db
    .selectFrom('kpi_settings')
    .select([
      'fcr_days',
      'short_abandon_seconds',
      'service_level_seconds',
      'targets',
      'leaderboard',
    ])
    .where('team_id', '=', teamId)
    .executeTakeFirst();
  return toSettings(teamId, row);
}

/** The queues and team settings the user's settings screen shows (teams null: every one). */
export async function kpiSetup(db: Db, teams: readonly string[] | null): Promise<KpiSetup> {
  if (teams?.length === 0) return { queues: [], teams: [] };
  let teamQuery = db
    .selectFrom('teams')
    .leftJoin('kpi_settings as k', 'k.team_id', 'teams.id')
    .select([
      'teams.id',
      'teams.name',
      'teams.time_zone',
      'teams.behaviours_only',
      'k.fcr_days',
      'k.short_abandon_seconds',
      'k.service_level_seconds',
      'k.targets',
      'k.leaderboard',
    ])
    .orderBy('teams.name');
  if (teams) teamQuery = teamQuery.where('teams.id', 'in', teams);
  const teamRows = await teamQuery.execute();
  let queueQuery = db
    .selectFrom('kpi_queues')
    .select(['queue', 'team_id', 'call_type'])
    .orderBy('queue');
  // A lead sees the queues of their teams; an admin every queue, unmapped ones too.
  if (teams) queueQuery = queueQuery.where('team_id', 'in', teams);
  const queues = await queueQuery.execute();
  const waiting = teams
    ? []
    : await db
        .selectFrom('kpi_legs')
        .select(['queue', (eb) => eb.fn.countAll<number>().as('legs')])
        .where('team_id', 'is', null)
        .groupBy('queue')
        .execute();
  const waitingBy = new Map(waiting.map((w) => [w.queue, Number(w.legs)]));
  return {
    // Unmapped queues first: the ones an admin has to do something about.
    queues: queues
      .map((q) => ({
        queue: q.queue,
        teamId: q.team_id,
        callType: q.call_type,
        legsWaiting: waitingBy.get(q.queue) ?? 0,
      }))
      .sort((a, b) => Number(a.teamId !== null) - Number(b.teamId !== null)),
    teams: teamRows.map((t) => ({
      ...toSettings(
        t.id,
        t.fcr_days === null
          ? undefined
          : {
              fcr_days: t.fcr_days,
              short_abandon_seconds: t.short_abandon_seconds!,
              service_level_seconds: t.service_level_seconds!,
              targets: t.targets!,
              leaderboard: t.leaderboard!,
            },
      ),
      teamName: t.name,
      timeZone: t.time_zone,
      behavioursOnly: t.behaviours_only === 1,
    })),
  };
}

/** The most a time target may be (an hour of handle time or of waiting is no target). */
const MAX_TARGET_SECONDS = 3600;

/** What is wrong with the targets, each in the KPI's unit (KPI_UNIT; times in seconds). */
export function targetProblems(targets: KpiTargets): string[] {
  const problems: string[] = [];
  for (const [kpi, value] of Object.entries(targets) as [KpiId, number][]) {
    const unit = KPI_UNIT[kpi];
    if (unit === 'share' && value > 1)
      problems.push(`${kpi}: a share from 0 to 1 (0.8 for 80 %), not ${value}`);
    if (unit === 'percent' && value > 100)
      problems.push(`${kpi}: a score from 0 to 100 percent, not ${value}`);
    if (unit === 'ms' && value > MAX_TARGET_SECONDS)
      problems.push(`${kpi}: seconds, at most ${MAX_TARGET_SECONDS}, not ${value}`);
    if (unit === 'count' && !Number.isInteger(value))
      problems.push(`${kpi}: a whole number of calls per period, not ${value}`);
  }
  return problems;
}

/**
 * Maps a queue to a team (null: to none) with its call type, and moves its legs: their team,
 * call type, and days in the new team's zone. Audited with the change. A queue no event named
 * yet is kept, so an admin can map it before its first call.
 */
export function saveQueue(actorId: string, input: QueueMap): Job<Outcome<QueueMap>> {
  return async (trx) => {
    const team = input.teamId === null ? null : await teamOf(trx, input.teamId);
    if (input.teamId !== null && !team)
      return {
        result: { error: { code: 'not_found', message: `no team ${input.teamId}` } },
        messages: [],
      };
    const before = await trx
      .selectFrom('kpi_queues')
      .select(['queue', 'team_id', 'call_type'])
      .where('queue', '=', input.queue)
      .executeTakeFirst();
    const now = nowIso();
    await trx
      .insertInto('kpi_queues')
      .values({
        queue: input.queue,
        team_id: input.teamId,
        call_type: input.callType,
        first_seen_at: now,
        updated_at: now,
        updated_by: actorId,
      })
      .onConflict((oc) =>
        oc.column('queue').doUpdateSet({
          team_id: input.teamId,
          call_type: input.callType,
          updated_at: now,
          updated_by: actorId,
        }),
      )
      .execute();
    // The PBX's call type wins, then the queue's, then what the agent's call was typed.
    await trx
      .updateTable('kpi_legs')
      .set({
        team_id: input.teamId,
        call_type: sql<
          string | null
        >`coalesce(pbx_call_type, ${input.callType}, (select calls.call_type from calls where calls.id = kpi_legs.call_id))`,
        updated_at: now,
      })
      .where('queue', '=', input.queue)
      .execute();
    const legs = await stampDays(trx, { queue: input.queue }, team?.time_zone ?? HUB_ZONE);
    const after: QueueMap = { queue: input.queue, teamId: input.teamId, callType: input.callType };
    await recordAudit(trx, {
      actorId,
      action: before ? 'kpi-queue.update' : 'kpi-queue.create',
      targetType: 'queue',
      targetId: input.queue,
      before: before && { queue: before.queue, teamId: before.team_id, callType: before.call_type },
      after: { ...after, legsMoved: legs },
    });
    return { result: { ok: after }, messages: [] };
  };
}

/** Saves a team's KPI settings (checked by the caller), audited with the change. */
export function saveSettings(actorId: string, input: KpiSettings): Job<KpiSettings> {
  return async (trx) => {
    const exists = await trx
      .selectFrom('kpi_settings')
      .select('team_id')
      .where('team_id', '=', input.teamId)
      .executeTakeFirst();
    const before = await settingsOf(trx, input.teamId);
    const values = {
      fcr_days: input.fcrDays,
      short_abandon_seconds: input.shortAbandonSeconds,
      service_level_seconds: input.serviceLevelSeconds,
      targets: JSON.stringify(input.targets),
      leaderboard: input.leaderboard ? 1 : 0,
      updated_at: nowIso(),
      updated_by: actorId,
    };
    await trx
      .insertInto('kpi_settings')
      .values({ team_id: input.teamId, ...values })
      .onConflict((oc) => oc.column('team_id').doUpdateSet(values))
      .execute();
    const after = await settingsOf(trx, input.teamId);
    await recordAudit(trx, {
      actorId,
      action: exists ? 'kpi-settings.update' : 'kpi-settings.create',
      targetType: 'team',
      targetId: input.teamId,
      before: exists ? before : undefined,
      after,
    });
    return { result: after, messages: [] };
  };
}

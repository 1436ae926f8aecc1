import {
  callTimeOf,
  planWave,
  type DayPart,
  type PlanInput,
  type PlanTeam,
  type PlanWarning,
  type StandardsPack,
  type WavePlan,
  type WaveSaveSchema,
} from '@sidecoach/shared';
import type { z } from 'zod';
import type { Db } from '../store/db.js';
import type { Trx } from '../lib/jobs.js';
import { notMysteryCall } from '../lib/mystery-calls.js';

// A wave's sampling plan from what the floor really does: the wave's teams' calls over the last
// REAL_MIX_DAYS days (mystery calls left out: they are no customer's) give the mix of call types,
// day parts and weekday/weekend, and the population for the sample size; the teams' working
// hours and zones say when each floor is open. shared planWave computes the quotas.

export type WaveInput = z.output<typeof WaveSaveSchema>;

/** How far back the real mix of calls is read. */
export const REAL_MIX_DAYS = 90;
const DAY_MS = 86_400_000;

export type Planned =
  | { ok: true; input: PlanInput; plan: WavePlan; teams: PlanTeam[] }
  | { ok: false; code: 'bad_request' | 'not_found'; message: string };

/** Days from `from` to `to`, both counted. */
export const daysOf = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;

/** The teams as planWave reads them (null hours: a floor open around the clock). */
async function planTeams(db: Db | Trx, ids: readonly string[]): Promise<PlanTeam[]> {
  const rows = await db.selectFrom('teams').selectAll().where('id', 'in', ids).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const t = byId.get(id);
    if (!t) return [];
    const hours =
      t.work_start && t.work_end && t.work_days
        ? { start: t.work_start, end: t.work_end, days: t.work_days.split(',').map(Number) }
        : null;
    return [{ id: t.id, name: t.name, zone: t.time_zone, hours }];
  });
}

/**
 * The real mix of the teams' calls since `since`, counted in SQL per team, call type and UTC
 * hour (a few thousand rows however many calls), each hour read at its middle in the team's zone.
 */
async function realMix(db: Db | Trx, teams: PlanTeam[], since: string) {
  const rows = await db
    .selectFrom('calls as c')
    .innerJoin('team_members as tm', 'tm.user_id', 'c.agent_id')
    .select((eb) => [
      'tm.team_id',
      'c.call_type',
      eb.fn<string>('substr', ['c.started_at', eb.val(1), eb.val(13)]).as('hour'),
      eb.fn.countAll<number>().as('n'),
    ])
    .where(
      'tm.team_id',
      'in',
      teams.map((t) => t.id),
    )
    .where('c.started_at', '>=', since)
    .where(notMysteryCall('c.id'))
    .groupBy(['tm.team_id', 'c.call_type', 'hour'])
    .execute();
  const zone = new Map(teams.map((t) => [t.id, t.zone]));
  const callType: Record<string, number> = {};
  const dayPart: Partial<Record<DayPart, number>> = {};
  const weekPart = { weekday: 0, weekend: 0 };
  let total = 0;
  for (const r of rows) {
    const n = Number(r.n);
    const at = new Date(`${r.hour}:30:00.000Z`);
    const z = zone.get(r.team_id)!;
    callType[r.call_type] = (callType[r.call_type] ?? 0) + n;
    // As the plan reads a call: a night belongs to the day it starts on (shared callTimeOf).
    const time = callTimeOf(at, z);
    dayPart[time.dayPart] = (dayPart[time.dayPart] ?? 0) + n;
    if (time.weekend) weekPart.weekend += n;
    else weekPart.weekday += n;
    total += n;
  }
  return { mix: { callType, dayPart, weekPart }, total };
}

/**
 * The plan of a wave as given: its teams (all of them found), its scenarios' call types (all in
 * the pack), the real mix, the population over a span as long as the wave's; with a warning when
 * some teams of the centre are not in the wave (results compare only within one wave).
 */
export async function planOf(
  db: Db | Trx,
  pack: StandardsPack,
  wave: WaveInput,
  now = new Date(),
): Promise<Planned> {
  const teamIds = [...new Set(wave.teamIds)];
  const teams = await planTeams(db, teamIds);
  const missing = teamIds.filter((id) => !teams.some((t) => t.id === id));
  if (missing.length)
    return { ok: false, code: 'not_found', message: `no team ${missing.join(', ')}` };
  const callTypes = [...new Set(wave.scenarios.map((s) => s.callType))];
  const unknown = callTypes.filter((ct) => !pack.callTypes.some((c) => c.id === ct));
  if (unknown.length)
    return {
      ok: false,
      code: 'bad_request',
      message: `call type ${unknown.join(', ')} is not in the standards pack (${pack.callTypes.map((c) => c.id).join(', ')})`,
    };
  const since = new Date(now.getTime() - REAL_MIX_DAYS * DAY_MS).toISOString();
  const { mix, total } = await realMix(db, teams, since);
  const input: PlanInput = {
    calls: wave.calls,
    from: wave.from,
    to: wave.to,
    teams,
    scenarioCallTypes: callTypes,
    realMix: mix,
    profileMix: wave.profileMix,
    perTeamMax: wave.perTeamMax,
    population: Math.round((total * daysOf(wave.from, wave.to)) / REAL_MIX_DAYS),
    confidence: wave.confidence,
    margin: wave.margin,
  };
  let plan: WavePlan;
  try {
    plan = planWave(input);
  } catch (err) {
    // planWave refuses what cannot be planned (no open hours in the dates...) with the reason.
    return { ok: false, code: 'bad_request', message: (err as Error).message };
  }
  const all = await db
    .selectFrom('teams')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const left = Number(all.n) - teams.length;
  const centre = Number(all.n);
  const warnings: PlanWarning[] =
    left > 0
      ? [
          ...plan.warnings,
          {
            code: 'teams-left-out',
            params: { left, total: centre },
            text: `${left} of the centre's ${centre} teams ${left === 1 ? 'is' : 'are'} not in this wave: results compare only within one wave.`,
          },
        ]
      : plan.warnings;
  return { ok: true, input, plan: { ...plan, warnings }, teams };
}

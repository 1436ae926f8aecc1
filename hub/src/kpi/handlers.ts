import { fail, ok, type KpiRow, type KpiSettings } from '@sidecoach/shared';
import type { HubContext } from '../lib/context.js';
import { handlers } from '../lib/handlers.js';
import { agentFigures, rowOf, teamCounted, teamDashboard, total } from './dashboard.js';
import { drillPage, parseCursor } from './drill.js';
import { daySpan } from './figures.js';
import {
  BEHAVIOURS_ONLY,
  isAdmin,
  LEADERBOARD_REFUSED,
  NOT_ADMIN,
  NOT_AGENT,
  NOT_READER,
  NOT_SETTER,
  readsTeam,
  setsTeam,
  settingsTeams,
} from './policy.js';
import {
  kpiSetup,
  saveQueue,
  saveSettings,
  settingsOf,
  targetProblems,
  teamOf,
} from './settings.js';

/** The most days one request reads (the protocol's bound). */
export const MAX_DAYS = 400;
const DAY_MS = 86_400_000;

/** A range of days longer than MAX_DAYS, as the refusal says it; else null. */
export function tooLong(from: string, to: string): string | null {
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS + 1;
  return days > MAX_DAYS
    ? `at most ${MAX_DAYS} days at a time (${from} to ${to} is ${days})`
    : null;
}

/**
 * The team's figures for a range of days, kept a minute: an agent's own figures are read beside
 * their team's, the same for every agent of the team (a floor opening their sidebars at nine).
 */
export class TeamRows {
  private readonly rows = new Map<string, { at: number; row: Promise<KpiRow> }>();

  constructor(private readonly keepMs = 60_000) {}

  get(key: string, make: () => Promise<KpiRow>): Promise<KpiRow> {
    const now = Date.now();
    for (const [k, v] of this.rows) if (now - v.at > this.keepMs) this.rows.delete(k);
    const kept = this.rows.get(key);
    if (kept) return kept.row;
    const row = make();
    this.rows.set(key, { at: now, row });
    row.catch(() => this.rows.delete(key));
    return row;
  }

  clear(): void {
    this.rows.clear();
  }
}

/** The KPIs for one socket: settings, the team dashboard and its drill-down, the agent's own. */
export function kpiHandlers(ctx: HubContext, teamRows: TeamRows) {
  const { db, inbox, scores } = ctx;
  return handlers(({ user, log }) => ({
    'kpi:setup': async () => {
      if (!isAdmin(user) && user.role !== 'lead') return fail('forbidden', NOT_SETTER);
      return ok(await kpiSetup(db, settingsTeams(user)));
    },

    'kpi:queue-save': async (input) => {
      if (!isAdmin(user)) return fail('forbidden', NOT_ADMIN);
      const outcome = await inbox.submit(saveQueue(user.id, input));
      if ('error' in outcome) return fail(outcome.error.code, outcome.error.message);
      teamRows.clear();
      log.info({ queue: input.queue, teamId: input.teamId }, 'KPI queue mapped');
      return ok(outcome.ok);
    },

    'kpi:settings-save': async (input: KpiSettings) => {
      if (!setsTeam(user, input.teamId)) return fail('forbidden', NOT_SETTER);
      const team = await teamOf(db, input.teamId);
      if (!team) return fail('not_found', `no team ${input.teamId}`);
      const problems = targetProblems(input.targets);
      if (problems.length > 0)
        return fail('bad_request', `targets: ${problems.join('; ')}`, problems);
      if (input.leaderboard && team.behaviours_only === 1)
        return fail('bad_request', LEADERBOARD_REFUSED);
      const saved = await inbox.submit(saveSettings(user.id, input));
      teamRows.clear();
      log.info({ teamId: input.teamId }, 'KPI settings saved');
      return ok(saved);
    },

    'kpi:dashboard': async (request) => {
      if (!readsTeam(user, request.teamId)) return fail('forbidden', NOT_READER);
      const long = tooLong(request.from, request.to);
      if (long) return fail('bad_request', long);
      const team = await teamOf(db, request.teamId);
      if (!team) return fail('not_found', `no team ${request.teamId}`);
      const settings = await settingsOf(db, team.id);
      return ok(
        await teamDashboard(db, team, request, settings, {
          now: new Date(),
          // Mystery-call results reach leads and supervisors once their wave is released.
          unreleasedMystery: isAdmin(user),
        }),
      );
    },

    'kpi:drill': async (request) => {
      if (!readsTeam(user, request.teamId)) return fail('forbidden', NOT_READER);
      const long = tooLong(request.from, request.to);
      if (long) return fail('bad_request', long);
      if (request.cursor !== undefined && !parseCursor(request.cursor))
        return fail('bad_request', 'cursor: not one this hub gave (start again without it)');
      const team = await teamOf(db, request.teamId);
      if (!team) return fail('not_found', `no team ${request.teamId}`);
      const settings = await settingsOf(db, team.id);
      const span = daySpan(request.from, request.to, team.time_zone);
      return ok(
        await drillPage(db, request, span, settings, {
          now: new Date(),
          unreleasedMystery: isAdmin(user),
        }),
      );
    },

    'kpi:mine': async ({ period }) => {
      if (user.role !== 'agent') return fail('forbidden', NOT_AGENT);
      if (scores.behavioursOnly(user.id) || user.behavioursOnly)
        return fail('forbidden', BEHAVIOURS_ONLY);
      const membership = user.teams[0];
      const team = membership && (await teamOf(db, membership.id));
      if (!team)
        return fail(
          'not_found',
          'you are in no team yet: your figures are read beside your team’s',
        );
      if (team.behaviours_only === 1) return fail('forbidden', BEHAVIOURS_ONLY);
      const settings = await settingsOf(db, team.id);
      const now = new Date();
      return ok(
        await agentFigures(db, user.id, team, period, settings, {
          now,
          teamRow: (from, to) =>
            teamRows.get(`${team.id}|${team.time_zone}|${from}|${to}`, async () =>
              rowOf(
                total(
                  (
                    await teamCounted(db, team, daySpan(from, to, team.time_zone), settings, {
                      now,
                      unreleasedMystery: false,
                      agents: false,
                    })
                  ).days,
                ),
              ),
            ),
        }),
      );
    },
  }));
}

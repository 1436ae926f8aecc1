import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDayOf, meetsTarget } from '@sidecoach/shared';
import { data } from './support/calls.js';
import { withHubDatabase } from './support/database.js';
import { signedInSockets, startHub, type RunningHub } from './support/hub-process.js';

// The demo's KPIs tell a story: its queues are mapped (one waits for an admin), the demo team
// has targets, four weeks of legs surround the history's calls (each call linked to its leg), and
// the last week shows a short-staffed team missing its service level.

const DAY_MS = 86_400_000;

describe('the demo’s KPIs', () => {
  let hub: RunningHub;
  const sockets = signedInSockets(() => hub);

  beforeAll(async () => {
    hub = await startHub({ demo: true, demoHistory: true });
  });
  afterAll(async () => {
    sockets.closeAll();
    await hub?.dispose();
  });

  it('maps the queues, leaves the overflow for an admin, and sets the demo team’s targets', async () => {
    const setup = data(await (await sockets.open('quality')).emitWithAck('kpi:setup', {}));
    expect(setup.queues[0]).toMatchObject({ queue: 'overflow', teamId: null });
    expect(setup.queues[0]!.legsWaiting).toBeGreaterThan(0);
    expect(setup.queues.filter((q) => q.teamId !== null).map((q) => q.queue)).toEqual([
      'bookings',
      'night-line',
      'riga-desk',
      'taipei-desk',
    ]);
    const demo = setup.teams.find((t) => t.teamId === 'team-demo')!;
    expect(demo.targets.serviceLevel).toBe(0.8);
  });

  it('gives the lead four weeks with every kind of call, and a last week under target', async () => {
    const lead = await sockets.open('lead');
    const { timeZone } = data(await lead.emitWithAck('kpi:setup', {})).teams[0]!;
    const day = (ago: number) =>
      localDayOf(new Date(Date.now() - ago * DAY_MS).toISOString(), timeZone);
    const month = data(
      await lead.emitWithAck('kpi:dashboard', {
        teamId: 'team-demo',
        period: 'week',
        from: day(27),
        to: day(0),
      }),
    );
    const s = month.total.sums;
    for (const key of [
      'offered',
      'answered',
      'abandoned',
      'shortAbandoned',
      'transferred',
      'fcrEligible',
      'complaints',
      'surveyResponses',
      'calls',
      'selfAssessed',
      'qualityCount',
    ] as const)
      expect(s[key], key).toBeGreaterThan(0);
    expect(s.fcrResolved).toBeLessThan(s.fcrEligible);
    expect(month.agents.map((a) => a.agentName)).toEqual(['Ava Agent', 'Ben Agent', 'Chen Agent']);
    const [ava, ben] = month.agents;
    // Ava takes longer and her callers ring back less than Ben's.
    expect(ava!.figures.aht!).toBeGreaterThan(ben!.figures.aht!);
    expect(ava!.figures.fcr!).toBeGreaterThan(ben!.figures.fcr!);
    const lastWeek = data(
      await lead.emitWithAck('kpi:dashboard', {
        teamId: 'team-demo',
        period: 'day',
        from: day(5),
        to: day(0),
      }),
    );
    expect(meetsTarget('serviceLevel', lastWeek.total.figures.serviceLevel, 0.8)).toBe(false);
    // Every history call of the team's agents in the four weeks has its leg.
    const unlinked = await withHubDatabase(hub.dataDir, (db) =>
      db
        .selectFrom('calls')
        .innerJoin('team_members', 'team_members.user_id', 'calls.agent_id')
        .select('calls.id')
        .where('team_members.team_id', '=', 'team-demo')
        .where('calls.started_at', '>=', new Date(Date.now() - 27 * DAY_MS).toISOString())
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('kpi_legs')
                .select('kpi_legs.id')
                .whereRef('kpi_legs.call_id', '=', 'calls.id'),
            ),
          ),
        )
        .execute(),
    );
    expect(unlinked).toEqual([]);
  });

  it('shows Ava her own week beside the team’s', async () => {
    const mine = data(
      await (await sockets.open('agent1')).emitWithAck('kpi:mine', { period: 'month' }),
    );
    expect(mine.trend).toHaveLength(6);
    expect(mine.targets).toMatchObject({ aht: 300 });
    expect(mine.team.sums.offered).toBeGreaterThanOrEqual(mine.mine.sums.offered);
  });
});

import { randomUUID } from 'node:crypto';
import { localDayOf, localDayStart, phoneKey, type KpiTargets } from '@sidecoach/shared';
import type { Trx } from '../lib/jobs.js';
import { dayAfter, derivedOf, HUB_ZONE, legFactsOf } from '../lib/kpi-legs.js';
import type { Db } from '../store/db.js';
import { nowIso } from '../store/db.js';
import type { KpiLegsTable } from '../store/schema.js';

// Four weeks of the demo floor as the PBX saw it, so the KPI dashboard tells a story: every
// demo call the sidebars had becomes a queue leg (linked to its call record), around them the
// calls nobody opened a sidebar for, with callers who give up (a few within seconds), callers
// who ring back about the same thing, transfers to an overflow queue nobody has mapped yet, and
// two complaints. Ava takes longer and resolves more first time; Ben is quick, and his callers
// call back. The last week the demo team is short-staffed: waits grow, more callers abandon,
// the service level drops under the target the lead set. Times are relative to now, and fall
// in each team's working hours (09:00 to 17:00 on weekdays where a team has none set).

/** The demo's PBX queues and the team each counts for ('overflow' is left for an admin to map). */
export const DEMO_QUEUES = [
  { queue: 'bookings', teamId: 'team-demo', callType: 'booking' },
  { queue: 'night-line', teamId: 'team-night', callType: null },
  { queue: 'taipei-desk', teamId: 'team-taipei', callType: null },
  { queue: 'riga-desk', teamId: 'team-riga', callType: null },
  { queue: 'overflow', teamId: null, callType: null },
] as const;

/** The demo team's targets: what its lead set (seconds, shares 0-1, percent). */
export const DEMO_TARGETS: KpiTargets = {
  aht: 300,
  asa: 20,
  serviceLevel: 0.8,
  abandonment: 0.08,
  fcr: 0.75,
  csat: 0.8,
  selfAssessment: 0.9,
  quality: 85,
};

const DAYS = 28;
const DAY_MS = 86_400_000;

/** A small seeded generator (xorshift32): the same demo floor every time; [0, 1). */
function seeded(seed: number) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 0x100000000;
  };
}

/** How each demo agent works: talk time (s), how often their callers ring back, wrap-up (s). */
const STYLE: Record<string, { talk: number; repeat: number; wrap: number }> = {
  agent1: { talk: 330, repeat: 0.06, wrap: 50 },
  agent2: { talk: 200, repeat: 0.3, wrap: 25 },
  agent3: { talk: 260, repeat: 0.12, wrap: 40 },
  agent4: { talk: 280, repeat: 0.1, wrap: 45 },
  agent5: { talk: 300, repeat: 0.08, wrap: 40 },
  agent6: { talk: 270, repeat: 0.1, wrap: 35 },
};
/** Calls a day nobody had a sidebar open for, by team (on top of the demo's own calls). */
const EXTRA_PER_DAY: Record<string, number> = {
  'team-demo': 14,
  'team-night': 4,
  'team-taipei': 4,
  'team-riga': 4,
};

type Leg = Omit<
  KpiLegsTable,
  | 'id'
  | 'offered_ms'
  | 'next_contact_at'
  | 'next_contact_ms'
  | 'counted_wait_ms'
  | 'handled'
  | 'outcome'
  | 'handle_talk_ms'
  | 'handle_hold_ms'
  | 'handle_acw_ms'
  | 'local_day'
  | 'time_zone'
  | 'created_at'
  | 'updated_at'
  | 'offered_seen'
  | 'complaint'
> & { complaint: number };

const iso = (ms: number) => new Date(ms).toISOString();

/** Seeds the demo's queues, the demo team's targets and four weeks of legs (once, with history). */
export async function seedDemoKpi(db: Db): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const now = Date.now();
    const at = nowIso();
    await trx
      .insertInto('kpi_queues')
      .values(
        DEMO_QUEUES.map((q) => ({
          queue: q.queue,
          team_id: q.teamId,
          call_type: q.callType,
          first_seen_at: iso(now - DAYS * DAY_MS),
          updated_at: at,
          updated_by: null,
        })),
      )
      .onConflict((oc) => oc.column('queue').doNothing())
      .execute();
    await trx
      .insertInto('kpi_settings')
      .values({
        team_id: 'team-demo',
        fcr_days: 7,
        short_abandon_seconds: 5,
        service_level_seconds: 20,
        targets: JSON.stringify(DEMO_TARGETS),
        leaderboard: 0,
        updated_at: at,
        updated_by: null,
      })
      .onConflict((oc) => oc.column('team_id').doNothing())
      .execute();
    await insertLegs(trx, await demoLegs(trx, now), now);
  });
}

async function demoLegs(trx: Trx, now: number): Promise<Leg[]> {
  const random = seeded(2121);
  const teams = await trx
    .selectFrom('teams')
    .select(['id', 'time_zone', 'work_start', 'work_end', 'work_days'])
    .execute();
  const people = await trx
    .selectFrom('users')
    .innerJoin('team_members', 'team_members.user_id', 'users.id')
    .select(['users.id', 'users.username', 'users.extension', 'team_members.team_id'])
    .where('users.role', '=', 'agent')
    .execute();
  const queueOf = new Map<string, string>(
    DEMO_QUEUES.flatMap((q) => (q.teamId === null ? [] : [[q.teamId, q.queue] as const])),
  );
  const legs: Leg[] = [];
  let numbers = 0;
  /** A new caller's number (a range set aside for drama: 020 7946 0xxx). */
  const newNumber = () => `+44 20 7946 ${String(numbers++ % 1000).padStart(4, '0')}`;
  const answeredLeg = (
    agent: (typeof people)[number],
    queue: string,
    offered: number,
    wait: number,
    talk: number,
    from: string | null,
  ): Leg => {
    const style = STYLE[agent.username] ?? { talk: 240, repeat: 0.1, wrap: 40 };
    const answered = offered + wait;
    const wrapStart = answered + Math.round(talk * 1000);
    return {
      pbx_call_id: `demo-${randomUUID()}`,
      queue,
      team_id: null,
      agent_id: agent.id,
      extension: agent.extension,
      pbx_call_type: null,
      call_type: null,
      customer_key: from && phoneKey(from),
      offered_at: iso(offered),
      answered_at: iso(answered),
      abandoned_at: null,
      wait_ms: wait,
      transferred_at: null,
      to_queue: null,
      wrap_start_at: iso(wrapStart),
      wrap_end_at: iso(wrapStart + Math.round(style.wrap * (0.6 + random() * 0.8) * 1000)),
      talk_ms: Math.round(talk * 900),
      hold_ms: Math.round(talk * 100),
      complaint: 0,
      call_id: null,
    };
  };

  // The calls the sidebars had: a leg each on the agent's team's queue, linked to its record.
  const calls = await trx
    .selectFrom('calls')
    .select(['id', 'agent_id', 'external_id', 'call_type', 'started_at', 'ended_at'])
    .where('started_at', '>=', iso(now - DAYS * DAY_MS))
    .orderBy('started_at')
    .execute();
  for (const call of calls) {
    const agent = people.find((p) => p.id === call.agent_id);
    const queue = agent && queueOf.get(agent.team_id);
    if (!agent || !queue || call.ended_at === null) continue;
    const wait = Math.round((4 + random() * 18) * 1000);
    const started = Date.parse(call.started_at);
    const leg = answeredLeg(
      agent,
      queue,
      started - wait,
      wait,
      (Date.parse(call.ended_at) - started) / 1000,
      newNumber(),
    );
    legs.push({
      ...leg,
      pbx_call_id: call.external_id ?? leg.pbx_call_id,
      call_id: call.id,
      call_type: call.call_type,
      talk_ms: null,
      hold_ms: null,
    });
  }

  // The calls around them, in each team's working hours.
  for (const team of teams) {
    const queue = queueOf.get(team.id);
    const agents = people.filter((p) => p.team_id === team.id);
    const perDay = EXTRA_PER_DAY[team.id];
    if (!queue || agents.length === 0 || perDay === undefined) continue;
    const zone = team.time_zone || HUB_ZONE;
    const [startH, startM] = (team.work_start ?? '09:00').split(':').map(Number) as [
      number,
      number,
    ];
    const [endH, endM] = (team.work_end ?? '17:00').split(':').map(Number) as [number, number];
    const open = startH * 60 + startM;
    // A night shift ends after midnight: its hours run on into the next day.
    const length = ((endH * 60 + endM - open + 24 * 60) % (24 * 60) || 8 * 60) * 60_000;
    const workdays = (team.work_days ?? '1,2,3,4,5').split(',').map(Number);
    let day = localDayOf(iso(now - DAYS * DAY_MS), zone);
    for (let d = 0; d <= DAYS; d++, day = dayAfter(day)) {
      const weekday = ((new Date(`${day}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;
      if (!workdays.includes(weekday)) continue;
      const opens = Date.parse(localDayStart(day, zone)) + open * 60_000;
      // The demo team's last week: two agents off sick, so callers wait longer.
      const shortStaffed = team.id === 'team-demo' && now - opens < 7 * DAY_MS;
      for (let n = 0; n < perDay; n++) {
        const offered = opens + Math.floor(random() * length);
        if (offered > now - 60_000) continue;
        const from = random() < 0.1 ? null : newNumber();
        const roll = random();
        const abandonShare = shortStaffed ? 0.16 : 0.05;
        if (roll < 0.03) {
          // Hung up within seconds: a short abandon, left out of abandonment.
          legs.push(abandonedLeg(queue, offered, Math.round((1 + random() * 3) * 1000), from));
          continue;
        }
        if (roll < 0.03 + abandonShare) {
          const wait = Math.round((shortStaffed ? 40 + random() * 120 : 25 + random() * 60) * 1000);
          legs.push(abandonedLeg(queue, offered, wait, from));
          continue;
        }
        const agent = agents[Math.floor(random() * agents.length)]!;
        const style = STYLE[agent.username] ?? { talk: 240, repeat: 0.1, wrap: 40 };
        const wait = Math.round(
          (shortStaffed ? 10 + random() * 50 : 2 + random() * (random() < 0.85 ? 16 : 40)) * 1000,
        );
        const talk = Math.round(style.talk * (0.5 + random()));
        // What the caller chose in the IVR (the queue's booking when they chose nothing).
        const chose = random();
        const leg = {
          ...answeredLeg(agent, queue, offered, wait, talk, from),
          pbx_call_type:
            chose < 0.2
              ? 'information-request'
              : chose < 0.32
                ? 'cancellation'
                : chose < 0.33
                  ? 'complaint'
                  : null,
        };
        if (team.id === 'team-demo' && random() < 0.05) {
          // Passed on to the overflow queue (unmapped: its legs wait for an admin).
          const transferred = Date.parse(leg.answered_at!) + Math.round(talk * 500);
          legs.push({
            ...leg,
            wrap_start_at: null,
            wrap_end_at: null,
            talk_ms: null,
            hold_ms: null,
            transferred_at: iso(transferred),
            to_queue: 'overflow',
          });
          // Dev, on the night line, picks the overflow up.
          const dev = people.find((p) => p.username === 'agent4');
          if (dev)
            legs.push({
              ...answeredLeg(dev, 'overflow', transferred, 15_000, talk, from),
              pbx_call_id: leg.pbx_call_id,
            });
          continue;
        }
        legs.push(leg);
        // This agent's callers ring back (another call within days: not resolved first time).
        if (from !== null && random() < style.repeat) {
          const again = offered + Math.round((0.2 + random() * 4) * DAY_MS);
          if (again < now - 60_000)
            legs.push(
              answeredLeg(
                agents[Math.floor(random() * agents.length)]!,
                queue,
                again,
                8000,
                talk,
                from,
              ),
            );
        }
      }
    }
  }
  // Two complaints on the demo team (Ben's), one in Rīga: the agent's disposition said so.
  const flag = (username: string, count: number) => {
    const id = people.find((p) => p.username === username)?.id;
    for (const leg of legs.filter((l) => l.agent_id === id && l.wrap_end_at !== null).slice(-count))
      leg.complaint = 1;
  };
  flag('agent2', 2);
  flag('agent6', 1);
  return legs;
}

function abandonedLeg(queue: string, offered: number, wait: number, from: string | null): Leg {
  return {
    pbx_call_id: `demo-${randomUUID()}`,
    queue,
    team_id: null,
    agent_id: null,
    extension: null,
    pbx_call_type: null,
    call_type: null,
    customer_key: from && phoneKey(from),
    offered_at: iso(offered),
    answered_at: null,
    abandoned_at: iso(offered + wait),
    wait_ms: wait,
    transferred_at: null,
    to_queue: null,
    wrap_start_at: null,
    wrap_end_at: null,
    talk_ms: null,
    hold_ms: null,
    complaint: 0,
    call_id: null,
  };
}

/** The legs with what the webhook would have stamped on them: team, days, next contacts. */
async function insertLegs(trx: Trx, legs: Leg[], now: number): Promise<void> {
  const queues = await trx
    .selectFrom('kpi_queues')
    .leftJoin('teams', 'teams.id', 'kpi_queues.team_id')
    .select(['kpi_queues.queue', 'kpi_queues.team_id', 'kpi_queues.call_type', 'teams.time_zone'])
    .execute();
  const byQueue = new Map(queues.map((q) => [q.queue, q]));
  const byNumber = new Map<string, Leg[]>();
  for (const leg of legs)
    if (leg.customer_key)
      byNumber.set(leg.customer_key, [...(byNumber.get(leg.customer_key) ?? []), leg]);
  const at = iso(now);
  const rows = legs.map((leg) => {
    const queue = byQueue.get(leg.queue);
    const zone = queue?.time_zone ?? HUB_ZONE;
    const later = (leg.customer_key ? byNumber.get(leg.customer_key)! : [])
      .filter((o) => o.pbx_call_id !== leg.pbx_call_id && o.offered_at > leg.offered_at)
      .map((o) => o.offered_at)
      .sort();
    const next = later[0] ?? null;
    const stamped = { ...leg, next_contact_at: next };
    return {
      ...stamped,
      id: randomUUID(),
      team_id: queue?.team_id ?? null,
      call_type: leg.pbx_call_type ?? queue?.call_type ?? leg.call_type,
      offered_seen: 1,
      offered_ms: Date.parse(leg.offered_at),
      next_contact_ms: next === null ? null : Date.parse(next),
      ...derivedOf(legFactsOf(stamped)),
      local_day: localDayOf(leg.offered_at, zone),
      time_zone: zone,
      created_at: at,
      updated_at: at,
    };
  });
  // 40 columns a row: well under either database's limit of bound values per statement.
  for (let i = 0; i < rows.length; i += 200)
    await trx
      .insertInto('kpi_legs')
      .values(rows.slice(i, i + 200))
      .execute();
}

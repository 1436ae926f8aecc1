import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import {
  addSums,
  emptySums,
  KPI_DEFAULTS,
  legSums,
  localDayOf,
  phoneKey,
  type KpiSums,
  type LegFacts,
  type QueueEvent,
} from '@sidecoach/shared';
import { signRequest } from '../src/lib/signature.js';
import { legFactsOf } from '../src/lib/kpi-legs.js';
import { daySpan, legCounted } from '../src/kpi/figures.js';
import { data } from './support/calls.js';
import { hubSecret, withHubDatabase } from './support/database.js';
import { signedInSockets, startHub, type RunningHub } from './support/hub-process.js';

// The database's sums are shared's legSums summed: several hundred random calls (answered,
// abandoned at and around the thresholds, transferred, still waiting or talking; PBX times or
// not; repeat callers; events shuffled), posted through the webhook in batches, give the same
// counters three ways: legSums over the calls as generated, legSums over the legs as stored,
// and the SQL aggregate (the dashboard's and legCounted's, by day and by agent).

const CALLS = 400;
const DAY_MS = 86_400_000;
const QUEUE_KEYS = [
  'offered',
  'answered',
  'answeredInSl',
  'abandoned',
  'shortAbandoned',
  'waitMs',
  'handled',
  'talkMs',
  'holdMs',
  'acwMs',
  'transferred',
  'fcrEligible',
  'fcrResolved',
  'complaints',
] as const satisfies readonly (keyof KpiSums)[];
const queueSide = (s: KpiSums) => Object.fromEntries(QUEUE_KEYS.map((k) => [k, s[k]]));

/** A seeded generator: the same calls every run; [0, 1). */
function seeded(seed: number) {
  const rng = xoroshiro128plus(seed);
  return () => (rng.next() >>> 0) / 0x100000000;
}

interface Generated {
  facts: LegFacts;
  events: QueueEvent[];
}

/** Random calls on one queue and what each leg's facts are, as the generator made them. */
function generate(now: number): Generated[] {
  const random = seeded(21);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const iso = (ms: number) => new Date(ms).toISOString();
  const calls: Generated[] = [];
  for (let i = 0; i < CALLS; i++) {
    const callId = `r${i}`;
    const base = { queue: 'random', callId };
    // Most windows closed (20 to 30 days ago); some still open (the last five days).
    const offered =
      random() < 0.8
        ? now - 20 * DAY_MS - Math.floor(random() * 10 * DAY_MS)
        : now - 3_600_000 - Math.floor(random() * 5 * DAY_MS);
    const from =
      random() < 0.85
        ? `+371 2100 ${String(Math.floor(random() * 25)).padStart(4, '0')}`
        : undefined;
    const wait = pick([0, 4999, 5000, 5001, 19_999, 20_000, 20_001, Math.floor(random() * 60_000)]);
    const extension = pick(['1004', '1001']);
    const events: QueueEvent[] = [
      { kind: 'offered', ...base, at: iso(offered), ...(from ? { from } : {}) },
    ];
    const facts: LegFacts = {
      offeredAt: iso(offered),
      answeredAt: null,
      abandonedAt: null,
      waitMs: null,
      transferredAt: null,
      wrapStartAt: null,
      wrapEndAt: null,
      talkMs: null,
      holdMs: null,
      customerKey: from ? phoneKey(from) : null,
      nextContactAt: null,
      complaint: false,
    };
    const fate = random();
    if (fate < 0.6) {
      const answered = offered + wait;
      facts.answeredAt = iso(answered);
      facts.waitMs = wait;
      events.push({ kind: 'answered', ...base, at: iso(answered), extension, waitMs: wait });
      const next = random();
      const talk = 10_000 + Math.floor(random() * 600_000);
      if (next < 0.7) {
        const wrapStart = answered + talk;
        const wrapEnd = wrapStart + Math.floor(random() * 120_000);
        const pbx = random() < 0.5;
        const complaint = random() < 0.1;
        facts.wrapStartAt = iso(wrapStart);
        facts.wrapEndAt = iso(wrapEnd);
        if (pbx) {
          facts.talkMs = talk - 5000;
          facts.holdMs = 5000;
        }
        facts.complaint = complaint;
        events.push(
          {
            kind: 'wrapup-started',
            ...base,
            at: iso(wrapStart),
            extension,
            ...(pbx ? { talkMs: talk - 5000, holdMs: 5000 } : {}),
          },
          { kind: 'wrapup-ended', ...base, at: iso(wrapEnd), extension, complaint },
        );
      } else if (next < 0.85) {
        facts.transferredAt = iso(answered + talk);
        events.push({ kind: 'transferred', ...base, at: iso(answered + talk), extension });
      }
    } else if (fate < 0.9) {
      facts.abandonedAt = iso(offered + wait);
      facts.waitMs = wait;
      events.push({ kind: 'abandoned', ...base, at: iso(offered + wait), waitMs: wait });
    }
    // Some calls' events arrive out of order.
    if (random() < 0.3) events.reverse();
    calls.push({ facts, events });
  }
  // A leg's next contact: the same number's earliest later call (another PBX call).
  for (const c of calls) {
    if (c.facts.customerKey === null) continue;
    const later = calls
      .filter(
        (o) =>
          o !== c &&
          o.facts.customerKey === c.facts.customerKey &&
          o.facts.offeredAt > c.facts.offeredAt,
      )
      .map((o) => o.facts.offeredAt)
      .sort();
    c.facts.nextContactAt = later[0] ?? null;
  }
  return calls;
}

describe('KPI sums in SQL are shared’s legSums', () => {
  let hub: RunningHub;
  const sockets = signedInSockets(() => hub);
  const now = Date.now();
  const calls = generate(now);

  beforeAll(async () => {
    hub = await startHub({ demo: true });
    const secret = await hubSecret(hub, 'cti-secret');
    const admin = await sockets.open('quality');
    data(
      await admin.emitWithAck('kpi:queue-save', {
        queue: 'random',
        teamId: 'team-night',
        callType: null,
      }),
    );
    const events = calls.flatMap((c) => c.events.map((event) => ({ event })));
    for (let i = 0; i < events.length; i += 500) {
      const body = JSON.stringify({ events: events.slice(i, i + 500) });
      const at = Math.floor(Date.now() / 1000);
      const res = await fetch(`${hub.url}/api/cti/queue-events`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-sidecoach-timestamp': String(at),
          'x-sidecoach-signature': signRequest(secret, at, body),
        },
        body,
      });
      expect(res.status).toBe(200);
      const { results } = (await res.json()) as { results: { status: string }[] };
      expect(results.filter((r) => r.status !== 'accepted')).toEqual([]);
    }
  });
  afterAll(async () => {
    sockets.closeAll();
    await hub?.dispose();
  });

  it('gives the same counters as legSums over the calls as generated and as stored', async () => {
    const t = KPI_DEFAULTS;
    const at = new Date();
    const expected = calls.reduce((s, c) => addSums(s, legSums(c.facts, t, at)), emptySums());
    // Every kind of leg is in the sample (else the comparison would prove little).
    for (const key of QUEUE_KEYS) expect(expected[key], key).toBeGreaterThan(0);
    const admin = await sockets.open('quality');
    const { timeZone } = data(await admin.emitWithAck('kpi:setup', {})).teams.find(
      (x) => x.teamId === 'team-night',
    )!;
    const from = localDayOf(new Date(now - 31 * DAY_MS).toISOString(), timeZone);
    const to = localDayOf(at.toISOString(), timeZone);
    const dashboard = data(
      await admin.emitWithAck('kpi:dashboard', { teamId: 'team-night', period: 'week', from, to }),
    );
    expect(queueSide(dashboard.total.sums)).toEqual(queueSide(expected));
    const byDays = dashboard.trend.reduce((s, b) => addSums(s, b.sums), emptySums());
    expect(queueSide(byDays)).toEqual(queueSide(expected));
    await withHubDatabase(hub.dataDir, async (db) => {
      const rows = await db
        .selectFrom('kpi_legs')
        .selectAll()
        .where('queue', '=', 'random')
        .execute();
      expect(rows).toHaveLength(CALLS);
      const stored = rows.reduce((s, r) => addSums(s, legSums(legFactsOf(r), t, at)), emptySums());
      expect(stored).toEqual(expected);
      const counted = await legCounted(
        db,
        { teamId: 'team-night' },
        daySpan(from, to, timeZone),
        t,
        {
          now: at,
          agents: true,
        },
      );
      const sum = (rows: { sums: KpiSums }[]) =>
        rows.reduce((s, r) => addSums(s, r.sums), emptySums());
      expect(sum(counted.days)).toEqual(expected);
      expect(sum(counted.agents)).toEqual(expected);
    });
  });
});

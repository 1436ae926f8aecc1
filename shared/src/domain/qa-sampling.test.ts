import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  drawSample,
  meetsFilters,
  qaPeriodOf,
  qaSlots,
  type SampleCall,
  type SampleInput,
  type SamplingPlan,
} from './qa-sampling.js';
import { localDate } from './teams.js';

const ZONE = 'Europe/Riga';
const MONTH = qaPeriodOf('2026-03-18', 'month', ZONE);
const EVALUATORS = ['eva', 'ed', 'emma'];

const plan = (over: Partial<SamplingPlan> = {}): SamplingPlan => ({
  seed: 'seed-one',
  perAgent: 4,
  filters: {},
  evaluatorIds: EVALUATORS,
  dailyCap: 50,
  ...over,
});

/** A seeded generator (pure-rand's xoroshiro128+) for the test data: [0, 1). */
function seeded(seed: number) {
  const rng = xoroshiro128plus(seed);
  return () => (rng.next() >>> 0) / 0x100000000;
}

const call = (over: Partial<SampleCall> & Pick<SampleCall, 'id' | 'agentId' | 'startedAt'>) => ({
  callType: 'booking',
  endedAt: new Date(Date.parse(over.startedAt) + 240_000).toISOString(),
  durationMs: 240_000,
  surveyed: false,
  csat: null,
  flagged: false,
  taken: false,
  ...over,
});

/** `perAgent` calls a day for each agent over the period, at random times and of random kinds. */
function callsOver(agents: string[], period = MONTH, perDay = 3, seed = 7): SampleCall[] {
  const random = seeded(seed);
  const start = Date.parse(period.start);
  const days = Math.round((Date.parse(period.end) - start) / 86_400_000);
  const calls: SampleCall[] = [];
  for (const agentId of agents)
    for (let d = 0; d < days; d++)
      for (let n = 0; n < perDay; n++) {
        const at = start + d * 86_400_000 + Math.floor(random() * 86_000_000);
        const csat = random() < 0.5 ? 1 + Math.floor(random() * 5) : null;
        calls.push(
          call({
            id: `${agentId}-${d}-${n}`,
            agentId,
            startedAt: new Date(at).toISOString(),
            callType: random() < 0.7 ? 'booking' : 'complaint',
            durationMs: 30_000 + Math.floor(random() * 600_000),
            surveyed: csat !== null,
            csat,
          }),
        );
      }
  return calls;
}

const agents = (n: number) => Array.from({ length: n }, (_, i) => `agent-${i + 1}`);

const input = (over: Partial<SampleInput> = {}): SampleInput => ({
  plan: plan(),
  period: MONTH,
  agents: agents(6),
  calls: callsOver(agents(6)),
  drawn: [],
  dueLoad: new Map(),
  until: MONTH.end,
  today: MONTH.from,
  ...over,
});

const picked = (r: ReturnType<typeof drawSample>) =>
  r.drawn.map((d) => `${d.agentId}/${d.slot}/${d.callId}`).sort();

describe('QA periods and slots', () => {
  it('a week runs Monday to Sunday and a month from the 1st, from midnight in the zone', () => {
    const week = qaPeriodOf('2026-03-18', 'week', ZONE); // a Wednesday
    expect(week).toMatchObject({ from: '2026-03-16', to: '2026-03-23' });
    expect(week.start).toBe('2026-03-15T22:00:00.000Z'); // Riga is UTC+2 in winter
    expect(qaPeriodOf('2026-03-22', 'week', ZONE).from).toBe('2026-03-16'); // a Sunday
    expect(MONTH).toMatchObject({ from: '2026-03-01', to: '2026-04-01' });
    // Summer time starts on 29 March: April starts at UTC+3.
    expect(MONTH.end).toBe('2026-03-31T21:00:00.000Z');
    expect(qaPeriodOf('2026-12-31', 'month', ZONE).to).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('splits a period into equal slots that cover it without gaps', () => {
    const slots = qaSlots(MONTH, 4);
    expect(slots.map((s) => s.slot)).toEqual([1, 2, 3, 4]);
    expect(slots[0]!.from).toBe(MONTH.start);
    expect(slots.at(-1)!.to).toBe(MONTH.end);
    for (let i = 1; i < slots.length; i++) expect(slots[i]!.from).toBe(slots[i - 1]!.to);
    const lengths = slots.map((s) => Date.parse(s.to) - Date.parse(s.from));
    expect(Math.max(...lengths) - Math.min(...lengths)).toBeLessThanOrEqual(1);
  });
});

describe('the seeded draw', () => {
  it('draws the same calls from the same seed and calls, and others from another seed', () => {
    const first = drawSample(input());
    expect(first.drawn).toHaveLength(6 * 4);
    expect(drawSample(input())).toEqual(first);
    const other = drawSample(input({ plan: plan({ seed: 'seed-two' }) }));
    expect(other.drawn).toHaveLength(24);
    // 24 draws from about 20 calls each: all the same by chance is below 1e-30.
    expect(picked(other)).not.toEqual(picked(first));
    const changed = other.drawn.filter(
      (d) =>
        first.drawn.find((f) => f.agentId === d.agentId && f.slot === d.slot)!.callId !== d.callId,
    );
    expect(changed.length).toBeGreaterThan(12);
  });

  it('draws an agent’s calls whatever the other agents’ calls are', () => {
    const alone = drawSample(input({ agents: ['agent-1'], calls: callsOver(['agent-1']) }));
    const crowd = drawSample(input());
    const mine = (r: ReturnType<typeof drawSample>) =>
      r.drawn.filter((d) => d.agentId === 'agent-1').map((d) => [d.slot, d.callId]);
    expect(mine(crowd)).toEqual(mine(alone));
  });

  it('takes one call from each slot of each agent, started in that slot', () => {
    const calls = callsOver(agents(6));
    const result = drawSample(input({ calls }));
    const slots = qaSlots(MONTH, 4);
    for (const agentId of agents(6)) {
      const mine = result.drawn.filter((d) => d.agentId === agentId);
      expect(mine.map((d) => d.slot).sort()).toEqual([1, 2, 3, 4]);
      for (const d of mine) {
        const c = calls.find((x) => x.id === d.callId)!;
        const slot = slots[d.slot - 1]!;
        expect(c.agentId).toBe(agentId);
        expect(c.startedAt >= slot.from && c.startedAt < slot.to).toBe(true);
        expect(d.reason).toEqual({
          seed: 'seed-one',
          slot: d.slot,
          slotFrom: slot.from,
          slotTo: slot.to,
          eligible: calls.filter(
            (x) => x.agentId === agentId && x.startedAt >= slot.from && x.startedAt < slot.to,
          ).length,
          filters: {},
          flagged: false,
        });
      }
    }
  });

  it('draws about uniformly among a slot’s eligible calls', () => {
    // One agent, one slot, ten calls: over 1,000 seeds each call is drawn about 100 times.
    const week = qaPeriodOf('2026-03-18', 'week', ZONE);
    const calls = Array.from({ length: 10 }, (_, i) =>
      call({
        id: `c${i}`,
        agentId: 'a',
        startedAt: new Date(Date.parse(week.start) + i * 3_600_000).toISOString(),
      }),
    );
    const counts = new Map<string, number>();
    for (let s = 0; s < 1000; s++) {
      const r = drawSample(
        input({ plan: plan({ seed: `s${s}`, perAgent: 1 }), period: week, agents: ['a'], calls }),
      );
      const id = r.drawn[0]!.callId;
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    expect(counts.size).toBe(10);
    for (const n of counts.values()) expect(n).toBeGreaterThan(60); // 4 standard deviations below
  });

  it('spreads the draws evenly over the evaluators, slot by slot, never to the agent', () => {
    const result = drawSample(input({ agents: agents(7), calls: callsOver(agents(7)) }));
    const per = (slot?: number) =>
      EVALUATORS.map(
        (e) => result.drawn.filter((d) => d.evaluatorId === e && (!slot || d.slot === slot)).length,
      );
    const spread = (counts: number[]) => Math.max(...counts) - Math.min(...counts);
    expect(per().reduce((a, b) => a + b)).toBe(28);
    expect(spread(per())).toBeLessThanOrEqual(1);
    // Each slot (7 draws over 3 evaluators) is shared too, not one evaluator's week.
    for (const slot of [1, 2, 3, 4]) expect(spread(per(slot))).toBeLessThanOrEqual(1);

    // An evaluator who is also an agent of the team (a working lead) never gets their own calls.
    const self = drawSample(
      input({
        agents: ['eva', 'agent-1'],
        calls: callsOver(['eva', 'agent-1']),
        plan: plan({ evaluatorIds: ['eva', 'ed'] }),
      }),
    );
    expect(self.drawn.filter((d) => d.agentId === 'eva').every((d) => d.evaluatorId === 'ed')).toBe(
      true,
    );
    const alone = drawSample(
      input({ agents: ['eva'], calls: callsOver(['eva']), plan: plan({ evaluatorIds: ['eva'] }) }),
    );
    expect(alone).toMatchObject({ drawn: [], unassigned: 4 });
  });

  it('keeps each evaluator to the daily cap, due on the slot’s last day or the next with room', () => {
    const week = qaPeriodOf('2026-03-18', 'week', ZONE);
    const team = agents(10);
    const result = drawSample(
      input({
        plan: plan({ perAgent: 1, dailyCap: 2 }),
        period: week,
        agents: team,
        calls: callsOver(team, week),
        today: week.from,
        // Ed already has two due on Sunday from another team.
        dueLoad: new Map([['ed 2026-03-22', 2]]),
      }),
    );
    expect(result.drawn).toHaveLength(10);
    const perDay = new Map<string, number>();
    for (const d of result.drawn) {
      const key = `${d.evaluatorId} ${d.due}`;
      perDay.set(key, (perDay.get(key) ?? 0) + 1);
      expect(d.due >= '2026-03-22').toBe(true); // the slot (the week) ends on Sunday
    }
    expect(Math.max(...perDay.values())).toBe(2);
    expect(perDay.get('ed 2026-03-22')).toBeUndefined();
    expect([...perDay.keys()].sort()).toEqual([
      'ed 2026-03-23',
      'ed 2026-03-24',
      'emma 2026-03-22',
      'emma 2026-03-23',
      'eva 2026-03-22',
      'eva 2026-03-23',
    ]);
  });

  it('is never due before the call nor before the day of the draw', () => {
    const week = qaPeriodOf('2026-03-18', 'week', ZONE);
    const result = drawSample(
      input({
        plan: plan({ perAgent: 7 }),
        period: week,
        agents: ['a'],
        calls: callsOver(['a'], week),
        today: '2026-03-25', // drawn late, after the week
      }),
    );
    expect(result.drawn).toHaveLength(7);
    expect(result.drawn.every((d) => d.due === '2026-03-25')).toBe(true);
    const onTime = drawSample(
      input({
        plan: plan({ perAgent: 7 }),
        period: week,
        agents: ['a'],
        calls: callsOver(['a'], week),
      }),
    );
    const calls = callsOver(['a'], week);
    for (const d of onTime.drawn) {
      const c = calls.find((x) => x.id === d.callId)!;
      expect(d.due >= localDate(new Date(c.endedAt!), ZONE)).toBe(true);
      expect(d.due).toBe(localDate(new Date(Date.parse(d.reason.slotTo) - 1), ZONE));
    }
  });

  it('draws only slots that have started', () => {
    const slots = qaSlots(MONTH, 4);
    const result = drawSample(
      input({ until: new Date(Date.parse(slots[1]!.from) + 1).toISOString() }),
    );
    expect(new Set(result.drawn.map((d) => d.slot))).toEqual(new Set([1, 2]));
    expect(result.drawn).toHaveLength(12);
  });
});

describe('eligibility', () => {
  const base = call({ id: 'x', agentId: 'a', startedAt: '2026-03-02T10:00:00.000Z' });

  it('applies every filter of the plan', () => {
    expect(meetsFilters(base, {})).toBe(true);
    expect(meetsFilters({ ...base, endedAt: null }, {})).toBe(false);
    expect(meetsFilters({ ...base, taken: true }, {})).toBe(false);
    expect(meetsFilters(base, { callTypes: ['complaint'] })).toBe(false);
    expect(meetsFilters(base, { callTypes: ['complaint', 'booking'] })).toBe(true);
    expect(meetsFilters(base, { minDurationSec: 240 })).toBe(true);
    expect(meetsFilters(base, { minDurationSec: 241 })).toBe(false);
    expect(meetsFilters(base, { maxDurationSec: 240 })).toBe(true);
    expect(meetsFilters(base, { maxDurationSec: 239 })).toBe(false);
    expect(meetsFilters({ ...base, durationMs: null }, { maxDurationSec: 600 })).toBe(false);
    expect(meetsFilters(base, { surveyed: true })).toBe(false);
    expect(meetsFilters({ ...base, surveyed: true }, { surveyed: true })).toBe(true);
    expect(meetsFilters({ ...base, surveyed: true, csat: 3 }, { maxCsat: 2 })).toBe(false);
    expect(meetsFilters({ ...base, surveyed: true, csat: 2 }, { maxCsat: 2 })).toBe(true);
    expect(meetsFilters({ ...base, surveyed: true }, { maxCsat: 5 })).toBe(false); // no CSAT given
    expect(meetsFilters(base, { flaggedOnly: true })).toBe(false);
    expect(meetsFilters({ ...base, flagged: true }, { flaggedOnly: true })).toBe(true);
  });

  it('draws only calls that meet the filters, and counts them in the reason', () => {
    const filters = {
      callTypes: ['complaint'],
      minDurationSec: 120,
      maxDurationSec: 400,
      maxCsat: 3,
    };
    const calls = callsOver(agents(6));
    const result = drawSample(input({ plan: plan({ filters }), calls }));
    expect(result.drawn.length).toBeGreaterThan(0);
    for (const d of result.drawn) {
      const c = calls.find((x) => x.id === d.callId)!;
      expect(c.callType).toBe('complaint');
      expect(c.durationMs! >= 120_000 && c.durationMs! <= 400_000).toBe(true);
      expect(c.csat !== null && c.csat <= 3).toBe(true);
      expect(d.reason.filters).toEqual(filters);
      expect(d.reason.eligible).toBe(
        calls.filter(
          (x) =>
            x.agentId === d.agentId &&
            x.startedAt >= d.reason.slotFrom &&
            x.startedAt < d.reason.slotTo &&
            meetsFilters(x, filters),
        ).length,
      );
    }
    expect(result.drawn.length + result.empty).toBe(24);
  });

  it('prefers a flagged call of the slot and says so', () => {
    const calls = callsOver(['a']);
    const slot = qaSlots(MONTH, 4)[2]!;
    const inSlot = calls.filter((c) => c.startedAt >= slot.from && c.startedAt < slot.to);
    const flagged = inSlot[5]!;
    flagged.flagged = true;
    const result = drawSample(input({ agents: ['a'], calls }));
    const third = result.drawn.find((d) => d.slot === 3)!;
    expect(third.callId).toBe(flagged.id);
    expect(third.reason).toMatchObject({ flagged: true, eligible: inSlot.length });
    expect(result.drawn.filter((d) => d.reason.flagged)).toHaveLength(1);
  });

  it('leaves an agent without eligible calls empty, and draws the rest', () => {
    const calls = callsOver(['a', 'b']).filter((c) => c.agentId === 'a');
    const result = drawSample(input({ agents: ['a', 'b'], calls }));
    expect(result).toMatchObject({ kept: 0, empty: 4, unassigned: 0 });
    expect(result.drawn.every((d) => d.agentId === 'a')).toBe(true);
  });
});

describe('drawing again', () => {
  it('keeps what was drawn and draws only the empty slots, once they have calls', () => {
    const slots = qaSlots(MONTH, 4);
    const all = callsOver(['a', 'b']);
    // Slot 3 of agent a has no calls yet.
    const early = all.filter(
      (c) => !(c.agentId === 'a' && c.startedAt >= slots[2]!.from && c.startedAt < slots[2]!.to),
    );
    const first = drawSample(input({ agents: ['a', 'b'], calls: early }));
    expect(first).toMatchObject({ kept: 0, empty: 1 });
    expect(first.drawn).toHaveLength(7);
    const drawnIds = new Set(first.drawn.map((d) => d.callId));
    const taken = all.map((c) => ({ ...c, taken: drawnIds.has(c.id) }));
    const again = drawSample(
      input({
        agents: ['a', 'b'],
        calls: taken,
        drawn: first.drawn.map((d) => ({
          agentId: d.agentId,
          slot: d.slot,
          evaluatorId: d.evaluatorId,
        })),
      }),
    );
    expect(again).toMatchObject({ kept: 7, empty: 0 });
    expect(again.drawn).toHaveLength(1);
    expect(again.drawn[0]).toMatchObject({ agentId: 'a', slot: 3 });
    // The kept draws count in the evaluators' load: the new one goes to the least loaded.
    const load = EVALUATORS.map((e) => first.drawn.filter((d) => d.evaluatorId === e).length);
    expect(load[EVALUATORS.indexOf(again.drawn[0]!.evaluatorId)]).toBe(Math.min(...load));
    // Nothing left to draw: a third run draws nothing and keeps all eight.
    const third = drawSample(
      input({
        agents: ['a', 'b'],
        calls: taken,
        drawn: [...first.drawn, ...again.drawn].map((d) => ({
          agentId: d.agentId,
          slot: d.slot,
          evaluatorId: d.evaluatorId,
        })),
      }),
    );
    expect(third).toMatchObject({ drawn: [], kept: 8, empty: 0 });
  });
});

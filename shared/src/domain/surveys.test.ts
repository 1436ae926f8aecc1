import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PackLoadError, parseSurveyPackYaml } from './pack-yaml.js';
import { selectivityReport, type SurveyOutcome } from './survey-selectivity.js';
import {
  decideSurvey,
  isExcludedNumber,
  sampledIn,
  type ExclusionReason,
  type SurveyCandidate,
} from './surveys.js';

const source = readFileSync(
  join(import.meta.dirname, '../../../assets/surveys/default.yaml'),
  'utf8',
);
const pack = parseSurveyPackYaml(source, 'default.yaml');
const now = new Date('2026-11-25T12:00:00Z');
const call = (over: Partial<SurveyCandidate> = {}): SurveyCandidate => ({
  callId: '0190f0e0-0000-7000-8000-000000000001',
  callType: 'complaint',
  customer: { phone: '+371 2612 3456', email: 'anna@example.com' },
  ...over,
});
const uuid = (i: number) => `0190f0e0-0000-7000-8000-${i.toString(16).padStart(12, '0')}`;

describe('survey packs', () => {
  it('loads the default pack with its questions, channels and rules', () => {
    expect(pack.cooldownDays).toBe(30);
    expect(pack.surveys.map((s) => [s.id, s.channel, s.samplePercent])).toEqual([
      ['service', 'email', 50],
      ['complaint', 'sms', 100],
    ]);
    expect(pack.surveys[0]?.questions.map((q) => q.kind)).toEqual([
      'csat',
      'resolved',
      'effort',
      'comment',
    ]);
  });

  it('names the line and field of a mistake', () => {
    const broken = source.replace('callTypes: [complaint]', 'callTypes: [booking]');
    expect(() => parseSurveyPackYaml(broken, 'surveys.yaml')).toThrow(PackLoadError);
    expect(() => parseSurveyPackYaml(broken, 'surveys.yaml')).toThrow(
      /surveys\.yaml:\d+:\d+: surveys\[1\]\.callTypes\[0\]: call type "booking" already has survey "service"/,
    );
    const six = source.replace(
      /questions:\n/,
      'questions:\n' +
        Array.from(
          { length: 5 },
          (_, i) => `      - { id: x${i}, kind: resolved, text: { en: Q } }\n`,
        ).join(''),
    );
    expect(() => parseSurveyPackYaml(six)).toThrow(/questions/);
  });
});

describe('decideSurvey: the hub decides, never the agent', () => {
  it('surveys an eligible complaint by SMS at 100%', () => {
    const decision = decideSurvey(pack, call(), now);
    expect(decision).toMatchObject({ send: true, channel: 'sms', address: '+371 2612 3456' });
  });

  it('skips, with the reason, calls that are not eligible', () => {
    const reason = (c: SurveyCandidate) => {
      const d = decideSurvey(pack, c, now);
      return d.send ? 'sent' : d.reason;
    };
    expect(reason(call({ callType: 'internal-transfer' }))).toBe('no-survey');
    expect(reason(call({ exclusion: 'abusive-caller' }))).toBe('excluded');
    expect(reason(call({ customer: { phone: null, email: 'a@b.c' } }))).toBe('no-address');
    expect(reason(call({ customer: { phone: '+371 6700 1234' } }))).toBe('excluded-number');
    expect(reason(call({ customer: { phone: '+37120000000' } }))).toBe('excluded-number');
    expect(reason(call({ lastSurveyedAt: new Date('2026-11-10T00:00:00Z') }))).toBe('cooldown');
    expect(reason(call({ lastSurveyedAt: new Date('2026-10-01T00:00:00Z') }))).toBe('sent');
  });

  it('needs no address when the channel cannot be sent on here (the hub shows a link instead)', () => {
    const noPhone = call({ customer: { phone: null, email: null } });
    expect(decideSurvey(pack, noPhone, now, () => false)).toMatchObject({
      send: true,
      channel: 'sms',
      address: null,
    });
    expect(decideSurvey(pack, noPhone, now, () => true)).toMatchObject({ reason: 'no-address' });
  });

  it('samples a set share of eligible calls, the same way every time', () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => uuid(i));
    const share = ids.filter((id) => sampledIn(id, 50)).length / ids.length;
    expect(share).toBeGreaterThan(0.48);
    expect(share).toBeLessThan(0.52);
    expect(ids.filter((id) => sampledIn(id, 10)).length / ids.length).toBeCloseTo(0.1, 1);
    expect(ids.slice(0, 50).map((id) => sampledIn(id, 50))).toEqual(
      ids.slice(0, 50).map((id) => sampledIn(id, 50)),
    );
    const booking = decideSurvey(pack, call({ callType: 'booking', callId: uuid(1) }), now);
    expect(booking.send ? 'sent' : booking.reason).toBe(
      sampledIn(uuid(1), 50) ? 'sent' : 'not-sampled',
    );
  });

  it('compares numbers on their digits', () => {
    expect(isExcludedNumber(pack, '+371 (6700) 99-99')).toBe(true);
    expect(isExcludedNumber(pack, '+371 2612 3456')).toBe(false);
  });
});

describe('selectivityReport', () => {
  /** Five agents with 200 eligible calls each; agent-e excludes a quarter of theirs. */
  function generated(): SurveyOutcome[] {
    const rows: SurveyOutcome[] = [];
    const reasons: ExclusionReason[] = ['abusive-caller', 'wrong-number', 'vulnerable-customer'];
    for (const agentId of ['agent-a', 'agent-b', 'agent-c', 'agent-d', 'agent-e']) {
      const excludeEvery = agentId === 'agent-e' ? 4 : 50;
      for (let i = 0; i < 200; i++) {
        if (i % excludeEvery === 0) {
          rows.push({ agentId, outcome: 'excluded', exclusionReason: reasons[i % 3] });
          continue;
        }
        const sent = sampledIn(`${agentId}-${i}`, 50);
        rows.push(
          sent
            ? {
                agentId,
                outcome: 'sent',
                responded: i % 3 !== 0,
                csat: agentId === 'agent-e' ? 5 : 1 + (i % 5),
              }
            : { agentId, outcome: 'not-sampled' },
        );
      }
      rows.push({ agentId, outcome: 'no-survey' });
    }
    return rows;
  }

  it('flags the agent who excludes far more than the team, and nobody else', () => {
    const report = selectivityReport(generated());
    const flagged = report.agents.filter((a) => a.flags.length > 0).map((a) => a.agentId);
    expect(flagged).toEqual(['agent-e']);
    const e = report.agents.find((a) => a.agentId === 'agent-e')!;
    expect(e.flags).toContain('exclusion-rate');
    expect(e.exclusionRate).toBeCloseTo(0.25, 2);
    expect(Object.values(e.exclusionsByReason).reduce((a, b) => a + b)).toBe(50);
    expect(e.meanCsat).toBe(5);
    expect(e.csat).toBe(1);
    const a = report.agents.find((x) => x.agentId === 'agent-a')!;
    expect(a.exclusionRate).toBeCloseTo(0.02, 2);
    expect(a.eligible).toBe(200);
    expect(a.calls).toBe(201);
    expect(a.responseRate).toBeGreaterThan(0.5);
    expect(a.csatDistribution.reduce((x, y) => x + y)).toBe(a.responses);
  });

  it('does not flag an agent with too few calls to tell', () => {
    const rows = generated().filter((r) => r.agentId !== 'agent-e');
    for (let i = 0; i < 10; i++)
      rows.push({ agentId: 'new-agent', outcome: 'excluded', exclusionReason: 'wrong-number' });
    const report = selectivityReport(rows);
    expect(report.agents.find((a) => a.agentId === 'new-agent')?.flags).toEqual([]);
  });

  it('counts answers that look like staff gave them apart: not as responses, not in CSAT', () => {
    const rows: SurveyOutcome[] = [
      { agentId: 'a', outcome: 'sent', responded: true, csat: 2 },
      { agentId: 'a', outcome: 'sent', responded: true, csat: 5, selfAnswer: 'agent-address' },
      { agentId: 'a', outcome: 'sent', responded: true, csat: 5, selfAnswer: 'staff-browser' },
      { agentId: 'a', outcome: 'sent', responded: false },
      { agentId: 'b', outcome: 'sent', responded: true, csat: 4 },
    ];
    const { team, agents } = selectivityReport(rows);
    const a = agents.find((x) => x.agentId === 'a')!;
    expect(a).toMatchObject({
      surveyed: 4,
      responses: 1,
      responseRate: 0.25,
      csat: 0,
      meanCsat: 2,
      csatDistribution: [0, 1, 0, 0, 0],
      selfAnswers: 2,
      selfAnswersByReason: { 'staff-browser': 1, 'agent-address': 1, 'staff-address': 0 },
    });
    // CSAT is the share of 4 and 5 (one of the two customers' answers), the mean the second figure.
    expect(team).toMatchObject({ responses: 2, csat: 0.5, meanCsat: 3, selfAnswers: 2 });
  });

  it('CSAT is the share of 4-5 answers, with the mean beside it; none answered: both null', () => {
    const rows: SurveyOutcome[] = [5, 4, 4, 3, 5, 2, 1, 5].map((csat) => ({
      agentId: 'a',
      outcome: 'sent',
      responded: true,
      csat,
    }));
    rows.push({ agentId: 'b', outcome: 'sent', responded: true, csat: null });
    rows.push({ agentId: 'c', outcome: 'sent', responded: false });
    const { team, agents } = selectivityReport(rows);
    expect(team).toMatchObject({ responses: 9, csat: 0.625, meanCsat: 3.625 });
    expect(agents.find((x) => x.agentId === 'b')).toMatchObject({ csat: null, meanCsat: null });
    expect(agents.find((x) => x.agentId === 'c')).toMatchObject({ csat: null, meanCsat: null });
  });
});

import { describe, expect, it } from 'vitest';
import {
  bucketOf,
  emptySums,
  figuresOf,
  type KpiDrillRow,
  type KpiSettings,
} from '@sidecoach/shared';
import { howItCounts } from './counts.js';
import {
  bucketLabel,
  comparable,
  daysLabel,
  formatFigure,
  formatMean,
  targetFromInput,
  targetStatus,
  targetToInput,
  targetWithSign,
} from './format.js';
import {
  bucketDays,
  bucketEnd,
  defaultRange,
  mondayOf,
  pathOf,
  rangeProblem,
  routeOf,
  type FiguresRoute,
} from './route.js';
import { draftOf, settingsOf } from './settings-form.js';

const settings: KpiSettings = {
  teamId: 't1',
  fcrDays: 7,
  shortAbandonSeconds: 5,
  serviceLevelSeconds: 20,
  targets: { aht: 300, serviceLevel: 0.8, answered: 150, csat: 0.85, quality: 90 },
  leaderboard: false,
};

describe('the trend buckets the addresses compute', () => {
  it('start weeks on the Monday the hub’s bucketOf gives (route.ts stays out of the KPI module)', () => {
    for (const day of ['2026-03-01', '2026-03-02', '2026-03-08', '2024-02-29', '2027-01-01'])
      expect(mondayOf(day)).toBe(bucketOf(day, 'week'));
  });
});

describe('KPI figures as the screens show them', () => {
  it('writes times as m:ss, shares as per cents, counts and scores in the UI language', () => {
    expect(formatFigure('aht', 252_600, 'en')).toBe('4:13');
    expect(formatFigure('asa', 9_400, 'en')).toBe('0:09');
    expect(formatFigure('aht', 3_725_000, 'en')).toBe('1:02:05');
    expect(formatFigure('serviceLevel', 0.8125, 'en')).toBe('81.3%');
    expect(formatFigure('csat', 0.5, 'lv')).toMatch(/^50\s?%$/);
    expect(formatFigure('answered', 1240, 'en')).toBe('1,240');
    expect(formatFigure('answered', 12_400, 'lv')).toMatch(/^12\s400$/);
    expect(formatFigure('quality', 87.25, 'en')).toBe('87.3%');
    expect(formatFigure('fcr', null, 'en')).toBe('–');
    expect(formatMean(4.25, 'lv')).toBe('4,3');
    expect(formatMean(null, 'en')).toBe('–');
  });

  it('writes a target with the way the KPI is better, times from seconds', () => {
    expect(targetWithSign('aht', 270, 'en')).toBe('≤ 4:30');
    expect(targetWithSign('serviceLevel', 0.8, 'en')).toBe('≥ 80%');
    expect(targetWithSign('complaints', 3, 'en')).toBe('≤ 3');
  });

  it('reads a figure against its target: met, missed, or none without a figure or target', () => {
    const sums = {
      ...emptySums(),
      handled: 10,
      talkMs: 2_400_000,
      acwMs: 600_000,
      offered: 12,
      answered: 10,
      answeredInSl: 7,
      abandoned: 2,
      shortAbandoned: 1,
    };
    const figures = figuresOf(sums);
    // AHT 300 s against 300 s: at most the target, met.
    expect(targetStatus('aht', figures, settings.targets)).toBe('met');
    // Service level 7 / (10 + 2 - 1) = 63.6% against 80%.
    expect(targetStatus('serviceLevel', figures, settings.targets)).toBe('missed');
    expect(targetStatus('fcr', figures, settings.targets)).toBe('none');
    expect(targetStatus('csat', figures, settings.targets)).toBe('none');
  });

  it('reads a count over several buckets per bucket, as its target is set', () => {
    const figures = figuresOf({ ...emptySums(), answered: 1000 });
    // 1000 calls in 8 weeks: 125 a week, under 150 a week.
    expect(comparable('answered', 1000, 8)).toBe(125);
    expect(targetStatus('answered', figures, settings.targets, 8)).toBe('missed');
    expect(targetStatus('answered', figures, settings.targets, 1)).toBe('met');
    // A share is never divided.
    expect(comparable('serviceLevel', 0.8, 8)).toBe(0.8);
  });

  it('names buckets and ranges of days in the UI language', () => {
    expect(bucketLabel('2026-03-02', 'week', 'en')).toBe('Mar 2');
    expect(bucketLabel('2026-03-01', 'month', 'en')).toBe('Mar 2026');
    expect(daysLabel('2026-03-02', '2026-03-02', 'en')).toBe('Mar 2, 2026');
    expect(daysLabel('2026-03-02', '2026-03-08', 'en')).toMatch(/^Mar 2\s*–\s*8, 2026$/);
  });

  it('takes targets as typed (m:ss or seconds, per cents) and gives them back the same', () => {
    expect(targetFromInput('aht', '4:30')).toBe(270);
    expect(targetFromInput('aht', '270')).toBe(270);
    expect(targetFromInput('serviceLevel', '80')).toBe(0.8);
    expect(targetFromInput('serviceLevel', '12,5')).toBe(0.125);
    expect(targetFromInput('quality', '90')).toBe(90);
    expect(targetFromInput('answered', '')).toBeNull();
    expect(targetFromInput('answered', 'lots')).toBeNaN();
    expect(targetFromInput('aht', '4:75')).toBeNaN();
    expect(targetFromInput('answered', '-3')).toBeNaN();
    expect(targetToInput('aht', 270)).toBe('4:30');
    expect(targetToInput('serviceLevel', 0.8)).toBe('80');
    expect(targetToInput('csat', 0.125)).toBe('12.5');
    expect(targetToInput('fcr', undefined)).toBe('');
  });
});

describe('addresses in the Figures area', () => {
  const query = {
    teamId: 'team-demo',
    period: 'week' as const,
    from: '2026-03-02',
    to: '2026-04-26',
  };

  it('reads back every screen it writes', () => {
    const routes: FiguresRoute[] = [
      { screen: 'settings' },
      { screen: 'dashboard', teamId: null, query: null },
      { screen: 'dashboard', teamId: 'team-demo', query: null },
      { screen: 'dashboard', teamId: 'team-demo', query },
      { screen: 'calls', query, scope: { kpi: 'abandonment' } },
      { screen: 'calls', query, scope: { kpi: 'aht', agentId: 'u-1' } },
      { screen: 'calls', query, scope: { kpi: 'answered', callType: 'booking' } },
      {
        screen: 'calls',
        query,
        scope: { kpi: 'serviceLevel', days: { from: '2026-03-09', to: '2026-03-15' } },
      },
      {
        screen: 'calls',
        query,
        scope: { kpi: 'fcr', agentId: 'u-1', days: { from: '2026-03-09', to: '2026-03-15' } },
      },
    ];
    for (const route of routes) expect(routeOf(pathOf(route))).toEqual(route);
    // The address holds at most 11 parts after `#/figures` (place.ts keeps 12 with it).
    expect(Math.max(...routes.map((r) => pathOf(r).length))).toBeLessThanOrEqual(11);
  });

  it('falls back to the dashboard for days, periods or KPIs it does not know', () => {
    const team = { screen: 'dashboard', teamId: 'team-demo', query: null };
    expect(routeOf(['team-demo', 'year', '2026-03-02', '2026-04-26'])).toEqual(team);
    expect(routeOf(['team-demo', 'week', '2026-02-30', '2026-04-26'])).toEqual(team);
    expect(routeOf(['team-demo', 'week', '2026-04-26', '2026-03-02'])).toEqual(team);
    expect(routeOf(['team-demo', 'day', '2024-01-01', '2026-04-26'])).toEqual(team);
    const dashboard = { screen: 'dashboard', teamId: 'team-demo', query };
    expect(routeOf([...pathOf(dashboard as FiguresRoute), 'calls', 'speed'])).toEqual(dashboard);
    // A bucket outside the dashboard's days is not its bucket.
    expect(
      routeOf([
        ...pathOf(dashboard as FiguresRoute),
        'calls',
        'aht',
        'days',
        '2026-01-05',
        '2026-01-11',
      ]),
    ).toEqual(dashboard);
    expect(routeOf([...pathOf(dashboard as FiguresRoute), 'calls', 'aht', 'agent'])).toEqual(
      dashboard,
    );
  });

  it('checks ranges of days as the hub does (both included, at most 400)', () => {
    expect(rangeProblem('2026-03-02', '2026-03-02')).toBeNull();
    expect(rangeProblem('2025-03-27', '2026-04-30')).toBeNull();
    expect(rangeProblem('2025-03-26', '2026-04-30')).toBe('tooLong');
    expect(rangeProblem('2026-03-03', '2026-03-02')).toBe('order');
    expect(rangeProblem('', '2026-03-02')).toBe('invalid');
  });

  it('opens on 14 days, 8 weeks from a Monday, or 6 months from a first', () => {
    expect(defaultRange('day', '2026-04-29')).toEqual({ from: '2026-04-16', to: '2026-04-29' });
    expect(defaultRange('week', '2026-04-29')).toEqual({ from: '2026-03-09', to: '2026-04-29' });
    expect(defaultRange('month', '2026-04-29')).toEqual({ from: '2025-11-01', to: '2026-04-29' });
  });

  it('gives a bucket its days, cut to the dashboard’s', () => {
    expect(bucketEnd('2026-02-01', 'month')).toBe('2026-02-28');
    expect(bucketEnd('2024-02-01', 'month')).toBe('2024-02-29');
    expect(bucketEnd('2026-03-30', 'week')).toBe('2026-04-05');
    expect(
      bucketDays('2026-03-30', { period: 'week', from: '2026-03-02', to: '2026-04-01' }),
    ).toEqual({ from: '2026-03-30', to: '2026-04-01' });
    expect(
      bucketDays('2026-03-01', { period: 'month', from: '2026-03-10', to: '2026-05-01' }),
    ).toEqual({ from: '2026-03-10', to: '2026-03-31' });
  });
});

describe('how a call leg counts', () => {
  const leg = (patch: Partial<KpiDrillRow>): KpiDrillRow => ({
    legId: 'l1',
    pbxCallId: 'p1',
    callId: null,
    queue: 'support',
    agentId: 'u1',
    agentName: 'Ava Agent',
    callType: null,
    offeredAt: '2026-03-02T09:00:00.000Z',
    outcome: 'answered',
    waitMs: 12_000,
    handleMs: 250_000,
    firstContact: true,
    csat: null,
    complaint: false,
    counts: true,
    ...patch,
  });
  const time = (ms: number) => formatFigure('aht', ms, 'en');

  it('says what put a leg in the numerator, with the time or threshold', () => {
    expect(howItCounts('aht', leg({}), settings, time)).toEqual({
      counts: true,
      key: 'kpi.counts.aht',
      values: { time: '4:10' },
    });
    expect(howItCounts('asa', leg({}), settings, time).values).toEqual({ time: '0:12' });
    expect(howItCounts('serviceLevel', leg({}), settings, time)).toMatchObject({
      key: 'kpi.counts.serviceLevel',
      values: { seconds: 20 },
    });
  });

  it('says why a leg is not counted: a short abandon, late, a repeat call, not known yet', () => {
    const short = leg({ outcome: 'short-abandon', agentId: null, handleMs: null, counts: false });
    expect(howItCounts('abandonment', short, settings, time)).toEqual({
      counts: false,
      key: 'kpi.notCounted.shortAbandon',
      values: { seconds: 5 },
    });
    expect(howItCounts('serviceLevel', short, settings, time).key).toBe(
      'kpi.notCounted.shortAbandon',
    );
    expect(howItCounts('serviceLevel', leg({ counts: false }), settings, time).key).toBe(
      'kpi.notCounted.slLate',
    );
    const abandoned = leg({ outcome: 'abandoned', agentId: null, counts: false });
    expect(howItCounts('serviceLevel', abandoned, settings, time).key).toBe(
      'kpi.notCounted.slAbandoned',
    );
    expect(howItCounts('aht', abandoned, settings, time).key).toBe('kpi.notCounted.notHandled');
    expect(
      howItCounts('fcr', leg({ firstContact: false, counts: false }), settings, time),
    ).toMatchObject({ key: 'kpi.notCounted.fcrRepeat', values: { count: 7 } });
    expect(howItCounts('fcr', leg({ firstContact: null, counts: false }), settings, time).key).toBe(
      'kpi.notCounted.fcrUnknown',
    );
    expect(howItCounts('csat', leg({ counts: false }), settings, time).key).toBe(
      'kpi.notCounted.other',
    );
    expect(
      howItCounts('answered', leg({ outcome: 'waiting', counts: false }), settings, time).key,
    ).toBe('kpi.notCounted.waiting');
    expect(howItCounts('csat', leg({ csat: 3, counts: false }), settings, time)).toMatchObject({
      key: 'kpi.notCounted.csatLow',
      values: { score: 3 },
    });
    expect(howItCounts('abandonment', leg({ counts: false }), settings, time).key).toBe(
      'kpi.notCounted.notAbandoned',
    );
  });
});

describe('the KPI settings form', () => {
  it('gives back what was saved, and saves it unchanged', () => {
    const draft = draftOf(settings);
    expect(draft.targets.aht).toBe('5:00');
    expect(draft.targets.serviceLevel).toBe('80');
    expect(draft.targets.fcr).toBe('');
    expect(settingsOf('t1', draft, false)).toEqual({ ok: true, settings });
  });

  it('names each field that is wrong, and sends nothing', () => {
    const draft = {
      ...draftOf(settings),
      fcrDays: '0',
      serviceLevelSeconds: '20.5',
      targets: { ...draftOf(settings).targets, aht: '4:99', csat: '120', answered: 'many' },
    };
    const result = settingsOf('t1', draft, false);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(
      ['aht', 'answered', 'csat', 'fcrDays', 'serviceLevelSeconds'].sort(),
    );
    expect(result.errors.fcrDays).toEqual({
      key: 'kpi.settings.errors.whole',
      values: { current: 1, max: 30 },
    });
    expect(result.errors.aht).toEqual({ key: 'kpi.settings.errors.time' });
    expect(result.errors.csat).toEqual({ key: 'kpi.settings.errors.percent' });
  });

  it('never turns a leaderboard on for a team that coaches on behaviours, not scores', () => {
    const draft = { ...draftOf(settings), leaderboard: true };
    expect(settingsOf('t1', draft, false)).toMatchObject({ settings: { leaderboard: true } });
    expect(settingsOf('t1', draft, true)).toMatchObject({ settings: { leaderboard: false } });
  });
});

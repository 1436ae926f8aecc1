import { describe, expect, it } from 'vitest';
import { parsePlace, placeFor, placeHash, type Place } from './place.js';

describe('addresses of places', () => {
  const places: Place[] = [
    { view: 'home' },
    { view: 'settings' },
    { view: 'observe', agentId: 'u-1' },
    { view: 'language' },
    { view: 'surveys', tab: 'report' },
    { view: 'sessions' },
    { view: 'prepare', agentId: 'a b', period: { days: 90 } },
    { view: 'prepare', agentId: 'u-2', period: { from: '2026-10-01', to: '2026-10-31' } },
    { view: 'session', sessionId: 's-9' },
    { view: 'history', agentId: 'u-3' },
    { view: 'admin', tab: 'audit' },
    { view: 'scorecard' },
    { view: 'quality', tab: null },
    { view: 'quality', tab: 'disputes' },
    { view: 'quality', tab: 'calibration' },
    { view: 'quality', tab: 'calibration', session: '0190b2f0-0000-7000-8000-00000000c001' },
    { view: 'mystery', path: [] },
    { view: 'mystery', path: ['waves', '0190b2f0-0000-7000-8000-00000000a001', 'results'] },
    { view: 'mystery-call', assignmentId: 'a-7' },
    { view: 'figures', path: [] },
    { view: 'figures', path: ['settings'] },
    {
      view: 'figures',
      path: ['team-demo', 'week', '2026-03-02', '2026-03-29', 'calls', 'aht', 'agent', 'u/1'],
    },
    { view: 'recognition', tab: 'wall' },
    { view: 'recognition', tab: 'summary' },
  ];

  it('reads back every place it writes', () => {
    for (const place of places) expect(parsePlace(placeHash(place))).toEqual(place);
  });

  it('escapes ids, so an id cannot add a part to the address', () => {
    expect(placeHash({ view: 'observe', agentId: 'x/y?z' })).toBe('#/observe/x%2Fy%3Fz');
    expect(parsePlace('#/observe/x%2Fy%3Fz')).toEqual({ view: 'observe', agentId: 'x/y?z' });
  });

  it('reads anything unknown or malformed as home', () => {
    for (const hash of [
      '',
      '#',
      '#/',
      '#/nowhere',
      '#/admin/secrets',
      '#/quality/secrets',
      '#/quality/plans/p1',
      '#/quality/calibration/a/b',
      '#/observe',
      '#/observe/%E0',
      '#/observe/a/b',
      '#/mystery/a/b/c/d',
      '#/recognition/summary/x',
    ])
      expect(parsePlace(hash), hash).toEqual({ view: 'home' });
  });

  it('falls back to 30 days for a period it does not know', () => {
    expect(parsePlace('#/sessions/prepare/u?days=12')).toMatchObject({ period: { days: 30 } });
    expect(parsePlace('#/sessions/prepare/u?from=2026-10-31&to=2026-10-01')).toMatchObject({
      period: { days: 30 },
    });
  });

  it('sends a user to a place that is for them', () => {
    const admin: Place = { view: 'admin', tab: 'people' };
    expect(placeFor(admin, 'admin')).toEqual(admin);
    expect(placeFor(admin, 'supervisor')).toEqual({ view: 'home' });
    expect(placeFor({ view: 'language' }, 'supervisor')).toEqual({ view: 'home' });
    expect(placeFor({ view: 'scorecard' }, 'admin')).toEqual({ view: 'scorecard' });
    expect(placeFor({ view: 'scorecard' }, 'lead')).toEqual({ view: 'home' });
    expect(placeFor({ view: 'language' }, 'lead')).toEqual({ view: 'language' });
    expect(placeFor({ view: 'surveys', tab: 'pack' }, 'lead')).toEqual({ view: 'home' });
    expect(placeFor({ view: 'observe', agentId: 'u' }, 'agent')).toEqual({ view: 'home' });
    expect(placeFor({ view: 'quality', tab: 'queue' }, 'agent')).toEqual({ view: 'home' });
    expect(placeFor({ view: 'quality', tab: 'calibration', session: 's' }, 'agent')).toEqual({
      view: 'home',
    });
    expect(placeFor({ view: 'quality', tab: 'plans' }, 'lead')).toEqual({
      view: 'quality',
      tab: 'plans',
    });
    // Mystery-call programmes: quality managers only.
    const mystery: Place = { view: 'mystery', path: ['callers'] };
    expect(placeFor(mystery, 'admin')).toEqual(mystery);
    expect(placeFor(mystery, 'lead')).toEqual({ view: 'home' });
    expect(placeFor(mystery, 'agent')).toEqual({ view: 'home' });
    expect(placeFor({ view: 'session', sessionId: 's' }, 'agent')).toEqual({
      view: 'session',
      sessionId: 's',
    });
  });

  it('opens the team wall for everyone of a team, the monthly summary for leads and admins', () => {
    const wall: Place = { view: 'recognition', tab: 'wall' };
    const summary: Place = { view: 'recognition', tab: 'summary' };
    for (const role of ['agent', 'supervisor', 'lead', 'admin'] as const)
      expect(placeFor(wall, role), role).toEqual(wall);
    expect(placeFor(summary, 'lead')).toEqual(summary);
    expect(placeFor(summary, 'admin')).toEqual(summary);
    expect(placeFor(summary, 'agent')).toEqual(wall);
    expect(placeFor(summary, 'supervisor')).toEqual(wall);
    expect(placeFor(wall, 'caller')).toEqual({ view: 'home' });
  });

  it('keeps a mystery caller to their reports and settings, and their reports to them', () => {
    const report: Place = { view: 'mystery-call', assignmentId: 'a-1' };
    expect(placeFor(report, 'caller')).toEqual(report);
    expect(placeFor({ view: 'settings' }, 'caller')).toEqual({ view: 'settings' });
    for (const staff of ['agent', 'supervisor', 'lead', 'admin'] as const)
      expect(placeFor(report, staff), staff).toEqual({ view: 'home' });
    // Nothing of the staff's opens for a caller, whatever address they paste.
    const staffPlaces: Place[] = [
      { view: 'observe', agentId: 'u-1' },
      { view: 'sessions' },
      { view: 'session', sessionId: 's' },
      { view: 'history', agentId: 'u-1' },
      { view: 'surveys', tab: 'feedback' },
      { view: 'quality', tab: 'calibration', session: 's' },
      { view: 'admin', tab: 'people' },
      { view: 'language' },
      { view: 'scorecard' },
    ];
    for (const place of staffPlaces)
      expect(placeFor(place, 'caller'), place.view).toEqual({ view: 'home' });
  });
});

// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Client from '../../hub/client.js';
import type { KpiDrillRow, UserProfile } from '@sidecoach/shared';

// The KPI stores against a fake of the one hub client: what they ask and with what, how the
// calls behind a number page ("more"), answers arriving out of order, refusals kept to show, and
// the agent's own figures never asked for where the team coaches on behaviours, not scores.

type Reply = { ok: true; data: unknown } | { ok: false; code: string; message: string };
const asked: Array<{ event: string; payload: Record<string, unknown> }> = [];
let reply: (event: string, payload: Record<string, unknown>) => Reply | Promise<Reply>;
vi.mock('../../hub/client.js', async (original) => ({
  ...(await original<typeof Client>()),
  ask: vi.fn(async (event: string, payload: Record<string, unknown>) => {
    asked.push({ event, payload });
    const r = await reply(event, payload);
    return r.ok ? r : { ...r, error: { key: 'errors.forbidden' } };
  }),
}));

const store = await import('./store.js');
const { useFigures } = store;
const mine = await import('./mine-store.js');
const { figuresStores, useFiguresView } = await import('./view.js');
const { useSession } = await import('../../hub/session-store.js');

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const query = { teamId: 't1', period: 'week' as const, from: '2026-03-02', to: '2026-03-29' };

const row = (n: number): KpiDrillRow => ({
  legId: `leg-${n}`,
  pbxCallId: `pbx-${n}`,
  callId: null,
  queue: 'support',
  agentId: 'u1',
  agentName: 'Ava Agent',
  callType: 'booking',
  offeredAt: new Date(Date.UTC(2026, 2, 29, 12) - n * 60_000).toISOString(),
  outcome: 'answered',
  waitMs: 5_000,
  handleMs: 200_000,
  firstContact: null,
  csat: null,
  complaint: false,
  counts: true,
});

const user = (patch: Partial<UserProfile> = {}): UserProfile => ({
  id: 'u1',
  username: 'agent1',
  displayName: 'Ava Agent',
  role: 'agent',
  teams: [{ id: 't1', name: 'Demo team' }],
  behavioursOnly: false,
  lang: null,
  permissions: [],
  ...patch,
});
const signIn = (profile: UserProfile) =>
  useSession.setState({
    phase: 'ready',
    session: { token: 'x', hubUrl: 'http://127.0.0.1:1', user: profile },
  });

beforeEach(() => {
  asked.length = 0;
  for (const s of figuresStores.values()) s.reset();
  useFiguresView.setState({ open: false, path: [] });
  signIn(user({ role: 'lead', username: 'lead' }));
});

describe('the calls behind a number', () => {
  it('pages with the cursor the hub gave, and stops when there is no next page', async () => {
    const pages: Record<string, { rows: KpiDrillRow[]; nextCursor: string | null }> = {
      first: { rows: [row(1), row(2)], nextCursor: 'c2' },
      c2: { rows: [row(2), row(3)], nextCursor: 'c3' },
      c3: { rows: [row(4)], nextCursor: null },
    };
    reply = (_e, p) => ({ ok: true, data: pages[(p.cursor as string | undefined) ?? 'first'] });
    const scope = { kpi: 'aht' as const, agentId: 'u1' };
    await store.loadDrill(query, scope);
    expect(asked).toEqual([
      {
        event: 'kpi:drill',
        payload: {
          teamId: 't1',
          kpi: 'aht',
          from: query.from,
          to: query.to,
          agentId: 'u1',
          limit: 50,
        },
      },
    ]);
    expect(useFigures.getState().drill).toMatchObject({ status: 'loaded', nextCursor: 'c2' });
    await store.loadMoreDrill(query, scope);
    expect(asked[1]?.payload).toMatchObject({ cursor: 'c2', agentId: 'u1' });
    await store.loadMoreDrill(query, scope);
    // The leg already shown at a page's edge is listed once.
    expect(useFigures.getState().drill.rows.map((r) => r.legId)).toEqual([
      'leg-1',
      'leg-2',
      'leg-3',
      'leg-4',
    ]);
    expect(useFigures.getState().drill.nextCursor).toBeNull();
    await store.loadMoreDrill(query, scope);
    expect(asked).toHaveLength(3);
  });

  it('asks a bucket’s days for a trend bucket, and keeps no page of another number', async () => {
    reply = () => ({ ok: true, data: { rows: [row(1)], nextCursor: 'c2' } });
    const bucket = { kpi: 'serviceLevel' as const, days: { from: '2026-03-09', to: '2026-03-15' } };
    await store.loadDrill(query, bucket);
    expect(asked[0]?.payload).toEqual({
      teamId: 't1',
      kpi: 'serviceLevel',
      from: '2026-03-09',
      to: '2026-03-15',
      limit: store.DRILL_PAGE,
    });
    // "More" for another number asks nothing: its first page is not there.
    await store.loadMoreDrill(query, { kpi: 'abandonment' });
    expect(asked).toHaveLength(1);
  });

  it('keeps the answer of the last request when answers arrive out of order', async () => {
    let release: (r: Reply) => void = () => undefined;
    reply = (_e, p) =>
      p.kpi === 'aht'
        ? new Promise<Reply>((resolve) => (release = resolve))
        : { ok: true, data: { rows: [row(9)], nextCursor: null } };
    const slow = store.loadDrill(query, { kpi: 'aht' });
    await store.loadDrill(query, { kpi: 'fcr' });
    release({ ok: true, data: { rows: [row(1), row(2)], nextCursor: 'c2' } });
    await slow;
    expect(useFigures.getState().drill.key).toBe(store.drillKey(query, { kpi: 'fcr' }));
    expect(useFigures.getState().drill.rows.map((r) => r.legId)).toEqual(['leg-9']);
  });

  it('keeps the rows shown when a next page is refused, with the hub’s message', async () => {
    reply = (_e, p) =>
      p.cursor
        ? { ok: false, code: 'forbidden', message: 'not your team' }
        : { ok: true, data: { rows: [row(1)], nextCursor: 'c2' } };
    await store.loadDrill(query, { kpi: 'aht' });
    await store.loadMoreDrill(query, { kpi: 'aht' });
    expect(useFigures.getState().drill).toMatchObject({
      more: false,
      nextCursor: 'c2',
      error: { key: 'errors.forbidden' },
    });
    expect(useFigures.getState().drill.rows).toHaveLength(1);
  });
});

describe('the dashboard and settings', () => {
  it('loads the dashboard the screen shows, and again on reconnect', async () => {
    reply = () => ({ ok: true, data: { teamId: 't1' } });
    useFiguresView.setState({ open: true, path: [] });
    store.show({ screen: 'dashboard', teamId: null, query: null }, query);
    await settle();
    expect(asked.map((a) => a.event)).toEqual(['kpi:dashboard']);
    expect(asked[0]?.payload).toEqual(query);
    // The same dashboard shown again is not asked again; a reconnect asks it.
    store.show({ screen: 'dashboard', teamId: null, query: null }, query);
    figuresStores.get('figures')?.reload();
    await settle();
    expect(asked.map((a) => a.event)).toEqual(['kpi:dashboard', 'kpi:dashboard']);
  });

  it('keeps a refused settings save to show, and a saved one in the setup', async () => {
    const settings = {
      teamId: 't1',
      fcrDays: 7,
      shortAbandonSeconds: 5,
      serviceLevelSeconds: 20,
      targets: {},
      leaderboard: false,
    };
    const team = {
      ...settings,
      teamName: 'Demo team',
      timeZone: 'Europe/Riga',
      behavioursOnly: false,
    };
    reply = (event) =>
      event === 'kpi:setup'
        ? { ok: true, data: { queues: [], teams: [team] } }
        : { ok: false, code: 'forbidden', message: 'not a lead of this team' };
    await store.loadSetup();
    expect(await store.saveSettings({ ...settings, fcrDays: 3 })).toBe(false);
    expect(useFigures.getState().settingsSave.notice).toEqual({
      ok: false,
      message: { key: 'errors.forbidden' },
    });
    reply = (_e, p) => ({ ok: true, data: p });
    expect(await store.saveSettings({ ...settings, fcrDays: 3 })).toBe(true);
    expect(useFigures.getState().setup.data?.teams[0]).toMatchObject({
      fcrDays: 3,
      teamName: 'Demo team',
    });
  });
});

describe('the agent’s own figures', () => {
  it('asks for this week by default, and another period when chosen', async () => {
    signIn(user());
    reply = (_e, p) => ({ ok: true, data: { period: p.period } });
    await mine.loadMyFigures();
    await mine.loadMyFigures('month');
    expect(asked).toEqual([
      { event: 'kpi:mine', payload: { period: 'week' } },
      { event: 'kpi:mine', payload: { period: 'month' } },
    ]);
    expect(mine.useMyFigures.getState()).toMatchObject({ period: 'month', status: 'loaded' });
  });

  it('never asks where the team coaches on behaviours, and drops what a profile change hides', async () => {
    signIn(user());
    reply = () => ({ ok: true, data: { period: 'week' } });
    await mine.loadMyFigures();
    expect(mine.useMyFigures.getState().data).not.toBeNull();
    signIn(user({ behavioursOnly: true }));
    // The lifecycle's profile change reloads the registered stores.
    figuresStores.get('mine')?.reload();
    await settle();
    expect(asked).toHaveLength(1);
    expect(mine.useMyFigures.getState()).toMatchObject({ status: 'idle', data: null });
    await mine.loadMyFigures('day');
    expect(asked).toHaveLength(1);
  });
});

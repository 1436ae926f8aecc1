import { create } from 'zustand';
import type { KpiDashboard, KpiDrillRow, KpiSettings, KpiSetup, QueueMap } from '@sidecoach/shared';
import { ask } from '../../hub/client.js';
import type { Message } from '../../hub/errors.js';
import { latest } from '../../hub/latest.js';
import { useSession } from '../../hub/session-store.js';
import { pathOf, routeOf, type DrillScope, type FiguresQuery, type FiguresRoute } from './route.js';
import { figuresStores, useFiguresView } from './view.js';

// The Figures area's data: the KPI setup (queues and per-team settings), a team's dashboard and
// the calls behind a number, page by page. All through the one hub client (the hub decides again
// who may see and change what); loaded with the screens, registered with view.ts so reconnects
// and sign-out reach it.

type LoadStatus = 'idle' | 'loading' | 'loaded' | 'failed';
export interface Loaded<T> {
  status: LoadStatus;
  error: Message | null;
  data: T;
}
export type Notice = { ok: boolean; message: Message } | null;

/** Calls per page of a drill-down (the hub allows up to 200). */
export const DRILL_PAGE = 50;

interface FiguresState {
  setup: Loaded<KpiSetup | null>;
  /** `key`: the request it answers (a team, a period, days). */
  dashboard: Loaded<KpiDashboard | null> & { key: string | null };
  drill: {
    key: string | null;
    status: LoadStatus;
    /** A next page being read (the rows so far stay). */
    more: boolean;
    error: Message | null;
    rows: KpiDrillRow[];
    nextCursor: string | null;
  };
  /** The queue being saved, and what the last save of a queue said. */
  queueSave: { busy: string | null; queue: string | null; notice: Notice };
  /** The team whose settings are being saved, and what the last save said. */
  settingsSave: { busy: boolean; teamId: string | null; notice: Notice };
  /** The dashboard request the screen shows (its address's, or the defaults'): reloads ask it. */
  shown: FiguresQuery | null;
}

const idle = <T>(data: T): Loaded<T> => ({ status: 'idle', error: null, data });
const initial: FiguresState = {
  setup: idle<KpiSetup | null>(null),
  dashboard: { ...idle<KpiDashboard | null>(null), key: null },
  drill: {
    key: null,
    status: 'idle',
    more: false,
    error: null,
    rows: [],
    nextCursor: null,
  },
  queueSave: { busy: null, queue: null, notice: null },
  settingsSave: { busy: false, teamId: null, notice: null },
  shown: null,
};

export const useFigures = create<FiguresState>()(() => initial);
const set = (patch: Partial<FiguresState>) => useFigures.setState(patch);
const get = () => useFigures.getState();
const guards = { setup: latest(), dashboard: latest(), drill: latest() };

const role = () => useSession.getState().session?.user.role;
/** Who may change KPI settings: admins, and leads for the teams they lead (the hub checks). */
export const canSetUp = () => role() === 'admin' || role() === 'lead';

export async function loadSetup(): Promise<void> {
  const current = guards.setup.next();
  set({ setup: { ...get().setup, status: 'loading', error: null } });
  const res = await ask('kpi:setup', {});
  if (!current()) return;
  set({
    setup: res.ok
      ? { status: 'loaded', error: null, data: res.data }
      : { ...get().setup, status: 'failed', error: res.error },
  });
}

export const queryKey = (q: FiguresQuery) => JSON.stringify([q.teamId, q.period, q.from, q.to]);

/** Loads a team's dashboard (the one shown stays while the same one loads again). */
export async function loadDashboard(query: FiguresQuery): Promise<void> {
  const key = queryKey(query);
  const before = get().dashboard;
  const current = guards.dashboard.next();
  set({
    dashboard: {
      ...(before.key === key ? before : { ...initial.dashboard, key }),
      status: 'loading',
      error: null,
    },
  });
  const res = await ask('kpi:dashboard', query);
  if (!current()) return;
  set({
    dashboard: res.ok
      ? { key, status: 'loaded', error: null, data: res.data }
      : { ...get().dashboard, status: 'failed', error: res.error },
  });
}

/** The hub's request for the calls behind a number. */
export function drillRequest(query: FiguresQuery, scope: DrillScope) {
  return {
    teamId: query.teamId,
    kpi: scope.kpi,
    from: scope.days?.from ?? query.from,
    to: scope.days?.to ?? query.to,
    ...(scope.agentId ? { agentId: scope.agentId } : {}),
    ...(scope.callType ? { callType: scope.callType } : {}),
  };
}

export const drillKey = (query: FiguresQuery, scope: DrillScope) =>
  JSON.stringify(drillRequest(query, scope));

/** The first page of the calls behind a number (newest first). */
export async function loadDrill(query: FiguresQuery, scope: DrillScope): Promise<void> {
  const key = drillKey(query, scope);
  const current = guards.drill.next();
  const same = get().drill.key === key;
  set({
    drill: {
      ...(same ? get().drill : { ...initial.drill, key }),
      status: 'loading',
      more: false,
      error: null,
    },
  });
  const res = await ask('kpi:drill', { ...drillRequest(query, scope), limit: DRILL_PAGE });
  if (!current()) return;
  set({
    drill: res.ok
      ? {
          key,
          status: 'loaded',
          more: false,
          error: null,
          rows: res.data.rows,
          nextCursor: res.data.nextCursor,
        }
      : { ...get().drill, status: 'failed', error: res.error },
  });
}

/** The next page after the rows shown ("more"); nothing when there is none or one is on its way. */
export async function loadMoreDrill(query: FiguresQuery, scope: DrillScope): Promise<void> {
  const key = drillKey(query, scope);
  const drill = get().drill;
  if (drill.key !== key || !drill.nextCursor || drill.more || drill.status === 'loading') return;
  const current = guards.drill.next();
  set({ drill: { ...drill, more: true, error: null } });
  const res = await ask('kpi:drill', {
    ...drillRequest(query, scope),
    cursor: drill.nextCursor,
    limit: DRILL_PAGE,
  });
  if (!current()) return;
  const now = get().drill;
  if (!res.ok) return set({ drill: { ...now, more: false, error: res.error } });
  // A leg already shown (the page edge moved as calls came in) is not listed twice.
  const seen = new Set(now.rows.map((r) => r.legId));
  set({
    drill: {
      ...now,
      more: false,
      rows: [...now.rows, ...res.data.rows.filter((r) => !seen.has(r.legId))],
      nextCursor: res.data.nextCursor,
    },
  });
}

/** Maps a queue to a team (or unmaps it) and a call type (admins). */
export async function saveQueue(map: QueueMap): Promise<boolean> {
  if (get().queueSave.busy) return false;
  set({ queueSave: { busy: map.queue, queue: map.queue, notice: null } });
  const res = await ask('kpi:queue-save', map);
  if (!res.ok) {
    set({ queueSave: { busy: null, queue: map.queue, notice: { ok: false, message: res.error } } });
    return false;
  }
  updateSetup((data) => ({
    queues: data.queues.map((q) => (q.queue === res.data.queue ? { ...q, ...res.data } : q)),
  }));
  set({
    queueSave: {
      busy: null,
      queue: map.queue,
      notice: { ok: true, message: { key: 'kpi.settings.queueSaved' } },
    },
  });
  staleDashboard();
  return true;
}

/** Saves a team's KPI settings (thresholds, targets, leaderboard). */
export async function saveSettings(settings: KpiSettings): Promise<boolean> {
  if (get().settingsSave.busy) return false;
  set({ settingsSave: { busy: true, teamId: settings.teamId, notice: null } });
  const res = await ask('kpi:settings-save', settings);
  if (!res.ok) {
    set({
      settingsSave: {
        busy: false,
        teamId: settings.teamId,
        notice: { ok: false, message: res.error },
      },
    });
    return false;
  }
  updateSetup((data) => ({
    teams: data.teams.map((t) => (t.teamId === res.data.teamId ? { ...t, ...res.data } : t)),
  }));
  set({
    settingsSave: {
      busy: false,
      teamId: settings.teamId,
      notice: { ok: true, message: { key: 'kpi.settings.saved' } },
    },
  });
  staleDashboard();
  return true;
}

/** A saved change in the settings the screen holds (nothing when they are not loaded). */
function updateSetup(change: (data: KpiSetup) => Partial<KpiSetup>) {
  const setup = get().setup;
  if (setup.data) set({ setup: { ...setup, data: { ...setup.data, ...change(setup.data) } } });
}

/** Settings changed what the figures count: the dashboard loads again when next shown. */
const staleDashboard = () => set({ dashboard: { ...get().dashboard, key: null } });

export const clearNotices = () =>
  set({
    queueSave: { ...get().queueSave, notice: null },
    settingsSave: { ...get().settingsSave, notice: null },
  });

// ---- where the user is ----

/** Goes to a screen of the Figures area (its address too). */
export function go(route: FiguresRoute): void {
  useFiguresView.setState({ open: true, path: pathOf(route) });
}

/** Loads what a screen shows (the view calls it whenever its address changes). */
export function show(route: FiguresRoute, query: FiguresQuery | null): void {
  // Admins pick among every team (the setup lists them); settings need it too.
  if (route.screen === 'settings') return void loadSetup();
  if (role() === 'admin' && get().setup.status === 'idle') void loadSetup();
  set({ shown: query });
  if (!query) return;
  if (get().dashboard.key !== queryKey(query) || get().dashboard.status === 'failed')
    void loadDashboard(query);
  if (route.screen === 'calls') void loadDrill(query, route.scope);
}

figuresStores.set('figures', {
  reload() {
    const view = useFiguresView.getState();
    if (!view.open) return;
    const route = routeOf(view.path);
    if (route.screen === 'settings' || role() === 'admin') void loadSetup();
    const query = route.screen === 'settings' ? null : get().shown;
    if (query) void loadDashboard(query);
    if (route.screen === 'calls') void loadDrill(route.query, route.scope);
  },
  reset() {
    guards.setup.cancel();
    guards.dashboard.cancel();
    guards.drill.cancel();
    set(initial);
  },
});

import { create } from 'zustand';
import type {
  AdminTeam,
  AdminUser,
  CalibrationCreate,
  CalibrationSetup,
  Caller,
  CallerSave,
  CallerSaved,
  ClientEventName,
  ClientEventResults,
  ClientPayload,
  MysteryAssignment,
  MysteryOpened,
  MysteryReport,
  MysteryResults,
  MysteryReview,
  Programme,
  ProgrammeSave,
  StandardsPack,
  Wave,
  WavePlan,
  WaveSave,
} from '@sidecoach/shared';
import { ask, type Answer } from '../../hub/client.js';
import type { Message } from '../../hub/errors.js';
import { latest } from '../../hub/latest.js';
import { useSession } from '../../hub/session-store.js';
import { registerMysteryStore, useMysteryView } from './view.js';
import { pathOf, routeOf, type MysteryRoute } from './route.js';
import type { ReviewAction } from './review-form.js';

// The quality manager's mystery-call data: programmes, waves and their sampling plans,
// callers, a wave's assignments, the reports to review, a wave's results. All through the one
// hub client (the hub decides again who may do what); loaded with the screens, registered with
// view.ts so pushes and reconnects reach it.

type LoadStatus = 'idle' | 'loading' | 'loaded' | 'failed';
export interface Loaded<T> {
  status: LoadStatus;
  error: Message | null;
  data: T;
}
const idle = <T>(data: T): Loaded<T> => ({ status: 'idle', error: null, data });

export type Notice = { ok: boolean; message: Message } | null;
/** A wave's launch: saved first when changed, then drawn and opened to callers. */
export type LaunchStep = 'saving' | 'drawing';
export type Busy = 'programme' | 'wave' | 'launch' | 'close' | 'release' | 'caller' | null;

interface MysteryState {
  programmes: Loaded<Programme[]>;
  waves: Loaded<Wave[]>;
  callers: Loaded<Caller[]>;
  /** The centre's people, for the conflict check of a caller being made (staff never are). */
  staff: Loaded<AdminUser[]>;
  teams: Loaded<AdminTeam[]>;
  /** The active scorecard (the items' words) and every version a programme may be built on. */
  scorecard: Loaded<{ pack: StandardsPack; versions: number[] } | null>;
  /** An older scorecard version a programme is built on, with its items as they were. */
  versionPack: Loaded<StandardsPack | null> & { version: number | null };
  busy: Busy;
  launchStep: LaunchStep | null;
  /** What the last save, launch, close or release said (the screen that made it shows it). */
  notice: Notice;
  /** The hub's reasons with a refusal (why a caller may not be one: the conflict check). */
  reasons: string[];
  /** A caller just made: the one-time code to hand over, shown once. */
  issued: CallerSaved | null;
  /** The sampling plan of the wave as the form has it (`key`: the payload it is for). */
  plan: Loaded<WavePlan | null> & { key: string | null };
  assignments: Loaded<MysteryAssignment[]> & { waveId: string | null };
  /** The assignment being given to a caller (or back to the board), and what the last answer said. */
  assigning: { id: string | null; notice: Notice };
  /** Reports waiting for review (of one wave, or of all when `waveId` is null). */
  reviews: Loaded<MysteryReport[]> & { waveId: string | null };
  /** The report being reviewed, with its assignment and questionnaire. */
  review: Loaded<MysteryOpened | null> & {
    id: string | null;
    busy: ReviewAction | null;
    notice: Notice;
  };
  results: Loaded<MysteryResults | null> & { waveId: string | null };
  /** A calibration session on an approved mystery call: who may take part, and its creation. */
  calibrate: Loaded<CalibrationSetup | null> & { busy: boolean; notice: Notice };
}

const initial: MysteryState = {
  programmes: idle<Programme[]>([]),
  waves: idle<Wave[]>([]),
  callers: idle<Caller[]>([]),
  staff: idle<AdminUser[]>([]),
  teams: idle<AdminTeam[]>([]),
  scorecard: idle(null),
  versionPack: { ...idle<StandardsPack | null>(null), version: null },
  busy: null,
  launchStep: null,
  notice: null,
  reasons: [],
  issued: null,
  plan: { ...idle<WavePlan | null>(null), key: null },
  assignments: { ...idle<MysteryAssignment[]>([]), waveId: null },
  assigning: { id: null, notice: null },
  reviews: { ...idle<MysteryReport[]>([]), waveId: null },
  review: { ...idle<MysteryOpened | null>(null), id: null, busy: null, notice: null },
  results: { ...idle<MysteryResults | null>(null), waveId: null },
  calibrate: { ...idle<CalibrationSetup | null>(null), busy: false, notice: null },
};

export const useMystery = create<MysteryState>()(() => initial);
const set = (p: Partial<MysteryState>) => useMystery.setState(p);
const get = () => useMystery.getState();

type ListKey = 'programmes' | 'waves' | 'callers' | 'staff' | 'teams' | 'scorecard';
type Keyed =
  'plan' | 'assignments' | 'reviews' | 'review' | 'results' | 'calibrate' | 'versionPack';
const guards = Object.fromEntries(
  (
    [
      'programmes',
      'waves',
      'callers',
      'staff',
      'teams',
      'scorecard',
      'plan',
      'assignments',
    ] as const
  ).map((k) => [k, latest()]),
) as Record<ListKey | 'plan' | 'assignments', ReturnType<typeof latest>>;
const keyedGuards = {
  versionPack: latest(),
  reviews: latest(),
  review: latest(),
  results: latest(),
  calibrate: latest(),
};

/** Asks the hub and keeps the answer under `key` (the data shown stays while it loads again). */
async function load<K extends ListKey | Keyed, E extends ClientEventName>(
  key: K,
  event: E,
  payload: ClientPayload<E>,
  pick: (data: ClientEventResults[E]) => MysteryState[K]['data'],
  extra: Partial<MysteryState[K]> = {},
): Promise<boolean> {
  const guard =
    key in guards ? guards[key as ListKey] : keyedGuards[key as keyof typeof keyedGuards];
  const current = guard.next();
  const before = { ...get()[key], ...extra };
  set({ [key]: { ...before, status: 'loading', error: null } });
  const res = await ask(event, payload);
  if (!current()) return false;
  set({
    [key]: res.ok
      ? { ...before, status: 'loaded', error: null, data: pick(res.data) }
      : { ...before, status: 'failed', error: res.error },
  });
  return res.ok;
}

export const loadProgrammes = () =>
  load('programmes', 'mystery:programmes', {}, (d) => d.programmes);
export const loadWaves = () => load('waves', 'mystery:waves', {}, (d) => d.waves);
export const loadCallers = () => load('callers', 'mystery:callers', {}, (d) => d.callers);
export const loadTeams = () => load('teams', 'admin:teams', {}, (d) => d.teams);
export const loadStaff = () => load('staff', 'admin:users', {}, (d) => d.users);
export const loadScorecard = () =>
  load('scorecard', 'scorecard:get', {}, (d) => ({
    pack: d.pack,
    versions: [...new Set([d.pack.version, ...d.history.map((h) => h.version)])].sort(
      (a, b) => b - a,
    ),
  }));

/** A version of the scorecard (kept until another is asked for: the editor shows one at a time). */
export function loadVersionPack(version: number) {
  const { versionPack } = get();
  if (versionPack.version === version && versionPack.status === 'loaded') return;
  return load('versionPack', 'mystery:pack', { version }, (d) => d.pack, {
    version,
    ...(versionPack.version === version ? {} : { data: null }),
  });
}

export const loadAssignments = (waveId: string) =>
  load('assignments', 'mystery:assignments', { waveId }, (d) => d.assignments, {
    waveId,
    ...(get().assignments.waveId === waveId ? {} : { data: [] }),
  });

export const loadReviews = (waveId: string | null) =>
  load('reviews', 'mystery:reviews', waveId ? { waveId } : {}, (d) => d.reports, {
    waveId,
    ...(get().reviews.waveId === waveId ? {} : { data: [] }),
  });

export const loadResults = (waveId: string) =>
  load('results', 'mystery:results', { waveId }, (d) => d, {
    waveId,
    ...(get().results.waveId === waveId ? {} : { data: null }),
  });

export function openReview(assignmentId: string) {
  const same = get().review.id === assignmentId;
  return load('review', 'mystery:open', { assignmentId }, (d) => d, {
    id: assignmentId,
    ...(same ? {} : { data: null, notice: null, busy: null }),
  });
}

// ---- where the manager is ----

const routeNow = () => routeOf(useMysteryView.getState().path);

/** Goes to a screen (its address too). */
export function go(route: MysteryRoute): void {
  set({ notice: null, reasons: [], issued: null });
  useMysteryView.setState({ path: pathOf(route) });
}

/** Loads what a screen shows (the view calls it whenever its route changes). */
export function show(route: MysteryRoute): void {
  switch (route.screen) {
    case 'programmes':
      void loadProgrammes();
      void loadWaves();
      // The tab's count of reports waiting for review.
      void loadReviews(null);
      return;
    case 'programme':
    case 'new-wave':
      void loadProgrammes();
      void loadWaves();
      void loadTeams();
      void loadScorecard();
      return;
    case 'wave':
      void loadProgrammes();
      void loadWaves();
      void loadTeams();
      void loadScorecard();
      if (route.page === 'assignments') {
        void loadAssignments(route.id);
        void loadCallers();
      } else if (route.page === 'reviews') void loadReviews(route.id);
      else if (route.page === 'results') void loadResults(route.id);
      return;
    case 'callers':
      void loadCallers();
      return;
    case 'caller':
      void loadCallers();
      void loadStaff();
      return;
    case 'reviews':
      void loadReviews(null);
      void loadWaves();
      return;
    case 'review':
      void openReview(route.assignmentId);
      void loadWaves();
      void loadTeams();
      return;
  }
}

// ---- writes ----

/** Sends a write, with `busy` set while it runs; answers the data, or null when refused. */
async function write<E extends ClientEventName>(
  busy: Exclude<Busy, null>,
  event: E,
  payload: ClientPayload<E>,
): Promise<ClientEventResults[E] | null> {
  if (get().busy) return null;
  set({ busy, notice: null, reasons: [] });
  const res: Answer<ClientEventResults[E]> = await ask(event, payload);
  set({ busy: null });
  if (!res.ok) {
    set({ notice: { ok: false, message: res.error }, reasons: res.problems ?? [] });
    return null;
  }
  return res.data;
}

const upsert = <T extends { id: string }>(list: readonly T[], item: T): T[] =>
  list.some((x) => x.id === item.id)
    ? list.map((x) => (x.id === item.id ? item : x))
    : [item, ...list];

export async function saveProgramme(payload: ProgrammeSave): Promise<boolean> {
  const saved = await write('programme', 'mystery:programme-save', payload);
  if (!saved) return false;
  const programmes = get().programmes;
  set({ programmes: { ...programmes, data: upsert(programmes.data, saved) } });
  if (routeNow().screen === 'programme') go({ screen: 'programme', id: saved.id });
  set({ notice: { ok: true, message: { key: 'mystery.programme.saved' } } });
  return true;
}

const setWave = (wave: Wave) => {
  const waves = get().waves;
  set({ waves: { ...waves, data: upsert(waves.data, wave) } });
};

/** Previews the sampling plan of the wave as the form has it (the latest asked wins). */
export async function previewPlan(payload: WaveSave): Promise<void> {
  const key = JSON.stringify(payload);
  if (get().plan.key === key && get().plan.status !== 'failed') return;
  const current = guards.plan.next();
  set({ plan: { ...get().plan, key, status: 'loading', error: null } });
  const res = await ask('mystery:plan', payload);
  if (!current()) return;
  set({
    plan: res.ok
      ? { key, status: 'loaded', error: null, data: res.data }
      : { ...get().plan, key, status: 'failed', error: res.error },
  });
}

/** The form has problems: no plan can be previewed until they are fixed. */
export function clearPlan(): void {
  guards.plan.cancel();
  set({ plan: { ...initial.plan } });
}

/** Saves a draft wave (a new one opens as its own screen). */
export async function saveWave(payload: WaveSave): Promise<boolean> {
  const saved = await write('wave', 'mystery:wave-save', payload);
  if (!saved) return false;
  setWave(saved);
  if (routeNow().screen === 'new-wave') go({ screen: 'wave', id: saved.id, page: 'plan' });
  set({ notice: { ok: true, message: { key: 'mystery.wave.saved' } } });
  return true;
}

/**
 * Launches a wave: saves the form first when it changed (`payload`), then the hub draws the
 * assignments from the plan and opens them to callers; `launchStep` says which is under way.
 */
export async function launchWave(waveId: string, payload: WaveSave | null): Promise<boolean> {
  if (get().busy) return false;
  if (payload) {
    set({ launchStep: 'saving' });
    const saved = await write('launch', 'mystery:wave-save', payload);
    if (!saved) return (set({ launchStep: null }), false);
    setWave(saved);
  }
  set({ launchStep: 'drawing' });
  const launched = await write('launch', 'mystery:wave-launch', { waveId });
  set({ launchStep: null });
  if (!launched) return false;
  setWave(launched);
  if (routeNow().screen === 'new-wave') go({ screen: 'wave', id: launched.id, page: 'plan' });
  set({
    notice: {
      ok: true,
      message: { key: 'mystery.wave.launched', values: { count: launched.counts.open } },
    },
  });
  return true;
}

export async function closeWave(waveId: string): Promise<boolean> {
  const closed = await write('close', 'mystery:wave-close', { waveId });
  if (!closed) return false;
  setWave(closed);
  set({ notice: { ok: true, message: { key: 'mystery.wave.closed' } } });
  return true;
}

/** Shows the wave's approved calls to their agents (their reflective sessions). */
export async function releaseResults(waveId: string): Promise<boolean> {
  const released = await write('release', 'mystery:release', { waveId });
  if (!released) return false;
  setWave(released);
  const results = get().results;
  if (results.data && results.waveId === waveId)
    set({ results: { ...results, data: { ...results.data, wave: released } } });
  set({ notice: { ok: true, message: { key: 'mystery.results.releasedNotice' } } });
  return true;
}

/** Saves a caller; a new one answers the one-time code to hand over (shown once). */
export async function saveCaller(payload: CallerSave): Promise<boolean> {
  const saved = await write('caller', 'mystery:caller-save', payload);
  if (!saved) return false;
  const callers = get().callers;
  set({
    callers: { ...callers, data: upsert(callers.data, saved.caller) },
    issued: saved.oneTimeCode ? saved : null,
    notice: { ok: true, message: { key: 'mystery.caller.saved' } },
  });
  if (routeNow().screen === 'caller')
    useMysteryView.setState({ path: ['callers', saved.caller.id] });
  return true;
}

/** The code was handed over: it is not shown again. */
export const dismissIssued = () => set({ issued: null });

/** Gives an assignment to a caller, or takes it back to the board (null). */
export async function assign(assignmentId: string, callerId: string | null): Promise<boolean> {
  if (get().assigning.id) return false;
  set({ assigning: { id: assignmentId, notice: null } });
  const res = await ask('mystery:assign', { assignmentId, callerId });
  const said: Notice = !res.ok
    ? { ok: false, message: res.error }
    : callerId
      ? {
          ok: true,
          message: {
            key: 'mystery.assignments.assigned',
            values: { name: res.data.callerName ?? '' },
          },
        }
      : { ok: true, message: { key: 'mystery.assignments.backOnBoard' } };
  set({ assigning: { id: null, notice: said } });
  if (res.ok) assignmentChanged(res.data);
  return res.ok;
}

/** An assignment's status once its report is reviewed. */
const AFTER = { approve: 'approved', return: 'returned', reject: 'rejected' } as const;

/** Approves (with a grade), returns (with a question) or rejects (with a reason) a report. */
export async function review(payload: MysteryReview): Promise<boolean> {
  const r = get().review;
  if (r.busy || !r.data) return false;
  set({ review: { ...r, busy: payload.action, notice: null } });
  const res = await ask('mystery:review', payload);
  const now = get().review;
  if (!res.ok) {
    set({ review: { ...now, busy: null, notice: { ok: false, message: res.error } } });
    return false;
  }
  set({
    review: {
      ...now,
      busy: null,
      data: now.data && {
        ...now.data,
        report: res.data,
        assignment: {
          ...now.data.assignment,
          status: AFTER[payload.action],
          reviewNote: res.data.reviewNote,
        },
      },
      notice: { ok: true, message: { key: `mystery.review.done.${payload.action}` } },
    },
    reviews: {
      ...get().reviews,
      data: get().reviews.data.filter((x) => x.assignmentId !== payload.assignmentId),
    },
  });
  return true;
}

/** Who may take part in a calibration session (the calibration setup's people). */
export const loadCalibrationSetup = () =>
  load('calibrate', 'calibration:setup', {}, (d) => d, { busy: false, notice: null });

/**
 * Creates a calibration session on an approved mystery call (its matched call and recording):
 * answers the session's id, or null when the hub refused (said in `calibrate.notice`).
 */
export async function createCalibration(payload: CalibrationCreate): Promise<string | null> {
  const c = get().calibrate;
  if (c.busy) return null;
  set({ calibrate: { ...c, busy: true, notice: null } });
  const res = await ask('calibration:create', payload);
  set({
    calibrate: {
      ...get().calibrate,
      busy: false,
      notice: res.ok ? null : { ok: false, message: res.error },
    },
  });
  return res.ok ? res.data.id : null;
}

// ---- pushes and reconnects ----

function assignmentChanged(a: MysteryAssignment): void {
  const list = get().assignments;
  if (list.waveId === a.waveId)
    set({ assignments: { ...list, data: list.data.map((x) => (x.id === a.id ? a : x)) } });
}

/** `mystery:changed`: the assignment in the list, the wave's counts, the reports to review. */
function changed(a: MysteryAssignment): void {
  assignmentChanged(a);
  if (!useMysteryView.getState().open) return;
  void loadWaves();
  const route = routeNow();
  if (route.screen === 'reviews') void loadReviews(null);
  if (route.screen === 'wave' && route.id === a.waveId && route.page === 'reviews')
    void loadReviews(a.waveId);
}

function reload(): void {
  if (useSession.getState().session?.user.role !== 'admin') return reset();
  if (useMysteryView.getState().open) show(routeNow());
}

function reset(): void {
  Object.values(guards).forEach((g) => g.cancel());
  Object.values(keyedGuards).forEach((g) => g.cancel());
  set(initial);
}

registerMysteryStore({ reload, reset, changed });

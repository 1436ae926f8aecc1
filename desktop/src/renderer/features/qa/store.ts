import { create } from 'zustand';
import type {
  AdminTeam,
  AdminUser,
  Evaluation,
  QaAssignment,
  QaDisputes,
  QaDrawResult,
  QaEvaluatorStats,
  QaPeriod,
  QaPlan,
  QaPlanSave,
  StandardsPack,
} from '@sidecoach/shared';
import { ask } from '../../hub/client.js';
import type { Message } from '../../hub/errors.js';
import { latest } from '../../hub/latest.js';
import { useSession } from '../../hub/session-store.js';
import { localDay } from '../../lib/time.js';
import { firstQaTab, qaTabsFor, type QaTab } from './access.js';
import { discrepancies, type AssessedCall, type ItemDiscrepancy } from './discrepancy.js';
import { evaluationChanged, resetEvaluate } from './evaluate.js';
import { registerQaStore, useQaView } from './view.js';

// The Quality view's data (coaches, evaluators, arbitrators, admins): plans and draws, the
// evaluator's queue, disputes and their outcomes, evaluators' work, evaluations and an agent's
// trend and discrepancy. All through the one hub client; the hub decides who may read what.

export type LoadStatus = 'idle' | 'loading' | 'loaded' | 'failed';

interface Loaded<T> {
  status: LoadStatus;
  error: Message | null;
  data: T;
}
const idle = <T>(data: T): Loaded<T> => ({ status: 'idle', error: null, data });

/** The most evaluated calls (newest first) an agent's discrepancy compares. */
export const DISCREPANCY_MAX = 20;

interface QaState {
  plans: Loaded<QaPlan[]>;
  /** Admins only: the people and teams a plan is made of (evaluators, arbitrators). */
  people: Loaded<{ users: AdminUser[]; teams: AdminTeam[] }>;
  /** The team whose plan is shown (and drawn). */
  teamId: string | null;
  planNotice: { ok: boolean; message: Message } | null;
  savingPlan: boolean;
  draw: {
    status: 'idle' | 'drawing' | 'done' | 'failed';
    result: QaDrawResult | null;
    error: Message | null;
  };
  /** The shown team's draws, done ones too (why each call was chosen). */
  draws: Loaded<QaAssignment[]>;
  queue: Loaded<QaAssignment[]>;
  disputes: Loaded<QaDisputes | null> & { includeClosed: boolean };
  evaluators: Loaded<QaEvaluatorStats | null> & {
    period: QaPeriod;
    day: string;
    /** '' for every team (admins only: leads and supervisors read one of their own). */
    teamId: string;
  };
  list: Loaded<Evaluation[]> & { agentId: string | null; teamId: string };
  discrepancy: Loaded<ItemDiscrepancy[]> & { agentId: string | null };
  reset(): void;
}

const initial = {
  plans: idle<QaPlan[]>([]),
  people: idle({ users: [] as AdminUser[], teams: [] as AdminTeam[] }),
  teamId: null as string | null,
  planNotice: null,
  savingPlan: false,
  draw: { status: 'idle' as const, result: null, error: null },
  draws: idle<QaAssignment[]>([]),
  queue: idle<QaAssignment[]>([]),
  disputes: { ...idle<QaDisputes | null>(null), includeClosed: false },
  evaluators: { ...idle<QaEvaluatorStats | null>(null), period: 'month', day: '', teamId: '' },
  list: { ...idle<Evaluation[]>([]), agentId: null, teamId: '' },
  discrepancy: { ...idle<ItemDiscrepancy[]>([]), agentId: null },
} satisfies Omit<QaState, 'reset'>;

const guards = {
  plans: latest(),
  people: latest(),
  draws: latest(),
  queue: latest(),
  disputes: latest(),
  evaluators: latest(),
  list: latest(),
  discrepancy: latest(),
};

export const useQa = create<QaState>()((set) => ({
  ...initial,
  reset() {
    Object.values(guards).forEach((g) => g.cancel());
    set(initial);
  },
}));

type Part = 'plans' | 'people' | 'draws' | 'queue' | 'disputes' | 'evaluators' | 'list';
const patch = <K extends Part | 'discrepancy'>(key: K, p: Partial<QaState[K]>) =>
  useQa.setState((s) => ({ [key]: { ...s[key], ...p } }));

/** One read of the hub into a part of the state, newest answer wins. */
async function load<K extends Part, T>(
  key: K,
  request: () => Promise<{ ok: true; data: T } | { ok: false; error: Message }>,
  apply: (data: T) => QaState[K]['data'],
): Promise<void> {
  const current = guards[key].next();
  patch(key, { status: 'loading', error: null } as Partial<QaState[K]>);
  const res = await request();
  if (!current()) return;
  if (!res.ok) return patch(key, { status: 'failed', error: res.error } as Partial<QaState[K]>);
  patch(key, { status: 'loaded', data: apply(res.data) } as Partial<QaState[K]>);
}

const me = () => useSession.getState().session?.user;

/** The teams the user may pick: all of them for admins, else their own. */
export function teamChoices(): Array<{ id: string; name: string }> {
  const user = me();
  if (!user) return [];
  if (user.role === 'admin') {
    const teams = useQa.getState().people.data.teams;
    return teams.map((t) => ({ id: t.id, name: t.name }));
  }
  return user.teams;
}

// ---- opening tabs ----

/** Opens a tab (the first the user may use when none is given) and loads what it shows. */
export function showTab(tab?: QaTab): void {
  const user = me();
  if (!user) return;
  const tabs = qaTabsFor(user);
  const chosen = tab && tabs.includes(tab) ? tab : (useQaView.getState().tab ?? firstQaTab(user));
  if (!chosen) return;
  useQaView.setState({ open: true, tab: chosen, evaluating: null });
  loadTab(chosen);
}

function loadTab(tab: QaTab): void {
  const user = me();
  if (user?.role === 'admin' && useQa.getState().people.status === 'idle') void loadPeople();
  if (tab === 'queue') void loadQueue();
  else if (tab === 'plans') void loadPlans();
  else if (tab === 'disputes') void loadDisputes();
  else if (tab === 'evaluators') void loadEvaluators();
  else if (tab === 'evaluations' && useQa.getState().list.status === 'idle') void loadList();
}

// ---- plans and draws ----

export async function loadPeople(): Promise<void> {
  await load(
    'people',
    async () => {
      const [users, teams] = await Promise.all([ask('admin:users', {}), ask('admin:teams', {})]);
      if (!users.ok) return users;
      if (!teams.ok) return teams;
      return { ok: true as const, data: { users: users.data.users, teams: teams.data.teams } };
    },
    (data) => data,
  );
  if (!useQa.getState().teamId) pickFirstTeam();
}

function pickFirstTeam() {
  const first = useQa.getState().plans.data[0]?.teamId ?? teamChoices()[0]?.id ?? null;
  if (first) selectTeam(first);
}

export async function loadPlans(): Promise<void> {
  await load(
    'plans',
    () => ask('qa:plans', {}),
    (data) => data.plans,
  );
  if (!useQa.getState().teamId) pickFirstTeam();
  else void loadDraws();
}

/** Shows a team's plan and draws. */
export function selectTeam(teamId: string): void {
  useQa.setState({
    teamId,
    planNotice: null,
    draw: { status: 'idle', result: null, error: null },
  });
  void loadDraws();
}

export async function loadDraws(): Promise<void> {
  const teamId = useQa.getState().teamId;
  if (!teamId) return;
  await load(
    'draws',
    () => ask('qa:queue', { teamId, includeDone: true }),
    (data) => data.assignments,
  );
}

export async function savePlan(plan: QaPlanSave): Promise<boolean> {
  useQa.setState({ savingPlan: true, planNotice: null });
  const res = await ask('qa:plan-save', plan);
  useQa.setState({ savingPlan: false });
  if (!res.ok) {
    useQa.setState({ planNotice: { ok: false, message: res.error } });
    return false;
  }
  const saved = res.data;
  useQa.setState((s) => ({
    planNotice: { ok: true, message: { key: 'qa.plan.saved', values: { team: saved.teamName } } },
    plans: {
      ...s.plans,
      data: s.plans.data.some((p) => p.teamId === saved.teamId)
        ? s.plans.data.map((p) => (p.teamId === saved.teamId ? saved : p))
        : [...s.plans.data, saved],
    },
  }));
  return true;
}

/** A draw can touch every agent's calls of a month: it gets longer than a plain request. */
const DRAW_TIMEOUT_MS = 60_000;

export async function drawNow(day: string): Promise<void> {
  const teamId = useQa.getState().teamId;
  if (!teamId) return;
  useQa.setState({ draw: { status: 'drawing', result: null, error: null } });
  const res = await ask('qa:draw', { teamId, day }, { timeoutMs: DRAW_TIMEOUT_MS });
  if (useQa.getState().teamId !== teamId) return;
  if (!res.ok)
    return useQa.setState({ draw: { status: 'failed', result: null, error: res.error } });
  useQa.setState({ draw: { status: 'done', result: res.data, error: null } });
  await loadDraws();
}

// ---- the evaluator's queue ----

export const loadQueue = () =>
  load(
    'queue',
    () => ask('qa:queue', { includeDone: false }),
    (data) => data.assignments,
  );

// ---- disputes ----

export function loadDisputes(includeClosed = useQa.getState().disputes.includeClosed) {
  patch('disputes', { includeClosed });
  return load(
    'disputes',
    () => ask('qa:disputes', { includeClosed }),
    (data) => data,
  );
}

// ---- evaluators ----

/** Evaluators' work in the week or month of a day (today when none was chosen), per team. */
export function loadEvaluators(
  period = useQa.getState().evaluators.period,
  day = useQa.getState().evaluators.day || localDay(),
  teamId = useQa.getState().evaluators.teamId,
) {
  // Leads and supervisors read one of their own teams (the first until they choose).
  const user = me();
  const team = teamId || (user?.role === 'admin' ? '' : (user?.teams[0]?.id ?? ''));
  patch('evaluators', { period, day, teamId: team });
  return load(
    'evaluators',
    () => ask('qa:evaluators', { period, day, ...(team ? { teamId: team } : {}) }),
    (data) => data,
  );
}

// ---- evaluations, an agent's trend and discrepancy ----

/** The evaluations of a team ('' for every team the user may read), newest answer wins. */
export function loadList(teamId = useQa.getState().list.teamId) {
  if (teamId !== useQa.getState().list.teamId) selectListAgent(null);
  patch('list', { teamId });
  return load(
    'list',
    () => ask('qa:list', teamId ? { teamId } : {}),
    (data) => data.evaluations,
  );
}

/** One agent's evaluations, trend and discrepancy (null: every agent of the list). */
export function selectListAgent(agentId: string | null): void {
  patch('list', { agentId });
  if (agentId !== useQa.getState().discrepancy.agentId) {
    guards.discrepancy.cancel();
    patch('discrepancy', { ...initial.discrepancy });
  }
}

/** How far back the discrepancy reads the agent's calls (as far as the evaluations list). */
const DISCREPANCY_DAYS = 90;

/**
 * The agent's self-assessment against their evaluations, item by item: the evaluated calls
 * (newest first, at most DISCREPANCY_MAX) paired with the same calls' self-assessments from the
 * agent's history, which every coach of the agent may read.
 */
export async function loadDiscrepancy(agentId: string, pack: StandardsPack): Promise<void> {
  const current = guards.discrepancy.next();
  const evaluations = useQa
    .getState()
    .list.data.filter((e) => e.agentId === agentId && e.callId && e.status !== 'draft')
    .sort((a, b) => (b.evaluatedAt ?? '').localeCompare(a.evaluatedAt ?? ''))
    .slice(0, DISCREPANCY_MAX);
  patch('discrepancy', { agentId, status: 'loading', error: null, data: [] });
  const res = await ask('agent:history', { agentId, days: DISCREPANCY_DAYS });
  if (!current()) return;
  if (!res.ok) return patch('discrepancy', { status: 'failed', error: res.error });
  const byCall = new Map(res.data.calls.map((c) => [c.id, c]));
  const calls: AssessedCall[] = evaluations.flatMap((e) => {
    const call = byCall.get(e.callId!);
    const self = call?.assessment;
    return call && self?.status === 'submitted'
      ? [{ callType: call.callType, self: self.answers, evaluation: e.answers }]
      : [];
  });
  patch('discrepancy', { status: 'loaded', data: discrepancies(pack, calls) });
}

// ---- pushes and reconnects ----

function changed(evaluation: Evaluation): void {
  evaluationChanged(evaluation);
  useQa.setState((s) => ({
    list: s.list.data.some((e) => e.id === evaluation.id)
      ? { ...s.list, data: s.list.data.map((e) => (e.id === evaluation.id ? evaluation : e)) }
      : s.list,
  }));
  const tab = useQaView.getState().tab;
  if (!useQaView.getState().open) return;
  if (tab === 'disputes') void loadDisputes();
  if (tab === 'queue') void loadQueue();
}

function reload(): void {
  const { open, tab } = useQaView.getState();
  const user = me();
  if (!user || qaTabsFor(user).length === 0) return useQa.getState().reset();
  if (open && tab) loadTab(tab);
}

registerQaStore('coach', {
  reload,
  changed,
  reset: () => {
    resetEvaluate();
    useQa.getState().reset();
  },
});

import { create } from 'zustand';
import type {
  ClientEventName,
  ClientEventResults,
  ClientPayload,
  SurveyReport,
  SurveyResponse,
  TeamSettings,
} from '@sidecoach/shared';
import { request } from '../lib/hub-api.js';
import { ACK_TIMEOUT_MS, currentSocket } from './connection.js';
import { useSidebar } from './sidebar-store.js';

// Customers' survey answers: the coaches' feedback view, service-recovery alerts, the
// selective-surveying report, the team setting, and the agent's own feedback. Answers arrive
// live as 'survey-response' inbox messages (see inbox-sync.ts).

export type SurveysView = 'feedback' | 'report' | 'pack';
export const PERIODS = [7, 30, 90] as const;
export type Period = (typeof PERIODS)[number];
/** How far back the agent's own feedback goes. */
export const MY_FEEDBACK_DAYS = 30;
/** The most answers one request brings (the view says when it shows only the newest). */
export const FEEDBACK_LIMIT = 200;
const MAX_ALERTS = 50;
const QUIET_RELOAD_MS = 300;

/** An i18n key with values, so the message follows the language. */
export interface UiError {
  key: string;
  values?: Record<string, string>;
}
export type LoadStatus = 'idle' | 'loading' | 'loaded' | 'failed';

export interface FeedbackFilters {
  teamId: string | null;
  agentId: string | null;
  /** Applied here (the hub filters by team, agent and period). */
  callType: string | null;
  days: Period;
}

/** A team's settings a lead can change. */
export type TeamFlags = Pick<TeamSettings, 'agentsSeeSurveys' | 'behavioursOnly'>;
export interface TeamSetting {
  value: TeamFlags | null;
  status: 'loading' | 'loaded' | 'saving' | 'saved' | 'failed';
  error: UiError | null;
}

interface SurveysState {
  /** The coach's survey view shown over the floor (null: none). */
  open: SurveysView | null;
  filters: FeedbackFilters;
  feedback: { status: LoadStatus; responses: SurveyResponse[]; error: UiError | null };
  /** The answer opened from an alert, marked in the list. */
  highlight: string | null;
  /** Service-recovery alerts not yet opened or dismissed, newest first. */
  alerts: SurveyResponse[];
  /** The agent's own customers' answers; hidden when their team does not share them. */
  mine: { status: LoadStatus | 'hidden'; responses: SurveyResponse[]; error: UiError | null };
  reportFilters: { teamId: string | null; days: Period };
  report: { status: LoadStatus; data: SurveyReport | null; error: UiError | null };
  /** The agent compared with the team in the report's chart. */
  reportAgentId: string | null;
  teamSettings: Record<string, TeamSetting>;
  /** Agents seen in each team's answers and report: a live answer for another agent reloads. */
  teamAgents: Record<string, string[]>;
  reset(): void;
}

const initial = {
  open: null,
  filters: { teamId: null, agentId: null, callType: null, days: 7 },
  feedback: { status: 'idle', responses: [], error: null },
  highlight: null,
  alerts: [],
  mine: { status: 'idle', responses: [], error: null },
  reportFilters: { teamId: null, days: 30 },
  report: { status: 'idle', data: null, error: null },
  reportAgentId: null,
  teamSettings: {},
  teamAgents: {},
} satisfies Omit<SurveysState, 'reset'>;

export const useSurveys = create<SurveysState>()((set) => ({
  ...initial,
  reset: () => set(initial),
}));

const get = () => useSurveys.getState();
const set = (patch: Partial<SurveysState>) => useSurveys.setState(patch);

type Answer<E extends ClientEventName> =
  | { ok: true; data: ClientEventResults[E] }
  | { ok: false; offline: boolean; forbidden: boolean; message: string };

async function ask<E extends ClientEventName>(
  event: E,
  payload: ClientPayload<E>,
): Promise<Answer<E>> {
  const offline = { ok: false, offline: true, forbidden: false, message: '' } as const;
  const s = currentSocket();
  if (!s?.connected) return offline;
  const res = await request(s, event, payload, ACK_TIMEOUT_MS).catch(() => null);
  if (!res) return offline;
  if (res.ok) return { ok: true, data: res.data };
  const forbidden = res.error.code === 'forbidden';
  return { ok: false, offline: false, forbidden, message: res.error.message };
}

function loadError(a: { offline: boolean; forbidden: boolean; message: string }): UiError {
  if (a.offline) return { key: 'surveys.error.offline' };
  if (a.forbidden) return { key: 'surveys.error.forbidden' };
  return { key: 'surveys.error.other', values: { message: a.message } };
}

const newestFirst = (a: SurveyResponse, b: SurveyResponse) =>
  b.submittedAt.localeCompare(a.submittedAt);

/** One answer per call, newest first. */
export function mergeResponses(
  current: readonly SurveyResponse[],
  incoming: readonly SurveyResponse[],
): SurveyResponse[] {
  const map = new Map(current.map((r) => [r.callId, r]));
  for (const r of incoming) map.set(r.callId, r);
  return [...map.values()].sort(newestFirst);
}

const withAgents = (known: Record<string, string[]>, teamId: string, agentIds: string[]) => ({
  ...known,
  [teamId]: [...new Set([...(known[teamId] ?? []), ...agentIds])],
});

// ---- the feedback view ----

let feedbackToken = 0;
/** Answers that arrived while the list was loading, and the one opened from an alert. */
let arrivedDuringLoad: SurveyResponse[] = [];
let opened: SurveyResponse | null = null;

const matches = (r: SurveyResponse, f: FeedbackFilters) => !f.agentId || f.agentId === r.agentId;

/** `quiet`: keeps the list on screen while it reloads (a live answer the filter cannot place). */
export async function loadFeedback(quiet = false): Promise<void> {
  const token = ++feedbackToken;
  arrivedDuringLoad = [];
  const { filters } = get();
  if (!quiet) set({ feedback: { status: 'loading', responses: [], error: null } });
  const res = await ask('surveys:responses', {
    ...(filters.teamId ? { teamId: filters.teamId } : {}),
    ...(filters.agentId ? { agentId: filters.agentId } : {}),
    days: filters.days,
    limit: FEEDBACK_LIMIT,
  });
  if (token !== feedbackToken) return; // the filters changed meanwhile
  if (!res.ok) {
    const { feedback } = get();
    set({
      feedback: { ...feedback, status: quiet ? feedback.status : 'failed', error: loadError(res) },
    });
    return;
  }
  const extra = [...arrivedDuringLoad, ...(opened ? [opened] : [])].filter((r) =>
    matches(r, filters),
  );
  const responses = mergeResponses(res.data.responses, extra);
  set({
    feedback: { status: 'loaded', responses, error: null },
    ...(filters.teamId
      ? {
          teamAgents: withAgents(
            get().teamAgents,
            filters.teamId,
            res.data.responses.map((r) => r.agentId),
          ),
        }
      : {}),
  });
}

export function setFilters(patch: Partial<FeedbackFilters>): void {
  const before = get().filters;
  const filters = { ...before, ...patch };
  set({ filters, highlight: null });
  opened = null;
  // The call type is filtered here; everything else asks the hub again.
  const asks = (['teamId', 'agentId', 'days'] as const).some((k) => filters[k] !== before[k]);
  if (asks) void loadFeedback();
}

let quietTimer: ReturnType<typeof setTimeout> | undefined;
function reloadQuietly() {
  clearTimeout(quietTimer);
  quietTimer = setTimeout(() => void loadFeedback(true), QUIET_RELOAD_MS);
}

// ---- live answers and alerts ----

const dismissed = new Set<string>();

/** A 'survey-response' inbox message: into the lists, and an alert for a low score. */
export function surveyResponseReceived(response: SurveyResponse): void {
  const state = get();
  if (useSidebar.getState().session?.user.role === 'agent') {
    // The hub only sends an agent their answers when the team shares them.
    if (state.mine.status === 'loading' || state.mine.status === 'idle') return;
    set({
      mine: {
        status: 'loaded',
        responses: mergeResponses(state.mine.responses, [response]),
        error: null,
      },
    });
    return;
  }
  const patch: Partial<SurveysState> = {};
  const known = state.alerts.some((a) => a.callId === response.callId);
  if (response.alert && !known && !dismissed.has(response.callId))
    patch.alerts = [response, ...state.alerts].slice(0, MAX_ALERTS);
  const { feedback, filters } = state;
  if (feedback.status === 'loading') arrivedDuringLoad.push(response);
  else if (feedback.status === 'loaded' && matches(response, filters)) {
    const team = filters.teamId;
    if (team && !state.teamAgents[team]?.includes(response.agentId)) reloadQuietly();
    else
      patch.feedback = { ...feedback, responses: mergeResponses(feedback.responses, [response]) };
  }
  set(patch);
}

export function dismissAlert(callId: string): void {
  dismissed.add(callId);
  set({ alerts: get().alerts.filter((a) => a.callId !== callId) });
}

/** "Open" on an alert: the feedback view, with the answer in the list and marked. */
export function openAlert(callId: string): void {
  const state = get();
  const response = state.alerts.find((a) => a.callId === callId);
  dismissAlert(callId);
  if (!response) return;
  const f = state.filters;
  // Keep the filters the answer passes; clear the ones that would hide it.
  const filters: FeedbackFilters = {
    teamId: f.teamId && state.teamAgents[f.teamId]?.includes(response.agentId) ? f.teamId : null,
    agentId: f.agentId === response.agentId ? f.agentId : null,
    callType: f.callType === response.callType ? f.callType : null,
    days: f.days,
  };
  opened = response;
  set({ open: 'feedback', filters, highlight: callId });
  void loadFeedback();
  void loadTeamSettings();
}

// ---- the selective-surveying report ----

let reportToken = 0;

export async function loadReport(): Promise<void> {
  const token = ++reportToken;
  const { reportFilters: f, report } = get();
  set({ report: { ...report, status: 'loading', error: null } });
  const res = await ask('surveys:report', {
    ...(f.teamId ? { teamId: f.teamId } : {}),
    days: f.days,
  });
  if (token !== reportToken) return;
  if (!res.ok) {
    // The last report stays on screen under the error.
    set({ report: { status: 'failed', data: get().report.data, error: loadError(res) } });
    return;
  }
  const agents = res.data.agents;
  const keep = agents.some((a) => a.agentId === get().reportAgentId);
  set({
    report: { status: 'loaded', data: res.data, error: null },
    reportAgentId: keep
      ? get().reportAgentId
      : (agents.find((a) => a.flags.length > 0)?.agentId ?? agents[0]?.agentId ?? null),
    ...(f.teamId
      ? {
          teamAgents: withAgents(
            get().teamAgents,
            f.teamId,
            agents.map((a) => a.agentId),
          ),
        }
      : {}),
  });
}

export function setReportFilters(patch: Partial<SurveysState['reportFilters']>): void {
  set({ reportFilters: { ...get().reportFilters, ...patch } });
  void loadReport();
}

export const selectReportAgent = (agentId: string) => set({ reportAgentId: agentId });

// ---- team settings (leads and admins) ----

const myTeams = () => useSidebar.getState().session?.user.teams ?? [];
const mayChangeTeams = () => {
  const role = useSidebar.getState().session?.user.role;
  return role === 'lead' || role === 'admin';
};

function setTeam(teamId: string, setting: TeamSetting) {
  set({ teamSettings: { ...get().teamSettings, [teamId]: setting } });
}

export async function loadTeamSettings(): Promise<void> {
  if (!mayChangeTeams()) return;
  await Promise.all(
    myTeams().map(async ({ id }) => {
      const before = get().teamSettings[id];
      if (before?.status === 'saving') return;
      setTeam(id, { value: before?.value ?? null, status: 'loading', error: null });
      const res = await ask('team:settings', { teamId: id });
      if (res.ok) setTeam(id, { value: flags(res.data), status: 'loaded', error: null });
      else setTeam(id, { value: before?.value ?? null, status: 'failed', error: loadError(res) });
    }),
  );
}

const flags = (s: TeamSettings): TeamFlags => ({
  agentsSeeSurveys: s.agentsSeeSurveys,
  behavioursOnly: s.behavioursOnly,
});

export async function saveTeamSetting(teamId: string, patch: Partial<TeamFlags>): Promise<void> {
  const before = get().teamSettings[teamId]?.value ?? null;
  if (!before) return;
  setTeam(teamId, { value: { ...before, ...patch }, status: 'saving', error: null });
  const res = await ask('team:settings', { teamId, ...patch });
  if (res.ok) {
    setTeam(teamId, { value: flags(res.data), status: 'saved', error: null });
    return;
  }
  const error = res.offline
    ? { key: 'surveys.error.offline' }
    : { key: 'surveys.error.save', values: { message: res.message } };
  setTeam(teamId, { value: before, status: 'failed', error });
}

// ---- opening and closing the coach's views ----

export function openSurveys(view: SurveysView): void {
  set({ open: view });
  if (view === 'feedback') {
    void loadFeedback();
    void loadTeamSettings();
  }
  if (view === 'report') void loadReport();
}

export function closeSurveys(): void {
  opened = null;
  set({ open: null, highlight: null });
}

// ---- the agent's own feedback ----

let mineToken = 0;

export async function loadMyFeedback(): Promise<void> {
  const token = ++mineToken;
  const { mine } = get();
  set({ mine: { ...mine, status: mine.status === 'loaded' ? 'loaded' : 'loading' } });
  const res = await ask('surveys:responses', { days: MY_FEEDBACK_DAYS });
  if (token !== mineToken) return;
  if (res.ok) {
    set({ mine: { status: 'loaded', responses: res.data.responses, error: null } });
    return;
  }
  // The team keeps its answers from agents: show nothing at all.
  if (res.forbidden) set({ mine: { status: 'hidden', responses: [], error: null } });
  // Offline with answers on screen: keep them (the inbox brings what was missed).
  else if (res.offline && get().mine.responses.length > 0)
    set({ mine: { ...get().mine, status: 'loaded' } });
  else set({ mine: { status: 'failed', responses: [], error: loadError(res) } });
}

// A new user starts from nothing; a view that failed offline loads again once online.
useSidebar.subscribe((state, prev) => {
  if (state.session?.user.id !== prev.session?.user.id) {
    clearTimeout(quietTimer);
    feedbackToken++;
    reportToken++;
    mineToken++;
    dismissed.clear();
    opened = null;
    get().reset();
    return;
  }
  if (state.connection !== 'online' || prev.connection === 'online') return;
  const s = get();
  if (state.session?.user.role === 'agent') {
    if (s.mine.status !== 'idle') void loadMyFeedback();
    return;
  }
  if (s.open === 'feedback' && s.feedback.status === 'failed') void loadFeedback();
  if (s.open === 'report' && s.report.status === 'failed') void loadReport();
});

import { create } from 'zustand';
import type { SurveyReport, SurveyResponse } from '@sidecoach/shared';
import { loadTeamSettings } from '../team-settings/store.js';
import { ask, type AskOptions } from '../../hub/client.js';
import { isNetworkFailure, type Message } from '../../hub/errors.js';
import { latest, type Latest } from '../../hub/latest.js';
import { currentUser } from '../../hub/session-store.js';
import { periodFields, samePeriod, type PeriodChoice } from '../../ui/period.js';

// Customers' survey answers: the coaches' feedback view, service-recovery alerts, the
// selective-surveying report, the team setting, and the agent's own feedback. Answers arrive
// live as 'survey-response' inbox messages (see inbox-sync.ts).

export type SurveysView = 'feedback' | 'report' | 'pack';
/** How far back the agent's own feedback goes. */
export const MY_FEEDBACK_DAYS = 30;
/** The most answers one request brings (the view says when it shows only the newest). */
export const FEEDBACK_LIMIT = 200;
const MAX_ALERTS = 50;
const QUIET_RELOAD_MS = 300;

export type LoadStatus = 'idle' | 'loading' | 'loaded' | 'failed';

export interface FeedbackFilters {
  teamId: string | null;
  agentId: string | null;
  /** Applied here (the hub filters by team, agent and period). */
  callType: string | null;
  period: PeriodChoice;
}

interface SurveysState {
  /** The coach's survey view shown over the floor (null: none). */
  open: SurveysView | null;
  filters: FeedbackFilters;
  feedback: { status: LoadStatus; responses: SurveyResponse[]; error: Message | null };
  /** The answer opened from an alert, marked in the list. */
  highlight: string | null;
  /** Service-recovery alerts not yet opened or dismissed, newest first. */
  alerts: SurveyResponse[];
  /** The agent's own customers' answers; hidden when their team does not share them. */
  mine: { status: LoadStatus | 'hidden'; responses: SurveyResponse[]; error: Message | null };
  reportFilters: { teamId: string | null; period: PeriodChoice };
  report: { status: LoadStatus; data: SurveyReport | null; error: Message | null };
  /** The agent compared with the team in the report's chart. */
  reportAgentId: string | null;
  /** Agents seen in each team's answers and report: a live answer for another agent reloads. */
  teamAgents: Record<string, string[]>;
  /** Answers that arrived while the list was loading (merged into it when it comes). */
  arrivedDuringLoad: SurveyResponse[];
  /** The answer opened from an alert, kept in the list whatever the hub's page holds. */
  opened: SurveyResponse | null;
  /** Alerts put away (by call id): a replay does not bring them back. */
  dismissed: Record<string, true>;
  quietTimer: ReturnType<typeof setTimeout> | undefined;
  /** One guard per list: only the newest request's answer is shown. */
  guards: Record<'feedback' | 'report' | 'mine', Latest>;
  reset(): void;
}

const initial = {
  open: null,
  filters: { teamId: null, agentId: null, callType: null, period: { days: 7 } },
  feedback: { status: 'idle', responses: [], error: null },
  highlight: null,
  alerts: [],
  mine: { status: 'idle', responses: [], error: null },
  reportFilters: { teamId: null, period: { days: 30 } },
  report: { status: 'idle', data: null, error: null },
  reportAgentId: null,
  teamAgents: {},
  arrivedDuringLoad: [],
  opened: null,
  dismissed: {},
  quietTimer: undefined,
} satisfies Omit<SurveysState, 'reset' | 'guards'>;

export const useSurveys = create<SurveysState>()((set, get) => ({
  ...initial,
  guards: { feedback: latest(), report: latest(), mine: latest() },
  reset: () => {
    clearTimeout(get().quietTimer);
    Object.values(get().guards).forEach((g) => g.cancel());
    set(initial);
  },
}));

const get = () => useSurveys.getState();
const set = (patch: Partial<SurveysState>) => useSurveys.setState(patch);

/** What a failed load says: the general offline and timeout messages, the views' own refusals. */
const LOADING: AskOptions = {
  messages: { forbidden: 'surveys.error.forbidden', refused: 'surveys.error.other' },
};

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

const matches = (r: SurveyResponse, f: FeedbackFilters) => !f.agentId || f.agentId === r.agentId;

/** `quiet`: keeps the list on screen while it reloads (a live answer the filter cannot place). */
export async function loadFeedback(quiet = false): Promise<void> {
  const current = get().guards.feedback.next();
  set({ arrivedDuringLoad: [] });
  const { filters } = get();
  if (!quiet) set({ feedback: { status: 'loading', responses: [], error: null } });
  const res = await ask(
    'survey:responses',
    {
      ...(filters.teamId ? { teamId: filters.teamId } : {}),
      ...(filters.agentId ? { agentId: filters.agentId } : {}),
      ...periodFields(filters.period),
      limit: FEEDBACK_LIMIT,
    },
    LOADING,
  );
  if (!current()) return; // the filters changed meanwhile
  if (!res.ok) {
    const { feedback } = get();
    set({
      feedback: { ...feedback, status: quiet ? feedback.status : 'failed', error: res.error },
    });
    return;
  }
  const { arrivedDuringLoad, opened } = get();
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
  set({ filters, highlight: null, opened: null });
  // The call type is filtered here; everything else asks the hub again.
  const asks =
    filters.teamId !== before.teamId ||
    filters.agentId !== before.agentId ||
    !samePeriod(filters.period, before.period);
  if (asks) void loadFeedback();
}

function reloadQuietly() {
  clearTimeout(get().quietTimer);
  set({ quietTimer: setTimeout(() => void loadFeedback(true), QUIET_RELOAD_MS) });
}

// ---- live answers and alerts ----

/** A 'survey-response' inbox message: into the lists, and an alert for a low score. */
export function surveyResponseReceived(response: SurveyResponse): void {
  const state = get();
  if (currentUser()?.role === 'agent') {
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
  if (response.alert && !known && !state.dismissed[response.callId])
    patch.alerts = [response, ...state.alerts].slice(0, MAX_ALERTS);
  const { feedback, filters } = state;
  if (feedback.status === 'loading')
    patch.arrivedDuringLoad = [...state.arrivedDuringLoad, response];
  else if (feedback.status === 'loaded' && matches(response, filters)) {
    const team = filters.teamId;
    if (team && !state.teamAgents[team]?.includes(response.agentId)) reloadQuietly();
    else
      patch.feedback = { ...feedback, responses: mergeResponses(feedback.responses, [response]) };
  }
  set(patch);
}

export function dismissAlert(callId: string): void {
  set({
    alerts: get().alerts.filter((a) => a.callId !== callId),
    dismissed: { ...get().dismissed, [callId]: true },
  });
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
    period: f.period,
  };
  set({ open: 'feedback', filters, highlight: callId, opened: response });
  void loadFeedback();
  void loadTeamSettings();
}

// ---- the selective-surveying report ----

export async function loadReport(): Promise<void> {
  const current = get().guards.report.next();
  const { reportFilters: f, report } = get();
  set({ report: { ...report, status: 'loading', error: null } });
  const res = await ask(
    'survey:report',
    {
      ...(f.teamId ? { teamId: f.teamId } : {}),
      ...periodFields(f.period),
    },
    LOADING,
  );
  if (!current()) return;
  if (!res.ok) {
    // The last report stays on screen under the error.
    set({ report: { status: 'failed', data: get().report.data, error: res.error } });
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
  set({ open: null, highlight: null, opened: null });
}

// ---- the agent's own feedback ----

export async function loadMyFeedback(): Promise<void> {
  const current = get().guards.mine.next();
  const { mine } = get();
  set({ mine: { ...mine, status: mine.status === 'loaded' ? 'loaded' : 'loading' } });
  const res = await ask('survey:responses', { days: MY_FEEDBACK_DAYS }, LOADING);
  if (!current()) return;
  if (res.ok) {
    set({ mine: { status: 'loaded', responses: res.data.responses, error: null } });
    return;
  }
  // The team keeps its answers from agents: show nothing at all.
  if (res.code === 'forbidden') set({ mine: { status: 'hidden', responses: [], error: null } });
  // Offline with answers on screen: keep them (the inbox brings what was missed).
  else if (isNetworkFailure(res.code) && get().mine.responses.length > 0)
    set({ mine: { ...get().mine, status: 'loaded' } });
  else set({ mine: { status: 'failed', responses: [], error: res.error } });
}

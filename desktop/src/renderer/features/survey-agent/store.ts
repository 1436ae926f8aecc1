// The agent's side of post-call surveys: what the hub says about the surveys of their own calls
// (a link to show the customer, an exclusion recorded) and their "do not survey" requests. The
// hub decides whether a call is surveyed and does not tell agents which calls were sampled, so
// nothing here knows or shows it.
import { create } from 'zustand';
import type { ExclusionReason, SurveyStatus } from '@sidecoach/shared';
import { ask, type AskOptions } from '../../hub/client.js';
import type { Message } from '../../hub/errors.js';
import { currentUser } from '../../hub/session-store.js';

/** A "do not survey" request on its way, or refused (an i18n key, so it follows the language). */
export interface ExclusionAttempt {
  sending: boolean;
  error: Message | null;
}

interface AgentSurveyState {
  /** The hub's latest word on each call's survey, by call id. */
  statuses: Record<string, SurveyStatus>;
  /** Calls whose survey link the agent has put away. */
  dismissed: Record<string, true>;
  attempts: Record<string, ExclusionAttempt>;
  /** Calls the agent may still flag "do not survey" (before `excludeUntil`), kept by a timer. */
  excludable: Record<string, true>;
  /** Calls whose survey link is shown now: not expired, and for a while after the decision. */
  linkShown: Record<string, true>;
  /** Wakes the view at the next deadline (exclusion window or link shown ends). */
  clockTimer: ReturnType<typeof setTimeout> | undefined;
  reset(): void;
}

/** How long after the call's survey was decided its link stays in the sidebar at most. */
export const LINK_SHOWN_MS = 30 * 60_000;

const initial = {
  statuses: {},
  dismissed: {},
  attempts: {},
  excludable: {},
  linkShown: {},
  clockTimer: undefined,
};
const MAX_TIMER_MS = 2 ** 31 - 1;

export const useAgentSurveys = create<AgentSurveyState>()((set, get) => ({
  ...initial,
  reset: () => {
    clearTimeout(get().clockTimer);
    set(initial);
  },
}));

/** Recomputes what depends on the time, and wakes up again at the next deadline. */
function refreshClock(): void {
  clearTimeout(useAgentSurveys.getState().clockTimer);
  const now = Date.now();
  const excludable: Record<string, true> = {};
  const linkShown: Record<string, true> = {};
  let next = Infinity;
  for (const status of Object.values(useAgentSurveys.getState().statuses)) {
    const until = status.excludeUntil ? Date.parse(status.excludeUntil) : NaN;
    if (until > now) {
      excludable[status.callId] = true;
      next = Math.min(next, until);
    }
    if (status.link) {
      const decided = status.decidedAt ? Date.parse(status.decidedAt) : now;
      const expires = status.expiresAt ? Date.parse(status.expiresAt) : Infinity;
      const end = Math.min(expires, decided + LINK_SHOWN_MS);
      if (end > now) {
        linkShown[status.callId] = true;
        next = Math.min(next, end);
      }
    }
  }
  const clockTimer =
    next < Infinity ? setTimeout(refreshClock, Math.min(next - now + 50, MAX_TIMER_MS)) : undefined;
  useAgentSurveys.setState({ excludable, linkShown, clockTimer });
}

const decidedOrder = (s: SurveyStatus) => s.decidedAt ?? '';

function store(status: SurveyStatus): void {
  const me = currentUser()?.id;
  if (me && status.agentId !== me) return;
  useAgentSurveys.setState((state) => {
    const known = state.statuses[status.callId];
    // An exclusion, once recorded, stays: an older answer (a replayed link) does not undo it.
    if (known?.exclusionReason && !status.exclusionReason) return state;
    if (known && decidedOrder(status) < decidedOrder(known)) return state;
    return { statuses: { ...state.statuses, [status.callId]: status } };
  });
  refreshClock();
}

/**
 * From the inbox (`survey-status` messages): a link-channel survey to show the customer at
 * call end, or the agent's exclusion recorded.
 */
export function surveyStatusReceived(status: SurveyStatus): void {
  store(status);
}

/** While the hub has not decided an ended call's survey yet, ask again this often, this many times. */
const UNDECIDED_RETRY_MS = 1_000;
const UNDECIDED_RETRIES = 5;

/**
 * Asks the hub what became of an ended call's survey (until when it may be excluded, a link to
 * show). The hub decides just after the end: asked too early, it asks again a few times.
 */
export async function loadSurveyStatus(callId: string, retries = UNDECIDED_RETRIES): Promise<void> {
  const res = await ask('survey:status', { callId });
  if (!res.ok) return;
  store(res.data);
  if (res.data.decidedAt === null && res.data.excludeUntil !== null && retries > 0)
    setTimeout(() => void loadSurveyStatus(callId, retries - 1), UNDECIDED_RETRY_MS);
}

function setAttempt(callId: string, attempt: ExclusionAttempt | null) {
  useAgentSurveys.setState((state) => {
    const attempts = { ...state.attempts };
    if (attempt) attempts[callId] = attempt;
    else delete attempts[callId];
    return { attempts };
  });
}

/** A refused "do not survey" says what it means for this call. */
const EXCLUDING: AskOptions = {
  messages: {
    offline: 'surveyAgent.errors.offline',
    timeout: 'surveyAgent.errors.timeout',
    conflict: 'surveyAgent.errors.conflict',
    not_found: 'surveyAgent.errors.notFound',
    forbidden: 'surveyAgent.errors.forbidden',
  },
};

/** The agent's "do not survey" flag, with a reason from the fixed list; the hub records it. */
export async function excludeCall(callId: string, reason: ExclusionReason): Promise<boolean> {
  setAttempt(callId, { sending: true, error: null });
  const res = await ask('survey:exclude', { callId, reason }, EXCLUDING);
  if (!res.ok) {
    setAttempt(callId, { sending: false, error: res.error });
    // Too late, or excluded already from another sidebar: show what the hub has now.
    if (res.code === 'conflict') void loadSurveyStatus(callId);
    return false;
  }
  setAttempt(callId, null);
  store(res.data);
  return true;
}

export function clearExclusionError(callId: string): void {
  const attempt = useAgentSurveys.getState().attempts[callId];
  if (attempt && !attempt.sending) setAttempt(callId, null);
}

export function dismissSurveyLink(callId: string): void {
  useAgentSurveys.setState((state) => ({ dismissed: { ...state.dismissed, [callId]: true } }));
}

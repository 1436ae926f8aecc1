// Where the user is, as an address: `#/observe/<agent>`, `#/report`, `#/sessions/<id>`…
// The stores stay the one source of truth for what is on screen; this file only reads them into
// an address (pushed on every change a user makes, so back and forward work, and a supervisor can
// bookmark an agent's observation) and, on reload, back, forward or a bookmark, opens the
// address's view through the features' own open and close functions. The fragment works from
// the hub's web root and from the desktop app's app:// page alike, with no server routes.
import { PERIOD_DAYS, type Role } from '@sidecoach/shared';
import type { Feature } from './hub/feature.js';
import type { PeriodChoice } from './ui/period.js';
import { useSettingsPanel } from './features/settings/store.js';
import { closeAdminView, openAdminLazily } from './features/admin/lazy-store.js';
import { useAdminView, type AdminTab } from './features/admin/view.js';
import { closeScorecardView, openScorecardView } from './features/scorecard/lazy-store.js';
import { useScorecardView } from './features/scorecard/view.js';
import { closeQaView, openQaLazily } from './features/qa/lazy-store.js';
import { useQaView } from './features/qa/view.js';
import { QA_TABS, type QaTab } from './features/qa/access.js';
import { closeHistory, openHistory, useAgentHistory } from './features/agent-history/store.js';
import {
  closeSurveys,
  openSurveys,
  useSurveys,
  type SurveysView,
} from './features/surveys/store.js';
import {
  closeReflection,
  openReflection,
  openSession,
  prepare,
  useReflection,
} from './features/reflection/store.js';
import {
  closeLanguageStats,
  openLanguageStats,
  useLanguageStats,
} from './features/language-stats/store.js';
import { closeMystery, openMystery, useMysteryView } from './features/mystery/view.js';
import { useObserve } from './features/observe/store.js';
import { observe, stopObserving } from './features/observe/sync.js';
import { useCallerView } from './features/mystery-caller/view.js';
import { closeFigures, openFigures, useFiguresView } from './features/kpi/view.js';
import {
  closeRecognition,
  openRecognition,
  useRecognitionView,
  type RecognitionTab,
} from './features/recognition/view.js';

export type Place =
  | { view: 'home' }
  | { view: 'settings' }
  | { view: 'observe'; agentId: string }
  | { view: 'language' }
  | { view: 'surveys'; tab: SurveysView }
  | { view: 'sessions' }
  | { view: 'prepare'; agentId: string; period: PeriodChoice }
  | { view: 'session'; sessionId: string }
  | { view: 'history'; agentId: string }
  | { view: 'admin'; tab: AdminTab }
  | { view: 'scorecard' }
  /** `session`: a calibration session, on the calibration tab. */
  | { view: 'quality'; tab: QaTab | null; session?: string }
  /** Where in the mystery-call screens (their own path: they read it). */
  | { view: 'mystery'; path: string[] }
  /** Where in the Figures area (KPIs: a team's dashboard, the calls behind a number, settings). */
  | { view: 'figures'; path: string[] }
  /** The team wall, or the monthly recognition summary. */
  | { view: 'recognition'; tab: RecognitionTab }
  /** A mystery caller's report on one of their calls. */
  | { view: 'mystery-call'; assignmentId: string };

const SURVEY_TABS: readonly SurveysView[] = ['feedback', 'report', 'pack'];
const ADMIN_TABS: readonly AdminTab[] = ['people', 'teams', 'import', 'audit'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const HOME: Place = { view: 'home' };

const seg = encodeURIComponent;

/** The address of a place (a fragment: `#/…`). */
export function placeHash(place: Place): string {
  switch (place.view) {
    case 'home':
      return '#/';
    case 'settings':
    case 'language':
    case 'sessions':
    case 'scorecard':
      return `#/${place.view}`;
    case 'surveys':
      return `#/${place.tab}`;
    case 'observe':
    case 'history':
      return `#/${place.view}/${seg(place.agentId)}`;
    case 'mystery-call':
      return `#/mystery-call/${seg(place.assignmentId)}`;
    case 'prepare': {
      const p = place.period;
      const query = 'days' in p ? `days=${p.days}` : `from=${p.from}&to=${p.to}`;
      return `#/sessions/prepare/${seg(place.agentId)}?${query}`;
    }
    case 'session':
      return `#/sessions/${seg(place.sessionId)}`;
    case 'admin':
      return `#/admin/${place.tab}`;
    case 'quality':
      return place.tab
        ? `#/quality/${place.tab}${place.session ? `/${seg(place.session)}` : ''}`
        : '#/quality';
    case 'mystery':
    case 'figures':
      return [`#/${place.view}`, ...place.path.map(seg)].join('/');
    case 'recognition':
      return place.tab === 'wall' ? '#/recognition' : '#/recognition/summary';
  }
}

function periodOf(query: URLSearchParams): PeriodChoice {
  const days = Number(query.get('days'));
  const known = PERIOD_DAYS.find((d) => d === days);
  if (known) return { days: known };
  const from = query.get('from') ?? '';
  const to = query.get('to') ?? '';
  return DAY.test(from) && DAY.test(to) && from <= to ? { from, to } : { days: 30 };
}

/** The place an address names; anything unknown (or malformed) is home. */
export function parsePlace(hash: string): Place {
  const [path = '', search = ''] = hash.replace(/^#\/?/, '').split('?');
  let parts: string[];
  try {
    parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return HOME; // a broken %-escape
  }
  const [first, second, third] = parts;
  if (
    parts.length === 1 &&
    (first === 'settings' || first === 'language' || first === 'sessions' || first === 'scorecard')
  )
    return { view: first };
  if (parts.length === 1 && SURVEY_TABS.includes(first as SurveysView))
    return { view: 'surveys', tab: first as SurveysView };
  if (parts.length === 2 && (first === 'observe' || first === 'history') && second)
    return { view: first, agentId: second };
  if (parts.length === 2 && first === 'mystery-call' && second)
    return { view: first, assignmentId: second };
  if (parts.length === 2 && first === 'admin' && ADMIN_TABS.includes(second as AdminTab))
    return { view: 'admin', tab: second as AdminTab };
  if (first === 'quality' && parts.length === 1) return { view: 'quality', tab: null };
  if (first === 'mystery' && parts.length <= 4) return { view: 'mystery', path: parts.slice(1) };
  if (first === 'figures' && parts.length <= 12) return { view: 'figures', path: parts.slice(1) };
  if (first === 'recognition' && parts.length <= 2)
    return { view: first, tab: second === 'summary' ? 'summary' : 'wall' };
  if (parts.length === 2 && first === 'quality' && QA_TABS.includes(second as QaTab))
    return { view: 'quality', tab: second as QaTab };
  if (parts.length === 3 && first === 'quality' && second === 'calibration' && third)
    return { view: 'quality', tab: second, session: third };
  if (parts.length === 2 && first === 'sessions' && second)
    return { view: 'session', sessionId: second };
  if (parts.length === 3 && first === 'sessions' && second === 'prepare' && third)
    return { view: 'prepare', agentId: third, period: periodOf(new URLSearchParams(search)) };
  return HOME;
}

/** Whom a place is for (the hub decides too; this keeps a pasted address from a blank screen). */
export function placeFor(place: Place, role: Role): Place {
  // A mystery caller has their board, their reports and their settings; nobody else has those.
  if (role === 'caller')
    return place.view === 'settings' || place.view === 'mystery-call' ? place : HOME;
  if (place.view === 'mystery-call') return HOME;
  const v = place.view;
  // The summary is for the team's leads (and admins); everyone else of a team has its wall.
  if (v === 'recognition' && place.tab === 'summary' && role !== 'lead' && role !== 'admin')
    return { view: v, tab: 'wall' };
  if (role === 'agent')
    return v === 'settings' || v === 'session' || v === 'recognition' ? place : HOME;
  if ((v === 'admin' || v === 'scorecard' || v === 'mystery') && role !== 'admin') return HOME;
  if (place.view === 'surveys' && place.tab === 'pack' && role !== 'admin') return HOME;
  if (place.view === 'language' && role !== 'lead' && role !== 'admin') return HOME;
  return place;
}

/** What is on screen now, in the order the workspace picks its view. */
export function currentPlace(): Place {
  if (useSettingsPanel.getState().open) return { view: 'settings' };
  const admin = useAdminView.getState();
  if (admin.open) return { view: 'admin', tab: admin.tab };
  if (useScorecardView.getState().open) return { view: 'scorecard' };
  const mystery = useMysteryView.getState();
  if (mystery.open) return { view: 'mystery', path: mystery.path };
  const figures = useFiguresView.getState();
  if (figures.open) return { view: 'figures', path: figures.path };
  const recognition = useRecognitionView.getState().open;
  if (recognition) return { view: 'recognition', tab: recognition };
  const quality = useQaView.getState();
  if (quality.open)
    return quality.calibration && quality.tab === 'calibration'
      ? { view: 'quality', tab: quality.tab, session: quality.calibration }
      : { view: 'quality', tab: quality.tab };
  const history = useAgentHistory.getState().agentId;
  if (history) return { view: 'history', agentId: history };
  const surveys = useSurveys.getState().open;
  if (surveys) return { view: 'surveys', tab: surveys };
  const reflection = useReflection.getState();
  if (reflection.open === 'list') return { view: 'sessions' };
  if (reflection.open === 'prep') {
    const agentId = reflection.prep?.agentId ?? reflection.prepAgentId;
    if (agentId) return { view: 'prepare', agentId, period: reflection.prepPeriod };
  }
  const sessionId = reflection.session?.id ?? reflection.openingSessionId;
  if (reflection.open === 'session' && sessionId) return { view: 'session', sessionId };
  const target = useObserve.getState().target;
  if (target) return { view: 'observe', agentId: target };
  if (useLanguageStats.getState().open) return { view: 'language' };
  const assignmentId = useCallerView.getState().assignmentId;
  if (assignmentId) return { view: 'mystery-call', assignmentId };
  return HOME;
}

/** Opens a place's view through the features, closing the others (an observation stays under
 * the views opened over it, as when the coach opens them from it). */
export function goTo(place: Place): void {
  const v = place.view;
  if (useSettingsPanel.getState().open !== (v === 'settings'))
    useSettingsPanel.setState({ open: v === 'settings' });
  if (v !== 'admin' && useAdminView.getState().open) closeAdminView();
  if (v !== 'scorecard' && useScorecardView.getState().open) closeScorecardView();
  if (v !== 'quality' && useQaView.getState().open) closeQaView();
  const mystery = useMysteryView.getState();
  if (v !== 'mystery' && mystery.open) closeMystery();
  const figures = useFiguresView.getState();
  if (v !== 'figures' && figures.open) closeFigures();
  if (v !== 'recognition' && useRecognitionView.getState().open) closeRecognition();
  if (v !== 'history' && useAgentHistory.getState().agentId) closeHistory();
  if (v !== 'surveys' && useSurveys.getState().open) closeSurveys();
  const inReflection = v === 'sessions' || v === 'prepare' || v === 'session';
  if (!inReflection && useReflection.getState().open) closeReflection();
  if (v !== 'language' && useLanguageStats.getState().open) closeLanguageStats();
  if (v !== 'mystery-call' && useCallerView.getState().assignmentId)
    useCallerView.setState({ assignmentId: null });
  const target = useObserve.getState().target;
  if ((v === 'home' || v === 'language') && target) void stopObserving();
  const reflection = useReflection.getState();
  switch (place.view) {
    case 'observe':
      if (target !== place.agentId) {
        if (target) void stopObserving();
        observe(place.agentId);
      }
      return;
    case 'language':
      if (!useLanguageStats.getState().open) openLanguageStats();
      return;
    case 'surveys':
      if (useSurveys.getState().open !== place.tab) openSurveys(place.tab);
      return;
    case 'sessions':
      if (reflection.open !== 'list') openReflection();
      return;
    case 'prepare':
      if (reflection.open !== 'prep' || reflection.prepAgentId !== place.agentId)
        void prepare(place.agentId, place.period);
      return;
    case 'session':
      if (reflection.open !== 'session' || reflection.session?.id !== place.sessionId)
        void openSession(place.sessionId);
      return;
    case 'history':
      if (useAgentHistory.getState().agentId !== place.agentId) openHistory(place.agentId);
      return;
    case 'mystery-call':
      useCallerView.setState({ assignmentId: place.assignmentId });
      return;
    case 'admin': {
      const admin = useAdminView.getState();
      if (!admin.open || admin.tab !== place.tab) openAdminLazily(place.tab);
      return;
    }
    case 'scorecard':
      if (!useScorecardView.getState().open) openScorecardView();
      return;
    case 'recognition':
      if (useRecognitionView.getState().open !== place.tab) openRecognition(place.tab);
      return;
    case 'mystery':
      if (!mystery.open || mystery.path.join('/') !== place.path.join('/')) openMystery(place.path);
      return;
    case 'figures':
      if (!figures.open || figures.path.join('/') !== place.path.join('/')) openFigures(place.path);
      return;
    case 'quality': {
      // The view falls back to the first tab the user may use when this one is not theirs.
      const quality = useQaView.getState();
      const session = place.session ?? null;
      if (
        !quality.open ||
        (place.tab !== null && quality.tab !== place.tab) ||
        quality.calibration !== session
      )
        openQaLazily(place.tab ?? undefined, session);
      return;
    }
    default:
      return;
  }
}

const stores = [
  useSettingsPanel,
  useAdminView,
  useScorecardView,
  useQaView,
  useMysteryView,
  useFiguresView,
  useRecognitionView,
  useAgentHistory,
  useSurveys,
  useReflection,
  useObserve,
  useLanguageStats,
  useCallerView,
] as const;

const here = () => location.hash || '#/';

/** The signed-in user's role, and whether the address they came with has been opened. */
let tracked: { role: Role; opened: boolean; applying: boolean; scheduled: boolean } | null = null;

/** The screen changed: its address becomes a new history entry (changes made together are one). */
function record(): void {
  if (!tracked) return;
  tracked.scheduled = false;
  if (!tracked.opened || tracked.applying) return;
  const hash = placeHash(currentPlace());
  if (hash !== here()) history.pushState(null, '', hash);
}

function changed(): void {
  if (!tracked || tracked.scheduled) return;
  tracked.scheduled = true;
  queueMicrotask(record);
}

/** Reload, back, forward, a bookmark: the address's place opens. */
function follow(): void {
  if (!tracked) return;
  const place = placeFor(parsePlace(here()), tracked.role);
  tracked.applying = true;
  try {
    goTo(place);
  } finally {
    tracked.applying = false;
  }
  // What is not for this user (or malformed) is not kept in the address.
  const hash = placeHash(place);
  if (hash !== here()) history.replaceState(null, '', hash);
}

/**
 * The address follows the screen, and the screen follows the address: reload, back, forward and
 * a pasted address open their place once this device's state is restored.
 */
export const placeFeature = {
  name: 'place',
  reset() {},
  subscribe(session) {
    tracked = { role: session.user.role, opened: false, applying: false, scheduled: false };
    const offs = stores.map((store) => store.subscribe(changed));
    window.addEventListener('popstate', follow);
    return () => {
      offs.forEach((off) => off());
      window.removeEventListener('popstate', follow);
      tracked = null;
    };
  },
  restore() {
    if (!tracked) return;
    tracked.opened = true;
    follow();
  },
} satisfies Feature;

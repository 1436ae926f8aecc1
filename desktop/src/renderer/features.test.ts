// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Client from './hub/client.js';
import type { CallEvent } from '@sidecoach/shared';

// The fake of the one hub client: every request is answered at once, and nothing is sent.
const asked: string[] = [];
vi.mock('./hub/client.js', async (original) => ({
  ...(await original<typeof Client>()),
  ask: vi.fn((event: string) => {
    asked.push(event);
    return Promise.resolve({ ok: true, data: {} });
  }),
  signOutRequest: vi.fn(() => Promise.resolve(true)),
}));

const { features, wireFeatures } = await import('./features.js');
const { end } = await import('./hub/lifecycle.js');
const { useSession } = await import('./hub/session-store.js');
const { useCalls } = await import('./features/call/store.js');
const { useNotes } = await import('./features/coach-notes/store.js');
const { useObserve } = await import('./features/observe/store.js');
const { useReflection } = await import('./features/reflection/store.js');
const { useSurveys } = await import('./features/surveys/store.js');
const { useAgentSurveys } = await import('./features/survey-agent/store.js');
const { useLanguageStats } = await import('./features/language-stats/store.js');
const { useTeamSettings } = await import('./features/team-settings/store.js');
const { useAdmin } = await import('./features/admin/store.js');
const { useProfileLanguage } = await import('./features/header/language.js');
const { useAgentHistory } = await import('./features/agent-history/store.js');
const { useQaView } = await import('./features/qa/view.js');
// The Quality view's stores load with its screens and register themselves: loaded here.
const { useQa } = await import('./features/qa/store.js');
const { useMine } = await import('./features/qa/mine.js');
const { useEvaluate } = await import('./features/qa/evaluate.js');
// The calibration tab's store loads with it and registers with the Quality view: loaded here.
const { useCalibration } = await import('./features/calibration/store.js');
const { useScorecardView } = await import('./features/scorecard/view.js');
// The scorecard builder's store loads with its screen and registers itself: loaded here.
const { useScorecard } = await import('./features/scorecard/store.js');
const { useMysteryView } = await import('./features/mystery/view.js');
// The mystery-call screens' store loads with them and registers itself: loaded here.
const { useMystery } = await import('./features/mystery/store.js');
// The mystery caller's app: its view in the sidebar, its store loaded with its screens.
const { useCallerView } = await import('./features/mystery-caller/view.js');
const { useCaller } = await import('./features/mystery-caller/store.js');
// KPIs: the Figures area's view in the sidebar, its store and the agent's own figures loaded later.
const { useFiguresView } = await import('./features/kpi/view.js');
const { useFigures } = await import('./features/kpi/store.js');
const { useMyFigures } = await import('./features/kpi/mine-store.js');
// Recognition: its view in the first load, its store loaded with the screens and the list.
const { useRecognitionView } = await import('./features/recognition/view.js');
const { useRecognition } = await import('./features/recognition/store.js');

const stores = {
  calls: useCalls,
  notes: useNotes,
  observe: useObserve,
  reflection: useReflection,
  surveys: useSurveys,
  agentSurveys: useAgentSurveys,
  languageStats: useLanguageStats,
  teamSettings: useTeamSettings,
  admin: useAdmin,
  language: useProfileLanguage,
  agentHistory: useAgentHistory,
  qa: useQaView,
  scorecard: useScorecardView,
  mystery: useMysteryView,
  mysteryCaller: useCallerView,
  figures: useFiguresView,
  recognition: useRecognitionView,
};
/** Stores a feature loads later (the Quality view's), reset through the feature that owns them. */
const loadedLater = {
  qaData: useQa,
  qaMine: useMine,
  qaEvaluate: useEvaluate,
  calibration: useCalibration,
  scorecardData: useScorecard,
  mysteryData: useMystery,
  caller: useCaller,
  figuresData: useFigures,
  myFigures: useMyFigures,
  recognitionData: useRecognition,
};
const initial = Object.fromEntries(
  Object.entries({ ...stores, ...loadedLater }).map(([k, s]) => [k, s.getState()]),
);

const user = {
  id: 'u-lead',
  username: 'lead',
  displayName: 'Lina Lead',
  role: 'lead' as const,
  teams: [{ id: 't1', name: 'Demo' }],
  behavioursOnly: false,
  lang: null,
  permissions: [],
};

beforeEach(() => {
  asked.length = 0;
  wireFeatures();
  useSession.setState({
    phase: 'ready',
    session: { token: 'token', hubUrl: 'http://127.0.0.1:4780', user },
    connection: 'online',
  });
  // Something on screen in every feature.
  useCalls.setState({ incoming: { callId: 'c1' } as CallEvent, onHold: true });
  useNotes.setState({ receipts: { o1: { observationId: 'o1' } as never } });
  useObserve.setState({ target: 'u-agent', floorLoaded: true, skewMs: 12 });
  useReflection.setState({ open: 'list', dismissed: { a1: true } });
  useSurveys.setState({ open: 'report', dismissed: { c1: true } });
  useAgentSurveys.setState({ dismissed: { c1: true } });
  useLanguageStats.setState({ open: true, coachId: 'u-lead' });
  useTeamSettings.setState({
    teamSettings: { t1: { value: null, status: 'loaded', error: null } },
  });
  useQaView.setState({
    open: true,
    tab: 'calibration',
    evaluating: { evaluationId: 'e1' },
    calibration: 's1',
  });
  useQa.setState({ teamId: 't1' });
  useMine.setState({ status: 'loaded', behavioursOnly: true });
  useEvaluate.setState({ status: 'loading' });
  useCalibration.setState({ panel: 'trends', dirty: true });
  useScorecardView.setState({ open: true });
  useScorecard.setState({ tab: 'history' });
  useMysteryView.setState({ open: true, path: ['waves', 'w1', 'results'] });
  useMystery.setState({ busy: 'release', reasons: ['a reason'] });
  useCallerView.setState({ assignmentId: 'a1' });
  useCaller.setState({ boardStatus: 'loaded', reportId: 'a1', filed: true });
  useFiguresView.setState({ open: true, path: ['t1', 'week', '2026-03-02', '2026-03-29'] });
  useFigures.setState({
    shown: { teamId: 't1', period: 'week', from: '2026-03-02', to: '2026-03-29' },
  });
  useMyFigures.setState({ status: 'loaded', expanded: true, period: 'month' });
  useRecognitionView.setState({ open: 'summary' });
  useRecognition.setState({
    wall: { ...useRecognition.getState().wall, teamId: 't1', status: 'loaded' },
  });
});

describe('the session lifecycle', () => {
  it('lists every feature that keeps a store, once', () => {
    const names = features.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    // The address (place.ts) keeps no store of its own: it reads the others'.
    expect(features.filter((f) => f.name !== 'place')).toHaveLength(Object.keys(stores).length);
  });

  it('resets every feature store on sign-out, after saying goodbye to the hub', async () => {
    await end({ key: 'signIn.expired' });
    for (const [name, store] of Object.entries({ ...stores, ...loadedLater }))
      expect(store.getState(), name).toEqual(initial[name]);
    // The coach stopped observing before the socket closed.
    expect(asked).toContain('observation:leave');
    expect(useSession.getState()).toMatchObject({
      phase: 'signed-out',
      session: null,
      socket: null,
      signInNotice: { key: 'signIn.expired' },
    });
    expect(localStorage.getItem('sidecoach.session')).toBeNull();
  });
});

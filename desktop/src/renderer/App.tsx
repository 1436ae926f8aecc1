import { useTranslation } from 'react-i18next';
import { messageText } from './i18n/index.js';
import { AssessmentForm } from './features/assessment/AssessmentForm.js';
import { OnCall } from './features/call/OnCall.js';
import { CoachNotesPanel } from './features/coach-notes/CoachNotesPanel.js';
import { CoachingNotesList } from './features/coach-notes/CoachingNotesList.js';
import { CoachWorkspace } from './features/floor/CoachWorkspace.js';
import { StartCall } from './features/call/StartCall.js';
import { Header } from './features/header/Header.js';
import { RecentCalls } from './features/history/RecentCalls.js';
import { SignIn } from './features/sign-in/SignIn.js';
import { SettingsPanel } from './features/settings/SettingsPanel.js';
import {
  lastEndedCall,
  SurveyAfterCall,
  SurveyLinkFor,
} from './features/survey-agent/AfterCallSurvey.js';
import { MyFeedback } from './features/surveys/MyFeedback.js';
import { ActionReminders, JoinSession } from './features/reflection/AgentReflection.js';
import { Reflection } from './features/reflection/lazy.js';
import { useReflection } from './store/reflection-store.js';
import { currentStatus, useSidebar } from './store/sidebar-store.js';

function NoticeBar() {
  const { t } = useTranslation();
  const notice = useSidebar((s) => s.notice);
  const dismiss = () => useSidebar.getState().showNotice(null);
  if (!notice) return null;
  return (
    <div className="notice" role="alert">
      <span>{messageText(t, notice)}</span>
      <button type="button" className="link" onClick={dismiss}>
        {t('errors.dismiss')}
      </button>
    </div>
  );
}

function Workspace() {
  const calls = useSidebar((s) => s.calls);
  const pack = useSidebar((s) => s.pack);
  const role = useSidebar((s) => s.session?.user.role);
  const inSession = useReflection((s) => s.open === 'session');
  const { status, call } = currentStatus(calls);
  if (!pack) return null;
  // Only agents take calls; supervisors, leads and admins get the floor and observation.
  if (role !== 'agent') return <CoachWorkspace />;
  // A coaching session with the lead, unless a call comes first.
  if (inSession && status !== 'on-call')
    return (
      <main>
        <Reflection />
      </main>
    );
  // A survey link (link channel) is for the call on now, or else the one that just ended.
  const surveyCallId = status === 'on-call' ? call?.id : lastEndedCall(calls)?.id;
  return (
    <main>
      <ActionReminders status={status} call={call} />
      {status === 'on-call' && call ? <OnCall call={call} pack={pack} /> : null}
      <JoinSession />
      <CoachNotesPanel status={status} call={call} pack={pack} />
      <SurveyLinkFor callId={surveyCallId} />
      {status === 'wrap-up' && call ? (
        <AssessmentForm key={call.id} call={call} pack={pack} />
      ) : null}
      {status === 'available' ? <StartCall pack={pack} /> : null}
      <SurveyAfterCall calls={calls} agentStatus={status} />
      <CoachingNotesList />
      <MyFeedback />
      <RecentCalls calls={calls} pack={pack} />
    </main>
  );
}

export function App() {
  const phase = useSidebar((s) => s.phase);
  const settingsOpen = useSidebar((s) => s.settingsOpen);
  if (phase === 'loading') return null;
  if (phase === 'signed-out') return <SignIn />;
  return (
    <div className="sidebar">
      <Header />
      <NoticeBar />
      {settingsOpen ? (
        <main>
          <SettingsPanel onClose={() => useSidebar.getState().toggleSettings()} />
        </main>
      ) : (
        <Workspace />
      )}
    </div>
  );
}

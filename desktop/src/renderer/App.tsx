import { AssessmentForm } from './features/assessment/AssessmentForm.js';
import { OnCall } from './features/call/OnCall.js';
import { CoachNotesPanel } from './features/coach-notes/CoachNotesPanel.js';
import { CoachingNotesList } from './features/coach-notes/CoachingNotesList.js';
import { CoachWorkspace } from './features/floor/lazy.js';
import { StartCall } from './features/call/StartCall.js';
import { Header } from './features/header/Header.js';
import { RecentCalls } from './features/history/lazy.js';
import { SignIn } from './features/sign-in/SignIn.js';
import { Settings } from './features/settings/lazy.js';
import {
  lastEndedCall,
  SurveyAfterCall,
  SurveyLinkFor,
} from './features/survey-agent/AfterCallSurvey.js';
import { MyFeedback } from './features/surveys/lazy.js';
import { MyEvaluations } from './features/qa/lazy.js';
import { MyFigures } from './features/kpi/mine-lazy.js';
import { MyRecognition, Recognition, RecognitionNotices } from './features/recognition/lazy.js';
import { useRecognitionView } from './features/recognition/view.js';
import { ActionReminders, JoinSession } from './features/reflection/AgentReflection.js';
import { Reflection } from './features/reflection/lazy.js';
import { CallerApp } from './features/mystery-caller/lazy.js';
import { useReflection } from './features/reflection/store.js';
import { currentStatus, packOfCall, useCalls } from './features/call/store.js';
import { toggleSettings, useSettingsPanel } from './features/settings/store.js';
import { useSession } from './hub/session-store.js';
import { NoticeBar } from './ui/NoticeBar.js';

function Workspace() {
  const calls = useCalls((s) => s.calls);
  const pack = useCalls((s) => s.pack);
  const packs = useCalls((s) => s.packs);
  const role = useSession((s) => s.session?.user.role);
  const inSession = useReflection((s) => s.open === 'session');
  const wall = useRecognitionView((s) => s.open !== null);
  const { status, call } = currentStatus(calls);
  // A mystery caller gets their board and reports only: nothing of the staff's sidebar.
  if (role === 'caller')
    return (
      <main>
        <CallerApp />
      </main>
    );
  if (!pack) return null;
  // The call on screen keeps the version it started with, whatever was published since.
  const callPack = (call && packOfCall({ pack, packs }, call)) ?? pack;
  // Only agents take calls; supervisors, leads and admins get the floor and observation.
  if (role !== 'agent') return <CoachWorkspace />;
  // A coaching session with the lead, unless a call comes first.
  if (inSession && status !== 'on-call')
    return (
      <main>
        <Reflection />
      </main>
    );
  // The team wall between calls: a call and its wrap-up (the self-assessment) come first.
  if (wall && status === 'available')
    return (
      <main>
        <Recognition />
      </main>
    );
  // A survey link (link channel) is for the call on now, or else the one that just ended.
  const surveyCallId = status === 'on-call' ? call?.id : lastEndedCall(calls)?.id;
  return (
    <main>
      {/* At wrap-up the self-assessment comes first; reminders, notes and the link wait below. */}
      {status === 'wrap-up' && call ? (
        <AssessmentForm key={call.id} call={call} pack={callPack} />
      ) : null}
      <ActionReminders status={status} call={call} />
      {status === 'on-call' && call ? <OnCall call={call} pack={callPack} /> : null}
      <JoinSession />
      <CoachNotesPanel status={status} call={call} pack={pack} />
      <SurveyLinkFor callId={surveyCallId} />
      {status === 'available' ? <StartCall pack={pack} /> : null}
      <SurveyAfterCall calls={calls} agentStatus={status} />
      <CoachingNotesList />
      <MyEvaluations />
      <MyRecognition />
      <MyFeedback />
      <MyFigures />
      <RecentCalls calls={calls} pack={pack} />
    </main>
  );
}

export function App() {
  const phase = useSession((s) => s.phase);
  const settingsOpen = useSettingsPanel((s) => s.open);
  const role = useSession((s) => s.session?.user.role);
  if (phase === 'loading') return null;
  if (phase === 'signed-out') return <SignIn />;
  return (
    // Coaches work on tablets and desktops too: their screens use the width (the agent's
    // sidebar stays docked-narrow).
    <div className={role && role !== 'agent' ? 'sidebar coach' : 'sidebar'}>
      <Header />
      <NoticeBar />
      {/* Badges and shout-outs just arrived: quiet, over whatever the agent has open. */}
      {role === 'agent' ? <RecognitionNotices /> : null}
      {settingsOpen ? (
        <main>
          <Settings onClose={toggleSettings} />
        </main>
      ) : (
        <Workspace />
      )}
    </div>
  );
}

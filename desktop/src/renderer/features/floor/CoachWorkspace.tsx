import { useLanguageStats } from '../language-stats/store.js';
import { useObserve } from '../observe/store.js';
import { useReflection } from '../reflection/store.js';
import { useSurveys } from '../surveys/store.js';
import { useLanguageCheck } from '../coaching-text/note-language.js';
import { LanguageStatsView } from '../language-stats/LanguageStatsView.js';
import { Reflection } from '../reflection/lazy.js';
import { ObserveView } from '../observe/ObserveView.js';
import { SurveyAlerts } from '../surveys/SurveyAlerts.js';
import { SurveysView } from '../surveys/SurveysView.js';
import { FloorView } from './FloorView.js';
import { AgentHistoryView } from '../agent-history/AgentHistoryView.js';
import { useAgentHistory } from '../agent-history/store.js';
import { useScorecardView } from '../scorecard/view.js';
import { Scorecard } from '../scorecard/lazy.js';
import { useAdminView } from '../admin/view.js';
import { Admin } from '../admin/lazy.js';
import { useQaView } from '../qa/view.js';
import { Quality } from '../qa/lazy.js';
import { useMysteryView } from '../mystery/view.js';
import { Mystery } from '../mystery/lazy.js';
import { useFiguresView } from '../kpi/view.js';
import { Figures } from '../kpi/lazy.js';
import { useRecognitionView } from '../recognition/view.js';
import { Recognition } from '../recognition/lazy.js';

/**
 * Supervisors, leads and admins: the floor, the agent they sit beside, how coaches word notes,
 * coaching sessions, or customers' feedback (shown over the others: back returns to them). Service-recovery
 * alerts show over every one of these views.
 */
export function CoachWorkspace() {
  const target = useObserve((s) => s.target);
  const statsOpen = useLanguageStats((s) => s.open);
  const surveysOpen = useSurveys((s) => s.open !== null);
  const reflectionOpen = useReflection((s) => s.open !== null);
  const scorecardOpen = useScorecardView((s) => s.open);
  const historyOpen = useAgentHistory((s) => s.agentId !== null);
  const adminOpen = useAdminView((s) => s.open);
  const qaOpen = useQaView((s) => s.open);
  const mysteryOpen = useMysteryView((s) => s.open);
  const figuresOpen = useFiguresView((s) => s.open);
  const recognitionOpen = useRecognitionView((s) => s.open !== null);
  const alerted = useSurveys((s) => s.alerts.length > 0);
  const check = useLanguageCheck();
  return (
    <main className={alerted ? 'with-survey-alert' : undefined}>
      <SurveyAlerts />
      {adminOpen ? (
        <Admin />
      ) : qaOpen ? (
        <Quality />
      ) : mysteryOpen ? (
        <Mystery />
      ) : figuresOpen ? (
        <Figures />
      ) : recognitionOpen ? (
        <Recognition />
      ) : historyOpen ? (
        <AgentHistoryView />
      ) : scorecardOpen ? (
        <Scorecard />
      ) : surveysOpen ? (
        <SurveysView />
      ) : reflectionOpen ? (
        <Reflection />
      ) : target ? (
        <ObserveView check={check} />
      ) : statsOpen ? (
        <LanguageStatsView />
      ) : (
        <FloorView />
      )}
    </main>
  );
}

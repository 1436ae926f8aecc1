import { closeSurveys, useSurveys } from './store.js';
import { FeedbackView } from './FeedbackView.js';
import { ReportView } from './ReportView.js';
import { CoachViewTop } from '../floor/CoachNav.js';
import { SurveyPackEditor } from '../survey-pack/SurveyPackEditor.js';
import './surveys.css';

/** A coach's survey views, over whatever they had open (back returns to it). */
export function SurveysView() {
  const open = useSurveys((s) => s.open);
  if (!open) return null;
  return (
    <>
      <CoachViewTop current={open} onBack={closeSurveys} />
      {open === 'feedback' ? (
        <FeedbackView />
      ) : open === 'report' ? (
        <ReportView />
      ) : (
        <SurveyPackEditor />
      )}
    </>
  );
}

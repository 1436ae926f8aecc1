import { useTranslation } from 'react-i18next';
import { closeSurveys, useSurveys } from '../../store/surveys-store.js';
import { FeedbackView } from './FeedbackView.js';
import { ReportView } from './ReportView.js';
import { SurveyNav } from './SurveyNav.js';
import { SurveyPackEditor } from '../survey-pack/SurveyPackEditor.js';
import './surveys.css';

/** A coach's survey views, over whatever they had open (back returns to it). */
export function SurveysView() {
  const { t } = useTranslation();
  const open = useSurveys((s) => s.open);
  if (!open) return null;
  return (
    <>
      <div className="row survey-top">
        <button
          type="button"
          className="link back"
          aria-label={t('surveys.backLabel')}
          onClick={closeSurveys}
        >
          {t('surveys.back')}
        </button>
      </div>
      <SurveyNav current={open} />
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

import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { messageText } from '../../i18n/index.js';
import { clearError, closeReflection, useReflection } from '../../store/reflection-store.js';
import { useSidebar } from '../../store/sidebar-store.js';
import { CoachViewTop } from '../surveys/SurveyNav.js';
import { PrepView } from './PrepView.js';
import { PrintSummary } from './PrintSummary.js';
import { SessionList } from './SessionList.js';
import { SessionView } from './SessionView.js';
import './reflection.css';

/** Loaded on demand: the lead's sessions, preparation and session, or the agent's session. */
export default function ReflectionView() {
  const { t } = useTranslation();
  const open = useReflection((s) => s.open);
  const printing = useReflection((s) => s.printing);
  const error = useReflection((s) => s.error);
  const coach = useSidebar((s) => s.session?.user.role !== 'agent');
  // A new screen (list, preparation, session, summary) starts at its top, not at the scroll
  // position of the one before (Start the session is at the bottom of a long preparation).
  const top = useRef<HTMLDivElement>(null);
  useEffect(() => {
    top.current?.scrollIntoView({ block: 'start' });
  }, [open, printing]);
  return (
    <>
      <div ref={top} />
      {coach && !printing ? <CoachViewTop current="sessions" onBack={closeReflection} /> : null}
      {error ? (
        <div className="notice no-print" role="alert" data-testid="reflection-error">
          <span>{messageText(t, error)}</span>
          <button type="button" className="link" onClick={clearError}>
            {t('errors.dismiss')}
          </button>
        </div>
      ) : null}
      {open === 'list' ? (
        <SessionList />
      ) : open === 'prep' ? (
        <PrepView />
      ) : printing ? (
        <PrintSummary />
      ) : (
        <SessionView />
      )}
    </>
  );
}

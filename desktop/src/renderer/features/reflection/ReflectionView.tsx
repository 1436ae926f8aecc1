import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { clearError, closeReflection, useReflection } from './store.js';
import { useSession } from '../../hub/session-store.js';
import { CoachViewTop } from '../floor/CoachNav.js';
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
  const coach = useSession((s) => s.session?.user.role !== 'agent');
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
          <span>{t(error.key, error.values)}</span>
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

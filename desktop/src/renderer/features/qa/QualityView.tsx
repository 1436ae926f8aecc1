import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../hub/session-store.js';
import { CoachViewTop } from '../floor/CoachNav.js';
import { qaTabsFor } from './access.js';
import { closeQaView } from './lazy-store.js';
import { showTab } from './store.js';
import { useQaView } from './view.js';
import { DisputesTab } from './DisputesTab.js';
import { EvaluateView } from './EvaluateView.js';
import { EvaluationsTab } from './EvaluationsTab.js';
import { EvaluatorsTab } from './EvaluatorsTab.js';
import { PlansTab } from './PlansTab.js';
import { QueueTab } from './QueueTab.js';
import { lazyView } from '../../ui/lazy.js';
import '../../ui/manager.css';
import './qa.css';

// Calibration loads the first time its tab is shown (its screens, store and figures).
const CalibrationTab = lazyView(() => import('../calibration/CalibrationTab.js'), 'qa.loading');

/**
 * Quality monitoring over the floor: the evaluator's queue, QA plans and draws, disputes,
 * evaluators' work, evaluations and calibration, each tab for whoever may use it; an evaluation
 * opens over the tabs.
 */
export default function QualityView() {
  const { t } = useTranslation();
  const user = useSession((s) => s.session?.user);
  const tab = useQaView((s) => s.tab);
  const evaluating = useQaView((s) => s.evaluating);
  const tabs = user ? qaTabsFor(user) : [];
  const shown = tab && tabs.includes(tab) ? tab : tabs[0];
  // Opened from the nav: load what the tab shows (the first one the user may use).
  useEffect(() => {
    if (!useQaView.getState().evaluating) showTab(shown);
  }, [shown]);
  return (
    <div className="qa-view manager-screen">
      <CoachViewTop current="quality" onBack={closeQaView} />
      {evaluating ? (
        <EvaluateView />
      ) : (
        <>
          <h2>{t('qa.title')}</h2>
          <nav className="mgr-tabs" aria-label={t('qa.tabs.label')}>
            {tabs.map((entry) => (
              <button
                key={entry}
                type="button"
                aria-current={entry === shown ? 'page' : undefined}
                onClick={() => {
                  // The tab's own first screen (a calibration session shown goes back to the list).
                  useQaView.setState({ calibration: null });
                  showTab(entry);
                }}
              >
                {t(`qa.tabs.${entry}`)}
              </button>
            ))}
          </nav>
          {shown === 'queue' ? (
            <QueueTab />
          ) : shown === 'plans' ? (
            <PlansTab />
          ) : shown === 'disputes' ? (
            <DisputesTab />
          ) : shown === 'evaluators' ? (
            <EvaluatorsTab />
          ) : shown === 'evaluations' ? (
            <EvaluationsTab />
          ) : shown === 'calibration' ? (
            <CalibrationTab />
          ) : (
            <p className="muted">{t('qa.noTabs')}</p>
          )}
        </>
      )}
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { BackButton } from '../../ui/BackButton.js';
import { closeLanguageStats, openLanguageStats } from '../language-stats/store.js';
import { closeReflection, openReflection } from '../reflection/store.js';
import { closeScorecardView, openScorecardView } from '../scorecard/lazy-store.js';
import { useSession } from '../../hub/session-store.js';
import { closeSurveys, openSurveys, type SurveysView } from '../surveys/store.js';
import { closeAdmin, openAdmin } from '../admin/store.js';
import { canUseQuality } from '../qa/access.js';
import { closeQaView, openQaLazily } from '../qa/lazy-store.js';
import { closeMystery, openMystery } from '../mystery/view.js';
import { closeFigures, openFigures } from '../kpi/view.js';
import { closeRecognition, openRecognition } from '../recognition/view.js';

type Entry =
  | SurveysView
  | 'language'
  | 'sessions'
  | 'admin'
  | 'scorecard'
  | 'quality'
  | 'mystery'
  | 'figures'
  | 'recognition';

/** Opens one of the coach's views, closing whichever was open. */
function go(entry: Entry) {
  closeScorecardView();
  closeSurveys();
  closeLanguageStats();
  closeReflection();
  closeAdmin();
  closeQaView();
  closeMystery();
  closeFigures();
  closeRecognition();
  if (entry === 'language') openLanguageStats();
  else if (entry === 'figures') openFigures();
  else if (entry === 'recognition') openRecognition();
  else if (entry === 'quality') openQaLazily();
  else if (entry === 'mystery') openMystery();
  else if (entry === 'admin') openAdmin();
  else if (entry === 'sessions') openReflection();
  else if (entry === 'scorecard') openScorecardView();
  else openSurveys(entry);
}

/**
 * The coach's views beside the floor: coaching language, coaching sessions, customer feedback,
 * report, scorecard, pack, administration.
 */
export function CoachNav({ current }: { current: Entry | null }) {
  const { t } = useTranslation();
  const user = useSession((s) => s.session?.user);
  const role = user?.role;
  if (!user || !role || role === 'agent') return null;
  const entries: Array<[Entry, string]> = [
    ...(role === 'lead' || role === 'admin'
      ? [['language', t('languageStats.open')] as [Entry, string]]
      : []),
    // Reflective sessions: team leads above all (DOMAIN.md, "Who uses it"), and supervisors and
    // quality managers who coach the agent too (the hub lets every coach of the agent run one).
    ['sessions', t('reflection.nav')],
    ['feedback', t('surveys.nav.feedback')],
    ['report', t('surveys.nav.report')],
    // Contact-centre KPIs per team: every coach (supervisors, leads, quality managers).
    ['figures', t('kpi.nav')],
    // The scorecard builder, beside the survey pack: quality managers (the hub decides too).
    ...(role === 'admin' ? [['scorecard', t('scorecard.nav')] as [Entry, string]] : []),
    ...(role === 'admin' ? [['pack', t('surveys.nav.pack')] as [Entry, string]] : []),
    // Quality monitoring: evaluators, arbitrators, leads, supervisors and admins (qa/access.ts).
    ...(canUseQuality(user) ? [['quality', t('qa.nav')] as [Entry, string]] : []),
    // Badges and shout-outs: every coach's team wall; the monthly summary for leads and admins.
    ['recognition', t('recognition.nav')],
    // Mystery-call programmes, beside quality monitoring: quality managers (admins) only.
    ...(role === 'admin' ? [['mystery', t('mystery.nav')] as [Entry, string]] : []),
    // People, teams, the HR import and the audit log: administrators only (the hub decides too).
    ...(role === 'admin' ? [['admin', t('admin.nav')] as [Entry, string]] : []),
  ];
  return (
    <nav className="coach-nav" aria-label={t('surveys.nav.label')}>
      {entries.map(([entry, label]) => (
        <button
          key={entry}
          type="button"
          aria-current={entry === current ? 'page' : undefined}
          onClick={() => go(entry)}
        >
          {label}
        </button>
      ))}
    </nav>
  );
}

/** The top of a view opened over the floor: back to where the coach was, and the nav. */
export function CoachViewTop({ current, onBack }: { current: Entry; onBack: () => void }) {
  return (
    <>
      <div className="row survey-top">
        <BackButton strings="surveys" onClick={onBack} />
      </div>
      <CoachNav current={current} />
    </>
  );
}

import { useTranslation } from 'react-i18next';
import { closeLanguageStats, openLanguageStats } from '../../store/language-stats-store.js';
import { useSidebar } from '../../store/sidebar-store.js';
import { closeSurveys, openSurveys, type SurveysView } from '../../store/surveys-store.js';
import './surveys.css';

type Entry = SurveysView | 'language';

/** The coach's views beside the floor: coaching language, customer feedback, report, pack. */
export function SurveyNav({ current }: { current: Entry | null }) {
  const { t } = useTranslation();
  const role = useSidebar((s) => s.session?.user.role);
  if (!role || role === 'agent') return null;
  const entries: Array<[Entry, string]> = [
    ...(role === 'lead' || role === 'admin'
      ? [['language', t('languageStats.open')] as [Entry, string]]
      : []),
    ['feedback', t('surveys.nav.feedback')],
    ['report', t('surveys.nav.report')],
    ...(role === 'admin' ? [['pack', t('surveys.nav.pack')] as [Entry, string]] : []),
  ];
  const go = (entry: Entry) => {
    if (entry === 'language') {
      closeSurveys();
      openLanguageStats();
    } else {
      closeLanguageStats();
      openSurveys(entry);
    }
  };
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

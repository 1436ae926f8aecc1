import { useTranslation } from 'react-i18next';
import { CoachViewTop } from '../floor/CoachNav.js';
import { AuditView } from './AuditView.js';
import { ImportView } from './ImportView.js';
import { PeopleView } from './PeopleView.js';
import { TeamsView } from './TeamsView.js';
import { ErrorText } from './parts.js';
import { ADMIN_TABS } from './tabs.js';
import { closeAdmin, showTab, useAdmin } from './store.js';
import { useAdminView } from './view.js';
import '../../ui/manager.css';
import './admin.css';

/** The admin's screens over the floor: people, teams and shifts, the HR import, the audit log. */
export default function AdminView() {
  const { t } = useTranslation();
  const tab = useAdminView((s) => s.tab);
  const status = useAdmin((s) => s.status);
  const error = useAdmin((s) => s.error);
  return (
    <div className="admin-view manager-screen">
      <CoachViewTop current="admin" onBack={closeAdmin} />
      <h2>{t('admin.title')}</h2>
      <nav className="mgr-tabs" aria-label={t('admin.tabs.label')}>
        {ADMIN_TABS.map((entry) => (
          <button
            key={entry}
            type="button"
            aria-current={entry === tab ? 'page' : undefined}
            onClick={() => showTab(entry)}
          >
            {t(`admin.tabs.${entry}`)}
          </button>
        ))}
      </nav>
      {status === 'failed' && error ? <ErrorText message={error} /> : null}
      {status === 'loading' ? (
        <p className="muted" role="status">
          {t('admin.loading')}
        </p>
      ) : null}
      {tab === 'people' ? (
        <PeopleView />
      ) : tab === 'teams' ? (
        <TeamsView />
      ) : tab === 'import' ? (
        <ImportView />
      ) : (
        <AuditView />
      )}
    </div>
  );
}

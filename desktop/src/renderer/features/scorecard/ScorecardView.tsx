import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CoachViewTop } from '../floor/CoachNav.js';
import { fullDateTime } from '../../lib/format.js';
import { EditTab } from './EditTab.js';
import { HistoryTab } from './HistoryTab.js';
import { TryTab } from './TryTab.js';
import { ChangeNotice } from '../../ui/ChangeNotice.js';
import { ErrorText } from './parts.js';
import {
  closeScorecard,
  currentOf,
  loadScorecard,
  openScorecard,
  showTab,
  useScorecard,
  type BuilderTab,
} from './store.js';
import '../../ui/manager.css';
import './scorecard.css';

const TABS: readonly BuilderTab[] = ['edit', 'try', 'history'];

/**
 * The quality manager's scorecard builder over the floor: the active pack and where it came
 * from, the edit (published as a new version or a revision), a "try it" score, and the
 * versions with their YAML.
 */
export default function ScorecardView() {
  const { t } = useTranslation();
  const status = useScorecard((s) => s.status);
  const error = useScorecard((s) => s.error);
  const info = useScorecard((s) => s.info);
  const tab = useScorecard((s) => s.tab);
  useEffect(openScorecard, []);
  return (
    <div className="scorecard-view manager-screen">
      <CoachViewTop current="scorecard" onBack={closeScorecard} />
      <h2>{t('scorecard.title')}</h2>
      {status === 'failed' && error ? (
        <div className="sc-row">
          <ErrorText message={error} />
          <button type="button" onClick={() => void loadScorecard()}>
            {t('scorecard.retry')}
          </button>
        </div>
      ) : null}
      {status === 'loading' ? (
        <p className="muted" role="status">
          {t('scorecard.loading')}
        </p>
      ) : null}
      {info ? (
        <>
          <ActiveLine />
          <Announcements />
          <nav className="mgr-tabs" aria-label={t('scorecard.tabs.label')}>
            {TABS.map((entry) => (
              <button
                key={entry}
                type="button"
                aria-current={entry === tab ? 'page' : undefined}
                onClick={() => showTab(entry)}
              >
                {t(`scorecard.tabs.${entry}`)}
              </button>
            ))}
          </nav>
          {tab === 'edit' ? <EditTab /> : tab === 'try' ? <TryTab /> : <HistoryTab />}
        </>
      ) : null}
    </div>
  );
}

/** The active version and revision, where it came from, and whether the app now holds it. */
function ActiveLine() {
  const { t, i18n } = useTranslation();
  const info = useScorecard((s) => s.info)!;
  const last = info.history[0];
  const when = last ? fullDateTime(i18n.language).format(new Date(last.savedAt)) : '';
  const values = { time: when, name: last?.savedBy ?? '' };
  const source = !last
    ? null
    : last.source === 'app'
      ? t('scorecard.active.fromApp', values)
      : last.savedBy
        ? t('scorecard.active.imported', values)
        : t('scorecard.active.fromYaml', values);
  return (
    <section className="card sc-active" aria-labelledby="sc-active-title">
      <h3 id="sc-active-title" data-testid="scorecard-active">
        {t('scorecard.active.title', currentOf(info))}
      </h3>
      {source ? <p className="small">{source}</p> : null}
      {last?.note ? (
        <p className="small">{t('scorecard.active.note', { note: last.note })}</p>
      ) : null}
      <p className="small muted">
        {info.editedInApp ? t('scorecard.active.editedInApp') : t('scorecard.active.yamlSource')}
      </p>
    </section>
  );
}

/**
 * What the manager must know before going on: a newer version published by someone else, an
 * edit started from an older one (publishing it would be refused), what the last action said.
 */
function Announcements() {
  const { t } = useTranslation();
  const info = useScorecard((s) => s.info)!;
  const newer = useScorecard((s) => s.newer);
  const basedOn = useScorecard((s) => s.basedOn);
  const conflict = useScorecard((s) => s.conflict);
  const edited = useScorecard((s) => s.draft !== null);
  const notice = useScorecard((s) => s.notice);
  const now = currentOf(info);
  const stale =
    edited &&
    basedOn !== null &&
    (basedOn.version !== now.version || basedOn.revision !== now.revision);
  const reload = () => void loadScorecard(true);
  return (
    <>
      <ChangeNotice notice={notice} testId="scorecard-notice" />
      {newer && !conflict ? (
        <ReloadWarning role="status" testId="scorecard-newer" onReload={reload}>
          <p>
            {t('scorecard.newer.there', newer)} {edited ? t('scorecard.newer.dropsEdit') : null}
          </p>
        </ReloadWarning>
      ) : null}
      {(conflict || stale) && basedOn ? (
        <ReloadWarning testId="scorecard-stale" onReload={reload}>
          <p role={conflict ? 'alert' : undefined}>
            {t(conflict ? 'scorecard.conflict' : 'scorecard.stale', {
              version: basedOn.version,
              revision: basedOn.revision,
              now: `${now.version}.${now.revision}`,
            })}
          </p>
        </ReloadWarning>
      ) : null}
    </>
  );
}

/** A warning that the pack moved on, with the button that reads it again. */
function ReloadWarning({
  role,
  testId,
  onReload,
  children,
}: {
  role?: 'status';
  testId: string;
  onReload: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="sc-warning" role={role} data-testid={testId}>
      {children}
      <button type="button" onClick={onReload}>
        {t('scorecard.newer.reload')}
      </button>
    </div>
  );
}

import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../hub/session-store.js';
import { periodQuery } from '../../lib/hub-csv.js';
import { HubExportButton } from '../../ui/HubExportButton.js';
import { useRowContext } from '../qa/context.js';
import { LoadState, QaTable } from '../qa/parts.js';
import { useQaView } from '../qa/view.js';
import { NewSessionForm } from './NewSessionForm.js';
import { sessionsTable } from './rows.js';
import { canFacilitate } from './sheet.js';
import { SessionView } from './SessionView.js';
import {
  loadList,
  openCreate,
  openSession,
  showPanel,
  showSession,
  useCalibration,
  type CalibrationPanel,
} from './store.js';
import { TrendsPanel } from './TrendsPanel.js';
import './calibration.css';

const PANELS: readonly CalibrationPanel[] = ['sessions', 'trends'];

/**
 * The Quality view's calibration tab (loaded the first time it is shown): the sessions and
 * agreement over time, or one session when the address names it (`#/quality/calibration/<id>`).
 */
export default function CalibrationTab() {
  const id = useQaView((s) => s.calibration);
  const panel = useCalibration((s) => s.panel);
  // The address (or a click) names the session shown: it is opened as the hub lets us see it.
  useEffect(() => {
    if (id) void openSession(id);
    else showPanel(useCalibration.getState().panel);
  }, [id]);
  if (id) return <SessionView />;
  return (
    <div className="qa-panel">
      <Panels current={panel} />
      {panel === 'sessions' ? <Sessions /> : <TrendsPanel />}
    </div>
  );
}

function Panels({ current }: { current: CalibrationPanel }) {
  const { t } = useTranslation();
  return (
    <div
      className="segmented two cal-panels"
      role="radiogroup"
      aria-label={t('calibration.panels.label')}
    >
      {PANELS.map((p) => (
        <label key={p} className={current === p ? 'on' : undefined}>
          <input
            type="radio"
            name="cal-panel"
            checked={current === p}
            onChange={() => showPanel(p)}
          />
          {t(`calibration.panels.${p}`)}
        </label>
      ))}
    </div>
  );
}

function Sessions() {
  const { t } = useTranslation();
  const list = useCalibration((s) => s.list);
  const creating = useCalibration((s) => s.create.open);
  const role = useSession((s) => s.session?.user.role);
  const c = useRowContext();
  const sorted = [...list.data].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <>
      <div className="qa-toolbar">
        <p className="small muted">{t('calibration.intro')}</p>
        <div className="qa-actions">
          <button
            type="button"
            onClick={() => void loadList()}
            disabled={list.status === 'loading'}
          >
            {t('qa.refresh')}
          </button>
          {role && canFacilitate(role) && !creating ? (
            <button type="button" className="primary" onClick={() => void openCreate()}>
              {t('calibration.list.new')}
            </button>
          ) : null}
        </div>
      </div>
      {creating ? <NewSessionForm /> : null}
      <LoadState status={list.status} error={list.error} />
      {sorted.some((s) => s.status !== 'open') ? (
        // Each participant's answer against the benchmark, item by item, of every session
        // revealed in the list's period (calibration:list's 180 days): open ones stay blind.
        <HubExportButton
          path="/api/qa/calibration.csv"
          query={periodQuery({ days: 180 })}
          fileName="calibration"
          label={t('tableExport.all')}
        />
      ) : null}
      <QaTable
        caption={t('calibration.list.caption', { count: sorted.length })}
        fileName="calibration-sessions-list"
        table={sessionsTable(sorted, c)}
        testId="cal-sessions"
        empty={list.status === 'loaded' ? t('calibration.list.empty') : undefined}
        action={(i) => {
          const s = sorted[i]!;
          return (
            <button
              type="button"
              aria-label={t('calibration.list.openLabel', { name: s.title })}
              onClick={() => showSession(s.id)}
            >
              {t('qa.open')}
            </button>
          );
        }}
      />
    </>
  );
}

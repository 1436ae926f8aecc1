import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ASSIGNMENT_STATUSES, type MysteryAssignment, type Wave } from '@sidecoach/shared';
import { ChangeNotice } from '../../ui/ChangeNotice.js';
import { NameSelect } from '../../ui/NameSelect.js';
import { QaTable } from '../qa/parts.js';
import { LoadLine, useMysteryContext } from './parts.js';
import { assignmentsTable, filterAssignments, windowText } from './rows.js';
import { assign, useMystery } from './store.js';

/** Statuses in which the manager may give a call to a caller, or take it back to the board. */
const ASSIGNABLE: ReadonlySet<MysteryAssignment['status']> = new Set(['open', 'claimed']);

/** A wave's calls: when, which team, scenario and profile, who has it; give one to a caller. */
export function AssignmentsPanel({ wave }: { wave: Wave }) {
  const { t } = useTranslation();
  const c = useMysteryContext();
  const assignments = useMystery((s) => s.assignments);
  const callers = useMystery((s) => s.callers.data);
  const notice = useMystery((s) => s.assigning.notice);
  const [status, setStatus] = useState('');
  const [teamId, setTeamId] = useState('');
  const list = assignments.waveId === wave.id ? assignments.data : [];
  const shown = filterAssignments(list, status, teamId);
  const active = callers.filter((k) => !k.disabled);
  return (
    <div className="qa-panel" data-testid="mys-assignments-panel">
      <p className="mgr-hint">{t('mystery.assignments.intro')}</p>
      <div className="qa-toolbar mys-filters">
        <NameSelect
          id="mys-assign-status"
          label={t('mystery.col.status')}
          allLabel={t('mystery.assignments.allStatuses')}
          value={status}
          options={ASSIGNMENT_STATUSES.map((s) => ({ id: s, name: t(`mystery.status.${s}`) }))}
          onChange={setStatus}
        />
        <NameSelect
          id="mys-assign-team"
          label={t('mystery.col.team')}
          allLabel={t('mystery.assignments.allTeams')}
          value={teamId}
          options={wave.teamIds.map((id) => ({ id, name: c.teamNames[id] ?? id }))}
          onChange={setTeamId}
        />
      </div>
      <LoadLine status={assignments.status} error={assignments.error} empty={list.length === 0} />
      <ChangeNotice notice={notice} testId="mys-assign-notice" />
      <QaTable
        caption={t('mystery.assignments.caption', { count: shown.length })}
        fileName="mystery-assignments"
        table={assignmentsTable(shown, c)}
        testId="mys-assignments"
        empty={assignments.status === 'loaded' ? t('mystery.assignments.empty') : undefined}
        actionHeader={t('mystery.assignments.giveHeader')}
        action={(i) => <AssignControl assignment={shown[i]!} callers={active} />}
      />
    </div>
  );
}

function AssignControl({
  assignment: a,
  callers,
}: {
  assignment: MysteryAssignment;
  callers: readonly { id: string; displayName: string }[];
}) {
  const { t, i18n } = useTranslation();
  const busy = useMystery((s) => s.assigning.id);
  const [callerId, setCallerId] = useState(a.callerId ?? '');
  if (!ASSIGNABLE.has(a.status)) return null;
  const id = `mys-assign-${a.id}`;
  return (
    <div className="mys-assign">
      <label htmlFor={id} className="visually-hidden">
        {t('mystery.assignments.giveTo', { time: windowText(a, i18n.language) })}
      </label>
      <select id={id} value={callerId} onChange={(e) => setCallerId(e.target.value)}>
        <option value="">{t('mystery.assignments.chooseCaller')}</option>
        {callers.map((k) => (
          <option key={k.id} value={k.id}>
            {k.displayName}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="small"
        disabled={busy !== null || callerId === '' || callerId === a.callerId}
        onClick={() => void assign(a.id, callerId)}
      >
        {t('mystery.assignments.assign')}
      </button>
      {a.callerId ? (
        <button
          type="button"
          className="link small"
          disabled={busy !== null}
          onClick={() => void assign(a.id, null).then((ok) => ok && setCallerId(''))}
        >
          {t('mystery.assignments.toBoard')}
        </button>
      ) : null}
    </div>
  );
}

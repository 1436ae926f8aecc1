import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { MysteryAssignment } from '@sidecoach/shared';
import { hasStoredDraft } from '../../lib/draft.js';
import { useFocusIfLost } from '../../lib/focus.js';
import { ErrorText } from '../../ui/ErrorText.js';
import { AssignmentCard } from './AssignmentCard.js';
import { deviceZone, groupMine, reportDraftName, windowText, type MineGroup } from './form.js';
import { claim, dismissClaimNotice, dismissWaveNotice, loadBoard, useCaller } from './store.js';
import { openCallerReport } from './view.js';

/** What opening one of the caller's own calls does, by its state. */
const ACTION: Record<MineGroup, 'report' | 'answer' | 'view'> = {
  returned: 'answer',
  claimed: 'report',
  reported: 'view',
  approved: 'view',
  rejected: 'view',
};

function MineCall({ assignment }: { assignment: MysteryAssignment }) {
  const { t } = useTranslation();
  const status = assignment.status as MineGroup;
  // A call with a report begun on this device continues it.
  const begun = status === 'claimed' && hasStoredDraft(reportDraftName(assignment.id));
  const action = t(`mysteryCaller.mine.${begun ? 'continue' : ACTION[status]}`);
  const urgent = status === 'claimed' || status === 'returned';
  return (
    <AssignmentCard assignment={assignment} unfolded={urgent} level="h5">
      <button
        type="button"
        className={urgent ? 'primary' : undefined}
        aria-label={t('mysteryCaller.mine.openLabel', { action, title: assignment.scenario.title })}
        onClick={() => openCallerReport(assignment.id)}
      >
        {action}
      </button>
    </AssignmentCard>
  );
}

function OpenCall({ assignment }: { assignment: MysteryAssignment }) {
  const { t, i18n } = useTranslation();
  const claiming = useCaller((s) => s.claiming);
  const notice = useCaller((s) => s.claimNotice);
  const mine = notice?.assignmentId === assignment.id && !notice.ok ? notice.message : null;
  const window = windowText(assignment, i18n.language, deviceZone()).local;
  return (
    <AssignmentCard assignment={assignment} unfolded={false} level="h4">
      {mine ? <ErrorText message={mine} small /> : null}
      <button
        type="button"
        className="primary"
        disabled={claiming !== null}
        aria-label={t('mysteryCaller.board.claimLabel', {
          title: assignment.scenario.title,
          window,
        })}
        onClick={() => void claim(assignment)}
      >
        {claiming === assignment.id
          ? t('mysteryCaller.board.claiming')
          : t('mysteryCaller.board.claim')}
      </button>
    </AssignmentCard>
  );
}

/**
 * The caller's board: their own calls first (a question to answer, then calls to make, then
 * what waits for review and what was decided), then the open calls they may claim. The hub
 * sends only what is theirs and what fits their profile.
 */
export function BoardView() {
  const { t } = useTranslation();
  const status = useCaller((s) => s.boardStatus);
  const error = useCaller((s) => s.boardError);
  const open = useCaller((s) => s.open);
  const mine = useCaller((s) => s.mine);
  const notice = useCaller((s) => s.claimNotice);
  const waveNotice = useCaller((s) => s.waveNotice);
  // A claim that failed after the call left the board (taken, window passed) is said here.
  const orphan = notice && !notice.ok && !open.some((a) => a.id === notice.assignmentId);
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusIfLost(heading);
  const groups = groupMine(mine);
  return (
    <section className="caller-board" aria-labelledby="caller-board-title">
      <div className="row caller-head">
        <h2 id="caller-board-title" ref={heading} tabIndex={-1}>
          {t('mysteryCaller.title')}
        </h2>
        <button type="button" disabled={status === 'loading'} onClick={() => void loadBoard()}>
          {t('mysteryCaller.refresh')}
        </button>
      </div>
      <p className="small muted">{t('mysteryCaller.intro')}</p>
      {status === 'loading' ? (
        <p className="muted" role="status">
          {t('mysteryCaller.board.loading')}
        </p>
      ) : null}
      {status === 'failed' && error ? (
        <div className="row">
          <ErrorText message={error} />
          <button type="button" onClick={() => void loadBoard()}>
            {t('mysteryCaller.retry')}
          </button>
        </div>
      ) : null}
      {waveNotice ? (
        <div className="notice ok" role="status" data-testid="caller-wave-open">
          <span>{t('mysteryCaller.board.waveOpened', { count: waveNotice.calls })}</span>
          <button type="button" className="link" onClick={dismissWaveNotice}>
            {t('errors.dismiss')}
          </button>
        </div>
      ) : null}
      {notice && (notice.ok || orphan) ? (
        <div
          className={notice.ok ? 'notice ok' : 'notice'}
          role={notice.ok ? 'status' : 'alert'}
          data-testid="claim-notice"
        >
          <span>{t(notice.message.key, notice.message.values)}</span>
          <button type="button" className="link" onClick={dismissClaimNotice}>
            {t('errors.dismiss')}
          </button>
        </div>
      ) : null}
      <div className="caller-columns">
        <section aria-labelledby="caller-mine-title" data-testid="caller-mine">
          <h3 id="caller-mine-title">{t('mysteryCaller.mine.title')}</h3>
          {status === 'loaded' && mine.length === 0 ? (
            <p className="small muted">{t('mysteryCaller.mine.empty')}</p>
          ) : null}
          {groups.map((g) => (
            <section
              key={g.status}
              className="caller-group"
              aria-labelledby={`caller-group-${g.status}`}
            >
              <h4 id={`caller-group-${g.status}`} className={`caller-group-title ${g.status}`}>
                {t(`mysteryCaller.mine.groups.${g.status}`)}
              </h4>
              {g.calls.map((a) => (
                <MineCall key={a.id} assignment={a} />
              ))}
            </section>
          ))}
        </section>
        <section aria-labelledby="caller-open-title" data-testid="caller-open">
          <h3 id="caller-open-title">
            {t('mysteryCaller.board.open')}{' '}
            {status === 'loaded' && open.length > 0 ? (
              <span className="small muted">
                {t('mysteryCaller.board.openCount', { count: open.length })}
              </span>
            ) : null}
          </h3>
          {status === 'loaded' && open.length === 0 ? (
            <p className="small muted">{t('mysteryCaller.board.openEmpty')}</p>
          ) : null}
          {open.map((a) => (
            <OpenCall key={a.id} assignment={a} />
          ))}
        </section>
      </div>
    </section>
  );
}

import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { localize, type CalibrationOpened } from '@sidecoach/shared';
import { useSession } from '../../hub/session-store.js';
import { useFocusIfLost } from '../../lib/focus.js';
import { callTypeName } from '../../lib/format.js';
import { useNow } from '../../lib/time.js';
import { BackButton } from '../../ui/BackButton.js';
import { ScoreSummary } from '../qa/EvaluationParts.js';
import { ErrorText, LoadState, Notice, Section } from '../qa/parts.js';
import { dateTimeOf } from '../qa/rows.js';
import { itemProblems, SheetItems, type SheetHandlers } from '../qa/SheetItems.js';
import { BlindCallPanel } from './BlindCallPanel.js';
import { RevealPanel } from './RevealPanel.js';
import { submittedText } from './rows.js';
import { revealBlock, sheetItems, sheetProblems, sheetScore, type SheetForm } from './sheet.js';
import {
  closeSession,
  revealSession,
  saveSheet,
  setSheetAnswer,
  setSheetComment,
  useCalibration,
} from './store.js';
import '../../ui/columns.css';

const HANDLERS: SheetHandlers = { onAnswer: setSheetAnswer, onComment: setSheetComment };

/** One session: scored blind until the reveal, compared item by item after it. */
export function SessionView() {
  const session = useCalibration((s) => s.session);
  const notice = useCalibration((s) => s.stepNotice);
  const opened = session.data;
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusIfLost(heading, opened !== null);
  return (
    <div className="qa-panel cal-session">
      <div className="row">
        <BackButton strings="calibration" onClick={closeSession} />
      </div>
      <LoadState status={opened ? 'loaded' : session.status} error={session.error} />
      {opened && session.status === 'failed' && session.error ? (
        <ErrorText message={session.error} />
      ) : null}
      {opened ? (
        <>
          <h3 ref={heading} tabIndex={-1} data-testid="cal-title">
            {opened.session.title}
          </h3>
          <StatusLine opened={opened} />
          {opened.session.status === 'open' ? (
            <Blind opened={opened} />
          ) : (
            <>
              <Notice notice={notice} />
              <RevealPanel opened={opened} />
            </>
          )}
        </>
      ) : null}
    </div>
  );
}

function StatusLine({ opened }: { opened: CalibrationOpened }) {
  const { t, i18n } = useTranslation();
  const s = opened.session;
  const c = { t, lang: i18n.language, pack: opened.pack };
  return (
    <div className="qa-status-line small" data-testid="cal-status">
      <span className={`pill cal-status-${s.status}`}>{t(`calibration.status.${s.status}`)}</span>
      <span>{callTypeName(opened.pack, s.callType, i18n.language)}</span>
      <span className="muted">
        {t('calibration.session.version', {
          name: localize(opened.pack.name, i18n.language),
          version: s.packVersion,
        })}
      </span>
      <span className="muted">
        {t('calibration.session.deadline', { date: dateTimeOf(i18n.language, s.deadline) })}
      </span>
      <span className="muted">
        {t('calibration.session.facilitator', { name: s.facilitatorName })}
      </span>
      <span data-testid="cal-submitted">{submittedText(s, c)}</span>
    </div>
  );
}

/** Before the reveal: the sheet (participants), the call, who has submitted, the reveal. */
function Blind({ opened }: { opened: CalibrationOpened }) {
  const form = useCalibration((s) => s.form);
  const user = useSession((s) => s.session?.user);
  // The facilitator and quality managers (admins) reveal; the hub says when.
  const reveals = opened.session.facilitatorId === user?.id || user?.role === 'admin';
  return (
    <div className="split-columns qa-columns">
      <div className="split-column">
        {opened.can.score && form ? <Sheet opened={opened} form={form} /> : null}
        {reveals || opened.can.reveal ? <RevealControl opened={opened} /> : null}
      </div>
      <div className="split-column">
        <Participants opened={opened} />
        <BlindCallPanel opened={opened} />
      </div>
    </div>
  );
}

function Sheet({ opened, form }: { opened: CalibrationOpened; form: SheetForm }) {
  const { t } = useTranslation();
  const { saving, notice, showProblems, hubProblems, dirty } = useCalibration();
  const items = sheetItems(opened, form);
  const problems = { ...hubProblems, ...itemProblems(sheetProblems(opened, form), showProblems) };
  const submitted = opened.mine?.submittedAt ?? null;
  return (
    <>
      <div className="card qa-score-card">
        <h3>{t('calibration.sheet.score')}</h3>
        <ScoreSummary score={sheetScore(opened, form)} pack={opened.pack} live />
      </div>
      {submitted ? (
        <p className="mgr-ok" role="status" data-testid="cal-waiting">
          {t('calibration.sheet.waiting', { name: opened.session.facilitatorName })}
        </p>
      ) : null}
      <form
        className="card qa-items"
        aria-label={t('calibration.sheet.title')}
        onSubmit={(ev) => {
          ev.preventDefault();
          void saveSheet(true);
        }}
        noValidate
      >
        <h3>{t('calibration.sheet.title')}</h3>
        <p className="mgr-hint">{t('calibration.sheet.hint')}</p>
        <SheetItems
          items={items}
          form={form}
          editable
          problems={problems}
          guidance={opened.guidance}
          handlers={HANDLERS}
        />
        <Notice notice={notice} />
        <div className="qa-actions">
          <button type="button" disabled={saving !== null} onClick={() => void saveSheet(false)}>
            {saving === 'draft' ? t('qa.saving') : t('calibration.sheet.saveDraft')}
          </button>
          <button type="submit" className="primary" disabled={saving !== null}>
            {saving === 'submit'
              ? t('qa.saving')
              : submitted
                ? t('calibration.sheet.submitAgain')
                : t('calibration.sheet.submit')}
          </button>
          {dirty ? <span className="small muted">{t('qa.evaluate.unsaved')}</span> : null}
        </div>
      </form>
    </>
  );
}

/** Who has submitted (names only: nobody's answers before the reveal). */
function Participants({ opened }: { opened: CalibrationOpened }) {
  const { t, i18n } = useTranslation();
  const s = opened.session;
  return (
    <Section title={t('calibration.session.participants')} testId="cal-participants">
      <ul className="cal-people">
        {s.participants.map((p) => (
          <li key={p.userId} className={p.submittedAt ? 'done' : undefined}>
            <span>{p.name}</span>{' '}
            <span className="small muted">
              {p.submittedAt
                ? t('calibration.session.submittedAt', {
                    date: dateTimeOf(i18n.language, p.submittedAt),
                  })
                : t('calibration.session.notYet')}
            </span>
          </li>
        ))}
      </ul>
    </Section>
  );
}

/** The facilitator's reveal: disabled with the reason until the hub allows it. */
function RevealControl({ opened }: { opened: CalibrationOpened }) {
  const { t, i18n } = useTranslation();
  const saving = useCalibration((s) => s.saving);
  const notice = useCalibration((s) => s.stepNotice);
  // The deadline passing makes the reveal possible: the reason is read against the clock.
  const now = useNow(!opened.can.reveal);
  const block = revealBlock(opened.session, new Date(now));
  const reason = opened.can.reveal
    ? null
    : block?.reason === 'fewSheets'
      ? t('calibration.reveal.fewSheets', { count: block.submitted })
      : block?.reason === 'waiting'
        ? t('calibration.reveal.waiting', { date: dateTimeOf(i18n.language, block.deadline) })
        : t('calibration.reveal.notYours');
  return (
    <Section title={t('calibration.reveal.title')} testId="cal-reveal">
      <p className="mgr-hint">{t('calibration.reveal.intro')}</p>
      {reason ? (
        <p className="small warn" id="cal-reveal-why" data-testid="cal-reveal-why">
          {reason}
        </p>
      ) : null}
      <Notice notice={notice} />
      <div className="qa-actions">
        <button
          type="button"
          className="primary"
          disabled={!opened.can.reveal || saving !== null}
          aria-describedby={reason ? 'cal-reveal-why' : undefined}
          onClick={() => void revealSession()}
        >
          {saving === 'reveal' ? t('calibration.reveal.revealing') : t('calibration.reveal.action')}
        </button>
      </div>
    </Section>
  );
}

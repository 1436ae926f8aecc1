import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { REVIEW_ACTIONS, type MysteryOpened } from '@sidecoach/shared';
import { callTypeName, shortDateTime } from '../../lib/format.js';
import { formatDuration } from '../../lib/time.js';
import { ChangeNotice } from '../../ui/ChangeNotice.js';
import { RecordingLink } from '../qa/CallFactsPanel.js';
import { QaTable } from '../qa/parts.js';
import { CalibratePanel } from './CalibratePanel.js';
import { LoadLine, Part, Problems, useMysteryContext } from './parts.js';
import {
  newReviewDraft,
  reviewFromDraft,
  reviewProblems,
  type ReviewDraft,
} from './review-form.js';
import { answersTable, matchText, percentText, ratingsGivenTable, windowText } from './rows.js';
import { go, review, useMystery } from './store.js';
import '../../ui/columns.css';

const GRADES = [1, 2, 3, 4, 5] as const;

/**
 * One report to review: the call (scenario, team, time, numbers), the match (agent, call,
 * recording, candidates when the number did not decide), the agent-limit warning, the caller's
 * answers, comments, ratings and impression; approve with a grade, return with a question or
 * reject with a reason (the hub's refusals shown).
 */
export function ReviewScreen({ assignmentId }: { assignmentId: string }) {
  const { t } = useTranslation();
  const c = useMysteryContext();
  const state = useMystery((s) => s.review);
  const queue = useMystery((s) => s.reviews.data);
  const waves = useMystery((s) => s.waves.data);
  const opened = state.id === assignmentId ? state.data : null;
  const report = opened?.report ?? null;
  const wave = waves.find((w) => w.id === opened?.assignment.waveId) ?? null;
  const next = queue.find((r) => r.assignmentId !== assignmentId) ?? null;
  return (
    <div className="qa-panel" data-testid="mys-review">
      <div className="no-print">
        <button type="button" className="link back" onClick={() => go({ screen: 'reviews' })}>
          {t('mystery.back.reviews')}
        </button>
      </div>
      <LoadLine status={state.status} error={state.error} empty={!opened} />
      {opened && !report ? <p className="muted">{t('mystery.review.noReport')}</p> : null}
      {opened && report ? (
        <>
          <div className="split-columns mys-review-columns">
            <div className="split-column">
              <Part
                title={t('mystery.review.heading', { caller: report.callerName })}
                testId="mys-review-call"
              >
                <dl className="qa-facts">
                  <dt>{t('mystery.col.wave')}</dt>
                  <dd>{wave?.name ?? opened.programme.name}</dd>
                  <dt>{t('mystery.col.scenario')}</dt>
                  <dd>
                    {opened.assignment.scenario.title} (
                    {callTypeName(opened.pack, opened.assignment.scenario.callType, c.lang)})
                  </dd>
                  <dt>{t('mystery.col.team')}</dt>
                  <dd>{opened.assignment.teamName ?? '–'}</dd>
                  <dt>{t('mystery.col.window')}</dt>
                  <dd>{windowText(opened.assignment, c.lang)}</dd>
                  <dt>{t('mystery.col.calledAt')}</dt>
                  <dd>{shortDateTime(c.lang).format(new Date(report.calledAt))}</dd>
                  <dt>{t('mystery.review.calledNumber')}</dt>
                  <dd>{report.calledNumber}</dd>
                  <dt>{t('mystery.review.fromNumber')}</dt>
                  <dd>{report.fromNumber}</dd>
                  <dt>{t('mystery.review.agentNameHeard')}</dt>
                  <dd>{report.agentNameHeard || t('mystery.review.noName')}</dd>
                  <dt>{t('mystery.col.status')}</dt>
                  <dd data-testid="mys-review-status">
                    {t(`mystery.status.${opened.assignment.status}`)}
                  </dd>
                </dl>
              </Part>
              <Part title={t('mystery.review.match')} testId="mys-review-match">
                <p data-testid="mys-review-agent">{matchText(report, c)}</p>
                <p className="small">
                  {t('mystery.review.recording')}: <RecordingLink url={report.match.recordingUrl} />
                </p>
                {report.overAgentLimit ? (
                  <p className="mys-warning" data-testid="mys-over-limit">
                    {t('mystery.review.overLimit', { max: wave?.perAgentMax ?? '–' })}
                  </p>
                ) : null}
              </Part>
              <Part title={t('mystery.review.answers')} testId="mys-review-answers">
                <p>
                  {t('mystery.col.score')}:{' '}
                  <strong>{report.score ? percentText(c.lang, report.score.percent) : '–'}</strong>
                  {report.score?.passed === false ? ` (${t('mystery.review.failed')})` : ''}
                </p>
                <QaTable
                  caption={t('mystery.review.answersCaption')}
                  fileName="mystery-report"
                  table={answersTable(report, opened.items, opened.pack, c)}
                  testId="mys-review-items"
                />
                <QaTable
                  caption={t('mystery.review.ratingsCaption')}
                  fileName="mystery-report-ratings"
                  table={ratingsGivenTable(opened, c)}
                  testId="mys-review-ratings"
                  empty={t('mystery.review.noRatings')}
                />
                <h4>{t('mystery.review.impression')}</h4>
                <p className="mys-text">{report.impression || t('mystery.review.noImpression')}</p>
                {report.reply ? (
                  <>
                    <h4>{t('mystery.review.reply')}</h4>
                    {report.reviewNote ? (
                      <p className="small muted">
                        {t('mystery.review.yourQuestion')}: {report.reviewNote}
                      </p>
                    ) : null}
                    <p className="mys-text">{report.reply}</p>
                  </>
                ) : null}
              </Part>
            </div>
            <div className="split-column">
              {opened.assignment.status === 'reported' ? (
                <Decision key={report.submittedAt} opened={opened} />
              ) : (
                <>
                  <Part title={t('mystery.review.decision')} testId="mys-review-decided">
                    <p data-testid="mys-review-outcome">
                      {t('mystery.review.decided', {
                        status: t(`mystery.status.${opened.assignment.status}`),
                      })}
                      {report.grade !== null
                        ? ` ${t('mystery.review.gradeGiven', { grade: report.grade })}`
                        : ''}
                    </p>
                    {report.reviewNote ? <p className="small">{report.reviewNote}</p> : null}
                    <ChangeNotice notice={state.notice} testId="mys-review-notice" />
                    <div className="qa-actions">
                      {next ? (
                        <button
                          type="button"
                          className="primary"
                          onClick={() => go({ screen: 'review', assignmentId: next.assignmentId })}
                        >
                          {t('mystery.review.next')}
                        </button>
                      ) : null}
                      <button type="button" onClick={() => go({ screen: 'reviews' })}>
                        {t('mystery.back.reviews')}
                      </button>
                    </div>
                  </Part>
                  {opened.assignment.status === 'approved' ? (
                    <CalibratePanel opened={opened} />
                  ) : null}
                </>
              )}
            </div>
          </div>
        </>
      ) : null}
    </div>
  );
}

function Decision({ opened }: { opened: MysteryOpened }) {
  const { t, i18n } = useTranslation();
  const report = opened.report!;
  const busy = useMystery((s) => s.review.busy);
  const notice = useMystery((s) => s.review.notice);
  const [d, setD] = useState<ReviewDraft>(() => newReviewDraft());
  const [tried, setTried] = useState(false);
  const up = (p: Partial<ReviewDraft>) => setD({ ...d, ...p });
  const problems = tried ? reviewProblems(d) : [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    const made = reviewFromDraft(report, d);
    if ('payload' in made) void review(made.payload);
  };
  const candidates = report.match.candidates;
  const id = (name: string) => `mys-review-${name}`;
  return (
    <Part title={t('mystery.review.decision')} testId="mys-review-decision">
      <form className="qa-form" onSubmit={submit} noValidate>
        {candidates.length > 0 ? (
          <fieldset className="mgr-checks mys-candidates" data-testid="mys-candidates">
            <legend>{t('mystery.review.candidates')}</legend>
            <p className="mgr-hint">{t('mystery.review.candidatesHint')}</p>
            {report.match.callId ? (
              <label className="check">
                <input
                  type="radio"
                  name={id('call')}
                  checked={d.callId === null}
                  onChange={() => up({ callId: null })}
                />
                {t('mystery.review.asMatched', { match: matchText(report, { t }) })}
              </label>
            ) : null}
            {candidates.map((k) => (
              <label key={k.callId} className="check">
                <input
                  type="radio"
                  name={id('call')}
                  checked={d.callId === k.callId}
                  onChange={() => up({ callId: k.callId })}
                />
                {t('mystery.review.candidate', {
                  agent: k.agentName,
                  time: shortDateTime(i18n.language).format(new Date(k.startedAt)),
                  duration: k.durationMs === null ? '–' : formatDuration(k.durationMs),
                })}
              </label>
            ))}
          </fieldset>
        ) : null}
        <fieldset className="mgr-checks" data-testid="mys-review-actions">
          <legend>{t('mystery.review.action')}</legend>
          {REVIEW_ACTIONS.map((a) => (
            <label key={a} className="check">
              <input
                type="radio"
                name={id('action')}
                checked={d.action === a}
                onChange={() => up({ action: a })}
              />
              {t(`mystery.review.actions.${a}`)}
            </label>
          ))}
        </fieldset>
        {d.action === 'approve' ? (
          <div className="field mys-grade">
            <label htmlFor={id('grade')}>{t('mystery.review.grade')}</label>
            <select
              id={id('grade')}
              value={d.grade ?? ''}
              aria-describedby={id('grade-hint')}
              aria-invalid={problems.includes('grade') || undefined}
              onChange={(e) => up({ grade: e.target.value ? Number(e.target.value) : null })}
            >
              <option value="">{t('mystery.review.chooseGrade')}</option>
              {GRADES.map((g) => (
                <option key={g} value={g}>
                  {t(`mystery.review.grades.${g}`)}
                </option>
              ))}
            </select>
            <p className="mgr-hint" id={id('grade-hint')}>
              {t('mystery.review.gradeHint')}
            </p>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor={id('note')}>{t(`mystery.review.note.${d.action}`)}</label>
          <textarea
            id={id('note')}
            rows={3}
            maxLength={4000}
            value={d.note}
            aria-invalid={problems.includes('note') || undefined}
            onChange={(e) => up({ note: e.target.value })}
          />
        </div>
        <Problems
          lines={problems.map((p) =>
            t(
              p === 'grade'
                ? 'mystery.review.problems.grade'
                : `mystery.review.problems.${d.action === 'reject' ? 'reason' : 'question'}`,
            ),
          )}
          testId="mys-review-problems"
        />
        <div className="qa-actions">
          <button
            type="submit"
            className={d.action === 'reject' ? 'danger' : 'primary'}
            disabled={busy !== null}
          >
            {busy ? t('mystery.saving') : t(`mystery.review.submit.${d.action}`)}
          </button>
        </div>
        <ChangeNotice notice={notice} testId="mys-review-notice" />
      </form>
    </Part>
  );
}

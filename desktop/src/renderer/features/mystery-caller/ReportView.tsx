import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MysteryOpened } from '@sidecoach/shared';
import { useFocusIfLost } from '../../lib/focus.js';
import { BackButton } from '../../ui/BackButton.js';
import { ErrorText } from '../../ui/ErrorText.js';
import { CallWindow } from './AssignmentCard.js';
import {
  hasProblems,
  isEditable,
  MINUTES_AGO_CHOICES,
  minutesBefore,
  shownItems,
  type FactField,
  type ReportForm,
  type ReportProblems,
} from './form.js';
import { Questionnaire, Ratings } from './Questionnaire.js';
import { editReport, openReport, saveReport, useCaller } from './store.js';
import { closeCallerReport } from './view.js';

const FACT_PROBLEM = {
  calledAt: 'mysteryCaller.report.problem.calledAt',
  calledNumber: 'mysteryCaller.report.problem.calledNumber',
  fromNumber: 'mysteryCaller.report.problem.fromNumber',
  reply: 'mysteryCaller.report.problem.reply',
} as const satisfies Record<FactField, string>;

/** A field of the call's facts, with its hint and the hub's problem with it. */
function FactInput({
  field,
  label,
  hint,
  problems,
  children,
}: {
  field: FactField;
  label: string;
  hint?: string;
  problems: ReportProblems;
  children: (props: {
    id: string;
    'aria-invalid'?: true;
    'aria-describedby'?: string;
  }) => ReactNode;
}) {
  const { t } = useTranslation();
  const id = `caller-${field}`;
  const problem = problems.facts.includes(field);
  const described = [hint ? `${id}-hint` : null, problem ? `${id}-problem` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={problem ? 'caller-field problem' : 'caller-field'} data-field={field}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        ...(problem ? { 'aria-invalid': true as const } : {}),
        ...(described ? { 'aria-describedby': described } : {}),
      })}
      {hint ? (
        <p id={`${id}-hint`} className="small muted">
          {hint}
        </p>
      ) : null}
      {problem ? (
        <p id={`${id}-problem`} className="small error" role="alert">
          {t(FACT_PROBLEM[field])}
        </p>
      ) : null}
    </div>
  );
}

/** When the call started, from whom to whom, and the agent's name if heard. */
function CallFacts({
  form,
  problems,
  editable,
}: {
  form: ReportForm;
  problems: ReportProblems;
  editable: boolean;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="area caller-area">
      <legend>{t('mysteryCaller.report.call')}</legend>
      <FactInput
        field="calledAt"
        label={t('mysteryCaller.report.calledAt')}
        hint={editable ? t('mysteryCaller.report.calledAtHint') : undefined}
        problems={problems}
      >
        {(p) => (
          <input
            {...p}
            type="datetime-local"
            value={form.calledAt}
            readOnly={!editable}
            required
            onChange={(e) => editReport({ calledAt: e.target.value }, { fact: 'calledAt' })}
          />
        )}
      </FactInput>
      {editable ? (
        <div
          className="chips caller-ago"
          role="group"
          aria-label={t('mysteryCaller.report.calledAt')}
        >
          {MINUTES_AGO_CHOICES.map((m) => {
            const value = minutesBefore(new Date(), m);
            return (
              <button
                key={m}
                type="button"
                className="chip"
                onClick={() => editReport({ calledAt: value }, { fact: 'calledAt' })}
              >
                {m === 0
                  ? t('mysteryCaller.report.now')
                  : t('mysteryCaller.report.minutesAgo', { count: m })}
              </button>
            );
          })}
        </div>
      ) : null}
      <FactInput
        field="calledNumber"
        label={t('mysteryCaller.report.calledNumber')}
        problems={problems}
      >
        {(p) => (
          <input
            {...p}
            type="tel"
            autoComplete="off"
            value={form.calledNumber}
            readOnly={!editable}
            onChange={(e) => editReport({ calledNumber: e.target.value }, { fact: 'calledNumber' })}
          />
        )}
      </FactInput>
      <FactInput
        field="fromNumber"
        label={t('mysteryCaller.report.fromNumber')}
        hint={editable ? t('mysteryCaller.report.fromNumberHint') : undefined}
        problems={problems}
      >
        {(p) => (
          <input
            {...p}
            type="tel"
            autoComplete="tel"
            value={form.fromNumber}
            readOnly={!editable}
            onChange={(e) => editReport({ fromNumber: e.target.value }, { fact: 'fromNumber' })}
          />
        )}
      </FactInput>
      <div className="caller-field">
        <label htmlFor="caller-agent-name">{t('mysteryCaller.report.agentName')}</label>
        <input
          id="caller-agent-name"
          autoComplete="off"
          value={form.agentNameHeard}
          readOnly={!editable}
          aria-describedby={editable ? 'caller-agent-name-hint' : undefined}
          onChange={(e) => editReport({ agentNameHeard: e.target.value })}
        />
        {editable ? (
          <p id="caller-agent-name-hint" className="small muted">
            {t('mysteryCaller.report.agentNameHint')}
          </p>
        ) : null}
      </div>
    </fieldset>
  );
}

/** Where the report stands once filed: what happens next, or the manager's decision. */
function Standing({ opened, filed }: { opened: MysteryOpened; filed: boolean }) {
  const { t } = useTranslation();
  const status = opened.assignment.status;
  const shown = useRef<HTMLDivElement>(null);
  // Filed from the bottom of a long page: what happens next is brought into view.
  useEffect(() => {
    if (filed) shown.current?.scrollIntoView({ block: 'center' });
  }, [filed]);
  if (filed)
    return (
      <div ref={shown} className="notice ok caller-filed" role="status" data-testid="caller-filed">
        <div>
          <strong>{t('mysteryCaller.report.filedTitle')}</strong>
          <p className="small">{t('mysteryCaller.report.filedBody')}</p>
        </div>
      </div>
    );
  if (status === 'reported')
    return (
      <p className="notice" data-testid="caller-standing">
        {t('mysteryCaller.report.waiting')}
      </p>
    );
  if (status === 'approved')
    return (
      <p className="notice ok" data-testid="caller-standing">
        {t('mysteryCaller.report.approved')}
      </p>
    );
  if (status === 'rejected')
    return (
      <div className="notice" data-testid="caller-standing">
        <p>
          <strong>{t('mysteryCaller.report.rejected')}</strong> {opened.assignment.reviewNote ?? ''}
        </p>
      </div>
    );
  return null;
}

/**
 * The report, right after the call, on a phone: the manager's question first when it was
 * returned, the call's facts, the questionnaire in the caller's language with definitions under
 * the subjective questions, the ratings, the overall impression; Save draft and Submit, the
 * hub's problems on what they concern. After filing: what happens next.
 */
export function ReportView() {
  const { t } = useTranslation();
  const status = useCaller((s) => s.reportStatus);
  const error = useCaller((s) => s.reportError);
  const opened = useCaller((s) => s.opened);
  const form = useCaller((s) => s.form);
  const problems = useCaller((s) => s.problems);
  const saving = useCaller((s) => s.saving);
  const notice = useCaller((s) => s.saveNotice);
  const filed = useCaller((s) => s.filed);
  const reportId = useCaller((s) => s.reportId);
  const heading = useRef<HTMLHeadingElement>(null);
  const page = useRef<HTMLElement>(null);
  useFocusIfLost(heading, opened !== null);
  // Refused with problems: the first one marked is brought into view (the button is at the end).
  useEffect(() => {
    if (hasProblems(problems))
      page.current?.querySelector('.problem')?.scrollIntoView({ block: 'center' });
  }, [problems]);
  const back = <BackButton strings="mysteryCaller.report" onClick={closeCallerReport} />;
  if (!opened || !form)
    return (
      <section className="caller-report">
        {back}
        {status === 'failed' && error ? (
          <div className="row">
            <ErrorText message={error} />
            {reportId ? (
              <button type="button" onClick={() => void openReport(reportId)}>
                {t('mysteryCaller.retry')}
              </button>
            ) : null}
          </div>
        ) : (
          <p className="muted" role="status">
            {t('mysteryCaller.report.loading')}
          </p>
        )}
      </section>
    );
  const a = opened.assignment;
  const editable = isEditable(a);
  const items = shownItems(opened, form.answers);
  const count =
    Object.keys(problems.items).length +
    Object.keys(problems.ratings).length +
    problems.facts.length;
  return (
    <section
      ref={page}
      className="caller-report"
      aria-labelledby="caller-report-title"
      data-testid="caller-report"
    >
      {back}
      <h2 id="caller-report-title" ref={heading} tabIndex={-1}>
        {t('mysteryCaller.report.title', { title: a.scenario.title })}
      </h2>
      <p className="small muted">
        <CallWindow assignment={a} />
      </p>
      <Standing opened={opened} filed={filed} />
      {a.status === 'returned' && a.reviewNote ? (
        <div className="caller-question" data-testid="caller-returned">
          <strong>{t('mysteryCaller.report.question')}</strong>
          <p>{a.reviewNote}</p>
          <FactInput field="reply" label={t('mysteryCaller.report.reply')} problems={problems}>
            {(p) => (
              <textarea
                {...p}
                rows={3}
                maxLength={4000}
                value={form.reply}
                onChange={(e) => editReport({ reply: e.target.value }, { fact: 'reply' })}
              />
            )}
          </FactInput>
        </div>
      ) : null}
      {!editable && !filed ? (
        <p className="small muted">{t('mysteryCaller.report.readOnly')}</p>
      ) : null}
      <CallFacts form={form} problems={problems} editable={editable} />
      <section aria-labelledby="caller-questionnaire-title" className="caller-questionnaire">
        <h3 id="caller-questionnaire-title">{t('mysteryCaller.report.questionnaire')}</h3>
        {editable ? (
          <p className="small muted">{t('mysteryCaller.report.questionnaireHint')}</p>
        ) : null}
        <Questionnaire
          items={items}
          form={form}
          definitions={opened.programme.definitions}
          problems={problems}
          editable={editable}
        />
      </section>
      <Ratings
        ratings={opened.programme.ratings}
        form={form}
        problems={problems}
        editable={editable}
      />
      <div className="caller-field">
        <label htmlFor="caller-impression">{t('mysteryCaller.report.impression')}</label>
        <textarea
          id="caller-impression"
          rows={4}
          maxLength={4000}
          value={form.impression}
          readOnly={!editable}
          aria-describedby={editable ? 'caller-impression-hint' : undefined}
          onChange={(e) => editReport({ impression: e.target.value })}
        />
        {editable ? (
          <p id="caller-impression-hint" className="small muted">
            {t('mysteryCaller.report.impressionHint')}
          </p>
        ) : null}
      </div>
      {notice ? (
        <div
          className={notice.ok ? 'notice ok' : 'notice'}
          role={notice.ok ? 'status' : 'alert'}
          data-testid="caller-save-notice"
        >
          <span>
            {t(notice.message.key, notice.message.values)}
            {!notice.ok && hasProblems(problems) && count > 0
              ? ` ${t('mysteryCaller.report.problemCount', { count })}`
              : ''}
          </span>
        </div>
      ) : null}
      {editable ? (
        <div className="row caller-actions">
          <button type="button" disabled={saving !== null} onClick={() => void saveReport(false)}>
            {saving === 'draft'
              ? t('mysteryCaller.report.savingDraft')
              : t('mysteryCaller.report.saveDraft')}
          </button>
          <button
            type="button"
            className="primary"
            disabled={saving !== null}
            onClick={() => void saveReport(true)}
          >
            {saving === 'submit'
              ? t('mysteryCaller.report.submitting')
              : t('mysteryCaller.report.submit')}
          </button>
        </div>
      ) : null}
    </section>
  );
}

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CALIBRATION_PARTICIPANTS_MAX, type CalibrationSetup } from '@sidecoach/shared';
import { newId } from '../../lib/ids.js';
import { ErrorText } from '../../ui/ErrorText.js';
import { useRowContext } from '../qa/context.js';
import { LoadState, QaTable, Section } from '../qa/parts.js';
import {
  createFromDraft,
  emptyDraft,
  versionsNewestFirst,
  type DraftField,
  type DraftProblems,
  type SessionDraft,
} from './create-form.js';
import { ParticipantPicker } from './ParticipantPicker.js';
import { callsTable, newestCalls } from './rows.js';
import { closeCreate, createSession, useCalibration } from './store.js';

/** The facilitator's "New session": a call, a title, the scorecard version, people, a deadline. */
export function NewSessionForm() {
  const { t } = useTranslation();
  const setup = useCalibration((s) => s.create.setup);
  return (
    <Section title={t('calibration.create.title')} testId="cal-create">
      <LoadState status={setup.status} error={setup.error} />
      {setup.data ? <Form setup={setup.data} /> : null}
      {!setup.data ? (
        <div className="qa-actions">
          <button type="button" onClick={closeCreate}>
            {t('qa.cancel')}
          </button>
        </div>
      ) : null}
    </Section>
  );
}

function Form({ setup }: { setup: CalibrationSetup }) {
  const { t, i18n } = useTranslation();
  const c = useRowContext();
  const saving = useCalibration((s) => s.create.saving);
  const refusal = useCalibration((s) => s.create.refusal);
  // One id per form: sending it again (a lost answer) stores the session once.
  const [id] = useState(newId);
  const [d, setD] = useState<SessionDraft>(() => emptyDraft(new Date()));
  const [problems, setProblems] = useState<DraftProblems>({});
  const up = (p: Partial<SessionDraft>) => {
    setD({ ...d, ...p });
    setProblems({});
  };
  const calls = newestCalls(setup.calls);
  const versions = versionsNewestFirst(setup);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const made = createFromDraft(d, id, new Date());
    if ('problems' in made) return setProblems(made.problems);
    void createSession(d, id);
  };
  /** What is wrong with a field: the form's own check, else the hub's refusal naming it. */
  const problemAt = (field: DraftField) => {
    const own = problems[field];
    if (own)
      return (
        <p className="small warn" role="alert" id={`cal-new-${field}-problem`}>
          {t(`calibration.create.problem.${own}`, { max: CALIBRATION_PARTICIPANTS_MAX })}
        </p>
      );
    return refusal?.field === field ? <ErrorText message={refusal.message} small /> : null;
  };
  return (
    <form
      className="qa-form"
      onSubmit={submit}
      noValidate
      aria-label={t('calibration.create.title')}
    >
      <fieldset className="mgr-checks cal-calls" aria-describedby="cal-new-callId-hint">
        <legend>{t('calibration.create.call')}</legend>
        <p className="mgr-hint" id="cal-new-callId-hint">
          {t('calibration.create.callHint')}
        </p>
        {problemAt('callId')}
        <QaTable
          caption={t('calibration.create.callsCaption', { count: calls.length })}
          fileName="calibration-calls"
          table={callsTable(setup.calls, c)}
          testId="cal-calls"
          empty={t('calibration.create.noCalls')}
          actionHeader={t('calibration.create.choose')}
          action={(i) => {
            const call = calls[i]!;
            return (
              <label className="check">
                <input
                  type="radio"
                  name="cal-new-call"
                  checked={d.callId === call.callId}
                  onChange={() => up({ callId: call.callId })}
                />
                {t('calibration.create.choose')}
                <span className="visually-hidden">
                  {' '}
                  {t('calibration.create.chooseLabel', {
                    name: call.agentName,
                    date: new Intl.DateTimeFormat(i18n.language, {
                      dateStyle: 'medium',
                      timeStyle: 'short',
                    }).format(new Date(call.startedAt)),
                  })}
                </span>
              </label>
            );
          }}
        />
      </fieldset>
      <div className="qa-grid">
        <div className="field">
          <label htmlFor="cal-new-title">{t('calibration.create.name')}</label>
          <input
            id="cal-new-title"
            value={d.title}
            maxLength={200}
            aria-invalid={problems.title ? true : undefined}
            onChange={(e) => up({ title: e.target.value })}
          />
          {problemAt('title')}
        </div>
        <div className="field">
          <label htmlFor="cal-new-version">{t('calibration.create.version')}</label>
          <select
            id="cal-new-version"
            value={d.packVersion}
            onChange={(e) => up({ packVersion: e.target.value })}
          >
            {versions.map((v, i) => (
              <option key={v} value={i === 0 ? '' : String(v)}>
                {i === 0
                  ? t('calibration.create.newest', { version: v })
                  : t('calibration.create.versionN', { version: v })}
              </option>
            ))}
          </select>
          {problemAt('packVersion')}
        </div>
        <div className="field">
          <label htmlFor="cal-new-deadline">{t('calibration.create.deadline')}</label>
          <input
            id="cal-new-deadline"
            type="datetime-local"
            value={d.deadline}
            aria-invalid={problems.deadline ? true : undefined}
            onChange={(e) => up({ deadline: e.target.value })}
          />
          {problemAt('deadline')}
        </div>
      </div>
      <ParticipantPicker
        people={setup.people}
        chosen={d.participantIds}
        onChange={(participantIds) => up({ participantIds })}
      >
        {problemAt('participantIds')}
      </ParticipantPicker>
      {refusal && refusal.field === null ? <ErrorText message={refusal.message} /> : null}
      <div className="qa-actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? t('calibration.create.creating') : t('calibration.create.create')}
        </button>
        <button type="button" onClick={closeCreate} disabled={saving}>
          {t('qa.cancel')}
        </button>
        <span className="small muted" data-testid="cal-new-count">
          {t('calibration.create.chosen', { count: d.participantIds.length })}
        </span>
      </div>
    </form>
  );
}

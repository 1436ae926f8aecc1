import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MysteryOpened } from '@sidecoach/shared';
import { newId } from '../../lib/ids.js';
import { ChangeNotice } from '../../ui/ChangeNotice.js';
import { createFromDraft, emptyDraft } from '../calibration/create-form.js';
import { ParticipantPicker } from '../calibration/ParticipantPicker.js';
import { openQaLazily } from '../qa/lazy-store.js';
import { LoadLine, Part, Problems } from './parts.js';
import { createCalibration, loadCalibrationSetup, useMystery } from './store.js';
import { closeMystery } from './view.js';

/**
 * An approved mystery call, matched to the agent's call, as a calibration session: evaluators
 * score that call blind from its recording (the report's answers are not theirs to see), then
 * compare. Opens the session on the Quality view's calibration tab once made.
 */
export function CalibratePanel({ opened }: { opened: MysteryOpened }) {
  const { t } = useTranslation();
  const setup = useMystery((s) => s.calibrate);
  const callId = opened.report?.match.callId ?? null;
  const [id] = useState(newId);
  const [d, setD] = useState(() => ({
    ...emptyDraft(new Date()),
    callId: callId ?? '',
    title: t('mystery.calibrate.defaultTitle', { scenario: opened.assignment.scenario.title }),
    packVersion: String(opened.programme.packVersion),
  }));
  const [tried, setTried] = useState(false);
  useEffect(() => void loadCalibrationSetup(), []);
  if (!callId) return null;
  const made = createFromDraft(d, id, new Date());
  const problems = tried && 'problems' in made ? Object.values(made.problems) : [];
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!('payload' in made)) return;
    const session = await createCalibration({
      ...made.payload,
      mysteryAssignmentId: opened.assignment.id,
    });
    if (!session) return;
    closeMystery();
    openQaLazily('calibration', session);
  };
  return (
    <Part title={t('mystery.calibrate.title')} testId="mys-calibrate">
      <p className="mgr-hint">{t('mystery.calibrate.intro')}</p>
      <LoadLine status={setup.status} error={setup.error} empty={!setup.data} />
      {setup.data ? (
        <form className="qa-form" onSubmit={(e) => void submit(e)} noValidate>
          <div className="field">
            <label htmlFor="mys-cal-title">{t('calibration.create.name')}</label>
            <input
              id="mys-cal-title"
              value={d.title}
              maxLength={200}
              onChange={(e) => setD({ ...d, title: e.target.value })}
            />
          </div>
          <ParticipantPicker
            people={setup.data.people}
            chosen={d.participantIds}
            className="mgr-checks mys-cal-people"
            onChange={(participantIds) => setD({ ...d, participantIds })}
          />
          <div className="field mys-grade">
            <label htmlFor="mys-cal-deadline">{t('calibration.create.deadline')}</label>
            <input
              id="mys-cal-deadline"
              type="datetime-local"
              value={d.deadline}
              onChange={(e) => setD({ ...d, deadline: e.target.value })}
            />
          </div>
          <Problems
            lines={problems.map((p) => t(`calibration.create.problem.${p}`, { max: 30 }))}
            testId="mys-calibrate-problems"
          />
          <div className="qa-actions">
            <button type="submit" className="primary" disabled={setup.busy}>
              {setup.busy ? t('calibration.create.creating') : t('calibration.create.create')}
            </button>
          </div>
          <ChangeNotice notice={setup.notice} testId="mys-calibrate-notice" />
        </form>
      ) : null}
    </Part>
  );
}

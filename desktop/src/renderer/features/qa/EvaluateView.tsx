import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  coachingLanguageOf,
  localize,
  type Answer,
  type DisputeRecord,
  type EvaluationOpened,
} from '@sidecoach/shared';
import { useSession } from '../../hub/session-store.js';
import { CheckedText, overLimit } from '../coaching-text/CheckedText.js';
import { useLanguageCheck, useNoteLanguage } from '../coaching-text/note-language.js';
import { callTypeName } from '../../lib/format.js';
import { CallFactsPanel } from './CallFactsPanel.js';
import {
  closeEvaluation,
  releaseEvaluation,
  resolveDispute,
  saveEvaluation,
  setAnswer,
  setComment,
  setNoteLang,
  setTips,
  useEvaluate,
} from './evaluate.js';
import { DisputeHistory, ScoreSummary, useAnswerText, Versions } from './EvaluationParts.js';
import { formProblems, isEditable, liveScore, shownItems, type EvaluationForm } from './form.js';
import { ErrorText, Notice } from './parts.js';
import { ANSWERS, itemProblems, SheetItems, type SheetHandlers } from './SheetItems.js';
import { showTab } from './store.js';
import { dayOf, itemName } from './rows.js';
import '../../ui/columns.css';

const TIPS_MAX = 4000;
const HANDLERS: SheetHandlers = { onAnswer: setAnswer, onComment: setComment };

/** Evaluating a call: the scorecard (live score) beside the call's facts. */
export function EvaluateView() {
  const { t, i18n } = useTranslation();
  const { status, error, opened, form } = useEvaluate();
  const heading = useRef<HTMLHeadingElement>(null);
  return (
    <div className="qa-evaluate">
      <div className="row">
        <button
          type="button"
          className="link back"
          aria-label={t('qa.evaluate.backLabel')}
          onClick={() => {
            closeEvaluation();
            showTab();
          }}
        >
          {t('qa.evaluate.back')}
        </button>
      </div>
      {status === 'loading' ? (
        <p className="muted" role="status">
          {t('qa.loading')}
        </p>
      ) : null}
      {status === 'failed' && error ? <ErrorText message={error} /> : null}
      {opened && form ? (
        <>
          <h2 ref={heading} tabIndex={-1} data-testid="qa-evaluate-title">
            {t('qa.evaluate.title', {
              name: opened.facts.agentName,
              type: callTypeName(opened.pack, opened.facts.callType, i18n.language),
            })}
          </h2>
          <Header opened={opened} />
          <div className="split-columns qa-columns">
            <div className="split-column">
              <Scorecard opened={opened} form={form} />
            </div>
            <div className="split-column">
              <CallFactsPanel opened={opened} />
            </div>
          </div>
        </>
      ) : null}
    </div>
  );
}

function Header({ opened }: { opened: EvaluationOpened }) {
  const { t, i18n } = useTranslation();
  const e = opened.evaluation;
  return (
    <div className="qa-status-line small" data-testid="qa-evaluation-status">
      {e ? (
        <>
          <span className={`pill qa-status-${e.status}`}>{t(`qa.status.${e.status}`)}</span>
          <span>{t('qa.versions.version', { version: e.version })}</span>
        </>
      ) : (
        <span className="pill">{t('qa.status.new')}</span>
      )}
      <span className="muted">
        {t('qa.evaluate.packVersion', {
          name: localize(opened.pack.name, i18n.language),
          version: opened.pack.version,
        })}
      </span>
      {opened.assignment ? (
        <span className="muted">
          {t('qa.evaluate.due', { date: dayOf(i18n.language, opened.assignment.due) })}
        </span>
      ) : null}
      {e?.source === 'import' ? (
        <p className="qa-imported" role="note">
          {t('qa.evaluate.importedFrom', { name: e.evaluatorName })}
        </p>
      ) : e && e.source === 'app' && e.evaluatorName ? (
        <span className="muted">{t('qa.evaluate.by', { name: e.evaluatorName })}</span>
      ) : null}
    </div>
  );
}

function Scorecard({ opened, form }: { opened: EvaluationOpened; form: EvaluationForm }) {
  const { t, i18n } = useTranslation();
  const user = useSession((s) => s.session?.user);
  const { saving, notice, showProblems, dirty } = useEvaluate();
  const check = useLanguageCheck();
  const [noteLang] = useNoteLanguage();
  const editable = user ? isEditable(opened, user.id) : false;
  const items = shownItems(opened, form);
  const problems = formProblems(opened, form);
  const score = liveScore(opened, form);
  const e = opened.evaluation;
  const openDispute = e?.disputes.find((d) => d.status === 'open') ?? null;
  // Only the dispute's arbitrator decides it (the plan's, else the original evaluator).
  const canResolve = openDispute !== null && openDispute.arbitratorId === user?.id;
  const lang = coachingLanguageOf(form.lang) ?? noteLang;
  const stored = e?.score ?? null;
  return (
    <div className="qa-scorecard">
      <div className="card qa-score-card">
        <h3>{editable ? t('qa.score.live') : t('qa.score.title')}</h3>
        {/* Being written: scored live. Stored: as the hub scored it (an import may have none). */}
        {editable || e === null ? (
          <ScoreSummary score={score} pack={opened.pack} live />
        ) : stored ? (
          <ScoreSummary score={stored} pack={opened.pack} />
        ) : (
          <p className="small muted" data-testid="qa-score">
            {t('qa.score.none')}
          </p>
        )}
      </div>
      {/* The arbitrator's decision first: "Decide" in the disputes list opens on it, not a
          scorecard's length above it (each point names its item, answer and proposal). */}
      {openDispute && canResolve ? (
        <ResolveForm key={openDispute.id} dispute={openDispute} opened={opened} />
      ) : null}
      <form
        className="card qa-items"
        aria-label={t('qa.evaluate.scorecard')}
        onSubmit={(ev) => {
          ev.preventDefault();
          void saveEvaluation(true);
        }}
        noValidate
      >
        <SheetItems
          items={items}
          form={form}
          editable={editable}
          problems={itemProblems(problems, showProblems)}
          guidance={opened.guidance}
          handlers={HANDLERS}
        />
        {editable ? (
          <CheckedText
            id="qa-tips"
            label={t('qa.evaluate.tips')}
            hint={t('qa.evaluate.tipsHint')}
            value={form.tips}
            onChange={setTips}
            maxLength={TIPS_MAX}
            check={check}
            lang={lang}
            onLangChange={setNoteLang}
            rows={3}
          />
        ) : form.tips ? (
          <div className="qa-tips-read">
            <h4>{t('qa.evaluate.tips')}</h4>
            <p lang={form.lang}>{form.tips}</p>
          </div>
        ) : null}
        <Notice notice={notice} />
        {editable ? (
          <div className="qa-actions">
            <button
              type="button"
              disabled={saving !== null || overLimit(form.tips, TIPS_MAX)}
              onClick={() => void saveEvaluation(false)}
            >
              {saving === 'draft' ? t('qa.saving') : t('qa.evaluate.saveDraft')}
            </button>
            <button
              type="submit"
              className="primary"
              disabled={saving !== null || overLimit(form.tips, TIPS_MAX)}
            >
              {saving === 'submit' ? t('qa.saving') : t('qa.evaluate.submit')}
            </button>
            {dirty ? <span className="small muted">{t('qa.evaluate.unsaved')}</span> : null}
          </div>
        ) : null}
        {e && e.status === 'submitted' && (e.evaluatorId === user?.id || user?.role === 'admin') ? (
          <div className="qa-actions">
            <p className="small muted">{t('qa.evaluate.releaseHint')}</p>
            <button
              type="button"
              className="primary"
              disabled={saving !== null || dirty}
              onClick={() => void releaseEvaluation()}
            >
              {saving === 'release' ? t('qa.saving') : t('qa.evaluate.release')}
            </button>
          </div>
        ) : null}
      </form>
      {e ? (
        <div className="card">
          {e.disputeUntil ? (
            <p className="small muted">
              {t('qa.evaluate.disputeUntil', { date: dayOf(i18n.language, e.disputeUntil) })}
            </p>
          ) : null}
          <DisputeHistory evaluation={e} pack={opened.pack} />
          <Versions evaluation={e} pack={opened.pack} numbers />
          {e.disputes.length === 0 && e.previous.length === 0 && !e.disputeUntil ? (
            <p className="small muted">{t('qa.evaluate.noHistory')}</p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

/** The arbitrator decides a dispute point by point, with a reason the agent reads. */
function ResolveForm({ dispute, opened }: { dispute: DisputeRecord; opened: EvaluationOpened }) {
  const { t, i18n } = useTranslation();
  const answerText = useAnswerText();
  const saving = useEvaluate((s) => s.saving);
  const current = opened.evaluation?.answers ?? {};
  const [points, setPoints] = useState(() =>
    dispute.points.map((p) => ({
      accept: null as boolean | null,
      answer:
        p.proposed ??
        (p.itemId && current[p.itemId] ? (current[p.itemId] === 'yes' ? 'no' : 'yes') : null),
    })),
  );
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const undecided = points.some((p) => p.accept === null);
  const missingReason = reason.trim() === '';
  const set = (i: number, p: Partial<(typeof points)[number]>) =>
    setPoints(points.map((x, j) => (j === i ? { ...x, ...p } : x)));
  const submit = () => {
    setTried(true);
    if (undecided || missingReason) return;
    void resolveDispute({
      disputeId: dispute.id,
      points: points.map((p, i) => ({
        accept: p.accept === true,
        answer: p.accept && dispute.points[i]!.itemId ? (p.answer as Answer) : null,
      })),
      reason: reason.trim(),
    });
  };
  return (
    <section
      className="card qa-resolve"
      aria-labelledby="qa-resolve-title"
      data-testid="qa-resolve"
    >
      <h3 id="qa-resolve-title">{t('qa.resolve.title', { name: dispute.agentName })}</h3>
      {dispute.points.map((p, i) => {
        const name = itemName(opened.pack, p.itemId, i18n.language, t);
        const id = `qa-resolve-${i}`;
        const item = p.itemId
          ? opened.pack.areas.flatMap((a) => a.items).find((x) => x.id === p.itemId)
          : undefined;
        return (
          <fieldset key={i} className="qa-point">
            <legend>{name}</legend>
            <p className="small">
              {p.itemId
                ? t('qa.resolve.answered', { answer: answerText(current[p.itemId]) })
                : null}{' '}
              {p.proposed ? t('qa.resolve.proposed', { answer: answerText(p.proposed) }) : null}
            </p>
            <blockquote className="small">{p.reason}</blockquote>
            <div
              className="segmented two"
              role="radiogroup"
              aria-label={t('qa.resolve.decision', { item: name })}
            >
              {[true, false].map((accept) => (
                <label
                  key={String(accept)}
                  className={points[i]!.accept === accept ? 'on' : undefined}
                >
                  <input
                    type="radio"
                    name={id}
                    checked={points[i]!.accept === accept}
                    onChange={() => set(i, { accept })}
                  />
                  {accept ? t('qa.resolve.accept') : t('qa.resolve.reject')}
                </label>
              ))}
            </div>
            {points[i]!.accept && p.itemId ? (
              <div className="field">
                <label htmlFor={`${id}-answer`}>{t('qa.resolve.newAnswer')}</label>
                <select
                  id={`${id}-answer`}
                  value={points[i]!.answer ?? ''}
                  onChange={(e) => set(i, { answer: e.target.value as Answer })}
                >
                  {ANSWERS.filter((a) => a !== 'na' || item?.naAllowed !== false).map((a) => (
                    <option key={a} value={a}>
                      {answerText(a)}
                    </option>
                  ))}
                </select>
              </div>
            ) : null}
            {tried && points[i]!.accept === null ? (
              <p className="small warn" role="alert">
                {t('qa.resolve.decide')}
              </p>
            ) : null}
          </fieldset>
        );
      })}
      <label className="qa-comment">
        {t('qa.resolve.reason')}
        <textarea
          rows={3}
          value={reason}
          maxLength={2000}
          aria-invalid={(tried && missingReason) || undefined}
          onChange={(e) => setReason(e.target.value)}
        />
      </label>
      {tried && missingReason ? (
        <p className="small warn" role="alert">
          {t('qa.resolve.reasonRequired')}
        </p>
      ) : null}
      <div className="qa-actions">
        <button type="button" className="primary" disabled={saving !== null} onClick={submit}>
          {saving === 'resolve' ? t('qa.saving') : t('qa.resolve.submit')}
        </button>
      </div>
    </section>
  );
}

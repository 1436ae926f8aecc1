import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  localize,
  scorecardFor,
  type Answer,
  type DisputePoint,
  type Evaluation,
} from '@sidecoach/shared';
import { isNetworkMessage } from '../../hub/errors.js';
import { useSession } from '../../hub/session-store.js';
import { callTypeName } from '../../lib/format.js';
import { localDay } from '../../lib/time.js';
import { useCalls } from '../call/store.js';
import { DisputeHistory, ScoreSummary, useAnswerText, Versions } from './EvaluationParts.js';
import { acknowledge, dispute, loadMine, useMine } from './mine.js';
import { Notice } from './parts.js';
import { dateOf, dayOf, itemName } from './rows.js';
import '../../ui/manager.css';
import './qa.css';

const SHOWN = 3;

/**
 * The agent's released evaluations in the sidebar, newest first: what was seen on the call,
 * item by item with the evaluator's comments and tips; acknowledge, or dispute within the
 * window. No score where the team coaches on behaviours, not scores (the hub sends none).
 */
export default function MyEvaluations() {
  const { t } = useTranslation();
  const role = useSession((s) => s.session?.user.role);
  const { status, error, evaluations } = useMine();
  const [all, setAll] = useState(false);
  useEffect(() => {
    if (role === 'agent' && useMine.getState().status === 'idle') void loadMine();
  }, [role]);
  if (role !== 'agent' || status === 'idle') return null;
  if (status === 'failed' && (isNetworkMessage(error) || error?.key === 'errors.forbidden'))
    return null;
  if (status === 'loaded' && evaluations.length === 0) return null;
  const shown = all ? evaluations : evaluations.slice(0, SHOWN);
  return (
    <section className="history my-evaluations" aria-labelledby="my-evaluations-title">
      <h2 id="my-evaluations-title">{t('qa.mine.title')}</h2>
      {status === 'failed' && error ? (
        <p className="error small" role="alert">
          {t(error.key, error.values)}
        </p>
      ) : null}
      <ul>
        {shown.map((e) => (
          <MyEvaluation key={e.id} evaluation={e} />
        ))}
      </ul>
      {evaluations.length > SHOWN ? (
        <button type="button" className="link" onClick={() => setAll(!all)}>
          {all
            ? t('qa.mine.showLess')
            : t('qa.mine.showAll', { count: evaluations.length - SHOWN })}
        </button>
      ) : null}
    </section>
  );
}

function MyEvaluation({ evaluation: e }: { evaluation: Evaluation }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const pack = useCalls((s) => s.pack);
  const busy = useMine((s) => s.busy === e.id);
  const notice = useMine((s) => (s.notice?.evaluationId === e.id ? s.notice : null));
  const answerText = useAnswerText();
  const [open, setOpen] = useState(e.status === 'released' || e.status === 'resolved');
  const [disputing, setDisputing] = useState(false);
  const openDispute = e.disputes.some((d) => d.status === 'open');
  const canDispute =
    e.disputeUntil !== null &&
    localDay() <= e.disputeUntil &&
    !openDispute &&
    // Once per version (a re-scored version may be disputed again), before acknowledging.
    !e.disputes.some((d) => d.version === e.version) &&
    (e.status === 'released' || e.status === 'resolved');
  const itemIds = Object.keys(e.answers);
  const ordered = pack
    ? [
        ...(e.callType ? scorecardFor(pack, e.callType).map((s) => s.item.id) : []),
        ...itemIds,
      ].filter((id, i, list) => itemIds.includes(id) && list.indexOf(id) === i)
    : itemIds;
  const detailsId = `my-evaluation-${e.id}`;
  return (
    <li className="my-evaluation" data-testid="my-evaluation">
      <div className="row">
        <p className="small">
          <strong>{e.callType ? callTypeName(pack, e.callType, lang) : t('qa.mine.call')}</strong>
          {e.releasedAt ? ` · ${dateOf(lang, e.releasedAt)}` : ''}
        </p>
        <span className={`pill qa-status-${e.status}`}>{t(`qa.status.${e.status}`)}</span>
      </div>
      <p className="small muted">
        {e.source === 'import'
          ? t('qa.imported', { name: e.evaluatorName })
          : t('qa.evaluate.by', { name: e.evaluatorName })}
        {e.version > 1 ? ` · ${t('qa.versions.version', { version: e.version })}` : ''}
      </p>
      {e.score ? <ScoreSummary score={e.score} pack={pack} /> : null}
      <button
        type="button"
        className="link small"
        aria-expanded={open}
        aria-controls={detailsId}
        onClick={() => setOpen(!open)}
      >
        {open ? t('qa.mine.hideDetails') : t('qa.mine.showDetails')}
      </button>
      {open ? (
        <div id={detailsId} className="qa-mine-details">
          <ul className="qa-mine-items">
            {ordered.map((id) => (
              <li key={id} className={`small qa-answer-row ${e.answers[id] ?? ''}`}>
                <span>{pack ? itemName(pack, id, lang, t) : id}</span>
                <strong>{answerText(e.answers[id])}</strong>
                {e.comments[id] ? <p className="muted">{e.comments[id]}</p> : null}
              </li>
            ))}
          </ul>
          {e.tips ? (
            <div className="qa-tips-read">
              <h3 className="small-title">{t('qa.mine.tips')}</h3>
              <p lang={e.lang}>{e.tips}</p>
            </div>
          ) : null}
          <DisputeHistory evaluation={e} pack={pack} />
          <Versions evaluation={e} pack={pack} numbers={e.score !== null} />
        </div>
      ) : null}
      <Notice notice={notice} />
      <div className="qa-actions">
        {e.status === 'released' || e.status === 'resolved' ? (
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() => void acknowledge(e.id)}
          >
            {t('qa.mine.acknowledge')}
          </button>
        ) : null}
        {canDispute && !disputing ? (
          <button type="button" disabled={busy} onClick={() => setDisputing(true)}>
            {t('qa.mine.dispute')}
          </button>
        ) : null}
      </div>
      {canDispute && e.disputeUntil ? (
        <p className="small muted">
          {t('qa.mine.disputeUntil', { date: dayOf(lang, e.disputeUntil) })}
        </p>
      ) : null}
      {disputing ? (
        <DisputeForm
          evaluation={e}
          itemIds={ordered}
          onDone={() => setDisputing(false)}
          itemText={(id) => {
            const item = pack?.areas.flatMap((a) => a.items).find((i) => i.id === id);
            return item ? localize(item.text, lang) : id;
          }}
        />
      ) : null}
    </li>
  );
}

interface PointDraft {
  itemId: string;
  reason: string;
  proposed: Answer | '';
}

const WHOLE = '';

/** A dispute: per item or overall, each with a reason and, for an item, an answer proposed. */
function DisputeForm({
  evaluation,
  itemIds,
  itemText,
  onDone,
}: {
  evaluation: Evaluation;
  itemIds: string[];
  itemText: (id: string) => string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const answerText = useAnswerText();
  const busy = useMine((s) => s.busy === evaluation.id);
  const [points, setPoints] = useState<PointDraft[]>([
    {
      itemId: itemIds.find((id) => evaluation.answers[id] === 'no') ?? WHOLE,
      reason: '',
      proposed: '',
    },
  ]);
  const [tried, setTried] = useState(false);
  const set = (i: number, p: Partial<PointDraft>) =>
    setPoints(points.map((x, j) => (j === i ? { ...x, ...p } : x)));
  const submit = async () => {
    setTried(true);
    if (points.some((p) => p.reason.trim() === '')) return;
    const payload: DisputePoint[] = points.map((p) => ({
      itemId: p.itemId === WHOLE ? null : p.itemId,
      reason: p.reason.trim(),
      proposed: p.itemId !== WHOLE && p.proposed ? p.proposed : null,
    }));
    if (await dispute(evaluation.id, payload)) onDone();
  };
  const base = `dispute-${evaluation.id}`;
  return (
    <form
      className="qa-dispute-form"
      aria-label={t('qa.mine.disputeTitle')}
      onSubmit={(ev) => {
        ev.preventDefault();
        void submit();
      }}
      noValidate
    >
      <h3 className="small-title">{t('qa.mine.disputeTitle')}</h3>
      {points.map((p, i) => (
        <fieldset key={i} className="qa-point">
          <legend>{t('qa.mine.point', { n: i + 1 })}</legend>
          <label>
            {t('qa.mine.about')}
            <select
              value={p.itemId}
              onChange={(e) => set(i, { itemId: e.target.value, proposed: '' })}
            >
              <option value={WHOLE}>{t('qa.dispute.whole')}</option>
              {itemIds.map((id) => (
                <option key={id} value={id}>
                  {itemText(id)} ({answerText(evaluation.answers[id])})
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('qa.mine.reason')}
            <textarea
              id={`${base}-reason-${i}`}
              rows={3}
              maxLength={2000}
              value={p.reason}
              aria-invalid={(tried && p.reason.trim() === '') || undefined}
              onChange={(e) => set(i, { reason: e.target.value })}
            />
          </label>
          {tried && p.reason.trim() === '' ? (
            <p className="small warn" role="alert">
              {t('qa.mine.reasonRequired')}
            </p>
          ) : null}
          {p.itemId !== WHOLE ? (
            <label>
              {t('qa.mine.proposed')}
              <select
                value={p.proposed}
                onChange={(e) => set(i, { proposed: e.target.value as Answer | '' })}
              >
                <option value="">{t('qa.mine.noProposal')}</option>
                {(['yes', 'no', 'na'] as const).map((a) => (
                  <option key={a} value={a}>
                    {answerText(a)}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          {points.length > 1 ? (
            <button
              type="button"
              className="link small"
              onClick={() => setPoints(points.filter((_, j) => j !== i))}
            >
              {t('qa.mine.removePoint')}
            </button>
          ) : null}
        </fieldset>
      ))}
      <div className="qa-actions">
        <button
          type="button"
          className="link"
          onClick={() => setPoints([...points, { itemId: WHOLE, reason: '', proposed: '' }])}
        >
          {t('qa.mine.addPoint')}
        </button>
      </div>
      <div className="qa-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('qa.saving') : t('qa.mine.sendDispute')}
        </button>
        <button type="button" onClick={onDone} disabled={busy}>
          {t('qa.cancel')}
        </button>
      </div>
    </form>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { shortDateTime, scorePercent } from '../../lib/format.js';
import { localize, type CallRecord, type StandardsPack } from '@sidecoach/shared';
import { useNumbersHidden } from '../reflection/store.js';
import { packOfCall, useCalls } from '../call/store.js';
import { callIdsOf } from '../call/replay.js';
import { formatDuration } from '../../lib/time.js';
import { AssessmentForm } from '../assessment/AssessmentForm.js';
import './history.css';

function Outcome({ call }: { call: CallRecord }) {
  const { t, i18n } = useTranslation();
  const hidden = useNumbersHidden();
  const a = call.assessment;
  if (!a) return <span className="muted">{t('history.pending')}</span>;
  if (a.status === 'skipped') return <span className="muted">{t('history.skipped')}</span>;
  // Coached on behaviours, not scores: that it was assessed, never the number.
  if (hidden) return <span className="muted">{t('reflection.assessed')}</span>;
  if (!a.score || a.score.percent === null)
    return <span className="muted">{t('history.notAssessable')}</span>;
  return (
    <span className={a.score.passed === false ? 'score fail' : 'score'}>
      {scorePercent(a.score.percent, i18n.language)}
      {a.score.passed === false ? ` · ${t('history.failed')}` : ''}
    </span>
  );
}

export function RecentCalls({ calls, pack }: { calls: CallRecord[]; pack: StandardsPack }) {
  const { t, i18n } = useTranslation();
  const unsynced = callIdsOf(useCalls((s) => s.pending));
  const packs = useCalls((s) => s.packs);
  const ended = calls.filter((c) => c.endedAt !== null);
  const time = shortDateTime(i18n.language);
  /** The skipped call whose self-assessment the agent completes now. */
  const [completing, setCompleting] = useState<string | null>(null);
  return (
    <section className="history" aria-labelledby="history-title">
      <h2 id="history-title">{t('history.title')}</h2>
      {ended.length === 0 ? <p className="muted">{t('history.empty')}</p> : null}
      <ul>
        {ended.map((call) => {
          const type = pack.callTypes.find((ct) => ct.id === call.callType);
          return (
            <li key={call.id} data-testid="recent-call">
              <div className="row">
                <strong>{type ? localize(type.name, i18n.language) : call.callType}</strong>
                <Outcome call={call} />
              </div>
              <div className="row small muted">
                <span>{time.format(new Date(call.startedAt))}</span>
                <span>{formatDuration(call.durationMs ?? 0)}</span>
              </div>
              {call.assessment?.nextTime ? (
                <p className="small next">“{call.assessment.nextTime}”</p>
              ) : null}
              {unsynced.has(call.id) ? <p className="small warn">{t('history.unsynced')}</p> : null}
              {call.assessment?.status === 'skipped' ? (
                completing === call.id ? (
                  <AssessmentForm
                    call={call}
                    pack={packOfCall({ pack, packs }, call) ?? pack}
                    onClose={() => setCompleting(null)}
                  />
                ) : (
                  <button type="button" onClick={() => setCompleting(call.id)}>
                    {t('history.assessNow')}
                  </button>
                )
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

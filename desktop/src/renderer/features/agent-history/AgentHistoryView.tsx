import { useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  localize,
  scorecardItemsFor,
  checklistFor,
  type AgentHistory,
  type CallRecord,
  type CoachingNoteRecord,
  type ObservationRecord,
  type StandardsPack,
} from '@sidecoach/shared';
import { downloadCsv } from '../../lib/csv.js';
import { useFocusIfLost } from '../../lib/focus.js';
import { callTypeName, shortDateTime, scorePercent } from '../../lib/format.js';
import { formatDuration } from '../../lib/time.js';
import { BackButton } from '../../ui/BackButton.js';
import { ReplyShown } from '../coach-notes/NoteReply.js';
import { LongText } from '../../ui/LongText.js';
import { PeriodPicker } from '../../ui/PeriodPicker.js';
import { CallTypeSelect } from '../../ui/CallTypeSelect.js';
import { useCalls } from '../call/store.js';
import { contentOf, NoteBody } from '../coach-notes/note-parts.js';
import { closeHistory, setHistoryFilters, useAgentHistory } from './store.js';
import { callChoices, RecogniseButton } from '../recognition/RecogniseButton.js';
import { ShoutoutComposer } from '../recognition/lazy-composer.js';
import './agent-history.css';
// The score's colours, as the agent's recent calls show them (no longer in the first load).
import '../history/history.css';

function Outcome({ call }: { call: CallRecord }) {
  const { t, i18n } = useTranslation();
  const a = call.assessment;
  if (!a) return <span className="muted">{t('history.pending')}</span>;
  if (a.status === 'skipped') return <span className="muted">{t('history.skipped')}</span>;
  if (!a.score || a.score.percent === null)
    return <span className="muted">{t('reflection.assessed')}</span>;
  return (
    <span className={a.score.passed === false ? 'score fail' : 'score'}>
      {scorePercent(a.score.percent, i18n.language)}
      {a.score.passed === false ? ` · ${t('history.failed')}` : ''}
    </span>
  );
}

function Notes({
  observations,
  coachingNotes,
  pack,
}: {
  observations: ObservationRecord[];
  coachingNotes: CoachingNoteRecord[];
  pack: StandardsPack | null;
}) {
  const { t, i18n } = useTranslation();
  const agentName = useAgentHistory((s) => s.data?.agent.displayName ?? '');
  const time = shortDateTime(i18n.language);
  if (observations.length === 0 && coachingNotes.length === 0) return null;
  return (
    <ul className="plain history-notes">
      {observations.map((o) => (
        <li key={o.id} data-testid="history-observation">
          <p className="small muted">
            {o.authorName} · {time.format(new Date(o.at))} ·{' '}
            {t(o.visibility === 'shared' ? 'composer.shared' : 'composer.private')}
          </p>
          <NoteBody note={contentOf(o)} pack={pack} />
        </li>
      ))}
      {coachingNotes.map((n) => (
        <li key={n.id} data-testid="history-coaching-note">
          <p className="small muted">
            {t('agentHistory.coachingNote', { name: n.authorName })} · {time.format(new Date(n.at))}
          </p>
          <LongText className="note-text" text={n.text} />
          <ReplyShown note={n} agentName={agentName} />
        </li>
      ))}
    </ul>
  );
}

/** One past call: what was ticked, the self-assessment's answers, the notes on it. */
function CallEntry({
  call,
  pack,
  observations,
  coachingNotes,
}: {
  call: CallRecord;
  pack: StandardsPack | null;
  observations: ObservationRecord[];
  coachingNotes: CoachingNoteRecord[];
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const time = shortDateTime(lang);
  const items = pack ? checklistFor(pack, call.callType).flatMap((a) => a.items) : [];
  const scorecard = pack ? scorecardItemsFor(pack, call.callType) : [];
  const answers = call.assessment?.answers ?? {};
  return (
    <li className="history-call" data-testid="history-call">
      <details>
        <summary>
          <span className="row">
            <strong>{callTypeName(pack, call.callType, lang)}</strong>
            <Outcome call={call} />
          </span>
          <span className="row small muted">
            <span>{time.format(new Date(call.startedAt))}</span>
            <span>
              {t('agentHistory.ticked', { done: call.ticked.length, total: items.length })} ·{' '}
              {formatDuration(call.durationMs ?? 0)}
              {observations.length + coachingNotes.length > 0
                ? ` · ${t('agentHistory.notes', { count: observations.length + coachingNotes.length })}`
                : ''}
            </span>
          </span>
        </summary>
        <h4>{t('agentHistory.checklist')}</h4>
        <ul className="plain small history-items">
          {items.map((item) => {
            const ticked = call.ticked.includes(item.id);
            const answer = answers[item.id];
            return (
              <li key={item.id}>
                <span aria-hidden="true">{ticked ? '✓' : '○'} </span>
                <span className="visually-hidden">
                  {t(ticked ? 'observe.tickedItem' : 'observe.notTicked')}:{' '}
                </span>
                {localize(item.text, lang)}
                {answer && scorecard.some((s) => s.id === item.id) ? (
                  <span className={`answer-tag ${answer}`}>
                    {' '}
                    · {t('agentHistory.self')}: {t(`assessment.${answer}`)}
                  </span>
                ) : null}
              </li>
            );
          })}
        </ul>
        {call.assessment?.nextTime ? (
          <p className="small">
            {t('agentHistory.nextTime')} “{call.assessment.nextTime}”
          </p>
        ) : null}
        <Notes observations={observations} coachingNotes={coachingNotes} pack={pack} />
      </details>
    </li>
  );
}

/** The calls of the history as a spreadsheet: one row a call, ISO 8601 times. */
function exportHistory(data: AgentHistory, pack: StandardsPack | null, t: TFunction, lang: string) {
  const header = [
    t('agentHistory.csv.started'),
    t('agentHistory.csv.callType'),
    t('agentHistory.csv.seconds'),
    t('agentHistory.csv.ticked'),
    t('agentHistory.csv.items'),
    t('agentHistory.csv.assessment'),
    t('agentHistory.csv.score'),
    t('agentHistory.csv.nextTime'),
    t('agentHistory.csv.notes'),
  ];
  const rows = data.calls.map((c) => {
    const a = c.assessment;
    const notes =
      data.observations.filter((o) => o.callId === c.id).length +
      data.coachingNotes.filter((n) => n.callId === c.id).length;
    return [
      c.startedAt,
      callTypeName(pack, c.callType, lang),
      c.durationMs === null ? '' : String(Math.round(c.durationMs / 1000)),
      String(c.ticked.length),
      String(pack ? checklistFor(pack, c.callType).flatMap((x) => x.items).length : ''),
      a
        ? t(a.status === 'skipped' ? 'history.skipped' : 'reflection.assessed')
        : t('history.pending'),
      a?.score?.percent == null ? '' : String(a.score.percent),
      a?.nextTime ?? '',
      String(notes),
    ];
  });
  const day = new Date().toLocaleDateString('sv');
  downloadCsv(`sidecoach-history-${data.agent.displayName}-${day}.csv`, header, rows);
}

/** An agent's past calls, ticks, self-assessments and every coach's notes, for a period. */
export function AgentHistoryView() {
  const { t, i18n } = useTranslation();
  const { data, status, error, filters } = useAgentHistory();
  const pack = useCalls((s) => s.pack);
  const heading = useRef<HTMLHeadingElement>(null);
  const [recognising, setRecognising] = useState<string | null>(null);
  useFocusIfLost(heading, data !== null);
  const calls = data?.calls ?? [];
  const between = (data?.observations ?? []).filter(
    (o) => o.callId === null || !calls.some((c) => c.id === o.callId),
  );
  return (
    <section className="card agent-history" aria-labelledby="agent-history-title">
      <div className="row">
        <BackButton strings="surveys" onClick={closeHistory} />
        {data ? (
          <RecogniseButton
            name={data.agent.displayName}
            open={recognising === data.agent.id}
            onToggle={() => setRecognising(recognising === data.agent.id ? null : data.agent.id)}
          />
        ) : null}
      </div>
      <h2 id="agent-history-title" ref={heading} tabIndex={-1}>
        {data
          ? t('agentHistory.title', { name: data.agent.displayName })
          : t('agentHistory.loading')}
      </h2>
      {data && recognising === data.agent.id ? (
        <ShoutoutComposer
          key={data.agent.id}
          agent={{ id: data.agent.id, name: data.agent.displayName }}
          calls={callChoices(pack, data.calls, i18n.language)}
          onClose={() => setRecognising(null)}
        />
      ) : null}
      <div className="history-filters">
        <PeriodPicker value={filters.period} onChange={(period) => setHistoryFilters({ period })} />
        <CallTypeSelect
          pack={pack}
          value={filters.callType}
          onChange={(callType) => setHistoryFilters({ callType })}
        />
      </div>
      {status === 'loading' ? <p className="muted">{t('agentHistory.loading')}</p> : null}
      {error ? (
        <p className="error" role="alert">
          {t(error.key, error.values)}
        </p>
      ) : null}
      {data ? (
        <>
          <div className="row">
            <span />
            <button type="button" onClick={() => exportHistory(data, pack, t, i18n.language)}>
              {t('agentHistory.export')}
            </button>
          </div>
          <p className="small" data-testid="history-summary">
            {[
              t('agentHistory.calls', { count: calls.length }),
              t('agentHistory.assessed', {
                count: calls.filter((c) => c.assessment?.status === 'submitted').length,
              }),
              t('agentHistory.notes', {
                count: data.observations.length + data.coachingNotes.length,
              }),
            ].join(' · ')}
            {data.truncated ? ` ${t('agentHistory.truncated', { count: calls.length })}` : ''}
          </p>
          {calls.length === 0 ? <p className="muted">{t('agentHistory.empty')}</p> : null}
          <ul className="plain history-calls">
            {calls.map((call) => (
              <CallEntry
                key={call.id}
                call={call}
                pack={pack}
                observations={data.observations.filter((o) => o.callId === call.id)}
                coachingNotes={data.coachingNotes.filter((n) => n.callId === call.id)}
              />
            ))}
          </ul>
          {between.length > 0 ? (
            <>
              <h3>{t('agentHistory.between')}</h3>
              <Notes observations={between} coachingNotes={[]} pack={pack} />
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { noTextChecks, type CallRecord, type FloorAgent, type TextCheck } from '@sidecoach/shared';
import { useFocusIfLost } from '../../lib/focus.js';
import { floorEntryOf, useObserve, type Observed } from './store.js';
import { backToFloor } from './sync.js';
import { useSession } from '../../hub/session-store.js';
import { openHistory } from '../agent-history/store.js';
import { formatDuration } from '../../lib/time.js';
import { callTypeName, clockTime } from '../../lib/format.js';
import { FloorPill, useHubElapsed } from '../floor/FloorPill.js';
import { CallTimeline } from './CallTimeline.js';
import { CoachingNoteComposer } from './CoachingNoteComposer.js';
import { NoteComposer } from './NoteComposer.js';
import { ObservationList } from './ObservationList.js';
import { ObservedChecklist } from './ObservedChecklist.js';
import { FlagForQa } from './FlagForQa.js';
import { useCallNotes } from './use-call-notes.js';
import { callChoices, RecogniseButton } from '../recognition/RecogniseButton.js';
import { ShoutoutComposer } from '../recognition/lazy-composer.js';
import '../../ui/columns.css';
import './observe.css';

function CallState({ call }: { call: CallRecord | null }) {
  const { t, i18n } = useTranslation();
  const elapsed = useHubElapsed(call && call.endedAt === null ? call.startedAt : null);
  if (!call) return <>{t('observe.noCall')}</>;
  if (elapsed?.asOf != null)
    return (
      <>
        {t('observe.onCallAsOf', {
          elapsed: formatDuration(elapsed.ms),
          time: clockTime(i18n.language).format(elapsed.asOf),
        })}
      </>
    );
  if (elapsed !== null) return <>{t('observe.onCall', { elapsed: formatDuration(elapsed.ms) })}</>;
  return <>{t('observe.ended', { duration: formatDuration(call.durationMs ?? 0) })}</>;
}

function BackButton() {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="link back"
      aria-label={t('observe.backLabel')}
      onClick={() => void backToFloor()}
    >
      {t('observe.back')}
    </button>
  );
}

/** The coaching note for the call that ended (kept while the agent takes the next call). */
function CoachingFor({ agent: observed, check }: { agent: Observed; check: TextCheck }) {
  const { agent, pack, call, previous } = observed;
  const ended = call?.endedAt ? call : previous;
  const { rows, stored } = useCallNotes(agent.id, ended);
  if (!ended) return null;
  return (
    <CoachingNoteComposer
      key={ended.id}
      agent={agent}
      call={ended}
      pack={pack}
      rows={rows}
      stored={stored}
      check={check}
    />
  );
}

/** Side by side with one agent: their call live, the note composer, and every coach's notes. */
export function ObserveView({ check = noTextChecks }: { check?: TextCheck }) {
  const { t, i18n } = useTranslation();
  const observed = useObserve((s) => s.observed);
  const target = useObserve((s) => s.target);
  const entry: FloorAgent | undefined = useObserve((s) =>
    floorEntryOf(s.floor, target ?? undefined),
  );
  const call = observed?.call ?? null;
  const { rows } = useCallNotes(target ?? '', call);
  const offline = useSession((s) => s.connection === 'offline');
  const heading = useRef<HTMLHeadingElement>(null);
  const [recognising, setRecognising] = useState<string | null>(null);
  useFocusIfLost(heading, observed !== null);
  if (!observed) {
    // Opened while the hub is away (a reload, a bookmark): it joins as soon as the hub is back.
    return (
      <section className="card">
        <BackButton />
        <p className="muted" data-testid="observe-joining">
          {offline ? t('observe.waitingForHub') : t('observe.joining')}
        </p>
      </section>
    );
  }
  const { agent, pack } = observed;
  // A note is about the open call, or the one the agent is wrapping up; else between calls.
  const noteCallId = call && (call.endedAt === null || entry?.callId === call.id) ? call.id : null;
  return (
    <>
      <section className="card observe-head" aria-labelledby="observed-agent">
        <div className="row">
          <BackButton />
          {entry ? <FloorPill agent={entry} /> : null}
        </div>
        <div className="row">
          <h2 id="observed-agent" ref={heading} tabIndex={-1}>
            {agent.displayName}
          </h2>
          <span className="observe-links">
            <RecogniseButton
              name={agent.displayName}
              open={recognising === agent.id}
              onToggle={() => setRecognising(recognising === agent.id ? null : agent.id)}
            />
            <button
              type="button"
              className="link"
              aria-label={t('agentHistory.openLabel', { name: agent.displayName })}
              onClick={() => openHistory(agent.id)}
            >
              {t('agentHistory.open')}
            </button>
          </span>
        </div>
        <p className="small muted" data-testid="observed-call">
          {call ? `${callTypeName(pack, call.callType, i18n.language)} · ` : ''}
          <CallState call={call} />
        </p>
        {call ? <FlagForQa key={call.id} callId={call.id} /> : null}
      </section>
      {recognising === agent.id ? (
        <ShoutoutComposer
          key={agent.id}
          agent={{ id: agent.id, name: agent.displayName }}
          calls={callChoices(pack, [call, observed.previous], i18n.language)}
          callId={(call ?? observed.previous)?.id}
          onClose={() => setRecognising(null)}
        />
      ) : null}
      {/* Side by side from a tablet's width up: writing on the left, the live call on the right. */}
      <div className="split-columns observe-columns">
        <div className="split-column">
          <NoteComposer
            agentId={agent.id}
            call={call}
            noteCallId={noteCallId}
            pack={pack}
            check={check}
          />
          <ObservationList rows={rows} pack={pack} />
          <CoachingFor agent={observed} check={check} />
        </div>
        <div className="split-column">
          {call ? <ObservedChecklist call={call} pack={pack} /> : null}
          {call ? <CallTimeline call={call} pack={pack} notes={rows} /> : null}
        </div>
      </div>
    </>
  );
}

import { useTranslation } from 'react-i18next';
import type { AgentStatus, CallRecord, ObservationRecord, StandardsPack } from '@sidecoach/shared';
import { useNotes, type NoteEntry } from './store.js';
import { useSession } from '../../hub/session-store.js';
import { write } from '../../hub/outbox.js';
import { contentOf, NoteBody, NoteMoment } from './note-parts.js';
import './coach-notes.css';

export const PANEL_ID = 'coach-notes';

const readIds = (pending: NoteEntry[]) =>
  new Set(pending.flatMap((e) => (e.event === 'observation:read' ? [e.payload.id] : [])));

/** Shared notes the agent has: those of this call, and any not acknowledged yet. */
export function useAgentNotes(callId: string | undefined): {
  notes: ObservationRecord[];
  acknowledged: Set<string>;
} {
  const me = useSession((s) => s.session?.user.id);
  const observations = useNotes((s) => s.observations);
  const pending = useNotes((s) => s.pending);
  const acknowledged = readIds(pending);
  observations.forEach((o) => o.readAt && acknowledged.add(o.id));
  const notes = observations.filter(
    (o) =>
      o.agentId === me &&
      o.visibility === 'shared' &&
      o.releasedAt !== null &&
      ((callId !== undefined && o.callId === callId) || !acknowledged.has(o.id)),
  );
  return { notes, acknowledged };
}

/**
 * Quiet notes from the supervisor beside the agent: they appear without taking the focus or
 * raising an alert (a polite live region), and "Got it" tells the supervisor they were read.
 */
export function CoachNotesPanel({
  status,
  call,
  pack,
}: {
  status: AgentStatus;
  call: CallRecord | undefined;
  pack: StandardsPack;
}) {
  const { t } = useTranslation();
  const inCall = status === 'on-call' || status === 'wrap-up';
  const { notes, acknowledged } = useAgentNotes(inCall ? call?.id : undefined);
  const visible = notes.length > 0;
  const gotIt = (id: string) => {
    if (!acknowledged.has(id)) void write({ event: 'observation:read', payload: { id } });
  };
  return (
    <section
      id={PANEL_ID}
      className={visible ? 'card coach-notes' : 'visually-hidden'}
      aria-labelledby="coach-notes-title"
    >
      <h2 id="coach-notes-title" className="small-title">
        {t('coachNotes.title')}
      </h2>
      {/* A live region around the list (a role on the list itself would unmake it a list). */}
      <div role="status" aria-live="polite" aria-atomic="false">
        <ul className="note-list">
          {notes.map((note) => {
            const read = acknowledged.has(note.id);
            return (
              <li
                key={note.id}
                className={read ? 'coach-note read' : 'coach-note'}
                data-testid="coach-note"
              >
                <div className="row small muted">
                  <span>{note.authorName}</span>
                  <NoteMoment offsetMs={note.offsetMs} callId={note.callId} prefix />
                </div>
                <NoteBody note={contentOf(note)} pack={pack} />
                <button
                  type="button"
                  className={read ? 'got-it done' : 'got-it'}
                  aria-pressed={read}
                  onClick={() => gotIt(note.id)}
                >
                  {read ? t('coachNotes.acknowledged') : t('coachNotes.gotIt')}
                </button>
              </li>
            );
          })}
        </ul>
      </div>
    </section>
  );
}

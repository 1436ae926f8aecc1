import { useTranslation } from 'react-i18next';
import { shortDateTime } from '../../lib/format.js';
import { useNotes } from './store.js';
import { useSession } from '../../hub/session-store.js';
import './coach-notes.css';
import { LongText } from '../../ui/LongText.js';
import { ReplyToNote } from './NoteReply.js';

const SHOWN = 5;

/** Coaching notes written to the agent after observed calls, newest first. */
export function CoachingNotesList() {
  const { t, i18n } = useTranslation();
  const me = useSession((s) => s.session?.user.id);
  const all = useNotes((s) => s.coachingNotes);
  const notes = all
    .filter((n) => n.agentId === me)
    .slice(-SHOWN)
    .reverse();
  if (notes.length === 0) return null;
  const time = shortDateTime(i18n.language);
  return (
    <section className="history coaching-notes" aria-labelledby="coaching-notes-title">
      <h2 id="coaching-notes-title">{t('coachNotes.coachingTitle')}</h2>
      <ul>
        {notes.map((note) => (
          <li key={note.id} data-testid="coaching-note">
            <div className="row small muted">
              <strong>{note.authorName}</strong>
              <span>{time.format(new Date(note.at))}</span>
            </div>
            <LongText className="note-text" text={note.text} />
            <ReplyToNote note={note} />
          </li>
        ))}
      </ul>
    </section>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoachingNoteRecord } from '@sidecoach/shared';
import { LongText } from '../../ui/LongText.js';
import { lazyView } from '../../ui/lazy.js';
import { replyDraft, useNotes } from './store.js';
import { hasStoredDraft } from '../../lib/draft.js';
import type { ReplyFormProps } from './ReplyForm.js';

// The form (the language coach's checked text box) loads when an agent first replies: the
// agent's sidebar starts no bigger for it.
const ReplyForm = lazyView<ReplyFormProps>(
  async () => ({ default: (await import('./ReplyForm.js')).ReplyForm }),
  'app.loading',
);

/** The agent's reply under a coaching note, as its coach (or lead) reads it. */
export function ReplyShown({ note, agentName }: { note: CoachingNoteRecord; agentName: string }) {
  const { t } = useTranslation();
  if (!note.reply) return null;
  return (
    <div className="note-reply" data-testid="note-reply">
      <p className="small muted">{t('coachNotes.replyFrom', { name: agentName })}</p>
      <LongText className="note-text" text={note.reply.text} />
    </div>
  );
}

/**
 * The agent answers a coaching note once: a short reply, checked by the language coach like
 * every coaching text, kept through a reload and sent through the outbox (offline too).
 */
export function ReplyToNote({ note }: { note: CoachingNoteRecord }) {
  const { t } = useTranslation();
  const pending = useNotes((s) => s.pending).find(
    (e) => e.event === 'coaching:reply' && e.payload.noteId === note.id,
  );
  const [open, setOpen] = useState(() => hasDraft(note.id));
  const shown =
    note.reply?.text ?? (pending?.event === 'coaching:reply' ? pending.payload.text : null);
  if (shown !== null && shown !== undefined)
    return (
      <div className="note-reply" data-testid="note-reply">
        <p className="small muted">
          {t('coachNotes.yourReply')}
          {note.reply ? null : ` · ${t('coachNotes.sending')}`}
        </p>
        <LongText className="note-text" text={shown} />
      </div>
    );
  if (!open)
    return (
      <button type="button" className="link" onClick={() => setOpen(true)}>
        {t('coachNotes.reply')}
      </button>
    );
  return <ReplyForm note={note} onClose={() => setOpen(false)} />;
}

const hasDraft = (noteId: string) => hasStoredDraft(replyDraft(noteId));

import { useEffect, useRef, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { COACHING_REPLY_MAX, noteLanguageOf, type CoachingNoteRecord } from '@sidecoach/shared';
import { write } from '../../hub/outbox.js';
import { useDraft } from '../../lib/draft.js';
import { newId, nowIso } from '../../lib/ids.js';
import { CheckedText, overLimit } from '../coaching-text/CheckedText.js';
import { useLanguageCheck, useNoteLanguage } from '../coaching-text/note-language.js';
import { replyDraft } from './store.js';

/** The agent's reply being written (a lazy chunk: see NoteReply.tsx). */
export interface ReplyFormProps {
  note: CoachingNoteRecord;
  onClose: () => void;
}

export function ReplyForm({ note, onClose }: ReplyFormProps) {
  const { t } = useTranslation();
  const [text, setText] = useDraft(replyDraft(note.id));
  const [lang, setLang] = useNoteLanguage();
  const check = useLanguageCheck();
  const box = useRef<HTMLTextAreaElement>(null);
  // Asked for: the keyboard goes to the reply.
  useEffect(() => box.current?.focus(), []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim() || overLimit(text, COACHING_REPLY_MAX)) return;
    void write({
      event: 'coaching:reply',
      payload: {
        id: newId(),
        noteId: note.id,
        text: text.trim(),
        // Stored in the language it is written in (what the agent was shown it was read as).
        lang: noteLanguageOf(text, lang),
        at: nowIso(),
      },
    });
    setText('');
    onClose();
  };
  return (
    <form className="note-reply-form" onSubmit={submit}>
      <CheckedText
        id={`reply-${note.id}`}
        label={t('coachNotes.replyLabel', { name: note.authorName })}
        value={text}
        onChange={setText}
        maxLength={COACHING_REPLY_MAX}
        check={check}
        lang={lang}
        onLangChange={setLang}
        rows={2}
        inputRef={box}
      />
      <div className="row">
        <button
          type="button"
          onClick={() => {
            setText('');
            onClose();
          }}
        >
          {t('coachNotes.cancelReply')}
        </button>
        <button
          type="submit"
          className="primary"
          disabled={!text.trim() || overLimit(text, COACHING_REPLY_MAX)}
        >
          {t('coachNotes.sendReply')}
        </button>
      </div>
    </form>
  );
}

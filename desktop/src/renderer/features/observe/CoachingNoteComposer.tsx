import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  COACHING_TEXT_MAX,
  noTextChecks,
  type CallRecord,
  type ObservationRecord,
  type StandardsPack,
  type TextCheck,
  type UserProfile,
  noteLanguageOf,
} from '@sidecoach/shared';
import { newId, nowIso } from '../../lib/ids.js';
import { useDraft } from '../../lib/draft.js';
import { ReplyShown } from '../coach-notes/NoteReply.js';
import { useNotes } from '../coach-notes/store.js';
import { write } from '../../hub/outbox.js';
import { useStandardLabel } from '../coach-notes/note-parts.js';
import { CheckedText, overLimit } from '../coaching-text/CheckedText.js';
import { useNoteLanguage } from '../coaching-text/note-language.js';
import { callTypeName } from '../../lib/format.js';
import { formatDuration } from '../../lib/time.js';
import { summarize } from './summary.js';
import type { NoteRow } from './use-call-notes.js';

/** After the call: turns its observations into a coaching note for the agent (and team lead). */
export function CoachingNoteComposer({
  agent,
  call,
  pack,
  rows,
  stored,
  check = noTextChecks,
}: {
  agent: UserProfile;
  call: CallRecord;
  pack: StandardsPack;
  rows: NoteRow[];
  stored: ObservationRecord[];
  check?: TextCheck;
}) {
  const { t, i18n } = useTranslation();
  const standardLabel = useStandardLabel();
  // A coaching note half written survives a reload, back and forward (one per call).
  const [text, setText] = useDraft(`coaching.${call.id}`);
  const [open, setOpen] = useState(text !== '');
  const [lang, setLang] = useNoteLanguage();
  const textRef = useRef<HTMLTextAreaElement>(null);
  const sent = useNotes((s) => s.coachingNotes).filter((n) => n.callId === call.id);
  const sending = useNotes((s) => s.pending).some(
    (e) => e.event === 'coaching:note' && e.payload.callId === call.id,
  );
  useEffect(() => {
    if (open) textRef.current?.focus();
  }, [open]);

  const start = () => {
    const type = callTypeName(pack, call.callType, i18n.language);
    setText(summarize(t, call, type, rows, standardLabel, pack));
    setOpen(true);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim() || overLimit(text, COACHING_TEXT_MAX)) return;
    void write({
      event: 'coaching:note',
      payload: {
        id: newId(),
        agentId: agent.id,
        callId: call.id,
        observationIds: stored.map((o) => o.id),
        text: text.trim(),
        // Stored in the language it is written in (what the coach was shown it was read as).
        lang: noteLanguageOf(text, lang),
        at: nowIso(),
      },
    });
    setOpen(false);
    setText('');
  };

  return (
    <section className="card coaching" aria-labelledby="coaching-title">
      <h2 id="coaching-title" className="small-title">
        {t('coaching.title', {
          callType: callTypeName(pack, call.callType, i18n.language),
          duration: formatDuration(call.durationMs ?? 0),
        })}
      </h2>
      {sent.map((n) => (
        <div key={n.id} className="small sent-note" data-testid="sent-coaching-note">
          <p>
            <strong>{t('coaching.sent')}</strong> {n.text}
          </p>
          <ReplyShown note={n} agentName={agent.displayName} />
        </div>
      ))}
      {sending ? <p className="small warn">{t('coaching.sending')}</p> : null}
      {open ? (
        <form onSubmit={submit} className="coaching-form">
          <CheckedText
            id="coaching-text"
            label={t('coaching.text', { name: agent.displayName })}
            value={text}
            onChange={setText}
            maxLength={COACHING_TEXT_MAX}
            check={check}
            lang={lang}
            onLangChange={setLang}
            rows={7}
            inputRef={textRef}
          />
          {!rows.some((r) => r.visibility === 'shared') ? (
            <p className="small muted">{t('coaching.noObservations')}</p>
          ) : null}
          <div className="row">
            <button
              type="button"
              onClick={() => {
                setOpen(false);
                setText('');
              }}
            >
              {t('coaching.cancel')}
            </button>
            <button
              type="submit"
              className="primary"
              disabled={!text.trim() || overLimit(text, COACHING_TEXT_MAX)}
            >
              {t('coaching.send')}
            </button>
          </div>
        </form>
      ) : (
        <button type="button" onClick={start}>
          {t('coaching.write')}
        </button>
      )}
    </section>
  );
}

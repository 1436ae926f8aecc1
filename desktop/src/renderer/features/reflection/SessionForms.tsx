import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from './Field.js';
import {
  REFLECTIVE_PROMPTS,
  type ActionOwner,
  type ReflectionSession,
  type ReflectivePrompt,
  type StandardsPack,
  noteLanguageOf,
} from '@sidecoach/shared';
import { addAction, addNote, useReflection } from './store.js';
import { CheckedText, overLimit } from '../coaching-text/CheckedText.js';
import { useLanguageCheck, useNoteLanguage } from '../coaching-text/note-language.js';
import { Segmented } from '../observe/Segmented.js';
import { agendaLabel } from './agenda.js';
import { itemName, LIMITS } from './format.js';
import { localDay } from '../../lib/time.js';
import { useDraft } from '../../lib/draft.js';

/** The protocol's reflective prompts (the strings name each one, checked by type). */
const PROMPTS = REFLECTIVE_PROMPTS;

/** What each form of a live session works on: the session and the standards pack. */
interface SessionFormProps {
  session: ReflectionSession;
  pack: StandardsPack | null;
}

/**
 * A note of the session, checked by the constructive-language analyzer as it is typed; a
 * reflective prompt chip starts one (the note answers it).
 */
export function NoteForm({ session, pack }: SessionFormProps) {
  const { t, i18n } = useTranslation();
  const busy = useReflection((s) => s.busy);
  const [prompt, setPrompt] = useState<ReflectivePrompt | null>(null);
  const [about, setAbout] = useState('');
  // Half typed, it survives a reload, back and forward (one per session).
  const [text, setText] = useDraft(`session.${session.id}.note`);
  const [lang, setLang] = useNoteLanguage();
  const check = useLanguageCheck();
  const box = useRef<HTMLTextAreaElement>(null);
  const choose = (p: ReflectivePrompt) => {
    setPrompt(prompt === p ? null : p);
    box.current?.focus(); // the lead asked for it: the keyboard goes to the note
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim() || overLimit(text, LIMITS.note)) return;
    const ok = await addNote({
      text: text.trim(),
      // Stored in the language it is written in (what the coach was shown it was read as).
      lang: noteLanguageOf(text, lang),
      prompt,
      agendaIndex: about === '' ? null : Number(about),
    });
    if (ok) {
      setText('');
      setPrompt(null);
      setAbout('');
    }
  };
  const actions = [...session.reviewed, ...session.prep.openActions];
  return (
    <form
      className="session-form"
      onSubmit={(e) => void submit(e)}
      aria-labelledby="note-form-title"
    >
      <h3 id="note-form-title">{t('reflection.session.prompts')}</h3>
      <div className="chips" role="group" aria-label={t('reflection.session.prompts')}>
        {PROMPTS.map((p) => (
          <button
            key={p}
            type="button"
            className="chip"
            aria-pressed={prompt === p}
            onClick={() => choose(p)}
          >
            {t(`reflection.prompt.${p}`)}
          </button>
        ))}
      </div>
      <Field id="note-about" label={t('reflection.session.about')}>
        <select id="note-about" value={about} onChange={(e) => setAbout(e.target.value)}>
          <option value="">{t('reflection.session.general')}</option>
          {session.agenda.map((entry, i) => (
            <option key={i} value={i}>
              {agendaLabel(t, entry, actions, pack, i18n.language)}
            </option>
          ))}
        </select>
      </Field>
      <CheckedText
        id="session-note"
        label={t('reflection.session.note')}
        value={text}
        onChange={setText}
        maxLength={LIMITS.note}
        check={check}
        lang={lang}
        onLangChange={setLang}
        rows={3}
        inputRef={box}
        {...(prompt
          ? {
              hint: t('reflection.session.answering', { prompt: t(`reflection.prompt.${prompt}`) }),
            }
          : {})}
      />
      <button
        type="submit"
        className="primary"
        disabled={busy || !text.trim() || overLimit(text, LIMITS.note)}
      >
        {t('reflection.session.addNote')}
      </button>
    </form>
  );
}

/** A next-time action: one concrete thing, whose it is, on which standard, followed up when. */
export function ActionForm({ session, pack }: SessionFormProps) {
  const { t, i18n } = useTranslation();
  const busy = useReflection((s) => s.busy);
  const [text, setText] = useDraft(`session.${session.id}.action`);
  const [itemId, setItemId] = useState('');
  const [owner, setOwner] = useState<ActionOwner>('agent');
  const [due, setDue] = useState(() => localDay(7));
  const today = localDay();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim() || due < today) return;
    const ok = await addAction({ text: text.trim(), itemId: itemId || null, owner, due });
    if (!ok) return;
    setText('');
    setItemId('');
  };
  return (
    <form
      className="session-form"
      onSubmit={(e) => void submit(e)}
      aria-label={t('reflection.session.actions')}
    >
      <Field id="action-text" label={t('reflection.session.actionText')}>
        <input
          id="action-text"
          value={text}
          maxLength={LIMITS.actionText}
          placeholder={t('reflection.session.actionPlaceholder')}
          onChange={(e) => setText(e.target.value)}
        />
      </Field>
      <Field id="action-item" label={t('reflection.session.item')}>
        <select id="action-item" value={itemId} onChange={(e) => setItemId(e.target.value)}>
          <option value="">{t('reflection.session.noItem')}</option>
          {session.prep.items.map((i) => (
            <option key={i.itemId} value={i.itemId}>
              {itemName(pack, i.itemId, i18n.language)}
            </option>
          ))}
        </select>
      </Field>
      <Segmented<ActionOwner>
        name="action-owner"
        label={t('reflection.session.owner')}
        value={owner}
        options={[
          ['agent', `${t('reflection.owner.agent')}: ${session.agentName}`],
          ['lead', `${t('reflection.owner.lead')}: ${session.leadName}`],
        ]}
        onChange={setOwner}
      />
      <Field id="action-due" label={t('reflection.session.dueLabel')}>
        <input
          id="action-due"
          type="date"
          value={due}
          min={today}
          required
          onChange={(e) => setDue(e.target.value)}
        />
      </Field>
      <button type="submit" className="primary" disabled={busy || !text.trim() || due < today}>
        {t('reflection.session.addAction')}
      </button>
    </form>
  );
}

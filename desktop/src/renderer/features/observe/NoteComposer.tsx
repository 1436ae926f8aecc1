import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  checklistFor,
  localize,
  noTextChecks,
  OBSERVATION_TAGS,
  OBSERVATION_TEXT_MAX,
  STANDARD_AREAS,
  type CallRecord,
  type Delivery,
  type ObservationTag,
  type ObservationVerdict,
  type StandardArea,
  type StandardsPack,
  type TextCheck,
  type Visibility,
  noteLanguageOf,
} from '@sidecoach/shared';
import { newId, nowIso } from '../../lib/ids.js';
import { useDraft } from '../../lib/draft.js';
import { useObserve } from './store.js';
import { write } from '../../hub/outbox.js';
import { CheckedText, overLimit } from '../coaching-text/CheckedText.js';
import { useNoteLanguage } from '../coaching-text/note-language.js';
import { Segmented } from './Segmented.js';

const DAY_MS = 24 * 3600_000;

/**
 * The supervisor's fast note: a standard (or an area), one-tap tags, free text, who sees it and
 * when. Ctrl+Enter sends, and the keyboard stays in the text box for the next note.
 */
export function NoteComposer({
  agentId,
  call,
  noteCallId,
  pack,
  check = noTextChecks,
}: {
  agentId: string;
  call: CallRecord | null;
  /** The call a note is filed under (the open call, or the one in wrap-up); null between calls. */
  noteCallId: string | null;
  pack: StandardsPack;
  check?: TextCheck;
}) {
  const { t, i18n } = useTranslation();
  const [standard, setStandard] = useState('');
  const [verdict, setVerdict] = useState<ObservationVerdict | ''>('');
  const [tags, setTags] = useState<ObservationTag[]>([]);
  // The half-typed note survives a reload, back and forward (one per observed agent).
  const [text, setText] = useDraft(`observe.${agentId}`);
  const [visibility, setVisibility] = useState<Visibility>('private');
  const [delivery, setDelivery] = useState<Delivery>('now');
  const [lang, setLang] = useNoteLanguage();
  const textRef = useRef<HTMLTextAreaElement>(null);
  const areas = call
    ? checklistFor(pack, call.callType)
    : STANDARD_AREAS.flatMap((id) => pack.areas.filter((a) => a.id === id));
  const [kind, ref] = standard.split(':') as ['' | 'area' | 'item', string | undefined];
  const canSend =
    (text.trim().length > 0 || tags.length > 0 || standard !== '') &&
    !overLimit(text, OBSERVATION_TEXT_MAX);

  const toggleTag = (tag: ObservationTag) =>
    setTags((prev) => (prev.includes(tag) ? prev.filter((x) => x !== tag) : [...prev, tag]));

  const send = () => {
    if (!canSend) return;
    const open = call && call.endedAt === null && call.id === noteCallId;
    const offsetMs = open
      ? Math.min(
          DAY_MS,
          Math.max(
            0,
            Math.round(Date.now() + useObserve.getState().skewMs - Date.parse(call.startedAt)),
          ),
        )
      : null;
    void write({
      event: 'observation:note',
      payload: {
        id: newId(),
        agentId,
        callId: noteCallId,
        offsetMs,
        ...(kind === 'item' && ref ? { itemId: ref, verdict: verdict || null } : {}),
        ...(kind === 'area' && ref ? { area: ref as StandardArea } : {}),
        tags,
        text: text.trim(),
        visibility,
        delivery: visibility === 'shared' ? delivery : 'now',
        // Stored in the language it is written in (what the coach was shown it was read as).
        lang: noteLanguageOf(text, lang),
        at: nowIso(),
      },
    });
    setText('');
    setTags([]);
    setStandard('');
    setVerdict('');
    // Who sees the next note is chosen again: it starts private, as every note does.
    setVisibility('private');
    setDelivery('now');
    textRef.current?.focus();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      send();
    }
  };

  return (
    <form className="card composer" onSubmit={submit} aria-labelledby="composer-title">
      <h2 id="composer-title" className="small-title">
        {t('composer.title')}
      </h2>
      <label>
        {t('composer.standard')}
        <select
          value={standard}
          onChange={(e) => {
            setStandard(e.target.value);
            setVerdict('');
          }}
        >
          <option value="">{t('composer.noStandard')}</option>
          {areas.map((area) => (
            <optgroup key={area.id} label={t(`areas.${area.id}`)}>
              <option value={`area:${area.id}`}>
                {t('composer.wholeArea', { area: t(`areas.${area.id}`) })}
              </option>
              {area.items.map((item) => (
                <option key={item.id} value={`item:${item.id}`}>
                  {localize(item.text, i18n.language)}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      {kind === 'item' ? (
        <Segmented<ObservationVerdict | ''>
          name="verdict"
          label={t('reflection.verdict.label')}
          value={verdict}
          options={[
            ['', t('reflection.verdict.none')],
            ['met', t('reflection.verdict.met')],
            ['missed', t('reflection.verdict.missed')],
          ]}
          onChange={setVerdict}
        />
      ) : null}
      <div className="chips" role="group" aria-label={t('composer.tags')}>
        {OBSERVATION_TAGS.map((tag) => (
          <button
            key={tag}
            type="button"
            className="chip"
            aria-pressed={tags.includes(tag)}
            onClick={() => toggleTag(tag)}
          >
            {t(`tags.${tag}`)}
          </button>
        ))}
      </div>
      <CheckedText
        id="observation-text"
        label={t('composer.text')}
        value={text}
        onChange={setText}
        maxLength={OBSERVATION_TEXT_MAX}
        check={check}
        lang={lang}
        onLangChange={setLang}
        placeholder={t('composer.placeholder')}
        rows={2}
        onKeyDown={onKeyDown}
        inputRef={textRef}
      />
      <Segmented<Visibility>
        name="visibility"
        label={t('composer.visibility')}
        value={visibility}
        options={[
          ['private', t('composer.private')],
          ['shared', t('composer.shared')],
        ]}
        onChange={setVisibility}
      />
      {visibility === 'shared' ? (
        <Segmented<Delivery>
          name="delivery"
          label={t('composer.delivery')}
          value={delivery}
          options={[
            ['now', t('composer.now')],
            ['after-call', t('composer.afterCall')],
          ]}
          onChange={setDelivery}
        />
      ) : null}
      <div className="row">
        <span className="small muted">{t('composer.hint')}</span>
        <button type="submit" className="primary" disabled={!canSend}>
          {t('composer.send')}
        </button>
      </div>
    </form>
  );
}

import { useTranslation } from 'react-i18next';
import { formatOffset } from '../../lib/time.js';
import {
  allItems,
  localize,
  type ObservationNote,
  type ObservationRecord,
  type StandardsPack,
} from '@sidecoach/shared';
import './coach-notes.css';
import { LongText } from '../../ui/LongText.js';

/** What a note says, whether stored (a record) or still in the outbox (its payload). */
export interface NoteContent {
  itemId: string | null;
  area: ObservationRecord['area'];
  /** The standard met or missed, if the supervisor said. */
  verdict: ObservationRecord['verdict'];
  tags: ObservationRecord['tags'];
  text: string;
}

export const contentOf = (n: ObservationRecord | ObservationNote): NoteContent => ({
  itemId: n.itemId ?? null,
  area: n.area ?? null,
  verdict: n.verdict ?? null,
  tags: n.tags ?? [],
  text: n.text ?? '',
});

/** The standard a note is about, in the UI language: an item's text or an area's name. */
export function useStandardLabel(): (note: NoteContent, pack: StandardsPack | null) => string {
  const { t, i18n } = useTranslation();
  return (note, pack) => {
    const item = note.itemId && pack ? allItems(pack).find((i) => i.id === note.itemId) : undefined;
    if (item) return localize(item.text, i18n.language);
    if (note.itemId) return note.itemId;
    return note.area ? t(`areas.${note.area}`) : '';
  };
}

export function NoteBody({ note, pack }: { note: NoteContent; pack: StandardsPack | null }) {
  const { t } = useTranslation();
  const standard = useStandardLabel()(note, pack);
  return (
    <>
      {standard ? (
        <p className="note-standard">
          {standard}
          {note.verdict ? ` · ${t(`reflection.verdict.${note.verdict}`)}` : ''}
        </p>
      ) : null}
      {note.tags.length > 0 ? (
        <ul className="note-tags" aria-label={t('composer.tags')}>
          {note.tags.map((tag) => (
            <li key={tag}>{t(`tags.${tag}`)}</li>
          ))}
        </ul>
      ) : null}
      {note.text ? <LongText className="note-text" text={note.text} /> : null}
    </>
  );
}

/** When in the call a note was made: m:ss from the answer, else after the call or between calls. */
export function NoteMoment({
  offsetMs,
  callId,
  prefix = false,
}: {
  offsetMs: number | null;
  callId: string | null;
  /** "at 1:05" rather than "1:05". */
  prefix?: boolean;
}) {
  const { t } = useTranslation();
  if (offsetMs !== null) {
    const offset = formatOffset(offsetMs);
    return <span className="offset">{prefix ? t('coachNotes.at', { offset }) : offset}</span>;
  }
  return (
    <span className="moment-label">
      {callId ? t('coachNotes.afterCall') : t('coachNotes.betweenCalls')}
    </span>
  );
}

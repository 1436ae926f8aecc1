import { useTranslation } from 'react-i18next';
import { allItems, localize, type CallRecord, type StandardsPack } from '@sidecoach/shared';
import { formatOffset } from '../../lib/time.js';
import { useStandardLabel } from '../coach-notes/note-parts.js';
import type { NoteRow } from './use-call-notes.js';

interface Moment {
  key: string;
  offsetMs: number;
  kind: 'start' | 'tick' | 'note' | 'end';
  label: string;
}

/** The call from answer to end: the ticks as the agent made them, and the notes where they fell. */
export function CallTimeline({
  call,
  pack,
  notes,
}: {
  call: CallRecord;
  pack: StandardsPack;
  notes: NoteRow[];
}) {
  const { t, i18n } = useTranslation();
  const standardLabel = useStandardLabel();
  const started = Date.parse(call.startedAt);
  const items = allItems(pack);
  const moments: Moment[] = [
    { key: 'start', offsetMs: 0, kind: 'start', label: t('observe.answered') },
  ];
  for (const itemId of call.ticked) {
    const at = call.tickedAt?.[itemId];
    const item = items.find((i) => i.id === itemId);
    if (!at) continue;
    moments.push({
      key: `tick-${itemId}`,
      offsetMs: Math.max(0, Date.parse(at) - started),
      kind: 'tick',
      label: `✓ ${item ? localize(item.text, i18n.language) : itemId}`,
    });
  }
  for (const note of notes) {
    if (note.offsetMs === null) continue;
    const parts = [
      standardLabel(note.content, pack),
      ...note.content.tags.map((tag) => t(`tags.${tag}`)),
      note.content.text,
    ].filter(Boolean);
    moments.push({
      key: `note-${note.id}`,
      offsetMs: note.offsetMs,
      kind: 'note',
      label: `${note.authorName}: ${parts.join(' · ')}`,
    });
  }
  if (call.durationMs !== null)
    moments.push({
      key: 'end',
      offsetMs: call.durationMs,
      kind: 'end',
      label: t('observe.callEnded'),
    });
  const order = { start: 0, tick: 1, note: 1, end: 2 };
  moments.sort((a, b) => a.offsetMs - b.offsetMs || order[a.kind] - order[b.kind]);
  return (
    <details className="card timeline" open>
      <summary>
        <strong>{t('observe.timeline')}</strong>
      </summary>
      <ol>
        {moments.map((m) => (
          <li key={m.key} className={`moment moment-${m.kind}`}>
            <span className="offset">{formatOffset(m.offsetMs)}</span>
            <span>{m.label}</span>
          </li>
        ))}
      </ol>
    </details>
  );
}

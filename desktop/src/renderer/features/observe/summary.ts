import type { TFunction } from 'i18next';
import type { CallRecord, StandardsPack } from '@sidecoach/shared';
import { COACHING_TEXT_MAX } from '@sidecoach/shared';
import { formatDuration, formatOffset } from '../../lib/time.js';
import type { NoteContent } from '../coach-notes/note-parts.js';
import type { NoteRow } from './use-call-notes.js';

/**
 * The start of a coaching note: the call's shared observations, one line each, for the coach to
 * turn into a few behaviour-specific sentences.
 */
export function summarize(
  t: TFunction,
  call: CallRecord,
  callType: string,
  notes: NoteRow[],
  standardLabel: (note: NoteContent, pack: StandardsPack | null) => string,
  pack: StandardsPack,
): string {
  // Private notes are the coach's own record: they stay out of text the agent will read.
  const shared = notes.filter((n) => n.visibility === 'shared');
  if (shared.length === 0) return '';
  const lines = shared.map((n) => {
    const what = [
      standardLabel(n.content, pack),
      n.content.tags.map((tag) => t(`tags.${tag}`)).join(', '),
      n.content.text,
    ].filter(Boolean);
    return `• ${n.offsetMs !== null ? `${formatOffset(n.offsetMs)} ` : ''}${what.join(' — ')}`;
  });
  const head = t('coaching.summary', { callType, duration: formatDuration(call.durationMs ?? 0) });
  return [head, ...lines, '', ''].join('\n').slice(0, COACHING_TEXT_MAX);
}

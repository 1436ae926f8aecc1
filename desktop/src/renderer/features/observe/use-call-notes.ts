import type { CallRecord, ObservationRecord } from '@sidecoach/shared';
import { useNotes } from '../coach-notes/store.js';
import { useSession } from '../../hub/session-store.js';
import { contentOf, type NoteContent } from '../coach-notes/note-parts.js';

export type ReceiptState = 'sending' | 'private' | 'held' | 'sent' | 'delivered' | 'read';

/** One note in the observer's list, stored or still in the outbox. */
export interface NoteRow {
  id: string;
  authorName: string;
  offsetMs: number | null;
  callId: string | null;
  at: string;
  content: NoteContent;
  visibility: ObservationRecord['visibility'];
  delivery: ObservationRecord['delivery'];
  receipt: ReceiptState;
}

export function receiptOf(o: ObservationRecord): ReceiptState {
  if (o.visibility === 'private') return 'private';
  if (o.readAt) return 'read';
  if (o.deliveredAt) return 'delivered';
  return o.releasedAt ? 'sent' : 'held';
}

/** Whether a note belongs with the call shown: about it, or written between calls since. */
const about = (callId: string | null, at: string, call: CallRecord | null) =>
  call ? callId === call.id || (callId === null && at >= call.startedAt) : callId === null;

/** The notes about an agent's call (or between calls), oldest first, with their receipts. */
export function useCallNotes(
  agentId: string,
  call: CallRecord | null,
): { rows: NoteRow[]; stored: ObservationRecord[] } {
  const me = useSession((s) => s.session?.user.displayName ?? '');
  const observations = useNotes((s) => s.observations);
  const pending = useNotes((s) => s.pending);
  const stored = observations.filter((o) => o.agentId === agentId && about(o.callId, o.at, call));
  const known = new Set(stored.map((o) => o.id));
  const rows: NoteRow[] = stored.map((o) => ({
    id: o.id,
    authorName: o.authorName,
    offsetMs: o.offsetMs,
    callId: o.callId,
    at: o.at,
    content: contentOf(o),
    visibility: o.visibility,
    delivery: o.delivery,
    receipt: receiptOf(o),
  }));
  for (const e of pending) {
    if (e.event !== 'observation:note') continue;
    const p = e.payload;
    if (p.agentId !== agentId || known.has(p.id) || !about(p.callId, p.at, call)) continue;
    rows.push({
      id: p.id,
      authorName: me,
      offsetMs: p.offsetMs,
      callId: p.callId,
      at: p.at,
      content: contentOf(p),
      visibility: p.visibility,
      delivery: p.delivery ?? 'now',
      receipt: 'sending',
    });
  }
  return { rows: rows.sort((a, b) => a.at.localeCompare(b.at)), stored };
}

import { create } from 'zustand';
import type {
  CoachingNoteRecord,
  InboxMessage,
  MyNotes,
  ObservationRecord,
  Receipt,
} from '@sidecoach/shared';
import type { OutboxEntry } from '../../lib/outbox.js';

/** The outbox writes about coaching: observations, coaching notes, the agent's replies and "got it". */
export const NOTE_EVENTS = [
  'observation:note',
  'coaching:note',
  'coaching:reply',
  'observation:read',
] as const;
export type NoteEvent = (typeof NOTE_EVENTS)[number];
export type NoteEntry = OutboxEntry<NoteEvent>;
/** The inbox messages shown as notes. */
export type NoteMessage = Extract<
  InboxMessage,
  { kind: 'observation' | 'coaching-note' | 'receipt' }
>;

/** The name of the agent's half-written reply to a note (kept through reloads: lib/draft.ts). */
export const replyDraft = (noteId: string) => `reply.${noteId}`;

/** Kept in memory at most; older ones are on the hub. */
const KEEP = 500;

interface NotesState {
  /** Observations this user may see, oldest first, one per id. */
  observations: ObservationRecord[];
  /** Coaching notes to or by this user, oldest first. */
  coachingNotes: CoachingNoteRecord[];
  /** Coaching writes stored in the outbox and not yet acknowledged. */
  pending: NoteEntry[];
  /** Receipts that arrived before their observation did. */
  receipts: Record<string, Receipt>;

  loaded(pending: OutboxEntry[]): void;
  /** An inbox message, already deduplicated by seq. */
  received(message: NoteMessage): void;
  mine(notes: MyNotes): void;
  addObservations(records: ObservationRecord[]): void;
  addCoachingNote(record: CoachingNoteRecord): void;
  queued(entry: NoteEntry): void;
  acknowledged(seq: number): void;
  reset(): void;
}

const byAt = (a: { at: string }, b: { at: string }) => a.at.localeCompare(b.at);

/** Receipt times only ever fill in: a later, older copy of the record must not erase them. */
type ReceiptTimes = Pick<Receipt, 'releasedAt' | 'deliveredAt' | 'readAt'>;
function withReceipt<T extends ReceiptTimes>(o: T, r: ReceiptTimes): T {
  return {
    ...o,
    releasedAt: o.releasedAt ?? r.releasedAt,
    deliveredAt: o.deliveredAt ?? r.deliveredAt,
    readAt: o.readAt ?? r.readAt,
  };
}

function mergeObservations(
  current: ObservationRecord[],
  incoming: ObservationRecord[],
  receipts: Record<string, Receipt>,
): { observations: ObservationRecord[]; receipts: Record<string, Receipt> } {
  const map = new Map(current.map((o) => [o.id, o]));
  const rest = { ...receipts };
  for (const record of incoming) {
    const known = map.get(record.id);
    let merged = known ? withReceipt(record, known) : record;
    const early = rest[record.id];
    if (early) {
      merged = withReceipt(merged, early);
      delete rest[record.id];
    }
    map.set(record.id, merged);
  }
  return { observations: [...map.values()].sort(byAt).slice(-KEEP), receipts: rest };
}

function mergeNotes(current: CoachingNoteRecord[], incoming: CoachingNoteRecord[]) {
  const map = new Map(current.map((n) => [n.id, n]));
  // A reply only fills in: an older copy of the note arriving later must not erase it.
  for (const note of incoming)
    map.set(note.id, { ...note, reply: note.reply ?? map.get(note.id)?.reply ?? null });
  return [...map.values()].sort(byAt).slice(-KEEP);
}

const initial = {
  observations: [] as ObservationRecord[],
  coachingNotes: [] as CoachingNoteRecord[],
  pending: [] as NoteEntry[],
  receipts: {} as Record<string, Receipt>,
};

export const useNotes = create<NotesState>()((set, get) => ({
  ...initial,
  loaded: (pending) =>
    set({
      pending: pending.filter((e): e is NoteEntry =>
        (NOTE_EVENTS as readonly string[]).includes(e.event),
      ),
    }),
  received: (message) => {
    const state = get();
    switch (message.kind) {
      case 'observation':
        return set(mergeObservations(state.observations, [message.observation], state.receipts));
      case 'coaching-note':
        return set({ coachingNotes: mergeNotes(state.coachingNotes, [message.note]) });
      case 'receipt': {
        const r = message.receipt;
        const known = state.observations.find((o) => o.id === r.observationId);
        if (!known) {
          const early = state.receipts[r.observationId];
          return set({
            receipts: {
              ...state.receipts,
              [r.observationId]: early ? withReceipt(early, r) : r,
            },
          });
        }
        return set({
          observations: state.observations.map((o) =>
            o.id === r.observationId ? withReceipt(o, r) : o,
          ),
        });
      }
    }
  },
  mine: (notes) => {
    const state = get();
    set({
      ...mergeObservations(state.observations, notes.observations, state.receipts),
      coachingNotes: mergeNotes(state.coachingNotes, notes.coachingNotes),
    });
  },
  addObservations: (records) => {
    const state = get();
    set(mergeObservations(state.observations, records, state.receipts));
  },
  addCoachingNote: (record) => set({ coachingNotes: mergeNotes(get().coachingNotes, [record]) }),
  queued: (entry) => set({ pending: [...get().pending, entry] }),
  acknowledged: (seq) => set({ pending: get().pending.filter((e) => e.seq !== seq) }),
  reset: () => set(initial),
}));

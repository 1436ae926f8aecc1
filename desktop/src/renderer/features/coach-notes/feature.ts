import { ask } from '../../hub/client.js';
import type { Feature, InboxRoutes, OutboxRoutes } from '../../hub/feature.js';
import { inboxLoaded } from '../../hub/inbox.js';
import { useNotes, type NoteMessage } from './store.js';

/** How many recent notes a (re)connecting sidebar loads. */
const RECENT_NOTES = 50;

/** Observations, receipts and coaching notes: from the inbox, and the author's outbox. */
export const notesFeature = {
  name: 'coach-notes',
  reset: () => useNotes.getState().reset(),
  restore: (_snapshot, pending) => useNotes.getState().loaded(pending),
  async connected(user) {
    // A mystery caller gets no notes (the hub refuses them everything of the staff's).
    if (user.role === 'caller') return;
    // Recent notes, and the hub's inbox number (acknowledges what was handled offline).
    const res = await ask('observation:mine', { limit: RECENT_NOTES });
    if (!res.ok) return;
    inboxLoaded(res.data.inboxSeq);
    useNotes.getState().mine(res.data);
  },
} satisfies Feature;

const received = (message: NoteMessage) => useNotes.getState().received(message);
export const notesInbox = {
  observation: received,
  'coaching-note': received,
  receipt: received,
} satisfies Pick<InboxRoutes, NoteMessage['kind']>;

const settledObservation = {
  queued: (entry) => useNotes.getState().queued(entry),
  settled(entry, record) {
    if (record) useNotes.getState().addObservations([record]);
    useNotes.getState().acknowledged(entry.seq);
  },
} satisfies OutboxRoutes['observation:note'] & OutboxRoutes['observation:read'];

export const notesOutbox = {
  'observation:note': settledObservation,
  'observation:read': settledObservation,
  'coaching:note': {
    queued: (entry) => useNotes.getState().queued(entry),
    settled(entry, record) {
      if (record) useNotes.getState().addCoachingNote(record);
      useNotes.getState().acknowledged(entry.seq);
    },
  },
  'coaching:reply': {
    queued: (entry) => useNotes.getState().queued(entry),
    settled(entry, record) {
      if (record) useNotes.getState().addCoachingNote(record);
      useNotes.getState().acknowledged(entry.seq);
    },
  },
} satisfies Pick<
  OutboxRoutes,
  'observation:note' | 'observation:read' | 'coaching:note' | 'coaching:reply'
>;

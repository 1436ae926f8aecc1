// The user's inbox (observations, receipts, coaching notes, survey answers and statuses):
// numbered per user by the hub. The last number handled is kept on this device and sent in
// every handshake, so the hub replays what was missed, once and in order; acknowledgements are
// cumulative and debounced.
import { create } from 'zustand';
import type { InboxMessage } from '@sidecoach/shared';
import * as outbox from '../lib/outbox.js';
import { ask } from './client.js';
import type { InboxRoutes } from './feature.js';
import { useSession } from './session-store.js';

const ACK_DEBOUNCE_MS = 300;

interface InboxState {
  userId: string | null;
  /** The last number handled (undefined: none yet, the hub sends from now on). */
  lastSeq: number | undefined;
  ackTimer: ReturnType<typeof setTimeout> | undefined;
  routes: InboxRoutes | null;
}

export const useInbox = create<InboxState>()(() => ({
  userId: null,
  lastSeq: undefined,
  ackTimer: undefined,
  routes: null,
}));

/** Who handles each kind of message (set once by the entry file). */
export const routeInbox = (routes: InboxRoutes) => useInbox.setState({ routes });

/** Loads the user's inbox position from this device (before the first handshake). */
export async function startInbox(userId: string): Promise<void> {
  useInbox.setState({ userId, lastSeq: undefined });
  const stored = await outbox.loadLastSeq(userId).catch(() => undefined);
  if (useInbox.getState().userId === userId) useInbox.setState({ lastSeq: stored });
}

export function stopInbox(): void {
  clearTimeout(useInbox.getState().ackTimer);
  useInbox.setState({ userId: null, lastSeq: undefined, ackTimer: undefined });
}

/** For the handshake: the hub sends every message after this one (none given: from now on). */
export const inboxPosition = (): number | undefined => useInbox.getState().lastSeq;

export function onInboxMessage(message: InboxMessage): void {
  const { lastSeq, routes } = useInbox.getState();
  if (lastSeq !== undefined && message.seq <= lastSeq) return; // a replay of one already handled
  if (lastSeq !== undefined && message.seq > lastSeq + 1) {
    // A gap: the hub sends each connection every number in order, so one went missing on the
    // way. Handle nothing out of order; connect again from the last number handled, and the hub
    // replays the rest.
    resync();
    return;
  }
  useInbox.setState({ lastSeq: message.seq });
  dispatch(routes, message);
  scheduleAck();
}

function dispatch<K extends InboxMessage['kind']>(
  routes: InboxRoutes | null,
  message: Extract<InboxMessage, { kind: K }>,
) {
  const route = routes?.[message.kind];
  route?.(message);
}

/** Reconnects the session's socket: the handshake carries the last number handled. */
function resync() {
  const socket = useSession.getState().socket;
  if (!socket?.connected) return; // the next connection replays from the position anyway
  socket.disconnect();
  socket.connect();
}

/**
 * The hub's current inbox number, from a fresh load of recent messages: behind the stored
 * position means the hub's database was replaced and numbers start again.
 */
export function inboxLoaded(inboxSeq: number): void {
  const { lastSeq } = useInbox.getState();
  if (lastSeq === undefined || inboxSeq < lastSeq) useInbox.setState({ lastSeq: inboxSeq });
  scheduleAck();
}

function scheduleAck() {
  clearTimeout(useInbox.getState().ackTimer);
  useInbox.setState({ ackTimer: setTimeout(() => void acknowledge(), ACK_DEBOUNCE_MS) });
}

/** Persists the position, then tells the hub (an agent's notes become "delivered"). */
async function acknowledge(): Promise<void> {
  const { userId, lastSeq } = useInbox.getState();
  if (!userId || lastSeq === undefined) return;
  await outbox.saveLastSeq(userId, lastSeq).catch(() => undefined);
  if (useInbox.getState().userId !== userId) return;
  // Not acknowledged now (offline, timeout): the next connection acknowledges again.
  await ask('inbox:ack', { seq: lastSeq });
}

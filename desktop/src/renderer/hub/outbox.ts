// Sends the outbox in order until every write is acknowledged, and hands each answer to the
// feature that shows the write. Writes are stored in IndexedDB before anything shows them.
import { create } from 'zustand';
import type { ErrorCode } from '@sidecoach/shared';
import * as db from '../lib/outbox.js';
import type { OutboxEntry, OutboxWrite } from '../lib/outbox.js';
import { showNotice } from '../ui/notice-store.js';
import { ask } from './client.js';
import { isNetworkFailure } from './errors.js';
import type { OutboxRoutes } from './feature.js';
import { useSession } from './session-store.js';

/** Refusals that a resend cannot fix: drop the write and tell the user. */
const FINAL: readonly ErrorCode[] = [
  'bad_request',
  'forbidden',
  'not_found',
  'conflict',
  'unknown_event',
];
const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;

interface OutboxState {
  flushing: boolean;
  retryTimer: ReturnType<typeof setTimeout> | undefined;
  retryDelay: number;
  routes: OutboxRoutes | null;
}

export const useOutbox = create<OutboxState>()(() => ({
  flushing: false,
  retryTimer: undefined,
  retryDelay: FIRST_RETRY_MS,
  routes: null,
}));

/** Who shows each kind of write (set once by the entry file). */
export const routeOutbox = (routes: OutboxRoutes) => useOutbox.setState({ routes });

/** A route seen through any entry: `OutboxRoutes` pairs each event with its own types. */
interface AnyRoute {
  queued(entry: OutboxEntry): void;
  settled(entry: OutboxEntry, data: unknown): void;
}
function routeOf(entry: OutboxEntry): AnyRoute | undefined {
  const routes: Partial<Record<string, AnyRoute>> | null = useOutbox.getState().routes;
  return routes?.[entry.event];
}

/** Stores a write in the outbox, shows it, and sends what is waiting. */
export async function write(w: OutboxWrite): Promise<void> {
  const session = useSession.getState().session;
  if (!session) return;
  const entry = await db.enqueue(session.user.id, w);
  routeOf(entry)?.queued(entry);
  void flush();
}

async function send(entry: OutboxEntry): Promise<'sent' | 'retry'> {
  const res = await ask(entry.event, entry.payload);
  if (res.ok) {
    await db.remove(entry.seq);
    routeOf(entry)?.settled(entry, res.data);
    return 'sent';
  }
  // No answer (the hub stores each id once, so resend later), or a refusal worth retrying.
  if (isNetworkFailure(res.code) || !(FINAL as readonly string[]).includes(res.code))
    return 'retry';
  await db.remove(entry.seq);
  routeOf(entry)?.settled(entry, null);
  showNotice(res.error);
  return 'sent';
}

export async function flush(): Promise<void> {
  const state = useOutbox.getState();
  if (state.flushing) return;
  useOutbox.setState({ flushing: true });
  clearTimeout(state.retryTimer);
  try {
    for (;;) {
      const { session, socket } = useSession.getState();
      if (!session || !socket?.connected) return;
      const [next] = await db.pending(session.user.id);
      if (!next) return;
      if ((await send(next)) === 'retry') return scheduleRetry();
    }
  } finally {
    useOutbox.setState({ flushing: false });
  }
}

function scheduleRetry() {
  const { retryTimer, retryDelay } = useOutbox.getState();
  clearTimeout(retryTimer);
  useOutbox.setState({
    retryTimer: setTimeout(() => void flush(), retryDelay),
    retryDelay: Math.min(retryDelay * 2, MAX_RETRY_MS),
  });
}

/** Connected again: send at once, and back off from the start next time. */
export function flushNow(): void {
  useOutbox.setState({ retryDelay: FIRST_RETRY_MS });
  void flush();
}

/** Signed out: no retry left running for the previous user. */
export function stopOutbox(): void {
  clearTimeout(useOutbox.getState().retryTimer);
  useOutbox.setState({ retryTimer: undefined, retryDelay: FIRST_RETRY_MS });
}

// Keeps the sidebar and the hub in step: connects, loads, and sends the outbox in order until
// every write is acknowledged. Writes are stored in IndexedDB before the UI shows them.
import type { AckResponse, CallRecord, ErrorCode } from '@sidecoach/shared';
import { openSocket, request, signOut as hubSignOut, type HubSocket } from '../lib/hub-api.js';
import * as outbox from '../lib/outbox.js';
import type { OutboxWrite } from '../lib/outbox.js';
import { bridge } from '../lib/bridge.js';
import { useSidebar, type Session } from './sidebar-store.js';
import { handleCallEvent } from './softphone.js';
import { handleHotkey } from './hotkeys.js';

const SESSION_KEY = 'sidecoach.session';
const ACK_TIMEOUT_MS = 10_000;
/** Refusals that a resend cannot fix: drop the write and tell the agent. */
const FINAL: readonly ErrorCode[] = [
  'bad_request',
  'forbidden',
  'not_found',
  'conflict',
  'unknown_event',
];

let socket: HubSocket | null = null;
let flushing = false;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let retryDelay = 1_000;

export function savedSession(): Session | null {
  try {
    return JSON.parse(localStorage.getItem(SESSION_KEY) ?? 'null') as Session | null;
  } catch {
    return null;
  }
}

let unsubscribeCalls: (() => void) | undefined;
let unsubscribeHotkeys: (() => void) | undefined;

/** Starts a session: shows what this device knows at once, then connects to the hub. */
export async function begin(session: Session): Promise<void> {
  // Softphones on this machine (desktop only) drive calls like the phone system does.
  unsubscribeCalls?.();
  unsubscribeHotkeys?.();
  unsubscribeCalls = bridge.onCallEvent?.((event) => handleCallEvent(event));
  unsubscribeHotkeys = bridge.onHotkey?.((action) => handleHotkey(action));
  localStorage.setItem(SESSION_KEY, JSON.stringify(session));
  const store = useSidebar.getState();
  store.signedIn(session);
  const [snapshot, pending] = await Promise.all([
    outbox.loadSnapshot(session.user.id),
    outbox.pending(session.user.id),
  ]);
  if (snapshot) store.loaded(snapshot.pack, [...snapshot.recentCalls], pending);
  connect(session);
}

function connect(session: Session) {
  socket?.close();
  const s = openSocket(session.hubUrl, session.token);
  socket = s;
  const store = useSidebar.getState();
  s.on('connect', () => void onConnect(s, session));
  s.on('disconnect', () => store.setConnection('offline'));
  s.on('connect_error', (err) => {
    if (err.message === 'unauthorized') void end({ key: 'signIn.expired' });
    else store.setConnection('offline');
  });
  s.on('call:changed', (record) => useSidebar.getState().serverChanged(record));
  s.on('softphone:event', (event) => handleCallEvent(event));
}

async function onConnect(s: HubSocket, session: Session) {
  const res = await request(s, 'session:bootstrap', {}, ACK_TIMEOUT_MS).catch(() => null);
  if (!res?.ok) return;
  const boot = res.data;
  await outbox.saveSnapshot(session.user.id, boot);
  const calls =
    boot.openCall && !boot.recentCalls.some((c) => c.id === boot.openCall?.id)
      ? [boot.openCall, ...boot.recentCalls]
      : boot.recentCalls;
  useSidebar.getState().loaded(boot.pack, calls, await outbox.pending(session.user.id));
  useSidebar.getState().setConnection('online');
  retryDelay = 1_000;
  void flush();
}

/** Stores a write in the outbox, shows it, and sends what is waiting. */
export async function write(w: OutboxWrite): Promise<void> {
  const session = useSidebar.getState().session;
  if (!session) return;
  const entry = await outbox.enqueue(session.user.id, w);
  useSidebar.getState().queued(entry);
  void flush();
}

async function flush(): Promise<void> {
  if (flushing) return;
  flushing = true;
  clearTimeout(retryTimer);
  try {
    for (;;) {
      const s = socket;
      const next = useSidebar.getState().pending[0];
      if (!s?.connected || !next) return;
      let res: AckResponse<CallRecord>;
      try {
        // Every outbox write is acknowledged with the updated call.
        res = await request<'call:start'>(
          s,
          next.event as 'call:start',
          next.payload as never,
          ACK_TIMEOUT_MS,
        );
      } catch {
        return scheduleRetry(); // no acknowledgement in time: the hub stores each id once, so resend later
      }
      if (res.ok) {
        await outbox.remove(next.seq);
        useSidebar.getState().acknowledged(next.seq, res.data);
      } else if (FINAL.includes(res.error.code)) {
        await outbox.remove(next.seq);
        useSidebar.getState().acknowledged(next.seq, null);
        useSidebar
          .getState()
          .showNotice({ key: `errors.${res.error.code}`, values: { message: res.error.message } });
      } else {
        return scheduleRetry();
      }
    }
  } finally {
    flushing = false;
  }
}

function scheduleRetry() {
  clearTimeout(retryTimer);
  retryTimer = setTimeout(() => void flush(), retryDelay);
  retryDelay = Math.min(retryDelay * 2, 30_000);
}

/** Signs out (the outbox stays on the device and is sent at the next sign-in). */
export async function end(notice?: { key: string }): Promise<void> {
  const session = useSidebar.getState().session;
  socket?.close();
  socket = null;
  unsubscribeCalls?.();
  unsubscribeHotkeys?.();
  unsubscribeCalls = unsubscribeHotkeys = undefined;
  localStorage.removeItem(SESSION_KEY);
  useSidebar.getState().signedOut(notice);
  if (session && !notice) await hubSignOut(session.hubUrl, session.token);
}

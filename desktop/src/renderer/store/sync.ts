// Keeps the sidebar and the hub in step: connects, loads, and sends the outbox in order until
// every write is acknowledged. Writes are stored in IndexedDB before the UI shows them.
import type { HandshakeAuth } from '@sidecoach/shared';
import { openSocket, request, signOut as hubSignOut, type HubSocket } from '../lib/hub-api.js';
import * as outbox from '../lib/outbox.js';
import { isCallEntry, isNoteEntry } from '../lib/outbox.js';
import { bridge } from '../lib/bridge.js';
import { useSidebar, type Session } from './sidebar-store.js';
import { useNotes } from './notes-store.js';
import { useObserve } from './observe-store.js';
import { useLanguageStats } from './language-stats-store.js';
import { handleCallEvent } from './softphone.js';
import { handleHotkey } from './hotkeys.js';
import { ACK_TIMEOUT_MS, currentSocket, setSocket } from './connection.js';
import { flushNow } from './outbox-flush.js';
import { inboxPosition, onInboxMessage, startInbox, stopInbox, syncInbox } from './inbox-sync.js';
import { agentConnected, coachConnected, followRinging, stopObserving } from './observe-sync.js';
import {
  actionsChanged,
  agentReflectionConnected,
  reloadSession,
  sessionChanged,
} from './reflection-store.js';
import { loadMyFeedback, useSurveys } from './surveys-store.js';

export { write } from './outbox-flush.js';

const SESSION_KEY = 'sidecoach.session';
const LEAVE_TIMEOUT_MS = 1_000;

export function savedSession(): Session | null {
  try {
    return JSON.parse(localStorage.getItem(SESSION_KEY) ?? 'null') as Session | null;
  } catch {
    return null;
  }
}

let unsubscribers: Array<() => void> = [];

/** Starts a session: shows what this device knows at once, then connects to the hub. */
export async function begin(session: Session): Promise<void> {
  // Softphones on this machine (desktop only) drive calls like the phone system does.
  unsubscribers.forEach((off) => off());
  unsubscribers = [
    bridge.onCallEvent?.((event) => handleCallEvent(event)),
    bridge.onHotkey?.((action) => handleHotkey(action)),
    followRinging(),
  ].filter((off) => off !== undefined);
  localStorage.setItem(SESSION_KEY, JSON.stringify(session));
  const store = useSidebar.getState();
  store.signedIn(session);
  const userId = session.user.id;
  const [snapshot, pending] = await Promise.all([
    outbox.loadSnapshot(userId),
    outbox.pending(userId),
    startInbox(userId),
  ]);
  useNotes.getState().loaded(pending.filter(isNoteEntry));
  if (snapshot) store.loaded(snapshot.pack, [...snapshot.recentCalls], pending.filter(isCallEntry));
  connect(session);
}

function connect(session: Session) {
  currentSocket()?.close();
  const auth = (): HandshakeAuth => {
    const lastSeq = inboxPosition();
    return lastSeq === undefined ? { token: session.token } : { token: session.token, lastSeq };
  };
  const s = openSocket(session.hubUrl, auth);
  setSocket(s);
  const store = useSidebar.getState();
  s.on('connect', () => void onConnect(s, session));
  s.on('disconnect', () => store.setConnection('offline'));
  s.on('connect_error', (err) => {
    if (err.message === 'unauthorized') void end({ key: 'signIn.expired' });
    else store.setConnection('offline');
  });
  s.on('call:changed', (record) => {
    // Observers get the calls of the agents they observe on the same event.
    if (record.agentId === session.user.id) useSidebar.getState().serverChanged(record);
    else useObserve.getState().callChanged(record);
  });
  s.on('softphone:event', (event) => handleCallEvent(event));
  s.on('inbox:message', (message) => onInboxMessage(message));
  s.on('floor:agent', (entry) => useObserve.getState().floorAgent(entry));
  s.on('reflection:changed', (session) => sessionChanged(session));
  s.on('actions:changed', (mine) => actionsChanged(mine));
  s.on('profile:changed', () => void profileChanged(s, session));
}

/** Loads the pack, the calls and the profile as the hub has them now; false if it could not. */
async function bootstrap(s: HubSocket, session: Session): Promise<boolean> {
  const res = await request(s, 'session:bootstrap', {}, ACK_TIMEOUT_MS).catch(() => null);
  if (!res?.ok) return false;
  const boot = res.data;
  await outbox.saveSnapshot(session.user.id, boot);
  const calls =
    boot.openCall && !boot.recentCalls.some((c) => c.id === boot.openCall?.id)
      ? [boot.openCall, ...boot.recentCalls]
      : boot.recentCalls;
  const pending = await outbox.pending(session.user.id);
  useSidebar.getState().loaded(boot.pack, calls, pending.filter(isCallEntry));
  // The profile as the hub has it now (a team setting such as "behaviours, not scores" changes).
  const current = useSidebar.getState().session;
  if (current && JSON.stringify(current.user) !== JSON.stringify(boot.user)) {
    const next = { ...current, user: boot.user };
    localStorage.setItem(SESSION_KEY, JSON.stringify(next));
    useSidebar.setState({ session: next });
  }
  return true;
}

async function onConnect(s: HubSocket, session: Session) {
  void syncInbox(s);
  if (!(await bootstrap(s, session))) return;
  useSidebar.getState().setConnection('online');
  // What changed in an open session while this side was away.
  void reloadSession();
  if (session.user.role === 'agent') {
    agentConnected(s);
    void agentReflectionConnected();
  } else void coachConnected(s);
  flushNow();
}

/** The hub changed the user's profile: load it again, and what on screen may carry numbers. */
async function profileChanged(s: HubSocket, session: Session) {
  await bootstrap(s, session);
  void reloadSession();
  if (session.user.role === 'agent' && useSurveys.getState().mine.status !== 'idle')
    void loadMyFeedback();
}

/** Signs out (the outbox stays on the device and is sent at the next sign-in). */
export async function end(notice?: { key: string }): Promise<void> {
  const session = useSidebar.getState().session;
  // A coach who signs out stops observing (else the agent's notes keep coming to their inbox).
  if (useObserve.getState().target) await stopObserving(LEAVE_TIMEOUT_MS);
  currentSocket()?.close();
  setSocket(null);
  unsubscribers.forEach((off) => off());
  unsubscribers = [];
  stopInbox();
  localStorage.removeItem(SESSION_KEY);
  useSidebar.getState().signedOut(notice);
  useNotes.getState().reset();
  useObserve.getState().reset();
  useLanguageStats.getState().reset();
  if (session && !notice) await hubSignOut(session.hubUrl, session.token);
}

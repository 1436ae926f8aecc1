// The session lifecycle: sign-in, connect, reconnect, profile changed, sign-out. Features
// register with it (see feature.ts); it imports none of them.
import { create } from 'zustand';
import { PROTOCOL_VERSION, type Bootstrap, type HandshakeAuth } from '@sidecoach/shared';
import * as db from '../lib/outbox.js';
import { clearDrafts } from '../lib/draft.js';
import { resetTokenInLink } from '../lib/reset-link.js';
import { showNotice } from '../ui/notice-store.js';
import { ask, openSocket, signOutRequest } from './client.js';
import type { Message } from './errors.js';
import type { Feature } from './feature.js';
import { inboxPosition, onInboxMessage, startInbox, stopInbox } from './inbox.js';
import { flushNow, stopOutbox } from './outbox.js';
import { RETRY_FIRST_MS, useSession, type HubSocket, type Session } from './session-store.js';

const SESSION_KEY = 'sidecoach.session';
/** The reasons the hub gives for refusing a connection (socket.io `connect_error` messages). */
export const REFUSED_UNAUTHORIZED = 'unauthorized';
export const REFUSED_OUTDATED = 'outdated_client';

const useFeatures = create<{ features: readonly Feature[] }>()(() => ({ features: [] }));

/** The features of this sidebar, in the order their hooks run (set once by the entry file). */
export const registerFeatures = (features: readonly Feature[]) =>
  useFeatures.setState({ features });

const each = (hook: (f: Feature) => void) => useFeatures.getState().features.forEach(hook);

export function savedSession(): Session | null {
  try {
    return JSON.parse(localStorage.getItem(SESSION_KEY) ?? 'null') as Session | null;
  } catch {
    return null;
  }
}

/** The session this device kept for this hub, resumed; else the sign-in screen. */
export async function resume(hubUrl: string): Promise<void> {
  void retrySignOuts();
  // A reset link opens the sign-in screen on "choose your password", whoever was signed in.
  if (resetTokenInLink() !== null) return void useSession.setState({ phase: 'signed-out' });
  const session = savedSession();
  if (session && session.hubUrl === hubUrl) await begin(session);
  else useSession.setState({ phase: 'signed-out' });
}

function unsubscribeAll() {
  useSession.getState().unsubscribers.forEach((off) => off());
  useSession.setState({ unsubscribers: [] });
}

/** Starts a session: shows what this device knows at once, then connects to the hub. */
export async function begin(session: Session): Promise<void> {
  unsubscribeAll();
  // Another user's session on this device starts from nothing.
  if (useSession.getState().session?.user.id !== session.user.id) each((f) => f.reset());
  localStorage.setItem(SESSION_KEY, JSON.stringify(session));
  useSession.setState({ session, phase: 'ready', signInNotice: null, connection: 'connecting' });
  const unsubscribers: Array<() => void> = [];
  each((f) => {
    const off = f.subscribe?.(session);
    if (off) unsubscribers.push(off);
  });
  useSession.setState({ unsubscribers });
  const userId = session.user.id;
  const [snapshot, pending] = await Promise.all([
    db.loadSnapshot(userId),
    db.pending(userId),
    startInbox(userId),
  ]);
  each((f) => f.restore?.(snapshot, pending));
  connect(session);
}

function connect(session: Session) {
  useSession.getState().socket?.close();
  const auth = (): Omit<HandshakeAuth, 'protocol'> => {
    const lastSeq = inboxPosition();
    return lastSeq === undefined ? { token: session.token } : { token: session.token, lastSeq };
  };
  const s = openSocket(session.hubUrl, auth);
  useSession.setState({ socket: s });
  s.on('connect', () => void onConnect(s, session));
  s.on('disconnect', (reason) => {
    useSession.setState({ connection: 'offline' });
    // The hub closed this connection (its session was signed out elsewhere, the user's rights
    // changed, or it could not deliver the inbox). socket.io does not reconnect by itself after
    // that: this side does, and the handshake then says whether the session still stands.
    if (reason === 'io server disconnect') retryLater(s, () => s.connect());
  });
  s.on('connect_error', (err) => {
    if (err.message === REFUSED_UNAUTHORIZED) void end({ key: 'signIn.expired' });
    else if (err.message === REFUSED_OUTDATED) outdated(err);
    else {
      useSession.setState({ connection: 'offline' });
      // The hub refused for now ('unavailable', its database away): socket.io does not try a
      // refused handshake again by itself, so this side does, backing off.
      if (!s.active) retryLater(s, () => s.connect());
    }
  });
  s.on('inbox:message', (message) => onInboxMessage(message));
  s.on('profile:changed', () => void profileChanged(session));
  // A new scorecard version or revision: the next call is checked against it. Spread over a
  // few seconds so a whole floor does not ask the hub at the same instant.
  s.on('scorecard:changed', () => {
    setTimeout(() => {
      if (useSession.getState().socket === s) void bootstrap(session);
    }, Math.random() * SCORECARD_SPREAD_MS);
  });
  each((f) => f.listen?.(s, session));
}

/**
 * The hub speaks another protocol version: nothing would work, so say which side to update
 * and stop trying (socket.io does not retry a refusal). The session and the outbox stay: after
 * the update everything typed is sent.
 */
function outdated(err: Error) {
  const { hubProtocol } = ((err as Error & { data?: unknown }).data ?? {}) as {
    hubProtocol?: number;
  };
  const hubIsOlder = typeof hubProtocol === 'number' && hubProtocol < PROTOCOL_VERSION;
  useSession.setState({ connection: 'offline' });
  showNotice({ key: hubIsOlder ? 'errors.hubOutdated' : 'errors.outdated' });
}

/** Loads the pack, the calls and the profile as the hub has them now; false if it could not. */
async function bootstrap(session: Session): Promise<Bootstrap | null> {
  const res = await ask('session:bootstrap', {});
  if (!res.ok) return null;
  const boot = res.data;
  await db.saveSnapshot(session.user.id, boot);
  const pending = await db.pending(session.user.id);
  each((f) => f.bootstrapped?.(boot, pending));
  // The profile as the hub has it now (a team setting such as "behaviours, not scores" changes).
  const current = useSession.getState().session;
  if (current && JSON.stringify(current.user) !== JSON.stringify(boot.user)) {
    const next = { ...current, user: boot.user };
    localStorage.setItem(SESSION_KEY, JSON.stringify(next));
    useSession.setState({ session: next });
  }
  return boot;
}

/** How long sidebars spread their reloads of a newly published scorecard over. */
const SCORECARD_SPREAD_MS = 3_000;

/** Backoff for what the hub could not do yet: 1 s, doubling to 30 s, reset when online. */
const RETRY_MAX_MS = 30_000;
function retryLater(s: HubSocket, again: () => void) {
  const delay = useSession.getState().retryMs;
  useSession.setState({ retryMs: Math.min(delay * 2, RETRY_MAX_MS) });
  setTimeout(() => {
    if (useSession.getState().socket === s) again();
  }, delay);
}

async function onConnect(s: HubSocket, session: Session) {
  const boot = await bootstrap(session);
  if (useSession.getState().socket !== s) return;
  if (!boot) {
    // Connected, but the hub could not answer (its database away): ask again, backing off.
    if (s.connected) retryLater(s, () => void onConnect(s, session));
    return;
  }
  useSession.setState({ retryMs: RETRY_FIRST_MS });
  useSession.setState({ connection: 'online' });
  each((f) => void f.connected?.(boot.user));
  flushNow();
  // The hub is reachable again: a sign-out it missed on this device can reach it now.
  void retrySignOuts();
}

/** The hub changed the user's profile: load it again, and what on screen may carry numbers. */
async function profileChanged(session: Session) {
  const boot = await bootstrap(session);
  if (boot) each((f) => f.profileChanged?.(boot.user));
}

/** Signs out (the outbox stays on the device and is sent at the next sign-in). */
export async function end(notice?: Message): Promise<void> {
  const { session, socket } = useSession.getState();
  // Say goodbye while the socket is still open (a coach stops observing), bounded in time.
  await Promise.all(
    useFeatures.getState().features.map((f) => f.signingOut?.() ?? Promise.resolve()),
  ).catch(() => undefined);
  socket?.close();
  unsubscribeAll();
  stopInbox();
  stopOutbox();
  localStorage.removeItem(SESSION_KEY);
  useSession.setState({
    session: null,
    socket: null,
    phase: 'signed-out',
    signInNotice: notice ?? null,
    connection: 'connecting',
  });
  each((f) => f.reset());
  // Signed out by choice: the half-typed drafts go too (an expired session keeps them for the
  // same user's next sign-in).
  if (session && !notice) clearDrafts(session.user.id);
  if (session && !notice) await tellHubSignedOut(session.hubUrl, session.token);
}

// Sign-outs the hub has not heard of yet (it was unreachable): told as soon as it is, so the
// session stops working there too. Kept on this device until then.
const SIGN_OUTS_KEY = 'sidecoach.pendingSignOuts';
const SIGN_OUT_RETRY_MS = 30_000;
let signOutTimer: ReturnType<typeof setTimeout> | undefined;

function pendingSignOuts(): Array<{ hubUrl: string; token: string }> {
  try {
    return JSON.parse(localStorage.getItem(SIGN_OUTS_KEY) ?? '[]') as Array<{
      hubUrl: string;
      token: string;
    }>;
  } catch {
    return [];
  }
}

async function tellHubSignedOut(hubUrl: string, token: string): Promise<void> {
  if (await signOutRequest(hubUrl, token)) return;
  const queued = pendingSignOuts().filter((s) => s.token !== token);
  localStorage.setItem(SIGN_OUTS_KEY, JSON.stringify([...queued, { hubUrl, token }]));
  scheduleSignOuts();
}

/** Tells the hub of every sign-out it missed; what it still cannot hear is tried again later. */
export async function retrySignOuts(): Promise<void> {
  clearTimeout(signOutTimer);
  const left = [];
  for (const s of pendingSignOuts()) if (!(await signOutRequest(s.hubUrl, s.token))) left.push(s);
  if (left.length > 0) localStorage.setItem(SIGN_OUTS_KEY, JSON.stringify(left));
  else localStorage.removeItem(SIGN_OUTS_KEY);
  if (left.length > 0) scheduleSignOuts();
}

function scheduleSignOuts() {
  clearTimeout(signOutTimer);
  signOutTimer = setTimeout(() => void retrySignOuts(), SIGN_OUT_RETRY_MS);
}

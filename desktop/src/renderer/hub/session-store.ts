import { create } from 'zustand';
import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents, UserProfile } from '@sidecoach/shared';
import type { Message } from './errors.js';

export type HubSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface Session {
  token: string;
  hubUrl: string;
  user: UserProfile;
}

export type Connection = 'connecting' | 'online' | 'offline';

/** The first wait before asking a hub that could not answer again. */
export const RETRY_FIRST_MS = 1_000;

interface SessionState {
  phase: 'loading' | 'signed-out' | 'ready';
  session: Session | null;
  connection: Connection;
  /** Why the user is at the sign-in screen (expired, an outdated sidebar). */
  signInNotice: Message | null;
  /** The one socket to the hub while signed in. */
  socket: HubSocket | null;
  /** Every unsubscribe of the signed-in user's listeners (device events, other stores). */
  unsubscribers: Array<() => void>;
  /** The next wait before asking a hub that could not answer again (backs off, reset online). */
  retryMs: number;
  /**
   * When this device last lost the hub (ms, its clock), null while online: what the hub told
   * it is as of then, and live timers stop there instead of running as if they were.
   */
  offlineSince: number | null;
}

export const useSession = create<SessionState>()(() => ({
  phase: 'loading',
  session: null,
  connection: 'connecting',
  signInNotice: null,
  socket: null,
  unsubscribers: [],
  retryMs: RETRY_FIRST_MS,
  offlineSince: null,
}));

useSession.subscribe((state, prev) => {
  if (state.connection === prev.connection) return;
  if (state.connection === 'online') useSession.setState({ offlineSince: null });
  else if (prev.connection === 'online') useSession.setState({ offlineSince: Date.now() });
});

/** The signed-in user's profile, if any (for code outside React). */
export const currentUser = (): UserProfile | undefined => useSession.getState().session?.user;

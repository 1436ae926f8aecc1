import type { Server, Socket } from 'socket.io';
import type { Logger } from './log.js';
import type {
  ClientToServerEvents,
  InterServerEvents,
  ServerToClientEvents,
} from '@sidecoach/shared';
import type { AuthUser } from './auth/users.js';
import type { Db } from './store/db.js';
import type { StandardsLibrary } from './standards/packs.js';

export interface SocketData {
  user: AuthUser;
}

export type HubServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;
export type HubSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;

/** What every capability is given: storage, standards, the socket server, a logger. */
export interface HubContext {
  db: Db;
  standards: StandardsLibrary;
  io: HubServer;
  log: Logger;
}

/** Room of every socket a user has open (desktop and web sidebars, several tabs). */
export const userRoom = (userId: string) => `user:${userId}`;
/** Room of every socket opened with one session token (closed on sign-out). */
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;

import type { EventEmitter } from 'node:events';
import type { Server, Socket } from 'socket.io';
import type { Logger } from './log.js';
import type {
  ClientToServerEvents,
  InterServerEvents,
  ServerToClientEvents,
  CallEvent,
  CallRecord,
  StandardsPack,
} from '@sidecoach/shared';
import type { JobQueue } from './jobs.js';
import type { AuthUser } from './people.js';
import type { ClusterNode } from './cluster.js';
import type { ScoreVisibility } from './scores.js';
import type { Db } from '../store/db.js';

export interface SocketData {
  user: AuthUser;
  /** The last inbox seq the client said it has (handshake `auth.lastSeq`). */
  lastSeq?: number | undefined;
  /** When the socket's session expires (ISO 8601): the socket is closed then. */
  sessionEndsAt: string;
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

/** What capabilities tell each other, without reaching into each other's code. */
export interface HubEvents {
  /**
   * A call was started, ticked, ended, retyped or assessed (after it was stored). A tick
   * changes the checklist only, not the agent's status.
   */
  'call:changed': [call: CallRecord, change: 'status' | 'tick'];
  /** A customer's survey answer about the agent's call was stored (recognition's streaks). */
  'survey:answered': [agentId: string];
  /** The PBX reported a call event for the agent. */
  'softphone:event': [agentId: string, event: CallEvent];
  /** An agent's connection count changed (first socket opened, last one closed). */
  'presence:changed': [agentId: string];
  /**
   * What these users may do or see changed (disabled, role, teams, permissions, a team move):
   * capabilities drop what they hold that the users may no longer have, handing `wait` the work
   * so it is done before the admin's change is acknowledged (lib/rights.ts).
   */
  'rights:changed': [userIds: readonly string[], wait: (work: Promise<unknown>) => void];
}

/** Versioned standards packs (standards/packs.ts keeps them). */
export interface Standards {
  /** The pack new calls are checked and scored against. */
  readonly active: StandardsPack;
  /** Any stored version, as a call scored with it must be read. */
  version(packId: string, version: number): Promise<StandardsPack | undefined>;
  /** The active version's newest revision and where it came from. */
  readonly newest: { pack: StandardsPack; revision: number; source: 'yaml' | 'app' };
  /** Reads the active pack again after a publish; true when it changed. */
  reload(): Promise<boolean>;
}

/** What every capability is given: storage, standards, the socket server, a logger. */
export interface HubContext {
  db: Db;
  standards: Standards;
  io: HubServer;
  log: Logger;
  bus: EventEmitter<HubEvents>;
  /** Numbered per-recipient messages that must not be lost (group-committed). */
  inbox: JobQueue;
  /** This hub process among the others on the database: presence, ringing, node heartbeats. */
  cluster: ClusterNode;
  /** "Coach on behaviours, not scores": what an agent may receive (every emit to agents goes through it). */
  scores: ScoreVisibility;
}

/** Room of every socket a user has open (desktop and web sidebars, several tabs). */
export const userRoom = (userId: string) => `user:${userId}`;
/** Room of every socket opened with one session token (closed on sign-out). */
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;
/** Sockets of the supervisors and leads of a team (floor view updates). */
export const teamRoom = (teamId: string) => `team:${teamId}`;
/** Sockets of admins (quality managers): the floor of every team. */
export const ALL_TEAMS_ROOM = 'team:*';
/** Sockets observing an agent now (live ticks and call changes). */
export const observersRoom = (agentId: string) => `observers:${agentId}`;

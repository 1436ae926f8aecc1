import { randomBytes, randomUUID } from 'node:crypto';
import { nowIso, type Db } from '../store/db.js';
import type { Trx } from './jobs.js';
import { tokenHash } from './tokens.js';
import type { Logger } from './log.js';

// Sessions: created at sign-in (password, one-time code, single sign-on), listed as the user's
// devices, revoked by sign-out, a password change or an admin.

/** Where a sign-in came from, as the user's list of devices shows it. */
export interface SessionOrigin {
  device?: string | undefined;
  userAgent?: string | undefined;
  ip?: string | undefined;
}

const USER_AGENT_MAX = 300;

export async function createSession(
  db: Db | Trx,
  userId: string,
  hours: number,
  origin: SessionOrigin = {},
) {
  const token = randomBytes(32).toString('base64url');
  const id = randomUUID();
  const now = nowIso();
  const expiresAt = new Date(Date.now() + hours * 3_600_000).toISOString();
  await db
    .insertInto('sessions')
    .values({
      id,
      token_hash: tokenHash(token),
      user_id: userId,
      created_at: now,
      expires_at: expiresAt,
      revoked_at: null,
      device: origin.device ?? null,
      user_agent: origin.userAgent?.slice(0, USER_AGENT_MAX) ?? null,
      ip: origin.ip ?? null,
      last_seen_at: now,
    })
    .execute();
  return { id, token, expiresAt };
}

export async function revokeSession(db: Db | Trx, sessionId: string): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revoked_at: nowIso() })
    .where('id', '=', sessionId)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Revokes every live session of a user (but one, if given); answers the ids revoked. */
export async function revokeUserSessions(
  db: Db | Trx,
  userId: string,
  except?: string,
): Promise<string[]> {
  let query = db
    .updateTable('sessions')
    .set({ revoked_at: nowIso() })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null);
  if (except) query = query.where('id', '!=', except);
  const rows = await query.returning('id').execute();
  return rows.map((r) => r.id);
}

/** How stale a session's last-seen time may be: a reconnecting sidebar writes once a minute. */
export const LAST_SEEN_EVERY_MS = 60_000;

/** Marks a session seen now, unless it was within the last minute (one write, or none). */
export async function touchSession(db: Db, sessionId: string): Promise<void> {
  const now = nowIso();
  const before = new Date(Date.now() - LAST_SEEN_EVERY_MS).toISOString();
  await db
    .updateTable('sessions')
    .set({ last_seen_at: now })
    .where('id', '=', sessionId)
    .where((eb) => eb.or([eb('last_seen_at', 'is', null), eb('last_seen_at', '<', before)]))
    .execute();
}

/**
 * How often each node compares its sockets' sessions with the database: a revocation whose
 * hint the adapter lost (its connection dropped) or that was written by another tool closes
 * the sockets within this. 2,000 sockets cost four primary-key reads each time.
 */
export const SESSION_CHECK_MS = 5_000;
/** Session ids read in one query (well under SQLite's limit of bound parameters). */
const CHECK_CHUNK = 500;
/** setTimeout's longest delay (about 24.8 days): a later expiry is waited for in steps. */
const MAX_TIMER_MS = 2_147_483_647;

interface Watched {
  sessionId: string;
  close: () => void;
  timer: NodeJS.Timeout | undefined;
}

/**
 * Closes the sockets of sessions that have ended, on the node that holds them: at the moment
 * a session expires (a timer per socket), and when it was revoked (sign-out, a password change,
 * an admin) and the socket.io adapter's relay of that close did not reach this node (a check of
 * every socket's session every `checkMs`). A closed sidebar reconnects, the handshake refuses
 * the ended session, and it shows the sign-in screen.
 */
export class SessionWatch {
  private readonly sockets = new Map<string, Watched>();
  private interval: NodeJS.Timeout | undefined;
  private checking: Promise<void> | undefined;

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
    private readonly checkMs = SESSION_CHECK_MS,
  ) {}

  start(): void {
    this.interval = setInterval(() => {
      this.checking ??= this.check().finally(() => (this.checking = undefined));
    }, this.checkMs);
    this.interval.unref();
  }

  /** Stops the check and every timer; waits for a check under way. */
  async stop(): Promise<void> {
    clearInterval(this.interval);
    for (const w of this.sockets.values()) clearTimeout(w.timer);
    this.sockets.clear();
    await this.checking;
  }

  /** Watches a socket's session, ending at `expiresAt`; `close` disconnects it. */
  watch(socketId: string, sessionId: string, expiresAt: string, close: () => void): void {
    const watched: Watched = { sessionId, close, timer: undefined };
    this.sockets.set(socketId, watched);
    const arm = () => {
      const left = Date.parse(expiresAt) - Date.now();
      if (left <= 0) return this.end(socketId, 'expired');
      watched.timer = setTimeout(arm, Math.min(left, MAX_TIMER_MS));
      watched.timer.unref();
    };
    arm();
  }

  unwatch(socketId: string): void {
    clearTimeout(this.sockets.get(socketId)?.timer);
    this.sockets.delete(socketId);
  }

  private end(socketId: string, why: 'expired' | 'ended in the database'): void {
    const watched = this.sockets.get(socketId);
    if (!watched) return;
    this.unwatch(socketId);
    this.log.info({ sessionId: watched.sessionId, socketId, why }, 'session ended: socket closed');
    watched.close();
  }

  /** Closes the sockets whose session the database says has ended (or no longer has). */
  private async check(): Promise<void> {
    const ids = [...new Set([...this.sockets.values()].map((w) => w.sessionId))];
    const live = new Set<string>();
    try {
      for (let i = 0; i < ids.length; i += CHECK_CHUNK) {
        const rows = await this.db
          .selectFrom('sessions')
          .select('id')
          .where('id', 'in', ids.slice(i, i + CHECK_CHUNK))
          .where('revoked_at', 'is', null)
          .where('expires_at', '>', nowIso())
          .execute();
        for (const r of rows) live.add(r.id);
      }
    } catch (err) {
      // The database is away: its sockets are told by the next check (no one signs in meanwhile).
      this.log.warn({ err }, 'session check failed');
      return;
    }
    const asked = new Set(ids); // a socket that connected during the reads is checked next time
    for (const [socketId, w] of [...this.sockets])
      if (asked.has(w.sessionId) && !live.has(w.sessionId))
        this.end(socketId, 'ended in the database');
  }
}

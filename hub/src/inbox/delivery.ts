import type { InboxMessage } from '@sidecoach/shared';
import { userRoom, type HubServer, type HubSocket } from '../lib/context.js';
import type { Logger } from '../lib/log.js';
import type { Inbox } from './inbox.js';
import type { ScoreVisibility } from '../lib/scores.js';

/** Messages read per catch-up query. */
const PAGE = 500;

interface Cursor {
  userId: string;
  /** The last seq sent on this connection. */
  sent: number;
  /** A catch-up from the database is running; live messages wait for it. */
  catchingUp: boolean;
  /** Something was committed while catching up: read again before going live. */
  dirty: boolean;
}

/**
 * Sends each connection its user's inbox exactly once and in order. A connection starts at the
 * `lastSeq` the client sent in its handshake (or at the head, for a client that has none) and
 * catches up from the database; then commits are pushed straight from memory as long as they
 * follow on from what the connection has, and any gap sends it back to the database.
 */
export class InboxDelivery {
  private readonly cursors = new Map<string, Cursor>();

  constructor(
    private readonly inbox: Inbox,
    private readonly io: HubServer,
    private readonly log: Logger,
    private readonly scores: ScoreVisibility,
  ) {
    inbox.onCommitted((messages) => this.pushCommitted(messages));
  }

  /** Starts delivery on a new connection. Returns the seq it starts after. */
  async attach(socket: HubSocket, lastSeq: number | undefined): Promise<number> {
    const userId = socket.data.user.id;
    // Registered before the first await: commits from now on mark it dirty, none is missed.
    const cursor: Cursor = { userId, sent: 0, catchingUp: true, dirty: false };
    this.cursors.set(socket.id, cursor);
    socket.once('disconnect', () => this.cursors.delete(socket.id));
    const head = await this.inbox.head(userId);
    let start = lastSeq ?? head;
    if (start > head) {
      // The client saw numbers this hub never gave (a restored or replaced database).
      this.log.warn({ userId, lastSeq, head }, 'client inbox position ahead of the hub; resetting');
      start = head;
    }
    cursor.sent = start;
    cursor.catchingUp = false;
    if (start < head || cursor.dirty) await this.catchUp(socket, cursor);
    return start;
  }

  /**
   * Another node committed messages (a hint over the adapter): connections here that are
   * behind read the rest from the database.
   */
  hinted(heads: Record<string, number>): void {
    for (const [id, cursor] of this.cursors) {
      const head = heads[cursor.userId];
      if (head !== undefined && head > cursor.sent) this.catchUpSocket(id, cursor);
    }
  }

  /**
   * With several nodes, every `intervalMs`: each connection against the database, so a hint
   * lost on the way (the adapter's connection dropped) delays a message and never loses it.
   */
  startSweep(intervalMs: number): () => void {
    const timer = setInterval(() => void this.sweep(), intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  private async sweep(): Promise<void> {
    const users = [...new Set([...this.cursors.values()].map((c) => c.userId))];
    try {
      const heads = await this.inbox.heads(users);
      this.hinted(Object.fromEntries(heads));
    } catch (err) {
      this.log.warn({ err }, 'inbox sweep failed; trying again');
    }
  }

  private catchUpSocket(id: string, cursor: Cursor) {
    const socket = this.io.sockets.sockets.get(id);
    if (socket) void this.catchUp(socket, cursor); // marks a catch-up under way to read again
  }

  private pushCommitted(messages: Array<InboxMessage & { recipientId: string }>) {
    for (const { recipientId, ...message } of messages) {
      const ids = this.io.sockets.adapter.rooms.get(userRoom(recipientId));
      if (!ids) continue;
      for (const id of ids) {
        const socket = this.io.sockets.sockets.get(id);
        const cursor = this.cursors.get(id);
        if (!socket || !cursor) continue;
        if (cursor.catchingUp) cursor.dirty = true;
        else if (message.seq === cursor.sent + 1) this.send(socket, cursor, message);
        else if (message.seq > cursor.sent + 1) void this.catchUp(socket, cursor);
      }
    }
  }

  private send(socket: HubSocket, cursor: Cursor, message: InboxMessage) {
    socket.emit('inbox:message', this.scores.inbox(socket.data.user, message));
    cursor.sent = message.seq;
  }

  private async catchUp(socket: HubSocket, cursor: Cursor): Promise<void> {
    if (cursor.catchingUp) {
      cursor.dirty = true;
      return;
    }
    cursor.catchingUp = true;
    try {
      for (;;) {
        cursor.dirty = false;
        const page = await this.inbox.after(socket.data.user.id, cursor.sent, PAGE);
        if (!socket.connected || this.cursors.get(socket.id) !== cursor) return;
        for (const message of page) this.send(socket, cursor, message);
        if (page.length < PAGE && !cursor.dirty) return;
      }
    } catch (err) {
      this.log.error({ err, userId: socket.data.user.id }, 'inbox catch-up failed');
      socket.disconnect(true); // the client reconnects with its lastSeq and loses nothing
    } finally {
      cursor.catchingUp = false;
    }
  }
}

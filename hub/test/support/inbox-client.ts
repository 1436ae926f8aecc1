// A signed-in socket.io client that keeps every inbox message it receives and, like the
// sidebar, reconnects with the last sequence number it has in the handshake.
import { io } from 'socket.io-client';
import { PROTOCOL_VERSION, type InboxMessage } from '@sidecoach/shared';
import { Arrivals } from './arrivals.js';
import { data } from './calls.js';
import { connectedWithin, signIn, type HubSocket } from './hub-process.js';

export class InboxClient {
  /** Every inbox message in the order received, duplicates included (tests assert none). */
  readonly received: InboxMessage[] = [];
  lastSeq: number | undefined;
  private readonly arrivals = new Arrivals();

  private constructor(
    readonly socket: HubSocket,
    readonly userId: string,
  ) {
    socket.on('inbox:message', (m) => {
      this.received.push(m);
      this.lastSeq = Math.max(this.lastSeq ?? 0, m.seq);
      this.arrivals.arrived();
    });
  }

  /** Connects (reconnecting on its own with `lastSeq` after a drop or a hub restart). */
  static async open(url: string, username: string, lastSeq?: number): Promise<InboxClient> {
    const session = await signIn(url, username);
    const holder: { client?: InboxClient } = {};
    const socket: HubSocket = io(url, {
      auth: (cb) =>
        cb({
          token: session.token,
          lastSeq: holder.client?.lastSeq ?? lastSeq,
          protocol: PROTOCOL_VERSION,
        }),
      transports: ['websocket'],
      reconnectionDelay: 100,
      reconnectionDelayMax: 500,
      extraHeaders: { origin: url },
    });
    const client = (holder.client = new InboxClient(socket, session.user.id));
    client.lastSeq = lastSeq;
    await client.connected();
    return client;
  }

  connected(timeoutMs = 30_000): Promise<void> {
    return connectedWithin(this.socket, timeoutMs);
  }

  of<K extends InboxMessage['kind']>(kind: K): Extract<InboxMessage, { kind: K }>[] {
    return this.received.filter((m): m is Extract<InboxMessage, { kind: K }> => m.kind === kind);
  }

  /** Waits (bounded) until the predicate holds over what was received. */
  async until(what: string, predicate: () => boolean, timeoutMs = 15_000): Promise<void> {
    await this.arrivals.until(what, predicate, timeoutMs);
  }

  /** The user's inbox head at the hub now (a read-only request on this socket). */
  private async head(): Promise<number> {
    return data(await this.socket.emitWithAck('observation:mine', { limit: 1 })).inboxSeq;
  }

  /**
   * Proves absence with a sentinel: `cause` makes the hub commit a later message to this user
   * and resolves once it has. The hub numbers a user's messages and delivers them on each
   * connection in that order, so once the sentinel is here, everything committed before it is
   * here too: what has not arrived by then never will. Resolves with the sentinel, so that
   * assertions can leave it out.
   */
  async afterSentinel(cause: () => Promise<unknown>, timeoutMs = 15_000): Promise<InboxMessage> {
    const before = await this.head();
    await cause();
    const seq = await this.head();
    if (seq <= before) throw new Error('the sentinel sent this user nothing: it proves nothing');
    return this.arrivals.until(
      `the sentinel (inbox message ${seq})`,
      () => this.received.find((m) => m.seq === seq),
      timeoutMs,
    );
  }

  close() {
    this.socket.close();
  }
}

/** Waits for the next event of a name on a socket, bounded. */
export function nextEvent<T>(
  socket: HubSocket,
  event: 'floor:agent' | 'call:changed',
  predicate: (payload: T) => boolean = () => true,
  timeoutMs = 10_000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, listener);
      reject(new Error(`no ${event} within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (payload: unknown) => {
      if (!predicate(payload as T)) return;
      clearTimeout(timer);
      socket.off(event, listener);
      resolve(payload as T);
    };
    socket.on(event, listener);
  });
}

import { clientEventSchemas, fail, type ClientEventName } from '@sidecoach/shared';
import type { Socket } from 'socket.io';
import type { HubSocket } from './context.js';
import { onEvent, type EventHandler } from './on-event.js';
import type { Logger } from './log.js';
import type { AuthUser } from './people.js';
import { budgetOf, type Budgets } from './budgets.js';
import { CALLER_REFUSED, roleMaySend } from './caller-gate.js';

type Ack = (response: ReturnType<typeof fail>) => void;

/** One connected socket as its handlers see it: the connection, its user, a logger naming them. */
export interface SocketContext {
  socket: HubSocket;
  user: AuthUser;
  log: Logger;
}

/** Handlers by event name, each typed by its event's payload and result. */
export type EventHandlers<K extends ClientEventName> = { [E in K]: EventHandler<E> };

/** A capability's handlers, made for each socket that connects (they close over its session). */
export type Handlers<K extends ClientEventName> = (socket: SocketContext) => EventHandlers<K>;

/** Declares a capability's handlers; the events it handles are the keys it returns. */
export const handlers = <K extends ClientEventName>(make: Handlers<K>): Handlers<K> => make;

type EventsOf<H> = H extends (socket: SocketContext) => infer R ? keyof R : never;
type Handled<P> = P extends readonly [infer H, ...infer Rest] ? EventsOf<H> | Handled<Rest> : never;
type Twice<P> = P extends readonly [infer H, ...infer Rest]
  ? (EventsOf<H> & Handled<Rest>) | Twice<Rest>
  : never;

/**
 * `P` itself when its capabilities handle every client event of the protocol exactly once;
 * otherwise a type no tuple matches, naming the events nobody handles or two capabilities do.
 */
export type EveryEventOnce<P extends readonly unknown[]> = [
  Exclude<ClientEventName, Handled<P>>,
] extends [never]
  ? [Twice<P>] extends [never]
    ? P
    : { handledTwice: Twice<P> }
  : { unhandled: Exclude<ClientEventName, Handled<P>> };

/** The capabilities' handlers as one; compiles only when every event has exactly one handler. */
export function everyEventOnce<
  const P extends readonly ((socket: SocketContext) => Partial<EventHandlers<ClientEventName>>)[],
>(...parts: P & EveryEventOnce<P>): Handlers<ClientEventName> {
  return (socket) =>
    Object.assign({}, ...parts.map((make) => make(socket))) as EventHandlers<ClientEventName>;
}

/**
 * Registers every client event's handler on the socket through `onEvent`: parsed with the
 * event's schema first, answered `{ok,data}` or an error code, never a throw to socket.io.
 * An event with a budget (lib/budgets.ts) spends the user's before its handler runs, even one
 * the user may not make: refused with `rate_limited` once it is spent, its handler not run.
 * An event the user's role may not send at all (a mystery caller's: lib/caller-gate.ts) is
 * answered `forbidden` before that, its payload not even parsed.
 */
export function registerHandlers(
  socket: SocketContext,
  all: Handlers<ClientEventName>,
  budgets?: Budgets,
) {
  const made = all(socket);
  const register = <E extends ClientEventName>(event: E) => {
    if (!roleMaySend(socket.user.role, event)) {
      const untyped: Socket = socket.socket; // the refusal answers any payload alike
      const name: string = event;
      untyped.on(name, (...args: unknown[]) => {
        const ack = args[args.length - 1];
        if (typeof ack === 'function') (ack as Ack)(fail('forbidden', CALLER_REFUSED));
      });
      return;
    }
    const budget = budgets && budgetOf(event);
    const handler: EventHandler<E> = budget
      ? async (payload) => (await budgets.refusal(budget, socket.user.id)) ?? made[event](payload)
      : made[event];
    onEvent(socket.socket, socket.log, event, handler);
  };
  for (const event of Object.keys(clientEventSchemas) as ClientEventName[]) register(event);
}

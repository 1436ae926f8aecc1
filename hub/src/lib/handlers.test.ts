import { describe, expect, it } from 'vitest';
import { clientEventSchemas, ok, type ClientEventName } from '@sidecoach/shared';
import type { HubSocket } from './context.js';
import {
  everyEventOnce,
  registerHandlers,
  type EventHandlers,
  type Handlers,
  type SocketContext,
} from './handlers.js';
import type { Logger } from './log.js';

type Calls = 'call:start' | 'call:end';
type Others = Exclude<ClientEventName, Calls>;

// Compile-time checks, checked themselves by `tsc -b`: never called, only type-checked.
export function compositionTypeChecks(
  calls: Handlers<Calls>,
  others: Handlers<Others>,
  callStart: Handlers<'call:start'>,
  all: Handlers<ClientEventName>,
) {
  everyEventOnce(calls, others);
  everyEventOnce(all);
  // @ts-expect-error 'call:end' has no handler
  everyEventOnce(callStart, others);
  // @ts-expect-error 'call:start' is handled twice
  everyEventOnce(calls, others, callStart);
  // @ts-expect-error every event is handled twice
  everyEventOnce(all, all);
}

const events = Object.keys(clientEventSchemas) as ClientEventName[];
const answering = (name: string) => () => Promise.resolve(ok({ name }));

describe('everyEventOnce and registerHandlers', () => {
  it('registers each client event of the protocol once, with the capability that handles it', async () => {
    const made: string[] = [];
    // Two capabilities splitting the events between them, as the hub's do.
    const part =
      <K extends ClientEventName>(names: K[]): Handlers<K> =>
      (socket) => {
        made.push(socket.user.id);
        return Object.fromEntries(
          names.map((n) => [n, answering(n)]),
        ) as unknown as EventHandlers<K>;
      };
    const calls = part<Calls>(['call:start', 'call:end']);
    const others = part(events.filter((e): e is Others => e !== 'call:start' && e !== 'call:end'));
    const listeners = new Map<string, (...args: unknown[]) => Promise<void>>();
    const socket = {
      on: (event: string, listener: (...args: unknown[]) => Promise<void>) => {
        expect(listeners.has(event), event).toBe(false);
        listeners.set(event, listener);
      },
    } as unknown as HubSocket;
    const log = { warn: () => {}, error: () => {} } as unknown as Logger;
    const user = { id: 'u1' } as SocketContext['user'];

    registerHandlers({ socket, user, log }, everyEventOnce(calls, others));

    expect(made).toEqual(['u1', 'u1']);
    expect([...listeners.keys()].sort()).toEqual([...events].sort());
    const answers: unknown[] = [];
    await listeners.get('call:end')!(
      { callId: '0190a5b2-7c4e-7def-8abc-0123456789ab', endedAt: new Date().toISOString() },
      (r: unknown) => answers.push(r),
    );
    expect(answers).toEqual([{ ok: true, data: { name: 'call:end' } }]);
  });
});

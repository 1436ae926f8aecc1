import { vi } from 'vitest';
import type * as Client from '../hub/client.js';

// A fake of the one hub client for store tests: every `ask` is recorded, and answered by the
// test's `reply` (an answer, a refusal, or a promise of one). A test file mocks the client with
//
//   vi.mock('../../hub/client.js', async (original) =>
//     (await import('../../test-support/fake-hub.js')).fakeClient(original, 'errors.conflict'));
//
// and reads and sets `fakeHub` (the factory runs before the imports it could close over).

export type Reply =
  { ok: true; data: unknown } | { ok: false; code: string; message: string; problems?: string[] };

export const fakeHub = {
  /** What the store asked, in order. */
  asked: [] as Array<{ event: string; payload: unknown }>,
  /** How the hub answers (each test sets its own). */
  reply: (_event: string, _payload: unknown): Reply | Promise<Reply> => ({ ok: true, data: {} }),
  /** Forgets what was asked and answers every event with an empty success. */
  reset() {
    fakeHub.asked.length = 0;
    fakeHub.reply = () => ({ ok: true, data: {} });
  },
};

/** The client module with `ask` faked; a refusal comes back as the message `errorKey`. */
export async function fakeClient(original: () => Promise<typeof Client>, errorKey: string) {
  return {
    ...(await original()),
    ask: vi.fn(async (event: string, payload: unknown) => {
      fakeHub.asked.push({ event, payload });
      const r = await fakeHub.reply(event, payload);
      return r.ok ? r : { ...r, error: { key: errorKey, values: { message: r.message } } };
    }),
  };
}

/** Lets every answer already given reach the store (a macrotask later). */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

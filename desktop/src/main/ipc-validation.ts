// Every IPC handler runs behind two checks, after VS Code's validatedIpcMain: the message comes
// from the main frame of our own page (never a subframe or a page that navigated elsewhere), and
// its argument parses with the shared zod schema. Only types come from Electron here, so the
// module runs under vitest.
import type { IpcMainInvokeEvent } from 'electron';
import { isAppUrl } from './trusted-url.js';

/** The pure rule: a main frame whose URL parses to app://sidecoach. */
export function isTrustedSender(frameUrl: string | undefined, isMainFrame: boolean): boolean {
  return isMainFrame && frameUrl !== undefined && isAppUrl(frameUrl);
}

/** The parts of an invoke event the check reads; a destroyed frame is null. */
export type SenderEvent = Pick<IpcMainInvokeEvent, 'senderFrame'>;

export function assertTrustedSender(channel: string, event: SenderEvent): void {
  const frame = event.senderFrame;
  if (!isTrustedSender(frame?.url, frame !== null && frame.parent === null)) {
    throw new Error(`${channel}: refused: the sender is not the Sidecoach window`);
  }
}

/** What a zod schema offers, without importing zod into the desktop package. */
export interface ArgSchema<T> {
  safeParse(
    value: unknown,
  ):
    | { success: true; data: T }
    | { success: false; error: { issues: readonly { path: PropertyKey[]; message: string }[] } };
}

export function parseArg<T>(channel: string, schema: ArgSchema<T>, args: unknown[]): T {
  if (args.length !== 1) {
    throw new Error(`${channel}: invalid argument: expected 1 argument, got ${args.length}`);
  }
  const parsed = schema.safeParse(args[0]);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues
    .map((issue) => `${issue.path.map(String).join('.') || 'value'}: ${issue.message}`)
    .join('; ');
  throw new Error(`${channel}: invalid argument: ${details}`);
}

/** The slice of ipcMain the wrappers need. */
export interface IpcHandleTarget {
  handle(
    channel: string,
    listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown,
  ): void;
}

/** Registers handlers that reject (the renderer's invoke() rejects with the message) unless valid. */
export function validatedIpc(ipc: IpcHandleTarget) {
  return {
    /** A channel that takes no argument. */
    handle(channel: string, handler: (event: IpcMainInvokeEvent) => unknown): void {
      ipc.handle(channel, (event, ...args) => {
        assertTrustedSender(channel, event);
        if (args.length !== 0) {
          throw new Error(`${channel}: invalid argument: expected none, got ${args.length}`);
        }
        return handler(event);
      });
    },
    /** A channel that takes one argument, parsed with `schema` before the handler sees it. */
    handleWith<T>(
      channel: string,
      schema: ArgSchema<T>,
      handler: (arg: T, event: IpcMainInvokeEvent) => unknown,
    ): void {
      ipc.handle(channel, (event, ...args) => {
        assertTrustedSender(channel, event);
        return handler(parseArg(channel, schema, args), event);
      });
    },
  };
}

// `Sidecoach call start|answer|hold|resume|end --id ...` on the app's own executable: what
// softphone hooks run where the app is installed (its RunAsNode fuse is off, and agents' PCs
// have no Node for dist/cli/sidecoach.cjs). Plain Node, so the decisions are tested without
// Electron; index.ts passes in app.requestSingleInstanceLock and exits with the code.
//
// The second instance posts to the running sidebar's loopback endpoint first: that answer is a
// real one (0 delivered, 2 refused as malformed, 4 wrong secret). Only when the endpoint is not
// there (no endpoint file, nothing on its port: the running sidebar is still starting, or the
// file was removed) is the request handed over with the single-instance lock, whose message
// reaches the running instance's 'second-instance' event. Electron gives that message no
// answer, so the exit code comes from what the lock says: taken by another instance, which
// then has the request (already checked here with the endpoint's own schema), 0; taken by us,
// nobody was running, 3.
import { CommandRequestSchema, type ParsedCommandRequest } from './softphone/command-endpoint.js';
import { EXIT, parseCommand, postCommand, type CliResult } from './softphone/command-client.js';

/**
 * What the person or program put after the executable: in a packaged app everything after
 * argv[0]; run as `electron [switches] <folder> ...` (development), what follows the folder.
 */
export function appArguments(argv: readonly string[], defaultApp: boolean): string[] {
  const rest = argv.slice(1);
  if (!defaultApp) return rest;
  const folder = rest.findIndex((arg) => !arg.startsWith('-'));
  return folder === -1 ? [] : rest.slice(folder + 1);
}

/** The words of a `call ...` command (Chromium switches before it left out), or null. */
export function callArguments(args: readonly string[]): string[] | null {
  const first = args.findIndex((arg) => !arg.startsWith('-'));
  return first !== -1 && args[first] === 'call' ? args.slice(first) : null;
}

/** The key of the request in requestSingleInstanceLock's additionalData. */
export const HANDOVER_KEY = 'sidecoachCall';

export interface AppCommandHost {
  /** The app's user data folder: where the running sidebar wrote command-endpoint.json. */
  userDataDir: string;
  /** app.requestSingleInstanceLock(data): true when no other instance holds the lock. */
  requestSingleInstanceLock: (data: Record<string, unknown>) => boolean;
}

/** Runs a `call ...` command in a second instance of the app; resolves with the exit code. */
export async function runAppCommand(
  args: readonly string[],
  host: AppCommandHost,
): Promise<CliResult> {
  const parsed = parseCommand(args);
  if (parsed.kind === 'answer') return parsed.result;
  const delivery = await postCommand(parsed.request, parsed.userDataDir ?? host.userDataDir);
  if (!delivery.unavailable) return { code: delivery.code, message: delivery.message };
  if (host.requestSingleInstanceLock({ [HANDOVER_KEY]: parsed.request })) {
    return { code: EXIT.notRunning, message: delivery.message };
  }
  return { code: EXIT.delivered, message: '' };
}

export type SecondInstance =
  | { kind: 'call'; request: ParsedCommandRequest }
  /** A command that does not parse: nothing to show for it. */
  | { kind: 'invalid'; reason: string }
  /** Started again without a command: bring the sidebar forward. */
  | { kind: 'launch' };

/**
 * What a second instance wants of the running one, from its 'second-instance' event: the
 * handed-over request in additionalData (exact, as Electron advises), else a `call` command in
 * its argv (to which Chromium may have added switches), else to be shown.
 */
export function secondInstanceRequest(
  argv: readonly string[],
  additionalData: unknown,
  defaultApp: boolean,
): SecondInstance {
  if (typeof additionalData === 'object' && additionalData !== null) {
    const handed = (additionalData as Record<string, unknown>)[HANDOVER_KEY];
    if (handed !== undefined) {
      const request = CommandRequestSchema.safeParse(handed);
      return request.success
        ? { kind: 'call', request: request.data }
        : { kind: 'invalid', reason: request.error.message };
    }
  }
  const words = callArguments(appArguments(argv, defaultApp));
  if (words === null) return { kind: 'launch' };
  const parsed = parseCommand(words, { strict: false });
  return parsed.kind === 'call'
    ? { kind: 'call', request: parsed.request }
    : { kind: 'invalid', reason: parsed.result.message.split('\n')[0] ?? '' };
}

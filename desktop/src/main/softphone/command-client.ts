// The caller's side of the command endpoint: `call start|answer|hold|resume|end --id ID ...`
// parsed and posted to the running sidebar on loopback. Shared by the Node command line
// (cli/sidecoach.ts, for development and other callers) and the app's own executable
// (main/command-line.ts, what softphone hooks run where the app is installed).
// Exit codes: 0 delivered, 2 usage, 3 the sidebar is not running, 4 refused by the sidebar.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import {
  COMMAND_ACTIONS,
  CommandRequestSchema,
  type CommandAction,
  type ParsedCommandRequest,
} from './command-endpoint.js';
import { readEndpointFile } from './endpoint-file.js';

export const EXIT = { delivered: 0, usage: 2, notRunning: 3, refused: 4 } as const;

const ACTIONS = Object.keys(COMMAND_ACTIONS) as CommandAction[];

export const USAGE = `Usage: sidecoach call <${ACTIONS.join('|')}> --id CALL_ID [--from NUMBER] [--direction inbound|outbound]
  Tells the running Sidecoach sidebar about a softphone call. Put it in the softphone's
  call-start, answer and hang-up hooks (see the README for MicroSIP, Zoiper and Bria).`;

export interface CliResult {
  code: number;
  message: string;
}

export type ParsedCommand =
  /** --help, or a usage mistake: the answer without asking the sidebar. */
  | { kind: 'answer'; result: CliResult }
  | { kind: 'call'; request: ParsedCommandRequest; userDataDir?: string };

const usage = (message: string): ParsedCommand => ({
  kind: 'answer',
  result: { code: EXIT.usage, message: `${message}\n${USAGE}` },
});

/**
 * Reads `call <action> --id ...` (the words after the program's name). The request is checked
 * with the endpoint's own schema, so a mistake is exit code 2 here, before anything is sent.
 * `strict: false` ignores options it does not know (the switches Chromium adds to the argv a
 * running instance receives).
 */
export function parseCommand(argv: readonly string[], { strict = true } = {}): ParsedCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict,
      options: {
        id: { type: 'string' },
        from: { type: 'string' },
        direction: { type: 'string' },
        'user-data-dir': { type: 'string' },
        help: { type: 'boolean' },
      },
    });
  } catch (err) {
    return usage(err instanceof Error ? err.message : String(err));
  }
  const { values, positionals } = parsed;
  if (values.help === true) return { kind: 'answer', result: { code: 0, message: USAGE } };
  const [group, action] = positionals;
  if (group !== 'call') return usage(`unknown command "${group ?? ''}": only "call" is supported`);
  if (!action || !(ACTIONS as string[]).includes(action))
    return usage(`unknown call command "${action ?? ''}": use ${ACTIONS.join(', ')}`);
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const id = text(values.id);
  if (!id) return usage(`--id is required (the softphone's call id)`);
  const request = CommandRequestSchema.safeParse({
    action,
    id,
    ...(text(values.from) ? { from: text(values.from) } : {}),
    ...(text(values.direction) !== undefined ? { direction: text(values.direction) } : {}),
  });
  if (!request.success) return usage(z.prettifyError(request.error));
  const userDataDir = text(values['user-data-dir']);
  return { kind: 'call', request: request.data, ...(userDataDir ? { userDataDir } : {}) };
}

/** The endpoint's answer; `unavailable` when no endpoint file or nothing answers on its port. */
export type Delivery = CliResult & { unavailable: boolean };

/** Posts the request to the endpoint that command-endpoint.json in `userDataDir` names. */
export async function postCommand(
  request: ParsedCommandRequest,
  userDataDir: string,
): Promise<Delivery> {
  const endpoint = readEndpointFile(userDataDir);
  if (!endpoint) {
    return {
      code: EXIT.notRunning,
      message: `Sidecoach is not running (no endpoint file in ${userDataDir})`,
      unavailable: true,
    };
  }
  let res: Response;
  try {
    res = await fetch(`http://127.0.0.1:${endpoint.port}/call-event`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${endpoint.secret}` },
      body: JSON.stringify(request),
      signal: AbortSignal.timeout(5_000),
    });
  } catch {
    return {
      code: EXIT.notRunning,
      message: `Sidecoach is not running (nothing answers on 127.0.0.1:${endpoint.port})`,
      unavailable: true,
    };
  }
  if (res.ok) return { code: EXIT.delivered, message: '', unavailable: false };
  const body = (await res.json().catch(() => ({}))) as { error?: string };
  return {
    code: res.status === 400 ? EXIT.usage : EXIT.refused,
    message: `Sidecoach refused the event: ${body.error ?? res.statusText}`,
    unavailable: false,
  };
}

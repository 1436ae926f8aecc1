// `sidecoach call start|answer|hold|resume|end --id ID [--from NUMBER] [--direction inbound|outbound]`
// Run by a softphone's call hooks; delivers the event to the running Sidecoach sidebar.
// Exit codes: 0 delivered, 2 usage, 3 the sidebar is not running, 4 refused by the sidebar.
import { parseArgs } from 'node:util';
import { COMMAND_ACTIONS, type CommandAction } from '../main/softphone/command-endpoint.js';
import { defaultUserDataDir, readEndpointFile } from '../main/softphone/endpoint-file.js';

export const USAGE = `Usage: sidecoach call <${Object.keys(COMMAND_ACTIONS).join('|')}> --id CALL_ID [--from NUMBER] [--direction inbound|outbound]
  Tells the running Sidecoach sidebar about a softphone call. Put it in the softphone's
  call-start, answer and hang-up hooks (see the README for MicroSIP, Zoiper and Bria).`;

export interface CliResult {
  code: number;
  message: string;
}

export async function runCli(
  argv: string[],
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
): Promise<CliResult> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        id: { type: 'string' },
        from: { type: 'string' },
        direction: { type: 'string' },
        'user-data-dir': { type: 'string' },
        help: { type: 'boolean' },
      },
    });
  } catch (err) {
    return { code: 2, message: `${err instanceof Error ? err.message : String(err)}\n${USAGE}` };
  }
  const { values, positionals } = parsed;
  if (values.help) return { code: 0, message: USAGE };
  const [group, action] = positionals;
  if (group !== 'call')
    return {
      code: 2,
      message: `unknown command "${group ?? ''}": only "call" is supported\n${USAGE}`,
    };
  if (!action || !(action in COMMAND_ACTIONS)) {
    return {
      code: 2,
      message: `unknown call command "${action ?? ''}": use ${Object.keys(COMMAND_ACTIONS).join(', ')}\n${USAGE}`,
    };
  }
  if (!values.id)
    return { code: 2, message: `--id is required (the softphone's call id)\n${USAGE}` };

  const dir = values['user-data-dir'] ?? defaultUserDataDir(env, platform);
  const endpoint = readEndpointFile(dir);
  if (!endpoint)
    return { code: 3, message: `Sidecoach is not running (no endpoint file in ${dir})` };
  let res: Response;
  try {
    res = await fetch(`http://127.0.0.1:${endpoint.port}/call-event`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${endpoint.secret}` },
      body: JSON.stringify({
        action: action as CommandAction,
        id: values.id,
        ...(values.from ? { from: values.from } : {}),
        ...(values.direction ? { direction: values.direction } : {}),
      }),
      signal: AbortSignal.timeout(5_000),
    });
  } catch {
    return {
      code: 3,
      message: `Sidecoach is not running (nothing answers on 127.0.0.1:${endpoint.port})`,
    };
  }
  if (res.ok) return { code: 0, message: '' };
  const body = (await res.json().catch(() => ({}))) as { error?: string };
  return {
    code: res.status === 400 ? 2 : 4,
    message: `Sidecoach refused the event: ${body.error ?? res.statusText}`,
  };
}

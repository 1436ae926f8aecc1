// `sidecoach call start|answer|hold|resume|end --id ID [--from NUMBER] [--direction inbound|outbound]`
// as a Node script (dist/cli/sidecoach.cjs): for development and for callers that have Node.
// Where the app is installed, its own executable takes the same words (main/command-line.ts):
// the packaged app cannot run as Node (its RunAsNode fuse is off).
// Exit codes: 0 delivered, 2 usage, 3 the sidebar is not running, 4 refused by the sidebar.
import { parseCommand, postCommand, type CliResult } from '../main/softphone/command-client.js';
import { defaultUserDataDir } from '../main/softphone/endpoint-file.js';

export { USAGE, type CliResult } from '../main/softphone/command-client.js';

export async function runCli(
  argv: string[],
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
): Promise<CliResult> {
  const parsed = parseCommand(argv);
  if (parsed.kind === 'answer') return parsed.result;
  const { code, message } = await postCommand(
    parsed.request,
    parsed.userDataDir ?? defaultUserDataDir(env, platform),
  );
  return { code, message };
}

// The call sources on this machine, started by main: the command-hook endpoint (always on,
// loopback only) and the baresip adapter when SIDECOACH_BARESIP names its ctrl_tcp address.
// Every event goes to the sidebar through one callback.
import type { CallEvent } from '@sidecoach/shared';
import { BaresipAdapter } from './baresip.js';
import { startCommandEndpoint } from './command-endpoint.js';
import { installSecret, writeEndpointFile } from './endpoint-file.js';

/** "host:port" of baresip's ctrl_tcp, or undefined when not configured or malformed. */
export function baresipAddress(
  value: string | undefined,
): { host: string; port: number } | undefined {
  const match = /^(127\.0\.0\.1|localhost|\[::1\]):(\d{1,5})$/.exec(value?.trim() ?? '');
  const port = Number(match?.[2]);
  return match?.[1] && port > 0 && port < 65536
    ? { host: match[1].replace(/^\[|\]$/g, ''), port }
    : undefined;
}

export async function startCallSources(options: {
  userDataDir: string;
  env: NodeJS.ProcessEnv;
  send: (event: CallEvent) => void;
  log: (message: string) => void;
}): Promise<{ stop(): Promise<void> }> {
  const secret = installSecret(options.userDataDir);
  const endpoint = await startCommandEndpoint({ secret, onEvent: options.send });
  writeEndpointFile(options.userDataDir, { port: endpoint.port, secret });
  options.log(`command-hook endpoint on 127.0.0.1:${endpoint.port}`);

  const address = baresipAddress(options.env.SIDECOACH_BARESIP);
  if (options.env.SIDECOACH_BARESIP && !address) {
    options.log(
      `SIDECOACH_BARESIP ignored: "${options.env.SIDECOACH_BARESIP}" is not a loopback host:port`,
    );
  }
  const baresip = address ? new BaresipAdapter(address) : undefined;
  baresip?.onEvent(options.send);
  baresip?.onStatus((status) => options.log(`baresip ${status}`));
  baresip?.start();

  return {
    stop: async () => {
      await baresip?.stop();
      await endpoint.close();
    },
  };
}

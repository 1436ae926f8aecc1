// The call sources on this machine, started by main: the command-hook endpoint (always on,
// loopback only) and the baresip adapter when the settings name its ctrl_tcp address (it can
// be changed while running). Every event goes to the sidebar through one callback.
import { BaresipAddressSchema, type CallControl, type CallEvent } from '@sidecoach/shared';
import { BaresipAdapter } from './baresip.js';
import { startCommandEndpoint } from './command-endpoint.js';
import { installSecret, writeEndpointFile } from './endpoint-file.js';

/** "host:port" of baresip's ctrl_tcp, or undefined when not configured or not on loopback. */
export function baresipAddress(
  value: string | null | undefined,
): { host: string; port: number } | undefined {
  const parsed = BaresipAddressSchema.safeParse(value?.trim());
  if (!parsed.success) return undefined;
  const at = parsed.data.lastIndexOf(':');
  return {
    host: parsed.data.slice(0, at).replace(/^\[|\]$/g, ''),
    port: Number(parsed.data.slice(at + 1)),
  };
}

export interface CallSources {
  /** Follows another baresip (or none, with null). */
  useBaresip(address: string | null): Promise<void>;
  /** Answers, hangs up, holds or resumes through baresip; rejects with the reason. */
  control(action: CallControl): Promise<void>;
  stop(): Promise<void>;
}

export async function startCallSources(options: {
  userDataDir: string;
  baresip: string | null;
  send: (event: CallEvent) => void;
  log: (message: string) => void;
}): Promise<CallSources> {
  const secret = installSecret(options.userDataDir);
  const endpoint = await startCommandEndpoint({ secret, onEvent: options.send });
  writeEndpointFile(options.userDataDir, { port: endpoint.port, secret });
  options.log(`command-hook endpoint on 127.0.0.1:${endpoint.port}`);

  let baresip: BaresipAdapter | undefined;
  const useBaresip = async (value: string | null) => {
    await baresip?.stop();
    baresip = undefined;
    const address = baresipAddress(value);
    if (!address) return;
    baresip = new BaresipAdapter(address);
    baresip.onEvent(options.send);
    baresip.onStatus((status) => options.log(`baresip ${address.host}:${address.port} ${status}`));
    baresip.start();
  };
  await useBaresip(options.baresip);

  return {
    useBaresip,
    control: async (action) => {
      if (!baresip) throw new Error('no softphone to control: set the baresip address in Settings');
      const command = {
        answer: 'answer',
        hangup: 'hangup',
        hold: 'hold',
        resume: 'resume',
      } as const;
      const response = await baresip[command[action]]();
      if (!response.ok)
        throw new Error(`baresip refused to ${action}: ${response.data ?? 'no reason given'}`);
    },
    stop: async () => {
      await baresip?.stop();
      await endpoint.close();
    },
  };
}

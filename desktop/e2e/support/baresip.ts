// Runs real baresip softphones on loopback for tests (see shared/notes/baresip.md): each with
// its own config directory, SIP port and ctrl_tcp port.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createSocket } from 'node:dgram';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../../scripts/local-servers.mjs';

export const BARESIP = '/usr/bin/baresip';

/** Why baresip tests cannot run here, or undefined when they can. */
export function baresipMissing(): string | undefined {
  const probe = spawnSync(BARESIP, ['-h'], { encoding: 'utf8' });
  if (probe.error) return `baresip is not installed (${BARESIP}): apt-get install baresip-core`;
  return undefined;
}

/** Whether a port is free on loopback for TCP and for UDP now. */
async function portFree(port: number): Promise<boolean> {
  const tcp = await new Promise<boolean>((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
  if (!tcp) return false;
  return new Promise<boolean>((resolve) => {
    const udp = createSocket('udp4');
    udp.once('error', () => {
      udp.close();
      resolve(false);
    });
    udp.bind(port, '127.0.0.1', () => udp.close(() => resolve(true)));
  });
}

/**
 * A SIP port for a softphone: baresip listens on it (UDP and TCP) and on the next one (TLS), so
 * both must be free, and apart from the ports in `avoid` (another softphone's pair).
 */
export async function freeSipPort(avoid: number[] = []): Promise<number> {
  for (let i = 0; i < 50; i++) {
    const port = await freePort();
    if (port >= 65535 || avoid.some((a) => Math.abs(a - port) <= 1)) continue;
    if ((await portFree(port)) && (await portFree(port + 1))) return port;
  }
  throw new Error('no free pair of loopback ports for SIP in 50 tries');
}

export interface Softphone {
  user: string;
  sipPort: number;
  ctrlPort: number;
  uri: string;
  process: ChildProcess;
  /** Kill it (SIGKILL) and wait. */
  kill(): Promise<void>;
  /** Start it again with the same configuration. */
  restart(): Promise<void>;
  dispose(): Promise<void>;
}

/** Resolves when baresip prints "baresip is ready." (modules loaded, ctrl_tcp listening). */
function waitForReady(child: ChildProcess, timeoutMs = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(
      () => reject(new Error(`baresip did not get ready:\n${seen}`)),
      timeoutMs,
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      if (seen.includes('baresip is ready.')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`baresip exited with ${code}:\n${seen}`));
    });
  });
}

/**
 * Starts a baresip instance and waits until it says it is ready (not by connecting to
 * ctrl_tcp: baresip has a single control slot, and a probe would take it from the adapter).
 */
export async function startSoftphone(
  user: string,
  sipPort: number,
  answermode: 'manual' | 'auto' = 'manual',
): Promise<Softphone> {
  const dir = mkdtempSync(join(tmpdir(), `baresip-${user}-`));
  // Not the SIP port nor baresip's TLS port beside it, which are free until baresip binds them.
  let ctrlPort = await freePort();
  for (let i = 0; i < 20 && (ctrlPort === sipPort || ctrlPort === sipPort + 1); i++)
    ctrlPort = await freePort();
  writeFileSync(
    join(dir, 'config'),
    [
      'poll_method epoll',
      `sip_listen 127.0.0.1:${sipPort}`,
      'audio_player aufile,/dev/null',
      'audio_source ausine,440',
      'audio_alert aufile,/dev/null',
      'module_path /usr/lib/baresip/modules',
      'module g711.so',
      'module ausine.so',
      'module aufile.so',
      'module ctrl_tcp.so',
      'module_app account.so',
      'module_app menu.so',
      `ctrl_tcp_listen 127.0.0.1:${ctrlPort}`,
      'ausrc_srate 48000',
      'auplay_srate 48000',
      'ausrc_channels 2',
      'auplay_channels 2',
      '',
    ].join('\n'),
  );
  const uri = `sip:${user}@127.0.0.1:${sipPort}`;
  writeFileSync(
    join(dir, 'accounts'),
    `<${uri};transport=udp>;regint=0;answermode=${answermode}\n`,
  );
  writeFileSync(join(dir, 'contacts'), '');

  const phone: Softphone = {
    user,
    sipPort,
    ctrlPort,
    uri,
    process: undefined as unknown as ChildProcess,
    kill: async () => {
      const p = phone.process;
      if (p.exitCode !== null || p.signalCode !== null) return;
      await new Promise<void>((resolve) => {
        p.once('exit', () => resolve());
        p.kill('SIGKILL');
      });
    },
    restart: async () => {
      await phone.kill();
      await launch();
    },
    dispose: async () => {
      await phone.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  const launch = async () => {
    phone.process = spawn(BARESIP, ['-f', dir], { stdio: ['ignore', 'pipe', 'ignore'] });
    await waitForReady(phone.process);
    phone.process.stdout?.resume();
  };
  await launch();
  return phone;
}

/** Polls until `check` is true (for hooks, where expect.poll is not available). */
export async function waitUntil(
  check: () => boolean,
  what: string,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    // A bounded poll of state in this process, returning as soon as the check holds; it proves
    // nothing absent. (baresip.test.ts under src/ calls it too, with this signature.)
    await new Promise((r) => setTimeout(r, 50));
  }
}

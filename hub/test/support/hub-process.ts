// Starts a real hub process (the built hub/dist/index.js) on an ephemeral loopback port with a
// temporary data directory, for integration and end-to-end tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { io, type Socket } from 'socket.io-client';
import { Arrivals } from './arrivals.js';
import { databaseFor, releaseDatabase } from './database.js';
import {
  PROTOCOL_VERSION,
  type CallRecord,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type SignInResponse,
} from '@sidecoach/shared';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../../..');
export const HUB_ENTRY = join(repoRoot, 'hub/dist/index.js');
export const RENDERER_DIR = join(repoRoot, 'desktop/dist/renderer');

/** The demo accounts `--demo` seeds; the README prints the same. */
export const DEMO_PASSWORD = 'sidecoach-demo';
export const DEMO_USERS = {
  lead: 'lead',
  supervisor: 'supervisor',
  agents: ['agent1', 'agent2', 'agent3'],
  nightSupervisor: 'night-supervisor',
  nightLead: 'night-lead',
  nightAgent: 'agent4',
  admin: 'quality',
  /** Mystery callers (in no team): Mia Mystery and Ruth Ring. */
  callers: ['caller', 'caller2'],
} as const;

export interface HubOptions {
  demo?: boolean;
  /** With `demo`: seed the demo agent's four weeks of history too (tests start without it). */
  demoHistory?: boolean;
  /** Reuse a data directory (to test restarts); a new temporary one otherwise. */
  dataDir?: string;
  port?: number;
  extraArgs?: string[];
  /** More environment for the hub process (e.g. TZ). */
  env?: Record<string, string>;
  /**
   * `sqlite`: the data directory's SQLite file even in the postgres project; a postgres:// URL:
   * that database (the test owns it). Default: the project's database.
   */
  database?: string;
}

export interface RunningHub {
  url: string;
  port: number;
  dataDir: string;
  /** The PostgreSQL database it runs on (null: its SQLite file). */
  databaseUrl: string | null;
  process: ChildProcess;
  /** Every line the hub printed, for assertions and for failure messages. */
  output: string[];
  /** Resolves with the first line (printed so far or later) that matches, bounded. */
  untilOutput(what: string, match: (line: string) => boolean, timeoutMs?: number): Promise<string>;
  /** Graceful stop (SIGTERM) and wait for exit. */
  stop(): Promise<void>;
  /** Hard kill (SIGKILL by default) and wait for exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Stop and remove the data directory (unless it was given). */
  dispose(): Promise<void>;
}

export async function startHub(options: HubOptions = {}): Promise<RunningHub> {
  const ownDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'sidecoach-hub-')));
  const ownDatabase = options.database === undefined;
  const databaseUrl = ownDatabase
    ? await databaseFor(dataDir)
    : options.database === 'sqlite'
      ? null
      : options.database;
  const args = [
    HUB_ENTRY,
    ...(databaseUrl ? ['--database', databaseUrl] : []),
    '--host',
    '127.0.0.1',
    '--port',
    String(options.port ?? 0),
    '--data-dir',
    dataDir,
    '--renderer-dir',
    RENDERER_DIR,
    ...(options.demo ? ['--demo', ...(options.demoHistory ? [] : ['--demo-empty'])] : []),
    ...(options.extraArgs ?? []),
  ];
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'info', ...options.env },
  });
  const output: string[] = [];
  const printed = new Arrivals();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`hub did not start within 30 s:\n${output.join('\n')}`));
    }, 30_000);
    const onLine = (line: string) => {
      output.push(line);
      printed.arrived();
      try {
        const entry = JSON.parse(line) as { msg?: string; url?: string };
        if (entry.msg === 'hub listening' && entry.url) {
          clearTimeout(timer);
          resolve(entry.url);
        }
      } catch {
        // not JSON: keep it in output only
      }
    };
    let buffer = '';
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        onLine(buffer.slice(0, nl));
        buffer = buffer.slice(nl + 1);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`hub exited with ${code} before listening:\n${output.join('\n')}`));
    });
  });

  const waitExit = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return {
    url,
    port: Number(new URL(url).port),
    dataDir,
    databaseUrl: databaseUrl ?? null,
    process: child,
    output,
    untilOutput: (what, match, timeoutMs = 20_000) =>
      printed.until(what, () => output.find(match), timeoutMs),
    stop: () => waitExit('SIGTERM'),
    kill: (signal = 'SIGKILL') => waitExit(signal),
    dispose: async () => {
      await waitExit('SIGTERM');
      if (!ownDir) return;
      await rm(dataDir, { recursive: true, force: true });
      if (ownDatabase) await releaseDatabase(dataDir);
    },
  };
}

export async function signIn(url: string, username: string, password = DEMO_PASSWORD) {
  const res = await fetch(`${url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`sign-in as ${username} failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as SignInResponse;
}

export type HubSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A connected typed socket.io client; rejects with the hub's refusal message. */
export async function connect(url: string, token: string, origin = url): Promise<HubSocket> {
  const socket: HubSocket = io(url, {
    auth: { token, protocol: PROTOCOL_VERSION },
    transports: ['websocket'],
    reconnection: false,
    extraHeaders: { origin },
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (err) => {
      socket.close();
      reject(err);
    });
  });
  return socket;
}

/** Resolves once the socket is connected (at once if it is), bounded: for waiting out a drop. */
export function connectedWithin(socket: HubSocket, timeoutMs: number): Promise<void> {
  if (socket.connected) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onConnect = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      socket.off('connect', onConnect);
      reject(new Error(`not connected within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.once('connect', onConnect);
  });
}

/** What the hub stored for a user's recent calls, read through a fresh signed-in socket. */
export async function callsOf(url: string, username: string): Promise<CallRecord[]> {
  const socket = await connect(url, (await signIn(url, username)).token);
  try {
    const res = await socket.emitWithAck('call:list', { limit: 100 });
    if (!res.ok) throw new Error(`call:list refused: ${res.error.message}`);
    return res.data.calls;
  } finally {
    socket.close();
  }
}

/** Sockets signed in as users of one hub, each kept to be closed together after the tests. */
export function signedInSockets(hub: () => RunningHub) {
  const sockets: HubSocket[] = [];
  return {
    open: async (username: string): Promise<HubSocket> => {
      const url = hub().url;
      const socket = await connect(url, (await signIn(url, username)).token);
      sockets.push(socket);
      return socket;
    },
    closeAll: (): void => sockets.splice(0).forEach((s) => s.close()),
  };
}

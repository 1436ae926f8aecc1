// Launches the real Electron sidebar for end-to-end tests, and says why it cannot where it
// cannot. Without a display on Linux it starts Xvfb (CI installs it) rather than skipping.
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, type ElectronApplication } from 'playwright-core';
import {
  electronSandboxArgs,
  findDisplay,
  findElectronBinary,
} from '../../../scripts/electron-detect.mjs';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../../..');
export const DESKTOP_DIR = join(repoRoot, 'desktop');
const ELECTRON_DIR = join(repoRoot, 'node_modules/electron');
const MAIN_BUNDLE = join(DESKTOP_DIR, 'dist/main/index.cjs');

/** An executable of that name on PATH, or null. */
export function onPath(name: string, env: NodeJS.ProcessEnv = process.env): string | null {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    const file = join(dir, name);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not here
    }
  }
  return null;
}

export interface ElectronSetup {
  binary: string;
  /** Set when there is no display and Xvfb must be started for the test. */
  xvfb: string | null;
}

/** How the test can run Electron here, or why it cannot (a reason to print and skip). */
export function electronSetup(): ElectronSetup | { skip: string } {
  const binary = findElectronBinary(ELECTRON_DIR, process.env, process.platform);
  if (!binary.ok) return { skip: binary.reason };
  if (findDisplay(process.env, process.platform).ok) return { binary: binary.binary, xvfb: null };
  const xvfb = onPath('Xvfb');
  if (xvfb === null) return { skip: 'no display, and no Xvfb to make one (apt-get install xvfb)' };
  return { binary: binary.binary, xvfb };
}

export interface VirtualDisplay {
  display: string;
  stop(): Promise<void>;
}

/** A private X server; -displayfd makes it pick a free display number and tell us which. */
export async function startXvfb(xvfb: string): Promise<VirtualDisplay> {
  const child: ChildProcess = spawn(
    xvfb,
    ['-displayfd', '3', '-screen', '0', '1920x1080x24', '-nolisten', 'tcp'],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const display = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`Xvfb did not start:\n${err}`)), 10_000);
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdio[3]?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) {
        clearTimeout(timer);
        resolve(`:${out.trim()}`);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Xvfb exited with ${code}:\n${err}`));
    });
  });
  return {
    display,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

export interface LaunchOptions {
  binary: string;
  hubUrl: string;
  userDataDir: string;
  display?: string;
}

/** The built app (desktop/dist) as `npm start` runs it, with its own settings folder. */
export async function launchSidebar(options: LaunchOptions): Promise<ElectronApplication> {
  if (!existsSync(MAIN_BUNDLE)) {
    throw new Error(`${MAIN_BUNDLE} is missing: run \`npm run build\` first`);
  }
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined) env[key] = value;
  }
  Object.assign(env, {
    SIDECOACH_HUB_URL: options.hubUrl,
    SIDECOACH_USER_DATA_DIR: options.userDataDir,
    ...(options.display ? { DISPLAY: options.display } : {}),
  });
  delete env.ELECTRON_RUN_AS_NODE;
  return _electron.launch({
    executablePath: options.binary,
    args: [...electronSandboxArgs(process.platform, process.getuid?.()), DESKTOP_DIR],
    env,
    timeout: 60_000,
  });
}

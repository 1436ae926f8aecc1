// scripts/start.mjs as `npm start` runs it, against the built hub (npm test builds first).
// ELECTRON_OVERRIDE_DIST_PATH points at an empty folder so no test ever opens a window.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const START = join(dirname(fileURLToPath(import.meta.url)), 'start.mjs');

/** @type {string} */
let dir;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sidecoach-start-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** @param {string[]} args */
function start(args) {
  const child = spawn(process.execPath, [START, ...args], {
    env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: dir, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  child.stderr.on('data', (chunk) => (out += chunk));
  /** @type {Promise<number | null>} */
  const exited = new Promise((resolve) => child.once('close', (code) => resolve(code)));
  /** @param {RegExp} pattern */
  const waitFor = async (pattern) => {
    const deadline = Date.now() + 30_000;
    while (!pattern.test(out)) {
      if (child.exitCode !== null || Date.now() > deadline) {
        throw new Error(`never printed ${pattern}:\n${out}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return out.match(pattern);
  };
  return { child, exited, waitFor, output: () => out };
}

describe('scripts/start.mjs', () => {
  it('starts the hub, says in one line why there is no Electron sidebar, stops on SIGTERM', async () => {
    const run = start(['--demo', '--port', '0', '--data-dir', join(dir, 'data')]);
    const listening = await run.waitFor(/info {2}hub listening url=(http:\/\/\S+)/);
    const url = listening?.[1] ?? '';
    const line = await run.waitFor(/^Electron sidebar not started: .*$/m);
    expect(line?.[0]).toBe(
      `Electron sidebar not started: no Electron binary at ${join(dir, 'electron')} ` +
        `(ELECTRON_OVERRIDE_DIST_PATH). Web sidebar: ${url}/`,
    );
    // The demo accounts table is not JSON and passes through as printed.
    expect(run.output()).toContain('password for every account: sidecoach-demo');
    expect((await fetch(`${url}/healthz`)).ok).toBe(true);

    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain('hub stopping');
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });

  it('shows the hub error and exits non-zero when the port is taken', async () => {
    const blocker = createServer();
    await new Promise((resolve) => blocker.listen(0, '127.0.0.1', () => resolve(undefined)));
    const address = blocker.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    try {
      const run = start(['--port', String(port), '--data-dir', join(dir, 'data')]);
      expect(await run.exited).not.toBe(0);
      expect(run.output()).toMatch(/EADDRINUSE/);
      expect(run.output()).toContain('start: the hub stopped');
    } finally {
      blocker.close();
    }
  });

  it('refuses unknown options with the usage', async () => {
    const run = start(['--nope']);
    expect(await run.exited).toBe(2);
    expect(run.output()).toContain('Usage: node scripts/start.mjs');
  });
});

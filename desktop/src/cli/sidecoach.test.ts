// The real command line (the built dist/cli/sidecoach.cjs, run as a process) against the real
// loopback endpoint.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallEvent } from '@sidecoach/shared';
import { startCommandEndpoint, type CommandEndpoint } from '../main/softphone/command-endpoint.js';
import { installSecret, writeEndpointFile } from '../main/softphone/endpoint-file.js';

const CLI = join(import.meta.dirname, '../../dist/cli/sidecoach.cjs');

/** Runs the CLI asynchronously: the endpoint answers from this process's event loop. */
function runIn(userData: string, ...args: string[]) {
  return new Promise<{ status: number; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { env: { ...process.env, SIDECOACH_USER_DATA_DIR: userData }, timeout: 10_000 },
      (err, _stdout, stderr) => resolve({ status: err ? Number(err.code ?? 1) : 0, stderr }),
    );
  });
}

describe('sidecoach call (command-hook softphones)', () => {
  let dir: string;
  let secret: string;
  let endpoint: CommandEndpoint;
  const events: CallEvent[] = [];
  const run = (...args: string[]) => runIn(dir, ...args);

  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
    dir = mkdtempSync(join(tmpdir(), 'sidecoach-cli-'));
    secret = installSecret(dir);
    endpoint = await startCommandEndpoint({ secret, onEvent: (e) => events.push(e) });
    writeEndpointFile(dir, { port: endpoint.port, secret });
  });
  afterAll(async () => {
    await endpoint?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('delivers start, answer and end as call events', async () => {
    expect(await run('call', 'start', '--id', 'c-1', '--from', '+371 2000 0000')).toEqual({
      status: 0,
      stderr: '',
    });
    expect((await run('call', 'answer', '--id', 'c-1')).status).toBe(0);
    expect((await run('call', 'end', '--id', 'c-1')).status).toBe(0);
    expect(events.map((e) => [e.kind, e.callId, e.source])).toEqual([
      ['ringing', 'c-1', 'command'],
      ['answered', 'c-1', 'command'],
      ['ended', 'c-1', 'command'],
    ]);
    expect(events[0]?.remoteParty).toBe('+371 2000 0000');
  });

  it('explains an unknown command with exit code 2', async () => {
    const unknown = await run('call', 'transfer', '--id', 'c-1');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(
      /unknown call command "transfer": use start, answer, hold, resume, end/,
    );
    expect((await run('dial')).stderr).toMatch(/unknown command "dial"/);
    expect((await run('call', 'answer')).stderr).toMatch(/--id is required/);
  });

  it('is refused with exit code 4 when the secret is wrong', async () => {
    writeEndpointFile(dir, { port: endpoint.port, secret: 'not-this-install' });
    try {
      const refused = await run('call', 'answer', '--id', 'c-2');
      expect(refused.status).toBe(4);
      expect(refused.stderr).toMatch(/refused the event: wrong secret/);
    } finally {
      writeEndpointFile(dir, { port: endpoint.port, secret });
    }
    expect(events.some((e) => e.callId === 'c-2')).toBe(false);
  });

  it('says the sidebar is not running, with exit code 3', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'sidecoach-cli-none-'));
    try {
      const res = await runIn(empty, 'call', 'end', '--id', 'x');
      expect(res.status).toBe(3);
      expect(res.stderr).toMatch(/Sidecoach is not running/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CallControl } from '@sidecoach/shared';
import { pendingSources, startSourcesInBackground } from './pending-sources.js';
import { startCallSources, type CallSources } from './sources.js';

/** Call sources that record what they were asked (the real ones need a softphone). */
function recording() {
  const calls: string[] = [];
  const sources: CallSources = {
    useBaresip: (address) => {
      calls.push(`baresip ${address}`);
      return Promise.resolve();
    },
    control: (action: CallControl) => {
      calls.push(`control ${action}`);
      return Promise.resolve();
    },
    stop: () => Promise.resolve(),
  };
  return { calls, sources };
}

describe('call sources while they start', () => {
  it('refuses a call control with a reason until they are up, then passes it on', async () => {
    const pending = pendingSources('127.0.0.1:4444');
    await expect(pending.control('answer')).rejects.toThrow(/still starting/);
    const { calls, sources } = recording();
    await pending.started(sources);
    await pending.control('answer');
    expect(calls).toEqual(['control answer']);
  });

  it('applies a baresip address changed while starting once they are up, and not otherwise', async () => {
    const changed = pendingSources('127.0.0.1:4444');
    changed.useBaresip('127.0.0.1:5555');
    const a = recording();
    await changed.started(a.sources);
    expect(a.calls).toEqual(['baresip 127.0.0.1:5555']);

    const unchanged = pendingSources('127.0.0.1:4444');
    const b = recording();
    await unchanged.started(b.sources);
    unchanged.useBaresip(null);
    expect(b.calls).toEqual(['baresip null']);
  });
});

describe('call sources that cannot start', () => {
  it('keeps the app running: logs why, and a call control says it is unavailable', async () => {
    // A real start that fails: the command-hook endpoint's file cannot be written (its folder
    // is a file), as on a PC whose profile folder is read-only.
    const dir = mkdtempSync(join(tmpdir(), 'sidecoach-sources-'));
    const notAFolder = join(dir, 'user-data');
    writeFileSync(notAFolder, 'a file where the folder should be');
    const logged: string[] = [];
    const pending = pendingSources(null);
    try {
      const started = await startSourcesInBackground(
        () =>
          startCallSources({
            userDataDir: notAFolder,
            baresip: null,
            log: (m) => logged.push(m),
            send: () => undefined,
          }),
        pending,
        (m) => logged.push(m),
      );
      expect(started).toBeNull();
      expect(logged.at(-1)).toMatch(
        /softphone connections did not start \(.+\); the sidebar runs without them/,
      );
      await expect(pending.control('answer')).rejects.toThrow(/softphone control is unavailable: /);
      // A baresip address changed afterwards is kept, not sent anywhere.
      pending.useBaresip('127.0.0.1:4444');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('hands working sources over once they are up', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sidecoach-sources-'));
    const pending = pendingSources(null);
    const started = await startSourcesInBackground(
      () =>
        startCallSources({
          userDataDir: dir,
          baresip: null,
          log: () => undefined,
          send: () => undefined,
        }),
      pending,
      () => undefined,
    );
    try {
      expect(started).not.toBeNull();
      // The endpoint is up: a control reaches the sources (no baresip set: they say so).
      await expect(pending.control('answer')).rejects.toThrow(/no softphone to control/);
    } finally {
      await started?.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

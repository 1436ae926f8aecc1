import { describe, expect, it } from 'vitest';
import type { CallControl } from '@sidecoach/shared';
import { pendingSources } from './pending-sources.js';
import type { CallSources } from './sources.js';

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

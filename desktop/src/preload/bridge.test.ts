import { describe, expect, it } from 'vitest';
import { IPC, IPC_EVENTS, type SidecoachBridge } from '@sidecoach/shared';
import { createBridge } from './bridge.js';

function recordingBridge() {
  const calls: unknown[][] = [];
  const listeners = new Map<string, (payload: unknown) => void>();
  const bridge: SidecoachBridge = createBridge(
    (channel, ...args) => {
      calls.push([channel, ...args]);
      return Promise.resolve(
        channel === IPC.appVersion ? '0.1.0' : { hubUrl: 'x', language: null },
      );
    },
    (channel, listener) => {
      listeners.set(channel, listener);
      return () => listeners.delete(channel);
    },
  );
  return { bridge, calls, listeners };
}

describe('createBridge', () => {
  it('is the Electron host and exposes exactly the bridge verbs', () => {
    const { bridge } = recordingBridge();
    expect(bridge.host).toBe('electron');
    expect(Object.keys(bridge).sort()).toEqual([
      'controlCall',
      'getSettings',
      'getVersion',
      'host',
      'onCallEvent',
      'onHotkey',
      'signInWithBrowser',
      'updateSettings',
    ]);
  });

  it('passes call events from main to the listener until unsubscribed', () => {
    const { bridge, listeners } = recordingBridge();
    const seen: unknown[] = [];
    const unsubscribe = bridge.onCallEvent!((e) => seen.push(e));
    listeners.get(IPC_EVENTS.callEvent)?.({ kind: 'answered', callId: 'b1' });
    expect(seen).toEqual([{ kind: 'answered', callId: 'b1' }]);
    unsubscribe();
    expect(listeners.has(IPC_EVENTS.callEvent)).toBe(false);
  });

  it('invokes the shared channel names with the arguments given', async () => {
    const { bridge, calls } = recordingBridge();
    await bridge.getSettings();
    await bridge.updateSettings({ language: 'en' });
    await expect(bridge.getVersion()).resolves.toBe('0.1.0');
    expect(calls).toEqual([
      [IPC.settingsGet],
      [IPC.settingsUpdate, { language: 'en' }],
      [IPC.appVersion],
    ]);
  });
});

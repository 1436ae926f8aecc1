import { describe, expect, it } from 'vitest';
import { IPC, type SidecoachBridge } from '@sidecoach/shared';
import { createBridge } from './bridge.js';

function recordingBridge() {
  const calls: unknown[][] = [];
  const bridge: SidecoachBridge = createBridge((channel, ...args) => {
    calls.push([channel, ...args]);
    return Promise.resolve(channel === IPC.appVersion ? '0.1.0' : { hubUrl: 'x', language: null });
  });
  return { bridge, calls };
}

describe('createBridge', () => {
  it('is the Electron host and exposes exactly the bridge verbs', () => {
    const { bridge } = recordingBridge();
    expect(bridge.host).toBe('electron');
    expect(Object.keys(bridge).sort()).toEqual([
      'getSettings',
      'getVersion',
      'host',
      'updateSettings',
    ]);
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

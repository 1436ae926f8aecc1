import type { IpcMainInvokeEvent } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_HOTKEYS, IPC } from '@sidecoach/shared';
import { RELOAD_DELAY_MS, registerIpcHandlers } from './ipc-handlers.js';
import type { IpcHandleTarget } from './ipc-validation.js';
import { createSettings, DEFAULT_HUB_URL, type StoredSettings } from './settings.js';

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

function setup() {
  const data = new Map<keyof StoredSettings, unknown>([
    ['hubUrl', DEFAULT_HUB_URL],
    ['language', null],
  ]);
  const settings = createSettings({
    get: (key) => data.get(key) as never,
    set: (key, value) => void data.set(key, value),
  });
  const listeners = new Map<string, Listener>();
  const target: IpcHandleTarget = {
    handle: (channel, listener) => listeners.set(channel, listener),
  };
  const changes: [string, string][] = [];
  registerIpcHandlers(target, settings, '0.1.0', (before, after) =>
    changes.push([before.dockSide, after.dockSide]),
  );

  const sender = { reloads: 0, isDestroyed: () => false, reload: () => void sender.reloads++ };
  const event = {
    senderFrame: { url: 'app://sidecoach/index.html', parent: null },
    sender,
  } as unknown as IpcMainInvokeEvent; // only the fields the handlers read
  const invoke = (channel: string, ...args: unknown[]) => {
    const listener = listeners.get(channel);
    if (!listener) throw new Error(`no handler for ${channel}`);
    // Like ipcMain.handle: whatever the listener throws reaches the caller as a rejection.
    return new Promise((resolve) => resolve(listener(event, ...args)));
  };
  return { invoke, sender, changes, channels: [...listeners.keys()] };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('registerIpcHandlers', () => {
  it('handles every channel of the bridge', () => {
    expect(setup().channels.sort()).toEqual(Object.values(IPC).sort());
  });

  it('answers settings and version', async () => {
    const { invoke } = setup();
    await expect(invoke(IPC.settingsGet)).resolves.toEqual({
      hubUrl: DEFAULT_HUB_URL,
      language: null,
      dockSide: 'right',
      dockWindowTitle: null,
      baresipAddress: null,
      hotkeys: DEFAULT_HOTKEYS,
    });
    await expect(invoke(IPC.appVersion)).resolves.toBe('0.1.0');
  });

  it('tells main what changed, so it can re-dock, re-bind hotkeys and reconnect softphones', async () => {
    const { invoke, changes } = setup();
    await invoke(IPC.settingsUpdate, { dockSide: 'left' });
    expect(changes).toEqual([['right', 'left']]);
    await expect(
      invoke(IPC.settingsUpdate, { baresipAddress: '192.168.1.9:4444' }),
    ).rejects.toThrow(/loopback/);
    await expect(invoke(IPC.settingsUpdate, { hotkeys: { tickNext: 'T' } })).rejects.toThrow(
      /invalid argument/,
    );
    expect(changes).toHaveLength(1);
  });

  it('passes valid call controls to the softphone and refuses others', async () => {
    const { invoke } = setup();
    // No softphone wired in this setup: the default answer says what to do.
    await expect(invoke(IPC.callControl, 'answer')).rejects.toThrow(
      /set the baresip address in Settings/,
    );
    await expect(invoke(IPC.callControl, 'transfer')).rejects.toThrow(/invalid argument/);
  });

  it('reloads the page after the hub URL changes, so the CSP names the new hub', async () => {
    const { invoke, sender } = setup();
    await invoke(IPC.settingsUpdate, { language: 'zh-CN' });
    await invoke(IPC.settingsUpdate, { hubUrl: DEFAULT_HUB_URL });
    vi.advanceTimersByTime(RELOAD_DELAY_MS);
    expect(sender.reloads).toBe(0);

    await expect(
      invoke(IPC.settingsUpdate, { hubUrl: 'http://10.0.0.5:4780' }),
    ).resolves.toMatchObject({
      hubUrl: 'http://10.0.0.5:4780',
      language: 'zh-CN',
    });
    expect(sender.reloads).toBe(0);
    vi.advanceTimersByTime(RELOAD_DELAY_MS);
    expect(sender.reloads).toBe(1);
  });
});

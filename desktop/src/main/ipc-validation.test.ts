import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it } from 'vitest';
import { DesktopSettingsPatchSchema, IPC } from '@sidecoach/shared';
import { isTrustedSender, validatedIpc, type IpcHandleTarget } from './ipc-validation.js';

describe('isTrustedSender', () => {
  it('accepts the main frame of the app page', () => {
    expect(isTrustedSender('app://sidecoach/index.html', true)).toBe(true);
    expect(isTrustedSender('app://sidecoach/', true)).toBe(true);
  });

  it('refuses subframes, other pages and frames without a URL', () => {
    expect(isTrustedSender('app://sidecoach/index.html', false)).toBe(false);
    expect(isTrustedSender('https://evil.example/', true)).toBe(false);
    expect(isTrustedSender('app://sidecoach.evil.example/', true)).toBe(false);
    expect(isTrustedSender('file:///index.html', true)).toBe(false);
    expect(isTrustedSender('about:blank', true)).toBe(false);
    expect(isTrustedSender('', true)).toBe(false);
    expect(isTrustedSender(undefined, true)).toBe(false);
  });
});

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

/** Records what validatedIpc registers so a test can invoke it like Electron would. */
function recorder() {
  const listeners = new Map<string, Listener>();
  const target: IpcHandleTarget = {
    handle: (channel, listener) => listeners.set(channel, listener),
  };
  const invoke = (channel: string, frame: unknown, ...args: unknown[]) => {
    const listener = listeners.get(channel);
    if (!listener) throw new Error(`no handler for ${channel}`);
    // Like ipcMain.handle: whatever the listener throws reaches the caller as a rejection.
    // Only senderFrame is read; the cast stands in for the rest of Electron's event object.
    return new Promise((resolve) =>
      resolve(listener({ senderFrame: frame } as IpcMainInvokeEvent, ...args)),
    );
  };
  return { target, invoke };
}

const mainFrame = { url: 'app://sidecoach/index.html', parent: null };
const subFrame = { url: 'app://sidecoach/index.html', parent: mainFrame };

describe('validatedIpc', () => {
  it('runs handlers for the app main frame with parsed arguments', async () => {
    const { target, invoke } = recorder();
    const ipc = validatedIpc(target);
    ipc.handle(IPC.appVersion, () => '1.2.3');
    ipc.handleWith(IPC.settingsUpdate, DesktopSettingsPatchSchema, (patch) => patch);

    await expect(invoke(IPC.appVersion, mainFrame)).resolves.toBe('1.2.3');
    await expect(invoke(IPC.settingsUpdate, mainFrame, { language: 'zh-CN' })).resolves.toEqual({
      language: 'zh-CN',
    });
  });

  it('rejects other senders before the handler runs', async () => {
    const { target, invoke } = recorder();
    let ran = 0;
    validatedIpc(target).handle(IPC.settingsGet, () => ++ran);

    for (const frame of [
      null,
      subFrame,
      { url: 'https://evil.example/', parent: null },
      { url: 'app://evil/index.html', parent: null },
    ]) {
      await expect(invoke(IPC.settingsGet, frame)).rejects.toThrow(
        'settings:get: refused: the sender is not the Sidecoach window',
      );
    }
    expect(ran).toBe(0);
  });

  it('rejects arguments that do not parse, with the reason', async () => {
    const { target, invoke } = recorder();
    let ran = 0;
    const ipc = validatedIpc(target);
    ipc.handleWith(IPC.settingsUpdate, DesktopSettingsPatchSchema, () => ++ran);
    ipc.handle(IPC.settingsGet, () => ++ran);

    await expect(invoke(IPC.settingsUpdate, mainFrame, { hubUrl: 'file:///etc' })).rejects.toThrow(
      /^settings:update: invalid argument: hubUrl: must be an http/,
    );
    await expect(invoke(IPC.settingsUpdate, mainFrame, { bounds: { x: 0 } })).rejects.toThrow(
      /settings:update: invalid argument: .*bounds/,
    );
    await expect(invoke(IPC.settingsUpdate, mainFrame)).rejects.toThrow(
      'settings:update: invalid argument: expected 1 argument, got 0',
    );
    await expect(invoke(IPC.settingsUpdate, mainFrame, {}, {})).rejects.toThrow(
      'expected 1 argument, got 2',
    );
    await expect(invoke(IPC.settingsGet, mainFrame, 'extra')).rejects.toThrow(
      'settings:get: invalid argument: expected none, got 1',
    );
    expect(ran).toBe(0);
  });
});

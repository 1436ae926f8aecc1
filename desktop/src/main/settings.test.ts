import { describe, expect, it } from 'vitest';
import { DEFAULT_HOTKEYS, defaultHotkeysFor } from '@sidecoach/shared';
import {
  DEFAULT_HUB_URL,
  createSettings,
  hubUrlFromEnv,
  settingsDefaults,
  type KeyValueStore,
  type StoredSettings,
} from './settings.js';

function memoryStore(initial: Record<string, unknown>): KeyValueStore<StoredSettings> {
  const data = new Map(Object.entries(initial));
  return {
    get: (key) => data.get(key) as never,
    set: (key, value) => void data.set(key, value),
  };
}

describe('hubUrlFromEnv and settingsDefaults', () => {
  it('takes SIDECOACH_HUB_URL when it is a hub address', () => {
    const env = { SIDECOACH_HUB_URL: 'http://127.0.0.1:51234' };
    expect(hubUrlFromEnv(env)).toEqual({ hubUrl: 'http://127.0.0.1:51234' });
    expect(settingsDefaults(env)).toEqual({
      hubUrl: 'http://127.0.0.1:51234',
      language: null,
      bounds: null,
      dockSide: 'right',
      dockWindowTitle: null,
      baresipAddress: null,
      hotkeys: DEFAULT_HOTKEYS,
    });
    expect(settingsDefaults({ SIDECOACH_BARESIP: '127.0.0.1:4444' }).baresipAddress).toBe(
      '127.0.0.1:4444',
    );
    expect(settingsDefaults({ SIDECOACH_BARESIP: '10.0.0.9:4444' }).baresipAddress).toBeNull();
  });

  it('defaults to the laptop hub and warns about a bad value', () => {
    expect(settingsDefaults({}).hubUrl).toBe(DEFAULT_HUB_URL);
    expect(hubUrlFromEnv({ SIDECOACH_HUB_URL: '' })).toEqual({});
    const bad = hubUrlFromEnv({ SIDECOACH_HUB_URL: 'file:///etc/passwd' });
    expect(bad.hubUrl).toBeUndefined();
    expect(bad.warning).toMatch(/SIDECOACH_HUB_URL ignored/);
  });
});

describe('createSettings', () => {
  it('reads, updates and returns what is stored', () => {
    const settings = createSettings(memoryStore({ hubUrl: DEFAULT_HUB_URL, language: null }));
    const defaults = {
      dockSide: 'right',
      dockWindowTitle: null,
      baresipAddress: null,
      hotkeys: DEFAULT_HOTKEYS,
    };
    expect(settings.read()).toEqual({ hubUrl: DEFAULT_HUB_URL, language: null, ...defaults });
    expect(settings.update({ language: 'zh-CN' })).toEqual({
      hubUrl: DEFAULT_HUB_URL,
      language: 'zh-CN',
      ...defaults,
    });
    expect(settings.update({ hubUrl: 'https://hub.example', language: null })).toEqual({
      hubUrl: 'https://hub.example',
      language: null,
      ...defaults,
    });
    const hotkeys = { ...DEFAULT_HOTKEYS, tickNext: 'Ctrl+Shift+1' };
    expect(
      settings.update({ dockSide: 'left', baresipAddress: '127.0.0.1:4444', hotkeys }),
    ).toMatchObject({
      dockSide: 'left',
      baresipAddress: '127.0.0.1:4444',
      hotkeys,
    });
  });

  it('falls back field by field when the file holds something unusable', () => {
    const settings = createSettings(memoryStore({ hubUrl: 'javascript:alert(1)', language: 'xx' }));
    expect(settings.read()).toMatchObject({ hubUrl: DEFAULT_HUB_URL, language: null });
    const partial = createSettings(
      memoryStore({
        hubUrl: 42,
        language: 'en',
        dockSide: 'top',
        baresipAddress: '8.8.8.8:1',
        hotkeys: { tickNext: 'x' },
      }),
    );
    expect(partial.read()).toEqual({
      hubUrl: DEFAULT_HUB_URL,
      language: 'en',
      dockSide: 'right',
      dockWindowTitle: null,
      baresipAddress: null,
      hotkeys: DEFAULT_HOTKEYS,
    });
  });

  it('defaults to hotkeys without Ctrl+Alt (AltGr) on Windows, and keeps a stored choice', () => {
    expect(settingsDefaults({}, 'win32').hotkeys).toEqual(defaultHotkeysFor('win32'));
    expect(settingsDefaults({}, 'darwin').hotkeys).toEqual(DEFAULT_HOTKEYS);
    const fresh = createSettings(memoryStore({ hubUrl: DEFAULT_HUB_URL, language: null }), 'win32');
    expect(fresh.read().hotkeys.openAssessment).toBe('Control+Shift+F10');
    const chosen = { ...DEFAULT_HOTKEYS, tickNext: 'CommandOrControl+Alt+Y' };
    const kept = createSettings(
      memoryStore({ hubUrl: DEFAULT_HUB_URL, language: null, hotkeys: chosen }),
      'win32',
    );
    expect(kept.read().hotkeys).toEqual(chosen);
  });

  it('keeps window bounds apart from the settings the renderer sees', () => {
    const settings = createSettings(memoryStore({ hubUrl: DEFAULT_HUB_URL, language: null }));
    settings.saveBounds({ x: 1, y: 2, width: 360, height: 900 });
    expect(settings.savedBounds()).toEqual({ x: 1, y: 2, width: 360, height: 900 });
    expect(settings.read()).not.toHaveProperty('bounds');
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_HOTKEYS, type HotkeyAction } from '@sidecoach/shared';
import { registerHotkeys, type ShortcutRegistry } from './hotkeys.js';

function registry(taken: string[]) {
  const active = new Map<string, () => void>();
  const r: ShortcutRegistry = {
    register: (accelerator, callback) => {
      if (taken.includes(accelerator)) return false;
      active.set(accelerator, callback);
      return true;
    },
    unregister: (accelerator) => void active.delete(accelerator),
  };
  return { r, active };
}

describe('registerHotkeys', () => {
  it('calls back with the action, reports combinations others own, and unregisters its own', () => {
    const { r, active } = registry([DEFAULT_HOTKEYS.openAssessment]);
    const pressed: HotkeyAction[] = [];
    const result = registerHotkeys(r, DEFAULT_HOTKEYS, (a) => pressed.push(a));
    expect(result.failed).toEqual([`openAssessment (${DEFAULT_HOTKEYS.openAssessment})`]);
    active.get(DEFAULT_HOTKEYS.tickNext)?.();
    active.get(DEFAULT_HOTKEYS.toggleCall)?.();
    expect(pressed).toEqual(['tickNext', 'toggleCall']);
    result.unregister();
    expect(active.size).toBe(0);
  });
});

// Global hotkeys: work while the softphone or CRM has the focus. Registration can fail when
// another program owns a combination; those are reported, the others still work.
import type { HotkeyAction } from '@sidecoach/shared';

/** The slice of Electron's globalShortcut used here. */
export interface ShortcutRegistry {
  register(accelerator: string, callback: () => void): boolean;
  unregister(accelerator: string): void;
}

export function registerHotkeys(
  registry: ShortcutRegistry,
  hotkeys: Record<HotkeyAction, string>,
  onPress: (action: HotkeyAction) => void,
): { failed: string[]; unregister(): void } {
  const registered: string[] = [];
  const failed: string[] = [];
  for (const [action, accelerator] of Object.entries(hotkeys) as [HotkeyAction, string][]) {
    let ok: boolean;
    try {
      ok = registry.register(accelerator, () => onPress(action));
    } catch {
      ok = false; // Electron throws on an accelerator it cannot parse
    }
    if (ok) registered.push(accelerator);
    else failed.push(`${action} (${accelerator})`);
  }
  return { failed, unregister: () => registered.forEach((a) => registry.unregister(a)) };
}

// A minimal application menu. On macOS the menu is where Cmd+C/Cmd+V/Cmd+Q come from, so it
// keeps the app and edit menus; elsewhere a 360 px sidebar has no room for a menu bar and text
// fields handle the clipboard keys themselves. No reload or developer tools entries: an agent
// reloading mid-call gains nothing.
import type { MenuItemConstructorOptions } from 'electron';

export function applicationMenuTemplate(
  platform: NodeJS.Platform,
): MenuItemConstructorOptions[] | null {
  if (platform !== 'darwin') return null;
  return [{ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' }];
}

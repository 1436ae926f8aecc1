import { describe, expect, it } from 'vitest';
import { applicationMenuTemplate } from './menu.js';

describe('applicationMenuTemplate', () => {
  it('keeps the macOS app and edit menus, without reload or developer tools', () => {
    const roles = applicationMenuTemplate('darwin')?.map((item) => item.role);
    expect(roles).toEqual(['appMenu', 'editMenu', 'windowMenu']);
  });

  it('has no menu bar on Windows and Linux', () => {
    expect(applicationMenuTemplate('win32')).toBeNull();
    expect(applicationMenuTemplate('linux')).toBeNull();
  });
});

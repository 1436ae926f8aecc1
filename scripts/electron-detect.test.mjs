import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  electronLaunchDecision,
  electronSandboxArgs,
  findDisplay,
  findElectronBinary,
  platformExecutable,
} from './electron-detect.mjs';

/** @type {string} */
let dir;
/** @type {string} */
let electronDir;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sidecoach-electron-detect-'));
  electronDir = join(dir, 'electron');
  await mkdir(electronDir);
  await writeFile(join(electronDir, 'package.json'), '{"name":"electron"}');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Lays out what `npx install-electron` leaves: dist/<binary> and path.txt naming it. */
async function installBinary(relative = 'electron') {
  await mkdir(join(electronDir, 'dist'), { recursive: true });
  await writeFile(join(electronDir, 'dist', relative), '');
  await writeFile(join(electronDir, 'path.txt'), relative);
}

describe('findElectronBinary', () => {
  it('finds the binary path.txt names inside dist', async () => {
    await installBinary();
    expect(findElectronBinary(electronDir, {}, 'linux')).toEqual({
      ok: true,
      binary: join(electronDir, 'dist', 'electron'),
    });
  });

  it('explains a package installed without its binary (no download attempted)', () => {
    const result = findElectronBinary(electronDir, {}, 'linux');
    expect(result).toEqual({
      ok: false,
      reason:
        'no Electron binary in node_modules/electron (run "npx install-electron" where the internet is reachable)',
    });
  });

  it('explains a path.txt whose binary is missing', async () => {
    await writeFile(join(electronDir, 'path.txt'), 'electron');
    const result = findElectronBinary(electronDir, {}, 'linux');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain(join(electronDir, 'dist', 'electron'));
  });

  it('explains a missing electron package', () => {
    const result = findElectronBinary(join(dir, 'nowhere'), {}, 'linux');
    expect(!result.ok && result.reason).toMatch(/electron package is not installed/);
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH, with the platform executable name by default', async () => {
    const override = join(dir, 'custom-dist');
    await mkdir(override);
    const env = { ELECTRON_OVERRIDE_DIST_PATH: override };
    expect(findElectronBinary(electronDir, env, 'linux').ok).toBe(false);
    await writeFile(join(override, 'electron.exe'), '');
    expect(findElectronBinary(electronDir, env, 'win32')).toEqual({
      ok: true,
      binary: join(override, 'electron.exe'),
    });
  });

  it('refuses a folder where the binary should be', async () => {
    await mkdir(join(electronDir, 'dist', 'electron'), { recursive: true });
    await writeFile(join(electronDir, 'path.txt'), 'electron');
    expect(findElectronBinary(electronDir, {}, 'linux').ok).toBe(false);
  });
});

describe('findDisplay', () => {
  it('needs DISPLAY or WAYLAND_DISPLAY on Linux', () => {
    expect(findDisplay({}, 'linux')).toEqual({
      ok: false,
      reason: 'no display (neither DISPLAY nor WAYLAND_DISPLAY is set)',
    });
    expect(findDisplay({ DISPLAY: '' }, 'linux').ok).toBe(false);
    expect(findDisplay({ DISPLAY: ':99' }, 'linux').ok).toBe(true);
    expect(findDisplay({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux').ok).toBe(true);
    expect(findDisplay({}, 'freebsd').ok).toBe(false);
  });

  it('assumes a desktop on Windows and macOS', () => {
    expect(findDisplay({}, 'win32').ok).toBe(true);
    expect(findDisplay({}, 'darwin').ok).toBe(true);
  });
});

describe('electronSandboxArgs and electronLaunchDecision', () => {
  it('switches the Chromium sandbox off only for root on Linux', () => {
    expect(electronSandboxArgs('linux', 0)).toEqual(['--no-sandbox']);
    expect(electronSandboxArgs('linux', 1000)).toEqual([]);
    expect(electronSandboxArgs('darwin', 0)).toEqual([]);
    expect(electronSandboxArgs('win32', undefined)).toEqual([]);
  });

  it('needs both a binary and a display, and says which is missing', async () => {
    const env = { DISPLAY: ':0' };
    expect(electronLaunchDecision({ electronDir, env, platform: 'linux', uid: 1000 }).ok).toBe(
      false,
    );
    await installBinary();
    expect(electronLaunchDecision({ electronDir, env, platform: 'linux', uid: 0 })).toEqual({
      ok: true,
      binary: join(electronDir, 'dist', 'electron'),
      args: ['--no-sandbox'],
    });
    const noDisplay = electronLaunchDecision({ electronDir, env: {}, platform: 'linux' });
    expect(!noDisplay.ok && noDisplay.reason).toMatch(/^no display/);
  });

  it('names the executables as the electron package does', () => {
    expect(platformExecutable('linux')).toBe('electron');
    expect(platformExecutable('win32')).toBe('electron.exe');
    expect(platformExecutable('darwin')).toBe('Electron.app/Contents/MacOS/Electron');
  });
});

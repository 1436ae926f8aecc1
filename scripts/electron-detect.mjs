// Can the Electron sidebar start here? Used by scripts/start.mjs and the Electron end-to-end
// test. The electron npm package downloads its binary the first time `require('electron')`
// resolves the path; where there is no internet that download hangs or fails, so this module
// reads the package's path.txt itself and never loads the package.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * @typedef {{ ok: true, binary: string } | { ok: false, reason: string }} BinaryResult
 * @typedef {{ ok: true } | { ok: false, reason: string }} DisplayResult
 * @typedef {{ ok: true, binary: string, args: string[] } | { ok: false, reason: string }} LaunchDecision
 */

/** The executable inside Electron's dist folder, as electron/install.js names it. */
export function platformExecutable(/** @type {NodeJS.Platform} */ platform) {
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

/** @param {string} file */
function isFile(file) {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * Where the Electron binary is, following electron/index.js (path.txt, honouring
 * ELECTRON_OVERRIDE_DIST_PATH), but only if the file is really there.
 * @param {string} electronDir the electron package folder (node_modules/electron)
 * @param {NodeJS.ProcessEnv} env
 * @param {NodeJS.Platform} platform
 * @returns {BinaryResult}
 */
export function findElectronBinary(electronDir, env, platform) {
  const pathFile = join(electronDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const binary = join(override, relative || platformExecutable(platform));
    if (isFile(binary)) return { ok: true, binary };
    return { ok: false, reason: `no Electron binary at ${binary} (ELECTRON_OVERRIDE_DIST_PATH)` };
  }
  if (!existsSync(join(electronDir, 'package.json'))) {
    return { ok: false, reason: `the electron package is not installed (${electronDir})` };
  }
  const hint = '(run "npx install-electron" where the internet is reachable)';
  if (relative === '') {
    return { ok: false, reason: `no Electron binary in node_modules/electron ${hint}` };
  }
  const binary = join(electronDir, 'dist', relative);
  if (isFile(binary)) return { ok: true, binary };
  return { ok: false, reason: `no Electron binary at ${binary} ${hint}` };
}

/**
 * Windows and macOS always have a desktop; Linux and the BSDs need an X or Wayland display.
 * @param {NodeJS.ProcessEnv} env
 * @param {NodeJS.Platform} platform
 * @returns {DisplayResult}
 */
export function findDisplay(env, platform) {
  if (platform === 'win32' || platform === 'darwin') return { ok: true };
  if (env.DISPLAY || env.WAYLAND_DISPLAY) return { ok: true };
  return { ok: false, reason: 'no display (neither DISPLAY nor WAYLAND_DISPLAY is set)' };
}

/**
 * Chromium refuses to start as root on Linux unless its sandbox is switched off (containers,
 * CI). The renderer keeps contextIsolation and Electron's own sandbox option either way.
 * @param {NodeJS.Platform} platform
 * @param {number | undefined} uid
 * @returns {string[]}
 */
export function electronSandboxArgs(platform, uid) {
  return platform === 'linux' && uid === 0 ? ['--no-sandbox'] : [];
}

/**
 * Everything start.mjs needs to decide: the binary and its extra arguments, or why not.
 * @param {{ electronDir: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform, uid?: number }} options
 * @returns {LaunchDecision}
 */
export function electronLaunchDecision({ electronDir, env, platform, uid }) {
  const binary = findElectronBinary(electronDir, env, platform);
  if (!binary.ok) return binary;
  const display = findDisplay(env, platform);
  if (!display.ok) return display;
  return { ok: true, binary: binary.binary, args: electronSandboxArgs(platform, uid) };
}

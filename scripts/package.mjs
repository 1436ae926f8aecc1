// `npm run package`: the desktop installers for this platform (AppImage and deb on Linux, NSIS
// on Windows, dmg on macOS), with electron-builder and electron-builder.yml. electron-builder
// downloads Electron's release for the platform and its own packaging tools (AppImage, fpm,
// NSIS, icon conversion) from GitHub, or from ELECTRON_MIRROR and
// ELECTRON_BUILDER_BINARIES_MIRROR: where they cannot be reached this says so in one line
// before building anything.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CONFIG = join(root, 'electron-builder.yml');
/** electron-builder.yml's `directories.app`: the built desktop package. */
export const APP_DIR = join(root, 'desktop/dist');
const fromDesktop = createRequire(join(root, 'desktop/package.json'));

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

/**
 * The packaged app's package.json (desktop/dist/package.json): name, version and entry of the
 * desktop package, no dependencies (the bundles need none), so electron-builder packs no
 * node_modules.
 */
export function appManifest(
  desktop = readJson(join(root, 'desktop/package.json')),
  project = readJson(join(root, 'package.json')),
) {
  return {
    name: 'sidecoach',
    productName: desktop.productName,
    version: desktop.version,
    description: project.description,
    license: project.license,
    author: 'Sidecoach contributors',
    ...(project.homepage ? { homepage: project.homepage } : {}),
    // desktop/package.json's main is relative to desktop/, this one to desktop/dist/.
    main: posix.relative('dist', desktop.main),
    private: true,
  };
}

/** Writes appManifest() to desktop/dist/package.json; returns the entry file it names. */
export function writeAppManifest() {
  const manifest = appManifest();
  writeFileSync(join(APP_DIR, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return join(APP_DIR, manifest.main);
}

/** Where @electron/get (inside electron-builder) fetches Electron's zip for a platform. */
export function electronZipUrl(version, platform, arch, env = process.env) {
  const mirror =
    env.ELECTRON_MIRROR ??
    env.npm_config_electron_mirror ??
    'https://github.com/electron/electron/releases/download/';
  const dir = (env.ELECTRON_CUSTOM_DIR ?? 'v{{ version }}').replace(
    /\{\{\s*version\s*\}\}/,
    version,
  );
  return `${mirror.endsWith('/') ? mirror : `${mirror}/`}${dir}/electron-v${version}-${platform}-${arch}.zip`;
}

/** Where electron-builder fetches its packaging tools (its getBinariesMirrorUrl). */
export function toolsUrl(env = process.env) {
  const mirror =
    env.NPM_CONFIG_ELECTRON_BUILDER_BINARIES_MIRROR ??
    env.npm_config_electron_builder_binaries_mirror ??
    env.ELECTRON_BUILDER_BINARIES_MIRROR;
  return mirror ?? 'https://github.com/electron-userland/electron-builder-binaries/releases/';
}

/** A HEAD request: the status, or why nothing answered. */
async function head(url, timeoutMs) {
  try {
    const res = await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(timeoutMs) });
    return { status: res.status };
  } catch (err) {
    const cause = err instanceof Error && err.cause instanceof Error ? err.cause : err;
    const code = /** @type {{ code?: string }} */ (cause).code;
    return { error: code ?? (cause instanceof Error ? cause.message : String(cause)) };
  }
}

const hostOf = (url) => new URL(url).host;

/**
 * Why the installers cannot be built here, in one sentence, or null when they can: Electron's
 * release for this platform must be there to download, the tools' host must answer, and the
 * deb needs the project's homepage (package.json, or a GitHub origin remote).
 * @param {{ electronVersion: string, platform: string, arch: string, env?: NodeJS.ProcessEnv, homepage?: string, gitOrigin?: string, timeoutMs?: number }} options
 * @returns {Promise<string | null>}
 */
export async function packagingBlocker(options) {
  const { electronVersion, platform, arch, env = process.env, timeoutMs = 10_000 } = options;
  const zip = electronZipUrl(electronVersion, platform, arch, env);
  const release = await head(zip, timeoutMs);
  const electron = `Electron ${electronVersion} for ${platform}-${arch}`;
  if (release.error)
    return `${electron} cannot be downloaded from ${hostOf(zip)} (${release.error}); set ELECTRON_MIRROR to a mirror that has it`;
  if (release.status >= 400)
    return `${electron} is not at ${zip} (HTTP ${release.status}); set ELECTRON_MIRROR to a mirror that has it`;
  const tools = toolsUrl(env);
  const reached = await head(tools, timeoutMs);
  if (reached.error)
    return `electron-builder's packaging tools cannot be downloaded from ${hostOf(tools)} (${reached.error}); set ELECTRON_BUILDER_BINARIES_MIRROR`;
  if (platform === 'linux' && !options.homepage && !/github\.com[:/]/.test(options.gitOrigin ?? ''))
    return 'the deb needs the project\'s homepage: add "homepage" to package.json (or package from a clone of the GitHub repository)';
  return null;
}

function run(command, args) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  return result.status ?? 1;
}

async function main() {
  const say = (why) => {
    console.error(`[package] not packaging here: ${why}`);
    process.exitCode = 1;
  };
  let builderCli;
  let electronVersion;
  try {
    const builderDir = dirname(fromDesktop.resolve('electron-builder/package.json'));
    builderCli = join(
      builderDir,
      readJson(join(builderDir, 'package.json')).bin['electron-builder'],
    );
    electronVersion = readJson(fromDesktop.resolve('electron/package.json')).version;
  } catch {
    return say('electron-builder or electron is not installed (run npm ci)');
  }
  const project = readJson(join(root, 'package.json'));
  const origin = spawnSync('git', ['config', '--get', 'remote.origin.url'], {
    cwd: root,
    encoding: 'utf8',
  });
  const blocker = await packagingBlocker({
    electronVersion,
    platform: process.platform,
    arch: process.arch,
    homepage: project.homepage,
    gitOrigin: origin.stdout?.trim(),
  });
  if (blocker) return say(blocker);

  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  if (run(npm, ['run', 'build']) !== 0) return say('npm run build failed');
  const entry = writeAppManifest();
  if (!existsSync(entry)) return say(`npm run build left no ${entry}`);
  process.exitCode = run(process.execPath, [builderCli, '--config', CONFIG, '--publish', 'never']);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();

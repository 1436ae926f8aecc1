// The desktop packaging: electron-builder.yml read with `yaml` and with electron-builder's own
// loader and schema, the packaged app's manifest, the one-line refusal of `npm run package`
// where Electron cannot be downloaded (against loopback servers), and, where an Electron binary
// exists, a real unpacked build whose fuses are read back from the binary.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findElectronBinary } from './electron-detect.mjs';
import {
  APP_DIR,
  CONFIG,
  appManifest,
  electronZipUrl,
  packagingBlocker,
  toolsUrl,
  writeAppManifest,
} from './package.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const fromDesktop = createRequire(join(root, 'desktop/package.json'));
const config = parse(readFileSync(CONFIG, 'utf8'));

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file) {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1'), file).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** A loopback port nothing listens on (fetch refuses some well-known ones, such as 9). */
const closedPort = () =>
  new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = /** @type {{ port: number }} */ (probe.address());
      probe.close(() => resolve(port));
    });
  });

const targets = (platform) =>
  [platform.target].flat().map((t) => (typeof t === 'string' ? t : t.target));

describe('electron-builder.yml', () => {
  it('builds AppImage and deb, NSIS and dmg for the app id, from the asar only', () => {
    expect(config.appId).toBe('org.sidecoach.desktop');
    expect(config.productName).toBe('Sidecoach');
    expect(targets(config.linux)).toEqual(['AppImage', 'deb']);
    expect(targets(config.win)).toEqual(['nsis']);
    expect(targets(config.mac)).toEqual(['dmg']);
    // macOS asks consent for the LAN hub and for System Events only with these strings.
    expect(Object.keys(config.mac.extendInfo).sort()).toEqual([
      'NSAppleEventsUsageDescription',
      'NSLocalNetworkUsageDescription',
    ]);
    for (const text of Object.values(config.mac.extendInfo)) expect(text).toMatch(/^Sidecoach /);
    expect(config.asar).toBe(true);
    expect(config.linux.executableName).toBe('sidecoach');
  });

  it('flips exactly these fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('takes its icons from assets/icons, at the sizes each platform needs', () => {
    const dir = join(root, config.linux.icon);
    const sizes = readdirSync(dir)
      .filter((f) => f.endsWith('.png'))
      .map((f) => {
        const { width, height } = pngSize(join(dir, f));
        expect(f).toBe(`${width}x${height}.png`);
        return width;
      })
      .sort((a, b) => a - b);
    expect(sizes).toEqual([16, 32, 48, 64, 128, 256, 512, 1024]);
    expect(config.linux.icon.startsWith('assets/icons/')).toBe(true);
    expect(pngSize(join(root, config.win.icon)).width).toBeGreaterThanOrEqual(256);
    expect(pngSize(join(root, config.mac.icon)).width).toBeGreaterThanOrEqual(512);
  });

  it('passes electron-builder’s own loader and schema', async () => {
    const { getConfig, validateConfiguration } = fromDesktop(
      'app-builder-lib/out/util/config/config.js',
    );
    const { DebugLogger } = fromDesktop('builder-util');
    const loaded = await getConfig(root, CONFIG, null);
    await expect(validateConfiguration(loaded, new DebugLogger(false))).resolves.toBeUndefined();
    // And a misspelt fuse is refused by that schema, so the check above means something.
    await expect(
      validateConfiguration(
        { ...loaded, electronFuses: { ...loaded.electronFuses, runAsNod: false } },
        new DebugLogger(false),
      ),
    ).rejects.toThrow(/electronFuses/);
  });

  it('packs the built desktop/dist with a manifest of its own and no node_modules', () => {
    expect(config.directories.app).toBe('desktop/dist');
    const manifest = appManifest();
    expect(manifest).toMatchObject({ name: 'sidecoach', productName: 'Sidecoach' });
    expect(manifest).not.toHaveProperty('dependencies');
    // npm test builds before it tests: the entry the manifest names is there.
    expect(existsSync(join(APP_DIR, manifest.main)), manifest.main).toBe(true);
    expect(config.files).toEqual(expect.arrayContaining(['main/**', 'preload/**', 'renderer/**']));
  });
});

describe('npm run package where the downloads cannot be had', () => {
  /** @type {import('node:http').Server} */
  let mirror;
  let base = '';
  const requested = [];
  beforeAll(async () => {
    // A mirror with only Electron 45.4.1 for linux-x64, and a tools host that answers.
    mirror = createServer((req, res) => {
      requested.push(`${req.method} ${req.url}`);
      const found =
        req.url === '/electron/v45.4.1/electron-v45.4.1-linux-x64.zip' || req.url === '/tools/';
      res.writeHead(found ? 200 : 404).end();
    });
    await new Promise((resolve) => mirror.listen(0, '127.0.0.1', () => resolve(undefined)));
    base = `http://127.0.0.1:${/** @type {{ port: number }} */ (mirror.address()).port}`;
  });
  afterAll(() => new Promise((resolve) => mirror.close(() => resolve(undefined))));

  const env = (extra = {}) => ({
    ELECTRON_MIRROR: `${base}/electron/`,
    ELECTRON_BUILDER_BINARIES_MIRROR: `${base}/tools/`,
    ...extra,
  });

  it('follows the mirrors electron-builder follows', () => {
    expect(electronZipUrl('45.4.1', 'win32', 'x64', {})).toBe(
      'https://github.com/electron/electron/releases/download/v45.4.1/electron-v45.4.1-win32-x64.zip',
    );
    expect(electronZipUrl('45.4.1', 'linux', 'x64', env())).toBe(
      `${base}/electron/v45.4.1/electron-v45.4.1-linux-x64.zip`,
    );
    expect(toolsUrl(env())).toBe(`${base}/tools/`);
  });

  it('goes ahead when Electron and the tools are there', async () => {
    const options = { platform: 'linux', arch: 'x64', env: env(), homepage: 'https://x.example' };
    expect(await packagingBlocker({ electronVersion: '45.4.1', ...options })).toBeNull();
    expect(requested).toContain('HEAD /electron/v45.4.1/electron-v45.4.1-linux-x64.zip');
  });

  it('says why not in one sentence: a release the mirror lacks, a host that does not answer', async () => {
    const options = { platform: 'linux', arch: 'x64', homepage: 'https://x.example' };
    expect(await packagingBlocker({ electronVersion: '99.0.0', env: env(), ...options })).toMatch(
      /^Electron 99\.0\.0 for linux-x64 is not at .* \(HTTP 404\); set ELECTRON_MIRROR/,
    );
    const port = await closedPort();
    const closed = env({ ELECTRON_BUILDER_BINARIES_MIRROR: `http://127.0.0.1:${port}/` });
    expect(await packagingBlocker({ electronVersion: '45.4.1', env: closed, ...options })).toBe(
      `electron-builder's packaging tools cannot be downloaded from 127.0.0.1:${port} (ECONNREFUSED); set ELECTRON_BUILDER_BINARIES_MIRROR`,
    );
    expect(
      await packagingBlocker({
        electronVersion: '45.4.1',
        env: env(),
        platform: 'linux',
        arch: 'x64',
      }),
    ).toMatch(/^the deb needs the project's homepage/);
    expect(
      await packagingBlocker({
        electronVersion: '45.4.1',
        env: env(),
        platform: 'linux',
        arch: 'x64',
        gitOrigin: 'git@github.com:example/sidecoach.git',
      }),
    ).toBeNull();
  });

  it('prints that one line and exits 1, before building anything', async () => {
    const port = await closedPort();
    const { code, stdout, stderr } = await new Promise((resolve) => {
      execFile(
        process.execPath,
        [join(root, 'scripts/package.mjs')],
        { env: { ...process.env, ELECTRON_MIRROR: `http://127.0.0.1:${port}/` }, timeout: 30_000 },
        (err, stdout, stderr) => resolve({ code: err ? err.code : 0, stdout, stderr }),
      );
    });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(
      /^\[package\] not packaging here: Electron \d+\.\d+\.\d+ for \w+-\w+ cannot be downloaded from 127\.0\.0\.1:\d+ \(ECONNREFUSED\); set ELECTRON_MIRROR to a mirror that has it\n$/,
    );
  });
});

const electron = findElectronBinary(
  join(root, 'node_modules/electron'),
  process.env,
  process.platform,
);
if (!electron.ok) console.log(`[package] real unpacked build skipped: ${electron.reason}`);

describe.skipIf(!electron.ok)('an unpacked build with the real Electron', () => {
  /** @type {string} */
  let out;
  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'sidecoach-package-'));
  });
  afterAll(async () => {
    if (out) await rm(out, { recursive: true, force: true });
  });

  it('has its fuses flipped and only the bundles in app.asar', async () => {
    writeAppManifest();
    const builderDir = dirname(fromDesktop.resolve('electron-builder/package.json'));
    const code = await new Promise((resolve) => {
      execFile(
        process.execPath,
        [
          join(builderDir, 'cli.js'),
          '--config',
          CONFIG,
          '--publish',
          'never',
          '--dir',
          `-c.electronDist=${join(root, 'node_modules/electron/dist')}`,
          `-c.directories.output=${out}`,
        ],
        { cwd: root, timeout: 300_000 },
        (err) => resolve(err ? err.code : 0),
      );
    });
    expect(code).toBe(0);
    const unpacked = readdirSync(out).find((d) => d.endsWith('-unpacked') || d === 'mac');
    expect(unpacked).toBeDefined();
    const dir = join(out, /** @type {string} */ (unpacked));
    const binary = {
      linux: join(dir, 'sidecoach'),
      win32: join(dir, 'Sidecoach.exe'),
      darwin: join(dir, 'Sidecoach.app'),
    }[process.platform];
    const { getCurrentFuseWire, FuseV1Options } = fromDesktop('@electron/fuses');
    const wire = await getCurrentFuseWire(binary);
    const on = (fuse) => String.fromCharCode(wire[fuse]);
    expect(on(FuseV1Options.RunAsNode)).toBe('0');
    expect(on(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe('0');
    expect(on(FuseV1Options.EnableNodeCliInspectArguments)).toBe('0');
    expect(on(FuseV1Options.EnableCookieEncryption)).toBe('1');
    expect(on(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe('1');
    expect(on(FuseV1Options.OnlyLoadAppFromAsar)).toBe('1');
    const resources =
      process.platform === 'darwin'
        ? join(dir, 'Sidecoach.app/Contents/Resources')
        : join(dir, 'resources');
    const { listPackage } = fromDesktop('@electron/asar');
    const files = listPackage(join(resources, 'app.asar'));
    expect(files).toContain('/main/index.cjs');
    expect(files).toContain('/renderer/index.html');
    expect(files.filter((f) => /node_modules|\.map$|\.br$|\.gz$/.test(f))).toEqual([]);
  });
});

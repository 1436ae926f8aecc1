// Builds the desktop package: the renderer with Vite (also served by the hub as the web
// sidebar), the Electron main process and preload with esbuild. Prints the renderer's gzipped
// JavaScript size and fails above the budget.
import { build as viteBuild } from 'vite';
import { build as esbuild } from 'esbuild';
import { readdir, readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const BUDGET_KB = 250;

console.log('[build] renderer (vite)…');
await viteBuild({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });

console.log('[build] main and preload (esbuild)…');
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  external: ['electron'],
  sourcemap: true,
  logLevel: 'warning',
  conditions: ['source'],
};
await esbuild({
  ...common,
  entryPoints: [join(root, 'src/main/index.ts')],
  outfile: join(root, 'dist/main/index.cjs'),
});
// Sandboxed preloads run as CommonJS with only a few modules available: bundle everything.
await esbuild({
  ...common,
  platform: 'browser',
  entryPoints: [join(root, 'src/preload/index.ts')],
  outfile: join(root, 'dist/preload/index.cjs'),
});

// The command line softphones run on call events (`sidecoach call answer --id ...`).
await esbuild({
  ...common,
  entryPoints: [join(root, 'src/cli/index.ts')],
  outfile: join(root, 'dist/cli/sidecoach.cjs'),
  external: [],
  banner: { js: '#!/usr/bin/env node' },
});

const assets = join(root, 'dist/renderer/assets');
let total = 0;
for (const name of await readdir(assets)) {
  if (!name.endsWith('.js')) continue;
  total += gzipSync(await readFile(join(assets, name)), { level: 9 }).length;
}
const kb = total / 1024;
console.log(`[build] renderer JavaScript: ${kb.toFixed(1)} KB gzipped (budget ${BUDGET_KB} KB)`);
if (kb > BUDGET_KB) {
  console.error(`[build] over budget by ${(kb - BUDGET_KB).toFixed(1)} KB`);
  process.exit(1);
}

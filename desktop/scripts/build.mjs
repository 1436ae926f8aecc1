// Builds the desktop package: the renderer with Vite (also served by the hub as the web
// sidebar), the Electron main process and preload with esbuild. Prints the renderer's gzipped
// JavaScript per chunk and fails when what the first screen loads is over its budget.
import { build as viteBuild } from 'vite';
import { build as esbuild } from 'esbuild';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// What the sidebar loads before it can show anything: the entry chunk and its static imports.
// Coach and manager screens, charts, the language coach and the non-active language are lazy
// chunks; the agent's sidebar (sign-in, call, checklist, self-assessment, notes) must fit here.
const FIRST_LOAD_BUDGET_KB = 160;
// Everything, lazy chunks too: a generous ceiling that only an accident (a second copy of a
// library, a data file bundled) goes through.
const TOTAL_BUDGET_KB = 600;

// `--if-changed` (npm start): nothing to do when no input changed since the last build.
const STAMP = join(root, 'dist/.inputs');
const inputs = await inputsFingerprint();
if (
  process.argv.includes('--if-changed') &&
  (await readFile(STAMP, 'utf8').catch(() => '')) === inputs
) {
  console.log('[build] desktop: up to date (no source changed since the last build)');
  process.exit(0);
}

console.log('[build] renderer (vite)…');
// The manifest names each chunk's static and dynamic imports: the budget reads it.
await viteBuild({
  configFile: join(root, 'vite.config.ts'),
  logLevel: 'warn',
  build: { manifest: true },
});

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

await buildServiceWorker(join(root, 'dist/renderer'));
await checkBudget(join(root, 'dist/renderer'));
await precompress(join(root, 'dist/renderer'));
await writeFile(STAMP, inputs);

/**
 * Every file the desktop build reads (its sources, the shared package's, configs and the lock
 * file), by path, size and modification time: equal strings mean an equal build.
 */
async function inputsFingerprint() {
  const top = join(root, '..');
  const parts = [];
  for (const dir of ['desktop/src', 'desktop/public', 'shared/src', 'assets']) {
    const entries = await readdir(join(top, dir), { recursive: true, withFileTypes: true }).catch(
      () => [],
    );
    for (const entry of entries) if (entry.isFile()) parts.push(join(entry.parentPath, entry.name));
  }
  for (const file of [
    'desktop/index.html',
    'desktop/vite.config.ts',
    'desktop/scripts/build.mjs',
    'desktop/package.json',
    'package-lock.json',
  ])
    parts.push(join(top, file));
  const lines = await Promise.all(
    parts.sort().map(async (file) => {
      const info = await stat(file).catch(() => null);
      return `${file} ${info?.size ?? '-'} ${info?.mtimeMs ?? '-'}`;
    }),
  );
  return lines.join('\n');
}

/**
 * The web sidebar's service worker, with the list of this build's files to keep for an offline
 * reload (the page, its chunks, every language, icons), named by a hash of that list.
 */
async function buildServiceWorker(dir) {
  const files = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const path = relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/');
    if (!entry.isFile() || path.startsWith('.vite/') || /\.(map|br|gz)$/.test(path)) continue;
    if (path === 'index.html' || path === 'sw.js') continue;
    files.push(path);
  }
  files.sort();
  const version = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 12);
  await esbuild({
    entryPoints: [join(root, 'src/sw/index.ts')],
    outfile: join(dir, 'sw.js'),
    bundle: true,
    format: 'iife',
    target: 'es2022',
    minify: true,
    define: { BUILD: JSON.stringify({ version, files }) },
    logLevel: 'warning',
  });
  console.log(`[build] service worker: ${files.length} files kept for offline reloads`);
}

/**
 * Writes .br and .gz beside every text file of the web sidebar: the hub sends them as the
 * browser accepts (about a quarter of the bytes), and compresses nothing per request.
 */
async function precompress(dir) {
  const text = /\.(js|css|html|svg|json|txt)$/;
  let raw = 0;
  let brotli = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !text.test(entry.name) || entry.parentPath.includes('.vite')) continue;
    const file = join(entry.parentPath, entry.name);
    const bytes = await readFile(file);
    if (bytes.length < 1024) continue;
    const br = brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    });
    await writeFile(`${file}.br`, br);
    await writeFile(`${file}.gz`, gzipSync(bytes, { level: 9 }));
    raw += bytes.length;
    brotli += br.length;
  }
  console.log(
    `[build] web sidebar precompressed: ${(raw / 1024).toFixed(0)} KB of text, ${(brotli / 1024).toFixed(0)} KB as brotli`,
  );
}

/** Prints every JavaScript chunk, gzipped, and exits non-zero when a budget is exceeded. */
async function checkBudget(outDir) {
  /** @type {Record<string, { file: string; isEntry?: boolean; imports?: string[] }>} */
  const manifest = JSON.parse(await readFile(join(outDir, '.vite/manifest.json'), 'utf8'));
  const firstLoad = new Set();
  const visit = (key) => {
    if (firstLoad.has(key)) return;
    firstLoad.add(key);
    for (const next of manifest[key]?.imports ?? []) visit(next);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);

  const rows = [];
  for (const [key, chunk] of Object.entries(manifest)) {
    if (!chunk.file.endsWith('.js')) continue;
    const bytes = gzipSync(await readFile(join(outDir, chunk.file)), { level: 9 }).length;
    rows.push({
      file: chunk.file.replace(/^assets\//, ''),
      kb: bytes / 1024,
      first: firstLoad.has(key),
    });
  }
  rows.sort((a, b) => Number(b.first) - Number(a.first) || b.kb - a.kb);
  const sum = (list) => list.reduce((total, row) => total + row.kb, 0);
  const first = sum(rows.filter((row) => row.first));
  const total = sum(rows);

  const width = Math.max(...rows.map((row) => row.file.length), 'chunk'.length);
  const line = (name, kb, load) => `  ${name.padEnd(width)}  ${kb.padStart(9)}  ${load}`;
  console.log('[build] renderer JavaScript, gzipped:');
  console.log(line('chunk', 'KB', 'load'));
  for (const row of rows)
    console.log(line(row.file, row.kb.toFixed(1), row.first ? 'first' : 'lazy'));
  console.log(line('first load', first.toFixed(1), `budget ${FIRST_LOAD_BUDGET_KB} KB`));
  console.log(line('all chunks', total.toFixed(1), `budget ${TOTAL_BUDGET_KB} KB`));

  const over = [
    [first, FIRST_LOAD_BUDGET_KB, 'first load'],
    [total, TOTAL_BUDGET_KB, 'all chunks'],
  ].filter(([kb, budget]) => kb > budget);
  for (const [kb, budget, what] of over)
    console.error(`[build] ${what} over budget by ${(kb - budget).toFixed(1)} KB`);
  if (over.length > 0) process.exit(1);
}

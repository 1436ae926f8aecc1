// Electronegativity (Doyensec's Electron security scanner) over desktop/src, as the last step of
// `npm run lint`. The scanner lives in tools/electronegativity with its own lock file: it brings
// TypeScript 4 and ESLint 7, which must not meet the app's. It is installed there when missing
// (`npm ci --prefix tools/electronegativity`, what .ci/run does first), told the Electron version
// from desktop/package.json (offline it cannot look it up), and every finding must be explained
// in tools/electronegativity/allowed.json: an unexplained finding, an entry without a reason or
// an entry no finding matches any more fails the step.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const TOOL_DIR = join(root, 'tools/electronegativity');
export const ALLOW_LIST = join(TOOL_DIR, 'allowed.json');
const SCANNER = '@doyensec/electronegativity';

/**
 * @typedef {{ check: string, file: string, sample?: string, reason: string }} AllowedFinding
 * @typedef {{ check: string, reason: string }} SkippedCheck
 * @typedef {{ skippedChecks: SkippedCheck[], findings: AllowedFinding[] }} AllowList
 * @typedef {{ id: string, file: string, sample?: string, location?: { line: number, column: number }, description: string }} Finding
 */

/** The scanner version the lock file pins, and the one installed (null when not installed). */
export function scannerVersions(toolDir = TOOL_DIR) {
  const lock = JSON.parse(readFileSync(join(toolDir, 'package-lock.json'), 'utf8'));
  /** @type {string} */
  const locked = lock.packages[`node_modules/${SCANNER}`].version;
  const installedFile = join(toolDir, 'node_modules', SCANNER, 'package.json');
  /** @type {string | null} */
  const installed = existsSync(installedFile)
    ? JSON.parse(readFileSync(installedFile, 'utf8')).version
    : null;
  return { locked, installed };
}

/** Installs the tool folder from its lock file unless the locked scanner is already there. */
export function ensureInstalled(toolDir = TOOL_DIR) {
  const { locked, installed } = scannerVersions(toolDir);
  if (installed === locked) return;
  console.log(`[electronegativity] installing ${SCANNER}@${locked} in ${toolDir}…`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['ci', '--prefix', toolDir, '--no-audit', '--no-fund'], {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) throw new Error(`npm ci --prefix ${toolDir} failed`);
}

/** The Electron version desktop/package.json asks for: "^45.4.1" is 45.4.1. */
export function electronVersion(desktopPackage = join(root, 'desktop/package.json')) {
  const range = JSON.parse(readFileSync(desktopPackage, 'utf8')).devDependencies?.electron;
  const version = /\d+\.\d+\.\d+/.exec(range ?? '')?.[0];
  if (!version) throw new Error(`no Electron version in ${desktopPackage} (found "${range}")`);
  return version;
}

/**
 * What is wrong with the allow-list itself: entries without a check, a file or a reason.
 * @param {AllowList} list
 * @returns {string[]}
 */
export function allowListProblems(list) {
  const problems = [];
  for (const [i, entry] of (list.skippedChecks ?? []).entries()) {
    if (!entry.check || !entry.reason?.trim())
      problems.push(`skippedChecks[${i}] needs a check and a reason`);
  }
  for (const [i, entry] of (list.findings ?? []).entries()) {
    if (!entry.check || !entry.file || !entry.reason?.trim())
      problems.push(`findings[${i}] (${entry.check ?? '?'}) needs a check, a file and a reason`);
  }
  return problems;
}

/**
 * Sorts the findings into explained and not, by check, file and (when the entry names one) the
 * line of code the scanner quotes: lines move, the code they flag does not. Entries that no
 * finding matches are returned too (the code they explained is gone: remove them).
 * @param {Finding[]} findings
 * @param {AllowList} list
 */
export function compareFindings(findings, list) {
  const entries = list.findings ?? [];
  const used = new Set();
  /** @type {Finding[]} */
  const unexplained = [];
  for (const finding of findings) {
    const index = entries.findIndex(
      (entry) =>
        entry.check === finding.id &&
        entry.file === finding.file &&
        (entry.sample === undefined || entry.sample.trim() === (finding.sample ?? '').trim()),
    );
    if (index === -1) unexplained.push(finding);
    else used.add(index);
  }
  const unused = entries.filter((_entry, index) => !used.has(index));
  return { unexplained, unused };
}

/** @param {Finding} f */
const where = (f) => (f.location ? `${f.file}:${f.location.line}` : f.file);

/**
 * Runs the scanner on a folder. The package's main export is the programmatic form of the CLI;
 * `electronVersionOverride` is its `-e`/`--electron-version`.
 * @param {string} input
 * @param {{ electron: string, skip: string[], toolDir?: string }} options
 * @returns {Promise<{ checks: number, errors: { file: string, message: string, tolerable: boolean }[], issues: Finding[] }>}
 */
export async function scan(input, { electron, skip, toolDir = TOOL_DIR }) {
  const run = createRequire(join(toolDir, 'package.json'))(SCANNER);
  const result = await run(
    { input, isRelative: true, electronVersionOverride: electron, excludeFromScan: skip },
    false,
  );
  return {
    checks: result.globalChecks + result.atomicChecks,
    errors: result.errors,
    issues: result.issues,
  };
}

async function main() {
  ensureInstalled();
  /** @type {AllowList} */
  const list = JSON.parse(readFileSync(ALLOW_LIST, 'utf8'));
  const listProblems = allowListProblems(list);
  const electron = electronVersion();
  const input = join(root, 'desktop/src');
  const result = await scan(input, {
    electron,
    skip: (list.skippedChecks ?? []).map((s) => s.check),
  });
  const { unexplained, unused } = compareFindings(result.issues, list);
  // A file it could not parse was not scanned at all.
  const unread = result.errors.filter((e) => !e.tolerable);
  const failures = [
    ...listProblems.map((p) => `allowed.json: ${p}`),
    ...unread.map((e) => `${e.file}: not scanned, the parser failed: ${e.message}`),
    ...unexplained.map(
      (f) =>
        `${where(f)} ${f.id}: ${f.description}${f.sample ? `\n    ${f.sample.trim()}` : ''}\n    (fix it, or explain it in tools/electronegativity/allowed.json)`,
    ),
    ...unused.map(
      (e) => `allowed.json: ${e.check} in ${e.file} matches no finding any more: remove the entry`,
    ),
  ];
  const summary = `${result.checks} checks on desktop/src, Electron ${electron}: ${result.issues.length} findings`;
  if (failures.length > 0) {
    console.error(`[electronegativity] ${summary}, ${failures.length} problem(s):`);
    for (const failure of failures) console.error(`  ${failure}`);
    process.exitCode = 1;
    return;
  }
  console.log(
    `[electronegativity] ${summary}, each explained in tools/electronegativity/allowed.json`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();

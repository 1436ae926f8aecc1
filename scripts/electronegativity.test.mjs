// The Electronegativity step: its allow-list rules, the committed allow-list, and the real
// scanner (installed in tools/electronegativity) on a window with and without Auxclick off.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ALLOW_LIST,
  allowListProblems,
  compareFindings,
  electronVersion,
  ensureInstalled,
  scan,
} from './electronegativity.mjs';

/** @type {import('./electronegativity.mjs').AllowList} */
const list = {
  skippedChecks: [],
  findings: [
    {
      check: 'OPEN_EXTERNAL_JS_CHECK',
      file: 'main/index.ts',
      sample: 'shell.openExternal(url)',
      reason: 'only http(s)',
    },
    { check: 'CSP_GLOBAL_CHECK', file: 'N/A', reason: 'a header' },
  ],
};

describe('the Electronegativity allow-list', () => {
  it('explains a finding by check, file and quoted code, wherever its line moved', () => {
    const { unexplained, unused } = compareFindings(
      [
        {
          id: 'OPEN_EXTERNAL_JS_CHECK',
          file: 'main/index.ts',
          sample: '  shell.openExternal(url) ',
          location: { line: 90, column: 2 },
          description: 'Review the use of openExternal',
        },
        { id: 'CSP_GLOBAL_CHECK', file: 'N/A', description: 'No CSP' },
      ],
      list,
    );
    expect(unexplained).toEqual([]);
    expect(unused).toEqual([]);
  });

  it('leaves a new finding unexplained, and names an entry nothing matches any more', () => {
    const auxclick = {
      id: 'AUXCLICK_JS_CHECK',
      file: 'main/window.ts',
      sample: 'new BrowserWindow({',
      description: 'Middle-click',
    };
    const otherCall = {
      id: 'OPEN_EXTERNAL_JS_CHECK',
      file: 'main/index.ts',
      sample: 'shell.openExternal(somethingElse)',
      description: 'Review the use of openExternal',
    };
    const { unexplained, unused } = compareFindings([auxclick, otherCall], list);
    expect(unexplained).toEqual([auxclick, otherCall]);
    expect(unused.map((e) => e.check)).toEqual(['OPEN_EXTERNAL_JS_CHECK', 'CSP_GLOBAL_CHECK']);
  });

  it('refuses entries without a reason', () => {
    expect(
      allowListProblems({
        skippedChecks: [{ check: 'AvailableSecurityFixesGlobalCheck', reason: ' ' }],
        findings: [{ check: 'PRELOAD_JS_CHECK', file: 'main/window.ts', reason: '' }],
      }),
    ).toEqual([
      'skippedChecks[0] needs a check and a reason',
      'findings[0] (PRELOAD_JS_CHECK) needs a check, a file and a reason',
    ]);
  });

  it('as committed gives every entry a reason', () => {
    expect(allowListProblems(JSON.parse(readFileSync(ALLOW_LIST, 'utf8')))).toEqual([]);
  });

  it('reads the Electron version from desktop/package.json', () => {
    expect(electronVersion()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('the scanner, from its own folder', () => {
  /** @type {string} */
  let dir;
  beforeAll(async () => {
    ensureInstalled();
    dir = await mkdtemp(join(tmpdir(), 'sidecoach-electronegativity-'));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const windowWith = (extra) => `import { BrowserWindow } from 'electron';
export const win = new BrowserWindow({
  webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false${extra} },
});
`;

  it('reports a TypeScript window without Auxclick off, and not one with it', async () => {
    const options = { electron: electronVersion(), skip: ['AvailableSecurityFixesGlobalCheck'] };
    await writeFile(join(dir, 'window.ts'), windowWith(''));
    const before = await scan(dir, options);
    expect(before.errors.filter((e) => !e.tolerable)).toEqual([]);
    expect(before.issues.map((i) => i.id)).toContain('AUXCLICK_JS_CHECK');

    await writeFile(join(dir, 'window.ts'), windowWith(", disableBlinkFeatures: 'Auxclick'"));
    const after = await scan(dir, options);
    expect(after.issues.map((i) => i.id)).not.toContain('AUXCLICK_JS_CHECK');
  });
});

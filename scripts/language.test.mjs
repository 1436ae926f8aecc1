// The language scripts as users run them, against the built shared package.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const run = (script, args, input) =>
  spawnSync(process.execPath, [join(here, script), ...args], {
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });

describe('language-check', () => {
  it('prints one JSON line of findings per note read on stdin', () => {
    const { stdout, status } = run(
      'language-check.mjs',
      ['--lang', 'zh-CN'],
      '你很有礼貌，但是应该先核实身份。\n客户需要退款。\n',
    );
    expect(status).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0].findings.map((f) => [f.category, f.start, f.end])).toEqual([
      ['but', 6, 8],
      ['command', 8, 10],
    ]);
    expect(lines[0].findings[0].suggestions.length).toBeGreaterThan(0);
    expect(lines[1]).toEqual({ findings: [] });
  });

  it('refuses a language it does not read, saying which it does', () => {
    const { stderr, status } = run('language-check.mjs', ['--lang', 'de'], 'x\n');
    expect(status).toBe(2);
    expect(stderr).toMatch(/en, zh-CN, zh-TW, lv/);
  });
});

describe('language-score', () => {
  // fresh-heldout, fresh2-heldout, fresh3-heldout, fresh4-heldout and fresh5-heldout are left out on purpose: they are only reported, never
  // held to a target here.
  it('meets precision >= 0.9 and recall >= 0.85 for every harmful category and language', () => {
    for (const set of [
      'main',
      'heldout',
      'fresh-tune',
      'fresh2-tune',
      'fresh3-tune',
      'fresh4-tune',
      'fresh5-tune',
    ]) {
      const { stdout, status } = run('language-score.mjs', ['--set', set]);
      expect(stdout, set).not.toMatch(/below target/);
      expect(status, set).toBe(0);
    }
  });

  it('prints one titled table per set and refuses a set it does not know', () => {
    const { stdout } = run('language-score.mjs', ['--set', 'fresh-tune', '--lang', 'en']);
    expect(stdout).toMatch(/^## Fresh notes, tuning half/m);
    expect(stdout).toMatch(/^\| en \| but \|/m);
    const unknown = run('language-score.mjs', ['--set', 'nope']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/fresh-heldout/);
    expect(unknown.stderr).toMatch(/fresh2-tune, fresh2-heldout/);
  });
});

describe('language-agreement', () => {
  it('measures how far two labellers agree, per category, without printing a note', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sidecoach-agree-'));
    try {
      const notes = [
        {
          text: 'Good job! But slow down.',
          expect: [
            { category: 'generic-praise', match: 'Good job' },
            { category: 'but', match: 'But' },
          ],
        },
        {
          text: 'You verified the ID early, well done.',
          expect: [{ category: 'specific-praise', match: 'You verified the ID early, well done' }],
        },
        {
          text: 'Next time, confirm the address.',
          expect: [{ category: 'next-time', match: 'Next time' }],
        },
        { text: 'The line was noisy but the customer stayed calm.', expect: [] },
      ];
      // B calls the second note's praise generic and sees a `but` in the fourth.
      const other = structuredClone(notes);
      other[1].expect = [{ category: 'generic-praise', match: 'well done' }];
      other[3].expect = [{ category: 'but', match: 'but' }];
      for (const [name, set] of [
        ['a', notes],
        ['b', other],
      ]) {
        mkdirSync(join(dir, name));
        writeFileSync(join(dir, name, 'en.jsonl'), set.map((n) => JSON.stringify(n)).join('\n'));
      }
      const { stdout, status } = run('language-agreement.mjs', [
        '--a',
        join(dir, 'a'),
        '--b',
        join(dir, 'b'),
      ]);
      expect(status).toBe(0);
      expect(stdout).toMatch(/^\| en \| but \| 1 \| 2 \| 1 \| 0\.67 \| 0\.50 \|$/m);
      expect(stdout).toMatch(/^\| en \| generic-praise \| 1 \| 2 \| 1 \| 0\.67 \| 0\.50 \|$/m);
      expect(stdout).toMatch(/^\| en \| specific-praise \| 1 \| 0 \| 0 \| 0\.00 \| 0\.00 \|$/m);
      expect(stdout).toMatch(/^\| en \| next-time \| 1 \| 1 \| 1 \| 1\.00 \| 1\.00 \|$/m);
      expect(stdout).not.toContain('slow down');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

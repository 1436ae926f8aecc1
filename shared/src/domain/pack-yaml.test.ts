import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PackLoadError, parseStandardsPackYaml } from './pack-yaml.js';
import { checklistFor, localize, scorecardItemsFor, STANDARD_AREAS } from './standards.js';

const defaultPackFile = fileURLToPath(
  new URL('../../../assets/standards/default.yaml', import.meta.url),
);

const minimal = `id: mini
version: 1
name: { en: Mini }
callTypes:
  - id: booking
    name: { en: Booking }
  - id: complaint
    name: { en: Complaint }
areas:
  - id: process
    items:
      - id: greet
        text: { en: Greets }
      - id: log
        text: { en: Logs the complaint }
        callTypes: [complaint]
  - id: environment
    items:
      - id: desk
        text: { en: Desk ready }
        scorecard: false
`;

function loadError(source: string): PackLoadError {
  try {
    parseStandardsPackYaml(source, 'pack.yaml');
  } catch (err) {
    if (err instanceof PackLoadError) return err;
    throw err;
  }
  throw new Error('expected the pack to be refused');
}

describe('parseStandardsPackYaml', () => {
  it('loads the shipped default pack with all five areas', () => {
    const pack = parseStandardsPackYaml(readFileSync(defaultPackFile, 'utf8'), 'default.yaml');
    expect(pack.areas.map((a) => a.id).sort()).toEqual([...STANDARD_AREAS].sort());
    for (const ct of pack.callTypes)
      expect(scorecardItemsFor(pack, ct.id).length).toBeGreaterThan(3);
  });

  it('applies defaults and call-type filters', () => {
    const pack = parseStandardsPackYaml(minimal);
    expect(pack.areas[0]?.items[0]).toMatchObject({ weight: 1, critical: false, scorecard: true });
    // Canonical area order (environment before process), only applicable items.
    expect(checklistFor(pack, 'booking').map((a) => [a.id, a.items.map((i) => i.id)])).toEqual([
      ['environment', ['desk']],
      ['process', ['greet']],
    ]);
    expect(scorecardItemsFor(pack, 'complaint').map((i) => i.id)).toEqual(['greet', 'log']);
  });

  it('names the line of a schema error', () => {
    const err = loadError(
      minimal.replace('text: { en: Greets }', 'text: { en: Greets }\n        weight: -2'),
    );
    expect(err.line).toBe(14);
    expect(err.message).toMatch(/^pack\.yaml:14:\d+: areas\[0\]\.items\[0\]\.weight: /);
  });

  it('names the line of a YAML syntax error', () => {
    const err = loadError('id: x\nversion: 1\nname: { en: [unclosed\n');
    expect(err.line).toBeGreaterThanOrEqual(3);
    expect(err.message).toMatch(/^pack\.yaml:\d+:\d+: /);
  });

  it('refuses unknown call types, duplicate ids, unknown areas and fields', () => {
    expect(loadError(minimal.replace('[complaint]', '[complaints]')).message).toMatch(
      /pack\.yaml:16:\d+: areas\[0\]\.items\[1\]\.callTypes\[0\]: unknown call type "complaints"/,
    );
    expect(loadError(minimal.replace('id: log', 'id: greet')).message).toMatch(
      /duplicate item "greet"/,
    );
    expect(loadError(minimal.replace('id: environment', 'id: ambience')).message).toMatch(
      /pack\.yaml:17:\d+: areas\[1\]\.id/,
    );
    expect(loadError(minimal.replace('scorecard: false', 'scorecrd: false')).message).toMatch(
      /scorecrd/,
    );
  });

  it('requires an English text', () => {
    expect(loadError(minimal.replace('{ en: Greets }', '{ zh-CN: 问候 }')).message).toMatch(/"en"/);
  });
});

describe('localize', () => {
  it('falls back from region to language to English', () => {
    const text = { en: 'Booking', zh: '预订', 'zh-TW': '預訂' };
    expect(localize(text, 'zh-TW')).toBe('預訂');
    expect(localize(text, 'zh-CN')).toBe('预订');
    expect(localize(text, 'lv')).toBe('Booking');
  });
});

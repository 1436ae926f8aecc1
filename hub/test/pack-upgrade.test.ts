// A hub upgraded to a release whose packs carry more languages, on the same pack versions: the
// stored copies take the new translations (nothing else changed, so results mean the same),
// while a pack changed in any other way without a version bump keeps what was stored.
import { afterAll, describe, expect, it } from 'vitest';
import { startHub, type RunningHub } from './support/hub-process.js';
import { withHubDatabase } from './support/database.js';

/** The pack as an earlier release stored it: texts in English and Simplified Chinese only. */
function withoutNewLanguages(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNewLanguages);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => k !== 'zh-TW' && k !== 'lv')
      .map(([k, v]) => [k, withoutNewLanguages(v)]),
  );
}

describe('packs stored by an earlier release', () => {
  let hub: RunningHub | undefined;
  afterAll(async () => {
    await hub?.dispose();
  });

  const stored = (dataDir: string) =>
    withHubDatabase(dataDir, async (db) => ({
      standards: (
        await db
          .selectFrom('standards_packs')
          .select('definition')
          .where('version', '=', 1)
          .executeTakeFirstOrThrow()
      ).definition,
      survey: (
        await db
          .selectFrom('survey_packs')
          .select('definition')
          .where('version', '=', 1)
          .executeTakeFirstOrThrow()
      ).definition,
    }));

  it('take the new translations of the same version, and nothing else', async () => {
    hub = await startHub({ demo: true });
    const { dataDir, port } = hub;
    const current = await stored(dataDir);
    expect(current.standards).toContain('"zh-TW"');
    await hub.stop();
    await withHubDatabase(dataDir, async (db) => {
      await db
        .updateTable('standards_packs')
        .set({ definition: JSON.stringify(withoutNewLanguages(JSON.parse(current.standards))) })
        .execute();
      await db
        .updateTable('survey_packs')
        .set({
          yaml: '# as an earlier release shipped it',
          definition: JSON.stringify(withoutNewLanguages(JSON.parse(current.survey))),
        })
        .execute();
    });
    expect((await stored(dataDir)).standards).not.toContain('"zh-TW"');

    hub = await startHub({ demo: true, dataDir, port });
    await hub.untilOutput('standards translations taken in', (l) =>
      l.includes('standards pack: translations added'),
    );
    await hub.untilOutput('survey translations taken in', (l) =>
      l.includes('survey pack: translations added'),
    );
    expect(await stored(dataDir)).toEqual(current);
    await hub.stop();

    // Reworded in English without a new version: the stored definition stays, with a warning.
    const reworded = current.standards.replace(
      'Greets with own name and the company name',
      'Greets warmly',
    );
    expect(reworded).not.toBe(current.standards);
    await withHubDatabase(dataDir, (db) =>
      db.updateTable('standards_packs').set({ definition: reworded }).execute(),
    );
    hub = await startHub({ demo: true, dataDir, port });
    await hub.untilOutput('the refusal to change a scored version', (l) =>
      l.includes('changed without a version bump'),
    );
    expect((await stored(dataDir)).standards).toBe(reworded);
  });
});

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../lib/log.js';
import {
  addsOnlyTranslations,
  parseStandardsPackYaml,
  StandardsPackSchema,
  type StandardsPack,
} from '@sidecoach/shared';
import { nowIso, type Db } from '../store/db.js';
import type { Standards } from '../lib/context.js';

/** Versioned packs: the active one for new calls, and any version a stored call was scored with. */
export class StandardsLibrary implements Standards {
  private readonly cache = new Map<string, StandardsPack>();
  constructor(
    private readonly db: Db,
    readonly active: StandardsPack,
  ) {
    this.cache.set(`${active.id}@${active.version}`, active);
  }

  async version(packId: string, version: number): Promise<StandardsPack | undefined> {
    const key = `${packId}@${version}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const row = await this.db
      .selectFrom('standards_packs')
      .select('definition')
      .where('pack_id', '=', packId)
      .where('version', '=', version)
      .executeTakeFirst();
    if (!row) return undefined;
    const pack = StandardsPackSchema.parse(JSON.parse(row.definition));
    this.cache.set(key, pack);
    return pack;
  }
}

/**
 * Reads every *.yaml pack in the folder (a bad file stops the start with file:line), stores
 * versions not seen before, and picks the newest stored version of the active pack id. A pack
 * whose content changed without a version bump keeps its stored definition: results must be
 * read against what they were scored with. Texts added in more languages, and nothing else,
 * are taken into the stored version.
 */
export async function loadStandards(
  db: Db,
  dir: string,
  activeId: string,
  log: Logger,
): Promise<StandardsLibrary> {
  const files = (await readdir(dir)).filter((f) => /\.ya?ml$/.test(f)).sort();
  for (const file of files) {
    const pack = parseStandardsPackYaml(await readFile(join(dir, file), 'utf8'), join(dir, file));
    const definition = JSON.stringify(pack);
    const stored = await db
      .selectFrom('standards_packs')
      .select('definition')
      .where('pack_id', '=', pack.id)
      .where('version', '=', pack.version)
      .executeTakeFirst();
    if (!stored) {
      await db
        .insertInto('standards_packs')
        .values({ pack_id: pack.id, version: pack.version, definition, loaded_at: nowIso() })
        // Another node starting at the same moment may store it first: the same file, kept once.
        .onConflict((oc) => oc.columns(['pack_id', 'version']).doNothing())
        .execute();
      log.info({ pack: pack.id, version: pack.version, file }, 'standards pack stored');
    } else if (
      stored.definition !== definition &&
      addsOnlyTranslations(JSON.parse(stored.definition), pack)
    ) {
      // Only texts in more languages (a new release's translations): results mean the same.
      await db
        .updateTable('standards_packs')
        .set({ definition })
        .where('pack_id', '=', pack.id)
        .where('version', '=', pack.version)
        .execute();
      log.info(
        { pack: pack.id, version: pack.version, file },
        'standards pack: translations added',
      );
    } else if (stored.definition !== definition) {
      log.warn(
        { pack: pack.id, version: pack.version, file },
        'standards pack changed without a version bump: keeping the stored definition; raise `version` to publish the change',
      );
    }
  }
  const newest = await db
    .selectFrom('standards_packs')
    .select(['definition'])
    .where('pack_id', '=', activeId)
    .orderBy('version', 'desc')
    .executeTakeFirst();
  if (!newest) {
    throw new Error(
      `standards pack "${activeId}" not found in ${dir} (use --pack or add its YAML file)`,
    );
  }
  return new StandardsLibrary(db, StandardsPackSchema.parse(JSON.parse(newest.definition)));
}

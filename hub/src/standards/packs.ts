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
import type { Trx } from '../lib/jobs.js';

/** The newest revision of the newest version of a pack, as stored. */
export interface ActivePack {
  pack: StandardsPack;
  revision: number;
  source: 'yaml' | 'app';
}

/** The newest stored version of a pack and its newest revision, if the pack is stored at all. */
export async function newestOf(db: Db | Trx, packId: string): Promise<ActivePack | undefined> {
  const row = await db
    .selectFrom('standards_packs')
    .select(['definition', 'revision', 'source'])
    .where('pack_id', '=', packId)
    .orderBy('version', 'desc')
    .executeTakeFirst();
  return row
    ? {
        pack: StandardsPackSchema.parse(JSON.parse(row.definition)),
        revision: row.revision,
        source: row.source,
      }
    : undefined;
}

/**
 * Versioned packs: the active one for new calls, and any version a stored call was scored with.
 * The active pack changes when the scorecard builder publishes (standards/jobs.ts): `reload`
 * reads it again, on this node at once and on the others when told (or at their next check).
 */
export class StandardsLibrary implements Standards {
  private readonly cache = new Map<string, StandardsPack>();
  private current: ActivePack;
  constructor(
    private readonly db: Db,
    active: ActivePack,
  ) {
    this.current = active;
    this.cache.set(`${active.pack.id}@${active.pack.version}`, active.pack);
  }

  get active(): StandardsPack {
    return this.current.pack;
  }

  /** The active pack with its revision and where that revision came from. */
  get newest(): ActivePack {
    return this.current;
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

  /**
   * Reads the active pack again; true when it changed. A revision rewords a stored version, so
   * that version's cached copy is dropped too.
   */
  async reload(): Promise<boolean> {
    // The numbers first (cheap, every second on each node of a cluster), the pack when they moved.
    const head = await this.db
      .selectFrom('standards_packs')
      .select(['version', 'revision'])
      .where('pack_id', '=', this.current.pack.id)
      .orderBy('version', 'desc')
      .executeTakeFirst();
    const same =
      head?.version === this.current.pack.version && head.revision === this.current.revision;
    if (!head || same) return false;
    const newest = await newestOf(this.db, this.current.pack.id);
    if (!newest) return false;
    this.current = newest;
    this.cache.set(`${newest.pack.id}@${newest.pack.version}`, newest.pack);
    return true;
  }
}

/** Whether the quality manager has published this pack in the app (then the database leads). */
export async function editedInApp(db: Db | Trx, packId: string): Promise<boolean> {
  const row = await db
    .selectFrom('standards_pack_revisions')
    .select('revision')
    .where('pack_id', '=', packId)
    .where('source', '=', 'app')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Reads every *.yaml pack in the folder (a bad file stops the start with file:line) and stores
 * versions not seen before, then picks the newest stored version of the active pack id. The YAML
 * seeds the hub: once a pack has been published in the scorecard builder, the database is its
 * source and a file's new version is not taken (the builder imports it). A pack whose content
 * changed without a version bump keeps its stored definition: results must be read against what
 * they were scored with. Texts added in more languages, and nothing else, are taken into the
 * stored version as a revision.
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
      .select(['definition', 'revision'])
      .where('pack_id', '=', pack.id)
      .where('version', '=', pack.version)
      .executeTakeFirst();
    if (stored?.definition === definition) continue;
    if (await editedInApp(db, pack.id)) {
      log.info(
        { pack: pack.id, version: pack.version, file },
        'standards pack file not taken: this pack is edited in the scorecard builder, whose versions are in the database (import the file there to publish it)',
      );
      continue;
    }
    if (!stored) {
      await db.transaction().execute(async (trx) => {
        // Another node starting at the same moment may store it first: the same file, kept once.
        const inserted = await trx
          .insertInto('standards_packs')
          .values({ pack_id: pack.id, version: pack.version, definition, loaded_at: nowIso() })
          .onConflict((oc) => oc.columns(['pack_id', 'version']).doNothing())
          .executeTakeFirst();
        if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return;
        await trx
          .insertInto('standards_pack_revisions')
          .values({
            pack_id: pack.id,
            version: pack.version,
            revision: 1,
            definition,
            source: 'yaml',
            note: file,
            saved_by: null,
            saved_at: nowIso(),
          })
          .execute();
      });
      log.info({ pack: pack.id, version: pack.version, file }, 'standards pack stored');
    } else if (addsOnlyTranslations(JSON.parse(stored.definition), pack)) {
      // Only texts in more languages (a new release's translations): results mean the same.
      const revision = stored.revision + 1;
      await db.transaction().execute(async (trx) => {
        const updated = await trx
          .updateTable('standards_packs')
          .set({ definition, revision })
          .where('pack_id', '=', pack.id)
          .where('version', '=', pack.version)
          .where('revision', '=', stored.revision)
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) === 0) return; // another node took it
        await trx
          .insertInto('standards_pack_revisions')
          .values({
            pack_id: pack.id,
            version: pack.version,
            revision,
            definition,
            source: 'yaml',
            note: `${file}: translations added`,
            saved_by: null,
            saved_at: nowIso(),
          })
          .execute();
      });
      log.info(
        { pack: pack.id, version: pack.version, file },
        'standards pack: translations added',
      );
    } else {
      log.warn(
        { pack: pack.id, version: pack.version, file },
        'standards pack changed without a version bump: keeping the stored definition; raise `version` to publish the change',
      );
    }
  }
  const newest = await newestOf(db, activeId);
  if (!newest) {
    throw new Error(
      `standards pack "${activeId}" not found in ${dir} (use --pack or add its YAML file)`,
    );
  }
  return new StandardsLibrary(db, newest);
}

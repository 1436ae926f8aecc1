import { readFile } from 'node:fs/promises';
import {
  addsOnlyTranslations,
  PackLoadError,
  parseSurveyPackYaml,
  SurveyPackSchema,
  type SurveyPack,
  type SurveyPackInfo,
} from '@sidecoach/shared';
import type { Logger } from '../lib/log.js';
import { nowIso, type Db } from '../store/db.js';

/** A survey pack the quality manager tried to save, refused with the reason. */
export class SurveyPackRejected extends Error {}

/**
 * The survey pack in force: stored versions in the database (the newest is active), the
 * YAML file imported at start when its version is newer, and versions saved from the admin
 * view. Decisions record the version they were made with.
 */
export class SurveyPacks {
  private readonly versions = new Map<number, SurveyPack>();
  private constructor(
    private readonly db: Db,
    private current: { pack: SurveyPack; info: SurveyPackInfo },
  ) {}

  static async load(db: Db, file: string, log: Logger): Promise<SurveyPacks> {
    const yaml = await readFile(file, 'utf8');
    const fromFile = parseSurveyPackYaml(yaml, file); // a bad file stops the start, with file:line
    const stored = await latest(db);
    if (!stored || fromFile.version > stored.info.version) {
      // Another node starting at the same moment may import the same file first: kept once.
      await insert(db, fromFile, yaml, null, { alreadyThere: 'keep' });
      log.info({ file, version: fromFile.version }, 'survey pack imported');
    } else if (
      fromFile.version === stored.info.version &&
      stored.info.savedBy === null &&
      stored.info.yaml !== yaml &&
      addsOnlyTranslations(stored.pack, fromFile)
    ) {
      // The file's own version (never edited in the hub) with texts in more languages only: a
      // new release's translations, taken in; decisions made with it mean the same.
      await db
        .updateTable('survey_packs')
        .set({ yaml, definition: JSON.stringify(fromFile) })
        .where('version', '=', fromFile.version)
        .execute();
      log.info({ file, version: fromFile.version }, 'survey pack: translations added');
    }
    const packs = new SurveyPacks(db, (await latest(db))!);
    log.info({ version: packs.active.version }, 'survey pack active');
    return packs;
  }

  /**
   * With several nodes, a version saved on another node becomes active here within
   * `intervalMs` (one small read): decisions in between record the version they used.
   */
  refreshEvery(intervalMs: number): () => void {
    const timer = setInterval(() => {
      latest(this.db).then(
        (stored) => {
          if (stored && stored.info.version > this.current.info.version) this.current = stored;
        },
        () => undefined, // the database is away: the next look tries again
      );
    }, intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  get active(): SurveyPack {
    return this.current.pack;
  }

  get info(): SurveyPackInfo {
    return this.current.info;
  }

  /** A stored version (what an older decision was made with). */
  async version(version: number): Promise<SurveyPack | undefined> {
    if (version === this.current.pack.version) return this.current.pack;
    const hit = this.versions.get(version);
    if (hit) return hit;
    const row = await this.db
      .selectFrom('survey_packs')
      .select('definition')
      .where('version', '=', version)
      .executeTakeFirst();
    if (!row) return undefined;
    const pack = SurveyPackSchema.parse(JSON.parse(row.definition));
    this.versions.set(version, pack);
    return pack;
  }

  /** Validates and stores a new version; it must be numbered one above the active one. */
  async save(yaml: string, userId: string): Promise<SurveyPackInfo> {
    let pack: SurveyPack;
    try {
      pack = parseSurveyPackYaml(yaml, 'survey pack');
    } catch (err) {
      if (err instanceof PackLoadError) throw new SurveyPackRejected(err.message);
      throw err;
    }
    const next = this.current.info.version + 1;
    if (pack.version !== next)
      throw new SurveyPackRejected(
        `version must be ${next} (the active pack is version ${next - 1})`,
      );
    try {
      await insert(this.db, pack, yaml, userId);
    } catch (err) {
      // Saved by someone else at the same moment: the primary key refuses the second one.
      if (err instanceof Error && /UNIQUE|PRIMARY/i.test(err.message))
        throw new SurveyPackRejected(`version ${next} was just saved by someone else: reload`);
      throw err;
    }
    this.current = (await latest(this.db))!;
    return this.current.info;
  }
}

async function insert(
  db: Db,
  pack: SurveyPack,
  yaml: string,
  userId: string | null,
  { alreadyThere }: { alreadyThere: 'keep' | 'refuse' } = { alreadyThere: 'refuse' },
) {
  const query = db.insertInto('survey_packs').values({
    version: pack.version,
    yaml,
    definition: JSON.stringify(pack),
    saved_by: userId,
    saved_at: nowIso(),
  });
  await (
    alreadyThere === 'keep' ? query.onConflict((oc) => oc.column('version').doNothing()) : query
  ).execute();
}

async function latest(db: Db) {
  const row = await db
    .selectFrom('survey_packs')
    .leftJoin('users', 'users.id', 'survey_packs.saved_by')
    .select([
      'survey_packs.version',
      'survey_packs.yaml',
      'survey_packs.definition',
      'survey_packs.saved_at',
      'users.display_name',
    ])
    .orderBy('survey_packs.version', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    pack: SurveyPackSchema.parse(JSON.parse(row.definition)),
    info: {
      version: row.version,
      yaml: row.yaml,
      savedBy: row.display_name,
      savedAt: row.saved_at,
    },
  };
}

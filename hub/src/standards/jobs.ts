import { scorecardChange, type ScorecardChangeKind, type StandardsPack } from '@sidecoach/shared';
import { recordAudit } from '../lib/audit.js';
import type { Job } from '../lib/jobs.js';
import { nowIso } from '../store/db.js';
import { newestOf } from './packs.js';

/** What the builder asks to publish, as the handler has checked it. */
export interface Publish {
  pack: StandardsPack;
  /** The version and revision the edit started from; null for an import (always on top). */
  basedOn: { version: number; revision: number } | null;
  note: string;
  by: string;
  /** An import is published as a new version even when it only rewords. */
  asVersion: boolean;
  ip: string | null;
}

export type Published =
  | { kind: ScorecardChangeKind; version: number; revision: number }
  | { conflict: { version: number; revision: number } };

/**
 * Publishes an edited pack in one transaction: a new version when scoring changes (results keep
 * the version they were scored with), else a new revision of the same version (a wording fix:
 * its history kept, stored scores untouched), else nothing. Refused when a newer version or
 * revision was published since the edit started (two managers editing at once: the second
 * reloads). Audit-logged with the change.
 */
export function publishScorecard(input: Publish): Job<Published> {
  return async (trx) => {
    const current = await newestOf(trx, input.pack.id);
    if (!current) throw new Error(`standards pack ${input.pack.id} is not stored`);
    const at = { version: current.pack.version, revision: current.revision };
    if (
      input.basedOn &&
      (input.basedOn.version !== at.version || input.basedOn.revision !== at.revision)
    )
      return { result: { conflict: at }, messages: [] };
    const change = scorecardChange(current.pack, input.pack);
    const kind: ScorecardChangeKind =
      change === 'none' ? 'none' : input.asVersion ? 'version' : change;
    if (kind === 'none') return { result: { kind, ...at }, messages: [] };
    const version = kind === 'version' ? at.version + 1 : at.version;
    const revision = kind === 'version' ? 1 : at.revision + 1;
    const pack = { ...input.pack, version };
    const definition = JSON.stringify(pack);
    const savedAt = nowIso();
    if (kind === 'version')
      await trx
        .insertInto('standards_packs')
        .values({
          pack_id: pack.id,
          version,
          revision,
          source: 'app',
          definition,
          loaded_at: savedAt,
        })
        .execute();
    else
      await trx
        .updateTable('standards_packs')
        .set({ definition, revision, source: 'app' })
        .where('pack_id', '=', pack.id)
        .where('version', '=', version)
        .execute();
    // The key (pack, version, revision) makes a second publish of the same base fail here if
    // another node got in between the read above and this write.
    await trx
      .insertInto('standards_pack_revisions')
      .values({
        pack_id: pack.id,
        version,
        revision,
        definition,
        source: 'app',
        note: input.note,
        saved_by: input.by,
        saved_at: savedAt,
      })
      .execute();
    await recordAudit(trx, {
      actorId: input.by,
      action: kind === 'version' ? 'scorecard.version' : 'scorecard.revision',
      targetType: 'scorecard',
      targetId: pack.id,
      before: at,
      after: { version, revision, note: input.note },
      ip: input.ip,
    });
    return { result: { kind, version, revision }, messages: [] };
  };
}

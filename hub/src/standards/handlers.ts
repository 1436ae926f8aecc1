import {
  fail,
  ok,
  PackLoadError,
  parseStandardsPackYaml,
  standardsPackYaml,
  StandardsPackSchema,
  type AckResponse,
  type ScorecardInfo,
  type ScorecardPublished,
  type StandardsPack,
} from '@sidecoach/shared';
import { z } from 'zod';
import type { HubContext } from '../lib/context.js';
import { handlers } from '../lib/handlers.js';
import { nowIso } from '../store/db.js';
import { editedInApp } from './packs.js';
import { publishScorecard, type Publish } from './jobs.js';

const NOT_QUALITY_MANAGER = 'only quality managers (admins) edit the scorecard';

/**
 * The scorecard builder: the quality manager reads the active standards pack with its history,
 * publishes an edit (a new version or a revision, standards/jobs.ts), imports a YAML file as a
 * new version, exports any version as YAML. Everyone else may read the active pack with
 * `session:bootstrap`; editing is for admins only.
 */
export function scorecardHandlers(ctx: HubContext, published: (packId: string) => Promise<void>) {
  const { db, standards } = ctx;

  async function info(): Promise<ScorecardInfo> {
    const { pack, revision } = standards.newest;
    const history = await db
      .selectFrom('standards_pack_revisions as r')
      .leftJoin('users as u', 'u.id', 'r.saved_by')
      .select([
        'r.version',
        'r.revision',
        'r.note',
        'r.source',
        'r.saved_at',
        'u.display_name as saved_by',
      ])
      .where('r.pack_id', '=', pack.id)
      .orderBy('r.version', 'desc')
      .orderBy('r.revision', 'desc')
      .execute();
    return {
      pack,
      revision,
      editedInApp: await editedInApp(db, pack.id),
      history: history.map((h) => ({
        version: h.version,
        revision: h.revision,
        note: h.note,
        source: h.source,
        savedAt: h.saved_at,
        savedBy: h.saved_by,
      })),
    };
  }

  /** The edited pack, checked: the active pack's id, valid, or why not (each problem by path). */
  function checked(raw: unknown): StandardsPack | AckResponse<never> {
    const parsed = StandardsPackSchema.safeParse(raw);
    if (!parsed.success)
      return fail(
        'bad_request',
        z.prettifyError(parsed.error),
        parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
      );
    if (parsed.data.id !== standards.active.id)
      return fail(
        'bad_request',
        `the pack id is "${standards.active.id}": another pack (${parsed.data.id}) cannot be published over it`,
      );
    return parsed.data;
  }

  return handlers(({ user, log, socket }) => {
    const isManager = user.role === 'admin';

    async function publish(
      input: Omit<Publish, 'by' | 'ip'>,
    ): Promise<AckResponse<ScorecardPublished>> {
      const outcome = await ctx.inbox.submit(
        publishScorecard({ ...input, by: user.id, ip: socket.handshake.address ?? null }),
      );
      if ('conflict' in outcome)
        return fail(
          'conflict',
          `version ${outcome.conflict.version} revision ${outcome.conflict.revision} was published since this edit started: reload it and edit again`,
        );
      if (outcome.kind !== 'none') {
        log.info(
          {
            pack: input.pack.id,
            kind: outcome.kind,
            version: outcome.version,
            revision: outcome.revision,
          },
          'scorecard published',
        );
        await published(input.pack.id);
      }
      return ok({ kind: outcome.kind, info: await info() });
    }

    return {
      'scorecard:get': async () => {
        if (!isManager) return fail('forbidden', NOT_QUALITY_MANAGER);
        return ok(await info());
      },

      'scorecard:publish': async ({ basedOn, pack: raw, note }) => {
        if (!isManager) return fail('forbidden', NOT_QUALITY_MANAGER);
        const pack = checked(raw);
        if ('ok' in pack) return pack;
        return publish({ pack, basedOn, note, asVersion: false });
      },

      'scorecard:import': async ({ yaml, note }) => {
        if (!isManager) return fail('forbidden', NOT_QUALITY_MANAGER);
        let parsed: StandardsPack;
        try {
          parsed = parseStandardsPackYaml(yaml, 'the imported file');
        } catch (err) {
          if (err instanceof PackLoadError) return fail('bad_request', err.message);
          throw err;
        }
        const pack = checked(parsed);
        if ('ok' in pack) return pack;
        return publish({
          pack,
          basedOn: null,
          note: note || `imported ${nowIso().slice(0, 10)}`,
          asVersion: true,
        });
      },

      'scorecard:export': async ({ version }) => {
        if (!isManager) return fail('forbidden', NOT_QUALITY_MANAGER);
        const { pack: active, revision: activeRevision } = standards.newest;
        const wanted = version ?? active.version;
        const row = await db
          .selectFrom('standards_packs')
          .select(['definition', 'revision'])
          .where('pack_id', '=', active.id)
          .where('version', '=', wanted)
          .executeTakeFirst();
        if (!row) return fail('not_found', `no version ${wanted} of ${active.id}`);
        const pack = StandardsPackSchema.parse(JSON.parse(row.definition));
        return ok({
          version: wanted,
          revision: wanted === active.version ? activeRevision : row.revision,
          yaml: standardsPackYaml(pack),
        });
      },
    };
  });
}

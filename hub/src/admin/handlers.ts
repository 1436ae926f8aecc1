import { fail, ok, type AckResponse } from '@sidecoach/shared';
import type { HubContext } from '../lib/context.js';
import { handlers } from '../lib/handlers.js';
import type { Trx } from '../lib/jobs.js';
import { loadProfile } from '../lib/people.js';
import { rightsChanged } from '../lib/rights.js';
import { auditPage } from './audit.js';
import { applyImport, previewImport } from './import.js';
import { ImportFileRefused } from './import-plan.js';
import { isAdmin, NOT_ADMIN } from './policy.js';
import {
  AdminRefusal,
  adminTeams,
  adminUsers,
  cancelMove,
  listMoves,
  moveAgent,
  saveTeam,
  saveUser,
  setOwnLanguage,
  setPermission,
  type Changed,
} from './records.js';

/** An import's file as it arrives in parts (one per socket at a time). */
interface Upload {
  importId: string;
  parts: (string | undefined)[];
}

/** Administration for one socket: admins only, every change audited in its own transaction. */
export function adminHandlers(ctx: HubContext, { zone }: { zone: string }) {
  const { db } = ctx;
  return handlers(({ user, log }) => {
    let upload: Upload | null = null;

    /** Runs a change in one transaction, then applies its rights before the answer. */
    async function change<T>(work: (trx: Trx) => Promise<Changed<T>>): Promise<AckResponse<T>> {
      if (!isAdmin(user)) return fail('forbidden', NOT_ADMIN);
      try {
        const { result, affected } = await db.transaction().execute(work);
        await rightsChanged(ctx, affected);
        return ok(result);
      } catch (err) {
        if (err instanceof AdminRefusal) return fail(err.code, err.message);
        if (err instanceof ImportFileRefused) return fail('bad_request', err.message);
        throw err;
      }
    }
    const read = async <T>(work: () => Promise<T>): Promise<AckResponse<T>> =>
      isAdmin(user) ? ok(await work()) : fail('forbidden', NOT_ADMIN);

    /** The uploaded file, once every part has arrived. */
    const file = (importId: string): string | { error: string } => {
      if (upload?.importId !== importId) return { error: `no file ${importId} was sent` };
      const missing = upload.parts.filter((p) => p === undefined).length;
      if (missing > 0)
        return {
          error: `the file has not fully arrived (${missing} of ${upload.parts.length} parts missing)`,
        };
      return upload.parts.join('');
    };

    return {
      'account:language': async ({ lang }) => {
        await setOwnLanguage(db, user.id, lang);
        log.info({ lang }, 'own language chosen');
        return ok((await loadProfile(db, user.id))!);
      },

      'admin:users': () => read(async () => ({ users: await adminUsers(db) })),
      'admin:teams': () => read(async () => ({ teams: await adminTeams(db) })),
      'admin:moves': ({ agentId }) => read(async () => ({ moves: await listMoves(db, agentId) })),
      'admin:audit': ({ limit, ...filter }) => read(() => auditPage(db, { ...filter, limit })),

      'admin:user-save': (input) =>
        change(async (trx) => {
          const saved = await saveUser(trx, user.id, input);
          log.info({ targetId: saved.result.id }, input.id ? 'user changed' : 'user created');
          return saved;
        }),

      'admin:permission': (input) => change((trx) => setPermission(trx, user.id, input)),

      'admin:team-save': (input) => change((trx) => saveTeam(trx, user.id, input)),

      'admin:move': ({ agentId, teamId, effectiveDate }) =>
        change(async (trx) => {
          const move = await moveAgent(trx, user.id, agentId, teamId, effectiveDate);
          log.info(
            { agentId, teamId, effectiveDate, applied: !!move.result.appliedAt },
            'team move',
          );
          return move;
        }),

      'admin:move-cancel': ({ moveId }) =>
        change(async (trx) => ({ result: await cancelMove(trx, user.id, moveId), affected: [] })),

      'admin:import-part': ({ importId, index, total, text }) => {
        if (!isAdmin(user)) return Promise.resolve(fail('forbidden', NOT_ADMIN));
        if (index >= total)
          return Promise.resolve(fail('bad_request', `part ${index} of a file of ${total} parts`));
        if (upload?.importId !== importId || upload.parts.length !== total)
          upload = { importId, parts: Array.from({ length: total }, () => undefined) };
        upload.parts[index] = text;
        return Promise.resolve(
          ok({ received: upload.parts.filter((p) => p !== undefined).length }),
        );
      },

      'admin:import-preview': async ({ importId }) => {
        if (!isAdmin(user)) return fail('forbidden', NOT_ADMIN);
        const text = file(importId);
        if (typeof text !== 'string') return fail('bad_request', text.error);
        try {
          return ok(await previewImport(db, user.id, text));
        } catch (err) {
          if (err instanceof ImportFileRefused) return fail('bad_request', err.message);
          throw err;
        }
      },

      'admin:import-apply': async ({ importId }) => {
        const text = file(importId);
        if (typeof text !== 'string')
          return isAdmin(user) ? fail('bad_request', text.error) : fail('forbidden', NOT_ADMIN);
        return change(async (trx) => {
          const { preview, affected } = await applyImport(trx, user.id, text, zone);
          log.info({ counts: preview.counts }, 'import applied');
          return { result: preview, affected };
        });
      },
    };
  });
}

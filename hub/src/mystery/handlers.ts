import {
  allItems,
  fail,
  ok,
  type AckResponse,
  type MysteryBoard,
  type MysteryOpened,
  type ProgrammeSaveSchema,
  type StandardsPack,
} from '@sidecoach/shared';
import type { z } from 'zod';
import { userRoom, type HubContext } from '../lib/context.js';
import { handlers } from '../lib/handlers.js';
import type { Job } from '../lib/jobs.js';
import { rightsChanged } from '../lib/rights.js';
import type { Db } from '../store/db.js';
import { nowIso } from '../store/db.js';
import type { MysteryProgrammeRow } from '../store/schema.js';
import {
  closeWave,
  launchWave,
  releaseWave,
  saveCaller,
  saveProgramme,
  saveWave,
  type Outcome,
} from './jobs.js';
import { planOf } from './plan.js';
import {
  blockedByGap,
  CALLERS_ONLY,
  fitsProfile,
  isCaller,
  isManager,
  NOT_MANAGER,
} from './policy.js';
import { askedItems } from './questionnaire.js';
import {
  assignCaller,
  callerVisits,
  claimAssignment,
  reviewReport,
  saveReport,
} from './report-jobs.js';
import {
  assignmentRow,
  assignmentView,
  callerProfile,
  callers,
  programmeRow,
  programmes,
  reportView,
  toAssignments,
  toProgrammes,
  toReports,
  toWaves,
  wave,
  waveRow,
  waveSettings,
  type Viewer,
} from './records.js';
import { resultsOf } from './results.js';

/** Sockets of quality managers: every assignment's changes (`mystery:changed`). */
export const MANAGERS_ROOM = 'mystery:managers';
/** Open calls a caller's board shows at most, soonest first. */
const BOARD_OPEN_MAX = 100;
/** A caller's own calls the board shows, newest first. */
const BOARD_MINE_MAX = 100;
/** Open assignments read to fill a board (profile and gap rule are checked on these). */
const BOARD_READ_MAX = 2000;

type ProgrammeInput = z.output<typeof ProgrammeSaveSchema>;

const outcomeFail = (o: {
  error: { code: Parameters<typeof fail>[0]; message: string; problems?: string[] };
}) => fail(o.error.code, o.error.message, o.error.problems);

/** The programme's pack version, or why it is not there. */
async function packOf(ctx: HubContext, row: Pick<MysteryProgrammeRow, 'pack_id' | 'pack_version'>) {
  const pack = await ctx.standards.version(row.pack_id, row.pack_version);
  if (!pack) throw new Error(`pack ${row.pack_id}@${row.pack_version} is not stored`);
  return pack;
}

/**
 * The questionnaire's items as asked: every one a scorecard item of the pack (default: all of
 * them), each item a showWhen depends on asked too (else it is never in play), definitions only
 * for asked items, rating ids distinct with an English label.
 */
function questionnaireProblem(pack: StandardsPack, input: ProgrammeInput): string | string[] {
  const scorecard = allItems(pack).filter((i) => i.scorecard);
  const ids = input.itemIds ? [...new Set(input.itemIds)] : scorecard.map((i) => i.id);
  const known = new Set(scorecard.map((i) => i.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length)
    return `not scorecard items of ${pack.id} version ${pack.version}: ${unknown.join(', ')}`;
  const chosen = new Set(ids);
  const orphans = scorecard.filter(
    (i) => chosen.has(i.id) && i.showWhen && !chosen.has(i.showWhen.item),
  );
  if (orphans.length)
    return `ask ${orphans.map((i) => i.showWhen!.item).join(', ')} too: ${orphans.map((i) => i.id).join(', ')} depend on it`;
  const stray = Object.keys(input.definitions).filter((id) => !chosen.has(id));
  if (stray.length) return `definitions of items not asked: ${stray.join(', ')}`;
  const ratingIds = input.ratings.map((r) => r.id);
  if (new Set(ratingIds).size !== ratingIds.length) return 'two ratings have the same id';
  const unlabelled = input.ratings.filter((r) => !r.label.en);
  if (unlabelled.length)
    return `give every rating an English label: ${unlabelled.map((r) => r.id).join(', ')}`;
  if (input.objective === 'competitor' && !input.competitor)
    return 'name the competitor a competitor benchmark calls';
  // In the pack's order, whatever the order given.
  return scorecard.filter((i) => chosen.has(i.id)).map((i) => i.id);
}

/** Mystery-call programmes for one socket: managers run them, callers work the board. */
export function mysteryHandlers(ctx: HubContext, options: { oneTimeCodeHours: number }) {
  const { db, inbox, io, standards } = ctx;
  return handlers(({ socket, user, log }) => {
    const manager = isManager(user);
    const caller = isCaller(user);
    if (manager) void socket.join(MANAGERS_ROOM);
    const viewer: Viewer = { id: user.id, manager };
    const asManager = <T>(run: () => Promise<AckResponse<T>>) =>
      manager ? run() : Promise.resolve(fail('forbidden', NOT_MANAGER));
    const asCaller = <T>(run: () => Promise<AckResponse<T>>) =>
      caller ? run() : Promise.resolve(fail('forbidden', CALLERS_ONLY));

    /** Tells the assignment's caller (and one who lost it) and the managers, each their view. */
    const announce = async (assignmentId: string, alsoTo: (string | null)[] = []) => {
      const row = await assignmentRow(db, assignmentId);
      if (!row) return;
      const [forManagers] = await toAssignments(db, [row], { id: user.id, manager: true });
      io.to(MANAGERS_ROOM).emit('mystery:changed', forManagers!);
      const to = new Set([row.caller_id, ...alsoTo].filter((id): id is string => id !== null));
      for (const id of to) {
        const [forCaller] = await toAssignments(db, [row], { id, manager: false });
        io.to(userRoom(id)).emit('mystery:changed', forCaller!);
      }
    };

    /** Tells the managers of assignments whose report changed beside another (its limit flag). */
    const toManagers = async (assignmentIds: readonly string[], except: string) => {
      for (const id of assignmentIds) {
        if (id === except) continue;
        const row = await assignmentRow(db, id);
        if (!row) continue;
        const [forManagers] = await toAssignments(db, [row], { id: user.id, manager: true });
        io.to(MANAGERS_ROOM).emit('mystery:changed', forManagers!);
      }
    };

    /** The programme of a wave and its pack version. */
    const programmeOfWave = async (programmeId: string) => {
      const row = await programmeRow(db, programmeId);
      if (!row) return undefined;
      return { row, programme: (await toProgrammes(db, [row]))[0]!, pack: await packOf(ctx, row) };
    };

    /** A wave job, then the wave as it is now. */
    const waveWrite = async (
      waveId: string,
      job: Job<Outcome<{ changed: boolean }>>,
      what: string,
    ) => {
      const outcome = await inbox.submit(job);
      if ('error' in outcome) return outcomeFail(outcome);
      if (outcome.ok.changed) log.info({ waveId }, what);
      return ok((await wave(db, waveId))!);
    };

    /** An assignment the user may open: their own (a caller), any (a manager). */
    const opened = async (assignmentId: string): Promise<AckResponse<MysteryOpened>> => {
      const row = await assignmentRow(db, assignmentId);
      if (!row || (!manager && row.caller_id !== user.id))
        return fail('not_found', 'no such assignment of yours');
      const waveRowNow = (await waveRow(db, row.wave_id))!;
      const found = (await programmeOfWave(waveRowNow.programme_id))!;
      const scenario = waveSettings(waveRowNow).scenarios.find((s) => s.id === row.scenario_id)!;
      const [assignment] = await toAssignments(db, [row], viewer);
      return ok({
        assignment: assignment!,
        programme: found.programme,
        pack: found.pack,
        items: askedItems(found.pack, found.programme.itemIds, scenario.callType),
        report: await reportView(db, row.id, viewer),
      });
    };

    return {
      'mystery:callers': () => asManager(async () => ok({ callers: await callers(db) })),

      'mystery:caller-save': (input) =>
        asManager(async () => {
          const outcome = await inbox.submit(saveCaller(user.id, input, options.oneTimeCodeHours));
          if ('error' in outcome) return outcomeFail(outcome);
          const { id, code, affected } = outcome.ok;
          // A caller switched off is signed out on every node at once.
          await rightsChanged(ctx, affected);
          log.info(
            { callerId: id },
            input.id ? 'mystery caller changed' : 'mystery caller created',
          );
          return ok({
            caller: (await callers(db, [id]))[0]!,
            oneTimeCode: code?.code ?? null,
            codeExpiresAt: code?.expiresAt ?? null,
          });
        }),

      'mystery:programmes': () => asManager(async () => ok({ programmes: await programmes(db) })),

      'mystery:programme-save': (input) =>
        asManager(async () => {
          const active = standards.active;
          const pack = await standards.version(active.id, input.packVersion ?? active.version);
          if (!pack)
            return fail(
              'not_found',
              `no version ${input.packVersion} of the scorecard ${active.id}`,
            );
          const items = questionnaireProblem(pack, input);
          if (typeof items === 'string') return fail('bad_request', items);
          const outcome = await inbox.submit(saveProgramme(user.id, input, pack, items));
          if ('error' in outcome) return outcomeFail(outcome);
          log.info({ programmeId: input.id }, 'mystery programme saved');
          const row = (await programmeRow(db, input.id))!;
          return ok((await toProgrammes(db, [row]))[0]!);
        }),

      'mystery:pack': ({ version }) =>
        asManager(async () => {
          const { id } = standards.active;
          const pack = await standards.version(id, version);
          return pack
            ? ok({ pack })
            : fail('not_found', `no version ${version} of the scorecard ${id}`);
        }),

      'mystery:waves': ({ programmeId }) =>
        asManager(async () => {
          let query = db.selectFrom('mystery_waves').selectAll().orderBy('from_day', 'desc');
          if (programmeId) query = query.where('programme_id', '=', programmeId);
          return ok({ waves: await toWaves(db, await query.execute()) });
        }),

      'mystery:plan': (input) =>
        asManager(async () => {
          const found = await programmeOfWave(input.programmeId);
          if (!found) return fail('not_found', `no programme ${input.programmeId}`);
          const planned = await planOf(db, found.pack, input);
          return planned.ok ? ok(planned.plan) : fail(planned.code, planned.message);
        }),

      'mystery:wave-save': (input) =>
        asManager(async () => {
          const found = await programmeOfWave(input.programmeId);
          if (!found) return fail('not_found', `no programme ${input.programmeId}`);
          return waveWrite(input.id, saveWave(user.id, input, found.pack), 'mystery wave saved');
        }),

      'mystery:wave-launch': ({ waveId }) =>
        asManager(async () => {
          const row = await waveRow(db, waveId);
          if (!row) return fail('not_found', `no wave ${waveId}`);
          const found = (await programmeOfWave(row.programme_id))!;
          const outcome = await inbox.submit(launchWave(user.id, waveId, found.pack));
          if ('error' in outcome) return outcomeFail(outcome);
          if (outcome.ok.changed) {
            log.info({ waveId }, 'mystery wave launched');
            await tellCallers(db, io, waveId);
          }
          return ok((await wave(db, waveId))!);
        }),

      'mystery:wave-close': ({ waveId }) =>
        asManager(() => waveWrite(waveId, closeWave(user.id, waveId), 'mystery wave closed')),

      'mystery:release': ({ waveId }) =>
        asManager(() =>
          waveWrite(waveId, releaseWave(user.id, waveId), 'mystery results released'),
        ),

      'mystery:assignments': ({ waveId }) =>
        asManager(async () => {
          if (!(await waveRow(db, waveId))) return fail('not_found', `no wave ${waveId}`);
          const rows = await db
            .selectFrom('mystery_assignments')
            .selectAll()
            .where('wave_id', '=', waveId)
            .orderBy('window_from')
            .orderBy('slot')
            .execute();
          return ok({ assignments: await toAssignments(db, rows, viewer) });
        }),

      'mystery:assign': ({ assignmentId, callerId }) =>
        asManager(async () => {
          const outcome = await inbox.submit(assignCaller(user.id, assignmentId, callerId));
          if ('error' in outcome) return outcomeFail(outcome);
          if (outcome.ok.changed) await announce(assignmentId, [outcome.ok.previousCallerId]);
          return ok((await assignmentView(db, assignmentId, viewer))!);
        }),

      'mystery:board': () => asCaller(async () => ok(await board(db, user.id, viewer))),

      'mystery:claim': ({ assignmentId }) =>
        asCaller(async () => {
          const outcome = await inbox.submit(claimAssignment(user.id, assignmentId));
          if ('error' in outcome) return outcomeFail(outcome);
          if (outcome.ok.changed) {
            log.info({ assignmentId }, 'mystery call claimed');
            await announce(assignmentId);
          }
          return ok((await assignmentView(db, assignmentId, viewer))!);
        }),

      'mystery:open': ({ assignmentId }) =>
        caller || manager ? opened(assignmentId) : Promise.resolve(fail('forbidden', NOT_MANAGER)),

      'mystery:report': (input) =>
        asCaller(async () => {
          const row = await assignmentRow(db, input.assignmentId);
          if (!row || row.caller_id !== user.id)
            return fail('not_found', 'no such assignment of yours');
          const waveNow = (await waveRow(db, row.wave_id))!;
          const found = (await programmeOfWave(waveNow.programme_id))!;
          const outcome = await inbox.submit(
            saveReport(user.id, input, {
              pack: found.pack,
              itemIds: found.programme.itemIds,
              ratings: found.programme.ratings,
            }),
          );
          if ('error' in outcome) return outcomeFail(outcome);
          if (outcome.ok.submitted) {
            log.info({ assignmentId: row.id }, 'mystery report filed');
            await announce(row.id);
            await toManagers(outcome.ok.flagged, row.id);
          }
          return opened(row.id);
        }),

      'mystery:reviews': ({ waveId }) =>
        asManager(async () => {
          let query = db
            .selectFrom('mystery_reports as r')
            .innerJoin('mystery_assignments as a', 'a.id', 'r.assignment_id')
            .selectAll('r')
            .where('a.status', '=', 'reported')
            .orderBy('r.submitted_at');
          if (waveId) query = query.where('r.wave_id', '=', waveId);
          return ok({ reports: await toReports(db, await query.execute(), viewer) });
        }),

      'mystery:review': (input) =>
        asManager(async () => {
          const outcome = await inbox.submit(reviewReport(user.id, input));
          if ('error' in outcome) return outcomeFail(outcome);
          log.info(
            { assignmentId: input.assignmentId, action: input.action },
            'mystery report reviewed',
          );
          await announce(input.assignmentId);
          await toManagers(outcome.ok.flagged, input.assignmentId);
          return ok((await reportView(db, input.assignmentId, viewer))!);
        }),

      'mystery:results': ({ waveId }) =>
        asManager(async () => {
          const row = await waveRow(db, waveId);
          if (!row) return fail('not_found', `no wave ${waveId}`);
          if (row.status === 'draft') return fail('conflict', 'the wave has not been launched');
          const found = (await programmeOfWave(row.programme_id))!;
          const [shown] = await toWaves(db, [row]);
          return ok(
            await resultsOf(db, shown!, row, found.programme, found.pack, user.lang ?? 'en'),
          );
        }),
    };
  });
}

/**
 * Tells each caller who may claim calls of a wave just launched how many (`mystery:wave-open`):
 * enabled callers whose profile fits an open call and whom the gap rule lets take it; their board
 * then shows them. Nothing goes to anyone else, and nothing names a team.
 */
async function tellCallers(db: Db, io: HubContext['io'], waveId: string): Promise<void> {
  const [waveNow, rows, people] = await Promise.all([
    waveRow(db, waveId),
    db
      .selectFrom('mystery_assignments')
      .select(['team_id', 'window_from', 'window_to', 'profile'])
      .where('wave_id', '=', waveId)
      .where('status', '=', 'open')
      .where('window_to', '>', nowIso())
      .execute(),
    db
      .selectFrom('users')
      .select('id')
      .where('role', '=', 'caller')
      .where('disabled', '=', 0)
      .execute(),
  ]);
  if (!waveNow || rows.length === 0) return;
  for (const { id } of people) {
    const me = await callerProfile(db, id);
    if (!me || me.disabled) continue;
    const visits = await callerVisits(db, id);
    const calls = rows.filter(
      (r) =>
        fitsProfile(me.profile, JSON.parse(r.profile) as object) &&
        !blockedByGap(
          { teamId: r.team_id, windowFrom: r.window_from },
          visits,
          waveNow.caller_gap_days,
        ),
    ).length;
    if (calls > 0) io.to(userRoom(id)).emit('mystery:wave-open', { waveId, calls });
  }
}

/**
 * A caller's board: open calls of live waves whose window has not ended, that fit the caller's
 * profile and that the gap rule lets them take (soonest first); and their own calls.
 */
async function board(db: Db, callerId: string, viewer: Viewer): Promise<MysteryBoard> {
  const me = await callerProfile(db, callerId);
  if (!me || me.disabled) return { open: [], mine: [] };
  const rows = await db
    .selectFrom('mystery_assignments as a')
    .innerJoin('mystery_waves as w', 'w.id', 'a.wave_id')
    .selectAll('a')
    .select('w.caller_gap_days')
    .where('w.status', '=', 'live')
    .where('a.status', '=', 'open')
    .where('a.window_to', '>', nowIso())
    .orderBy('a.window_from')
    .orderBy('a.slot')
    .limit(BOARD_READ_MAX)
    .execute();
  const visits = await callerVisits(db, callerId);
  const open = rows
    .filter(
      (r) =>
        fitsProfile(me.profile, JSON.parse(r.profile) as object) &&
        !blockedByGap({ teamId: r.team_id, windowFrom: r.window_from }, visits, r.caller_gap_days),
    )
    .slice(0, BOARD_OPEN_MAX)
    .map(({ caller_gap_days: _gap, ...a }) => a);
  const mine = await db
    .selectFrom('mystery_assignments')
    .selectAll()
    .where('caller_id', '=', callerId)
    .orderBy('window_from', 'desc')
    .limit(BOARD_MINE_MAX)
    .execute();
  return {
    open: await toAssignments(db, open, viewer),
    mine: await toAssignments(db, mine, viewer),
  };
}

import type { FastifyInstance } from 'fastify';
import { localize, scorecardFor, type ScoredItem, type StandardsPack } from '@sidecoach/shared';
import type { Budgets } from '../lib/budgets.js';
import type { HubContext } from '../lib/context.js';
import { pagedRows, sendCsvStream, type CsvCell } from '../lib/csv-stream.js';
import { periodQuery, registerCsvExport } from '../lib/export-route.js';
import type { AuthUser } from '../lib/people.js';
import type { Db } from '../store/db.js';
import type { CalibrationSessionRow } from '../store/schema.js';
import { benchmarksOf, runsOrScores, sheetsOf, toSheet } from './calibration-records.js';
import { isAdmin } from './policy.js';

// GET /api/qa/calibration.csv?from&to: each participant's answer against the benchmark, one row
// per session, scorecard item and submitted sheet, for sessions revealed in the period (an open
// session's answers are blind: never exported). Who may: as calibration:trends (a quality
// manager every session; anyone else the sessions they ran or scored; agents only if they
// evaluate). After the reveal everyone on a session sees every sheet, so every sheet is in.

export const CALIBRATION_CSV_COLUMNS = [
  'revealed_at',
  'session_id',
  'session',
  'status',
  'source',
  'call_id',
  'call_type',
  'pack_id',
  'pack_version',
  'area',
  'item_id',
  'item',
  'benchmark',
  'benchmark_note',
  'participant',
  'participant_id',
  'answer',
  /** true / false against the benchmark; empty while the item has none. */
  'matches_benchmark',
  'comment',
  'submitted_at',
] as const;

const CalibrationQuerySchema = periodQuery({}, 366);

type SessionJoined = CalibrationSessionRow & { call_type: string };

function scoped(db: Db, user: AuthUser, range: { from: string; to: string }) {
  let q = db
    .selectFrom('calibration_sessions')
    .selectAll('calibration_sessions')
    .select((eb) =>
      eb
        .selectFrom('calls')
        .select('calls.call_type')
        .whereRef('calls.id', '=', 'calibration_sessions.call_id')
        .as('call_type'),
    )
    .where('calibration_sessions.status', '!=', 'open')
    .where('calibration_sessions.revealed_at', '>=', range.from)
    .where('calibration_sessions.revealed_at', '<', range.to);
  if (!isAdmin(user)) q = q.where(runsOrScores(user.id));
  return q;
}

/** Submitted sheets per session, a thousand sessions at a time. */
async function submittedCounts(db: Db, sessionIds: readonly string[]) {
  const counts = new Map<string, number>();
  for (let i = 0; i < sessionIds.length; i += 1000) {
    const rows = await db
      .selectFrom('calibration_sheets')
      .select(['session_id', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('submitted_at', 'is not', null)
      .where('session_id', 'in', sessionIds.slice(i, i + 1000))
      .groupBy('session_id')
      .execute();
    for (const r of rows) counts.set(r.session_id, Number(r.n));
  }
  return counts;
}

/** The export's sessions, revealed oldest first, a page after (revealed_at, id). */
function page(
  db: Db,
  user: AuthUser,
  range: { from: string; to: string },
  after: [string, string] | null,
  size: number,
): Promise<SessionJoined[]> {
  let q = scoped(db, user, range);
  if (after)
    q = q.where((eb) =>
      eb.or([
        eb('calibration_sessions.revealed_at', '>', after[0]),
        eb.and([
          eb('calibration_sessions.revealed_at', '=', after[0]),
          eb('calibration_sessions.id', '>', after[1]),
        ]),
      ]),
    );
  return q
    .orderBy('calibration_sessions.revealed_at')
    .orderBy('calibration_sessions.id')
    .limit(size)
    .execute() as Promise<SessionJoined[]>;
}

export function registerCalibrationExport(app: FastifyInstance, ctx: HubContext, budgets: Budgets) {
  const { db, standards } = ctx;
  /** A session's scorecard items, read once per pack version and call type. */
  const itemsCache = new Map<string, Promise<ScoredItem[]>>();
  const itemsOf = (packId: string, version: number, callType: string) => {
    const key = `${packId}@${version}:${callType}`;
    let items = itemsCache.get(key);
    if (!items) {
      items = standards.version(packId, version).then((pack: StandardsPack | undefined) => {
        if (!pack) throw new Error(`pack ${packId}@${version} is not stored`);
        return scorecardFor(pack, callType);
      });
      itemsCache.set(key, items);
      // A failed read is tried again by the next export.
      items.catch(() => itemsCache.delete(key));
    }
    return items;
  };

  registerCsvExport(app, db, budgets, {
    path: '/api/qa/calibration.csv',
    budget: 'calibration.csv',
    query: CalibrationQuerySchema,
    refuse: (user) =>
      user.role === 'agent' && !user.permissions.includes('evaluator')
        ? 'calibration exports are for evaluators, coaches and quality managers'
        : null,
    send: async (user, { range }, reply) => {
      const lang = user.lang ?? 'en';
      // The count first: submitted sheets times the scorecard's items, per session.
      const sessions = (await scoped(db, user, range).execute()) as SessionJoined[];
      const sheetCounts = await submittedCounts(
        db,
        sessions.map((s) => s.id),
      );
      let total = 0;
      for (const s of sessions)
        total +=
          (sheetCounts.get(s.id) ?? 0) *
          (await itemsOf(s.pack_id, s.pack_version, s.call_type)).length;
      const rowsOf = async function* (session: SessionJoined) {
        const [items, sheets, marks] = await Promise.all([
          itemsOf(session.pack_id, session.pack_version, session.call_type),
          sheetsOf(db, [session.id]),
          benchmarksOf(db, [session.id]),
        ]);
        const bench = marks.get(session.id)!;
        const submitted = sheets
          .filter((s) => s.submitted_at !== null)
          .map((s) => ({ ...s, sheet: toSheet(s) }));
        for (const { area, item } of items)
          for (const { sheet, ...s } of submitted) {
            const answer = sheet.answers[item.id] ?? null;
            const benchmark = bench.answers[item.id] ?? null;
            const row: CsvCell[] = [
              new Date(session.revealed_at!),
              session.id,
              session.title,
              session.status,
              session.source,
              session.call_id,
              session.call_type,
              session.pack_id,
              session.pack_version,
              area,
              item.id,
              localize(item.text, lang),
              benchmark,
              bench.notes[item.id] ?? null,
              s.name,
              s.user_id,
              answer,
              benchmark === null ? null : answer === benchmark,
              sheet.comments[item.id] ?? null,
              new Date(s.submitted_at!),
            ];
            yield row;
          }
      };
      return sendCsvStream(reply, {
        name: 'calibration',
        header: CALIBRATION_CSV_COLUMNS,
        total,
        rows: (async function* () {
          if (total === 0) return;
          for await (const session of pagedRows(
            (after: [string, string] | null, size) => page(db, user, range, after, size),
            (s): [string, string] => [s.revealed_at!, s.id],
            200,
          ))
            yield* rowsOf(session);
        })(),
      });
    },
  });
}

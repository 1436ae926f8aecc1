import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { DaySchema, handleMsOf, type KpiSettings } from '@sidecoach/shared';
import type { Budgets } from '../lib/budgets.js';
import { pagedRows, sendCsvStream, type CsvCell } from '../lib/csv-stream.js';
import { IdSchema, refuse, registerCsvExport } from '../lib/export-route.js';
import { countedWaitOf, legFactsOf } from '../lib/kpi-legs.js';
import type { Db } from '../store/db.js';
import { drillRow, legsOf, type LegWithName } from './drill.js';
import { daySpan } from './figures.js';
import { tooLong } from './handlers.js';
import { isAdmin, NOT_READER, readsTeam } from './policy.js';
import { settingsOf, teamOf } from './settings.js';

const LegsQuerySchema = z
  .strictObject({
    teamId: IdSchema,
    /** Days of the team's calendar, both included. */
    from: DaySchema,
    to: DaySchema,
    agentId: IdSchema.optional(),
  })
  .refine((q) => q.from <= q.to, { path: ['to'], message: 'to is before from' });

/** The legs export's columns: the facts, then how each counts with the team's settings. */
export const LEGS_CSV_COLUMNS = [
  'leg_id',
  'pbx_call_id',
  'call_id',
  'queue',
  'team_id',
  'agent_id',
  'agent_name',
  'extension',
  'call_type',
  'local_day',
  'time_zone',
  'offered_at',
  'answered_at',
  'abandoned_at',
  'transferred_at',
  'to_queue',
  'wrap_start_at',
  'wrap_end_at',
  'next_contact_at',
  'outcome',
  'wait_ms',
  'answered_in_sl',
  'short_abandon',
  'handled',
  'talk_ms',
  'hold_ms',
  'acw_ms',
  'handle_ms',
  'transferred',
  'first_contact',
  'complaint',
] as const;

/** What a leg's row says: its facts, then how it counts with the team's settings. */
function legCells(r: LegWithName, settings: KpiSettings, now: Date): CsvCell[] {
  const facts = legFactsOf(r);
  const row = drillRow(r, settings, now);
  const handle = handleMsOf(facts);
  const waitMs = countedWaitOf(facts);
  const answered = row.outcome === 'answered' || row.outcome === 'transferred';
  return [
    r.id,
    r.pbx_call_id,
    r.call_id,
    r.queue,
    r.team_id,
    r.agent_id,
    r.agent_name,
    r.extension,
    r.call_type,
    r.local_day,
    r.time_zone,
    r.offered_at,
    r.answered_at,
    r.abandoned_at,
    r.transferred_at,
    r.to_queue,
    r.wrap_start_at,
    r.wrap_end_at,
    r.next_contact_at,
    row.outcome,
    waitMs,
    answered && (waitMs ?? 0) <= settings.serviceLevelSeconds * 1000,
    row.outcome === 'short-abandon',
    handle !== null,
    handle?.talkMs,
    handle?.holdMs,
    handle?.acwMs,
    row.handleMs,
    row.outcome === 'transferred',
    row.firstContact,
    row.complaint,
  ];
}

/**
 * GET /api/kpi/legs.csv?teamId&from&to[&agentId]: every leg of the team's days (its time zone)
 * as a streamed CSV file, one row per leg, oldest first, with each counted field as the team's
 * settings count it. Who may read the team's drill-down may export its legs (the frame of every
 * export: lib/export-route.ts).
 */
export function registerKpiRoutes(app: FastifyInstance, db: Db, budgets: Budgets) {
  registerCsvExport(app, db, budgets, {
    path: '/api/kpi/legs.csv',
    budget: 'kpi-legs.csv',
    query: LegsQuerySchema,
    refuse: (user) =>
      isAdmin(user) || user.role === 'lead' || user.role === 'supervisor' ? null : NOT_READER,
    send: async (user, { teamId, from, to, agentId }, reply) => {
      if (!readsTeam(user, teamId)) return refuse('forbidden', NOT_READER);
      const long = tooLong(from, to);
      if (long) return refuse('bad_request', long);
      const team = await teamOf(db, teamId);
      if (!team) return refuse('not_found', `no team ${teamId}`);
      const settings = await settingsOf(db, teamId);
      const filter = { teamId, span: daySpan(from, to, team.time_zone), agentId };
      const counted = await legsOf(db, filter)
        .clearSelect()
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirst();
      const now = new Date();
      const legs = pagedRows<LegWithName, { at: string; id: string }>(
        (after, size) => {
          let page = legsOf(db, filter);
          // A row value: the index seeks to it (an OR of the two columns would be read from
          // the range's start at every page).
          if (after)
            page = page.where((eb) =>
              eb(eb.refTuple('l.offered_at', 'l.id'), '>', eb.tuple(after.at, after.id)),
            );
          return page.orderBy('l.offered_at').orderBy('l.id').limit(size).execute();
        },
        (r) => ({ at: r.offered_at, id: r.id }),
      );
      return sendCsvStream(reply, {
        name: `legs-${from}-${to}`,
        header: LEGS_CSV_COLUMNS,
        total: Number(counted?.n ?? 0),
        rows: (async function* () {
          for await (const leg of legs) yield legCells(leg, settings, now);
        })(),
      });
    },
  });
}

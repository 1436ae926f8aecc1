import {
  firstContactOf,
  handleMsOf,
  legOutcome,
  RELEASED_EVALUATION_STATUSES,
  type KpiDrill,
  type KpiDrillRequest,
  type KpiDrillRow,
  type KpiId,
  type KpiSettings,
} from '@sidecoach/shared';
import { sql, type RawBuilder } from 'kysely';
import { countedWaitOf, legFactsOf } from '../lib/kpi-legs.js';
import type { Db } from '../store/db.js';
import type { KpiLegRow } from '../store/schema.js';
import { legConditions, type DaySpan } from './figures.js';

// The calls behind a number: a team's legs in its days (an agent's, a call type's), those in the
// KPI's population (e.g. every leg but short abandons for abandonment), each with how it counts.
// Paged newest first by a cursor of (offered_at, id), so a page never repeats or skips a leg
// that arrives meanwhile. The export (routes.ts) reads the same legs oldest first.

export interface LegFilter {
  teamId: string;
  span: DaySpan;
  agentId?: string | undefined;
  callType?: string | undefined;
}

/** The team's legs offered in the span's days (its zone), with the agent's name. */
export function legsOf(db: Db, filter: LegFilter) {
  let query = db
    .selectFrom('kpi_legs as l')
    .leftJoin('users as u', 'u.id', 'l.agent_id')
    .selectAll('l')
    .select('u.display_name as agent_name')
    .where('l.team_id', '=', filter.teamId)
    .where('l.offered_at', '>=', filter.span.starts[0]!)
    .where('l.offered_at', '<', filter.span.end);
  if (filter.agentId !== undefined) query = query.where('l.agent_id', '=', filter.agentId);
  if (filter.callType !== undefined) query = query.where('l.call_type', '=', filter.callType);
  return query;
}

export type LegWithName = KpiLegRow & { agent_name: string | null };

/** A customer's answer on the leg's call (none on a mystery call, nor one staff gave). */
const customerAnswer = (what: string) =>
  sql`(select ${sql.ref(`r.${what}`)} from survey_responses as r where r.call_id = l.call_id and r.self_answer is null and not exists (select 1 from mystery_reports as m where m.call_id = l.call_id))`;

/** The legs a KPI is a figure of (its denominator), as SQL over `l`. */
function population(
  kpi: KpiId,
  is: ReturnType<typeof legConditions>,
  unreleasedMystery: boolean,
): RawBuilder<unknown> {
  switch (kpi) {
    case 'aht':
    case 'transferRate':
      return is.handled;
    case 'fcr':
      return is.fcrEligible;
    case 'fcrSurvey':
      return sql`${customerAnswer('resolved')} is not null`;
    case 'csat':
      return sql`${customerAnswer('csat')} between 1 and 5`;
    case 'abandonment':
      return sql`not ${is.short}`;
    case 'serviceLevel':
      return sql`(${is.answered} or (${is.abandoned} and not ${is.short}))`;
    case 'asa':
    case 'answered':
      return is.answered;
    case 'surveyResponseRate':
      return sql`exists (select 1 from survey_sends as s where s.call_id = l.call_id and s.state <> 'skipped' and not exists (select 1 from mystery_reports as m where m.call_id = l.call_id))`;
    case 'complaints':
      return is.complaint;
    case 'selfAssessment':
      return sql`l.call_id is not null`;
    case 'quality':
      return sql`(exists (select 1 from qa_evaluations as e where e.call_id = l.call_id and e.status in (${sql.join(RELEASED_EVALUATION_STATUSES.map((s) => sql.lit(s)))})) or exists (select 1 from mystery_reports as m inner join mystery_assignments as a on a.id = m.assignment_id inner join mystery_waves as w on w.id = m.wave_id where m.call_id = l.call_id and a.status = 'approved' and ${unreleasedMystery ? sql`1 = 1` : sql`w.released_at is not null`}))`;
  }
}

/** The cursor of the row after which the next page starts. */
const cursorOf = (row: Pick<KpiLegRow, 'offered_at' | 'id'>) => `${row.offered_at}|${row.id}`;

/** `after` split into its parts, or null when it is no cursor this hub made. */
export function parseCursor(cursor: string): { at: string; id: string } | null {
  const bar = cursor.indexOf('|');
  if (bar < 0) return null;
  const at = cursor.slice(0, bar);
  const id = cursor.slice(bar + 1);
  return Number.isNaN(Date.parse(at)) || id === '' ? null : { at, id };
}

/** A page of the calls behind the KPI's figure, newest first. */
export async function drillPage(
  db: Db,
  request: KpiDrillRequest & { cursor?: string | undefined },
  span: DaySpan,
  settings: KpiSettings,
  options: { now: Date; unreleasedMystery: boolean },
): Promise<KpiDrill> {
  const { now } = options;
  const is = legConditions(settings, now.getTime(), 'l');
  let query = legsOf(db, { ...request, span })
    .select([
      sql<number | null>`${customerAnswer('csat')}`.as('csat'),
      sql<number | null>`${customerAnswer('resolved')}`.as('resolved'),
      sql<number>`(select count(*) from survey_responses as r where r.call_id = l.call_id and r.self_answer is null)`.as(
        'responded',
      ),
      sql<
        string | null
      >`(select sa.status from self_assessments as sa where sa.call_id = l.call_id)`.as(
        'assessment',
      ),
    ])
    .where(population(request.kpi, is, options.unreleasedMystery) as RawBuilder<boolean>);
  const after = request.cursor === undefined ? null : parseCursor(request.cursor);
  if (after)
    query = query.where((eb) =>
      eb(eb.refTuple('l.offered_at', 'l.id'), '<', eb.tuple(after.at, after.id)),
    );
  const rows = await query
    .orderBy('l.offered_at', 'desc')
    .orderBy('l.id', 'desc')
    .limit(request.limit + 1)
    .execute();
  const page = rows.slice(0, request.limit);
  return {
    rows: page.map((r) => {
      const row = drillRow(r, settings, now);
      return { ...row, counts: counts(request.kpi, row, r, settings) };
    }),
    nextCursor: rows.length > request.limit && page.length > 0 ? cursorOf(page.at(-1)!) : null,
  };
}

/** What a leg is, as the drill-down and the export show it. */
export function drillRow(
  r: LegWithName & { csat?: number | null },
  settings: KpiSettings,
  now: Date,
): Omit<KpiDrillRow, 'counts'> {
  const facts = legFactsOf(r);
  const handle = handleMsOf(facts);
  return {
    legId: r.id,
    pbxCallId: r.pbx_call_id,
    callId: r.call_id,
    queue: r.queue,
    agentId: r.agent_id,
    agentName: r.agent_name,
    callType: r.call_type,
    offeredAt: r.offered_at,
    outcome: legOutcome(facts, settings),
    waitMs: countedWaitOf(facts),
    handleMs: handle ? handle.talkMs + handle.holdMs + handle.acwMs : null,
    firstContact: firstContactOf(facts, settings.fcrDays, now),
    csat: r.csat === undefined || r.csat === null ? null : Number(r.csat),
    complaint: r.complaint === 1 || r.call_type === 'complaint',
  };
}

/** Whether the leg counts in the KPI's numerator. */
function counts(
  kpi: KpiId,
  row: Omit<KpiDrillRow, 'counts'>,
  r: { resolved: number | null; responded: number; assessment: string | null },
  settings: KpiSettings,
): boolean {
  const answered = row.outcome === 'answered' || row.outcome === 'transferred';
  switch (kpi) {
    case 'aht':
    case 'asa':
    case 'answered':
    case 'complaints':
    case 'quality':
      return true;
    case 'fcr':
      return row.firstContact === true;
    case 'fcrSurvey':
      return Number(r.resolved) === 1;
    case 'csat':
      return (row.csat ?? 0) >= 4;
    case 'abandonment':
      return row.outcome === 'abandoned';
    case 'serviceLevel':
      return answered && (row.waitMs ?? 0) <= settings.serviceLevelSeconds * 1000;
    case 'transferRate':
      return row.outcome === 'transferred';
    case 'surveyResponseRate':
      return Number(r.responded) > 0;
    case 'selfAssessment':
      return r.assessment === 'submitted';
  }
}

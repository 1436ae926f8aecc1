import type { TFunction } from 'i18next';
import {
  allItems,
  localize,
  type DisputeRecord,
  type DrawReason,
  type Evaluation,
  type OutcomeRates,
  type QaAssignment,
  type QaEvaluatorStats,
  type QaFilters,
  type ScoreResult,
  type StandardsPack,
} from '@sidecoach/shared';
import { callTypeName, scorePercent } from '../../lib/format.js';
import { formatDuration } from '../../lib/time.js';
import {
  cellCsv,
  cellText,
  csvPercent,
  csvShare,
  numberCell,
  timeCell,
  type Cell,
  type MachineText,
} from '../../ui/machine.js';
import type { ItemDiscrepancy } from './discrepancy.js';

// Every table of the Quality view as a header and rows of cells: what the table shows (numbers
// and dates in the UI's language) and what its CSV export holds (the same text, but dates and
// numbers as their machine values: ISO 8601, no grouping), both tested here.

export interface Table {
  header: string[];
  rows: Cell[][];
}

export { cellCsv, cellText, type Cell };

/** A table as its CSV file holds it: the header, then each cell's machine value or text. */
export const csvRows = (table: Table): string[][] => table.rows.map((row) => row.map(cellCsv));

/** What the rows are written with: the UI's strings and language, and the pack for names. */
export interface RowContext {
  t: TFunction;
  lang: string;
  pack: StandardsPack | null;
  /** Today on this device (YYYY-MM-DD): ages of disputes are counted to it. */
  today: string;
}

const dateOf = (lang: string, iso: string) =>
  new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }).format(new Date(iso));
const dateTimeOf = (lang: string, iso: string) =>
  new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
/** The day before a YYYY-MM-DD day: the last day of a range that ends before `to`. */
export function dayBefore(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d - 1));
  return date.toISOString().slice(0, 10);
}

/** A YYYY-MM-DD day as the UI writes dates (read as that calendar day, wherever the device is). */
export const dayOf = (lang: string, day: string) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }).format(new Date(y, m - 1, d));
};
const percentOf = (lang: string, value: number | null | undefined) =>
  value === null || value === undefined ? '–' : scorePercent(value, lang);
const shareOf = (lang: string, value: number | null) =>
  value === null
    ? '–'
    : new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(value);

// The same as cells: shown as above, in the CSV file as ISO 8601 and plain numbers.
const dateCell = (lang: string, iso: string): MachineText => timeCell(iso, dateOf(lang, iso));
const dateTimeCell = (lang: string, iso: string): MachineText =>
  timeCell(iso, dateTimeOf(lang, iso));
const dayCell = (lang: string, day: string): MachineText => timeCell(day, dayOf(lang, day));
const percentCell = (lang: string, value: number | null | undefined): MachineText =>
  numberCell(value ?? null, percentOf(lang, value), csvPercent);
const shareCell = (lang: string, value: number | null): MachineText =>
  numberCell(value, shareOf(lang, value), csvShare);

/** An item's wording in the UI language (its id when the pack lacks it). */
export function itemName(
  pack: StandardsPack | null,
  id: string | null,
  lang: string,
  t: TFunction,
) {
  if (id === null) return t('qa.dispute.whole');
  const item = pack ? allItems(pack).find((i) => i.id === id) : undefined;
  return item ? localize(item.text, lang) : id;
}

/** A score as read: "82.5 %", with "fails the call" or "+5 bonus" where it applies. */
export function scoreText(score: ScoreResult | null, c: Pick<RowContext, 't' | 'lang'>) {
  if (!score) return '–';
  const percent = percentOf(c.lang, score.percent);
  if (score.passed === false) return c.t('qa.score.failedShort', { percent });
  return percent;
}

/** The score as a cell: in the CSV file "82.5%" (a failed call keeps its words). */
export function scoreCell(score: ScoreResult | null, c: Pick<RowContext, 't' | 'lang'>): Cell {
  const text = scoreText(score, c);
  if (!score || score.passed === false || score.percent === null) return text;
  return { text, csv: csvPercent(score.percent) };
}

/** The filters a call met, in words ("booking, complaint; 2–10 min; CSAT ≤ 3"). */
export function filtersText(filters: QaFilters, c: Pick<RowContext, 't' | 'lang' | 'pack'>) {
  const parts: string[] = [];
  if (filters.callTypes?.length)
    parts.push(filters.callTypes.map((id) => callTypeName(c.pack, id, c.lang)).join(', '));
  const min = filters.minDurationSec;
  const max = filters.maxDurationSec;
  if (min !== undefined && max !== undefined)
    parts.push(c.t('qa.filters.between', { min: min / 60, max: max / 60 }));
  else if (min !== undefined) parts.push(c.t('qa.filters.atLeast', { min: min / 60 }));
  else if (max !== undefined) parts.push(c.t('qa.filters.atMost', { max: max / 60 }));
  if (filters.surveyed) parts.push(c.t('qa.filters.surveyedShort'));
  if (filters.maxCsat !== undefined)
    parts.push(c.t('qa.filters.csatShort', { csat: filters.maxCsat }));
  if (filters.flaggedOnly) parts.push(c.t('qa.filters.flaggedShort'));
  return parts.length > 0 ? parts.join('; ') : c.t('qa.filters.none');
}

/** Why a call was drawn, in one line a lead can audit. */
export function reasonText(reason: DrawReason, c: Pick<RowContext, 't' | 'lang' | 'pack'>) {
  const slot = c.t('qa.why.slot', {
    slot: reason.slot,
    from: dateOf(c.lang, reason.slotFrom),
    // The slot ends before `slotTo`: its last day is the one before.
    to: dateOf(c.lang, new Date(Date.parse(reason.slotTo) - 1).toISOString()),
  });
  const eligible = c.t('qa.why.eligible', { count: reason.eligible });
  const filters = filtersText(reason.filters, c);
  const flagged = reason.flagged ? ` ${c.t('qa.why.flagged')}` : '';
  return `${slot}; ${eligible}; ${filters}; ${c.t('qa.why.seed', { seed: reason.seed })}.${flagged}`;
}

const durationText = (ms: number | null) => (ms === null ? '–' : formatDuration(ms));

/** The evaluator's queue: what is due first. */
export function queueTable(assignments: readonly QaAssignment[], c: RowContext): Table {
  const t = c.t;
  return {
    header: [
      t('qa.col.due'),
      t('qa.col.agent'),
      t('qa.col.callType'),
      t('qa.col.call'),
      t('qa.col.duration'),
      t('qa.col.status'),
      t('qa.col.why'),
    ],
    rows: [...assignments]
      .sort((a, b) => a.due.localeCompare(b.due) || a.callStartedAt.localeCompare(b.callStartedAt))
      .map((a) => [
        dayCell(c.lang, a.due),
        a.agentName,
        callTypeName(c.pack, a.callType, c.lang),
        dateTimeCell(c.lang, a.callStartedAt),
        durationText(a.durationMs),
        t(`qa.assignment.${a.status}`),
        reasonText(a.reason, c),
      ]),
  };
}

/** A team's draws (the audit of who was chosen and why). */
export function drawsTable(assignments: readonly QaAssignment[], c: RowContext): Table {
  const t = c.t;
  return {
    header: [
      t('qa.col.agent'),
      t('qa.col.evaluator'),
      t('qa.col.call'),
      t('qa.col.callType'),
      t('qa.col.due'),
      t('qa.col.status'),
      t('qa.col.why'),
    ],
    rows: [...assignments]
      .sort(
        (a, b) =>
          a.agentName.localeCompare(b.agentName) ||
          a.reason.slot - b.reason.slot ||
          a.id.localeCompare(b.id),
      )
      .map((a) => [
        a.agentName,
        a.evaluatorName,
        dateTimeCell(c.lang, a.callStartedAt),
        callTypeName(c.pack, a.callType, c.lang),
        dayCell(c.lang, a.due),
        t(`qa.assignment.${a.status}`),
        reasonText(a.reason, c),
      ]),
  };
}

/** Evaluations, newest first. */
export function evaluationsTable(evaluations: readonly Evaluation[], c: RowContext): Table {
  const t = c.t;
  const when = (e: Evaluation) => e.evaluatedAt ?? e.releasedAt ?? '';
  return {
    header: [
      t('qa.col.evaluated'),
      t('qa.col.agent'),
      t('qa.col.callType'),
      t('qa.col.evaluator'),
      t('qa.col.score'),
      t('qa.col.status'),
      t('qa.col.version'),
    ],
    rows: [...evaluations]
      .sort((a, b) => when(b).localeCompare(when(a)))
      .map((e) => [
        when(e) ? dateCell(c.lang, when(e)) : '–',
        e.agentName,
        e.callType ? callTypeName(c.pack, e.callType, c.lang) : '–',
        e.source === 'import' ? t('qa.imported', { name: e.evaluatorName }) : e.evaluatorName,
        scoreCell(e.score, c),
        t(`qa.status.${e.status}`),
        String(e.version),
      ]),
  };
}

/** Whole days from a time to today (the device's calendar). */
export function ageInDays(iso: string, today: string): number {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const start = new Date(iso);
  const from = Date.UTC(start.getFullYear(), start.getMonth(), start.getDate());
  return Math.max(0, Math.round((Date.UTC(y, m - 1, d) - from) / 86_400_000));
}

/** Disputes, oldest open first. */
export function disputesTable(disputes: readonly DisputeRecord[], c: RowContext): Table {
  const t = c.t;
  return {
    header: [
      t('qa.col.raised'),
      t('qa.col.age'),
      t('qa.col.agent'),
      t('qa.col.points'),
      t('qa.col.arbitrator'),
      t('qa.col.status'),
    ],
    rows: [...disputes]
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .map((d) => [
        dateCell(c.lang, d.createdAt),
        t('qa.days', { count: ageInDays(d.createdAt, c.today) }),
        d.agentName,
        d.points.map((p) => itemName(c.pack, p.itemId, c.lang, t)).join('; '),
        d.arbitratorName,
        t(`qa.dispute.status.${d.status}`),
      ]),
  };
}

/** Dispute outcomes per evaluator or per item. */
export function outcomesTable(
  rates: readonly OutcomeRates[],
  by: 'evaluator' | 'item',
  c: RowContext,
): Table {
  const t = c.t;
  return {
    header: [
      by === 'evaluator' ? t('qa.col.evaluator') : t('qa.col.item'),
      t('qa.col.disputes'),
      t('qa.col.accepted'),
      t('qa.col.partly'),
      t('qa.col.rejected'),
      t('qa.col.overturned'),
    ],
    rows: rates.map((r) => {
      const decided = r.accepted + r.partly + r.rejected;
      return [
        by === 'item' ? itemName(c.pack, r.key, c.lang, t) : r.name,
        String(r.disputes),
        String(r.accepted),
        String(r.partly),
        String(r.rejected),
        shareCell(c.lang, decided === 0 ? null : (r.accepted + r.partly) / decided),
      ];
    }),
  };
}

/** Evaluators' work in a period. */
export function evaluatorsTable(stats: QaEvaluatorStats, c: RowContext): Table {
  const t = c.t;
  return {
    header: [
      t('qa.col.evaluator'),
      t('qa.col.done'),
      t('qa.col.assigned'),
      t('qa.col.average'),
      t('qa.col.disputes'),
      t('qa.col.overturned'),
    ],
    rows: stats.evaluators.map((e) => [
      e.name,
      String(e.done),
      String(e.assigned),
      percentCell(c.lang, e.averageScore),
      String(e.disputes),
      shareCell(c.lang, e.overturnRate),
    ]),
  };
}

/** The self-assessment against the evaluations, per item. */
export function discrepancyTable(items: readonly ItemDiscrepancy[], c: RowContext): Table {
  const t = c.t;
  const rate = (x: { positive: number; negative: number }) =>
    `${shareOf(c.lang, x.positive + x.negative === 0 ? null : x.positive / (x.positive + x.negative))} (${x.positive}/${x.positive + x.negative})`;
  return {
    header: [
      t('qa.col.item'),
      t('qa.col.selfYes'),
      t('qa.col.qaYes'),
      t('qa.col.selfHigher'),
      t('qa.col.selfLower'),
      t('qa.col.finding'),
    ],
    rows: items.map((d) => [
      itemName(c.pack, d.itemId, c.lang, t),
      rate(d.self),
      rate(d.qa),
      String(d.selfHigher),
      String(d.selfLower),
      d.finding ? t(`qa.finding.${d.finding}`) : '–',
    ]),
  };
}

/** The agent's trend: released evaluations oldest first, one row each. */
export function trendTable(evaluations: readonly Evaluation[], c: RowContext): Table {
  const t = c.t;
  const dated = evaluations.filter((e) => e.evaluatedAt !== null && e.status !== 'draft');
  return {
    header: [t('qa.col.evaluated'), t('qa.col.callType'), t('qa.col.score'), t('qa.col.version')],
    rows: [...dated]
      .sort((a, b) => a.evaluatedAt!.localeCompare(b.evaluatedAt!))
      .map((e) => [
        dateCell(c.lang, e.evaluatedAt!),
        e.callType ? callTypeName(c.pack, e.callType, c.lang) : '–',
        scoreCell(e.score, c),
        String(e.version),
      ]),
  };
}

export {
  percentOf,
  shareOf,
  dateOf,
  dateTimeOf,
  dateCell,
  dateTimeCell,
  dayCell,
  percentCell,
  shareCell,
};

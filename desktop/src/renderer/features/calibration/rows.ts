import {
  allItems,
  type Answer,
  type CalibrationOpened,
  type CalibrationReveal,
  type CalibrationSession,
  type CalibrationSetup,
  type CalibrationTrends,
  type ItemAgreement,
  type SessionFigures,
  type StandardsPack,
  type Statistic,
} from '@sidecoach/shared';
import { callTypeName, decimal } from '../../lib/format.js';
import { formatDuration } from '../../lib/time.js';
import { csvNumber, type Cell } from '../../ui/machine.js';
import {
  dateCell,
  dateTimeCell,
  itemName,
  percentCell,
  shareCell,
  type RowContext,
  type Table,
} from '../qa/rows.js';
import { submittedCount } from './sheet.js';

// Every table of calibration as a header and rows of cells, as the Quality view's tables are
// (qa/rows.ts): shown in the UI's language, in the CSV file with dates and numbers as their
// machine values. Undefined statistics say why in words instead of a number.

type Context = Pick<RowContext, 't' | 'lang' | 'pack'>;

/** A kappa or an alpha: two decimals ("0.62", Latvian "0,62"), or why it is not a number. */
export function statisticText(stat: Statistic, c: Pick<RowContext, 't' | 'lang'>): string {
  if (stat.value !== null) return decimal(stat.value, c.lang, 2);
  return c.t(`calibration.undefined.${stat.undefinedBecause ?? 'no-pairs'}`);
}

/** Score points (percentage points), signed when asked ("+4.5 pts"). */
export function pointsText(
  value: number | null,
  c: Pick<RowContext, 't' | 'lang'>,
  signed = false,
): string {
  if (value === null) return '–';
  const number = new Intl.NumberFormat(c.lang, {
    maximumFractionDigits: 1,
    signDisplay: signed ? 'exceptZero' : 'auto',
  }).format(value);
  return c.t('calibration.points', { value: number });
}

/** The statistic as a cell: in the CSV file "0.62" (or why it is not a number). */
const statisticCell = (stat: Statistic, c: Pick<RowContext, 't' | 'lang'>): Cell => {
  const text = statisticText(stat, c);
  return stat.value === null ? text : { text, csv: csvNumber(stat.value, 2) };
};

/** Score points as a cell: in the CSV file "4.5" ("-4.5"), empty for none. */
const pointsCell = (value: number | null, c: Pick<RowContext, 't' | 'lang'>, signed = false) => ({
  text: pointsText(value, c, signed),
  csv: value === null ? '' : csvNumber(value, 1),
});

const answerText = (answer: Answer | null | undefined, c: Context) =>
  answer ? c.t(`qa.answer.${answer}`) : '–';

/** "3 of 5 submitted". */
export const submittedText = (session: CalibrationSession, c: Context) =>
  c.t('calibration.list.submitted', {
    done: submittedCount(session),
    total: session.participants.length,
  });

/** The sessions, newest first. */
export function sessionsTable(sessions: readonly CalibrationSession[], c: Context): Table {
  const t = c.t;
  return {
    header: [
      t('calibration.col.session'),
      t('calibration.col.callType'),
      t('calibration.col.status'),
      t('calibration.col.deadline'),
      t('calibration.col.submitted'),
      t('calibration.col.benchmarked'),
    ],
    rows: [...sessions]
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .map((s) => [
        s.title,
        callTypeName(c.pack, s.callType, c.lang),
        t(`calibration.status.${s.status}`),
        dateTimeCell(c.lang, s.deadline),
        submittedText(s, c),
        t('calibration.list.items', { count: s.benchmarked }),
      ]),
  };
}

const orderOf = (pack: StandardsPack) => {
  const order = new Map(allItems(pack).map((item, i) => [item.id, i]));
  return (id: string) => order.get(id) ?? Number.MAX_SAFE_INTEGER;
};

/**
 * The items as the reveal shows them, disagreement first: lowest percent agreement first, items
 * without two answers (no agreement to read) last, ties in the scorecard's order.
 */
export function byDisagreement(
  items: readonly ItemAgreement[],
  pack: StandardsPack,
): ItemAgreement[] {
  const order = orderOf(pack);
  const key = (i: ItemAgreement) => i.percentAgreement ?? Number.POSITIVE_INFINITY;
  return [...items].sort((a, b) => key(a) - key(b) || order(a.itemId) - order(b.itemId));
}

/** How the answers of an item split: "Yes 2 · No 1 · N/A 0", and the unanswered if any. */
export function countsText(item: ItemAgreement, c: Pick<RowContext, 't'>): string {
  const parts = [
    `${c.t('qa.answer.yes')} ${item.counts.yes}`,
    `${c.t('qa.answer.no')} ${item.counts.no}`,
    `${c.t('qa.answer.na')} ${item.counts.na}`,
  ];
  if (item.counts.missing > 0)
    parts.push(c.t('calibration.items.missing', { count: item.counts.missing }));
  return parts.join(' · ');
}

/** Each participant's answer side by side: one row per item, one column per participant. */
export function sideBySideTable(
  opened: CalibrationOpened,
  reveal: CalibrationReveal,
  c: Context,
): Table {
  const t = c.t;
  return {
    header: [
      t('calibration.col.item'),
      ...reveal.sheets.map((s) => s.name),
      t('calibration.col.agreement'),
      t('calibration.col.benchmark'),
    ],
    rows: byDisagreement(reveal.figures.items, opened.pack).map((item) => [
      itemName(opened.pack, item.itemId, c.lang, t),
      ...reveal.sheets.map((s) => answerText(s.answers[item.itemId], c)),
      shareCell(c.lang, item.percentAgreement),
      answerText(item.benchmark, c),
    ]),
  };
}

/**
 * The session's answers as a file: one row per participant and item (the scorecard's order),
 * with the item's benchmark, note and agreement.
 */
export function answersFile(
  opened: CalibrationOpened,
  reveal: CalibrationReveal,
  c: Context,
): Table {
  const t = c.t;
  const order = orderOf(opened.pack);
  const items = [...reveal.figures.items].sort((a, b) => order(a.itemId) - order(b.itemId));
  return {
    header: [
      t('calibration.col.session'),
      t('calibration.col.itemId'),
      t('calibration.col.item'),
      t('calibration.col.participant'),
      t('calibration.col.answer'),
      t('calibration.col.comment'),
      t('calibration.col.benchmark'),
      t('calibration.col.note'),
      t('calibration.col.agreement'),
    ],
    rows: items.flatMap((item) =>
      reveal.sheets.map((s) => [
        opened.session.title,
        item.itemId,
        itemName(opened.pack, item.itemId, c.lang, t),
        s.name,
        answerText(s.answers[item.itemId], c),
        s.comments[item.itemId] ?? '',
        answerText(item.benchmark, c),
        item.note,
        shareCell(c.lang, item.percentAgreement),
      ]),
    ),
  };
}

/** The session's figures, one per row. */
export function figuresTable(figures: SessionFigures, c: Context): Table {
  const t = c.t;
  const rows: Cell[][] = [
    [t('calibration.figures.raters'), String(figures.raters)],
    [t('calibration.figures.items'), String(figures.itemCount)],
    // Alpha first: the session's headline figure (missing answers and N/A handled).
    [t('calibration.figures.alpha'), statisticCell(figures.krippendorffAlpha, c)],
    [t('calibration.figures.percentAgreement'), shareCell(c.lang, figures.percentAgreement)],
    [t('calibration.figures.fleiss'), statisticCell(figures.fleissKappa, c)],
    [
      t('calibration.figures.cohen'),
      figures.cohenKappa ? statisticCell(figures.cohenKappa, c) : t('calibration.figures.onlyTwo'),
    ],
    [t('calibration.figures.spread'), pointsCell(figures.scoreSpread, c)],
    [
      t('calibration.figures.benchmarkScore'),
      figures.benchmarkScore === null
        ? t('calibration.figures.benchmarkPending')
        : percentCell(c.lang, figures.benchmarkScore),
    ],
  ];
  return { header: [t('calibration.col.figure'), t('calibration.col.value')], rows };
}

/** Each participant against the benchmark. */
export function participantsTable(figures: SessionFigures, c: Context): Table {
  const t = c.t;
  return {
    header: [
      t('calibration.col.participant'),
      t('calibration.col.score'),
      t('calibration.col.itemsOff'),
      t('calibration.col.pointsOff'),
    ],
    rows: figures.participants.map((p) => [
      p.name,
      percentCell(c.lang, p.score),
      p.itemsCompared === 0
        ? '–'
        : t('calibration.participants.off', { off: p.itemsOff, compared: p.itemsCompared }),
      pointsCell(p.scorePoints, c, true),
    ]),
  };
}

/** Agreement per revealed session, oldest first (the chart's order): the chart's table. */
export function trendSessionsTable(trends: CalibrationTrends, c: Context): Table {
  const t = c.t;
  return {
    header: [
      t('calibration.col.revealed'),
      t('calibration.col.session'),
      t('calibration.col.raters'),
      t('calibration.col.percentAgreement'),
      t('calibration.col.alpha'),
      t('calibration.col.fleiss'),
      t('calibration.col.spread'),
    ],
    rows: sessionsOverTime(trends).map((s) => [
      dateCell(c.lang, s.revealedAt),
      t('calibration.trends.sessionVersion', { title: s.title, version: s.packVersion }),
      String(s.raters),
      shareCell(c.lang, s.percentAgreement),
      statisticCell(s.krippendorffAlpha, c),
      statisticCell(s.fleissKappa, c),
      pointsCell(s.scoreSpread, c),
    ]),
  };
}

export const sessionsOverTime = (trends: CalibrationTrends) =>
  [...trends.sessions].sort((a, b) => a.revealedAt.localeCompare(b.revealedAt));

const lowFirst = (a: number | null, b: number | null) =>
  (a ?? Number.POSITIVE_INFINITY) - (b ?? Number.POSITIVE_INFINITY);

/** Items over the sessions: those flagged as wording to fix first, then the least agreed. */
export function trendItemsTable(trends: CalibrationTrends, c: Context): Table {
  const t = c.t;
  const items = [...trends.items].sort(
    (a, b) =>
      Number(b.flagged) - Number(a.flagged) || lowFirst(a.percentAgreement, b.percentAgreement),
  );
  return {
    header: [
      t('calibration.col.item'),
      t('calibration.col.sessions'),
      t('calibration.col.percentAgreement'),
      t('calibration.col.alpha'),
      t('calibration.col.flag'),
    ],
    rows: items.map((i) => [
      itemName(c.pack, i.itemId, c.lang, t),
      String(i.sessions),
      shareCell(c.lang, i.percentAgreement),
      statisticCell(i.krippendorffAlpha, c),
      i.flagged ? t('calibration.trends.wording') : '–',
    ]),
  };
}

/** Evaluators against the benchmarks: those flagged for coaching first, then the furthest off. */
export function trendEvaluatorsTable(trends: CalibrationTrends, c: Context): Table {
  const t = c.t;
  const evaluators = [...trends.evaluators].sort(
    (a, b) =>
      Number(b.flagged) - Number(a.flagged) ||
      lowFirst(a.benchmarkAgreement, b.benchmarkAgreement) ||
      a.name.localeCompare(b.name),
  );
  return {
    header: [
      t('calibration.col.evaluator'),
      t('calibration.col.sessions'),
      t('calibration.col.itemsCompared'),
      t('calibration.col.benchmarkAgreement'),
      t('calibration.col.kappaBenchmark'),
      t('calibration.col.deviation'),
      t('calibration.col.bias'),
      t('calibration.col.flag'),
    ],
    rows: evaluators.map((e) => [
      e.name,
      String(e.sessions),
      String(e.itemsCompared),
      shareCell(c.lang, e.benchmarkAgreement),
      statisticCell(e.kappaWithBenchmark, c),
      pointsCell(e.meanScoreDeviation, c),
      pointsCell(e.meanScoreBias, c, true),
      e.flagged ? t('calibration.trends.coach') : '–',
    ]),
  };
}

/** The calls a facilitator picks from, newest first: agent, team, type, time, length, recording. */
export function callsTable(calls: CalibrationSetup['calls'], c: Context): Table {
  const t = c.t;
  return {
    header: [
      t('calibration.col.agent'),
      t('calibration.col.team'),
      t('calibration.col.callType'),
      t('calibration.col.call'),
      t('calibration.col.duration'),
      t('calibration.col.recording'),
      t('calibration.col.calibrated'),
    ],
    rows: newestCalls(calls).map((call) => [
      call.agentName,
      call.teamName ?? '–',
      callTypeName(c.pack, call.callType, c.lang),
      dateTimeCell(c.lang, call.startedAt),
      call.durationMs === null ? '–' : formatDuration(call.durationMs),
      call.hasRecording ? t('qa.answer.yes') : t('qa.answer.no'),
      call.sessions === 0
        ? t('calibration.create.never')
        : t('calibration.create.times', { count: call.sessions }),
    ]),
  };
}

export const newestCalls = (calls: CalibrationSetup['calls']) =>
  [...calls].sort((a, b) => b.startedAt.localeCompare(a.startedAt));

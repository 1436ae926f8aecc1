import type { TFunction } from 'i18next';
import {
  allItems,
  PLAN_WARNING_CODES,
  localize,
  type Caller,
  type CallerProfile,
  type MysteryAssignment,
  type MysteryCell,
  type MysteryOpened,
  type MysteryReport,
  type MysteryResults,
  type PlanWarning,
  type Programme,
  type Quota,
  type StandardsPack,
  type Wave,
  type WavePlan,
  type WaveComparison,
} from '@sidecoach/shared';
import { callTypeName, clockTime, decimal, scorePercent, shortDateTime } from '../../lib/format.js';
import { dayCell, dayOf, shareOf, type Table } from '../qa/rows.js';
import { csvNumber, csvPercent, csvShare, numberCell, timeCell } from '../../ui/machine.js';
import { ratingLabel } from './programme-form.js';

// Every table of the mystery-call screens as a header and rows of cells: shown in the UI's
// language, in the CSV file with dates and numbers as their machine values (qa/rows.ts's
// cells); both are tested.

export type { Table };

/** What the rows are written with: the UI's strings and language, the pack, the teams' names. */
export interface MysteryContext {
  t: TFunction;
  lang: string;
  pack: StandardsPack | null;
  teamNames: Readonly<Record<string, string>>;
}

const dash = '–';
export const percentText = (lang: string, v: number | null | undefined) =>
  v === null || v === undefined ? dash : scorePercent(v, lang);
export const shareText = (lang: string, v: number | null | undefined) =>
  v === null || v === undefined ? dash : shareOf(lang, v);
const count = (lang: string, n: number) => new Intl.NumberFormat(lang).format(n);

// The same as table cells (the CSV file: 1234, 82.5%, 25%).
const countCell = (lang: string, n: number) => numberCell(n, count(lang, n));
const percentCell = (lang: string, v: number | null | undefined) =>
  numberCell(v ?? null, percentText(lang, v), csvPercent);
const shareCell = (lang: string, v: number | null | undefined) =>
  numberCell(v ?? null, shareText(lang, v), csvShare);
const decimalCell = (lang: string, v: number | null) =>
  numberCell(v, v === null ? dash : decimal(v, lang, 1), (x) => csvNumber(x, 1));

/** A language tag by its name in the UI language ("Latvian", Latvian "latviešu"). */
export function languageName(tag: string, lang: string): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** An item's words in the UI language (its id when the pack lacks it). */
export function itemText(pack: StandardsPack | null, id: string, lang: string): string {
  const item = pack ? allItems(pack).find((i) => i.id === id) : undefined;
  return item ? localize(item.text, lang) : id;
}

export const teamName = (c: MysteryContext, id: string | null) =>
  id === null ? dash : (c.teamNames[id] ?? id);

/** The days a wave runs, as the UI writes dates. */
export const waveDates = (lang: string, w: Pick<Wave, 'from' | 'to'>) =>
  `${dayOf(lang, w.from)} – ${dayOf(lang, w.to)}`;

/** What a profile asks for or a caller is ("London, 30-44, English"); `any` when nothing. */
export function profileText(
  profile: Partial<CallerProfile>,
  c: Pick<MysteryContext, 't' | 'lang'>,
) {
  const parts = [
    profile.region,
    profile.ageBand,
    profile.language ? languageName(profile.language, c.lang) : undefined,
  ].filter((p): p is string => p !== undefined && p !== '');
  return parts.length > 0 ? parts.join(', ') : c.t('mystery.profile.any');
}

// ---- programmes, waves, callers ----

export function programmesTable(programmes: readonly Programme[], c: MysteryContext): Table {
  const t = c.t;
  return {
    header: [
      t('mystery.col.programme'),
      t('mystery.col.objective'),
      t('mystery.col.version'),
      t('mystery.col.items'),
      t('mystery.col.target'),
      t('mystery.col.waves'),
      t('mystery.col.status'),
    ],
    rows: programmes.map((p) => [
      p.name,
      p.objective === 'competitor' && p.competitor
        ? t('mystery.objective.competitorNamed', { name: p.competitor })
        : t(`mystery.objective.${p.objective}`),
      String(p.packVersion),
      countCell(c.lang, p.itemIds.length),
      percentCell(c.lang, p.target),
      countCell(c.lang, p.waves),
      p.active ? t('mystery.programme.active') : t('mystery.programme.inactive'),
    ]),
  };
}

/** How far a wave is: "12 approved of 40", and what waits. */
export function waveProgress(w: Wave, c: Pick<MysteryContext, 't' | 'lang'>): string {
  const { open, claimed, reported, approved, rejected } = w.counts;
  if (w.status === 'draft') return c.t('mystery.wave.notLaunched');
  return c.t('mystery.wave.progress', {
    approved: count(c.lang, approved),
    calls: count(c.lang, w.calls),
    reported: count(c.lang, reported),
    open: count(c.lang, open + claimed),
    rejected: count(c.lang, rejected),
  });
}

export function wavesTable(waves: readonly Wave[], c: MysteryContext): Table {
  const t = c.t;
  return {
    header: [
      t('mystery.col.wave'),
      t('mystery.col.dates'),
      t('mystery.col.teams'),
      t('mystery.col.calls'),
      t('mystery.col.status'),
      t('mystery.col.progress'),
      t('mystery.col.released'),
    ],
    rows: waves.map((w) => [
      w.name,
      waveDates(c.lang, w),
      w.teamIds.map((id) => teamName(c, id)).join(', '),
      countCell(c.lang, w.calls),
      t(`mystery.waveStatus.${w.status}`),
      waveProgress(w, c),
      w.resultsReleasedAt ? dayCell(c.lang, w.resultsReleasedAt.slice(0, 10)) : dash,
    ]),
  };
}

export function callersTable(callers: readonly Caller[], c: MysteryContext): Table {
  const t = c.t;
  return {
    header: [
      t('mystery.col.caller'),
      t('mystery.col.username'),
      t('mystery.col.profile'),
      t('mystery.col.phones'),
      t('mystery.col.approved'),
      t('mystery.col.meanGrade'),
      t('mystery.col.status'),
    ],
    rows: callers.map((k) => [
      k.displayName,
      k.username,
      profileText(k.profile, c),
      k.phones.join(', '),
      countCell(c.lang, k.approved),
      decimalCell(c.lang, k.meanGrade),
      k.disabled ? t('mystery.caller.off') : t('mystery.caller.on'),
    ]),
  };
}

// ---- the sampling plan ----

export const PLAN_DIMENSIONS = [
  'byTeam',
  'byCallType',
  'byDayPart',
  'byWeekPart',
  'byRegion',
  'byAgeBand',
  'byLanguage',
] as const;
export type PlanDimension = (typeof PLAN_DIMENSIONS)[number];

/** The name of a quota's (or a results cell's) key in its dimension. */
export function keyName(dimension: PlanDimension, key: string, c: MysteryContext): string {
  switch (dimension) {
    case 'byTeam':
      return teamName(c, key);
    case 'byCallType':
      return callTypeName(c.pack, key, c.lang);
    case 'byDayPart':
      return c.t(`mystery.dayPart.${key as 'morning'}`, { defaultValue: key });
    case 'byWeekPart':
      return c.t(`mystery.weekPart.${key as 'weekday'}`, { defaultValue: key });
    case 'byLanguage':
      return languageName(key, c.lang);
    default:
      return key;
  }
}

/** One dimension of the plan: each kind of call, how many, and the share it comes from. */
export function quotaTable(
  dimension: PlanDimension,
  quotas: readonly Quota[],
  c: MysteryContext,
): Table {
  const t = c.t;
  return {
    header: [
      t(`mystery.plan.dimension.${dimension}`),
      t('mystery.col.calls'),
      t('mystery.col.share'),
    ],
    rows: quotas.map((q) => [
      keyName(dimension, q.key, c),
      countCell(c.lang, q.calls),
      shareCell(c.lang, q.share),
    ]),
  };
}

/**
 * A plan warning in the UI's words, its figures in the UI's language (the hub's English
 * sentence for a code this sidebar has no words for).
 */
export function planWarningText(w: PlanWarning, c: MysteryContext): string {
  if (!PLAN_WARNING_CODES.includes(w.code)) return w.text;
  const p = w.params;
  const values: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(p)) values[k] = typeof v === 'number' ? count(c.lang, v) : v;
  if (typeof p.callType === 'string') values.callType = callTypeName(c.pack, p.callType, c.lang);
  if (typeof p.share === 'number') values.share = shareText(c.lang, p.share);
  if (typeof p.confidence === 'number') values.confidence = shareText(c.lang, p.confidence);
  if (typeof p.margin === 'number')
    values.margin = new Intl.NumberFormat(c.lang, {
      style: 'percent',
      maximumFractionDigits: 1,
    }).format(p.margin);
  if (typeof p.dayPart === 'string')
    values.when = c.t(`mystery.plan.when.${p.dayPart as 'morning'}`, { defaultValue: p.dayPart });
  // The plural forms follow the first figure of the sentence.
  if (typeof p.left === 'number') values.count = p.left;
  return c.t(`mystery.plan.warning.${w.code}`, values);
}

/** The dimensions the plan has quotas on (a profile dimension the wave does not set has none). */
export const planDimensions = (plan: WavePlan) => PLAN_DIMENSIONS.filter((d) => plan[d].length > 0);

/** The sample size line: enough calls for the confidence and margin, or how many short. */
export function sampleSizeText(
  plan: Pick<WavePlan, 'calls' | 'sampleSizeNeeded' | 'population'>,
  wave: { confidence: number; margin: number },
  c: Pick<MysteryContext, 't' | 'lang'>,
): { ok: boolean; text: string } {
  const values = {
    needed: count(c.lang, plan.sampleSizeNeeded),
    calls: count(c.lang, plan.calls),
    confidence: shareText(c.lang, wave.confidence),
    margin: new Intl.NumberFormat(c.lang, { style: 'percent', maximumFractionDigits: 1 }).format(
      wave.margin,
    ),
    population: count(c.lang, plan.population),
  };
  const ok = plan.calls >= plan.sampleSizeNeeded;
  return {
    ok,
    text: ok ? c.t('mystery.plan.enough', values) : c.t('mystery.plan.short', values),
  };
}

// ---- assignments and reports ----

/** A call's time window: "Nov 25, 09:00 – 10:30". */
export function windowText(a: Pick<MysteryAssignment, 'windowFrom' | 'windowTo'>, lang: string) {
  return `${shortDateTime(lang).format(new Date(a.windowFrom))} – ${clockTime(lang).format(new Date(a.windowTo))}`;
}

export function assignmentsTable(
  assignments: readonly MysteryAssignment[],
  c: MysteryContext,
): Table {
  const t = c.t;
  return {
    header: [
      t('mystery.col.window'),
      t('mystery.col.dayPart'),
      t('mystery.col.team'),
      t('mystery.col.scenario'),
      t('mystery.col.profile'),
      t('mystery.col.caller'),
      t('mystery.col.status'),
    ],
    rows: assignments.map((a) => [
      windowText(a, c.lang),
      `${keyName('byDayPart', a.dayPart, c)}${a.weekend ? `, ${t('mystery.weekPart.weekend')}` : ''}`,
      a.teamName ?? teamName(c, a.teamId),
      `${a.scenario.title} (${callTypeName(c.pack, a.scenario.callType, c.lang)})`,
      profileText(a.profile, c),
      a.callerName ?? dash,
      t(`mystery.status.${a.status}`),
    ]),
  };
}

/** The assignments shown under the filters (status, team). */
export function filterAssignments(
  list: readonly MysteryAssignment[],
  status: string,
  teamId: string,
): MysteryAssignment[] {
  return list.filter((a) => (!status || a.status === status) && (!teamId || a.teamId === teamId));
}

/** Who the report's call was matched to, in words. */
export function matchText(report: Pick<MysteryReport, 'match'>, c: Pick<MysteryContext, 't'>) {
  const m = report.match;
  if (m.method === 'none' || m.agentName === null) return c.t('mystery.match.none');
  return c.t(m.method === 'manual' ? 'mystery.match.manual' : 'mystery.match.number', {
    name: m.agentName,
  });
}

export function reviewsTable(
  reports: readonly MysteryReport[],
  waveNames: Readonly<Record<string, string>>,
  c: MysteryContext,
): Table {
  const t = c.t;
  return {
    header: [
      t('mystery.col.calledAt'),
      t('mystery.col.wave'),
      t('mystery.col.caller'),
      t('mystery.col.match'),
      t('mystery.col.score'),
      t('mystery.col.flags'),
    ],
    rows: reports.map((r) => [
      timeCell(r.calledAt, shortDateTime(c.lang).format(new Date(r.calledAt))),
      waveNames[r.waveId] ?? r.waveId,
      r.callerName,
      matchText(r, c),
      percentCell(c.lang, r.score?.percent),
      [
        r.overAgentLimit ? t('mystery.review.overLimitShort') : '',
        r.reply ? t('mystery.review.repliedShort') : '',
      ]
        .filter(Boolean)
        .join('; '),
    ]),
  };
}

/** The caller's questionnaire: each item asked, the answer, the comment. */
export function answersTable(
  report: Pick<MysteryReport, 'answers' | 'comments'>,
  itemIds: readonly string[],
  pack: StandardsPack | null,
  c: Pick<MysteryContext, 't' | 'lang'>,
): Table {
  const t = c.t;
  return {
    header: [t('mystery.col.item'), t('mystery.col.answer'), t('mystery.col.comment')],
    rows: itemIds
      .filter((id) => report.answers[id] !== undefined || report.comments[id])
      .map((id) => {
        const a = report.answers[id];
        return [
          itemText(pack, id, c.lang),
          a ? t(`qa.answer.${a}`) : t('mystery.review.notInPlay'),
          report.comments[id] ?? '',
        ];
      }),
  };
}

/** The caller's ratings, each with its question in the UI language. */
export function ratingsGivenTable(
  opened: Pick<MysteryOpened, 'programme' | 'report'>,
  c: Pick<MysteryContext, 't' | 'lang'>,
): Table {
  const given = opened.report?.ratings ?? {};
  return {
    header: [c.t('mystery.col.rating'), c.t('mystery.col.given')],
    rows: opened.programme.ratings
      .filter((r) => given[r.id] !== undefined)
      .map((r) => [ratingLabel(r.label, r.id, c.lang), `${given[r.id]} / 5`]),
  };
}

// ---- results ----

type CellName = (cell: MysteryCell) => string;

/** A breakdown of the results: each cell's calls, score and pass rate. */
export function cellsTable(
  cells: readonly MysteryCell[],
  head: string,
  name: CellName,
  c: MysteryContext,
  passRate = true,
): Table {
  const t = c.t;
  return {
    header: [
      head,
      t('mystery.col.calls'),
      t('mystery.col.score'),
      ...(passRate ? [t('mystery.col.passRate')] : []),
    ],
    rows: cells.map((cell) => [
      name(cell),
      countCell(c.lang, cell.calls),
      percentCell(c.lang, cell.score),
      ...(passRate ? [shareCell(c.lang, cell.passRate)] : []),
    ]),
  };
}

/** The wave's headline figures, one a row. */
export function summaryTable(r: MysteryResults, c: MysteryContext): Table {
  const t = c.t;
  const gap = r.score === null ? null : Math.round((r.score - r.target) * 10) / 10;
  return {
    header: [t('mystery.col.figure'), t('mystery.col.value')],
    rows: [
      [t('mystery.results.callsCounted'), countCell(c.lang, r.calls)],
      [t('mystery.results.score'), percentCell(c.lang, r.score)],
      [t('mystery.results.target'), percentCell(c.lang, r.target)],
      [
        t('mystery.results.againstTarget'),
        gap === null
          ? dash
          : t(gap >= 0 ? 'mystery.results.above' : 'mystery.results.below', {
              points: decimal(Math.abs(gap), c.lang, 1),
            }),
      ],
      [t('mystery.results.passRate'), shareCell(c.lang, r.passRate)],
    ],
  };
}

export function sectionsTable(r: MysteryResults, c: MysteryContext): Table {
  return cellsTable(
    r.bySection,
    c.t('mystery.col.section'),
    (cell) => c.t(`areas.${cell.key as 'process'}`),
    c,
  );
}

/** Each item: how many calls answered it yes or no, the yes share, and whether to train it. */
export function itemsTable(r: MysteryResults, c: MysteryContext): Table {
  const t = c.t;
  return {
    header: [
      t('mystery.col.item'),
      t('mystery.col.calls'),
      t('mystery.col.yesShare'),
      t('mystery.col.action'),
    ],
    rows: r.byItem.map((cell) => [
      cell.name || itemText(c.pack, cell.key, c.lang),
      countCell(c.lang, cell.calls),
      shareCell(c.lang, cell.yesShare),
      r.toTrain.includes(cell.key) ? t('mystery.results.trainYes') : '',
    ]),
  };
}

/** The league of agents (own waves): rank, agent, team, calls, score, pass rate. */
export function leagueTable(r: MysteryResults, c: MysteryContext): Table {
  const t = c.t;
  return {
    header: [
      t('mystery.col.rank'),
      t('mystery.col.agent'),
      t('mystery.col.team'),
      t('mystery.col.calls'),
      t('mystery.col.score'),
      t('mystery.col.passRate'),
      t('mystery.col.action'),
    ],
    rows: r.byAgent.map((cell, i) => [
      countCell(c.lang, i + 1),
      cell.name,
      cell.teamName ?? dash,
      countCell(c.lang, cell.calls),
      percentCell(c.lang, cell.score),
      shareCell(c.lang, cell.passRate),
      r.toRecognise.includes(cell.key) ? t('mystery.results.recogniseYes') : '',
    ]),
  };
}

/** The other breakdowns, each titled: team, call type, day part, week part, profile. */
export const BREAKDOWNS = [
  'byTeam',
  'byCallType',
  'byDayPart',
  'byWeekPart',
  'byRegion',
  'byAgeBand',
  'byLanguage',
] as const satisfies readonly PlanDimension[];

export function breakdownTable(
  dimension: PlanDimension,
  r: MysteryResults,
  c: MysteryContext,
): Table {
  return cellsTable(
    r[dimension],
    c.t(`mystery.plan.dimension.${dimension}`),
    (cell) =>
      dimension === 'byTeam' || dimension === 'byRegion'
        ? cell.name
        : keyName(dimension, cell.key, c),
    c,
  );
}

export function ratingsTable(r: MysteryResults, c: MysteryContext): Table {
  const t = c.t;
  return {
    header: [t('mystery.col.rating'), t('mystery.col.mean'), t('mystery.col.answers')],
    rows: r.ratings.map((x) => {
      const rating = r.programme.ratings.find((p) => p.id === x.id);
      return [
        rating ? ratingLabel(rating.label, x.id, c.lang) : x.id,
        decimalCell(c.lang, x.mean),
        countCell(c.lang, x.answers),
      ];
    }),
  };
}

export function competitorsTable(r: MysteryResults, c: MysteryContext): Table {
  const t = c.t;
  return {
    header: [
      t('mystery.col.competitor'),
      t('mystery.col.programme'),
      t('mystery.col.wave'),
      t('mystery.col.calls'),
      t('mystery.col.score'),
    ],
    rows: r.competitors.map((x) => [
      x.competitor,
      x.programmeName,
      x.waveName,
      countCell(c.lang, x.calls),
      percentCell(c.lang, x.score),
    ]),
  };
}

/** A p-value as read, to two significant digits ("0.012", "0.41", "< 0.001"). */
export function pText(p: number, lang: string): string {
  if (p < 0.001) return `< ${decimal(0.001, lang, 3)}`;
  return new Intl.NumberFormat(lang, { maximumSignificantDigits: 2 }).format(p);
}

/**
 * The change in points: the hub's (from the unrounded means), or, when it had too few calls
 * to compare them, the difference of the two scores as shown.
 */
function changeOf(cmp: WaveComparison, score: number | null): number | null {
  if (cmp.change !== null) return cmp.change;
  if (cmp.previousScore === null || score === null) return null;
  return Math.round((score - cmp.previousScore) * 10) / 10;
}

/** Wave over wave in words: the change, and whether it is more than chance alone would give. */
export function comparisonText(
  cmp: WaveComparison,
  score: number | null,
  c: Pick<MysteryContext, 't' | 'lang'>,
): string {
  const values = {
    previous: cmp.previousName,
    before: percentText(c.lang, cmp.previousScore),
    now: percentText(c.lang, score),
  };
  const change = changeOf(cmp, score);
  if (change === null) return c.t('mystery.results.compareNone', values);
  const moved = c.t(
    change > 0
      ? 'mystery.results.up'
      : change < 0
        ? 'mystery.results.down'
        : 'mystery.results.same',
    { ...values, points: decimal(Math.abs(change), c.lang, 1) },
  );
  if (cmp.pValue === null) return `${moved} ${c.t('mystery.results.tooFew')}`;
  const p = pText(cmp.pValue, c.lang);
  return `${moved} ${c.t(cmp.significant ? 'mystery.results.beyondChance' : 'mystery.results.withinChance', { p })}`;
}

/** The comparison as a table too (its CSV). */
export function comparisonTable(r: MysteryResults, c: MysteryContext): Table {
  const t = c.t;
  const cmp = r.comparison;
  if (!cmp) return { header: [], rows: [] };
  const change = changeOf(cmp, r.score);
  return {
    header: [
      t('mystery.col.wave'),
      t('mystery.col.score'),
      t('mystery.col.change'),
      t('mystery.col.pValue'),
      t('mystery.col.verdict'),
    ],
    rows: [
      [cmp.previousName, percentCell(c.lang, cmp.previousScore), '', '', ''],
      [
        r.wave.name,
        percentCell(c.lang, r.score),
        change === null
          ? dash
          : `${change > 0 ? '+' : change < 0 ? '−' : '±'}${decimal(Math.abs(change), c.lang, 1)}`,
        cmp.pValue === null ? dash : pText(cmp.pValue, c.lang),
        cmp.pValue === null
          ? t('mystery.results.verdictTooFew')
          : t(cmp.significant ? 'mystery.results.verdictReal' : 'mystery.results.verdictChance'),
      ],
    ],
  };
}

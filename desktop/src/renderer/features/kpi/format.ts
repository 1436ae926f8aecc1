import {
  KPI_BETTER,
  type KpiFigures,
  type KpiId,
  type KpiPeriod,
  type KpiTargets,
} from '@sidecoach/shared';
import { KPI_UNIT, meetsTarget } from '@sidecoach/shared';
import { decimal, scorePercent } from '../../lib/format.js';
import { formatOffset } from '../../lib/time.js';

// KPI figures as the screens show them, in the UI language: times as m:ss, shares as per cents,
// counts as numbers, quality scores as the scorecard writes them. Targets are in the figure's
// unit except times (seconds, where figures are ms). Pure: the tests read them directly.

/** A figure in its unit; a dash where there was nothing to count. */
export function formatFigure(kpi: KpiId, value: number | null, lang: string): string {
  if (value === null || !Number.isFinite(value)) return '–';
  switch (KPI_UNIT[kpi]) {
    case 'ms':
      return formatOffset(Math.round(value / 1000) * 1000);
    case 'share':
      return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(
        value,
      );
    case 'percent':
      return scorePercent(value, lang);
    case 'count':
      return new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(value);
  }
}

/** The mean CSAT answer (1-5), the labelled second figure beside CSAT: one decimal. */
export const formatMean = (value: number | null, lang: string) =>
  value === null ? '–' : decimal(value, lang, 1);

/** A target in the figure's unit (a time target is seconds). */
export function formatTarget(kpi: KpiId, target: number, lang: string): string {
  return formatFigure(kpi, KPI_UNIT[kpi] === 'ms' ? target * 1000 : target, lang);
}

/** "≥ 80%" or "≤ 4:30": the target with the way the KPI is better. */
export function targetWithSign(kpi: KpiId, target: number, lang: string): string {
  return `${KPI_BETTER[kpi] === 'higher' ? '≥' : '≤'} ${formatTarget(kpi, target, lang)}`;
}

/** Counts (calls answered, complaints) have targets per period: read against the average. */
export const isCount = (kpi: KpiId) => KPI_UNIT[kpi] === 'count';

/**
 * The value a target is read against: the figure, or for a count over several buckets its
 * average per bucket (a target of 150 calls a week over 8 weeks is 150 a week, not 150 in all).
 */
export function comparable(kpi: KpiId, value: number | null, buckets: number): number | null {
  if (value === null || !isCount(kpi) || buckets <= 1) return value;
  return value / buckets;
}

export type TargetStatus = 'met' | 'missed' | 'none';

/** Whether the figure meets the team's target ('none': no target, or nothing to count). */
export function targetStatus(
  kpi: KpiId,
  figures: KpiFigures,
  targets: KpiTargets,
  buckets = 1,
): TargetStatus {
  const met = meetsTarget(kpi, comparable(kpi, figures[kpi], buckets), targets[kpi]);
  return met === null ? 'none' : met ? 'met' : 'missed';
}

/** A bucket's name in the trend: a day, a week by its Monday, a month. */
export function bucketLabel(bucket: string, period: KpiPeriod, lang: string): string {
  const date = new Date(`${bucket}T12:00:00Z`);
  const options: Intl.DateTimeFormatOptions =
    period === 'month'
      ? { month: 'short', year: 'numeric', timeZone: 'UTC' }
      : { month: 'short', day: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(lang, options).format(date);
}

/** A range of days, short: "3 Mar – 9 Mar 2026" as the locale writes it. */
export function daysLabel(from: string, to: string, lang: string): string {
  const format = new Intl.DateTimeFormat(lang, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });
  const a = new Date(`${from}T12:00:00Z`);
  return from === to ? format.format(a) : format.formatRange(a, new Date(`${to}T12:00:00Z`));
}

/** A target as typed in the settings, back in the KPI's unit (null: no target; NaN: not a number). */
export function targetFromInput(kpi: KpiId, text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  if (KPI_UNIT[kpi] === 'ms') {
    // Seconds, or m:ss as the screens show times.
    const clock = /^(\d+):([0-5]\d)$/.exec(trimmed);
    if (clock) return Number(clock[1]) * 60 + Number(clock[2]);
  }
  const n = Number(trimmed);
  if (!Number.isFinite(n) || !/^\d+(\.\d+)?$/.test(trimmed)) return Number.NaN;
  return KPI_UNIT[kpi] === 'share' ? n / 100 : n;
}

/** A target as the settings field shows it: m:ss, a per cent, a number. */
export function targetToInput(kpi: KpiId, target: number | undefined): string {
  if (target === undefined) return '';
  switch (KPI_UNIT[kpi]) {
    case 'ms':
      return formatOffset(target * 1000);
    case 'share':
      return String(Math.round(target * 1000) / 10);
    default:
      return String(target);
  }
}

import { useTranslation } from 'react-i18next';
import type { KpiId, KpiPeriod, KpiRow, KpiSettings, KpiTargets } from '@sidecoach/shared';
import {
  comparable,
  formatFigure,
  formatMean,
  isCount,
  targetStatus,
  targetWithSign,
  type TargetStatus,
} from './format.js';
import { shownKpis } from './kpis.js';

const MARK: Record<TargetStatus, string> = { met: '✓', missed: '✗', none: '' };

/** The target line of a figure: met or missed (a mark and a word, never colour alone). */
export function TargetLine({
  kpi,
  status,
  target,
}: {
  kpi: KpiId;
  status: TargetStatus;
  target: number | undefined;
}) {
  const { t, i18n } = useTranslation();
  if (target === undefined) return <span className="kpi-target none">{t('kpi.target.none')}</span>;
  const text = targetWithSign(kpi, target, i18n.language);
  return (
    <span className={`kpi-target ${status}`}>
      {status === 'none' ? null : <span aria-hidden="true">{MARK[status]} </span>}
      {status === 'met'
        ? t('kpi.target.met', { target: text })
        : status === 'missed'
          ? t('kpi.target.missed', { target: text })
          : t('kpi.target.set', { target: text })}
    </span>
  );
}

/** How the figure is counted, where the team's settings decide it. */
export function KpiNote({
  kpi,
  settings,
  provisionalFrom,
}: {
  kpi: KpiId;
  settings: Pick<KpiSettings, 'fcrDays' | 'shortAbandonSeconds' | 'serviceLevelSeconds'>;
  provisionalFrom: string | null;
}) {
  const { t, i18n } = useTranslation();
  const s = settings;
  switch (kpi) {
    case 'abandonment':
      return s.shortAbandonSeconds > 0
        ? t('kpi.note.abandonment', { seconds: s.shortAbandonSeconds })
        : t('kpi.note.abandonmentAll');
    case 'serviceLevel':
      return t('kpi.note.serviceLevel', {
        seconds: s.serviceLevelSeconds,
        short: s.shortAbandonSeconds,
      });
    case 'fcr': {
      const window = t('kpi.note.fcr', { count: s.fcrDays });
      if (!provisionalFrom) return window;
      const date = new Intl.DateTimeFormat(i18n.language, {
        month: 'short',
        day: 'numeric',
        timeZone: 'UTC',
      }).format(new Date(`${provisionalFrom}T12:00:00Z`));
      return `${window} ${t('kpi.note.fcrProvisional', { date })}`;
    }
    default:
      return t(`kpi.note.${kpi}`);
  }
}

/**
 * The KPI tiles: each figure in its unit, its target and whether it is met, how it is counted
 * where a team setting decides, and (with `onDrill`) a button opening the calls behind it.
 * Counts over several buckets also show their average per bucket, which their target is for.
 */
export function KpiTiles({
  row,
  kpis,
  settings,
  targets,
  period,
  buckets,
  provisionalFrom,
  onDrill,
  label,
  testId,
}: {
  row: KpiRow;
  kpis: readonly KpiId[];
  settings: Pick<KpiSettings, 'fcrDays' | 'shortAbandonSeconds' | 'serviceLevelSeconds'>;
  targets: KpiTargets;
  period: KpiPeriod;
  buckets: number;
  provisionalFrom: string | null;
  onDrill?: (kpi: KpiId) => void;
  label: string;
  testId: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <ul className="kpi-tiles" aria-label={label} data-testid={testId}>
      {shownKpis(kpis, row).map((kpi) => {
        const value = row.figures[kpi];
        const status = targetStatus(kpi, row.figures, targets, buckets);
        const average = isCount(kpi) && buckets > 1 ? comparable(kpi, value, buckets) : null;
        const body = (
          <>
            <span className="kpi-tile-name">{t(`kpi.names.${kpi}`)}</span>
            <span className="kpi-tile-value">{formatFigure(kpi, value, lang)}</span>
            {kpi === 'csat' ? (
              <span className="kpi-tile-second">
                {t('kpi.csatMean', { mean: formatMean(row.figures.csatMean, lang) })}
              </span>
            ) : null}
            {average !== null ? (
              <span className="kpi-tile-second">
                {t(`kpi.perPeriod.${period}`, { value: formatFigure(kpi, average, lang) })}
              </span>
            ) : null}
            <TargetLine kpi={kpi} status={status} target={targets[kpi]} />
            <span className="kpi-tile-note">
              <KpiNote kpi={kpi} settings={settings} provisionalFrom={provisionalFrom} />
            </span>
          </>
        );
        return (
          <li key={kpi} className={`kpi-tile ${status}`} data-kpi={kpi}>
            {onDrill ? (
              <button type="button" className="kpi-tile-body" onClick={() => onDrill(kpi)}>
                {body}
                <span className="kpi-tile-drill">{t('kpi.tileDrill')}</span>
              </button>
            ) : (
              <div className="kpi-tile-body">{body}</div>
            )}
          </li>
        );
      })}
    </ul>
  );
}

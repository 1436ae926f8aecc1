import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { KPI_PERIODS, type KpiId, type KpiMine } from '@sidecoach/shared';
import { isNetworkMessage } from '../../hub/errors.js';
import { daysLabel, formatFigure, formatMean, targetStatus } from './format.js';
import { AGENT_KPIS, shownKpis } from './kpis.js';
import { loadMyFigures, toggleMyFigures, useMyFigures } from './mine-store.js';
import { TargetLine } from './Tiles.js';
import './kpi.css';

/** The figures the closed section names in one line. */
const HEADLINE: readonly KpiId[] = ['answered', 'aht', 'csat'];

/**
 * The agent's own figures, low in the sidebar: one line while closed, and opened the table of
 * their figures beside the team's and the targets, for today, this week (the default) or this
 * month. Only agents whose team shows them scores get here (mine-lazy.tsx).
 */
export default function MyFigures() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const id = useId();
  const { period, status, error, data, expanded } = useMyFigures();
  useEffect(() => {
    if (useMyFigures.getState().status === 'idle') void loadMyFigures();
  }, []);
  if (status === 'idle') return null;
  // Offline: the header says so already.
  if (status === 'failed' && isNetworkMessage(error)) return null;
  const headline = data
    ? HEADLINE.map(
        (k) => `${t(`kpi.short.${k}`)} ${formatFigure(k, data.mine.figures[k], lang)}`,
      ).join(' · ')
    : null;
  return (
    <section className="history my-figures" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        <button
          type="button"
          className="link my-figures-toggle"
          aria-expanded={expanded}
          aria-controls={`${id}-body`}
          onClick={toggleMyFigures}
        >
          <span aria-hidden="true">{expanded ? '▾' : '▸'} </span>
          {t('kpi.mine.title')}
        </button>
      </h2>
      {headline ? (
        <p className="small muted my-figures-line" data-testid="my-figures-summary">
          {t(`kpi.mine.headline.${period}`, { figures: headline })}
        </p>
      ) : null}
      {status === 'failed' && error ? (
        <p className="error small" role="alert">
          {t(error.key, error.values)}
        </p>
      ) : null}
      {expanded ? (
        <div id={`${id}-body`} className="my-figures-body">
          <div className="segmented" role="radiogroup" aria-label={t('kpi.mine.period')}>
            {KPI_PERIODS.map((p) => (
              <label key={p} className={period === p ? 'on' : undefined}>
                <input
                  type="radio"
                  name={`${id}-period`}
                  checked={period === p}
                  onChange={() => void loadMyFigures(p)}
                />
                {t(`kpi.mine.periods.${p}`)}
              </label>
            ))}
          </div>
          {status === 'loading' && !data ? (
            <p className="muted small">{t('kpi.loadingFigures')}</p>
          ) : null}
          {data ? <MineTable data={data} /> : null}
        </div>
      ) : null}
    </section>
  );
}

function MineTable({ data }: { data: KpiMine }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <>
      <table className="stats-table my-figures-table" data-testid="my-figures">
        <caption className="visually-hidden">
          {t('kpi.mine.caption', { days: daysLabel(data.from, data.to, lang) })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('kpi.mine.figure')}</th>
            <th scope="col">{t('kpi.mine.me')}</th>
            <th scope="col">{t('kpi.mine.team')}</th>
          </tr>
        </thead>
        <tbody>
          {shownKpis(AGENT_KPIS, data.mine).map((k) => (
            <tr key={k}>
              <th scope="row">
                {t(`kpi.names.${k}`)}
                {k === 'csat' ? (
                  <span className="my-figures-mean">
                    {t('kpi.csatMean', { mean: formatMean(data.mine.figures.csatMean, lang) })}
                  </span>
                ) : null}
                {data.targets[k] !== undefined ? (
                  <TargetLine
                    kpi={k}
                    status={targetStatus(k, data.mine.figures, data.targets)}
                    target={data.targets[k]}
                  />
                ) : null}
              </th>
              <td>{formatFigure(k, data.mine.figures[k], lang)}</td>
              <td>{formatFigure(k, data.team.figures[k], lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="small muted">{daysLabel(data.from, data.to, lang)}</p>
    </>
  );
}

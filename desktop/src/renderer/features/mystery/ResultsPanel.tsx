import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MysteryCell, MysteryResults, Wave } from '@sidecoach/shared';
import { decimal } from '../../lib/format.js';
import { localDay } from '../../lib/time.js';
import { HBars, type HBarRow } from '../../ui/HBars.js';
import { HubExportButton } from '../../ui/HubExportButton.js';
import { dayOf } from '../qa/rows.js';
import { QaTable } from '../qa/parts.js';
import { Confirm, LoadLine, Part, Progress, WriteNotice, useMysteryContext } from './parts.js';
import { ratingLabel } from './programme-form.js';
import {
  BREAKDOWNS,
  breakdownTable,
  comparisonTable,
  comparisonText,
  competitorsTable,
  itemsTable,
  keyName,
  leagueTable,
  percentText,
  ratingsTable,
  sectionsTable,
  summaryTable,
  waveDates,
  type MysteryContext,
  type Table,
} from './rows.js';
import { loadResults, releaseResults, useMystery } from './store.js';
import '../../ui/columns.css';

/** Bars of cells' scores (0-100) as shares of the track. */
const scoreBars = (cells: readonly MysteryCell[], name: (cell: MysteryCell) => string): HBarRow[] =>
  cells.map((cell) => ({
    key: cell.key,
    label: name(cell),
    values: [cell.score === null ? null : cell.score / 100],
  }));

/** A chart and, beside it from a desk's width (under it in the sidebar), its table. */
function ChartAndTable({
  title,
  caption,
  bars,
  table,
  fileName,
  testId,
  format,
  series,
  children,
  stack = false,
}: {
  title: string;
  caption: string;
  bars: HBarRow[];
  table: Table;
  fileName: string;
  testId: string;
  format: (v: number | null) => string;
  series: string;
  children?: ReactNode;
  /** Read as cards in the sidebar (a wide table); a few short columns stay a table. */
  stack?: boolean;
}) {
  return (
    <Part title={title} testId={`${testId}-section`} className="mys-print-part">
      {children}
      <div className="split-columns mys-chart-columns">
        <div className="split-column">
          <HBars
            rows={bars}
            series={[{ label: series, className: 'series-others' }]}
            label={caption}
            format={format}
            testId={`${testId}-chart`}
          />
        </div>
        <div className="split-column">
          <QaTable
            caption={caption}
            fileName={fileName}
            table={table}
            testId={testId}
            stack={stack}
          />
        </div>
      </div>
    </Part>
  );
}

/**
 * A wave's results, from approved reports only: the score against the target, by section and
 * item (what to train), the league of agents (own waves) and who to recognise, by team, call
 * type, time of day, week part and caller profile, ratings, wave over wave in words, competitor
 * waves beside (never ranked). Every chart has its table beside it and every table its CSV; the
 * page prints as a report. Release shows the wave's calls to the agents.
 */
export function ResultsPanel({ wave }: { wave: Wave }) {
  const { t } = useTranslation();
  const c = useMysteryContext();
  const results = useMystery((s) => s.results);
  const busy = useMystery((s) => s.busy);
  const [confirming, setConfirming] = useState(false);
  const data = results.waveId === wave.id ? results.data : null;
  const competitor = data?.programme.objective === 'competitor';
  return (
    <div className="qa-panel mys-results" data-testid="mys-results">
      <div className="mys-print-head">
        <h2>{t('mystery.print.title', { wave: wave.name })}</h2>
        <p>
          {data?.programme.name ?? wave.programmeName} · {waveDates(c.lang, wave)} ·{' '}
          {t('mystery.print.printed', { date: dayOf(c.lang, localDay()) })}
        </p>
      </div>
      <div className="qa-toolbar no-print">
        <p className="small" data-testid="mys-release-state">
          {competitor
            ? t('mystery.results.competitorNoRelease')
            : wave.resultsReleasedAt
              ? t('mystery.results.released', {
                  date: dayOf(c.lang, wave.resultsReleasedAt.slice(0, 10)),
                })
              : wave.status === 'closed'
                ? t('mystery.results.notReleased')
                : t('mystery.results.closeFirst')}
        </p>
        <div className="qa-actions">
          <button
            type="button"
            onClick={() => void loadResults(wave.id)}
            disabled={results.status === 'loading'}
          >
            {t('mystery.refresh')}
          </button>
          <button type="button" onClick={() => window.print()} disabled={!data}>
            {t('mystery.results.print')}
          </button>
          {!competitor && wave.status === 'closed' && !wave.resultsReleasedAt && !confirming ? (
            <button
              type="button"
              className="primary"
              disabled={!data || data.calls === 0 || busy !== null}
              onClick={() => setConfirming(true)}
            >
              {t('mystery.results.release')}
            </button>
          ) : null}
        </div>
      </div>
      {confirming ? (
        <Confirm
          text={t('mystery.results.releaseConfirm', { name: wave.name, count: data?.calls ?? 0 })}
          confirm={busy === 'release' ? t('mystery.saving') : t('mystery.results.confirmRelease')}
          testId="mys-release-confirm"
          onCancel={() => setConfirming(false)}
          onConfirm={() => void releaseResults(wave.id).then(() => setConfirming(false))}
        />
      ) : null}
      <div className="no-print">
        <WriteNotice />
      </div>
      {results.status === 'loading' && !data ? (
        <Progress label={t('mystery.results.working')} />
      ) : (
        <LoadLine status={results.status} error={results.error} empty={!data} />
      )}
      {data && data.calls === 0 ? (
        <p className="muted" data-testid="mys-results-empty">
          {t('mystery.results.none')}
        </p>
      ) : null}
      {data && data.calls > 0 ? (
        <div className="no-print">
          {/* Every approved report of the wave, one a row, with each answer and rating. */}
          <HubExportButton
            path="/api/mystery/results.csv"
            query={{ waveId: wave.id }}
            fileName="mystery-results"
            label={t('tableExport.all')}
          />
        </div>
      ) : null}
      {data && data.calls > 0 ? <Results r={data} c={c} /> : null}
    </div>
  );
}

function Results({ r, c }: { r: MysteryResults; c: MysteryContext }) {
  const t = c.t;
  const pct = (v: number | null) =>
    v === null ? '–' : percentText(c.lang, Math.round(v * 1000) / 10);
  const recognise = r.byAgent.filter((a) => r.toRecognise.includes(a.key));
  const train = r.toTrain.map((id) => r.byItem.find((i) => i.key === id)?.name ?? id);
  const competitor = r.programme.objective === 'competitor';
  return (
    <>
      <Part
        title={t('mystery.results.title')}
        testId="mys-results-summary"
        className="mys-print-part"
      >
        <p className="mys-headline" data-testid="mys-headline">
          {t('mystery.results.headline', {
            score: percentText(c.lang, r.score),
            target: percentText(c.lang, r.target),
            count: r.calls,
          })}
        </p>
        <p className="mgr-hint">{t('mystery.results.intro')}</p>
        <QaTable
          caption={t('mystery.results.summaryCaption')}
          fileName="mystery-results-summary"
          table={summaryTable(r, c)}
          stack={false}
          testId="mys-results-figures"
        />
      </Part>

      <ChartAndTable
        title={t('mystery.results.sections')}
        caption={t('mystery.results.sectionsCaption')}
        bars={scoreBars(r.bySection, (cell) => t(`areas.${cell.key as 'process'}`))}
        table={sectionsTable(r, c)}
        fileName="mystery-results-sections"
        testId="mys-results-sections"
        format={pct}
        series={t('mystery.col.score')}
      />

      <ChartAndTable
        title={t('mystery.results.items')}
        caption={t('mystery.results.itemsCaption')}
        bars={r.byItem.map((cell) => ({
          key: cell.key,
          label: cell.name,
          values: [cell.yesShare],
        }))}
        table={itemsTable(r, c)}
        fileName="mystery-results-items"
        stack
        testId="mys-results-items"
        format={(v) =>
          v === null ? '–' : new Intl.NumberFormat(c.lang, { style: 'percent' }).format(v)
        }
        series={t('mystery.col.yesShare')}
      >
        <div className="mys-shortlist" data-testid="mys-to-train">
          <h4>{t('mystery.results.toTrain')}</h4>
          <p className="mgr-hint">{t('mystery.results.toTrainHint')}</p>
          {train.length > 0 ? (
            <ol>
              {train.map((name) => (
                <li key={name}>{name}</li>
              ))}
            </ol>
          ) : (
            <p className="small">{t('mystery.results.noTrain')}</p>
          )}
        </div>
      </ChartAndTable>

      {competitor ? (
        <Part
          title={t('mystery.results.league')}
          testId="mys-results-league-section"
          className="mys-print-part"
        >
          <p className="small">{t('mystery.results.competitorLeague')}</p>
        </Part>
      ) : (
        <ChartAndTable
          title={t('mystery.results.league')}
          caption={t('mystery.results.leagueCaption')}
          bars={scoreBars(r.byAgent, (cell) => cell.name)}
          table={leagueTable(r, c)}
          fileName="mystery-results-agents"
          stack
          testId="mys-results-league"
          format={pct}
          series={t('mystery.col.score')}
        >
          <p className="mgr-hint">{t('mystery.results.leagueHint')}</p>
          {r.byAgent.length === 0 ? <p className="small">{t('mystery.results.noLeague')}</p> : null}
          <div className="mys-shortlist" data-testid="mys-to-recognise">
            <h4>{t('mystery.results.toRecognise')}</h4>
            <p className="mgr-hint">{t('mystery.results.toRecogniseHint')}</p>
            {recognise.length > 0 ? (
              <ul>
                {recognise.map((a) => (
                  <li key={a.key}>
                    {t('mystery.results.recogniseLine', {
                      name: a.name,
                      score: percentText(c.lang, a.score),
                      count: a.calls,
                    })}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="small">{t('mystery.results.noRecognise')}</p>
            )}
          </div>
        </ChartAndTable>
      )}

      {BREAKDOWNS.filter((dim) => r[dim].length > 0).map((dim) => (
        <ChartAndTable
          key={dim}
          title={t(`mystery.results.breakdown.${dim}`)}
          caption={t(`mystery.results.breakdownCaption.${dim}`)}
          bars={scoreBars(r[dim], (cell) =>
            dim === 'byTeam' || dim === 'byRegion' ? cell.name : keyName(dim, cell.key, c),
          )}
          table={breakdownTable(dim, r, c)}
          fileName={`mystery-results-${dim}`}
          testId={`mys-results-${dim}`}
          format={pct}
          series={t('mystery.col.score')}
        />
      ))}

      {r.ratings.length > 0 ? (
        <ChartAndTable
          title={t('mystery.results.ratings')}
          caption={t('mystery.results.ratingsCaption')}
          bars={r.ratings.map((x) => {
            const rating = r.programme.ratings.find((p) => p.id === x.id);
            return {
              key: x.id,
              label: rating ? ratingLabel(rating.label, x.id, c.lang) : x.id,
              values: [x.mean === null ? null : x.mean / 5],
            };
          })}
          table={ratingsTable(r, c)}
          fileName="mystery-results-ratings"
          testId="mys-results-ratings"
          format={(v) => (v === null ? '–' : `${decimal(v * 5, c.lang, 1)} / 5`)}
          series={t('mystery.col.mean')}
        />
      ) : null}

      <Part
        title={t('mystery.results.compare')}
        testId="mys-results-compare-section"
        className="mys-print-part"
      >
        {r.comparison ? (
          <>
            <p data-testid="mys-compare-text">{comparisonText(r.comparison, r.score, c)}</p>
            <p className="mgr-hint">{t('mystery.results.compareHint')}</p>
            <QaTable
              caption={t('mystery.results.compareCaption')}
              fileName="mystery-results-waves"
              table={comparisonTable(r, c)}
              testId="mys-results-compare"
            />
          </>
        ) : (
          <p className="small" data-testid="mys-compare-text">
            {t('mystery.results.noPrevious')}
          </p>
        )}
      </Part>

      {r.competitors.length > 0 ? (
        <Part
          title={t('mystery.results.competitors')}
          testId="mys-results-competitors-section"
          className="mys-print-part"
        >
          <p className="mgr-hint">{t('mystery.results.competitorsHint')}</p>
          <p className="small">
            {t('mystery.results.ours', {
              name: r.wave.name,
              score: percentText(c.lang, r.score),
              count: r.calls,
            })}
          </p>
          <QaTable
            caption={t('mystery.results.competitorsCaption')}
            fileName="mystery-results-competitors"
            table={competitorsTable(r, c)}
            testId="mys-results-competitors"
          />
        </Part>
      ) : null}
    </>
  );
}

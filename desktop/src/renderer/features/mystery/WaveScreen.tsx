import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Wave } from '@sidecoach/shared';
import { callTypeName } from '../../lib/format.js';
import { AssignmentsPanel } from './AssignmentsPanel.js';
import { Confirm, LoadLine, Part, WriteNotice, useMysteryContext } from './parts.js';
import { PlanTables } from './PlanPreview.js';
import { ResultsPanel } from './ResultsPanel.js';
import { ReviewsList } from './ReviewsList.js';
import { WAVE_PAGES, type WavePage } from './route.js';
import { profileText, teamName, waveDates, waveProgress } from './rows.js';
import { closeWave, go, useMystery } from './store.js';
import { WaveEditor } from './WaveEditor.js';

/**
 * A wave: a draft (or a new one) in its editor beside the sampling plan; a launched one with its
 * plan, assignments, reports to review and results, each a page of its own.
 */
export function WaveScreen({
  programmeId,
  id,
  page,
}: {
  programmeId: string | null;
  id: string | null;
  page: WavePage;
}) {
  const { t } = useTranslation();
  const waves = useMystery((s) => s.waves);
  const programmes = useMystery((s) => s.programmes);
  const teams = useMystery((s) => s.teams);
  const scorecard = useMystery((s) => s.scorecard);
  const wave = id ? (waves.data.find((w) => w.id === id) ?? null) : null;
  const programme =
    programmes.data.find((p) => p.id === (wave?.programmeId ?? programmeId)) ?? null;
  const ready = teams.status === 'loaded' || teams.data.length > 0;
  const missing = id !== null && !wave && waves.status === 'loaded';
  return (
    <div className="qa-panel" data-testid="mys-wave-screen">
      <div className="no-print">
        {programme ? (
          <button
            type="button"
            className="link back"
            onClick={() => go({ screen: 'programme', id: programme.id })}
          >
            {t('mystery.back.programme', { name: programme.name })}
          </button>
        ) : (
          <button type="button" className="link back" onClick={() => go({ screen: 'programmes' })}>
            {t('mystery.back.programmes')}
          </button>
        )}
      </div>
      <LoadLine status={waves.status} error={waves.error} empty={id !== null && !wave} />
      <LoadLine status={teams.status} error={teams.error} empty={!ready} />
      <LoadLine status={programmes.status} error={programmes.error} empty={!programme} />
      {missing ? <p className="muted">{t('mystery.wave.notFound')}</p> : null}
      {programme && ready && (id === null || wave?.status === 'draft') ? (
        <WaveEditor
          key={wave?.updatedAt ?? 'new'}
          programme={programme}
          wave={wave}
          teams={teams.data}
          pack={scorecard.data?.pack ?? null}
        />
      ) : null}
      {wave && wave.status !== 'draft' ? <LaunchedWave wave={wave} page={page} /> : null}
    </div>
  );
}

function LaunchedWave({ wave, page }: { wave: Wave; page: WavePage }) {
  const { t } = useTranslation();
  const c = useMysteryContext();
  const busy = useMystery((s) => s.busy);
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      {/* The printed results have their own heading with the wave's name and dates. */}
      <Part
        title={wave.name}
        testId="mys-wave"
        className={page === 'results' ? 'no-print' : undefined}
      >
        <dl className="qa-facts">
          <dt>{t('mystery.col.status')}</dt>
          <dd data-testid="mys-wave-status">{t(`mystery.waveStatus.${wave.status}`)}</dd>
          <dt>{t('mystery.col.dates')}</dt>
          <dd>{waveDates(c.lang, wave)}</dd>
          <dt>{t('mystery.col.teams')}</dt>
          <dd>{wave.teamIds.map((x) => teamName(c, x)).join(', ')}</dd>
          <dt>{t('mystery.col.progress')}</dt>
          <dd data-testid="mys-wave-progress">{waveProgress(wave, c)}</dd>
        </dl>
        <div className="qa-actions no-print">
          {wave.status === 'live' && !confirming ? (
            <button
              type="button"
              className="danger"
              onClick={() => setConfirming(true)}
              disabled={busy !== null}
            >
              {t('mystery.wave.close')}
            </button>
          ) : null}
        </div>
        {confirming ? (
          <Confirm
            text={t('mystery.wave.closeConfirm', { name: wave.name })}
            confirm={busy === 'close' ? t('mystery.saving') : t('mystery.wave.confirmClose')}
            danger
            testId="mys-close-confirm"
            onCancel={() => setConfirming(false)}
            onConfirm={() => void closeWave(wave.id).then(() => setConfirming(false))}
          />
        ) : null}
        {page === 'results' ? null : <WriteNotice />}
      </Part>
      <nav className="mgr-tabs no-print" aria-label={t('mystery.wave.pages.label')}>
        {WAVE_PAGES.map((p) => (
          <button
            key={p}
            type="button"
            aria-current={p === page ? 'page' : undefined}
            onClick={() => go({ screen: 'wave', id: wave.id, page: p })}
          >
            {t(`mystery.wave.pages.${p}`)}
          </button>
        ))}
      </nav>
      {page === 'plan' ? (
        <LaunchedPlan wave={wave} />
      ) : page === 'assignments' ? (
        <AssignmentsPanel wave={wave} />
      ) : page === 'reviews' ? (
        <ReviewsList waveId={wave.id} />
      ) : (
        <ResultsPanel wave={wave} />
      )}
    </>
  );
}

/** The plan a launched wave was drawn from, its limits and scenarios (final). */
function LaunchedPlan({ wave }: { wave: Wave }) {
  const { t } = useTranslation();
  const c = useMysteryContext();
  return (
    <>
      <Part title={t('mystery.plan.title')} testId="mys-launched-plan">
        <p className="mgr-hint">{t('mystery.wave.final')}</p>
        <p className="small">
          {t('mystery.wave.limits', {
            team: wave.perTeamMax,
            agent: wave.perAgentMax,
            gap: wave.callerGapDays,
          })}
        </p>
        <PlanTables plan={wave.plan} wave={wave} launched />
      </Part>
      <Part title={t('mystery.wave.scenarios')} testId="mys-launched-scenarios">
        {wave.scenarios.map((s) => (
          <article key={s.id} className="mys-scenario-card">
            <h4>
              {s.title}{' '}
              <span className="muted small">({callTypeName(c.pack, s.callType, c.lang)})</span>
            </h4>
            <dl className="qa-facts">
              <dt>{t('mystery.wave.brief')}</dt>
              <dd>{s.brief}</dd>
              {s.answers ? (
                <>
                  <dt>{t('mystery.wave.answers')}</dt>
                  <dd>{s.answers}</dd>
                </>
              ) : null}
              {s.tests ? (
                <>
                  <dt>{t('mystery.wave.tests')}</dt>
                  <dd>{s.tests}</dd>
                </>
              ) : null}
            </dl>
          </article>
        ))}
        <p className="small muted">
          {t('mystery.wave.profileMix')}:{' '}
          {(['region', 'ageBand', 'language'] as const)
            .flatMap((dim) =>
              Object.entries(wave.profileMix[dim] ?? {}).map(
                ([key, share]) =>
                  `${profileText({ [dim]: key }, c)} ${new Intl.NumberFormat(c.lang, { style: 'percent' }).format(share)}`,
              ),
            )
            .join(', ') || t('mystery.profile.any')}
        </p>
      </Part>
    </>
  );
}

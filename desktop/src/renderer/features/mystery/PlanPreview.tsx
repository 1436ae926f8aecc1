import { useTranslation } from 'react-i18next';
import type { WavePlan } from '@sidecoach/shared';
import { QaTable } from '../qa/parts.js';
import { ErrorText, Part, useMysteryContext } from './parts.js';
import { planDimensions, planWarningText, quotaTable, sampleSizeText } from './rows.js';
import { useMystery } from './store.js';

/** A sampling plan: enough calls or not for the confidence and margin, warnings, quotas. */
export function PlanTables({
  plan,
  wave,
  launched = false,
}: {
  plan: WavePlan;
  wave: { confidence: number; margin: number };
  /** The plan a launched wave was drawn from (its warnings are what it could not do). */
  launched?: boolean;
}) {
  const { t } = useTranslation();
  const c = useMysteryContext();
  const sample = sampleSizeText(plan, wave, c);
  // The sample size line says it already when the calls are too few.
  const warnings = plan.warnings.filter((w) => w.code !== 'below-sample-size');
  return (
    <div className="mys-plan" data-testid="mys-plan">
      <p className={sample.ok ? 'mgr-ok' : 'mys-warning'} data-testid="mys-sample-size">
        {sample.text}
      </p>
      {warnings.length > 0 ? (
        <div className="mys-warning" data-testid="mys-plan-warnings">
          <p>
            <strong>
              {launched ? t('mystery.plan.warningsLaunched') : t('mystery.plan.warnings')}
            </strong>
          </p>
          <ul>
            {warnings.map((w) => (
              <li key={w.text}>{planWarningText(w, c)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="mys-quota-grid">
        {planDimensions(plan).map((dim) => (
          <QaTable
            key={dim}
            caption={t(`mystery.plan.caption.${dim}`)}
            fileName={`mystery-plan-${dim}`}
            table={quotaTable(dim, plan[dim], c)}
            testId={`mys-plan-${dim}`}
            stack={false}
          />
        ))}
      </div>
    </div>
  );
}

/**
 * The wave's sampling plan as the form has it, worked out by the hub a moment after each change
 * (or what the form still lacks before it can be).
 */
export function PlanPreview({
  problems,
  wave,
}: {
  problems: string[];
  wave: { confidence: number; margin: number };
}) {
  const { t } = useTranslation();
  const plan = useMystery((s) => s.plan);
  return (
    <Part title={t('mystery.plan.title')} testId="mys-plan-preview">
      <p className="mgr-hint">{t('mystery.plan.intro')}</p>
      {problems.length > 0 ? (
        <div data-testid="mys-plan-waiting">
          <p className="small">{t('mystery.plan.waiting')}</p>
          <ul className="small">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      ) : (
        <>
          {plan.status === 'loading' ? (
            <div className="mgr-progress" role="status">
              <span>{t('mystery.plan.working')}</span>
              {plan.data ? null : <progress aria-label={t('mystery.plan.working')} />}
            </div>
          ) : null}
          {plan.status === 'failed' && plan.error ? <ErrorText message={plan.error} /> : null}
          {plan.data ? <PlanTables plan={plan.data} wave={wave} /> : null}
        </>
      )}
    </Part>
  );
}

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { QA_PERIODS, type AdminUser, type QaPeriod, type QaPlan } from '@sidecoach/shared';
import { useSession } from '../../hub/session-store.js';
import { localDay } from '../../lib/time.js';
import { callTypeName } from '../../lib/format.js';
import { canEditPlans } from './access.js';
import { useRowContext } from './context.js';
import { ErrorText, LoadState, Notice, QaTable, Section } from './parts.js';
import { drawsTable, filtersText } from './rows.js';
import { drawNow, savePlan, selectTeam, teamChoices, useQa } from './store.js';
import { draftOf, planFromDraft, type PlanDraft as Draft, type PlanProblem } from './plan-form.js';

/** QA plans per team (admins edit, leads and supervisors read), drawing, and the team's draws. */
export function PlansTab() {
  const { t } = useTranslation();
  const user = useSession((s) => s.session?.user);
  const plans = useQa((s) => s.plans);
  const people = useQa((s) => s.people);
  const teamId = useQa((s) => s.teamId);
  // Re-read when people load (an admin's teams come from the admin lists).
  useQa((s) => s.people.data.teams.length);
  const teams = teamChoices();
  const plan = plans.data.find((p) => p.teamId === teamId) ?? null;
  const editable = user ? canEditPlans(user) : false;
  const choices = [
    ...teams,
    ...plans.data
      .filter((p) => !teams.some((t) => t.id === p.teamId))
      .map((p) => ({ id: p.teamId, name: p.teamName })),
  ];
  return (
    <div className="qa-panel">
      <LoadState status={plans.status} error={plans.error} />
      {people.status === 'failed' && people.error ? <ErrorText message={people.error} /> : null}
      <div className="field qa-team-pick">
        <label htmlFor="qa-team">{t('qa.plan.team')}</label>
        <select id="qa-team" value={teamId ?? ''} onChange={(e) => selectTeam(e.target.value)}>
          {teamId === null ? <option value="">{t('qa.plan.chooseTeam')}</option> : null}
          {choices.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
              {plans.data.some((p) => p.teamId === team.id) ? '' : ` (${t('qa.plan.none')})`}
            </option>
          ))}
        </select>
      </div>
      {teamId && editable ? (
        <PlanEditor key={`${teamId}-${plan?.updatedAt ?? 'new'}`} teamId={teamId} plan={plan} />
      ) : teamId && plan ? (
        <PlanSummary plan={plan} />
      ) : teamId && plans.status === 'loaded' ? (
        <p className="muted small">{t('qa.plan.noneYet')}</p>
      ) : null}
      {teamId && plan && editable ? <DrawPanel /> : null}
      {teamId && plan ? <Draws /> : null}
    </div>
  );
}

const toggle = (list: string[], id: string, on: boolean) =>
  on ? [...new Set([...list, id])] : list.filter((x) => x !== id);

function PlanEditor({ teamId, plan }: { teamId: string; plan: QaPlan | null }) {
  const { t, i18n } = useTranslation();
  const { pack } = useRowContext();
  const users = useQa((s) => s.people.data.users);
  const saving = useQa((s) => s.savingPlan);
  const notice = useQa((s) => s.planNotice);
  const [d, setD] = useState(() => draftOf(plan));
  const [problem, setProblem] = useState<PlanProblem | null>(null);
  const up = (p: Partial<Draft>) => {
    setD({ ...d, ...p });
    setProblem(null);
  };
  // Quality managers (admins) may evaluate and arbitrate as well as those given the right.
  const holds = (u: AdminUser, right: 'evaluator' | 'arbitrator') =>
    !u.disabled && (u.role === 'admin' || u.permissions.includes(right));
  const evaluators = users.filter((u) => holds(u, 'evaluator') || d.evaluatorIds.includes(u.id));
  const arbitrators = users.filter((u) => holds(u, 'arbitrator') || u.id === d.arbitratorId);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const result = planFromDraft(teamId, d);
    if ('problem' in result) return setProblem(result.problem);
    void savePlan(result.plan);
  };
  const id = (name: string) => `qa-plan-${name}`;
  return (
    <Section title={plan ? t('qa.plan.edit') : t('qa.plan.new')} testId="qa-plan">
      <form className="qa-form" onSubmit={submit} noValidate>
        <div className="qa-grid">
          <div className="field">
            <label htmlFor={id('per')}>{t('qa.plan.perAgent')}</label>
            <input
              id={id('per')}
              type="number"
              min={1}
              max={50}
              inputMode="numeric"
              value={d.perAgent}
              onChange={(e) => up({ perAgent: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={id('period')}>{t('qa.plan.period')}</label>
            <select
              id={id('period')}
              value={d.period}
              onChange={(e) => up({ period: e.target.value as QaPeriod })}
            >
              {QA_PERIODS.map((p) => (
                <option key={p} value={p}>
                  {t(`qa.period.${p}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={id('cap')}>{t('qa.plan.dailyCap')}</label>
            <input
              id={id('cap')}
              type="number"
              min={1}
              max={200}
              inputMode="numeric"
              value={d.dailyCap}
              onChange={(e) => up({ dailyCap: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={id('days')}>{t('qa.plan.disputeDays')}</label>
            <input
              id={id('days')}
              type="number"
              min={0}
              max={60}
              inputMode="numeric"
              aria-describedby={id('days-hint')}
              value={d.disputeDays}
              onChange={(e) => up({ disputeDays: e.target.value })}
            />
            <p className="mgr-hint" id={id('days-hint')}>
              {t('qa.plan.disputeDaysHint')}
            </p>
          </div>
        </div>
        <fieldset className="mgr-checks">
          <legend>{t('qa.plan.callTypes')}</legend>
          {(pack?.callTypes ?? []).map((ct) => (
            <label key={ct.id} className="check">
              <input
                type="checkbox"
                checked={d.callTypes.includes(ct.id)}
                onChange={(e) => up({ callTypes: toggle(d.callTypes, ct.id, e.target.checked) })}
              />
              {callTypeName(pack, ct.id, i18n.language)}
            </label>
          ))}
          <p className="mgr-hint">{t('qa.plan.callTypesHint')}</p>
        </fieldset>
        <div className="qa-grid">
          <div className="field">
            <label htmlFor={id('min')}>{t('qa.plan.minMinutes')}</label>
            <input
              id={id('min')}
              type="number"
              min={0}
              step="any"
              value={d.minMin}
              onChange={(e) => up({ minMin: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={id('max')}>{t('qa.plan.maxMinutes')}</label>
            <input
              id={id('max')}
              type="number"
              min={0}
              step="any"
              value={d.maxMin}
              onChange={(e) => up({ maxMin: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={id('csat')}>{t('qa.plan.maxCsat')}</label>
            <select
              id={id('csat')}
              value={d.maxCsat}
              onChange={(e) => up({ maxCsat: e.target.value })}
            >
              <option value="">{t('qa.plan.anyCsat')}</option>
              {[1, 2, 3, 4, 5].map((n) => (
                <option key={n} value={String(n)}>
                  {t('qa.plan.csatAtMost', { csat: n })}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="mgr-checks qa-plain">
          <label className="check">
            <input
              type="checkbox"
              checked={d.surveyed}
              onChange={(e) => up({ surveyed: e.target.checked })}
            />
            {t('qa.plan.surveyed')}
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={d.flaggedOnly}
              onChange={(e) => up({ flaggedOnly: e.target.checked })}
            />
            {t('qa.plan.flaggedOnly')}
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={d.active}
              onChange={(e) => up({ active: e.target.checked })}
            />
            {t('qa.plan.active')}
          </label>
        </div>
        <fieldset className="mgr-checks">
          <legend>{t('qa.plan.evaluators')}</legend>
          {evaluators.length === 0 ? <p className="mgr-hint">{t('qa.plan.noEvaluators')}</p> : null}
          {evaluators.map((u) => (
            <label key={u.id} className="check">
              <input
                type="checkbox"
                checked={d.evaluatorIds.includes(u.id)}
                onChange={(e) =>
                  up({ evaluatorIds: toggle(d.evaluatorIds, u.id, e.target.checked) })
                }
              />
              {u.displayName}
            </label>
          ))}
        </fieldset>
        <div className="field qa-narrow">
          <label htmlFor={id('arb')}>{t('qa.plan.arbitrator')}</label>
          <select
            id={id('arb')}
            value={d.arbitratorId}
            onChange={(e) => up({ arbitratorId: e.target.value })}
          >
            <option value="">{t('qa.plan.originalEvaluator')}</option>
            {arbitrators.map((u) => (
              <option key={u.id} value={u.id}>
                {u.displayName}
              </option>
            ))}
          </select>
        </div>
        {problem ? (
          <p className="error" role="alert">
            {t(`qa.plan.problem.${problem}`)}
          </p>
        ) : null}
        <Notice notice={notice} />
        <div className="qa-actions">
          <button type="submit" className="primary" disabled={saving}>
            {saving ? t('qa.saving') : t('qa.plan.save')}
          </button>
        </div>
      </form>
    </Section>
  );
}

/** What a lead or supervisor reads of their team's plan. */
function PlanSummary({ plan }: { plan: QaPlan }) {
  const { t } = useTranslation();
  const c = useRowContext();
  const names = useQa((s) => s.draws.data);
  const nameOf = (id: string) => names.find((a) => a.evaluatorId === id)?.evaluatorName ?? id;
  return (
    <Section title={t('qa.plan.summary', { team: plan.teamName })} testId="qa-plan">
      <dl className="qa-facts">
        <dt>{t('qa.plan.perAgent')}</dt>
        <dd>
          {plan.period === 'week'
            ? t('qa.plan.perWeek', { count: plan.perAgent })
            : t('qa.plan.perMonth', { count: plan.perAgent })}
        </dd>
        <dt>{t('qa.plan.filters')}</dt>
        <dd>{filtersText(plan.filters, c)}</dd>
        <dt>{t('qa.plan.evaluators')}</dt>
        <dd>{plan.evaluatorIds.map(nameOf).join(', ')}</dd>
        <dt>{t('qa.plan.dailyCap')}</dt>
        <dd>{plan.dailyCap}</dd>
        <dt>{t('qa.plan.disputeDays')}</dt>
        <dd>{plan.disputeDays}</dd>
        <dt>{t('qa.plan.arbitrator')}</dt>
        <dd>{plan.arbitratorId ? nameOf(plan.arbitratorId) : t('qa.plan.originalEvaluator')}</dd>
        <dt>{t('qa.plan.state')}</dt>
        <dd>{plan.active ? t('qa.plan.isActive') : t('qa.plan.isPaused')}</dd>
      </dl>
    </Section>
  );
}

/** "Draw now" for a day's period, with progress and what came of it. */
function DrawPanel() {
  const { t } = useTranslation();
  const draw = useQa((s) => s.draw);
  const [day, setDay] = useState(localDay());
  const drawing = draw.status === 'drawing';
  return (
    <Section title={t('qa.draw.title')} testId="qa-draw">
      <p className="mgr-hint">{t('qa.draw.intro')}</p>
      <div className="qa-actions">
        <div className="field">
          <label htmlFor="qa-draw-day">{t('qa.draw.day')}</label>
          <input
            id="qa-draw-day"
            type="date"
            value={day}
            onChange={(e) => setDay(e.target.value)}
          />
        </div>
        <button
          type="button"
          className="primary"
          disabled={drawing || !/^\d{4}-\d{2}-\d{2}$/.test(day)}
          onClick={() => void drawNow(day)}
        >
          {t('qa.draw.now')}
        </button>
      </div>
      {drawing ? (
        <div className="mgr-progress" role="status">
          <span>{t('qa.draw.drawing')}</span>
          <progress aria-label={t('qa.draw.drawing')} />
        </div>
      ) : null}
      {draw.status === 'failed' && draw.error ? <ErrorText message={draw.error} /> : null}
      {draw.status === 'done' && draw.result ? (
        <p className="mgr-ok" role="status" data-testid="qa-draw-result">
          {[
            t('qa.draw.resultNew', { n: draw.result.drawn.length }),
            t('qa.draw.resultKept', { n: draw.result.kept }),
            t('qa.draw.resultEmpty', { n: draw.result.empty }),
          ].join(' · ')}
        </p>
      ) : null}
    </Section>
  );
}

/** The team's draws: who was chosen, for whom, and why (auditable). */
function Draws() {
  const { t } = useTranslation();
  const draws = useQa((s) => s.draws);
  const c = useRowContext();
  return (
    <Section title={t('qa.draws.title')}>
      <LoadState status={draws.status} error={draws.error} />
      <QaTable
        caption={t('qa.draws.caption', { count: draws.data.length })}
        fileName="qa-draws"
        table={drawsTable(draws.data, c)}
        testId="qa-draws"
        empty={draws.status === 'loaded' ? t('qa.draws.empty') : undefined}
      />
    </Section>
  );
}

import { useTranslation } from 'react-i18next';
import { QA_PERIODS } from '@sidecoach/shared';
import { useRowContext } from './context.js';
import { LoadState, QaTable } from './parts.js';
import { dayBefore, dayOf, evaluatorsTable } from './rows.js';
import { loadEvaluators, teamChoices, useQa } from './store.js';
import { useSession } from '../../hub/session-store.js';
import { NameSelect } from '../../ui/NameSelect.js';

/** Evaluators' work in this week or month: done against assigned, scores given, overturns. */
export function EvaluatorsTab() {
  const { t, i18n } = useTranslation();
  const evaluators = useQa((s) => s.evaluators);
  const c = useRowContext();
  const stats = evaluators.data;
  const admin = useSession((s) => s.session?.user.role === 'admin');
  // Re-read when an admin's teams arrive.
  useQa((s) => s.people.data.teams.length);
  return (
    <div className="qa-panel">
      <div className="qa-toolbar">
        <NameSelect
          id="qa-evaluators-team"
          label={t('qa.plan.team')}
          allLabel={admin ? t('qa.evaluators.allTeams') : undefined}
          value={evaluators.teamId}
          options={teamChoices()}
          onChange={(teamId) => void loadEvaluators(undefined, undefined, teamId)}
        />
        <div className="segmented two qa-period" role="radiogroup" aria-label={t('qa.plan.period')}>
          {QA_PERIODS.map((p) => (
            <label key={p} className={evaluators.period === p ? 'on' : undefined}>
              <input
                type="radio"
                name="qa-evaluators-period"
                checked={evaluators.period === p}
                onChange={() => void loadEvaluators(p)}
              />
              {t(`qa.period.${p}`)}
            </label>
          ))}
        </div>
        <div className="field">
          <label htmlFor="qa-evaluators-day">{t('qa.draw.day')}</label>
          <input
            id="qa-evaluators-day"
            type="date"
            value={evaluators.day}
            onChange={(e) => {
              if (/^\d{4}-\d{2}-\d{2}$/.test(e.target.value))
                void loadEvaluators(undefined, e.target.value);
            }}
          />
        </div>
      </div>
      <LoadState status={evaluators.status} error={evaluators.error} />
      {stats ? (
        <QaTable
          caption={t('qa.evaluators.caption', {
            from: dayOf(i18n.language, stats.from),
            to: dayOf(i18n.language, dayBefore(stats.to)),
          })}
          fileName="qa-evaluators"
          table={evaluatorsTable(stats, c)}
          testId="qa-evaluators"
          empty={t('qa.evaluators.empty')}
        />
      ) : null}
    </div>
  );
}

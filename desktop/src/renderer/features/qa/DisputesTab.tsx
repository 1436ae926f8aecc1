import { useTranslation } from 'react-i18next';
import { useRowContext } from './context.js';
import { openEvaluation } from './evaluate.js';
import { LoadState, QaTable, Section } from './parts.js';
import { disputesTable, outcomesTable } from './rows.js';
import { loadDisputes, useQa } from './store.js';

/** Disputes to settle (oldest first, with their age) and how disputes came out. */
export function DisputesTab() {
  const { t, i18n } = useTranslation();
  const disputes = useQa((s) => s.disputes);
  const c = useRowContext();
  const list = [...(disputes.data?.disputes ?? [])].sort((a, b) =>
    a.createdAt.localeCompare(b.createdAt),
  );
  return (
    <div className="qa-panel">
      <div className="qa-toolbar">
        <label className="check">
          <input
            type="checkbox"
            checked={disputes.includeClosed}
            onChange={(e) => void loadDisputes(e.target.checked)}
          />
          {t('qa.disputes.includeClosed')}
        </label>
      </div>
      <LoadState status={disputes.status} error={disputes.error} />
      <Section title={t('qa.disputes.title')}>
        <QaTable
          caption={t('qa.disputes.caption', { count: list.length })}
          fileName="qa-disputes"
          table={disputesTable(list, c)}
          testId="qa-disputes"
          empty={disputes.status === 'loaded' ? t('qa.disputes.empty') : undefined}
          action={(i) => {
            const d = list[i]!;
            return (
              <button
                type="button"
                className={d.status === 'open' ? 'primary' : undefined}
                aria-label={t('qa.disputes.openLabel', {
                  action: d.status === 'open' ? t('qa.disputes.resolve') : t('qa.open'),
                  name: d.agentName,
                })}
                onClick={() => void openEvaluation({ evaluationId: d.evaluationId }, i18n.language)}
              >
                {d.status === 'open' ? t('qa.disputes.resolve') : t('qa.open')}
              </button>
            );
          }}
        />
      </Section>
      {disputes.data ? (
        <Section title={t('qa.disputes.outcomes')}>
          <QaTable
            caption={t('qa.disputes.byEvaluator')}
            fileName="qa-dispute-outcomes-evaluators"
            table={outcomesTable(disputes.data.byEvaluator, 'evaluator', c)}
            testId="qa-outcomes-evaluators"
            empty={t('qa.disputes.noOutcomes')}
          />
          <QaTable
            caption={t('qa.disputes.byItem')}
            fileName="qa-dispute-outcomes-items"
            table={outcomesTable(disputes.data.byItem, 'item', c)}
            testId="qa-outcomes-items"
          />
        </Section>
      ) : null}
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { useRowContext } from './context.js';
import { openEvaluation } from './evaluate.js';
import { LoadState, QaTable } from './parts.js';
import { cellText, queueTable } from './rows.js';
import { loadQueue, useQa } from './store.js';

/** The evaluator's own queue: what is due first, and why each call was drawn. */
export function QueueTab() {
  const { t, i18n } = useTranslation();
  const queue = useQa((s) => s.queue);
  const c = useRowContext();
  const sorted = [...queue.data].sort(
    (a, b) => a.due.localeCompare(b.due) || a.callStartedAt.localeCompare(b.callStartedAt),
  );
  const table = queueTable(sorted, c);
  return (
    <div className="qa-panel">
      <div className="qa-toolbar">
        <p className="small muted">{t('qa.queue.intro')}</p>
        <button
          type="button"
          onClick={() => void loadQueue()}
          disabled={queue.status === 'loading'}
        >
          {t('qa.refresh')}
        </button>
      </div>
      <LoadState status={queue.status} error={queue.error} />
      <QaTable
        caption={t('qa.queue.caption', { count: sorted.length })}
        fileName="qa-queue"
        table={table}
        testId="qa-queue"
        empty={queue.status === 'loaded' ? t('qa.queue.empty') : undefined}
        action={(i) => {
          const a = sorted[i]!;
          return (
            <button
              type="button"
              className="primary"
              aria-label={t('qa.queue.evaluateLabel', {
                action: a.status === 'draft' ? t('qa.queue.continue') : t('qa.queue.evaluate'),
                name: a.agentName,
                due: cellText(table.rows[i]![0]!),
              })}
              onClick={() => void openEvaluation({ assignmentId: a.id }, i18n.language)}
            >
              {a.status === 'draft' ? t('qa.queue.continue') : t('qa.queue.evaluate')}
            </button>
          );
        }}
      />
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { shortDateTime } from '../../lib/format.js';
import { QaTable } from '../qa/parts.js';
import { LoadLine, useMysteryContext } from './parts.js';
import { reviewsTable } from './rows.js';
import { go, loadReviews, useMystery } from './store.js';

/** Reports waiting for review (of one wave, or of every wave), oldest first. */
export function ReviewsList({ waveId }: { waveId: string | null }) {
  const { t, i18n } = useTranslation();
  const c = useMysteryContext();
  const reviews = useMystery((s) => s.reviews);
  const waves = useMystery((s) => s.waves.data);
  const list = reviews.waveId === waveId ? reviews.data : [];
  const waveNames = Object.fromEntries(waves.map((w) => [w.id, w.name]));
  return (
    <div className="qa-panel" data-testid="mys-reviews-panel">
      <div className="qa-toolbar">
        <p className="mgr-hint">{t('mystery.reviews.intro')}</p>
        <button
          type="button"
          onClick={() => void loadReviews(waveId)}
          disabled={reviews.status === 'loading'}
        >
          {t('mystery.refresh')}
        </button>
      </div>
      <LoadLine status={reviews.status} error={reviews.error} empty={list.length === 0} />
      <QaTable
        caption={t('mystery.reviews.caption', { count: list.length })}
        fileName="mystery-reviews"
        table={reviewsTable(list, waveNames, c)}
        testId="mys-reviews"
        empty={reviews.status === 'loaded' ? t('mystery.reviews.empty') : undefined}
        action={(i) => (
          <button
            type="button"
            className="primary"
            aria-label={t('mystery.reviews.openLabel', {
              caller: list[i]!.callerName,
              time: shortDateTime(i18n.language).format(new Date(list[i]!.calledAt)),
            })}
            onClick={() => go({ screen: 'review', assignmentId: list[i]!.assignmentId })}
          >
            {t('mystery.reviews.open')}
          </button>
        )}
      />
    </div>
  );
}

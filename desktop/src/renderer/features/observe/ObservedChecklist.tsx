import { useTranslation } from 'react-i18next';
import { checklistFor, localize, type CallRecord, type StandardsPack } from '@sidecoach/shared';

/** The agent's checklist as they tick it (read-only here; ticks arrive with `call:changed`). */
export function ObservedChecklist({ call, pack }: { call: CallRecord; pack: StandardsPack }) {
  const { t, i18n } = useTranslation();
  const areas = checklistFor(pack, call.callType);
  const total = areas.reduce((n, a) => n + a.items.length, 0);
  return (
    <details className="card observed-checklist" open>
      <summary>
        <strong>{t('observe.checklist')}</strong>{' '}
        <span className="muted small" data-testid="observed-ticked">
          {t('observe.ticked', { done: call.ticked.length, total })}
        </span>
      </summary>
      {areas.map((area) => (
        <div key={area.id} className="area" role="group" aria-label={t(`areas.${area.id}`)}>
          <h3 className="area-title">{t(`areas.${area.id}`)}</h3>
          <ul className="ticks">
            {area.items.map((item) => {
              const done = call.ticked.includes(item.id);
              return (
                <li key={item.id} className={done ? 'tick done' : 'tick'}>
                  <span aria-hidden="true">{done ? '✓' : '○'}</span>
                  <span>
                    {localize(item.text, i18n.language)}
                    <span className="visually-hidden">
                      {' '}
                      ({done ? t('observe.tickedItem') : t('observe.notTicked')})
                    </span>
                  </span>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </details>
  );
}

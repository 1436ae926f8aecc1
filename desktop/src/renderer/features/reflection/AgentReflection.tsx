import { useTranslation } from 'react-i18next';
import { appliesTo, type AgentStatus, type CallRecord } from '@sidecoach/shared';
import { dismissReminder, markMine, openSession, undoMine, useReflection } from './store.js';
import { useCalls } from '../call/store.js';
import { dayText, findItem } from './format.js';
import './agent-reflection.css';

/** The agent's open session with their lead, to join. */
export function JoinSession() {
  const { t } = useTranslation();
  const open = useReflection((s) => s.joinable[0]);
  if (!open) return null;
  return (
    <section className="card reflection-join" data-testid="reflection-join">
      <p>{t('reflection.agent.open', { name: open.leadName })}</p>
      <button type="button" className="primary" onClick={() => void openSession(open.id)}>
        {t('reflection.agent.join')}
      </button>
    </section>
  );
}

/**
 * Open next-time actions as gentle reminders: a quiet card between calls, and at a call one line
 * for the actions whose standard applies to its call type. Never takes the focus.
 */
export function ActionReminders({
  status,
  call,
}: {
  status: AgentStatus;
  call: CallRecord | undefined;
}) {
  const { t, i18n } = useTranslation();
  const mine = useReflection((s) => s.mine);
  const dismissed = useReflection((s) => s.dismissed);
  const error = useReflection((s) => s.mineError);
  const undoable = useReflection((s) => s.undoable);
  const pack = useCalls((s) => s.pack);
  if (status === 'on-call' && call) {
    const applies = mine.filter((a) => {
      const item = findItem(pack, a.itemId);
      return item && !dismissed[a.id] && appliesTo(item, call.callType);
    });
    const first = applies[0];
    if (!first) return null;
    // One line above the checklist, whatever the number of actions: the first, and how many more.
    return (
      <p className="action-reminder-line row small" data-testid="action-reminder-line">
        <span className="action-reminder-text">
          {t('reflection.agent.onCall', { text: first.text })}
        </span>
        {applies.length > 1 ? (
          <span className="muted">{t('reflection.agent.more', { count: applies.length - 1 })}</span>
        ) : null}
        <button
          type="button"
          className="link"
          aria-label={t('reflection.agent.dismissLabel', { text: first.text })}
          onClick={() => dismissReminder(first.id)}
        >
          ×
        </button>
      </p>
    );
  }
  if ((status !== 'available' && status !== 'wrap-up') || (mine.length === 0 && !undoable))
    return null;
  return (
    <section
      className="card action-reminders"
      aria-labelledby="action-reminders-title"
      data-testid="action-reminders"
    >
      <h2 id="action-reminders-title" className="small-title">
        {t('reflection.agent.reminders')}
      </h2>
      <ul>
        {mine.map((a) => (
          <li key={a.id} className="row small">
            <span>
              {a.text}{' '}
              <span className={a.overdue ? 'warn' : 'muted'}>
                · {t('reflection.due', { date: dayText(a.due, i18n.language) })}
                {a.overdue ? ` · ${t('reflection.agent.overdue')}` : ''}
              </span>
            </span>
            <button type="button" onClick={() => void markMine(a.id, 'done')}>
              {t('reflection.agent.done')}
            </button>
          </li>
        ))}
      </ul>
      {undoable ? (
        <p className="row small" role="status" data-testid="action-undo">
          <span>{t('reflection.agent.markedDone', { text: undoable.text })}</span>
          <button type="button" onClick={() => void undoMine()}>
            {t('reflection.agent.undo')}
          </button>
        </p>
      ) : null}
      {error ? (
        <p className="error small" role="alert" data-testid="action-reminders-error">
          {t(error.key, error.values)}
        </p>
      ) : null}
    </section>
  );
}

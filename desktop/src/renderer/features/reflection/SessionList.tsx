import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from './Field.js';
import { useFocusIfLost } from '../../lib/focus.js';
import { shortDateTime } from '../../lib/format.js';
import { useObserve } from '../observe/store.js';
import { loadList, openSession, prepare, PREP_MAX_DAYS, useReflection } from './store.js';
import { PeriodPicker, type PeriodChoice } from '../../ui/PeriodPicker.js';
import { loadTeamSettings } from '../team-settings/store.js';
import { TeamSettings } from '../team-settings/TeamSettings.js';
import { dayText } from './format.js';

/** The lead's sessions with their action counts, overdue actions, and a new preparation. */
export function SessionList() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const list = useReflection((s) => s.list);
  const status = useReflection((s) => s.listStatus);
  const floor = useObserve((s) => s.floor);
  const [agentId, setAgentId] = useState('');
  const [period, setPeriod] = useState<PeriodChoice>({ days: 30 });
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusIfLost(heading);
  useEffect(() => void loadTeamSettings(), []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (agentId) void prepare(agentId, period);
  };
  const time = shortDateTime(lang);
  return (
    <>
      <section className="card reflection" aria-labelledby="reflection-title">
        <div className="row">
          <h2 id="reflection-title" ref={heading} tabIndex={-1}>
            {t('reflection.title')}
          </h2>
          <button type="button" className="link" onClick={() => void loadList()}>
            {t('reflection.refresh')}
          </button>
        </div>
        <form className="prepare-form" onSubmit={submit} aria-labelledby="prepare-title">
          <h3 id="prepare-title">{t('reflection.prepare.title')}</h3>
          <Field id="prepare-agent" label={t('reflection.prepare.agent')}>
            <select id="prepare-agent" value={agentId} onChange={(e) => setAgentId(e.target.value)}>
              <option value="">{t('reflection.prepare.choose')}</option>
              {floor.map((a) => (
                <option key={a.agentId} value={a.agentId}>
                  {a.displayName}
                </option>
              ))}
            </select>
          </Field>
          <PeriodPicker value={period} onChange={setPeriod} minDays={7} maxDays={PREP_MAX_DAYS} />
          <button type="submit" className="primary" disabled={!agentId}>
            {t('reflection.prepare.submit')}
          </button>
        </form>
        {list && list.overdue.length > 0 ? (
          <div className="overdue-actions" data-testid="overdue-actions">
            <h3>{t('reflection.overdue')}</h3>
            <ul>
              {list.overdue.map((a) => (
                <li key={a.id} className="small">
                  <strong>{a.agentName}</strong>: {a.text} ·{' '}
                  {t('reflection.due', { date: dayText(a.due, lang) })}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {status === 'loading' ? <p className="muted small">{t('reflection.loading')}</p> : null}
        {list && list.sessions.length === 0 ? (
          <p className="muted small">{t('reflection.empty')}</p>
        ) : null}
        <ul className="session-list">
          {list?.sessions.map((s) => (
            <li key={s.id} data-testid="session-row" className={s.overdueActions ? 'late' : ''}>
              <div className="row">
                <button
                  type="button"
                  className="link who"
                  aria-label={t('reflection.openLabel', { name: s.agentName })}
                  onClick={() => void openSession(s.id)}
                >
                  {s.agentName}
                </button>
                <span className={`pill status-${s.status}`}>
                  {t(`reflection.status.${s.status}`)}
                </span>
              </div>
              <div className="row small muted">
                <span>{time.format(new Date(s.startedAt))}</span>
                <span className={s.overdueActions ? 'warn' : ''}>
                  {t('reflection.actionCounts', {
                    open: s.openActions,
                    overdue: s.overdueActions,
                  })}
                </span>
              </div>
            </li>
          ))}
        </ul>
      </section>
      <TeamSettings />
    </>
  );
}

import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StatsTable } from '../../ui/StatsTable.js';
import { useCalls } from '../call/store.js';
import { monthName, standardLabel } from './parts.js';
import { ShoutoutComposer } from './ShoutoutComposer.js';
import { loadSummary, useRecognition } from './store.js';

/** How many months back the picker offers. */
const MONTHS = 12;

/** This month and the ones before it, YYYY-MM, newest first (the device's calendar). */
export function recentMonths(now: Date, count = MONTHS): string[] {
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(now.getFullYear(), now.getMonth() - i, 1);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
  });
}

/**
 * The lead's monthly recognition summary for a team: who was recognised and for what, the
 * badges and standards counted, and those not recognised as a prompt (a shout-out from here).
 */
export function SummaryPanel({ teamId }: { teamId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const monthId = useId();
  const pack = useCalls((s) => s.pack);
  const months = useMemo(() => recentMonths(new Date()), []);
  const [month, setMonth] = useState(() => useRecognition.getState().summary.month ?? months[0]!);
  const summary = useRecognition((s) => s.summary);
  const [recognising, setRecognising] = useState<{ id: string; name: string } | null>(null);
  useEffect(() => {
    void loadSummary(teamId, month);
  }, [teamId, month]);
  const data = summary.teamId === teamId && summary.month === month ? summary.data : null;
  const monthText = monthName(month, lang);
  const standard = (id: string) => standardLabel(pack, id, lang);
  return (
    <div className="recognition-panel" data-testid="recognition-summary">
      <h3>
        {data
          ? t('recognition.summary.title', { month: monthText, team: data.teamName })
          : t('recognition.tabs.summary')}
      </h3>
      <p className="small muted">{t('recognition.summary.intro')}</p>
      <div className="field recognition-month">
        <label htmlFor={monthId}>{t('recognition.summary.month')}</label>
        <select id={monthId} value={month} onChange={(e) => setMonth(e.target.value)}>
          {months.map((m) => (
            <option key={m} value={m}>
              {monthName(m, lang)}
            </option>
          ))}
        </select>
      </div>
      {summary.status === 'loading' ? (
        <p className="muted" role="status">
          {t('recognition.summary.loading')}
        </p>
      ) : null}
      {summary.error && summary.teamId === teamId ? (
        <p className="error" role="alert">
          {t(summary.error.key, summary.error.values)}
        </p>
      ) : null}
      {data ? (
        <>
          <section className="recognition-prompt" aria-labelledby={`${monthId}-unrecognised`}>
            <h4 id={`${monthId}-unrecognised`}>
              {t('recognition.summary.unrecognisedTitle', { month: monthText })}
            </h4>
            {data.unrecognised.length === 0 ? (
              <p className="small">
                {t('recognition.summary.allRecognised', { month: monthText })}
              </p>
            ) : (
              <>
                <p className="small muted">{t('recognition.summary.unrecognisedHint')}</p>
                <ul className="recognition-unrecognised" data-testid="unrecognised">
                  {data.unrecognised.map((a) => (
                    <li key={a.agentId}>
                      <span>{a.agentName}</span>
                      <button
                        type="button"
                        className="link small"
                        aria-label={t('recognition.summary.recogniseLabel', {
                          name: a.agentName,
                        })}
                        onClick={() => setRecognising({ id: a.agentId, name: a.agentName })}
                      >
                        {t('recognition.summary.recognise')}
                      </button>
                    </li>
                  ))}
                </ul>
              </>
            )}
            {recognising ? (
              <ShoutoutComposer
                key={recognising.id}
                agent={recognising}
                onClose={() => setRecognising(null)}
              />
            ) : null}
          </section>
          {data.agents.length === 0 ? (
            <p className="muted">{t('recognition.summary.noAgents', { month: monthText })}</p>
          ) : (
            <StatsTable
              caption={t('recognition.summary.agentsCaption', { month: monthText })}
              fileName={`recognition-${month}`}
              className="mgr-table mgr-stack recognition-agents"
              testId="recognition-agents"
            >
              <thead>
                <tr>
                  <th scope="col">{t('recognition.summary.agent')}</th>
                  <th scope="col">{t('recognition.summary.badges')}</th>
                  <th scope="col">{t('recognition.summary.received')}</th>
                  <th scope="col">{t('recognition.summary.given')}</th>
                  <th scope="col">{t('recognition.summary.standards')}</th>
                </tr>
              </thead>
              <tbody>
                {data.agents.map((a) => (
                  <tr key={a.agentId}>
                    <th scope="row">{a.agentName}</th>
                    <td data-label={t('recognition.summary.badges')}>{a.badges}</td>
                    <td data-label={t('recognition.summary.received')}>{a.shoutoutsReceived}</td>
                    <td data-label={t('recognition.summary.given')}>{a.shoutoutsGiven}</td>
                    <td data-label={t('recognition.summary.standards')}>
                      {a.standards.map(standard).join(t('recognition.summary.separator'))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </StatsTable>
          )}
          <div className="recognition-counts">
            {data.badgesByKind.every((b) => b.count === 0) ? (
              <p className="small muted">
                {t('recognition.summary.noBadges', { month: monthText })}
              </p>
            ) : (
              <StatsTable
                caption={t('recognition.summary.badgesCaption', { month: monthText })}
                fileName={`recognition-badges-${month}`}
                testId="recognition-badge-kinds"
              >
                <thead>
                  <tr>
                    <th scope="col">{t('recognition.kind.badge')}</th>
                    <th scope="col">{t('recognition.summary.count')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.badgesByKind.map((b) => (
                    <tr key={b.kind}>
                      <th scope="row">{t(`recognition.badge.name.${b.kind}`)}</th>
                      <td>{b.count}</td>
                    </tr>
                  ))}
                </tbody>
              </StatsTable>
            )}
            {data.standards.length === 0 ? (
              <p className="small muted">
                {t('recognition.summary.noStandards', { month: monthText })}
              </p>
            ) : (
              <StatsTable
                caption={t('recognition.summary.standardsCaption', { month: monthText })}
                fileName={`recognition-standards-${month}`}
                testId="recognition-standards"
              >
                <thead>
                  <tr>
                    <th scope="col">{t('recognition.summary.standard')}</th>
                    <th scope="col">{t('recognition.summary.count')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.standards.map((s) => (
                    <tr key={s.itemId}>
                      <th scope="row">{standard(s.itemId)}</th>
                      <td>{s.count}</td>
                    </tr>
                  ))}
                </tbody>
              </StatsTable>
            )}
          </div>
        </>
      ) : null}
    </div>
  );
}

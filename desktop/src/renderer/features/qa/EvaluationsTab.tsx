import { RELEASED_EVALUATION_STATUSES } from '@sidecoach/shared';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../hub/session-store.js';
import { HBars } from '../../ui/HBars.js';
import { HubExportButton } from '../../ui/HubExportButton.js';
import { periodQuery } from '../../lib/hub-csv.js';
import { NameSelect } from '../../ui/NameSelect.js';
import { useRowContext } from './context.js';
import { openEvaluation } from './evaluate.js';
import { ErrorText, LoadState, QaTable, Section } from './parts.js';
import { dateOf, discrepancyTable, evaluationsTable, percentOf, trendTable } from './rows.js';
import {
  DISCREPANCY_MAX,
  loadDiscrepancy,
  loadList,
  selectListAgent,
  teamChoices,
  useQa,
} from './store.js';

/** Evaluations of the user's teams (or one agent's), the agent's trend and discrepancy. */
export function EvaluationsTab() {
  const { t, i18n } = useTranslation();
  const list = useQa((s) => s.list);
  const user = useSession((s) => s.session?.user);
  const canOpen = user?.role === 'admin' || user?.permissions.includes('evaluator') === true;
  const c = useRowContext();
  // Re-read when an admin's teams arrive.
  useQa((s) => s.people.data.teams.length);
  const agents = [...new Map(list.data.map((e) => [e.agentId, e.agentName])).entries()].sort(
    (a, b) => a[1].localeCompare(b[1]),
  );
  const agentId = list.agentId;
  const shown = [...list.data]
    .filter((e) => !agentId || e.agentId === agentId)
    .sort((a, b) =>
      (b.evaluatedAt ?? b.releasedAt ?? '').localeCompare(a.evaluatedAt ?? a.releasedAt ?? ''),
    );
  const agentName = agents.find(([id]) => id === agentId)?.[1] ?? '';
  return (
    <div className="qa-panel">
      <div className="qa-toolbar">
        <NameSelect
          id="qa-list-team"
          label={t('qa.plan.team')}
          allLabel={t('qa.evaluators.allTeams')}
          value={list.teamId}
          options={teamChoices()}
          onChange={(teamId) => void loadList(teamId)}
        />
        <NameSelect
          id="qa-list-agent"
          label={t('qa.list.agent')}
          allLabel={t('qa.list.allAgents')}
          value={agentId ?? ''}
          options={agents.map(([id, name]) => ({ id, name }))}
          onChange={(id) => selectListAgent(id || null)}
        />
      </div>
      <LoadState status={list.status} error={list.error} />
      {list.status === 'loaded' && list.data.length > 0 ? (
        // Every evaluation of the list's period (qa:list's 90 days) and team, with each item's
        // answer as a column: the hub's file, whatever the agent picked here.
        <HubExportButton
          path="/api/qa/evaluations.csv"
          query={{
            ...periodQuery({ days: 90 }),
            ...(list.teamId ? { teamId: list.teamId } : {}),
          }}
          fileName="evaluations"
          label={t('tableExport.all')}
        />
      ) : null}
      <QaTable
        caption={t('qa.list.caption', { count: shown.length })}
        fileName="qa-evaluations"
        table={evaluationsTable(shown, c)}
        testId="qa-evaluations"
        empty={list.status === 'loaded' ? t('qa.list.empty') : undefined}
        action={(i) => {
          const e = shown[i]!;
          // The hub opens an evaluation (its items, comments, the call's facts) for evaluators,
          // quality managers and those involved in it, and a released one for the agent's
          // coaches (read-only): the list shows who may.
          const involved =
            e.evaluatorId === user?.id || e.disputes.some((d) => d.arbitratorId === user?.id);
          const released = (RELEASED_EVALUATION_STATUSES as readonly string[]).includes(e.status);
          if (!canOpen && !involved && !released) return null;
          return (
            <button
              type="button"
              aria-label={t('qa.list.openLabel', { name: e.agentName })}
              onClick={() => void openEvaluation({ evaluationId: e.id }, i18n.language)}
            >
              {t('qa.open')}
            </button>
          );
        }}
      />
      {agentId && shown.length > 0 ? <Trend agentName={agentName} /> : null}
      {agentId && shown.length > 0 ? <Discrepancy agentId={agentId} agentName={agentName} /> : null}
    </div>
  );
}

function Trend({ agentName }: { agentName: string }) {
  const { t, i18n } = useTranslation();
  const list = useQa((s) => s.list);
  const c = useRowContext();
  const mine = list.data.filter((e) => e.agentId === list.agentId);
  const dated = mine
    .filter((e) => e.evaluatedAt !== null && e.status !== 'draft')
    .sort((a, b) => a.evaluatedAt!.localeCompare(b.evaluatedAt!));
  return (
    <Section title={t('qa.trend.title', { name: agentName })}>
      <HBars
        testId="qa-trend"
        label={t('qa.trend.title', { name: agentName })}
        series={[{ label: t('qa.col.score'), className: 'series-others' }]}
        rows={dated.map((e) => ({
          key: e.id,
          label: dateOf(i18n.language, e.evaluatedAt!),
          values: [e.score?.percent == null ? null : e.score.percent / 100],
        }))}
        format={(v) => (v === null ? '–' : percentOf(i18n.language, Math.round(v * 1000) / 10))}
      />
      <QaTable
        caption={t('qa.trend.caption', { name: agentName })}
        fileName="qa-trend"
        table={trendTable(mine, c)}
        testId="qa-trend-table"
      />
    </Section>
  );
}

function Discrepancy({ agentId, agentName }: { agentId: string; agentName: string }) {
  const { t } = useTranslation();
  const d = useQa((s) => s.discrepancy);
  const c = useRowContext();
  const mine = d.agentId === agentId;
  return (
    <Section title={t('qa.discrepancy.title', { name: agentName })}>
      <p className="mgr-hint">{t('qa.discrepancy.intro', { count: DISCREPANCY_MAX })}</p>
      {!mine || d.status === 'idle' || d.status === 'failed' ? (
        <div className="qa-actions">
          <button
            type="button"
            disabled={!c.pack}
            onClick={() => c.pack && void loadDiscrepancy(agentId, c.pack)}
          >
            {t('qa.discrepancy.compare')}
          </button>
        </div>
      ) : null}
      {mine && d.status === 'loading' ? (
        <div className="mgr-progress" role="status">
          <span>{t('qa.discrepancy.progress')}</span>
          <progress aria-label={t('qa.discrepancy.progress')} />
        </div>
      ) : null}
      {mine && d.status === 'failed' && d.error ? <ErrorText message={d.error} /> : null}
      {mine && d.status === 'loaded' ? (
        <QaTable
          caption={t('qa.discrepancy.caption', { name: agentName })}
          fileName="qa-discrepancy"
          table={discrepancyTable(d.data, c)}
          testId="qa-discrepancy"
          empty={t('qa.discrepancy.empty')}
        />
      ) : null}
    </Section>
  );
}

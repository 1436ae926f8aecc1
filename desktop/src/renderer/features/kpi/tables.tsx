import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import {
  KPI_UNIT,
  type KpiDashboard,
  type KpiFigures,
  type KpiId,
  type KpiSums,
} from '@sidecoach/shared';
import { csvNumber, csvShare } from '../../ui/machine.js';
import { callTypeName } from '../../lib/format.js';
import { StatsTable } from '../../ui/StatsTable.js';
import { useCalls } from '../call/store.js';
import { formatFigure, targetStatus } from './format.js';
import { AGENT_COLUMNS, TREND_COLUMNS } from './kpis.js';

/** A figure as the CSV file holds it: seconds for times, a percentage for shares, the number. */
function figureCsv(kpi: KpiId, value: number | null): string {
  if (value === null) return '';
  const unit = KPI_UNIT[kpi];
  return unit === 'ms'
    ? csvNumber(value / 1000, 1)
    : unit === 'share'
      ? csvShare(value)
      : csvNumber(value, 1);
}

/** A figure in a table cell, marked when it misses the team's target (a mark and words). */
function FigureCell({ kpi, value, missed }: { kpi: KpiId; value: number | null; missed: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <td className={missed ? 'kpi-missed' : undefined} data-csv={figureCsv(kpi, value)}>
      {formatFigure(kpi, value, i18n.language)}
      {missed ? (
        <>
          <span aria-hidden="true"> ✗</span>
          <span className="visually-hidden"> ({t('kpi.target.missedShort')})</span>
        </>
      ) : null}
    </td>
  );
}

/** Columns with something to show: quality scores only where some were counted. */
function columnsOf(columns: readonly KpiId[], rows: readonly { sums: KpiSums }[]) {
  return columns.filter((k) => k !== 'quality' || rows.some((r) => r.sums.qualityCount > 0));
}

/** A row of a figures table: its heading cell (a name, a button that opens it) and figures. */
export interface FiguresRow {
  key: string;
  label: ReactNode;
  figures: KpiFigures;
  /** Whether the figure misses its target (marked); absent: no target marks in this table. */
  missed?: (kpi: KpiId) => boolean;
}

/** A table of figures, one row each (agents, call types, trend buckets), exportable. */
export function FiguresTable({
  caption,
  fileName,
  testId,
  head,
  columns,
  rows,
}: {
  caption: string;
  fileName: string;
  testId: string;
  /** The heading of the rows' column ("Agent", "Week"). */
  head: string;
  columns: readonly KpiId[];
  rows: readonly FiguresRow[];
}) {
  const { t } = useTranslation();
  return (
    <StatsTable caption={caption} fileName={fileName} className="kpi-table" testId={testId}>
      <thead>
        <tr>
          <th scope="col">{head}</th>
          {columns.map((k) => (
            <th key={k} scope="col">
              {t(`kpi.short.${k}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.label}</th>
            {columns.map((k) => (
              <FigureCell
                key={k}
                kpi={k}
                value={row.figures[k]}
                missed={row.missed?.(k) ?? false}
              />
            ))}
          </tr>
        ))}
      </tbody>
    </StatsTable>
  );
}

/** The team's agents, each figure against the team's target; an agent opens their own. */
export function AgentsTable({
  dashboard,
  onAgent,
}: {
  dashboard: KpiDashboard;
  onAgent: (agentId: string) => void;
}) {
  const { t } = useTranslation();
  const targets = dashboard.settings.targets;
  const buckets = Math.max(1, dashboard.trend.length);
  return (
    <FiguresTable
      caption={t('kpi.agents.caption', { team: dashboard.teamName })}
      fileName="kpi-agents"
      testId="kpi-agents"
      head={t('kpi.agents.agent')}
      columns={columnsOf(AGENT_COLUMNS, dashboard.agents)}
      rows={dashboard.agents.map((a) => ({
        key: a.agentId,
        label: (
          <button type="button" className="link" onClick={() => onAgent(a.agentId)}>
            {a.agentName}
          </button>
        ),
        figures: a.figures,
        missed: (k) => targetStatus(k, a.figures, targets, buckets) === 'missed',
      }))}
    />
  );
}

/** The figures per call type; a call type opens the calls of that type. */
export function CallTypesTable({
  dashboard,
  onCallType,
}: {
  dashboard: KpiDashboard;
  onCallType: (callType: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const pack = useCalls((s) => s.pack);
  return (
    <FiguresTable
      caption={t('kpi.callTypes.caption', { team: dashboard.teamName })}
      fileName="kpi-call-types"
      testId="kpi-call-types"
      head={t('kpi.callTypes.callType')}
      columns={TREND_COLUMNS}
      rows={dashboard.callTypes.map((c) => ({
        key: c.callType,
        label:
          c.callType === '' ? (
            t('kpi.callTypes.unknown')
          ) : (
            <button type="button" className="link" onClick={() => onCallType(c.callType)}>
              {callTypeName(pack, c.callType, i18n.language)}
            </button>
          ),
        figures: c.figures,
      }))}
    />
  );
}

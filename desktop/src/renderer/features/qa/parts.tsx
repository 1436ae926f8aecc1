import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../hub/errors.js';
import { downloadCsv } from '../../lib/csv.js';
import { localDay } from '../../lib/time.js';
import { ChangeNotice } from '../../ui/ChangeNotice.js';
import { ErrorText } from '../../ui/ErrorText.js';
import { HeaderCells, TableExportButton } from '../../ui/StatsTable.js';
import { cellText, csvRows, type Table } from './rows.js';

export { ErrorText };

/** Saved (a status) or refused (an alert). */
export function Notice({ notice }: { notice: { ok: boolean; message: Message } | null }) {
  return <ChangeNotice notice={notice} testId="qa-notice" />;
}

/** Loading, or why it failed (the rest of the view stays as it was). */
export function LoadState({ status, error }: { status: string; error: Message | null }) {
  const { t } = useTranslation();
  if (status === 'loading')
    return (
      <p className="muted small" role="status">
        {t('qa.loading')}
      </p>
    );
  if (status === 'failed' && error) return <ErrorText message={error} />;
  return null;
}

/**
 * A table a manager reads: captioned, read as cards in the sidebar (unless `stack` is false: a
 * narrow table of a few short columns stays a table, scrolling in its box if it must), and
 * exported as a CSV file of its text, dates and numbers as their machine values (`table`: see
 * rows.ts's csvRows); `action` adds a last cell per row (an
 * "Open" button) that the file leaves out.
 */
export function QaTable({
  caption,
  fileName,
  table,
  testId,
  action,
  actionHeader,
  empty,
  stack = true,
}: {
  caption: string;
  fileName: string;
  table: Table;
  testId: string;
  action?: (index: number) => ReactNode;
  actionHeader?: string;
  empty?: string;
  stack?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  if (table.rows.length === 0)
    return empty ? (
      <p className="muted small" data-testid={testId}>
        {empty}
      </p>
    ) : null;
  return (
    <div className="exportable-table">
      <div className="table-scroll" role="region" aria-labelledby={id} tabIndex={0}>
        <table
          className={`stats-table mgr-table qa-table${stack ? ' mgr-stack' : ''}`}
          data-testid={testId}
        >
          <caption id={id}>{caption}</caption>
          <thead>
            <tr>
              <HeaderCells header={table.header} />
              {action ? (
                <th scope="col">
                  <span className="visually-hidden">{actionHeader ?? t('qa.open')}</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, i) => (
                  <td key={i} data-label={table.header[i]}>
                    {cellText(cell)}
                  </td>
                ))}
                {action ? <td className="qa-row-action">{action(r)}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <TableExportButton
        caption={caption}
        onExport={() =>
          downloadCsv(`sidecoach-${fileName}-${localDay()}.csv`, table.header, csvRows(table))
        }
      />
    </div>
  );
}

/** A titled card. */
export function Section({
  title,
  children,
  testId,
}: {
  title: string;
  children: ReactNode;
  testId?: string;
}) {
  const id = useId();
  return (
    <section className="card qa-section" aria-labelledby={id} data-testid={testId}>
      <h3 id={id}>{title}</h3>
      {children}
    </section>
  );
}

import { useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadCsv } from '../lib/csv.js';
import { localDay } from '../lib/time.js';

const textOf = (el: HTMLElement) =>
  (el.innerText ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();

/**
 * What a body cell leaves in the CSV file: its machine value when it has one (`data-csv`, as
 * ui/cells.tsx's DateCell and NumberCell write it, or the `dateTime` of a `<time>` that is the
 * whole cell), else its text as shown.
 */
export function cellValue(cell: HTMLTableCellElement): string {
  if (cell.dataset.csv !== undefined) return cell.dataset.csv;
  const time = cell.querySelector('time[datetime]');
  const text = textOf(cell);
  if (time instanceof HTMLTimeElement && textOf(time) === text) return time.dateTime;
  return text;
}

/**
 * A table's header row and body rows for its CSV file: headers as shown, cells as their machine
 * values (times in ISO 8601, numbers without the language's grouping) or their texts.
 */
export function tableCells(table: HTMLTableElement): [string[], string[][]] {
  const head = table.tHead?.rows[table.tHead.rows.length - 1];
  const header = head ? Array.from(head.cells, textOf) : [];
  const rows = Array.from(table.tBodies).flatMap((body) =>
    Array.from(body.rows, (row) => Array.from(row.cells, cellValue)),
  );
  return [header, rows];
}

/**
 * A table a manager reads: captioned, scrolling inside its own box when wider than the screen
 * (a named, focusable region), and taken away as a CSV file by a button under it named after
 * the table: the cells' texts, dates and numbers as their machine values (tableCells).
 */
export function StatsTable({
  caption,
  hiddenCaption = false,
  fileName,
  className,
  testId,
  children,
}: {
  caption: string;
  /** The caption for screen readers only (a chart above says what the table is). */
  hiddenCaption?: boolean;
  /** The file's name, without the date and extension ("survey-agents"). */
  fileName: string;
  className?: string;
  testId?: string;
  /** The table's head and body. */
  children: ReactNode;
}) {
  const table = useRef<HTMLTableElement>(null);
  const exportIt = () => {
    if (!table.current) return;
    const [header, rows] = tableCells(table.current);
    downloadCsv(`sidecoach-${fileName}-${localDay()}.csv`, header, rows);
  };
  return (
    <div className="exportable-table">
      <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
        <table
          ref={table}
          className={className ? `stats-table ${className}` : 'stats-table'}
          data-testid={testId}
        >
          <caption className={hiddenCaption ? 'visually-hidden' : undefined}>{caption}</caption>
          {children}
        </table>
      </div>
      <TableExportButton caption={caption} onExport={exportIt} />
    </div>
  );
}

/** The button under a table that takes it away as a CSV file, named after the table. */
export function TableExportButton({
  caption,
  onExport,
}: {
  caption: string;
  onExport: () => void;
}) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="link small table-export"
      aria-label={t('tableExport.label', { name: caption })}
      onClick={onExport}
    >
      {t('tableExport.button')}
    </button>
  );
}

/** A table's column headers, in order. */
export function HeaderCells({ header }: { header: readonly string[] }) {
  return header.map((h) => (
    <th key={h} scope="col">
      {h}
    </th>
  ));
}

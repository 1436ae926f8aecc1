import { useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadCsv } from '../lib/csv.js';
import { localDay } from '../lib/time.js';

/** A table's header row and body rows as the reader sees them (cell texts, spaces collapsed). */
export function tableCells(table: HTMLTableElement): [string[], string[][]] {
  const text = (cell: HTMLTableCellElement) =>
    (cell.innerText ?? cell.textContent ?? '').replace(/\s+/g, ' ').trim();
  const head = table.tHead?.rows[table.tHead.rows.length - 1];
  const header = head ? Array.from(head.cells, text) : [];
  const rows = Array.from(table.tBodies).flatMap((body) =>
    Array.from(body.rows, (row) => Array.from(row.cells, text)),
  );
  return [header, rows];
}

/**
 * Every table a manager reads can be taken away: the table as shown (numbers and dates in the
 * UI's language), as a CSV file, by a button under it named after the table.
 */
export function ExportableTable({
  name,
  fileName,
  children,
}: {
  /** The table's caption (the button's accessible name says which table it exports). */
  name: string;
  /** The file's name, without the date and extension ("survey-agents"). */
  fileName: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const exportIt = () => {
    const table = box.current?.querySelector('table');
    if (!table) return;
    const [header, rows] = tableCells(table);
    downloadCsv(`sidecoach-${fileName}-${localDay()}.csv`, header, rows);
  };
  return (
    <div ref={box} className="exportable-table">
      {children}
      <button
        type="button"
        className="link small table-export"
        aria-label={t('tableExport.label', { name })}
        onClick={exportIt}
      >
        {t('tableExport.button')}
      </button>
    </div>
  );
}

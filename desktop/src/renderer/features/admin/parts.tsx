import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminTeam } from '@sidecoach/shared';
import { useAdmin } from './store.js';
import { ChangeNotice as Notice } from '../../ui/ChangeNotice.js';
import { ErrorText } from '../../ui/ErrorText.js';
import { HeaderCells } from '../../ui/StatsTable.js';

/** What the last change said: saved (a status), or refused (an alert the admin must read). */
export function ChangeNotice() {
  const notice = useAdmin((s) => s.notice);
  return <Notice notice={notice} testId="admin-notice" />;
}

export { ErrorText };

/** A labelled control: the label above, an optional hint below (tied to the control). */
export function Field({
  label,
  hint,
  children,
}: {
  label: string;
  hint?: string | undefined;
  children: (props: { id: string; 'aria-describedby'?: string }) => ReactNode;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(hint ? { id, 'aria-describedby': hintId } : { id })}
      {hint ? (
        <p className="mgr-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** A section of an editor: a titled card (the user editor is a list of them). */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="card admin-section" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {children}
    </section>
  );
}

/** A table's CSV export button. */
export function ExportButton({ onExport, disabled }: { onExport: () => void; disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <button type="button" onClick={onExport} disabled={disabled}>
      {t('admin.exportCsv')}
    </button>
  );
}

/** A full date and time in the UI language, with seconds (audit entries, import results). */
export function useDateTime(): (iso: string) => string {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language, {
    dateStyle: 'medium',
    timeStyle: 'medium',
  });
  return (iso) => format.format(new Date(iso));
}

/** Team names for ids, in order (an id the list lacks as itself). */
export const teamNames = (ids: readonly string[], teams: readonly AdminTeam[]) =>
  ids.map((id) => teams.find((t) => t.id === id)?.name ?? id).join(', ');

export interface TableRow {
  key: string;
  className?: string | undefined;
  /** The first cell (a row header: a name to open, a line number). */
  head: ReactNode;
  /** The other cells, in the header's order after the first. */
  cells: readonly string[];
}

/**
 * A table an admin reads (and exports): a header row, a row header per row, text cells. In the
 * sidebar it reads as cards (ui/manager.css `.mgr-stack`), each cell named by its column.
 */
export function DataTable({
  testId,
  header,
  rows,
}: {
  testId: string;
  header: readonly string[];
  rows: readonly TableRow[];
}) {
  return (
    <div className="table-scroll">
      <table className="stats-table mgr-table admin-table mgr-stack" data-testid={testId}>
        <thead>
          <tr>
            <HeaderCells header={header} />
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className={row.className}>
              <th scope="row">{row.head}</th>
              {row.cells.map((c, i) => (
                <td key={i} data-label={header[i + 1]}>
                  {c}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A name in a table that opens its editor. */
export function OpenButton({
  label,
  name,
  onOpen,
}: {
  label: string;
  name: string;
  onOpen: () => void;
}) {
  return (
    <button type="button" className="link" aria-label={label} onClick={onOpen}>
      {name}
    </button>
  );
}

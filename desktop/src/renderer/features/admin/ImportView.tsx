import { useRef, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview, ImportRow } from '@sidecoach/shared';
import { DataTable, ErrorText, ExportButton, useDateTime } from './parts.js';
import { downloadCsv } from '../../lib/csv.js';
import { applyImport, chooseImportFile, importFailed, resetImport, useAdmin } from './store.js';

type Field = 'display_name' | 'role' | 'team' | 'extension' | 'lang';

/** The HR import: choose a file, read its preview row by row, apply it all or nothing. */
export function ImportView() {
  const { t } = useTranslation();
  const importing = useAdmin((s) => s.importing);
  const input = useRef<HTMLInputElement>(null);
  const { step, preview } = importing;

  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = ''; // the same file can be chosen again (after fixing it)
    if (!file) return;
    if (!/\.csv$/i.test(file.name) && file.type !== 'text/csv')
      return importFailed({ key: 'admin.import.notCsv' });
    let text: string;
    try {
      text = await file.text(); // UTF-8; a byte-order mark is left for the hub's CSV reader
    } catch (err) {
      return importFailed({
        key: 'admin.import.readFailed',
        values: { message: String((err as Error).message) },
      });
    }
    await chooseImportFile(file.name, text);
  };

  const busy = step === 'uploading' || step === 'previewing' || step === 'applying';
  return (
    <section className="admin-panel" aria-labelledby="admin-import">
      <h3 id="admin-import">{t('admin.import.heading')}</h3>
      <p className="mgr-hint">{t('admin.import.intro')}</p>
      <div className="admin-actions">
        <label className={`mgr-file${busy ? ' busy' : ''}`}>
          <input
            ref={input}
            type="file"
            accept=".csv,text/csv"
            disabled={busy}
            onChange={(e) => void choose(e)}
          />
          <span>{step === 'applied' ? t('admin.import.again') : t('admin.import.choose')}</span>
        </label>
      </div>
      <Progress />
      {importing.error ? <ErrorText message={importing.error} /> : null}
      {preview && (step === 'preview' || step === 'applying' || step === 'applied') ? (
        <PreviewTable preview={preview} fileName={importing.fileName} />
      ) : null}
      {preview && step !== 'applied' ? (
        <ApplyBar preview={preview} disabled={step !== 'preview'} />
      ) : null}
      {step === 'applied' ? (
        <button type="button" className="link" onClick={resetImport}>
          {t('admin.close')}
        </button>
      ) : null}
    </section>
  );
}

function Progress() {
  const { t } = useTranslation();
  const { step, done, total, fileName } = useAdmin((s) => s.importing);
  if (step === 'uploading')
    return (
      <div className="mgr-progress" role="status">
        <progress max={total} value={done} />
        <span>{t('admin.import.uploading', { name: fileName, done, total })}</span>
      </div>
    );
  if (step === 'previewing' || step === 'applying')
    return (
      <div className="mgr-progress" role="status">
        <progress />
        <span>
          {t(step === 'previewing' ? 'admin.import.previewing' : 'admin.import.applying')}
        </span>
      </div>
    );
  return null;
}

function ApplyBar({ preview, disabled }: { preview: ImportPreview; disabled: boolean }) {
  const { t } = useTranslation();
  const changes = preview.counts.create + preview.counts.change;
  if (!preview.applicable)
    return (
      <p className="error" role="alert">
        {t('admin.import.refusedNote')}
      </p>
    );
  if (changes === 0) return <p className="muted">{t('admin.import.nothingToDo')}</p>;
  return (
    <div className="admin-actions">
      <button
        type="button"
        className="primary"
        disabled={disabled}
        onClick={() => void applyImport()}
      >
        {t('admin.import.apply', { count: changes })}
      </button>
    </div>
  );
}

function PreviewTable({ preview, fileName }: { preview: ImportPreview; fileName: string }) {
  const { t } = useTranslation();
  const dateTime = useDateTime();
  const details = (r: ImportRow) =>
    r.outcome === 'refused'
      ? r.reasons.join('; ')
      : r.changes.map((c) => t(`admin.import.fields.${c as Field}`)).join(', ');
  const header = [
    t('admin.import.line'),
    t('admin.import.username'),
    t('admin.import.name'),
    t('admin.import.outcome'),
    t('admin.import.details'),
  ];
  const cells = (r: ImportRow) => [
    String(r.line),
    r.username,
    r.displayName,
    t(`admin.import.outcomes.${r.outcome}`),
    details(r),
  ];
  const { counts } = preview;
  return (
    <div className="admin-preview">
      <div className="admin-toolbar">
        <h4>{t('admin.import.preview', { name: fileName })}</h4>
        <ExportButton
          onExport={() =>
            downloadCsv(
              fileName.replace(/\.csv$/i, '') + '-preview.csv',
              header,
              preview.rows.map(cells),
            )
          }
        />
      </div>
      {preview.appliedAt ? (
        <p className="mgr-ok" role="status" data-testid="import-result">
          {t('admin.import.applied', { time: dateTime(preview.appliedAt), ...counts })}
        </p>
      ) : (
        <p data-testid="import-counts">{t('admin.import.counts', counts)}</p>
      )}
      {preview.newTeams.length > 0 ? (
        <p>{t('admin.import.newTeams', { teams: preview.newTeams.join(', ') })}</p>
      ) : null}
      <DataTable
        testId="import-preview"
        header={header}
        rows={preview.rows.map((r) => ({
          key: String(r.line),
          className: `outcome-${r.outcome}`,
          head: r.line,
          cells: cells(r).slice(1),
        }))}
      />
    </div>
  );
}

import type { ChangeEvent, FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScorecardRevision } from '@sidecoach/shared';
import { downloadCsv } from '../../lib/csv.js';
import { fullDateTime } from '../../lib/format.js';
import { HeaderCells } from '../../ui/StatsTable.js';
import { ErrorText } from './parts.js';
import {
  cancelImport,
  chooseImport,
  exportYaml,
  importFailed,
  runImport,
  setImportNote,
  useScorecard,
} from './store.js';

/** Every version and revision (who, when, why), each version's YAML, and a YAML import. */
export function HistoryTab() {
  return (
    <div className="sc-history-tab">
      <History />
      <Import />
    </div>
  );
}

function History() {
  const { t, i18n } = useTranslation();
  const info = useScorecard((s) => s.info)!;
  const busy = useScorecard((s) => s.busy);
  const format = fullDateTime(i18n.language);
  const header = [
    t('scorecard.history.version'),
    t('scorecard.history.savedAt'),
    t('scorecard.history.savedBy'),
    t('scorecard.history.source'),
    t('scorecard.history.note'),
  ];
  const by = (r: ScorecardRevision) => r.savedBy ?? t('scorecard.history.nobody');
  const source = (r: ScorecardRevision) => t(`scorecard.history.sources.${r.source}`);
  // The history is newest first: a version's first row is its newest revision (what it exports).
  const newestOf = new Set<number>();
  const rows = info.history.map((r) => {
    const newest = !newestOf.has(r.version);
    newestOf.add(r.version);
    return { r, newest };
  });
  const exportCsv = () =>
    downloadCsv(
      `${info.pack.id}-history-${new Date().toISOString().slice(0, 10)}.csv`,
      [...header, t('scorecard.history.revision')],
      info.history.map((r) => [
        String(r.version),
        r.savedAt,
        by(r),
        source(r),
        r.note,
        String(r.revision),
      ]),
    );
  return (
    <section className="card sc-history" aria-labelledby="sc-history-title">
      <h3 id="sc-history-title">{t('scorecard.history.title')}</h3>
      <p className="small muted">{t('scorecard.history.intro')}</p>
      <div className="sc-row sc-row-start">
        <button type="button" onClick={exportCsv}>
          {t('scorecard.history.exportCsv')}
        </button>
        <button type="button" disabled={busy !== null} onClick={() => void exportYaml()}>
          {busy === 'exporting' ? t('scorecard.export.busy') : t('scorecard.export.active')}
        </button>
      </div>
      <div className="table-scroll">
        <table className="stats-table mgr-table sc-table mgr-stack" data-testid="scorecard-history">
          <thead>
            <tr>
              <HeaderCells header={header} />
              <th scope="col">{t('scorecard.history.yaml')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ r, newest }) => (
              <tr key={`${r.version}.${r.revision}`}>
                <th scope="row">
                  {t('scorecard.history.versionRevision', {
                    version: r.version,
                    revision: r.revision,
                  })}
                </th>
                <td data-label={header[1]}>
                  <time dateTime={r.savedAt}>{format.format(new Date(r.savedAt))}</time>
                </td>
                <td data-label={header[2]}>{by(r)}</td>
                <td data-label={header[3]}>{source(r)}</td>
                <td data-label={header[4]}>{r.note}</td>
                <td>
                  {newest ? (
                    <button
                      type="button"
                      className="link"
                      disabled={busy !== null}
                      aria-label={t('scorecard.export.versionLabel', { version: r.version })}
                      onClick={() => void exportYaml(r.version)}
                    >
                      {t('scorecard.export.version')}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** A YAML file read as a new version; the hub says what is wrong with it. */
function Import() {
  const { t } = useTranslation();
  const importing = useScorecard((s) => s.importing);
  const busy = useScorecard((s) => s.busy);
  const edited = useScorecard((s) => s.draft !== null);
  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = ''; // the same file can be chosen again (after fixing it)
    if (!file) return;
    try {
      chooseImport(file.name, await file.text());
    } catch (err) {
      importFailed(file.name, {
        key: 'scorecard.import.readFailed',
        values: { message: String((err as Error).message) },
      });
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void runImport();
  };
  const running = busy === 'importing';
  return (
    <section className="card sc-import" aria-labelledby="sc-import-title">
      <h3 id="sc-import-title">{t('scorecard.import.title')}</h3>
      <p className="small muted">{t('scorecard.import.intro')}</p>
      <label className={running ? 'mgr-file sc-file busy' : 'mgr-file sc-file'}>
        <input
          type="file"
          accept=".yaml,.yml,application/yaml,text/yaml"
          disabled={running}
          onChange={(e) => void choose(e)}
        />
        <span>{importing ? t('scorecard.import.another') : t('scorecard.import.choose')}</span>
      </label>
      {importing ? (
        <form className="sc-import-form" onSubmit={submit}>
          <p className="small" data-testid="scorecard-import-file">
            {t('scorecard.import.chosen', { name: importing.fileName })}
          </p>
          {importing.error ? <ErrorText message={importing.error} /> : null}
          {importing.yaml ? (
            <>
              <label>
                {t('scorecard.publish.note')}
                <textarea
                  rows={2}
                  maxLength={500}
                  value={importing.note}
                  onChange={(e) => setImportNote(e.target.value)}
                />
              </label>
              {edited ? <p className="mgr-hint">{t('scorecard.import.dropsEdit')}</p> : null}
              <div className="sc-row sc-row-start">
                <button type="submit" className="primary" disabled={running}>
                  {running ? t('scorecard.import.running') : t('scorecard.import.run')}
                </button>
                <button type="button" className="link" disabled={running} onClick={cancelImport}>
                  {t('scorecard.import.cancel')}
                </button>
              </div>
              {running ? (
                <p className="small muted" role="status">
                  {t('scorecard.import.running')}
                </p>
              ) : null}
            </>
          ) : null}
        </form>
      ) : null}
    </section>
  );
}

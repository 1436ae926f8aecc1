import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { messageFor } from '../hub/errors.js';
import type { Message } from '../i18n/message.js';
import { downloadHubCsv, HubCsvError } from '../lib/hub-csv.js';
import { ErrorText } from './ErrorText.js';
import './hub-export.css';

type Phase =
  | { step: 'idle' }
  | { step: 'reading'; rows: number; total: number | null }
  | { step: 'saved'; rows: number }
  | { step: 'cancelled' }
  | { step: 'failed'; message: Message };

/** What the user reads when an export fails: the hub's words, or that it could not be reached. */
function failureOf(err: unknown): Message {
  if (err instanceof HubCsvError)
    return messageFor(err.code, err.message, { refused: 'tableExport.failed' }, err.retryAfter);
  return { key: 'tableExport.failed', values: { message: String((err as Error).message) } };
}

/**
 * "Export all (CSV)": one of the hub's streamed exports (`path`, e.g. /api/surveys/responses.csv,
 * with `query`) saved as `fileName` (see lib/hub-csv.ts). While it streams, a bar shows "n of N
 * rows" and the export can be stopped; a refusal is shown under it in the hub's words. Leaving
 * the screen stops it.
 */
export function HubExportButton({
  path,
  query,
  fileName,
  label,
  disabled = false,
}: {
  path: string;
  query?: Record<string, string>;
  fileName: string;
  label: string;
  /** Nothing to export yet (filters that cannot be sent). */
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const running = useRef<AbortController | null>(null);
  useEffect(() => () => running.current?.abort(), []);

  const start = async () => {
    if (running.current) return;
    const controller = new AbortController();
    running.current = controller;
    setPhase({ step: 'reading', rows: 0, total: null });
    let read = 0;
    try {
      await downloadHubCsv({
        path,
        ...(query ? { query } : {}),
        fileName,
        signal: controller.signal,
        onProgress: (rows, total) => {
          read = rows;
          setPhase({ step: 'reading', rows, total });
        },
      });
      if (!controller.signal.aborted) setPhase({ step: 'saved', rows: read });
    } catch (err) {
      if (controller.signal.aborted) setPhase({ step: 'cancelled' });
      else setPhase({ step: 'failed', message: failureOf(err) });
    } finally {
      running.current = null;
    }
  };

  return (
    <div className="hub-export" data-testid="hub-export">
      <button
        type="button"
        disabled={disabled || phase.step === 'reading'}
        aria-busy={phase.step === 'reading'}
        onClick={() => void start()}
      >
        {label}
      </button>
      {phase.step === 'reading' ? (
        <div className="hub-export-status" role="status">
          {phase.total === null ? (
            <progress aria-label={t('tableExport.progressLabel', { name: label })} />
          ) : (
            <progress
              aria-label={t('tableExport.progressLabel', { name: label })}
              max={Math.max(1, phase.total)}
              value={Math.min(phase.rows, phase.total)}
            />
          )}
          <span>
            {phase.total === null
              ? t('tableExport.rows', { count: phase.rows })
              : t('tableExport.progress', { done: phase.rows, count: phase.total })}
          </span>
          <button type="button" className="link" onClick={() => running.current?.abort()}>
            {t('tableExport.cancel')}
          </button>
        </div>
      ) : null}
      {phase.step === 'saved' ? (
        <div className="hub-export-status" role="status">
          <progress
            aria-label={t('tableExport.progressLabel', { name: label })}
            max={Math.max(1, phase.rows)}
            value={Math.max(1, phase.rows)}
          />
          <span>{t('tableExport.saved', { count: phase.rows })}</span>
        </div>
      ) : null}
      {phase.step === 'cancelled' ? (
        <p className="hub-export-status muted" role="status">
          {t('tableExport.cancelled')}
        </p>
      ) : null}
      {phase.step === 'failed' ? <ErrorText message={phase.message} small /> : null}
    </div>
  );
}

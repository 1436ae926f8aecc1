import { useTranslation } from 'react-i18next';
import type { StandardsPack } from '@sidecoach/shared';
import { NoteBody, NoteMoment } from '../coach-notes/note-parts.js';
import type { NoteRow } from './use-call-notes.js';

/** Every coach's notes on the call as they arrive, with where each shared one has got to. */
export function ObservationList({ rows, pack }: { rows: NoteRow[]; pack: StandardsPack }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="observed-notes-title">
      <h2 id="observed-notes-title" className="small-title">
        {t('observe.notes')}
      </h2>
      {rows.length === 0 ? <p className="muted small">{t('observe.noNotes')}</p> : null}
      <ul className="note-list" aria-live="polite" aria-atomic="false">
        {rows.map((row) => (
          <li key={row.id} className="observed-note" data-testid="observed-note">
            <div className="row small muted">
              <span>
                <NoteMoment offsetMs={row.offsetMs} callId={row.callId} /> {row.authorName}
              </span>
              <span className={`receipt receipt-${row.receipt}`} data-testid="receipt">
                {row.visibility === 'shared' &&
                row.delivery === 'after-call' &&
                row.receipt === 'sending'
                  ? `${t('composer.afterCall')} · ${t('receipt.sending')}`
                  : t(`receipt.${row.receipt}`)}
              </span>
            </div>
            <NoteBody note={row.content} pack={pack} />
          </li>
        ))}
      </ul>
    </section>
  );
}

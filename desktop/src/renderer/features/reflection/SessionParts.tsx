import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  ActionRecord,
  ItemEvidence,
  ReflectionNoteRecord,
  StandardsPack,
} from '@sidecoach/shared';
import { fullDateTime, shortDateTime } from '../../lib/format.js';
import { setActionStatus } from './store.js';
import { dayText, itemName, tallyText } from './format.js';

/** One next-time action: what, whose, by when, on which standard; done or dropped if open. */
export function ActionRow({
  action,
  pack,
  canChange,
  titled = true,
}: {
  action: ActionRecord;
  pack: StandardsPack | null;
  canChange: boolean;
  /** False under an agenda entry that names the action already. */
  titled?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <li
      className={`session-action ${action.status}${action.overdue ? ' late' : ''}`}
      data-testid="session-action"
    >
      <div className="row">
        {titled ? <strong>{action.text}</strong> : null}
        <span className="small">{t(`reflection.session.actionStatus.${action.status}`)}</span>
      </div>
      <p className="small muted">
        {t('reflection.session.owned', {
          owner: t(`reflection.owner.${action.owner}`),
          date: dayText(action.due, lang),
        })}
        {action.itemId ? ` · ${itemName(pack, action.itemId, lang)}` : ''}
      </p>
      {canChange && action.status === 'open' ? (
        <div className="row action-buttons">
          <button type="button" onClick={() => void setActionStatus(action.id, 'done')}>
            {t('reflection.session.done')}
          </button>
          <button type="button" onClick={() => void setActionStatus(action.id, 'dropped')}>
            {t('reflection.session.drop')}
          </button>
        </div>
      ) : null}
    </li>
  );
}

/** A note of the session: who, when, the prompt it answers, and its text. */
export function NoteItem({
  note,
  withYear = false,
}: {
  note: ReflectionNoteRecord;
  /** Dates with the year (the printed record). */
  withYear?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const when = (withYear ? fullDateTime : shortDateTime)(i18n.language).format(new Date(note.at));
  return (
    <li className="session-note" data-testid="session-note">
      <p className="small muted">
        {note.authorName} · {when}
        {note.prompt ? ` · ${t(`reflection.prompt.${note.prompt}`)}` : ''}
      </p>
      <p lang={note.lang}>{note.text}</p>
    </li>
  );
}

/** An item's evidence in a line: self, observed, QA (numbers only where they may be seen). */
export function EvidenceLine({
  evidence,
  numbers,
}: {
  evidence: ItemEvidence | undefined;
  numbers: boolean;
}) {
  const { t, i18n } = useTranslation();
  if (!evidence) return null;
  const cell: Parameters<typeof tallyText>[2] = (v) => t('reflection.prep.cell', v);
  const parts = (['self', 'observed', 'qa'] as const).flatMap((k) =>
    numbers && evidence[k]
      ? [`${t(`reflection.prep.${k}`)} ${tallyText(evidence[k], i18n.language, cell)}`]
      : [],
  );
  return (
    <>
      {parts.length > 0 ? (
        <p className="small evidence-line" data-testid="evidence-line">
          {parts.join(' · ')}
        </p>
      ) : null}
      {evidence.observations.slice(0, 2).map((o) => (
        <blockquote key={o.id} className="small observed-quote">
          {o.text} <span className="muted">— {o.authorName}</span>
        </blockquote>
      ))}
    </>
  );
}

/** A view whose data is on its way (an error, if any, shows above). */
export function Pending({ back }: { back: ReactNode }) {
  const { t } = useTranslation();
  return (
    <section className="card reflection">
      {back}
      <p className="muted">{t('reflection.loading')}</p>
    </section>
  );
}

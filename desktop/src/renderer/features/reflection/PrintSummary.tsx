import { useTranslation } from 'react-i18next';
import { setPrinting, useNumbersHidden, useReflection } from './store.js';
import { useCalls } from '../call/store.js';
import { agendaLabel } from './agenda.js';
import { dayText, itemName } from './format.js';
import { EvidenceLine, NoteItem } from './SessionParts.js';
import { Signatures } from './SessionView.js';

/**
 * The session for the agent's development record, as a page to print or save as PDF: period,
 * agenda, notes, agreed actions and sign-offs (numbers only for who may see them).
 */
export function PrintSummary() {
  const { t, i18n } = useTranslation();
  const session = useReflection((s) => s.session);
  const pack = useCalls((s) => s.pack);
  const hidden = useNumbersHidden(session?.prep);
  if (!session) return null;
  const lang = i18n.language;
  const day = (iso: string) => dayText(iso.slice(0, 10), lang);
  const actions = [...session.reviewed, ...session.prep.openActions];
  return (
    <article className="card print-summary" data-testid="print-summary">
      <div className="row no-print">
        <button type="button" className="link back" onClick={() => setPrinting(false)}>
          {t('reflection.print.back')}
        </button>
        <button type="button" className="primary" onClick={() => window.print()}>
          {t('reflection.print.button')}
        </button>
      </div>
      <h2>{t('reflection.print.title')}</h2>
      <p>{t('reflection.print.people', { agent: session.agentName, lead: session.leadName })}</p>
      <p>
        {t('reflection.print.period', { from: day(session.prep.from), to: day(session.prep.to) })}
      </p>
      <h3>{t('reflection.session.agenda')}</h3>
      <ol>
        {session.agenda.map((entry, i) => (
          <li key={i}>
            {agendaLabel(t, entry, actions, pack, lang)}
            <EvidenceLine
              evidence={session.prep.items.find((x) => x.itemId === entry.itemId)}
              numbers={!hidden}
            />
          </li>
        ))}
      </ol>
      <h3>{t('reflection.session.notes')}</h3>
      <ul className="plain">
        {session.notes.map((n) => (
          <NoteItem key={n.id} note={n} />
        ))}
      </ul>
      <h3>{t('reflection.session.actions')}</h3>
      <table className="stats-table print-actions">
        <thead>
          <tr>
            <th scope="col">{t('reflection.session.actionText')}</th>
            <th scope="col">{t('reflection.session.owner')}</th>
            <th scope="col">{t('reflection.session.dueLabel')}</th>
          </tr>
        </thead>
        <tbody>
          {session.actions.map((a) => (
            <tr key={a.id}>
              <th scope="row">
                {a.text}
                {a.itemId ? (
                  <span className="small muted"> · {itemName(pack, a.itemId, lang)}</span>
                ) : null}
              </th>
              <td>{a.owner === 'agent' ? session.agentName : session.leadName}</td>
              <td>{dayText(a.due, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('reflection.print.signatures')}</h3>
      <Signatures session={session} />
    </article>
  );
}

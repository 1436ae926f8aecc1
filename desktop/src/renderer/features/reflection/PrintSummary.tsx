import { useTranslation } from 'react-i18next';
import type { ActionRecord, StandardsPack } from '@sidecoach/shared';
import { setPrinting, useNumbersHidden, useReflection } from './store.js';
import { useCalls } from '../call/store.js';
import { agendaLabel } from './agenda.js';
import { dayText, itemName } from './format.js';
import { EvidenceLine, NoteItem } from './SessionParts.js';
import { Signatures } from './SessionView.js';
import { MysteryEvidenceView } from './MysteryEvidenceView.js';

/**
 * The session for the agent's development record, as a page to print or save as PDF: period,
 * agenda with each item's notes under it, the session's general notes, earlier actions with
 * where they stand, agreed actions and sign-offs. Every date has its year (the record is filed).
 * Numbers only for who may see them.
 */
export function PrintSummary() {
  const { t, i18n } = useTranslation();
  const session = useReflection((s) => s.session);
  const pack = useCalls((s) => s.pack);
  const hidden = useNumbersHidden(session?.prep);
  if (!session) return null;
  const lang = i18n.language;
  const day = (iso: string) => dayText(iso.slice(0, 10), lang, true);
  const actions = [...session.reviewed, ...session.prep.openActions];
  const notesAbout = (index: number | null) =>
    session.notes.filter((n) => (n.agendaIndex ?? null) === index);
  const general = notesAbout(null);
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
            {notesAbout(i).length > 0 ? (
              <ul className="plain print-notes">
                {notesAbout(i).map((n) => (
                  <NoteItem key={n.id} note={n} withYear />
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
      <MysteryEvidenceView evidence={session.prep.mystery} pack={pack} numbers={!hidden} />
      {general.length > 0 ? (
        <>
          <h3>{t('reflection.session.general')}</h3>
          <ul className="plain">
            {general.map((n) => (
              <NoteItem key={n.id} note={n} withYear />
            ))}
          </ul>
        </>
      ) : null}
      {session.reviewed.length > 0 ? (
        <>
          <h3>{t('reflection.session.reviewed')}</h3>
          <ActionTable
            rows={session.reviewed}
            pack={pack}
            owner={(a) => (a.owner === 'agent' ? session.agentName : session.leadName)}
            withStatus
          />
        </>
      ) : null}
      <h3>{t('reflection.session.actions')}</h3>
      <ActionTable
        rows={session.actions}
        pack={pack}
        owner={(a) => (a.owner === 'agent' ? session.agentName : session.leadName)}
      />
      <h3>{t('reflection.print.signatures')}</h3>
      <Signatures session={session} withYear />
    </article>
  );
}

/** Actions as the printed record lists them: what, on which standard, whose, by when (, status). */
function ActionTable({
  rows,
  pack,
  owner,
  withStatus = false,
}: {
  rows: ActionRecord[];
  pack: StandardsPack | null;
  owner: (a: ActionRecord) => string;
  withStatus?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <table className="stats-table print-actions">
      <thead>
        <tr>
          <th scope="col">{t('reflection.session.actionText')}</th>
          <th scope="col">{t('reflection.session.owner')}</th>
          <th scope="col">{t('reflection.session.dueLabel')}</th>
          {withStatus ? <th scope="col">{t('reflection.print.status')}</th> : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((a) => (
          <tr key={a.id}>
            <th scope="row">
              {a.text}
              {a.itemId ? (
                <span className="small muted"> · {itemName(pack, a.itemId, lang)}</span>
              ) : null}
            </th>
            <td>{owner(a)}</td>
            <td>{dayText(a.due, lang, true)}</td>
            {withStatus ? <td>{t(`reflection.session.actionStatus.${a.status}`)}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

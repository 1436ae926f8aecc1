import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReflectionSession } from '@sidecoach/shared';
import { useFocusIfLost } from '../../lib/focus.js';
import { fullDateTime, shortDateTime } from '../../lib/format.js';
import {
  closeReflection,
  openReflection,
  setPrinting,
  signOff,
  useNumbersHidden,
  useReflection,
} from './store.js';
import { useCalls } from '../call/store.js';
import { useSession } from '../../hub/session-store.js';
import { agendaSubject } from './agenda.js';
import { LIMITS } from './format.js';
import { ActionForm, NoteForm } from './SessionForms.js';
import { ActionRow, EvidenceLine, NoteItem, Pending } from './SessionParts.js';
import { BackButton } from '../../ui/BackButton.js';
import { MysteryEvidenceView } from './MysteryEvidenceView.js';

/**
 * The session as both sides see it, live: the agenda with its evidence and notes, the notes
 * composer with reflective prompts, next-time actions, and both sign-offs. Read-only once both
 * have signed. Nothing here takes the focus unasked.
 */
export function SessionView() {
  const { t, i18n } = useTranslation();
  const session = useReflection((s) => s.session);
  const me = useSession((s) => s.session?.user.id);
  const pack = useCalls((s) => s.pack);
  const hidden = useNumbersHidden(session?.prep);
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusIfLost(heading, session !== null);
  const lead = me === session?.leadId;
  // The agent goes back to their sidebar; the lead to their sessions.
  const mine = me === session?.agentId;
  const back = mine ? (
    <BackButton strings="surveys" onClick={closeReflection} />
  ) : (
    <BackButton strings="reflection" onClick={openReflection} />
  );
  if (!session) return <Pending back={back} />;
  const open = session.status === 'open';
  const lang = i18n.language;
  const actions = [...session.reviewed, ...session.prep.openActions];
  const onAgenda = new Set(session.agenda.map((e) => e.actionId));
  const general = session.notes.filter((n) => n.agendaIndex === null);
  return (
    <section
      className="card reflection session"
      aria-labelledby="session-title"
      data-testid="session-view"
    >
      {back}
      <h2 id="session-title" ref={heading} tabIndex={-1}>
        {t('reflection.session.title', { name: lead ? session.agentName : session.leadName })}
      </h2>
      <p className="small muted">
        {t('reflection.session.meta', {
          lead: session.leadName,
          days: session.days,
          version: session.version,
        })}
      </p>
      <section aria-labelledby="agenda-title">
        <h3 id="agenda-title">{t('reflection.session.agenda')}</h3>
        <ol className="session-agenda" data-testid="session-agenda">
          {session.agenda.map((entry, i) => {
            const action = actions.find((a) => a.id === entry.actionId);
            return (
              <li key={i} className={`agenda-entry ${entry.kind}`} data-testid="agenda-entry">
                <div className="row">
                  <strong>{agendaSubject(entry, actions, pack, lang)}</strong>
                  <span className={`finding-badge ${entry.kind}`}>
                    {t(`reflection.kind.${entry.kind}`)}
                  </span>
                </div>
                <EvidenceLine
                  evidence={session.prep.items.find((x) => x.itemId === entry.itemId)}
                  numbers={!hidden}
                />
                {action ? (
                  <ul className="plain">
                    <ActionRow action={action} pack={pack} canChange={open} titled={false} />
                  </ul>
                ) : null}
                <ul className="plain">
                  {session.notes
                    .filter((n) => n.agendaIndex === i)
                    .map((n) => (
                      <NoteItem key={n.id} note={n} />
                    ))}
                </ul>
              </li>
            );
          })}
        </ol>
      </section>
      {/* Mystery calls of the period: the fourth kind of evidence, for both to read. */}
      <MysteryEvidenceView evidence={session.prep.mystery} pack={pack} numbers={!hidden} />
      {session.reviewed.some((a) => !onAgenda.has(a.id)) ? (
        <section aria-labelledby="reviewed-title">
          <h3 id="reviewed-title">{t('reflection.session.reviewed')}</h3>
          <ul className="plain">
            {session.reviewed
              .filter((a) => !onAgenda.has(a.id))
              .map((a) => (
                <ActionRow key={a.id} action={a} pack={pack} canChange={open} />
              ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="notes-title">
        <h3 id="notes-title">{t('reflection.session.notes')}</h3>
        {session.notes.length === 0 ? (
          <p className="small muted">{t('reflection.session.noNotes')}</p>
        ) : null}
        <ul className="plain">
          {general.map((n) => (
            <NoteItem key={n.id} note={n} />
          ))}
        </ul>
        {open ? <NoteForm session={session} pack={pack} /> : null}
      </section>
      <section aria-labelledby="actions-title">
        <h3 id="actions-title">{t('reflection.session.actions')}</h3>
        {session.actions.length === 0 ? (
          <p className="small muted">{t('reflection.session.noActions')}</p>
        ) : null}
        <ul className="plain" data-testid="session-actions">
          {session.actions.map((a) => (
            <ActionRow key={a.id} action={a} pack={pack} canChange={false} />
          ))}
        </ul>
        {/* The lead records what both agreed (the hub refuses it from the agent). */}
        {open && lead && session.actions.length < LIMITS.actionsPerSession ? (
          <ActionForm session={session} pack={pack} />
        ) : null}
      </section>
      <SignOff session={session} me={me} />
      <button type="button" onClick={() => setPrinting(true)}>
        {t('reflection.session.print')}
      </button>
    </section>
  );
}

export function Signatures({
  session,
  withYear = false,
}: {
  session: ReflectionSession;
  withYear?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const time = (withYear ? fullDateTime : shortDateTime)(i18n.language);
  const rows: Array<[string, string | null]> = [
    [session.leadName, session.signedByLeadAt],
    [session.agentName, session.signedByAgentAt],
  ];
  return (
    <ul className="plain signatures" data-testid="signatures">
      {rows.map(([who, at]) => (
        <li key={who} className={at ? 'signed' : ''}>
          {at
            ? t('reflection.session.signed', {
                who,
                when: time.format(new Date(at)),
                version: session.version,
              })
            : t('reflection.session.notSigned', { who })}
        </li>
      ))}
    </ul>
  );
}

function SignOff({ session, me }: { session: ReflectionSession; me: string | undefined }) {
  const { t } = useTranslation();
  const busy = useReflection((s) => s.busy);
  const mine =
    me === session.leadId
      ? session.signedByLeadAt
      : me === session.agentId
        ? session.signedByAgentAt
        : undefined;
  return (
    <section aria-labelledby="sign-title" className="sign-off">
      <h3 id="sign-title">{t('reflection.print.signatures')}</h3>
      <Signatures session={session} />
      {session.status === 'signed' ? (
        <p className="small ok" role="status">
          {t('reflection.session.signedBoth')}
        </p>
      ) : mine === null ? (
        <button type="button" className="primary" disabled={busy} onClick={() => void signOff()}>
          {t('reflection.session.signOff')}
        </button>
      ) : null}
    </section>
  );
}

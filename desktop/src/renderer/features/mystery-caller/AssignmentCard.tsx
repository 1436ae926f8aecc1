import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MysteryAssignment } from '@sidecoach/shared';
import { callTypeName } from '../../lib/format.js';
import { useCalls } from '../call/store.js';
import { deviceZone, windowText } from './form.js';

/** The caller profile a call asks for, in words: "from North, aged 60+, speaking Latvian". */
export function ProfileAsked({ profile }: { profile: MysteryAssignment['profile'] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  let language = profile.language;
  if (language)
    try {
      language = new Intl.DisplayNames([lang], { type: 'language' }).of(language) ?? language;
    } catch {
      // a tag this browser cannot name: shown as written
    }
  const parts = [
    profile.region ? t('mysteryCaller.call.region', { value: profile.region }) : null,
    profile.ageBand ? t('mysteryCaller.call.ageBand', { value: profile.ageBand }) : null,
    language ? t('mysteryCaller.call.language', { value: language }) : null,
  ].filter((p): p is string => p !== null);
  return <>{parts.length > 0 ? parts.join(', ') : t('mysteryCaller.call.anyCaller')}</>;
}

/** When to call: the caller's own time, and the floor's zone (its hours when they differ). */
export function CallWindow({ assignment }: { assignment: MysteryAssignment }) {
  const { t, i18n } = useTranslation();
  const when = windowText(assignment, i18n.language, deviceZone());
  return (
    <>
      <span className="caller-window">{when.local}</span>
      {when.floor ? (
        <span className="small muted caller-floor-time">
          {when.floor.hours
            ? t('mysteryCaller.call.floorHours', { hours: when.floor.hours, zone: when.floor.zone })
            : t('mysteryCaller.call.floor', { zone: when.floor.zone })}
        </span>
      ) : null}
    </>
  );
}

/** A definition list's line: the term and what it says (nothing when it says nothing). */
function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="caller-fact">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/**
 * One call as the caller reads it: the manager's question or reason first when there is one,
 * the scenario, when and whom to call, the profile asked, the role to play, the answers to
 * likely questions and what the call tests (folded on the board, open on the caller's own
 * calls), and the action (`children`).
 */
export function AssignmentCard({
  assignment,
  unfolded,
  level,
  children,
}: {
  assignment: MysteryAssignment;
  unfolded: boolean;
  /** The title's heading level under the list's own heading. */
  level: 'h4' | 'h5';
  children: ReactNode;
}) {
  const Title = level;
  const { t, i18n } = useTranslation();
  const pack = useCalls((s) => s.pack);
  const a = assignment;
  const titleId = `caller-call-${a.id}`;
  const note =
    a.reviewNote && (a.status === 'returned' || a.status === 'rejected') ? a.reviewNote : null;
  const scenario = a.scenario;
  const more = scenario.answers || scenario.tests;
  return (
    <article
      className={`card caller-call ${a.status}`}
      aria-labelledby={titleId}
      data-testid="caller-call"
      data-assignment={a.id}
    >
      {note ? (
        <div className={a.status === 'returned' ? 'caller-question' : 'caller-reason'}>
          <strong>
            {a.status === 'returned'
              ? t('mysteryCaller.mine.question')
              : t('mysteryCaller.mine.reason')}
          </strong>{' '}
          {note}
        </div>
      ) : null}
      <Title id={titleId} className="caller-call-title">
        {scenario.title}
      </Title>
      <dl className="caller-facts">
        <Fact term={t('mysteryCaller.call.window')}>
          <CallWindow assignment={a} />
        </Fact>
        {a.numberToCall ? (
          <Fact term={t('mysteryCaller.call.number')}>
            <a href={`tel:${a.numberToCall.replace(/[^+\d]/gu, '')}`} className="caller-number">
              {a.numberToCall}
            </a>
          </Fact>
        ) : null}
        <Fact term={t('mysteryCaller.call.callType')}>
          {callTypeName(pack, scenario.callType, i18n.language)}
        </Fact>
        {a.status === 'open' ? (
          <Fact term={t('mysteryCaller.call.profile')}>
            <ProfileAsked profile={a.profile} />
          </Fact>
        ) : null}
        <Fact term={t('mysteryCaller.call.brief')}>
          <span className="caller-text">{scenario.brief}</span>
        </Fact>
      </dl>
      {more ? (
        <details className="caller-more" open={unfolded}>
          <summary>{t('mysteryCaller.call.details')}</summary>
          <dl className="caller-facts">
            {scenario.answers ? (
              <Fact term={t('mysteryCaller.call.answers')}>
                <span className="caller-text">{scenario.answers}</span>
              </Fact>
            ) : null}
            {scenario.tests ? (
              <Fact term={t('mysteryCaller.call.tests')}>
                <span className="caller-text">{scenario.tests}</span>
              </Fact>
            ) : null}
          </dl>
        </details>
      ) : null}
      {children}
    </article>
  );
}

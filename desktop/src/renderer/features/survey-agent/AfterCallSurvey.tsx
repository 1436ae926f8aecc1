import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentStatus, CallRecord } from '@sidecoach/shared';
import { loadSurveyStatus, useAgentSurveys } from './store.js';
import { useSession } from '../../hub/session-store.js';
import { useCalls } from '../call/store.js';
import { DoNotSurvey } from './DoNotSurvey.js';
import { SurveyLinkCard } from './SurveyLinkCard.js';
import './survey-agent.css';

/** The agent's most recently ended call, if any. */
export function lastEndedCall(calls: readonly CallRecord[]): CallRecord | undefined {
  let last: CallRecord | undefined;
  for (const call of calls) {
    if (call.endedAt !== null && (!last || call.endedAt > (last.endedAt ?? ''))) last = call;
  }
  return last;
}

const timeOnly = (language: string) =>
  new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' });

/**
 * After a call: the "do not survey" flag while the hub still allows it (until `excludeUntil`),
 * and the exclusion once recorded. Asks the hub for the call's survey once the hub has the end.
 */
export function SurveyAfterCall({
  calls,
  agentStatus,
}: {
  calls: readonly CallRecord[];
  agentStatus: AgentStatus;
}) {
  const { t, i18n } = useTranslation();
  const call = agentStatus === 'on-call' ? undefined : lastEndedCall(calls);
  const callId = call?.id;
  const endedOnHub = useCalls((s) =>
    callId ? s.serverCalls.some((c) => c.id === callId && c.endedAt !== null) : false,
  );
  const online = useSession((s) => s.connection === 'online');
  const status = useAgentSurveys((s) => (callId ? s.statuses[callId] : undefined));
  const excludable = useAgentSurveys((s) => (callId ? s.excludable[callId] === true : false));

  useEffect(() => {
    if (callId && endedOnHub && online) void loadSurveyStatus(callId);
  }, [callId, endedOnHub, online]);

  if (!callId || !status) return null;
  const recorded = status.exclusionReason !== null;
  if (!excludable && !(recorded && agentStatus === 'wrap-up')) return null;
  return (
    <section className="survey-after" aria-label={t('surveyAgent.afterCallTitle')}>
      <DoNotSurvey callId={callId} />
      {excludable && !recorded && status.excludeUntil ? (
        <p className="small muted survey-until">
          {t('surveyAgent.until', {
            time: timeOnly(i18n.language).format(new Date(status.excludeUntil)),
          })}
        </p>
      ) : null}
    </section>
  );
}

/** The survey link of a call, when the hub sent one (link channel) and it is still shown. */
export function SurveyLinkFor({ callId }: { callId: string | undefined }) {
  const status = useAgentSurveys((s) => (callId ? s.statuses[callId] : undefined));
  const shown = useAgentSurveys((s) =>
    callId ? s.linkShown[callId] === true && !s.dismissed[callId] : false,
  );
  if (!callId || !status?.link || !shown || status.exclusionReason) return null;
  return <SurveyLinkCard callId={callId} link={status.link} expiresAt={status.expiresAt} />;
}

import {
  csatMean,
  csatShare,
  selectivityReport,
  type SurveyOutcome,
  type SurveyReport,
} from '@sidecoach/shared';
import { notMysteryCall } from '../lib/mystery-calls.js';
import type { Db } from '../store/db.js';
import { responsesQuery, toResponse } from './responses.js';

const MAX_EXCLUSIONS = 200;
const MAX_SELF_ANSWERS = 200;

const mean = (values: number[]) =>
  values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;

/** The selective-surveying report and responses per call type, for the agents in scope. */
export async function surveyReport(
  db: Db,
  agentIds: string[],
  { from, to }: { from: string; to: string },
  configured: SurveyReport['delivery']['configured'],
): Promise<SurveyReport> {
  const names = new Map<string, string>();
  let outcomes: SurveyOutcome[] = [];
  let responses: ReturnType<typeof toResponse>[] = [];
  let exclusions: SurveyReport['exclusions'] = [];
  let selfAnswers: SurveyReport['selfAnswers'] = [];
  let delivery: SurveyReport['delivery'] = {
    pending: 0,
    failed: 0,
    configured,
    asLink: { email: 0, sms: 0, ivr: 0 },
    waitingBecause: [],
  };
  if (agentIds.length > 0) {
    for (const u of await db
      .selectFrom('users')
      .select(['id', 'display_name'])
      .where('id', 'in', agentIds)
      .execute())
      names.set(u.id, u.display_name);
    const sends = await db
      .selectFrom('survey_sends as s')
      .leftJoin('survey_exclusions as x', 'x.call_id', 's.call_id')
      .leftJoin('survey_responses as r', 'r.call_id', 's.call_id')
      .select([
        's.agent_id',
        's.state',
        's.skip_reason',
        'x.reason',
        'r.call_id as answered',
        'r.csat',
        'r.self_answer',
        's.fallback_from',
        's.last_error',
      ])
      .where('s.agent_id', 'in', agentIds)
      .where('s.decided_at', '>=', from)
      .where('s.decided_at', '<=', to)
      // A mystery call is no customer's: neither in the survey rates nor in CSAT.
      .where(notMysteryCall('s.call_id'))
      .execute();
    outcomes = sends.map((s) => ({
      agentId: s.agent_id,
      outcome: s.state === 'skipped' ? (s.skip_reason ?? 'no-survey') : 'sent',
      exclusionReason: s.reason,
      responded: s.answered !== null,
      csat: s.csat,
      selfAnswer: s.self_answer,
    }));
    const waiting = sends.filter((s) => s.state === 'pending');
    const because = new Map<string, number>();
    for (const s of waiting)
      if (s.last_error) because.set(s.last_error, (because.get(s.last_error) ?? 0) + 1);
    const asLink = { email: 0, sms: 0, ivr: 0 };
    for (const s of sends)
      if (s.fallback_from && s.fallback_from !== 'link') asLink[s.fallback_from] += 1;
    delivery = {
      pending: waiting.length,
      failed: sends.filter((s) => s.state === 'failed').length,
      configured,
      asLink,
      waitingBecause: [...because]
        .map(([error, count]) => ({ error, count }))
        .sort((a, b) => b.count - a.count)
        .slice(0, 5),
    };
    const answered = (
      await responsesQuery(db)
        .where('survey_responses.agent_id', 'in', agentIds)
        .where('survey_responses.submitted_at', '>=', from)
        .where('survey_responses.submitted_at', '<=', to)
        .where(notMysteryCall('survey_responses.call_id'))
        .orderBy('survey_responses.submitted_at', 'desc')
        .execute()
    ).map(toResponse);
    // What looks like staff answered is shown apart, never in the customers' figures.
    responses = answered.filter((r) => r.selfAnswer === null);
    selfAnswers = answered.flatMap((r) =>
      r.selfAnswer === null
        ? []
        : [
            {
              callId: r.callId,
              agentId: r.agentId,
              agentName: r.agentName,
              callType: r.callType,
              reason: r.selfAnswer,
              csat: r.csat,
              at: r.submittedAt,
            },
          ],
    );
    selfAnswers = selfAnswers.slice(0, MAX_SELF_ANSWERS);
    exclusions = (
      await db
        .selectFrom('survey_exclusions as x')
        .innerJoin('calls', 'calls.id', 'x.call_id')
        .innerJoin('users', 'users.id', 'x.agent_id')
        .select([
          'x.call_id',
          'x.agent_id',
          'users.display_name',
          'calls.call_type',
          'x.reason',
          'x.at',
        ])
        .where('x.agent_id', 'in', agentIds)
        .where('x.at', '>=', from)
        .where('x.at', '<=', to)
        .orderBy('x.at', 'desc')
        .limit(MAX_EXCLUSIONS)
        .execute()
    ).map((x) => ({
      callId: x.call_id,
      agentId: x.agent_id,
      agentName: x.display_name,
      callType: x.call_type,
      reason: x.reason,
      at: x.at,
    }));
  }
  const selectivity = selectivityReport(outcomes);
  const callTypes = [...new Set(responses.map((r) => r.callType))].sort();
  return {
    from,
    to,
    team: selectivity.team,
    agents: selectivity.agents.map((a) => ({ ...a, agentName: names.get(a.agentId) ?? a.agentId })),
    byCallType: callTypes.map((callType) => {
      const mine = responses.filter((r) => r.callType === callType);
      const csat = mine.flatMap((r) => (r.csat === null ? [] : [r.csat]));
      const resolved = mine.flatMap((r) => (r.resolved === null ? [] : [r.resolved]));
      const distribution: [number, number, number, number, number] = [0, 0, 0, 0, 0];
      for (const c of csat) distribution[c - 1]! += 1;
      return {
        callType,
        responses: mine.length,
        csat: csatShare(csat),
        meanCsat: csatMean(csat),
        csatDistribution: distribution,
        resolvedShare:
          resolved.length === 0 ? null : resolved.filter(Boolean).length / resolved.length,
        meanEffort: mean(mine.flatMap((r) => (r.effort === null ? [] : [r.effort]))),
      };
    }),
    exclusions,
    selfAnswers,
    delivery,
  };
}

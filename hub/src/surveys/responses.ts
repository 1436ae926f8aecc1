import type { SelfAnswerReason, Survey, SurveyResponse } from '@sidecoach/shared';
import type { Draft, Job, Trx } from '../lib/jobs.js';
import type { Db } from '../store/db.js';
import type { Selectable } from 'kysely';
import type { SurveyResponsesTable } from '../store/schema.js';
import type { SurveySendRow } from './records.js';
import type { FormValues } from './page.js';

/** A CSAT at or below this raises the live service-recovery alert. */
export const ALERT_CSAT = 2;

export type ResponseRow = Selectable<SurveyResponsesTable> & { agent_name: string };

export function toResponse(row: ResponseRow): SurveyResponse {
  return {
    callId: row.call_id,
    agentId: row.agent_id,
    agentName: row.agent_name,
    callType: row.call_type,
    surveyId: row.survey_id,
    channel: row.channel,
    csat: row.csat,
    resolved: row.resolved === null ? null : row.resolved === 1,
    effort: row.effort,
    comment: row.comment,
    lang: row.lang,
    submittedAt: row.submitted_at,
    alert: row.csat !== null && row.csat <= ALERT_CSAT,
    selfAnswer: row.self_answer,
  };
}

/**
 * A response as an agent may see it: never whether it was set apart as looking like staff
 * answered it (an agent who learnt which of their tries were caught would try another way).
 */
export const forAgentEyes = (response: SurveyResponse): SurveyResponse => ({
  ...response,
  selfAnswer: null,
});

export const responsesQuery = (db: Db | Trx) =>
  db
    .selectFrom('survey_responses')
    .innerJoin('users', 'users.id', 'survey_responses.agent_id')
    .selectAll('survey_responses')
    .select('users.display_name as agent_name');

export type Answers = Record<string, string | boolean | number | null>;

/**
 * Validates a submitted form against the survey: scales 1-5 and yes/no are required, the
 * comment is optional and capped. Returns the answers or an error key per question.
 */
export function checkAnswers(
  survey: Survey,
  form: FormValues,
): { answers: Answers; errors: Record<string, { key: string; max?: number }> } {
  const answers: Answers = {};
  const errors: Record<string, { key: string; max?: number }> = {};
  for (const q of survey.questions) {
    const raw = (form[q.id] ?? '').trim();
    switch (q.kind) {
      case 'csat':
      case 'effort':
        if (/^[1-5]$/.test(raw)) answers[q.id] = Number(raw);
        else errors[q.id] = { key: 'page.missing' };
        break;
      case 'resolved':
        if (raw === 'yes' || raw === 'no') answers[q.id] = raw === 'yes';
        else errors[q.id] = { key: 'page.missing' };
        break;
      case 'comment':
        // Counted in characters as the customer sees them (a Chinese character is one).
        if ([...raw].length > q.maxLength) errors[q.id] = { key: 'page.tooLong', max: q.maxLength };
        else answers[q.id] = raw === '' ? null : raw;
        break;
    }
  }
  return { answers, errors };
}

const first = (survey: Survey, answers: Answers, kind: Survey['questions'][number]['kind']) => {
  const q = survey.questions.find((x) => x.kind === kind);
  return q ? (answers[q.id] ?? null) : null;
};

/** Who hears of a response: the leads and supervisors of the agent's teams, and the agent if a team of theirs shares responses. */
async function recipients(trx: Trx, agentId: string): Promise<string[]> {
  const teams = await trx
    .selectFrom('team_members')
    .innerJoin('teams', 'teams.id', 'team_members.team_id')
    .select(['teams.id', 'teams.agents_see_surveys'])
    .where('team_members.user_id', '=', agentId)
    .execute();
  if (teams.length === 0) return [];
  const coaches = await trx
    .selectFrom('team_members')
    .innerJoin('users', 'users.id', 'team_members.user_id')
    .select('users.id')
    .distinct()
    .where(
      'team_members.team_id',
      'in',
      teams.map((t) => t.id),
    )
    .where('users.role', 'in', ['lead', 'supervisor'])
    .where('users.disabled', '=', 0)
    .execute();
  const ids = coaches.map((c) => c.id);
  if (teams.some((t) => t.agents_see_surveys === 1)) ids.push(agentId);
  return ids;
}

export class AlreadyAnswered extends Error {}

/**
 * Stores a response once per survey and tells the lead (an alert when CSAT is low) and the
 * agent. `selfAnswer`: why it looks like staff gave it (self-answer.ts), stored with it.
 */
export function submitJob(
  send: SurveySendRow,
  survey: Survey,
  answers: Answers,
  lang: string,
  selfAnswer: SelfAnswerReason | null = null,
): Job<SurveyResponse> {
  return async (trx) => {
    const csat = first(survey, answers, 'csat');
    const resolved = first(survey, answers, 'resolved');
    const effort = first(survey, answers, 'effort');
    const comment = first(survey, answers, 'comment');
    const inserted = await trx
      .insertInto('survey_responses')
      .values({
        call_id: send.call_id,
        agent_id: send.agent_id,
        survey_id: survey.id,
        call_type: send.call_type,
        channel: send.channel ?? 'link',
        answers: JSON.stringify(answers),
        csat: typeof csat === 'number' ? csat : null,
        resolved: typeof resolved === 'boolean' ? (resolved ? 1 : 0) : null,
        effort: typeof effort === 'number' ? effort : null,
        comment: typeof comment === 'string' ? comment : null,
        lang,
        submitted_at: new Date().toISOString(),
        self_answer: selfAnswer,
      })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) throw new AlreadyAnswered();
    const row = await responsesQuery(trx)
      .where('survey_responses.call_id', '=', send.call_id)
      .executeTakeFirstOrThrow();
    const response = toResponse(row);
    const messages: Draft[] = (await recipients(trx, send.agent_id)).map((recipientId) => ({
      recipientId,
      refId: `survey-response:${send.call_id}`,
      content: {
        kind: 'survey-response',
        response: recipientId === send.agent_id ? forAgentEyes(response) : response,
      },
    }));
    return { result: response, messages };
  };
}

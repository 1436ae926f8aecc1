import {
  answerProblems,
  fail,
  localDate,
  ok,
  RELEASED_EVALUATION_STATUSES,
  scoreScorecard,
  type AckResponse,
  type Answer,
  type ErrorBody,
  type Evaluation,
  type StandardsPack,
} from '@sidecoach/shared';
import { userRoom, type HubContext } from '../lib/context.js';
import { handlers } from '../lib/handlers.js';
import type { Job } from '../lib/jobs.js';
import { coachedAgentIds } from '../lib/people.js';
import { disputeProblem, describeProblems, saveProblems } from './checks.js';
import { drawTeam } from './draw.js';
import {
  acknowledge,
  raiseDispute,
  release,
  resolve,
  saveEvaluation,
  savePlan,
  setFlag,
  type Outcome,
} from './jobs.js';
import {
  canCoach,
  coachesTeam,
  evaluatesFor,
  holders,
  isAdmin,
  isCoach,
  NOT_ADMIN,
  NOT_EVALUATOR,
  teamOfAgent,
} from './policy.js';
import {
  assignmentById,
  assignmentOfCall,
  callFacts,
  callRow,
  disputeById,
  evaluationById,
  evaluationOfCall,
  evaluationRow,
  listPlans,
  planRow,
  queue,
  RELEASED_STATUSES,
  teamRow,
  toEvaluations,
  type EvaluationJoined,
} from './records.js';
import { guidanceOf } from './calibration-records.js';
import { disputesView, evaluatorStats, listEvaluations, myEvaluations } from './views.js';

/** The dispute window when the agent's team has no plan (an evaluation outside any plan). */
const DEFAULT_DISPUTE_DAYS = 7;
const DAY_MS = 86_400_000;
const since = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString();
const refusal = (error: ErrorBody) => fail(error.code, error.message, error.problems);
const isReleased = (status: string) => (RELEASED_STATUSES as readonly string[]).includes(status);
const HUB_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** Quality monitoring for one socket: plans and draws, the queue, evaluations, disputes, views. */
export function qaHandlers(ctx: HubContext) {
  const { db, inbox, standards, io, scores } = ctx;
  return handlers(({ user, log }) => {
    /** The evaluation as the caller may see it (an agent: without numbers, if their team says so). */
    const seen = (e: Evaluation) => scores.evaluation(user, e);

    /**
     * Tells everyone concerned of a change, each as they may see it: the agent (once released),
     * the evaluator, and the arbitrators of its disputes. Answers the caller's view.
     */
    const announce = async (evaluationId: string): Promise<Evaluation> => {
      const e = (await evaluationById(db, evaluationId))!;
      if (isReleased(e.status))
        io.to(userRoom(e.agentId)).emit(
          'qa:changed',
          scores.evaluation({ id: e.agentId, role: 'agent' }, e),
        );
      const staff = new Set([e.evaluatorId, ...e.disputes.map((d) => d.arbitratorId)]);
      for (const id of staff) if (id && id !== e.agentId) io.to(userRoom(id)).emit('qa:changed', e);
      return seen(e);
    };

    /** The pack an evaluation is (or will be) scored with. */
    const packOf = async (packId: string, version: number): Promise<StandardsPack | ErrorBody> =>
      (await standards.version(packId, version)) ?? {
        code: 'not_found',
        message: `standards pack ${packId} version ${version} is not stored on this hub`,
      };

    /** The evaluation the agent asks about: their own, released (others are not theirs to know). */
    const agentsOwn = async (evaluationId: string): Promise<EvaluationJoined | ErrorBody> => {
      const row = await evaluationRow(db, evaluationId);
      const visible =
        row && (user.role !== 'agent' || (row.agent_id === user.id && isReleased(row.status)));
      return visible ? row : { code: 'not_found', message: `no evaluation ${evaluationId}` };
    };

    /** Runs a write that answers an outcome, then tells everyone concerned. */
    const write = async (
      job: Job<Outcome<{ changed: boolean }>>,
      evaluationId: string,
      what: string,
    ): Promise<AckResponse<Evaluation>> => {
      const outcome = await inbox.submit(job);
      if ('error' in outcome) return refusal(outcome.error);
      if (!outcome.ok.changed) return ok(seen((await evaluationById(db, evaluationId))!));
      log.info({ evaluationId }, what);
      return ok(await announce(evaluationId));
    };

    return {
      'qa:plans': async () => {
        if (isAdmin(user)) return ok({ plans: await listPlans(db, null) });
        if (!isCoach(user)) return fail('forbidden', 'QA plans are for coaches and evaluators');
        const teams = new Set(user.teams.map((t) => t.id));
        const plans = await listPlans(db, null);
        return ok({
          plans: plans.filter(
            (p) =>
              teams.has(p.teamId) || p.evaluatorIds.includes(user.id) || p.arbitratorId === user.id,
          ),
        });
      },

      'qa:plan-save': async (input) => {
        if (!isAdmin(user)) return fail('forbidden', NOT_ADMIN);
        const team = await teamRow(db, input.teamId);
        if (!team) return fail('not_found', `no team ${input.teamId}`);
        if (new Set(input.evaluatorIds).size !== input.evaluatorIds.length)
          return fail('bad_request', 'an evaluator is named twice');
        const evaluators = await holders(db, input.evaluatorIds, 'evaluator', false);
        const lacking = input.evaluatorIds.filter((id) => !evaluators.has(id));
        if (lacking.length > 0)
          return fail(
            'bad_request',
            `not active users with the evaluator permission: ${lacking.join(', ')}`,
          );
        if (
          input.arbitratorId !== null &&
          !(await holders(db, [input.arbitratorId], 'arbitrator', true)).has(input.arbitratorId)
        )
          return fail(
            'bad_request',
            `the arbitrator ${input.arbitratorId} is not an active admin or holder of the arbitrator permission`,
          );
        const plan = await inbox.submit(savePlan(user.id, input, team.name));
        log.info({ teamId: input.teamId, active: plan.active }, 'QA plan saved');
        return ok(plan);
      },

      'qa:draw': async ({ teamId, day }) => {
        if (!isAdmin(user)) return fail('forbidden', NOT_ADMIN);
        const plan = await planRow(db, teamId);
        if (plan?.active === 0)
          return fail('conflict', 'the team’s QA plan is paused: make it active to draw');
        const outcome = await drawTeam(ctx, teamId, day, 'started');
        if ('error' in outcome) return fail('not_found', outcome.error);
        log.info(
          {
            teamId,
            period: outcome.period.from,
            drawn: outcome.drawn.length,
            kept: outcome.kept,
            empty: outcome.empty,
            unassigned: outcome.unassigned,
          },
          'QA sample drawn',
        );
        return ok({ drawn: outcome.drawn, kept: outcome.kept, empty: outcome.empty });
      },

      'qa:queue': async ({ evaluatorId, teamId, includeDone }) => {
        const doneSince = since(90);
        if (teamId !== undefined) {
          if (!isAdmin(user) && !coachesTeam(user, teamId))
            return fail('forbidden', 'leads and supervisors read their own teams’ draws');
          return ok({ assignments: await queue(db, { teamId }, includeDone, doneSince) });
        }
        if (user.role === 'agent') return fail('forbidden', 'the QA queue is for evaluators');
        const whose = evaluatorId ?? user.id;
        if (whose !== user.id && !isAdmin(user))
          return fail('forbidden', 'only quality managers read another evaluator’s queue');
        return ok({ assignments: await queue(db, { evaluatorId: whose }, includeDone, doneSince) });
      },

      'qa:flag': async ({ callId, note, flagged }) => {
        const call = await callRow(db, callId);
        if (!call) return fail('not_found', `no call ${callId}`);
        if (!(await canCoach(db, user, call.agent_id)))
          return fail(
            'forbidden',
            'only the agent’s supervisors and leads flag their calls for QA',
          );
        if (flagged === undefined) {
          const flag = await db
            .selectFrom('qa_flags')
            .select('call_id')
            .where('call_id', '=', callId)
            .executeTakeFirst();
          return ok({ callId, flagged: flag !== undefined });
        }
        await inbox.submit(setFlag(callId, user.id, note, flagged));
        log.info({ callId, flagged }, flagged ? 'call flagged for QA' : 'QA flag taken back');
        return ok({ callId, flagged });
      },

      'qa:open': async (input) => {
        let assignment =
          'assignmentId' in input ? await assignmentById(db, input.assignmentId) : undefined;
        if ('assignmentId' in input && !assignment)
          return fail('not_found', `no assignment ${input.assignmentId}`);
        let row =
          'evaluationId' in input
            ? await evaluationRow(db, input.evaluationId)
            : assignment?.evaluationId
              ? await evaluationRow(db, assignment.evaluationId)
              : undefined;
        if ('evaluationId' in input && !row)
          return fail('not_found', `no evaluation ${input.evaluationId}`);
        const callId = 'callId' in input ? input.callId : (assignment?.callId ?? row?.call_id);
        if (!callId)
          return fail(
            'not_found',
            `evaluation ${row?.id} was imported from ${row?.evaluator_name} without a call: there are no call facts to open`,
          );
        const call = await callRow(db, callId);
        if (!call) return fail('not_found', `no call ${callId}`);
        row ??= await evaluationOfCall(db, callId);
        assignment ??= await assignmentOfCall(db, callId);
        const team = await teamOfAgent(db, call.agent_id);
        const plan = team && (await planRow(db, team.id));
        const evaluation = row && (await toEvaluations(db, [row]))[0];
        const involved =
          evaluation?.evaluatorId === user.id ||
          assignment?.evaluatorId === user.id ||
          evaluation?.disputes.some((d) => d.arbitratorId === user.id);
        // The agent's supervisors and leads read a released evaluation (for coaching), never a
        // draft or one not released yet; it opens read-only for them.
        const coachReads =
          evaluation !== undefined &&
          (RELEASED_EVALUATION_STATUSES as readonly string[]).includes(evaluation.status) &&
          (await canCoach(db, user, call.agent_id));
        if (!evaluatesFor(user, plan) && !involved && !coachReads)
          return fail('forbidden', NOT_EVALUATOR);
        const pack = row
          ? await packOf(row.pack_id, row.pack_version)
          : await packOf(call.pack_id, call.pack_version);
        if ('code' in pack) return refusal(pack);
        return ok({
          facts: await callFacts(db, call, team?.id ?? null),
          pack,
          evaluation: evaluation ?? null,
          assignment: assignment ?? null,
          guidance: await guidanceOf(db, pack.id, pack.version),
        });
      },

      'qa:save': async (input) => {
        const call = await callRow(db, input.callId);
        if (!call) return fail('not_found', `no call ${input.callId}`);
        if (call.ended_at === null)
          return fail('bad_request', 'the call is still under way: evaluate it once it has ended');
        const team = await teamOfAgent(db, call.agent_id);
        const plan = team && (await planRow(db, team.id));
        const existing = await evaluationRow(db, input.id);
        const own = existing?.evaluator_id === user.id;
        if (!evaluatesFor(user, plan) && !own) return fail('forbidden', NOT_EVALUATOR);
        const assignment = input.assignmentId
          ? await assignmentById(db, input.assignmentId)
          : await assignmentOfCall(db, input.callId);
        if (input.assignmentId && assignment?.callId !== input.callId)
          return fail('bad_request', `assignment ${input.assignmentId} is not for this call`);
        if (assignment && assignment.evaluatorId !== user.id && !isAdmin(user) && !own)
          return fail('forbidden', `this call is assigned to ${assignment.evaluatorName}`);
        const pack = existing
          ? await packOf(existing.pack_id, existing.pack_version)
          : await packOf(call.pack_id, call.pack_version);
        if ('code' in pack) return refusal(pack);
        const problems = saveProblems(pack, call.call_type, input);
        if (problems) return fail('bad_request', problems.message, problems.problems);
        const outcome = await inbox.submit(
          saveEvaluation(input, {
            user,
            agentId: call.agent_id,
            packId: pack.id,
            packVersion: pack.version,
            assignmentId: assignment?.id ?? null,
            score: input.submit ? scoreScorecard(pack, call.call_type, input.answers) : null,
          }),
        );
        if ('error' in outcome) return refusal(outcome.error);
        if (outcome.ok.changed)
          log.info(
            { evaluationId: input.id, callId: input.callId, submitted: input.submit },
            input.submit ? 'evaluation submitted' : 'evaluation draft saved',
          );
        return ok(seen((await evaluationById(db, input.id))!));
      },

      'qa:release': async ({ evaluationId }) => {
        const row = await evaluationRow(db, evaluationId);
        if (!row || user.role === 'agent')
          return fail('not_found', `no evaluation ${evaluationId}`);
        const team = await teamOfAgent(db, row.agent_id);
        const plan = team && (await planRow(db, team.id));
        return write(
          release(evaluationId, user, {
            zone: team?.time_zone ?? HUB_ZONE,
            disputeDays: plan?.dispute_days ?? DEFAULT_DISPUTE_DAYS,
          }),
          evaluationId,
          'evaluation released',
        );
      },

      'qa:mine': async () => {
        if (user.role !== 'agent')
          return fail('forbidden', 'qa:mine is the agent’s own; coaches use qa:list');
        const evaluations = await myEvaluations(db, user.id, since(365), 200);
        return ok({
          evaluations: evaluations.map(seen),
          behavioursOnly: scores.behavioursOnly(user.id),
        });
      },

      'qa:ack': async ({ evaluationId }) => {
        const row = await agentsOwn(evaluationId);
        if ('code' in row) return refusal(row);
        return write(acknowledge(evaluationId, user), evaluationId, 'evaluation acknowledged');
      },

      'qa:dispute': async (input) => {
        const row = await agentsOwn(input.evaluationId);
        if ('code' in row) return refusal(row);
        if (row.status !== 'imported' && row.call_type !== null && row.agent_id === user.id) {
          const pack = await packOf(row.pack_id, row.pack_version);
          if ('code' in pack) return refusal(pack);
          const problem = disputeProblem(
            pack,
            row.call_type,
            JSON.parse(row.answers) as Record<string, Answer>,
            input.points,
          );
          if (problem) return fail('bad_request', problem);
        }
        const team = await teamOfAgent(db, row.agent_id);
        const plan = team && (await planRow(db, team.id));
        return write(
          raiseDispute(input, user, {
            today: localDate(new Date(), team?.time_zone ?? HUB_ZONE),
            arbitratorId: plan?.arbitrator_id ?? null,
          }),
          input.evaluationId,
          'evaluation disputed',
        );
      },

      'qa:resolve': async (input) => {
        const dispute = await disputeById(db, input.disputeId);
        if (!dispute || user.role === 'agent')
          return fail('not_found', `no dispute ${input.disputeId}`);
        const row = (await evaluationRow(db, dispute.evaluationId))!;
        const pack = await packOf(row.pack_id, row.pack_version);
        if ('code' in pack) return refusal(pack);
        const callType = row.call_type ?? '';
        const comments = JSON.parse(row.comments) as Record<string, string>;
        const outcome = await inbox.submit(
          resolve(input, user, (answers) => {
            const found = describeProblems(answerProblems(pack, callType, answers, comments), [
              'missing',
              'unknown',
              'naRefused',
            ]);
            return found
              ? { score: null, problems: found.problems }
              : { score: scoreScorecard(pack, callType, answers), problems: [] };
          }),
        );
        if ('error' in outcome) return refusal(outcome.error);
        if (!outcome.ok.changed) return ok(seen((await evaluationById(db, row.id))!));
        log.info({ disputeId: input.disputeId, evaluationId: row.id }, 'dispute resolved');
        return ok(await announce(row.id));
      },

      'qa:disputes': async ({ teamId, includeClosed, days }) => {
        if (user.role === 'agent')
          return fail('forbidden', 'disputes are read by coaches and arbitrators');
        if (teamId !== undefined && !isAdmin(user) && !coachesTeam(user, teamId))
          return fail('forbidden', 'leads and supervisors read their own teams’ disputes');
        const agentIds = isAdmin(user)
          ? teamId
            ? await teamAgents(teamId)
            : null
          : teamId
            ? await teamAgents(teamId)
            : await coachedAgentIds(db, user);
        return ok(
          await disputesView(
            db,
            standards.active,
            user.lang ?? 'en',
            { agentIds, arbitratorId: teamId ? null : user.id },
            since(days),
            includeClosed,
          ),
        );
      },

      'qa:list': async ({ agentId, teamId, evaluatorId, days, limit }) => {
        const filter = { agentId, teamId, evaluatorId, since: since(days), limit };
        if (user.role === 'agent') {
          if ((agentId && agentId !== user.id) || teamId || evaluatorId)
            return fail('forbidden', 'agents see their own released evaluations only');
          return ok({
            evaluations: (await myEvaluations(db, user.id, filter.since, limit)).map(seen),
          });
        }
        if (!isCoach(user))
          return fail('forbidden', 'evaluations are read by coaches and evaluators');
        if (isAdmin(user))
          return ok({
            evaluations: await listEvaluations(
              db,
              { agentIds: null, draftsOf: user.id, releasedOnly: false },
              filter,
            ),
          });
        if (teamId && !coachesTeam(user, teamId))
          return fail('forbidden', 'leads and supervisors read their own teams’ evaluations');
        // Their own work as evaluators, whichever team; else the agents they coach.
        const ownWork = evaluatorId === user.id;
        if (!ownWork && agentId && !(await canCoach(db, user, agentId)))
          return fail('forbidden', 'you do not coach this agent');
        return ok({
          evaluations: await listEvaluations(
            db,
            {
              agentIds: ownWork ? null : await coachedAgentIds(db, user),
              draftsOf: user.id,
              releasedOnly: false,
            },
            filter,
          ),
        });
      },

      'qa:evaluators': async ({ teamId, day, period }) => {
        if (!isAdmin(user)) {
          if (!isCoach(user)) return fail('forbidden', 'evaluator figures are for coaches');
          if (teamId === undefined || !coachesTeam(user, teamId))
            return fail(
              'forbidden',
              'leads and supervisors read their own team’s evaluators (give teamId)',
            );
        }
        const team = teamId ? await teamRow(db, teamId) : undefined;
        if (teamId && !team) return fail('not_found', `no team ${teamId}`);
        const zone = team?.time_zone ?? HUB_ZONE;
        return ok(
          await evaluatorStats(
            db,
            { teamId: teamId ?? null, teamIds: null },
            { day: day ?? localDate(new Date(), zone), kind: period, zone },
          ),
        );
      },
    };
  });

  async function teamAgents(teamId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('team_members')
      .select('user_id')
      .where('team_id', '=', teamId)
      .execute();
    return rows.map((r) => r.user_id);
  }
}

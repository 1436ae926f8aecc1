import { fail, ok, type SurveyResponse } from '@sidecoach/shared';
import { activeAgentIds } from '../lib/people.js';
import { userRoom, type HubContext } from '../lib/context.js';
import { handlers } from '../lib/handlers.js';
import { periodRange } from '../lib/period.js';
import { getCall } from '../lib/call-records.js';
import { notMysteryCall, notReleasedMysteryCall } from '../lib/mystery-calls.js';
import {
  configuredChannels,
  ExclusionRefused,
  excludeJob,
  statusOf,
  type SurveyDeps,
} from './decide.js';
import { agentSeesSurveys, coachedAgents, isSurveyCoach, teamSettingsAccess } from './policy.js';
import { SurveyPackRejected } from './packs.js';
import { changeTeamSettings, teamSettingsOf } from './records.js';
import { surveyReport } from './report.js';
import { forAgentEyes, responsesQuery, toResponse } from './responses.js';

/** Survey events of one socket: exclusions and status (agents), results, settings, the pack. */
export function surveyHandlers(ctx: HubContext, deps: SurveyDeps) {
  const { db, inbox } = ctx;
  return handlers(({ user, log }) => {
    return {
      'survey:exclude': async ({ callId, reason }) => {
        if (user.role !== 'agent')
          return fail('forbidden', 'only the agent of a call may exclude it');
        const call = await getCall(db, callId);
        if (!call || call.agentId !== user.id)
          return fail('not_found', `no call ${callId} of yours`);
        try {
          const status = await inbox.submit(excludeJob(deps, call, reason));
          log.info({ callId, reason }, 'survey exclusion recorded');
          return ok(status);
        } catch (err) {
          if (err instanceof ExclusionRefused) return fail('conflict', err.message);
          throw err;
        }
      },

      'survey:status': async ({ callId }) => {
        const call = await getCall(db, callId);
        const own = call?.agentId === user.id;
        const scope = call && !own ? await coachedAgents(db, user) : undefined;
        const coached = scope?.ok === true && scope.agentIds.includes(call!.agentId);
        if (!call || !(own || coached)) return fail('not_found', `no call ${callId}`);
        return ok(await statusOf(deps, db, call, own));
      },

      'survey:responses': async ({ teamId, agentId, limit, ...period }) => {
        let agentIds: string[];
        if (user.role === 'agent') {
          if ((agentId && agentId !== user.id) || teamId)
            return fail('forbidden', "agents see their own customers' responses only");
          if (!(await agentSeesSurveys(db, user.id)))
            return fail(
              'forbidden',
              "your team does not share customers' survey responses with agents",
            );
          agentIds = [user.id];
        } else {
          const scope = await coachedAgents(db, user, teamId);
          if (!scope.ok) return fail('forbidden', scope.message);
          agentIds = agentId ? scope.agentIds.filter((id) => id === agentId) : scope.agentIds;
          if (agentId && agentIds.length === 0)
            return fail('forbidden', `you do not coach ${agentId}`);
        }
        if (agentIds.length === 0) return ok({ responses: [] });
        const { from, to } = periodRange(period);
        const rows = await responsesQuery(db)
          .where('survey_responses.agent_id', 'in', agentIds)
          .where('survey_responses.submitted_at', '>=', from)
          .where('survey_responses.submitted_at', '<=', to)
          // Answers on a mystery call are not a customer's (and say nothing of why they are gone);
          // the agent's own list keeps them until the wave is released (lib/mystery-calls.ts).
          .where(
            user.role === 'agent'
              ? notReleasedMysteryCall('survey_responses.call_id')
              : notMysteryCall('survey_responses.call_id'),
          )
          .orderBy('survey_responses.submitted_at', 'desc')
          .limit(limit)
          .execute();
        const seen = user.role === 'agent' ? forAgentEyes : (r: SurveyResponse) => r;
        return ok({
          responses: rows.map((r) => ctx.scores.response(user, seen(toResponse(r)))),
        });
      },

      'survey:report': async ({ teamId, ...period }) => {
        const scope = await coachedAgents(db, user, teamId);
        if (!scope.ok) return fail('forbidden', scope.message);
        return ok(
          await surveyReport(
            db,
            scope.agentIds,
            periodRange(period),
            configuredChannels(deps.config),
          ),
        );
      },

      'team:settings': async ({ teamId, agentsSeeSurveys, behavioursOnly }) => {
        const access = teamSettingsAccess(user, teamId);
        if (access === 'none') return fail('not_found', `no team ${teamId} of yours`);
        if (agentsSeeSurveys !== undefined || behavioursOnly !== undefined) {
          if (access !== 'write')
            return fail('forbidden', 'only team leads and quality managers change team settings');
          await changeTeamSettings(db, teamId, { agentsSeeSurveys, behavioursOnly });
          // Before the acknowledgement: from now on no number reaches the team's agents.
          await ctx.scores.reload();
          // What the team's agents hold on screen may show what they may no longer see: refetch.
          for (const agentId of await activeAgentIds(db, [teamId]))
            ctx.io.to(userRoom(agentId)).emit('profile:changed');
          log.info({ teamId, agentsSeeSurveys, behavioursOnly }, 'team setting changed');
        }
        const settings = await teamSettingsOf(db, teamId);
        if (!settings) return fail('not_found', `no team ${teamId}`);
        return ok(settings);
      },

      'survey:pack': () => {
        if (!isSurveyCoach(user))
          return Promise.resolve(
            fail('forbidden', 'the survey pack is for leads and quality managers'),
          );
        return Promise.resolve(ok(deps.packs.info));
      },

      'survey:save-pack': async ({ yaml }) => {
        if (user.role !== 'admin') return fail('forbidden', 'only quality managers change surveys');
        try {
          const info = await deps.packs.save(yaml, user.id);
          log.info({ version: info.version }, 'survey pack saved');
          return ok(info);
        } catch (err) {
          if (err instanceof SurveyPackRejected) return fail('bad_request', err.message);
          throw err;
        }
      },
    };
  });
}

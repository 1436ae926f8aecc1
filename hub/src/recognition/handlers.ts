import { allItems, fail, ok, shoutoutProblems } from '@sidecoach/shared';
import type { HubContext } from '../lib/context.js';
import { handlers } from '../lib/handlers.js';
import { getCall } from '../lib/call-records.js';
import { shoutoutJob } from './jobs.js';
import {
  canReadSummary,
  canReadWall,
  giverRole,
  NOT_GIVER,
  NOT_SELF,
  NOT_SUMMARY_READER,
  NOT_WALL_READER,
} from './policy.js';
import { agentOf, shoutoutById, teamRow } from './records.js';
import { mineOf, summaryOf, wallOf } from './views.js';

/** Shout-outs, the team wall, the agent's own recognition, the lead's monthly summary. */
export function recognitionHandlers(ctx: HubContext) {
  const { db, standards, inbox } = ctx;
  return handlers(({ socket, user, log }) => ({
    'recognition:shoutout': async (input) => {
      if (input.agentId === user.id) return fail('forbidden', NOT_SELF);
      // A retry of a stored shout-out is answered with it, whatever changed since.
      const stored = await shoutoutById(db, input.id);
      if (stored)
        return stored.fromId === user.id
          ? ok(stored)
          : fail('conflict', `shout-out id ${input.id} is taken`);
      const agent = await agentOf(db, input.agentId);
      if (!agent) return fail('not_found', `no agent ${input.agentId}`);
      const fromRole = giverRole(user, agent.team?.id ?? null);
      if (!fromRole || !agent.team) return fail('forbidden', NOT_GIVER);
      if (!allItems(standards.active).some((i) => i.id === input.itemId))
        return fail('bad_request', `"${input.itemId}" is not a standard of the active pack`);
      if (input.callId) {
        const call = await getCall(db, input.callId);
        if (call?.agentId !== agent.id)
          return fail('bad_request', `call ${input.callId} is not a call of ${agent.name}`);
      }
      const problems = shoutoutProblems(input.behaviour, input.lang);
      if (problems.length > 0)
        return fail(
          'bad_request',
          `a shout-out must say what the agent did (${[...new Set(problems.map((p) => p.code))].join(', ')})`,
          problems.map((p) => p.message),
        );
      const outcome = await inbox.submit(
        shoutoutJob(input, {
          fromId: user.id,
          fromRole,
          teamId: agent.team.id,
          ip: socket.handshake.address ?? null,
        }),
      );
      if ('error' in outcome) return fail(outcome.error.code, outcome.error.message);
      log.info(
        { shoutoutId: input.id, agentId: agent.id, itemId: input.itemId, fromRole },
        'shout-out given',
      );
      return ok(outcome.ok);
    },

    'recognition:wall': async (request) => {
      const team = await teamRow(db, request.teamId);
      if (!team) return fail('not_found', `no team ${request.teamId}`);
      if (!canReadWall(user, team.id)) return fail('forbidden', NOT_WALL_READER);
      return ok(await wallOf(db, user, team, request));
    },

    'recognition:mine': async () => ok(await mineOf(db, user.id)),

    'recognition:summary': async ({ teamId, month }) => {
      const team = await teamRow(db, teamId);
      if (!team) return fail('not_found', `no team ${teamId}`);
      if (!canReadSummary(user, team.id)) return fail('forbidden', NOT_SUMMARY_READER);
      return ok(await summaryOf(db, team, month));
    },
  }));
}

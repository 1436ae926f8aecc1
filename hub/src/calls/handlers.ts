import {
  answerProblems,
  checklistFor,
  fail,
  ok,
  scoreScorecard,
  agentStatusOf,
  type CallRecord,
} from '@sidecoach/shared';
import { userRoom, type HubContext } from '../lib/context.js';
import { announceCall, endCall } from '../lib/call-changes.js';
import { handlers } from '../lib/handlers.js';
import { nowIso } from '../store/db.js';
import { canReadCallsOf, canTakeCalls } from './policy.js';
import {
  completeSkippedAssessment,
  insertAssessment,
  insertCall,
  saveTick,
  setCallType,
} from './records.js';
import { getCall, openCallOf, recentCalls } from '../lib/call-records.js';

const AGENTS_ONLY = 'only agents take calls';

/** Calls, checklist ticks and self-assessments. Every write is stored before it is acknowledged. */
export function callHandlers(ctx: HubContext) {
  const { db, standards, bus } = ctx;
  return handlers(({ socket, user, log }) => {
    /** The call as this user may see it (no score for an agent coached on behaviours). */
    const view = (call: CallRecord) => ctx.scores.call(user, call);

    /** Tells the agent's other sessions about a change, and everyone about the status. */
    const changed = async (call: CallRecord) => {
      await announceCall(ctx, call, socket.id);
      return ok(view(call));
    };
    /** The caller's own call, or an error response naming why not. */
    const ownCall = async (callId: string) => {
      const call = await getCall(db, callId);
      if (!call || call.agentId !== user.id)
        return { error: fail('not_found', `no call ${callId} of yours`) };
      return { call };
    };

    return {
      'session:bootstrap': async () => {
        const calls = await recentCalls(db, user.id, 20);
        const openCall = (await openCallOf(db, user.id)) ?? null;
        const active = standards.active;
        const versions = new Map<string, { id: string; version: number }>();
        for (const c of [...(openCall ? [openCall] : []), ...calls])
          if (c.packId !== active.id || c.packVersion !== active.version)
            versions.set(`${c.packId}@${c.packVersion}`, { id: c.packId, version: c.packVersion });
        const callPacks = (
          await Promise.all([...versions.values()].map((v) => standards.version(v.id, v.version)))
        ).filter((p) => p !== undefined);
        return ok({
          user: {
            id: user.id,
            username: user.username,
            displayName: user.displayName,
            role: user.role,
            teams: user.teams,
            behavioursOnly: ctx.scores.behavioursOnly(user.id),
            lang: user.lang,
            permissions: user.permissions,
          },
          ...agentStatusOf([...(openCall ? [openCall] : []), ...calls]),
          pack: active,
          callPacks,
          openCall: openCall && view(openCall),
          recentCalls: ctx.scores.calls(user, calls),
          serverTime: nowIso(),
        });
      },

      'call:start': async (start) => {
        const { id, callType, source, externalId } = start;
        if (!canTakeCalls(user)) return fail('forbidden', AGENTS_ONLY);
        const existing = await getCall(db, id);
        if (existing)
          return existing.agentId === user.id
            ? ok(view(existing))
            : fail('conflict', `call id ${id} is taken`);
        const pack = standards.active;
        if (!pack.callTypes.some((ct) => ct.id === callType))
          return fail('bad_request', `unknown call type "${callType}"`);
        const open = await openCallOf(db, user.id);
        // A retry racing its own first send (whose answer was late) finds that call open.
        if (open?.id === id) return ok(view(open));
        if (open) return fail('conflict', `call ${open.id} is still open: end it first`);
        await insertCall(db, user.id, pack, start);
        const stored = (await getCall(db, id))!;
        if (stored.agentId !== user.id) return fail('conflict', `call id ${id} is taken`);
        log.info({ callId: id, callType, source, externalId }, 'call started');
        return changed(stored);
      },

      'call:tick': async (tick) => {
        const { callId, itemId } = tick;
        if (!canTakeCalls(user)) return fail('forbidden', AGENTS_ONLY);
        const { call, error } = await ownCall(callId);
        if (!call) return error;
        if (call.endedAt !== null)
          return fail('conflict', 'the call has ended: answer the self-assessment instead');
        const pack = await standards.version(call.packId, call.packVersion);
        const onChecklist =
          pack &&
          checklistFor(pack, call.callType).some((a) => a.items.some((i) => i.id === itemId));
        if (!onChecklist)
          return fail('bad_request', `"${itemId}" is not on the ${call.callType} checklist`);
        await saveTick(db, tick);
        const updated = (await getCall(db, callId))!;
        socket.to(userRoom(user.id)).emit('call:changed', view(updated));
        bus.emit('call:changed', updated, 'tick');
        return ok(view(updated));
      },

      'call:end': async ({ callId, endedAt }) => {
        if (!canTakeCalls(user)) return fail('forbidden', AGENTS_ONLY);
        const { call, error } = await ownCall(callId);
        if (!call) return error;
        if (call.endedAt !== null) return ok(view(call)); // a retry (or the PBX ended it): the first end stands
        const end = new Date(endedAt);
        if (end.getTime() < new Date(call.startedAt).getTime())
          return fail('bad_request', 'endedAt is before the call started');
        const { call: stored, ended } = await endCall(ctx, call, end);
        if (!ended) return ok(view(stored));
        log.info({ callId, durationMs: stored.durationMs }, 'call ended');
        return changed(stored);
      },

      'call:retype': async ({ callId, callType }) => {
        if (!canTakeCalls(user)) return fail('forbidden', AGENTS_ONLY);
        const { call, error } = await ownCall(callId);
        if (!call) return error;
        if (call.assessment) return fail('conflict', 'the call is already assessed');
        const pack = await standards.version(call.packId, call.packVersion);
        if (!pack?.callTypes.some((ct) => ct.id === callType)) {
          return fail('bad_request', `unknown call type "${callType}"`);
        }
        if (call.callType === callType) return ok(view(call));
        await setCallType(db, callId, callType);
        log.info({ callId, from: call.callType, to: callType }, 'call type corrected');
        const updated = (await getCall(db, callId))!;
        socket.to(userRoom(user.id)).emit('call:changed', view(updated));
        bus.emit('call:changed', updated, 'status');
        return ok(view(updated));
      },

      'assessment:submit': async (input) => {
        if (!canTakeCalls(user)) return fail('forbidden', AGENTS_ONLY);
        const { call, error } = await ownCall(input.callId);
        if (!call) return error;
        // A skipped self-assessment can be completed later (from the agent's recent calls).
        const completing = call.assessment?.status === 'skipped' && input.status === 'submitted';
        if (call.assessment && !completing) {
          return call.assessment.id === input.id
            ? ok(view(call))
            : fail('conflict', 'this call already has a self-assessment');
        }
        if (call.endedAt === null) return fail('conflict', 'end the call before assessing it');
        const pack = await standards.version(call.packId, call.packVersion);
        if (!pack)
          return fail('internal', `standards pack ${call.packId} v${call.packVersion} is missing`);
        let answers = {};
        let score = null;
        if (input.status === 'submitted') {
          const { missing, unknown, naRefused } = answerProblems(
            pack,
            call.callType,
            input.answers,
          );
          if (missing.length > 0 || unknown.length > 0 || naRefused.length > 0) {
            const parts = [
              missing.length ? `unanswered: ${missing.join(', ')}` : '',
              unknown.length ? `not on the scorecard: ${unknown.join(', ')}` : '',
              naRefused.length ? `cannot be N/A: ${naRefused.join(', ')}` : '',
            ];
            return fail('bad_request', parts.filter(Boolean).join('; '));
          }
          answers = input.answers;
          score = scoreScorecard(pack, call.callType, input.answers);
        }
        // Once: checked below (a skip is replaced only while it is still a skip).
        if (completing) await completeSkippedAssessment(db, input, answers, score);
        else await insertAssessment(db, user.id, input, answers, score);
        const stored = (await getCall(db, call.id))!;
        if (stored.assessment?.id !== input.id)
          return fail('conflict', 'this call already has a self-assessment');
        log.info(
          { callId: call.id, status: input.status, percent: score?.percent },
          'self-assessment stored',
        );
        return changed(stored);
      },

      'call:list': async ({ limit, agentId }) => {
        const whose = agentId ?? user.id;
        if (!(await canReadCallsOf(db, user, whose)))
          return fail('forbidden', 'you may not read these calls');
        return ok({ calls: ctx.scores.calls(user, await recentCalls(db, whose, limit)) });
      },

      'call:get': async ({ callId }) => {
        const call = await getCall(db, callId);
        // Same answer for "missing" and "not yours": ids of others' calls are not confirmed.
        if (!call || !(await canReadCallsOf(db, user, call.agentId)))
          return fail('not_found', `no call ${callId}`);
        return ok(view(call));
      },
    };
  });
}

import {
  checklistFor,
  fail,
  HISTORY_CALLS_MAX,
  ok,
  type ObservationNoteSchema,
} from '@sidecoach/shared';
import type { z } from 'zod';
import { ALL_TEAMS_ROOM, observersRoom, teamRoom, type HubContext } from '../lib/context.js';
import { handlers } from '../lib/handlers.js';
import { nowIso } from '../store/db.js';
import { callsInPeriod, getCall, openCallOf, recentCalls } from '../lib/call-records.js';
import { periodRange } from '../lib/period.js';
import { loadProfile } from '../lib/people.js';
import type { Floor } from './floor.js';
import type { Observers } from './observers.js';
import { canObserve, floorAgentIds, isCoach } from './policy.js';
import { getObservation, historyNotes, listCoachingNotes, listObservations } from './records.js';
import { confirmDelivery, markRead, writeObservation } from './jobs.js';
import { replyToCoachingNote, writeCoachingNote } from './coaching-notes.js';
import { languageStats } from './language-stats.js';

const NOT_YOURS = 'you may not observe this agent';
/** How long a socket's answer to "may I observe this agent?" is reused (team changes apply after it). */
const AUTHORIZATION_TTL_MS = 15_000;
/** The most observations (and coaching notes) an agent's history carries for one period. */
const HISTORY_NOTES_MAX = 500;

/** Observation, coaching notes, the floor view and inbox confirmations for one socket. */
export function observationHandlers(
  ctx: HubContext,
  { floor, observers }: { floor: Floor; observers: Observers },
) {
  const { db, standards, inbox } = ctx;
  return handlers(({ socket, user, log }) => {
    /**
     * Whom this socket may observe, decided from the session and the stored teams, and kept for
     * a short while: a supervisor writing notes fast asks the same question many times a minute.
     */
    const allowed = new Map<string, { ok: boolean; until: number }>();
    const mayObserve = async (agentId: string) => {
      const cached = allowed.get(agentId);
      if (cached && cached.until > Date.now()) return cached.ok;
      const ok = await canObserve(db, user, agentId);
      allowed.set(agentId, { ok, until: Date.now() + AUTHORIZATION_TTL_MS });
      return ok;
    };

    if (isCoach(user)) {
      void socket.join(
        user.role === 'admin' ? [ALL_TEAMS_ROOM] : user.teams.map((t) => teamRoom(t.id)),
      );
    }

    function retried(existing: NonNullable<Awaited<ReturnType<typeof getObservation>>>) {
      return existing.authorId === user.id
        ? ok(existing)
        : fail('conflict', `observation id ${existing.id} is taken`);
    }
    return {
      'floor:list': async () => {
        if (!isCoach(user)) return fail('forbidden', 'the floor view is for supervisors and leads');
        const agents = [];
        for (const id of await floorAgentIds(db, user)) {
          const entry = await floor.agent(id);
          if (entry) agents.push(entry);
        }
        return ok({ agents, serverTime: nowIso() });
      },

      'presence:ringing': async ({ ringing }) => {
        if (user.role !== 'agent') return fail('forbidden', 'only agents have a phone that rings');
        floor.setRinging(user.id, ringing);
        return Promise.resolve(ok({}));
      },

      'observation:join': async ({ agentId }) => {
        if (!(await mayObserve(agentId))) return fail('forbidden', NOT_YOURS);
        await observers.join(user.id, agentId);
        await socket.join(observersRoom(agentId));
        const call =
          (await openCallOf(db, agentId)) ?? (await recentCalls(db, agentId, 1))[0] ?? null;
        const pack = call
          ? ((await standards.version(call.packId, call.packVersion)) ?? standards.active)
          : standards.active;
        const observations = await listObservations(db, {
          agentId,
          callId: call?.id,
          agentView: false,
          limit: 200,
        });
        await floor.publish(agentId);
        log.info({ agentId }, 'observation joined');
        return ok({
          agent: (await loadProfile(db, agentId))!,
          floor: (await floor.agent(agentId))!,
          pack,
          call,
          observations,
          inboxSeq: await inbox.head(user.id),
        });
      },

      'observation:leave': async ({ agentId }) => {
        await observers.leave(user.id, agentId);
        await socket.leave(observersRoom(agentId));
        await floor.publish(agentId);
        return ok({});
      },

      'observation:note': async (input) => {
        if (!(await mayObserve(input.agentId))) return fail('forbidden', NOT_YOURS);
        const checked = await checkNote(ctx, input);
        if ('error' in checked) return fail('bad_request', checked.error);
        const stored = await inbox.submit(
          writeObservation(observers, {
            row: {
              id: input.id,
              author_id: user.id,
              agent_id: input.agentId,
              call_id: input.callId,
              offset_ms: input.offsetMs,
              item_id: input.itemId ?? null,
              area: input.area ?? null,
              verdict: input.verdict,
              tags: JSON.stringify(input.tags),
              text: input.text,
              visibility: input.visibility,
              delivery: input.delivery,
              lang: input.lang,
              at: new Date(input.at).toISOString(),
            },
            authorName: user.displayName,
            releaseNow: input.visibility === 'shared' && checked.releaseNow,
          }),
        );
        // Already stored (a resend from the outbox): acknowledged again, never stored twice.
        if (!stored) return retried((await getObservation(db, input.id))!);
        log.debug(
          { observationId: stored.id, agentId: stored.agentId, visibility: stored.visibility },
          'observation stored',
        );
        return ok(stored);
      },

      'observation:read': async ({ id }) => {
        if (user.role !== 'agent') return fail('forbidden', 'only the agent acknowledges a note');
        const updated = await inbox.submit(markRead(observers, user.id, id));
        return updated ? ok(updated) : fail('not_found', `no note ${id} for you`);
      },

      'observation:list': async ({ agentId, callId, limit }) => {
        const self = agentId === user.id && user.role === 'agent';
        // A coach who no longer coaches the agent (they moved team) still reads what they wrote.
        const ownOnly = !self && !(await mayObserve(agentId));
        if (ownOnly && !isCoach(user))
          return fail('forbidden', 'you may not read these observations');
        const authorId = ownOnly ? user.id : undefined;
        const observations = await listObservations(db, {
          agentId,
          callId,
          agentView: self,
          authorId,
          limit,
        });
        // Nothing of theirs about an agent they do not coach: as before, not theirs to read.
        if (ownOnly && observations.length === 0)
          return fail('forbidden', 'you may not read these observations');
        return ok({ observations });
      },

      'agent:history': async ({ agentId, callType, ...period }) => {
        if (!(await mayObserve(agentId))) return fail('forbidden', 'you do not coach this agent');
        const range = periodRange(period);
        const calls = await callsInPeriod(db, agentId, range, callType, HISTORY_CALLS_MAX + 1);
        const notes = await historyNotes(db, agentId, range, HISTORY_NOTES_MAX);
        const agent = (await loadProfile(db, agentId))!;
        return ok({
          agent: { id: agent.id, displayName: agent.displayName },
          ...range,
          calls: ctx.scores.calls(user, calls.slice(0, HISTORY_CALLS_MAX)),
          truncated: calls.length > HISTORY_CALLS_MAX,
          ...notes,
        });
      },

      'observation:mine': async ({ limit }) => {
        const inboxSeq = await inbox.head(user.id);
        if (user.role === 'agent') {
          return ok({
            observations: await listObservations(db, { agentId: user.id, agentView: true, limit }),
            coachingNotes: await listCoachingNotes(db, [user.id], limit),
            inboxSeq,
          });
        }
        const agents = isCoach(user) ? await floorAgentIds(db, user) : [];
        return ok({
          observations: [],
          coachingNotes: await listCoachingNotes(db, agents, limit, user.id),
          inboxSeq,
        });
      },

      'coaching:note': async (input) => {
        if (!(await mayObserve(input.agentId))) return fail('forbidden', NOT_YOURS);
        if (input.callId) {
          const call = await getCall(db, input.callId);
          if (call?.agentId !== input.agentId)
            return fail('bad_request', `call ${input.callId} is not a call of this agent`);
        }
        const result = await inbox.submit(writeCoachingNote(user.id, input));
        if ('error' in result) return fail(result.error.code, result.error.message);
        log.info({ noteId: input.id, agentId: input.agentId }, 'coaching note stored');
        return ok(result.note);
      },

      'coaching:reply': async (input) => {
        if (user.role !== 'agent')
          return fail('forbidden', 'only the agent a coaching note was written to replies to it');
        const result = await inbox.submit(replyToCoachingNote(user.id, input));
        if ('error' in result) return fail(result.error.code, result.error.message);
        log.info({ noteId: input.noteId }, 'coaching note reply stored');
        return ok(result.note);
      },

      'language:stats': async (period) => {
        if (user.role !== 'lead' && user.role !== 'admin')
          return fail(
            'forbidden',
            'coaching-language reports are for team leads and quality managers',
          );
        return ok(await languageStats(db, await floorAgentIds(db, user), period));
      },

      'inbox:ack': async ({ seq }) => {
        const head = await inbox.head(user.id);
        if (seq > head) return fail('bad_request', `seq ${seq} is beyond your inbox (${head})`);
        if (user.role === 'agent') await inbox.submit(confirmDelivery(observers, user.id, seq));
        return ok({ seq });
      },
    };
  });
}

/** Checks a note against the agent's call and its standards; says whether it goes out now. */
async function checkNote(
  ctx: HubContext,
  input: z.output<typeof ObservationNoteSchema>,
): Promise<{ releaseNow: boolean } | { error: string }> {
  const call = input.callId ? await getCall(ctx.db, input.callId) : undefined;
  if (input.callId && call?.agentId !== input.agentId)
    return { error: `call ${input.callId} is not a call of this agent` };
  if (input.itemId) {
    const pack = call
      ? await ctx.standards.version(call.packId, call.packVersion)
      : ctx.standards.active;
    const areas = pack && (call ? checklistFor(pack, call.callType) : pack.areas);
    const items = areas?.flatMap((a) => a.items) ?? [];
    if (!items.some((i) => i.id === input.itemId))
      return { error: `"${input.itemId}" is not a standard of this call` };
  }
  return { releaseNow: input.delivery === 'now' || !call || call.endedAt !== null };
}

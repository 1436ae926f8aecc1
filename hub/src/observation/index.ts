import { observersRoom, type HubContext } from '../lib/context.js';
import { Floor } from './floor.js';
import { observationHandlers } from './handlers.js';
import { releaseHeld } from './jobs.js';
import { Observers } from './observers.js';

/**
 * The observation capability: follows calls and presence through the hub's events, releases
 * notes held for the end of a call, and registers the socket handlers.
 */
export async function startObservation(ctx: HubContext) {
  const floor = new Floor(ctx);
  const observers = new Observers(ctx.db);
  const { bus, io, inbox, log } = ctx;

  const release = (callIds: string[]) =>
    inbox.submit(releaseHeld(observers, callIds)).then(
      (n) => n > 0 && log.info({ callIds, released: n }, 'after-call notes released'),
      (err: unknown) => log.error({ err, callIds }, 'releasing after-call notes failed'),
    );

  bus.on('call:changed', (call, change) => {
    io.to(observersRoom(call.agentId)).emit('call:changed', call);
    if (change === 'tick') return; // the checklist only: status and floor are unchanged
    void floor.publish(call.agentId);
    if (call.endedAt !== null) void releaseIfHeld(call.id);
  });
  bus.on('presence:changed', (agentId) => void floor.publish(agentId));
  bus.on('softphone:event', (agentId, event) => {
    if (event.kind === 'ringing') floor.setRinging(agentId, true);
    else if (event.kind === 'ended' || event.kind === 'answered') floor.setRinging(agentId, false);
  });

  /** Most calls hold no notes: look before taking a turn in the inbox's commits. */
  const releaseIfHeld = async (callId: string) => {
    const held = await ctx.db
      .selectFrom('observations')
      .select('id')
      .where('call_id', '=', callId)
      .where('visibility', '=', 'shared')
      .where('released_at', 'is', null)
      .limit(1)
      .executeTakeFirst();
    if (held) await release([callId]);
  };

  // A crash between a call's end and the release of its held notes must not lose them.
  const held = await ctx.db
    .selectFrom('observations')
    .innerJoin('calls', 'calls.id', 'observations.call_id')
    .select('calls.id')
    .distinct()
    .where('observations.visibility', '=', 'shared')
    .where('observations.released_at', 'is', null)
    .where('calls.ended_at', 'is not', null)
    .execute();
  if (held.length > 0) await release(held.map((r) => r.id));

  return {
    floor,
    handlers: observationHandlers(ctx, { floor, observers }),
  };
}

import { observersRoom, userRoom, type HubContext } from '../lib/context.js';
import { loadProfile } from '../lib/people.js';
import { canObserve } from './policy.js';
import { Floor } from './floor.js';
import { observationHandlers } from './handlers.js';
import { releaseHeld } from './jobs.js';
import { Observers } from './observers.js';
import { endedCallsHoldingNotes, holdsNotes } from './records.js';

export interface ObservationOptions {
  /** An observer with no connected socket for this long stops observing (seconds). */
  observerGraceSeconds: number;
}

/** How often each node looks for observers gone: a quarter of the grace, within these bounds. */
const AWAY_SWEEP_MS = { min: 250, max: 10_000 };

/**
 * The observation capability: follows calls and presence through the hub's events, releases
 * notes held for the end of a call, ends observations whose observer has gone, and registers
 * the socket handlers.
 */
export async function startObservation(ctx: HubContext, options: ObservationOptions) {
  const floor = new Floor(ctx);
  const observers = new Observers(ctx.db, ctx.cluster.shared);
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
  // A node that died took its users offline (and its observers off the floor).
  ctx.cluster.onPresenceChanged((userIds) => userIds.forEach((id) => void floor.publish(id)));
  bus.on('softphone:event', (agentId, event) => {
    if (event.kind === 'ringing') floor.setRinging(agentId, true);
    else if (event.kind === 'ended' || event.kind === 'answered') floor.setRinging(agentId, false);
  });

  /**
   * Rights changed (lib/rights.ts): an observer who may no longer observe an agent (moved off
   * the team, disabled, demoted, or the agent moved away) stops being one, in the database and
   * in memory, and their sockets leave the agent's room, so no note or call change reaches them.
   */
  const prune = async (userIds: readonly string[]) => {
    const pairs = await observers.involving(userIds);
    const stopped = new Set<string>();
    for (const { observerId, agentId } of pairs) {
      const observer = await loadProfile(ctx.db, observerId);
      if (observer && (await canObserve(ctx.db, { ...observer, sessionId: '' }, agentId))) continue;
      await observers.leave(observerId, agentId);
      io.in(userRoom(observerId)).socketsLeave(observersRoom(agentId));
      stopped.add(agentId);
      log.info({ observerId, agentId }, 'observer removed: rights changed');
    }
    observers.forget([...userIds, ...stopped]);
    await Promise.all([...stopped].map((agentId) => floor.publish(agentId)));
  };
  bus.on('rights:changed', (userIds, wait) => wait(prune(userIds)));

  /**
   * An observer whose every socket has gone (a tablet that crashed, a closed lid) for the grace
   * stops observing: no more of the agent's notes reach their inbox. Presence is the cluster's
   * (a socket on any live node counts; a node that died counts as gone once its heartbeat is
   * old), and every node sweeps: the database decides which one ends each observation. A
   * returning sidebar joins again by itself (the observe page joins on every connection).
   */
  const graceMs = options.observerGraceSeconds * 1000;
  const sweepAway = async () => {
    const ended = await observers.endAway(ctx.cluster.presentUsers(), graceMs);
    for (const { observerId, agentId } of ended) {
      // A socket that connected a moment ago on some node leaves the room too; it joins again.
      io.in(userRoom(observerId)).socketsLeave(observersRoom(agentId));
      log.info(
        { observerId, agentId, graceSeconds: options.observerGraceSeconds },
        'observer removed: no connection for the grace period',
      );
    }
    await Promise.all([...new Set(ended.map((e) => e.agentId))].map((id) => floor.publish(id)));
  };
  let sweeping: Promise<void> | undefined;
  const sweepTimer = setInterval(
    () => {
      sweeping ??= sweepAway()
        // The database away: the next sweep tries again (nothing is ended early meanwhile).
        .catch((err: unknown) => log.warn({ err }, 'observer sweep failed'))
        .finally(() => (sweeping = undefined));
    },
    Math.min(AWAY_SWEEP_MS.max, Math.max(AWAY_SWEEP_MS.min, graceMs / 4)),
  );
  sweepTimer.unref();

  /** Most calls hold no notes: look before taking a turn in the inbox's commits. */
  const releaseIfHeld = async (callId: string) => {
    if (await holdsNotes(ctx.db, callId)) await release([callId]);
  };

  // A crash between a call's end and the release of its held notes must not lose them.
  const held = await endedCallsHoldingNotes(ctx.db);
  if (held.length > 0) await release(held);

  return {
    floor,
    /** Stops the observer sweep and waits for it and floor updates under way (before the
     * database closes). */
    settled: async () => {
      clearInterval(sweepTimer);
      await sweeping;
      await floor.settled();
    },
    handlers: observationHandlers(ctx, { floor, observers }),
  };
}

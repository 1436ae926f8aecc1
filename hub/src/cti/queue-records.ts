import { createHash, randomUUID } from 'node:crypto';
import { localDayOf, phoneKey, type QueueEvent, type QueueEventsRequest } from '@sidecoach/shared';
import type { Job, Trx } from '../lib/jobs.js';
import { derivedOf, HUB_ZONE, legFactsOf } from '../lib/kpi-legs.js';
import { forUpdate } from '../store/dialect.js';
import { nowIso } from '../store/db.js';
import type { KpiLegRow } from '../store/schema.js';
import { agentByExtension } from './records.js';

// Queue events into call legs (kpi_legs): one row per PBX call in a queue, merged from its
// events in whatever order they arrive. Merging is idempotent on its own (times keep the
// earliest seen, flags and numbers the values sent), so an event replayed after its key was
// swept changes nothing either.

/** What the webhook answers for each event of a batch, so a PBX retries only what failed. */
export interface QueueEventResult {
  status: 'accepted' | 'duplicate' | 'rejected';
  reason?: string;
}

/**
 * What makes a queue event the same event: the PBX's event id when it sends one, else the
 * event's kind, call, queue and time (as an instant). Prefixed so a queue event never shares a
 * key with a call event (both live in cti_event_keys and its sweep).
 */
export function queueEventKey(eventId: string | undefined, event: QueueEvent): string {
  const parts =
    eventId !== undefined
      ? ['queue-id', eventId]
      : ['queue-event', event.kind, event.callId, event.queue, new Date(event.at).toISOString()];
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/** The facts of a leg the events set (the row's columns of the same names). */
type LegState = Pick<
  KpiLegRow,
  | 'agent_id'
  | 'extension'
  | 'pbx_call_type'
  | 'customer_key'
  | 'offered_seen'
  | 'offered_at'
  | 'answered_at'
  | 'abandoned_at'
  | 'wait_ms'
  | 'transferred_at'
  | 'to_queue'
  | 'wrap_start_at'
  | 'wrap_end_at'
  | 'talk_ms'
  | 'hold_ms'
  | 'complaint'
>;

const EMPTY: Omit<LegState, 'offered_at'> = {
  agent_id: null,
  extension: null,
  pbx_call_type: null,
  customer_key: null,
  offered_seen: 0,
  answered_at: null,
  abandoned_at: null,
  wait_ms: null,
  transferred_at: null,
  to_queue: null,
  wrap_start_at: null,
  wrap_end_at: null,
  talk_ms: null,
  hold_ms: null,
  complaint: 0,
};

const earliest = (a: string | null, b: string) => (a === null || b < a ? b : a);
const isoMinus = (iso: string, ms: number) => new Date(Date.parse(iso) - ms).toISOString();

/**
 * When the call entered the queue, before its 'offered' event arrived: the answer or abandon
 * less the wait the PBX gave, else the earliest event seen.
 */
function inferredOffer(leg: LegState): string {
  const candidates = [leg.answered_at, leg.abandoned_at, leg.transferred_at, leg.wrap_start_at]
    .concat(leg.wrap_end_at)
    .filter((t): t is string => t !== null);
  const waitedFrom = leg.answered_at ?? leg.abandoned_at;
  if (waitedFrom !== null && leg.wait_ms !== null)
    candidates.push(isoMinus(waitedFrom, leg.wait_ms));
  return candidates.reduce((a, b) => (b < a ? b : a), leg.offered_at);
}

/**
 * One event merged into the leg (null: its first event). `agentId`: the user with the event's
 * extension (null when none has it: the leg keeps the times, without an agent).
 */
export function mergeEvent(
  before: LegState | null,
  event: QueueEvent,
  agentId: string | null,
): LegState {
  const at = new Date(event.at).toISOString();
  const leg: LegState = before ? { ...before } : { ...EMPTY, offered_at: at };
  if (event.extension !== undefined) {
    // The agent who answered is the leg's; the others name it only when nobody answered yet.
    if (event.kind === 'answered' || leg.extension === null) leg.extension = event.extension;
    if (agentId !== null && (event.kind === 'answered' || leg.agent_id === null))
      leg.agent_id = agentId;
  }
  if (event.callType !== undefined) leg.pbx_call_type = event.callType;
  switch (event.kind) {
    case 'offered': {
      leg.offered_at = leg.offered_seen === 1 ? earliest(leg.offered_at, at) : at;
      leg.offered_seen = 1;
      const key = event.from === undefined ? '' : phoneKey(event.from);
      if (key !== '') leg.customer_key = key;
      break;
    }
    case 'answered':
      leg.answered_at = earliest(leg.answered_at, at);
      leg.wait_ms = event.waitMs ?? leg.wait_ms;
      break;
    case 'abandoned':
      leg.abandoned_at = earliest(leg.abandoned_at, at);
      // An answer's wait wins over an abandon the PBX may also report.
      if (leg.answered_at === null) leg.wait_ms = event.waitMs ?? leg.wait_ms;
      break;
    case 'transferred':
      leg.transferred_at = earliest(leg.transferred_at, at);
      if (event.toQueue !== undefined) leg.to_queue = event.toQueue;
      break;
    case 'wrapup-started':
      leg.wrap_start_at = earliest(leg.wrap_start_at, at);
      if (event.talkMs !== undefined) leg.talk_ms = event.talkMs;
      if (event.holdMs !== undefined) leg.hold_ms = event.holdMs;
      break;
    case 'wrapup-ended':
      leg.wrap_end_at = earliest(leg.wrap_end_at, at);
      if (event.complaint !== undefined) leg.complaint = event.complaint ? 1 : 0;
      break;
  }
  if (leg.offered_seen === 0) leg.offered_at = inferredOffer(leg);
  return leg;
}

interface QueueInfo {
  teamId: string | null;
  callType: string | null;
  timeZone: string;
}

/** The queue's team and call type; a queue seen for the first time is kept, mapped to no team. */
async function queueOf(trx: Trx, queue: string): Promise<QueueInfo> {
  const now = nowIso();
  await trx
    .insertInto('kpi_queues')
    .values({
      queue,
      team_id: null,
      call_type: null,
      first_seen_at: now,
      updated_at: now,
      updated_by: null,
    })
    .onConflict((oc) => oc.column('queue').doNothing())
    .execute();
  const row = await trx
    .selectFrom('kpi_queues')
    .leftJoin('teams', 'teams.id', 'kpi_queues.team_id')
    .select(['kpi_queues.team_id', 'kpi_queues.call_type', 'teams.time_zone'])
    .where('kpi_queues.queue', '=', queue)
    .executeTakeFirstOrThrow();
  return { teamId: row.team_id, callType: row.call_type, timeZone: row.time_zone ?? HUB_ZONE };
}

/** The earliest call from the same number after `offeredMs` (another PBX call). */
async function nextContactOf(trx: Trx, key: string, pbxCallId: string, offeredMs: number) {
  const row = await trx
    .selectFrom('kpi_legs')
    .select((eb) => eb.fn.min('offered_ms').as('next'))
    .where('customer_key', '=', key)
    .where('pbx_call_id', '<>', pbxCallId)
    .where('offered_ms', '>', offeredMs)
    .executeTakeFirst();
  return row?.next === null || row?.next === undefined ? null : Number(row.next);
}

/**
 * The same number called at `offeredMs`: every earlier leg of another call from it whose next
 * contact was later (or unknown) now has this one (FCR reads a comparison, not a self-join).
 */
async function markRepeat(trx: Trx, key: string, pbxCallId: string, offeredMs: number) {
  await trx
    .updateTable('kpi_legs')
    .set({ next_contact_ms: offeredMs, next_contact_at: new Date(offeredMs).toISOString() })
    .where('customer_key', '=', key)
    .where('pbx_call_id', '<>', pbxCallId)
    .where('offered_ms', '<', offeredMs)
    .where((eb) =>
      eb.or([eb('next_contact_ms', 'is', null), eb('next_contact_ms', '>', offeredMs)]),
    )
    .execute();
}

/** Sidecoach's record of the PBX call when the agent's sidebar had it (same PBX id and agent). */
function sidecoachCall(trx: Trx, agentId: string, pbxCallId: string) {
  return trx
    .selectFrom('calls')
    .select(['id', 'call_type'])
    .where('agent_id', '=', agentId)
    .where('external_id', '=', pbxCallId)
    .orderBy('started_at')
    .executeTakeFirst();
}

/** Merges one event into its leg and stores it (inserted or updated), with what follows from it. */
async function recordEvent(
  trx: Trx,
  event: QueueEvent,
  agentId: string | null,
  queue: QueueInfo,
): Promise<void> {
  const read = () =>
    forUpdate(
      trx,
      trx
        .selectFrom('kpi_legs')
        .selectAll()
        .where('queue', '=', event.queue)
        .where('pbx_call_id', '=', event.callId),
    ).executeTakeFirst();
  let existing = await read();
  if (!existing) {
    // The leg's first event: an empty leg at its time, claimed by the unique index (another
    // node's first event of the same leg waits for this one, then merges into it), then merged.
    const at = new Date(event.at).toISOString();
    const now = nowIso();
    await trx
      .insertInto('kpi_legs')
      .values({
        id: randomUUID(),
        pbx_call_id: event.callId,
        queue: event.queue,
        team_id: queue.teamId,
        offered_at: at,
        offered_ms: Date.parse(at),
        agent_id: null,
        extension: null,
        pbx_call_type: null,
        call_type: null,
        customer_key: null,
        answered_at: null,
        abandoned_at: null,
        wait_ms: null,
        transferred_at: null,
        to_queue: null,
        wrap_start_at: null,
        wrap_end_at: null,
        talk_ms: null,
        hold_ms: null,
        next_contact_at: null,
        next_contact_ms: null,
        call_id: null,
        counted_wait_ms: null,
        handle_talk_ms: null,
        handle_hold_ms: null,
        handle_acw_ms: null,
        local_day: localDayOf(at, queue.timeZone),
        time_zone: queue.timeZone,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.columns(['queue', 'pbx_call_id']).doNothing())
      .execute();
    existing = (await read())!;
  }
  const leg = mergeEvent(existing, event, agentId);
  // A transfer's next leg may come without the caller's number: the call's other legs know it.
  if (leg.customer_key === null) {
    const sibling = await trx
      .selectFrom('kpi_legs')
      .select('customer_key')
      .where('pbx_call_id', '=', event.callId)
      .where('customer_key', 'is not', null)
      .executeTakeFirst();
    leg.customer_key = sibling?.customer_key ?? null;
  }
  const offeredMs = Date.parse(leg.offered_at);
  const keyOrTimeChanged =
    leg.customer_key !== null &&
    (existing.customer_key !== leg.customer_key || existing.offered_ms !== offeredMs);
  let nextContactMs = existing.next_contact_ms;
  if (keyOrTimeChanged) {
    await markRepeat(trx, leg.customer_key!, event.callId, offeredMs);
    nextContactMs = await nextContactOf(trx, leg.customer_key!, event.callId, offeredMs);
  }
  let callId = existing.call_id;
  let sidecoachType: string | null = null;
  if (leg.agent_id !== null) {
    const call = await sidecoachCall(trx, leg.agent_id, event.callId);
    if (call) {
      callId = call.id;
      sidecoachType = call.call_type;
    }
  }
  const nextContactAt = nextContactMs === null ? null : new Date(nextContactMs).toISOString();
  const facts = legFactsOf({ ...leg, next_contact_at: nextContactAt });
  const now = nowIso();
  const row = {
    ...leg,
    team_id: queue.teamId,
    call_type: leg.pbx_call_type ?? queue.callType ?? sidecoachType,
    offered_ms: offeredMs,
    next_contact_ms: nextContactMs,
    next_contact_at: nextContactAt,
    call_id: callId,
    ...derivedOf(facts),
    local_day: localDayOf(leg.offered_at, queue.timeZone),
    time_zone: queue.timeZone,
    updated_at: now,
  };
  await trx.updateTable('kpi_legs').set(row).where('id', '=', existing.id).execute();
  // This leg brought the number: the call's other legs (a transfer's) take it too.
  if (leg.customer_key !== null && existing.customer_key !== leg.customer_key) {
    const siblings = await trx
      .selectFrom('kpi_legs')
      .select(['id', 'offered_ms'])
      .where('pbx_call_id', '=', event.callId)
      .where('customer_key', 'is', null)
      .execute();
    for (const s of siblings) {
      const next = await nextContactOf(trx, leg.customer_key, event.callId, Number(s.offered_ms));
      await trx
        .updateTable('kpi_legs')
        .set({
          customer_key: leg.customer_key,
          next_contact_ms: next,
          next_contact_at: next === null ? null : new Date(next).toISOString(),
        })
        .where('id', '=', s.id)
        .execute();
    }
  }
}

/**
 * A batch of queue events, in order, in one transaction: each accepted once (its key claimed in
 * cti_event_keys with it), a replay answered 'duplicate' with nothing changed. An agent event
 * naming an extension nobody has is 'rejected' with the reason and its key left unclaimed (the
 * PBX may send it again once the extension is set), but its leg keeps what it says of times.
 */
export function acceptQueueEvents(
  events: QueueEventsRequest['events'],
): Job<{ results: QueueEventResult[]; accepted: number }> {
  return async (trx) => {
    const results: QueueEventResult[] = [];
    const queues = new Map<string, QueueInfo>();
    const agents = new Map<string, string | null>();
    for (const { eventId, event } of events) {
      const key = queueEventKey(eventId, event);
      const seen = await trx
        .selectFrom('cti_event_keys')
        .select('key')
        .where('key', '=', key)
        .executeTakeFirst();
      if (seen) {
        results.push({ status: 'duplicate' });
        continue;
      }
      let queue = queues.get(event.queue);
      if (!queue) {
        queue = await queueOf(trx, event.queue);
        queues.set(event.queue, queue);
      }
      let agentId: string | null = null;
      if (event.extension !== undefined) {
        if (!agents.has(event.extension))
          agents.set(event.extension, (await agentByExtension(trx, event.extension))?.id ?? null);
        agentId = agents.get(event.extension) ?? null;
      }
      await recordEvent(trx, event, agentId, queue);
      if (event.extension !== undefined && agentId === null) {
        results.push({
          status: 'rejected',
          reason: `no agent with extension ${event.extension}: the leg keeps the event's times without an agent; send the event again once an admin gives the extension to an agent`,
        });
        continue;
      }
      await trx
        .insertInto('cti_event_keys')
        .values({ key, received_at: nowIso() })
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
      results.push({ status: 'accepted' });
    }
    return {
      result: { results, accepted: results.filter((r) => r.status === 'accepted').length },
      messages: [],
    };
  };
}

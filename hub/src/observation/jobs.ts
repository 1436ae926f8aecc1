import type { ObservationRecord, Receipt } from '@sidecoach/shared';
import type { Draft, Job, Trx } from '../lib/jobs.js';
import { nowIso } from '../store/db.js';
import type { ObservationRow } from '../store/schema.js';
import type { Observers } from './observers.js';
import { getObservation, toObservation } from './records.js';

// The writes of observation, as inbox jobs: each stores its rows and names the messages they
// cause, and the inbox commits both in one transaction.

const unique = (ids: string[]) => [...new Set(ids)];

/** Coaches who follow an agent's notes: everyone observing now, and the note's author. */
async function coachesOf(
  observers: Observers,
  trx: Trx,
  note: ObservationRecord,
): Promise<string[]> {
  return unique([note.authorId, ...(await observers.of(note.agentId, trx))]);
}

function noteTo(recipientId: string, observation: ObservationRecord): Draft {
  return {
    recipientId,
    refId: `obs:${observation.id}`,
    content: { kind: 'observation', observation },
  };
}

function receiptTo(recipientId: string, o: ObservationRecord, event: string): Draft {
  const receipt: Receipt = {
    observationId: o.id,
    agentId: o.agentId,
    releasedAt: o.releasedAt,
    deliveredAt: o.deliveredAt,
    readAt: o.readAt,
  };
  return { recipientId, refId: `rcpt:${o.id}:${event}`, content: { kind: 'receipt', receipt } };
}

export interface NewObservation {
  /** The row as the author wrote it; the hub sets the times of storage and delivery. */
  row: Omit<ObservationRow, 'created_at' | 'released_at' | 'delivered_at' | 'read_at'>;
  authorName: string;
  /** Shared and not held for the end of the call: the agent gets it now. */
  releaseNow: boolean;
}

/** Stores a new observation (once per id) and sends it to the coaches and, if released, the agent. */
export function writeObservation(
  observers: Observers,
  { row, authorName, releaseNow }: NewObservation,
): Job<ObservationRecord | null> {
  return async (trx) => {
    const now = nowIso();
    const stored = {
      ...row,
      created_at: now,
      released_at: releaseNow ? now : null,
      delivered_at: null,
      read_at: null,
    };
    const inserted = await trx
      .insertInto('observations')
      .values(stored)
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return { result: null, messages: [] };
    const note = toObservation({ ...stored, author_name: authorName });
    const messages = (await coachesOf(observers, trx, note)).map((id) => noteTo(id, note));
    if (releaseNow) messages.push(noteTo(note.agentId, note));
    return { result: note, messages };
  };
}

/** Releases the shared notes held for the end of these calls (call end, or a sweep at start). */
export function releaseHeld(observers: Observers, callIds: string[]): Job<number> {
  return async (trx) => {
    if (callIds.length === 0) return { result: 0, messages: [] };
    const held = await trx
      .selectFrom('observations')
      .select('id')
      .where('call_id', 'in', callIds)
      .where('visibility', '=', 'shared')
      .where('released_at', 'is', null)
      .orderBy('at')
      .execute();
    const messages: Draft[] = [];
    const now = nowIso();
    for (const { id } of held) {
      await trx
        .updateTable('observations')
        .set({ released_at: now })
        .where('id', '=', id)
        .execute();
      const note = (await getObservation(trx, id))!;
      messages.push(noteTo(note.agentId, note));
      for (const coach of await coachesOf(observers, trx, note))
        messages.push(receiptTo(coach, note, 'released'));
    }
    return { result: held.length, messages };
  };
}

/** The agent confirmed their inbox up to `seq`: their notes up to there are delivered. */
export function confirmDelivery(observers: Observers, agentId: string, seq: number): Job<number> {
  return async (trx) => {
    const before = await trx
      .selectFrom('inbox_acks')
      .select('seq')
      .where('recipient_id', '=', agentId)
      .executeTakeFirst();
    const from = before?.seq ?? 0;
    if (seq <= from) return { result: from, messages: [] };
    await trx
      .insertInto('inbox_acks')
      .values({ recipient_id: agentId, seq })
      .onConflict((oc) => oc.column('recipient_id').doUpdateSet({ seq }))
      .execute();
    const delivered = await trx
      .selectFrom('inbox')
      .select('ref_id')
      .where('recipient_id', '=', agentId)
      .where('kind', '=', 'observation')
      .where('seq', '>', from)
      .where('seq', '<=', seq)
      .orderBy('seq')
      .execute();
    const messages: Draft[] = [];
    const now = nowIso();
    for (const { ref_id } of delivered) {
      const id = ref_id.slice('obs:'.length);
      const updated = await trx
        .updateTable('observations')
        .set({ delivered_at: now })
        .where('id', '=', id)
        .where('agent_id', '=', agentId)
        .where('delivered_at', 'is', null)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) continue;
      const note = (await getObservation(trx, id))!;
      for (const coach of await coachesOf(observers, trx, note))
        messages.push(receiptTo(coach, note, 'delivered'));
    }
    return { result: seq, messages };
  };
}

/** The agent acknowledged a note ("got it"): read, and delivered if no device had said so yet. */
export function markRead(
  observers: Observers,
  agentId: string,
  id: string,
): Job<ObservationRecord | null> {
  return async (trx) => {
    const note = await getObservation(trx, id);
    if (note?.agentId !== agentId || note.visibility !== 'shared' || !note.releasedAt)
      return { result: null, messages: [] };
    if (note.readAt) return { result: note, messages: [] };
    const now = nowIso();
    await trx
      .updateTable('observations')
      .set({ read_at: now, delivered_at: note.deliveredAt ?? now })
      .where('id', '=', id)
      .execute();
    const updated = (await getObservation(trx, id))!;
    const messages = (await coachesOf(observers, trx, updated)).map((c) =>
      receiptTo(c, updated, 'read'),
    );
    return { result: updated, messages };
  };
}

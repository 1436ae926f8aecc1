import { randomUUID } from 'node:crypto';
import type { Badge, EarnedBadge, ErrorBody, Shoutout, ShoutoutSave } from '@sidecoach/shared';
import { recordAudit } from '../lib/audit.js';
import type { Draft, Job } from '../lib/jobs.js';
import { nowIso } from '../store/db.js';
import { badgesQuery, shoutoutById, toBadge } from './records.js';

// The writes of recognition, as inbox jobs: each award or shout-out and the agent's message in
// one transaction, so a badge is never stored without its message nor told twice.

export type Outcome<T> = { ok: T } | { error: ErrorBody };

/** A badge to award to an agent (its team: the agent's now, whose wall it goes on). */
export interface Award extends EarnedBadge {
  agentId: string;
  teamId: string | null;
}

const awardKey = (a: Award) => [a.agentId, a.kind, a.itemId ?? '', a.periodKey].join('\u0000');

/**
 * Awards the badges not awarded before. The award's key is unique in the database (agent, kind,
 * item, period key): an insert that meets an existing one, from a second sweep, a replayed event
 * or another node at the same moment, stores nothing and sends nothing. Inserted in key order,
 * so two nodes awarding the same badges wait for each other instead of deadlocking.
 */
export function awardJob(awards: readonly Award[]): Job<Badge[]> {
  return async (trx) => {
    // One millisecond apart within a commit, so that the wall's time cursor (`before`) never
    // falls between two badges of one award.
    const start = Date.parse(nowIso());
    const badges: Badge[] = [];
    const messages: Draft[] = [];
    for (const [i, a] of [...awards]
      .sort((x, y) => (awardKey(x) < awardKey(y) ? -1 : 1))
      .entries()) {
      const id = randomUUID();
      const awardedAt = new Date(start + i).toISOString();
      const inserted = await trx
        .insertInto('recognition_badges')
        .values({
          id,
          agent_id: a.agentId,
          team_id: a.teamId,
          kind: a.kind,
          item_id: a.itemId ?? '',
          period: a.period,
          period_key: a.periodKey,
          count: a.count,
          awarded_at: awardedAt,
        })
        .onConflict((oc) => oc.columns(['agent_id', 'kind', 'item_id', 'period_key']).doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) continue;
      const badge = toBadge(
        await badgesQuery(trx).where('b.id', '=', id).executeTakeFirstOrThrow(),
      );
      badges.push(badge);
      messages.push({
        recipientId: a.agentId,
        refId: `badge:${id}`,
        content: { kind: 'recognition', recognition: { type: 'badge', badge } },
      });
    }
    return { result: badges, messages };
  };
}

export interface ShoutoutFacts {
  fromId: string;
  fromRole: 'lead' | 'peer';
  teamId: string;
  ip: string | null;
}

/**
 * Stores a shout-out once (its id is the giver's idempotency key: a retry answers the stored
 * one) with its audit entry, and tells the agent.
 */
export function shoutoutJob(input: ShoutoutSave, facts: ShoutoutFacts): Job<Outcome<Shoutout>> {
  return async (trx) => {
    const inserted = await trx
      .insertInto('recognition_shoutouts')
      .values({
        id: input.id,
        agent_id: input.agentId,
        from_id: facts.fromId,
        from_role: facts.fromRole,
        team_id: facts.teamId,
        item_id: input.itemId,
        behaviour: input.behaviour,
        lang: input.lang,
        call_id: input.callId ?? null,
        visibility: input.visibility,
        at: nowIso(),
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) {
      // A retry (also one racing its first send on another node): the stored one, told once.
      const existing = (await shoutoutById(trx, input.id))!;
      return {
        result:
          existing.fromId === facts.fromId
            ? { ok: existing }
            : { error: { code: 'conflict', message: `shout-out id ${input.id} is taken` } },
        messages: [],
      };
    }
    const shoutout = (await shoutoutById(trx, input.id))!;
    await recordAudit(trx, {
      actorId: facts.fromId,
      action: 'shoutout.give',
      targetType: 'recognition',
      targetId: input.id,
      after: shoutout,
      ip: facts.ip,
    });
    return {
      result: { ok: shoutout },
      messages: [
        {
          recipientId: input.agentId,
          refId: `shoutout:${input.id}`,
          content: { kind: 'recognition', recognition: { type: 'shoutout', shoutout } },
        },
      ],
    };
  };
}

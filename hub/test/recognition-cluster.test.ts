// Two hub nodes on one PostgreSQL database sweeping the same closed week at the same moment:
// the database's unique award key lets one of them award each badge, and the agent is told once.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badgeWeekOf, scorecardItemsFor, type CallRecord } from '@sidecoach/shared';
import { freePort } from '../../scripts/local-servers.mjs';
import { data, iso, runCall } from './support/calls.js';
import { databaseFor, testDialect, withHubDatabase } from './support/database.js';
import { connect, signIn, startHub, type RunningHub } from './support/hub-process.js';
import { InboxClient } from './support/inbox-client.js';

const DAY_MS = 86_400_000;
const IDENTITY = 'proc-verify-identity';

describe.skipIf(testDialect() !== 'postgres')('recognition on two hub nodes', () => {
  let a: RunningHub;
  let b: RunningHub;
  let database: string;
  let dataDir: string;
  const ports: number[] = [];
  const clients: InboxClient[] = [];

  const startA = async () => {
    a = await startHub({ demo: true, dataDir, port: ports[0]! });
  };
  const startB = async () => {
    b = await startHub({ database, port: ports[1]! });
  };

  beforeAll(async () => {
    ports.push(await freePort(), await freePort());
    a = await startHub({ demo: true, port: ports[0]! });
    dataDir = a.dataDir;
    database = (await databaseFor(a.dataDir))!;
    await startB();
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await b?.dispose();
    await a?.dispose();
  });

  it("awards a closed week's badges once when both nodes sweep it at once", async () => {
    // Ben on node A (his calls), and on node B (where he reads his inbox).
    const onA = await InboxClient.open(a.url, 'agent2');
    const onB = await InboxClient.open(b.url, 'agent2');
    clients.push(onA, onB);
    const pack = data(await onA.socket.emitWithAck('session:bootstrap', {})).pack;
    const calls: CallRecord[] = [];
    for (let i = 0; i < 6; i++) {
      const call = await runCall(onA.socket, 'booking', [IDENTITY]);
      data(
        await onA.socket.emitWithAck('assessment:submit', {
          id: randomUUID(),
          callId: call.id,
          status: 'submitted',
          answers: Object.fromEntries(
            scorecardItemsFor(pack, 'booking').map((item) => [item.id, 'yes' as const]),
          ),
          at: iso(),
        }),
      );
      calls.push(call);
    }
    // Both nodes stopped; the calls moved to last week; both started together.
    await Promise.all([a.stop(), b.stop()]);
    await withHubDatabase(dataDir, async (db) => {
      const { time_zone: zone } = await db
        .selectFrom('teams')
        .select('time_zone')
        .where('id', '=', 'team-demo')
        .executeTakeFirstOrThrow();
      const thisWeek = badgeWeekOf(new Date().toISOString(), zone);
      const lastWeek = badgeWeekOf(
        new Date(Date.parse(thisWeek.start) - DAY_MS).toISOString(),
        zone,
      );
      for (const [i, call] of calls.entries()) {
        const at = Date.parse(lastWeek.start) + 1.5 * DAY_MS + i * 600_000;
        await db
          .updateTable('calls')
          .set({
            started_at: new Date(at).toISOString(),
            ended_at: new Date(at + 60_000).toISOString(),
          })
          .where('id', '=', call.id)
          .execute();
      }
    });
    await Promise.all([startA(), startB()]);
    await Promise.all([onA.connected(), onB.connected()]);
    const badges = (client: InboxClient) =>
      client.of('recognition').filter((m) => m.recognition.type === 'badge');
    await onB.until('the two badges on node B', () => badges(onB).length >= 2, 30_000);
    // A sentinel from a lead on node A: everything committed before it is on both clients now.
    const lead = await connect(a.url, (await signIn(a.url, 'lead')).token);
    try {
      await onB.afterSentinel(async () =>
        data(
          await lead.emitWithAck('recognition:shoutout', {
            id: randomUUID(),
            agentId: onB.userId,
            itemId: IDENTITY,
            behaviour:
              'You checked the customer’s identity with two questions before every booking change, as the standard asks.',
            lang: 'en',
            visibility: 'team',
          }),
        ),
      );
    } finally {
      lead.close();
    }
    await onA.until('the sentinel on node A', () => onA.lastSeq === onB.lastSeq);
    for (const client of [onA, onB]) {
      const kinds = badges(client).map((m) =>
        m.recognition.type === 'badge' ? m.recognition.badge.kind : null,
      );
      expect(kinds.sort()).toEqual(['reflective-week', 'standard-week']);
    }
    const stored = await withHubDatabase(dataDir, (db) =>
      db
        .selectFrom('recognition_badges')
        .select('kind')
        .where('agent_id', '=', onB.userId)
        .where('awarded_at', '>=', new Date(Date.now() - DAY_MS).toISOString())
        .execute(),
    );
    expect(stored.map((r) => r.kind).sort()).toEqual(['reflective-week', 'standard-week']);
    // Between them the nodes awarded two badges, whichever node won each.
    const awarded = [a, b]
      .flatMap((hub) => hub.output)
      .filter((line) => line.includes('badges awarded for closed weeks and months'))
      .map((line) => (JSON.parse(line) as { badges: number }).badges);
    expect(awarded.reduce((x, y) => x + y, 0)).toBe(2);
  }, 240_000);
});

// Delivery under faults: the hub is SIGKILLed while a supervisor streams notes and an agent
// receives them; the agent is away for a while. Every note must be stored once and reach the
// agent once, in order.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { freePort } from '../../scripts/local-servers.mjs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AckResponse, ObservationNote, ObservationRecord } from '@sidecoach/shared';
import { connectedWithin, startHub, type RunningHub } from './support/hub-process.js';
import { data, iso } from './support/calls.js';
import { InboxClient } from './support/inbox-client.js';
import type { HubSocket } from './support/hub-process.js';

const ACK_TIMEOUT_MS = 1_500;

/**
 * Sends a note the way the sidebar's outbox does: the same id until the hub acknowledges it,
 * waiting out disconnects. Bounded by a deadline.
 */
async function sendUntilAcked(
  socket: HubSocket,
  note: ObservationNote,
): Promise<ObservationRecord> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (!socket.connected) {
      // The hub is down: the socket reconnects on its own; resend once it has.
      await connectedWithin(socket, Math.max(0, deadline - Date.now())).catch(() => undefined);
      continue;
    }
    try {
      // socket.io types timeout() acks as error-first; ours are not: the reply is the ack object.
      const res = (await socket
        .timeout(ACK_TIMEOUT_MS)
        .emitWithAck('observation:note', note)) as AckResponse<ObservationRecord>;
      if (res.ok) return res.data;
      if (res.error.code !== 'internal') throw new Error(`refused: ${res.error.message}`);
    } catch (err) {
      if (err instanceof Error && err.message.startsWith('refused')) throw err;
      // no acknowledgement in time: the hub may be down; resend the same id
    }
  }
  throw new Error(`note ${note.id} was never acknowledged`);
}

describe('note delivery across a hub crash and an agent away', () => {
  let dataDir: string;
  let port: number;
  let hub: RunningHub;
  let agent: InboxClient;
  let supervisor: InboxClient;
  let agentId: string;
  const sent: ObservationRecord[] = [];

  const note = (i: number): ObservationNote => ({
    id: randomUUID(),
    agentId,
    callId: null,
    offsetMs: null,
    tags: [],
    text: `note ${i}`,
    visibility: 'shared',
    delivery: 'now',
    at: iso(),
  });
  /** Every note the supervisor sent reached the agent once, in the order they were stored. */
  const expectDeliveredOnceInOrder = async (client: InboxClient) => {
    // A last note as the sentinel: once it is here, every earlier one (and any duplicate) is.
    await client.afterSentinel(
      async () => sent.push(await sendUntilAcked(supervisor.socket, note(sent.length))),
      30_000,
    );
    expect(client.of('observation').map((m) => m.observation.id)).toEqual(sent.map((n) => n.id));
    const seqs = client.received.map((m) => m.seq);
    expect(seqs).toEqual(seqs.map((_, i) => (seqs[0] ?? 0) + i));
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'sidecoach-faults-'));
    port = await freePort();
    hub = await startHub({ demo: true, dataDir, port });
    agent = await InboxClient.open(hub.url, 'agent1');
    supervisor = await InboxClient.open(hub.url, 'supervisor');
    agentId = agent.userId;
  });
  afterAll(async () => {
    agent?.close();
    supervisor?.close();
    await hub?.dispose();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('loses and repeats nothing when the hub is SIGKILLed mid-stream', async () => {
    const TOTAL = 120;
    let killed: Promise<void> | undefined;
    let restarted = false;
    let ackedAfterRestart = 0;
    for (let i = 0; i < TOTAL; i++) {
      // One at a time, so the order they were sent is the order they must be stored in.
      sent.push(await sendUntilAcked(supervisor.socket, note(i)));
      if (restarted) ackedAfterRestart++;
      if (!killed && sent.length === 40) {
        // Kill without warning while notes keep coming, then start again on the same data.
        killed = hub.kill('SIGKILL').then(async () => {
          hub = await startHub({ dataDir, port });
          restarted = true;
        });
      }
    }
    await killed;
    // The stream spanned the crash: the restarted hub stored some of the notes.
    expect(ackedAfterRestart).toBeGreaterThan(0);
    // Stored once: the hub lists each note once, in order.
    const listed = data(
      await supervisor.socket.emitWithAck('observation:list', { agentId, limit: 200 }),
    ).observations;
    expect(listed.map((o) => o.id).sort()).toEqual(sent.map((n) => n.id).sort());
    await expectDeliveredOnceInOrder(agent);
  });

  it('replays exactly what an agent missed while away', async () => {
    agent.close();
    for (let i = 0; i < 60; i++) sent.push(await sendUntilAcked(supervisor.socket, note(1000 + i)));
    const back = await InboxClient.open(hub.url, 'agent1', agent.lastSeq);
    back.received.unshift(...agent.received); // what this device already had
    try {
      await expectDeliveredOnceInOrder(back);
    } finally {
      back.close();
    }
  });
});

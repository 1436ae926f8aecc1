// Relay benchmark load process: every supervisor, each its own socket.io connection, together
// sending notes open-loop at a fixed total rate (a fixed schedule; acknowledgements are counted
// but never waited for). Driven by bench/relay.mjs over IPC; not run directly.
//   hub mode:      handshake auth { token }; emits `observation:note`
//   baseline mode: no auth; emits `note` with the same payload
import { randomUUID } from 'node:crypto';
import {
  noteText,
  openAll,
  openClient,
  serveParent,
  tellParent,
  wallNow,
} from './relay-common.mjs';

/** @type {{ socket: import('socket.io-client').Socket, team: string[], sent: number, node: number }[]} */
const supervisors = [];
let event = 'observation:note';

const acks = { ok: 0, failed: 0, samples: /** @type {string[]} */ ([]) };
/** Send-to-ack times (ms) of the measured notes. */
const ackLatencies = [];
/** How late each measured note left against the schedule (ms): the generator's own lag. */
const lags = [];

/**
 * Each supervisor connects to the node its `node` names (`urls[node]`).
 * @param {{ urls: string[], mode: 'hub' | 'baseline', concurrency: number,
 *   supervisors: { id: string, token: string, team: string[], node: number }[] }} args
 */
async function connect({ urls, mode, supervisors: list, concurrency }) {
  event = mode === 'hub' ? 'observation:note' : 'note';
  await openAll(
    list,
    concurrency,
    async ({ id, token, team, node }) => {
      const socket = await openClient(urls[node], mode, token, `supervisor ${id}`);
      supervisors.push({ socket, team, sent: 0, node });
    },
    (done) => tellParent('connected', { done }),
  );
  return { connected: supervisors.length };
}

/**
 * Note k goes out at t0 + k / rate, from supervisor k mod M to that supervisor's team agents in
 * turn. Resolves once the last note has been emitted.
 * @param {{ rate: number, warmupMs: number, measureMs: number }} args
 */
function run({ rate, warmupMs, measureMs }) {
  const interval = 1000 / rate;
  const warmN = Math.round((warmupMs / 1000) * rate);
  const total = warmN + Math.round((measureMs / 1000) * rate);
  const t0 = wallNow() + 20;
  let k = 0;
  return new Promise((resolve) => {
    const send = (/** @type {number} */ intendedAt) => {
      const sup = supervisors[k % supervisors.length];
      const agentId = sup.team[sup.sent++ % sup.team.length];
      const measured = k >= warmN;
      if (k === warmN) tellParent('measure-start', { at: wallNow() });
      const sentAt = wallNow();
      const note = {
        id: randomUUID(),
        agentId,
        callId: null,
        offsetMs: null,
        tags: [],
        text: noteText(k, sentAt, intendedAt, sup.node),
        visibility: 'shared',
        delivery: 'now',
        at: new Date().toISOString(),
      };
      if (measured) lags.push(sentAt - intendedAt);
      sup.socket.emit(event, note, (/** @type {any} */ res) => {
        if (measured) ackLatencies.push(wallNow() - sentAt);
        if (res?.ok) acks.ok++;
        else {
          acks.failed++;
          if (acks.samples.length < 5) acks.samples.push(JSON.stringify(res?.error ?? res));
        }
      });
      k++;
    };
    const tick = () => {
      const now = wallNow();
      while (k < total && t0 + k * interval <= now) send(t0 + k * interval);
      if (k >= total) {
        tellParent('measure-end', { at: wallNow() });
        resolve({ total, warmN });
        return;
      }
      setTimeout(tick, Math.max(0, Math.floor(t0 + k * interval - wallNow())));
    };
    setTimeout(tick, 20);
  });
}

serveParent({
  connect,
  run,
  acks: () => ({ ...acks, ackLatencies, lags }),
  close: () => {
    for (const s of supervisors) s.socket.close();
    return { closed: supervisors.length };
  },
});

// Relay benchmark load process: a share of the agents, each its own socket.io connection,
// recording when every note reaches it. Driven by bench/relay.mjs over IPC; not run directly.
//   hub mode:      handshake auth { token }; notes arrive as `inbox:message` (kind observation)
//   baseline mode: no auth; `join` the room named by the agent id; notes arrive as `note`
import {
  openAll,
  openClient,
  parseNoteText,
  serveParent,
  tellParent,
  wallNow,
} from './relay-common.mjs';

/** @type {import('socket.io-client').Socket[]} */
const sockets = [];
/** Global note numbers received, in order, with their latency (ms, send to receipt). */
const keys = [];
const latencies = [];
const seen = new Set();
let duplicates = 0;
let misrouted = 0;
let foreign = 0;
let drops = 0;

/** @param {string} agentId @param {unknown} note */
function received(agentId, note) {
  const at = wallNow();
  const n = /** @type {{ text?: unknown, agentId?: unknown } | undefined} */ (note);
  const parsed = typeof n?.text === 'string' ? parseNoteText(n.text) : undefined;
  if (!parsed) return void foreign++;
  if (n?.agentId !== agentId) misrouted++;
  if (seen.has(parsed.k)) return void duplicates++;
  seen.add(parsed.k);
  keys.push(parsed.k);
  latencies.push(at - parsed.sentAt);
}

/**
 * @param {{ url: string, mode: 'hub' | 'baseline', agents: { id: string, token: string }[],
 *   concurrency: number }} args
 */
async function connect({ url, mode, agents, concurrency }) {
  await openAll(
    agents,
    concurrency,
    async ({ id, token }) => {
      const socket = await openClient(url, mode, token, `agent ${id}`);
      if (mode === 'hub') {
        socket.on('inbox:message', (/** @type {any} */ m) => {
          if (m?.kind === 'observation') received(id, m.observation);
        });
      } else {
        socket.on('note', (/** @type {unknown} */ note) => received(id, note));
        await socket.timeout(30_000).emitWithAck('join', id);
      }
      socket.on('disconnect', () => drops++);
      sockets.push(socket);
    },
    (done) => tellParent('connected', { done }),
  );
  return { connected: sockets.length };
}

serveParent({
  connect,
  count: () => ({ received: keys.length }),
  report: () => ({ keys, latencies, duplicates, misrouted, foreign, drops }),
  close: () => {
    for (const s of sockets) s.close();
    return { closed: sockets.length };
  },
});

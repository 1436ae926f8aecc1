// Relay benchmark load process: a share of the agents, each its own socket.io connection,
// recording when every note reaches it. Driven by bench/relay.mjs over IPC; not run directly.
//   hub mode:      handshake auth { token }; notes arrive as `inbox:message` (kind observation);
//                  every inbox message's `seq` is checked to follow the agent's previous one
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
/** Per received note: 1 if the sender's node differs from the agent's, else 0. */
const cross = [];
const seen = new Set();
let duplicates = 0;
let misrouted = 0;
let foreign = 0;
let drops = 0;
/** Inbox numbering: breaks in an agent's run of `seq` (not previous + 1), agents with any. */
let gaps = 0;
const gappedAgents = new Set();
/** @type {Map<string, number>} */
const lastSeq = new Map();

/** @param {string} agentId @param {unknown} seq */
function numbered(agentId, seq) {
  if (typeof seq !== 'number') return void gaps++;
  const last = lastSeq.get(agentId);
  // The databases are fresh: an agent's first message is number 1.
  if (seq !== (last ?? 0) + 1) {
    gaps++;
    gappedAgents.add(agentId);
  }
  lastSeq.set(agentId, seq);
}

/** @param {string} agentId @param {number} node @param {unknown} note */
function received(agentId, node, note) {
  const at = wallNow();
  const n = /** @type {{ text?: unknown, agentId?: unknown } | undefined} */ (note);
  const parsed = typeof n?.text === 'string' ? parseNoteText(n.text) : undefined;
  if (!parsed) return void foreign++;
  if (n?.agentId !== agentId) misrouted++;
  if (seen.has(parsed.k)) return void duplicates++;
  seen.add(parsed.k);
  keys.push(parsed.k);
  latencies.push(at - parsed.sentAt);
  cross.push(parsed.node === node ? 0 : 1);
}

/**
 * Each agent connects to the node its `node` names (`urls[node]`).
 * @param {{ urls: string[], mode: 'hub' | 'baseline',
 *   agents: { id: string, token: string, node: number }[], concurrency: number }} args
 */
async function connect({ urls, mode, agents, concurrency }) {
  await openAll(
    agents,
    concurrency,
    async ({ id, token, node }) => {
      const socket = await openClient(urls[node], mode, token, `agent ${id}`);
      if (mode === 'hub') {
        socket.on('inbox:message', (/** @type {any} */ m) => {
          numbered(id, m?.seq);
          if (m?.kind === 'observation') received(id, node, m.observation);
        });
      } else {
        socket.on('note', (/** @type {unknown} */ note) => received(id, node, note));
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
  report: () => ({
    keys,
    latencies,
    cross,
    duplicates,
    misrouted,
    foreign,
    drops,
    gaps,
    gappedAgents: gappedAgents.size,
  }),
  close: () => {
    for (const s of sockets) s.close();
    return { closed: sockets.length };
  },
});

// Baseline for the relay benchmark: a bare socket.io relay with no authentication, validation
// or persistence. Agents `join` the room named by their id; a supervisor's `note` is sent to the
// room of its `agentId` and acknowledged. Prints its URL on stdout like the hub.
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const http = createServer();
const io = new Server(http);
io.on('connection', (socket) => {
  socket.on('join', (/** @type {unknown} */ agentId, /** @type {unknown} */ ack) => {
    if (typeof agentId === 'string') void socket.join(agentId);
    if (typeof ack === 'function') ack({ ok: true });
  });
  socket.on('note', (/** @type {any} */ note, /** @type {unknown} */ ack) => {
    if (typeof note?.agentId === 'string') io.to(note.agentId).emit('note', note);
    if (typeof ack === 'function') ack({ ok: true });
  });
});
http.listen(0, '127.0.0.1', () => {
  const { port } = /** @type {import('node:net').AddressInfo} */ (http.address());
  console.log(JSON.stringify({ msg: 'hub listening', url: `http://127.0.0.1:${port}` }));
});
process.on('SIGTERM', () => process.exit(0));

// Baseline for the benchmarks: a bare socket.io server that acknowledges every event with its
// payload, with no authentication, validation or persistence. Prints its URL on stdout.
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const http = createServer();
const io = new Server(http);
io.on('connection', (socket) => {
  socket.onAny((_event, payload, ack) => {
    if (typeof ack === 'function') ack({ ok: true, data: payload });
  });
});
http.listen(0, '127.0.0.1', () => {
  const { port } = /** @type {import('node:net').AddressInfo} */ (http.address());
  console.log(JSON.stringify({ msg: 'hub listening', url: `http://127.0.0.1:${port}` }));
});
process.on('SIGTERM', () => process.exit(0));

// The floor for bench/relay-load.ts: a relay that does the least any relay can. It speaks just enough of
// y-websocket's protocol for the benchmark's clients (an empty answer to each sync step 1) and passes every update
// it is sent, byte for byte, to everyone else in the process: no Yjs document, no checks, no storage. Whatever
// latency its readers see is the machine's and the benchmark's own, which no relay can go below.
// Prints "listening on http://HOST:PORT" like Margin's relay.
import { createServer } from 'node:http';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebSocketServer, type WebSocket } from 'ws';

const messageSync = 0;
const syncStep1 = 0;
const syncStep2 = 1;

/** Sync step 2 with an empty Yjs update (no structs, empty delete set). */
const emptyStep2 = (() => {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageSync);
  encoding.writeVarUint(encoder, syncStep2);
  encoding.writeVarUint8Array(encoder, new Uint8Array([0, 0]));
  return encoding.toUint8Array(encoder);
})();

const clients = new Set<WebSocket>();
const http = createServer();
const sockets = new WebSocketServer({ server: http });
sockets.on('connection', (socket) => {
  clients.add(socket);
  socket.on('close', () => clients.delete(socket));
  socket.on('message', (data: Buffer) => {
    const decoder = decoding.createDecoder(data);
    if (decoding.readVarUint(decoder) !== messageSync) return;
    if (decoding.readVarUint(decoder) === syncStep1) return socket.send(emptyStep2);
    for (const other of clients) if (other !== socket) other.send(data);
  });
});
http.listen(0, '127.0.0.1', () => {
  const address = http.address();
  if (address && typeof address === 'object') console.log(`Floor relay listening on http://127.0.0.1:${address.port}`);
});
process.once('SIGTERM', () => {
  clients.forEach((socket) => socket.terminate());
  http.close(() => process.exit(0));
});

// Hocuspocus (in memory, no extensions) on a free loopback port, for bench/relay-load.ts to compare against.
// Prints "listening on http://HOST:PORT" like Margin's relay. Hocuspocus speaks its own protocol, so the
// benchmark drives it with its own provider.
import { Server } from '@hocuspocus/server';

const server = new Server({ port: 0, address: '127.0.0.1', quiet: true, stopOnSignals: false });
await server.listen();
console.log(`Hocuspocus listening on http://127.0.0.1:${server.address.port}`);
process.once('SIGTERM', () => void server.destroy().then(() => process.exit(0)));

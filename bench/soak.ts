// `npm run soak` (not in CI): 2,000 y-websocket clients on 200 report rooms for 10 minutes, writing, joining and
// leaving, against relay/main.ts in a process of its own. It prints the relay's memory as it goes and whether it
// levels off after the warm-up, then stops the relay (SIGTERM saves every room), starts it again on what it saved,
// and checks that every acknowledged write is there. Each client rewrites its own few entries (as typing rewrites a
// report's words, the report does not grow without end), so memory can level off. A write counts as acknowledged
// once another client in its room has received it (the relay sends an update on only after saving it); after the
// restart each entry must hold its last acknowledged value or a later one.
// SOAK_MINUTES, SOAK_CLIENTS, SOAK_ROOMS and SOAK_EDITS_PER_CLIENT_SECOND change the shape of the run.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { startBenchRelay, type BenchRelay } from './relay-process.ts';

const minutes = Number(process.env.SOAK_MINUTES ?? 10);
const clientCount = Number(process.env.SOAK_CLIENTS ?? 2000);
const roomCount = Number(process.env.SOAK_ROOMS ?? 200);
const editsPerClientSecond = Number(process.env.SOAK_EDITS_PER_CLIENT_SECOND ?? 0.1);
/** Clients that leave (and as many that join) each second. */
const churnPerSecond = Math.max(1, Math.round(clientCount / 400));

const rooms = Array.from({ length: roomCount }, (_, i) => `soak-${String(i).padStart(4, '0')}`);
/** Entries each client rewrites in turn. */
const entriesPerClient = 5;
/** Per room, each entry's highest value another client has received. */
const acknowledged = new Map<string, Map<string, number>>(rooms.map((room) => [room, new Map()]));
const closeCodes = new Map<number, number>();
let written = 0;
let nextClient = 0;

interface SoakClient {
  id: number;
  room: string;
  doc: Y.Doc;
  provider: WebsocketProvider;
  count: number;
}

async function connectClient(relay: BenchRelay, room: string): Promise<SoakClient> {
  const { token } = await relay.tokens.mint(room, 'tutor', 24 * 3600);
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${relay.url.replace('http', 'ws')}/sync`, room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: { token },
  });
  provider.on('connection-close', (event: { code: number } | null) => {
    if (!provider.shouldConnect) return; // this client leaving, not the relay closing it
    const code = event?.code ?? 0;
    closeCodes.set(code, (closeCodes.get(code) ?? 0) + 1);
  });
  const entries = doc.getMap<number>('entries');
  entries.observe((event, transaction) => {
    if (transaction.local) return;
    const seen = acknowledged.get(room)!;
    event.keysChanged.forEach((key) => {
      const value = entries.get(key);
      if (value !== undefined && value > (seen.get(key) ?? -1)) seen.set(key, value);
    });
  });
  return { id: nextClient++, room, doc, provider, count: 0 };
}

function leave(client: SoakClient): void {
  client.provider.destroy();
  client.doc.destroy();
}

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/**
 * What the rooms' documents themselves take in memory, measured here on a fresh copy of one client's document per
 * room (the relay holds the same documents): each rewrite leaves a deleted entry behind, which Yjs keeps so that later
 * edits still merge, and each new device its client's entries, so the documents grow as the soak goes on, whatever
 * the relay does. Memory less this is what must level off.
 */
function documentsMemory(clients: SoakClient[]): number {
  const oneEach = [...new Map(clients.map((client) => [client.room, client.doc])).values()];
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  const copies = oneEach.map((doc) => {
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    return copy;
  });
  collectGarbage();
  const used = process.memoryUsage().heapUsed - before;
  copies.forEach((copy) => copy.destroy());
  return used;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function synced(client: SoakClient): Promise<void> {
  if (client.provider.synced) return Promise.resolve();
  return new Promise<void>((resolve) => client.provider.once('sync', () => resolve()));
}

async function readBack(relay: BenchRelay, room: string): Promise<Map<string, number>> {
  const client = await connectClient(relay, room);
  await synced(client);
  const kept = new Map(client.doc.getMap<number>('entries').entries());
  leave(client);
  return kept;
}

async function soak(): Promise<void> {
  // y-websocket adds an exit listener to the process for each provider.
  process.setMaxListeners(0);
  const dataDir = mkdtempSync(join(tmpdir(), 'margin-soak-'));
  const secret = randomBytes(24).toString('base64url');
  const env = { LIMIT_CONNECTIONS_PER_ADDRESS: '1000000', LOG_LEVEL: 'error' };
  let relay = await startBenchRelay('margin', { dataDir, secret, env });
  console.log(
    `soak: ${clientCount} clients on ${roomCount} rooms for ${minutes} min, ${editsPerClientSecond} edits a client-second, ${churnPerSecond} leave and join a second (relay pid ${relay.pid})`,
  );

  const clients: SoakClient[] = [];
  for (let i = 0; i < clientCount; i++) {
    clients.push(await connectClient(relay, rooms[i % roomCount]));
    if (i % 100 === 99) await pause(50);
  }
  await Promise.all(clients.map(synced));
  console.log(`soak: all ${clientCount} connected and synced; relay ${mb(relay.rss())}`);

  const started = performance.now();
  const memory: Array<{ minute: number; rss: number; documents: number }> = [];
  const sample = (minute: number) => {
    memory.push({ minute, rss: relay.rss(), documents: documentsMemory(clients) });
    const { rss, documents } = memory[memory.length - 1];
    console.log(
      `soak: ${minute.toFixed(1)} min, relay ${mb(rss)} (the documents ${mb(documents)}, the rest ${mb(rss - documents)}), ${written} entries written`,
    );
  };
  const ticker = setInterval(() => sample((performance.now() - started) / 60_000), 30_000);

  const editsPerSecond = clientCount * editsPerClientSecond;
  while (performance.now() - started < minutes * 60_000) {
    const second = performance.now();
    for (let i = 0; i < editsPerSecond; i++) {
      const client = clients[Math.floor(Math.random() * clients.length)];
      client.doc.getMap<number>('entries').set(`${client.id}:${client.count % entriesPerClient}`, client.count++);
      written++;
    }
    // Someone leaves and comes back on another device (a new Yjs client) to the same report, taking up their entries.
    for (let i = 0; i < churnPerSecond; i++) {
      const at = Math.floor(Math.random() * clients.length);
      const { id, room, count } = clients[at];
      leave(clients[at]);
      clients[at] = { ...(await connectClient(relay, room)), id, count };
    }
    await pause(Math.max(0, 1000 - (performance.now() - second)));
  }
  clearInterval(ticker);
  sample(minutes);
  // Whatever is still on its way arrives; then everyone leaves.
  await pause(5000);
  clients.forEach(leave);
  const before = [...acknowledged.values()].reduce((total, keys) => total + keys.size, 0);

  await relay.stop();
  relay = await startBenchRelay('margin', { dataDir, secret, env });
  let lost = 0;
  for (const room of rooms) {
    const kept = await readBack(relay, room);
    for (const [key, value] of acknowledged.get(room)!) if ((kept.get(key) ?? -1) < value) lost++;
  }
  await relay.stop();
  rmSync(dataDir, { recursive: true, force: true });

  const warm = memory.filter((sample) => sample.minute >= minutes * 0.3);
  const first = warm[0] ?? memory[0];
  const last = memory[memory.length - 1];
  const peak = Math.max(...memory.map((sample) => sample.rss));
  const minutesWarm = Math.max(0.5, last.minute - first.minute);
  const perMinute = (last.rss - first.rss) / minutesWarm;
  const rest = (at: (typeof memory)[number]) => at.rss - at.documents;
  const restPerMinute = (rest(last) - rest(first)) / minutesWarm;
  const closes = [...closeCodes].map(([code, count]) => `${code} x${count}`).join(', ') || 'none';
  console.log(
    `soak: ${written} writes to ${before} entries, each entry's last acknowledged write checked after a restart: ${lost} lost; relay memory ${mb(first.rss)} at ${first.minute.toFixed(1)} min (after warm-up), ${mb(last.rss)} at the end, peak ${mb(peak)}, ${(perMinute / 1024 / 1024).toFixed(1)} MB a minute after warm-up, of which the documents' own growth ${((perMinute - restPerMinute) / 1024 / 1024).toFixed(1)} MB; the rest ${mb(rest(first))} after warm-up, ${mb(rest(last))} at the end (${(restPerMinute / 1024 / 1024).toFixed(1)} MB a minute); connections closed by the relay or the network: ${closes}`,
  );
  if (lost > 0) process.exitCode = 1;
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

await soak();
process.exit();

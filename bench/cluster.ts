// `npm run bench -- cluster` (issue 15): the relay as a cluster. Every node is a process of its own
// (relay/main.ts through bench/relay-process.ts), all on one private PostgreSQL and one Redis
// (relay/test-engines.ts); the clients run here. Three figures:
// - edit to reader with 1, 2 and 4 nodes: one writer on the first node types 500 small text inserts a second for
//   5 s, 50 readers are spread round-robin over the nodes, and each reader notes when each edit's bytes arrive;
//   p50 and p99 side by side, and p99 split by the reader's node (the writer's, or another one, through Redis).
//   One node runs on PostgreSQL and Redis too, so the three columns differ only in the number of nodes;
// - a new client's sync of a 1 MB document kept in PostgreSQL, with the room not loaded on the node and loaded
//   (goal: median under 100 ms);
// - a node's memory (RSS) for 1,000 idle connections.
// The nodes, PostgreSQL, Redis and the clients share the machine's cores (the first line says how many): the figures
// include that crowding, which grows with the number of nodes.
import { randomBytes } from 'node:crypto';
import { availableParallelism, loadavg } from 'node:os';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { openPostgresStore } from '../relay/storage/postgres.ts';
import { startPostgres, startRedis, type TestPostgres } from '../relay/test-engines.ts';
import { idleConnection, marginClient, megabyteDocument, percentile } from './relay-load.ts';
import { startBenchRelay, type BenchRelay } from './relay-process.ts';

const nodeCounts = [1, 2, 4];
const readers = 50;
const editsPerSecond = 500;
const seconds = 5;
const syncTries = 20;
const idleConnections = 1000;
const idleRooms = 100;

interface Engines {
  postgres: TestPostgres;
  redisUrl: string;
  /** RELAY_SECRET of every node, so a token minted once is good on any of them. */
  secret: string;
}

/** `count` nodes on `databaseUrl` and the shared Redis, started side by side; all stopped if any fails to start. */
async function startNodes(engines: Engines, count: number, databaseUrl: string): Promise<BenchRelay[]> {
  const env = { DATABASE_URL: databaseUrl, REDIS_URL: engines.redisUrl };
  const started = await Promise.allSettled(
    Array.from({ length: count }, () => startBenchRelay('margin', { env, secret: engines.secret })),
  );
  const nodes = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failed = started.find((result) => result.status === 'rejected');
  if (failed) {
    await stopNodes(nodes);
    throw new Error(
      `a relay node did not start: ${failed.reason instanceof Error ? failed.reason.message : failed.reason}`,
    );
  }
  return nodes;
}

const stopNodes = (nodes: BenchRelay[]) => Promise.all(nodes.map((node) => node.stop()));

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took over ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The Yjs update a y-websocket sync message carries, if it is one. */
function syncUpdateIn(data: Uint8Array): { kind: 'step2' | 'update'; update: Uint8Array } | undefined {
  const decoder = decoding.createDecoder(data);
  if (decoding.readVarUint(decoder) !== 0) return undefined;
  const type = decoding.readVarUint(decoder);
  if (type !== syncProtocol.messageYjsSyncStep2 && type !== syncProtocol.messageYjsUpdate) return undefined;
  return {
    kind: type === syncProtocol.messageYjsSyncStep2 ? 'step2' : 'update',
    update: decoding.readVarUint8Array(decoder),
  };
}

/**
 * A reader on a bare websocket: while the edits run it only notes when each message arrives, so 50 readers in
 * this process do not queue behind each other's Yjs work; `catchUp` replays what came since its last call and
 * notes each edit's latency, found by the edit's number in the inserted text (`#12;`).
 */
class Reader {
  readonly samples: number[] = [];
  readonly synced: Promise<void>;
  private readonly arrivals: Array<{ at: number; data: Uint8Array }> = [];
  private replayed = 0;
  /** When the message being replayed arrived. */
  private arrivedAt = 0;
  private readonly doc = new Y.Doc();
  private readonly socket: WebSocket;

  constructor(
    readonly node: number,
    url: string,
    sentAt: number[],
  ) {
    this.socket = new WebSocket(url);
    this.socket.binaryType = 'nodebuffer';
    let resolveSynced!: () => void;
    this.synced = new Promise<void>((resolve) => (resolveSynced = resolve));
    this.socket.on('open', () => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 0);
      syncProtocol.writeSyncStep1(encoder, new Y.Doc());
      this.socket.send(encoding.toUint8Array(encoder));
    });
    this.socket.on('message', (data: Buffer) => {
      this.arrivals.push({ at: performance.now(), data: new Uint8Array(data) });
      if (syncUpdateIn(data)?.kind === 'step2') resolveSynced();
    });
    this.doc.getText('edits').observe((event) => {
      for (const delta of event.delta) {
        if (typeof delta.insert !== 'string') continue;
        for (const match of delta.insert.matchAll(/#(\d+);/g))
          this.samples.push(this.arrivedAt - sentAt[Number(match[1])]);
      }
    });
  }

  catchUp(): void {
    for (; this.replayed < this.arrivals.length; this.replayed++) {
      const { at, data } = this.arrivals[this.replayed];
      const found = syncUpdateIn(data);
      if (!found) continue;
      this.arrivedAt = at;
      Y.applyUpdate(this.doc, found.update);
    }
  }

  close(): void {
    this.socket.terminate();
    this.doc.destroy();
  }
}

interface Latencies {
  all: number[];
  writersNode: number[];
  otherNodes: number[];
  /** Edits that never reached a reader within the wait, over all readers. */
  missing: number;
}

async function editToReader(engines: Engines, count: number, forSeconds = seconds): Promise<Latencies> {
  const nodes = await startNodes(engines, count, await engines.postgres.database());
  const room = `cluster-${count}-${randomBytes(4).toString('hex')}`;
  const total = editsPerSecond * forSeconds;
  const sentAt: number[] = [];
  const audience: Reader[] = [];
  let writer: Awaited<ReturnType<typeof marginClient>> | undefined;
  try {
    writer = await marginClient(nodes[0], room);
    for (let i = 0; i < readers; i++) {
      const node = i % count;
      const { token } = await nodes[node].tokens.mint(room, 'tutor', 3600);
      audience.push(new Reader(node, `${nodes[node].url.replace('http', 'ws')}/sync/${room}?token=${token}`, sentAt));
    }
    await within(
      Promise.all([writer.synced, ...audience.map((reader) => reader.synced)]),
      20_000,
      'syncing 51 clients',
    );
    const text = writer.doc.getText('edits');
    const started = performance.now();
    await new Promise<void>((resolve) => {
      let sent = 0;
      const tick = () => {
        const due = Math.min(total, Math.floor(((performance.now() - started) * editsPerSecond) / 1000));
        // One edit per update, as a person typing makes them.
        for (; sent < due; sent++) {
          sentAt[sent] = performance.now();
          text.insert(text.length, `#${sent};`);
        }
        if (sent < total) setTimeout(tick, 1);
        else resolve();
      };
      tick();
    });
    // Wait (at most 20 s) for the last edit to reach every reader; whatever never came is counted, not hidden.
    const deadline = performance.now() + 20_000;
    const complete = () => audience.every((reader) => reader.samples.length >= total);
    while (performance.now() < deadline) {
      await pause(200);
      audience.forEach((reader) => reader.catchUp());
      if (complete()) break;
    }
    const sorted = (from: Reader[]) => from.flatMap((reader) => reader.samples).sort((a, b) => a - b);
    return {
      all: sorted(audience),
      writersNode: sorted(audience.filter((reader) => reader.node === 0)),
      otherNodes: sorted(audience.filter((reader) => reader.node !== 0)),
      missing: audience.reduce((sum, reader) => sum + Math.max(0, total - reader.samples.length), 0),
    };
  } finally {
    writer?.destroy();
    audience.forEach((reader) => reader.close());
    await stopNodes(nodes);
  }
}

async function editToReaderTable(engines: Engines): Promise<string> {
  // An untimed round first: the first run on a new PostgreSQL and fresh processes is several times slower than
  // any later one (measured on 2 cores: p50 250 ms, then under 10 ms), which says nothing about the number of nodes.
  const loadBefore = loadavg()[0];
  await editToReader(engines, 1, 2);
  const runs: Latencies[] = [];
  for (const count of nodeCounts) runs.push(await editToReader(engines, count));
  const ms = (samples: number[], q: number) => (samples.length ? `${percentile(samples, q).toFixed(2)} ms` : '-');
  const row = (label: string, cell: (run: Latencies) => string) =>
    `  ${label.padEnd(30)}${runs.map((run) => cell(run).padStart(12)).join('')}`;
  const lines = [
    `edit to reader, ${readers} readers round-robin over the nodes, 1 writer on the first node, ${editsPerSecond} edits/s for ${seconds} s, after an untimed 2 s round (each node a process, all on one PostgreSQL and one Redis; 1 node too, not SQLite; ${availableParallelism()} cores for all of it, load average ${loadBefore.toFixed(1)} before):`,
    row('nodes', (run) => String(nodeCounts[runs.indexOf(run)])),
    row('p50', (run) => ms(run.all, 0.5)),
    row('p99', (run) => ms(run.all, 0.99)),
    row("p99, readers on writer's node", (run) => ms(run.writersNode, 0.99)),
    row('p99, readers on other nodes', (run) => ms(run.otherNodes, 0.99)),
  ];
  if (runs.some((run) => run.missing > 0))
    lines.push(row('edits never seen (20 s wait)', (run) => String(run.missing)));
  return lines.join('\n');
}

async function syncFromPostgres(engines: Engines): Promise<string> {
  const databaseUrl = await engines.postgres.database();
  const update = megabyteDocument();
  // Written through the store, as a relay would have saved it: one room per try, so each try finds it not loaded.
  const store = await openPostgresStore(databaseUrl);
  try {
    for (const room of ['warm-up', 'loaded', ...Array.from({ length: syncTries }, (_, i) => `cold-${i}`)])
      await store.append(room, update);
  } finally {
    await store.close();
  }
  const [node] = await startNodes(engines, 1, databaseUrl);
  let holder: Awaited<ReturnType<typeof marginClient>> | undefined;
  try {
    const connectToSynced = async (room: string) => {
      const started = performance.now();
      const client = await marginClient(node, room);
      try {
        await within(client.synced, 15_000, `syncing ${room}`);
        return performance.now() - started;
      } finally {
        client.destroy();
      }
    };
    // One untimed try first: it loads the code every later try uses, as any running relay has.
    await connectToSynced('warm-up');
    const notLoaded: number[] = [];
    for (let i = 0; i < syncTries; i++) notLoaded.push(await connectToSynced(`cold-${i}`));
    // A client that stays keeps the room loaded for the next tries.
    holder = await marginClient(node, 'loaded');
    await within(holder.synced, 15_000, 'syncing the loaded room');
    const loaded: number[] = [];
    for (let i = 0; i < syncTries; i++) loaded.push(await connectToSynced('loaded'));
    const figures = (times: number[]) => {
      times.sort((a, b) => a - b);
      return `median ${percentile(times, 0.5).toFixed(1)} ms, p95 ${percentile(times, 0.95).toFixed(1)} ms`;
    };
    const goal = (times: number[]) => (percentile(times, 0.5) < 100 ? 'met' : 'not met');
    return (
      `new client syncs a ${(update.byteLength / 1024 / 1024).toFixed(2)} MB document from PostgreSQL, connect to synced, ${syncTries} tries each (after 1 untimed warm-up): ` +
      `room not loaded on the node ${figures(notLoaded)}; room loaded ${figures(loaded)}; ` +
      `goal median < 100 ms: ${goal(notLoaded)} not loaded, ${goal(loaded)} loaded`
    );
  } finally {
    holder?.destroy();
    await stopNodes([node]);
  }
}

async function idleMemory(engines: Engines): Promise<string> {
  const [node] = await startNodes(engines, 1, await engines.postgres.database());
  const sockets: WebSocket[] = [];
  try {
    // Warm up: one connection loads the code every connection uses.
    sockets.push(await idleConnection(node, 'warm-up'));
    await pause(500);
    const before = node.rss();
    for (let i = 0; i < idleConnections; i += 50)
      sockets.push(
        ...(await Promise.all(
          Array.from({ length: 50 }, (_, j) => idleConnection(node, `idle-${(i + j) % idleRooms}`)),
        )),
      );
    await pause(1000);
    const after = node.rss();
    const perThousand = ((after - before) / 1024 / 1024) * (1000 / idleConnections);
    return `${idleConnections} idle connections in ${idleRooms} rooms on one node (PostgreSQL and Redis): RSS ${(before / 1024 / 1024).toFixed(1)} MB before, ${(after / 1024 / 1024).toFixed(1)} MB after: ${perThousand.toFixed(1)} MB per 1,000 connections`;
  } finally {
    sockets.forEach((socket) => socket.terminate());
    await stopNodes([node]);
  }
}

export async function relayCluster(): Promise<string> {
  // y-websocket adds an exit listener per provider.
  process.setMaxListeners(0);
  const [startedPostgres, startedRedis] = await Promise.allSettled([startPostgres(), startRedis()]);
  const postgres = startedPostgres.status === 'fulfilled' ? startedPostgres.value : undefined;
  const redis = startedRedis.status === 'fulfilled' ? startedRedis.value : undefined;
  try {
    if (startedPostgres.status === 'rejected') throw startedPostgres.reason;
    if (startedRedis.status === 'rejected') throw startedRedis.reason;
    const engines: Engines = {
      postgres: startedPostgres.value,
      redisUrl: startedRedis.value.url,
      secret: randomBytes(24).toString('base64url'),
    };
    const lines = [await editToReaderTable(engines), await syncFromPostgres(engines), await idleMemory(engines)];
    return lines.join('\n');
  } finally {
    await Promise.all([postgres?.stop(), redis?.stop()]);
  }
}

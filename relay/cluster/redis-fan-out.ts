// Fan-out between relay nodes over Redis pub/sub (REDIS_URL). Each room has a channel, `margin:room:<name>`,
// carrying saved document updates and presence; `margin:revoked`, `margin:status`, `margin:removed`,
// `margin:erased` and `margin:owned` carry revocations, status changes, removed members, erased reports (one message for
// all the reports one erasure took, their ids a line each) and owners' links of reports just registered (the link's id
// and the owner's member id, a line each). A message is [kind][node id][payload]; a node ignores its own. Pub/sub, not a stream per room:
// PostgreSQL already holds every update in order, so Redis only needs to say "this is new" quickly; a node that
// misses messages (Redis restarting, a network cut) reads the room again from PostgreSQL when the subscription
// is back, which a stream would only duplicate. Publishing never waits: with Redis away, a publish is dropped
// (not queued), edits are still saved, and the other nodes catch up once it returns.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { ReportStatus } from '../../shared/workflow/status.ts';
import type { Log } from '../log.ts';
import type { FanOut, RoomListener } from './fan-out.ts';

const roomPrefix = 'margin:room:';
const revokedChannel = 'margin:revoked';
const statusChannel = 'margin:status';
const removedChannel = 'margin:removed';
const erasedChannel = 'margin:erased';
const ownedChannel = 'margin:owned';
const kinds = { update: 0, presence: 1, revoked: 2, status: 3, removed: 4, erased: 5, owned: 6 } as const;
const nodeIdBytes = 8;

export async function connectRedisFanOut(url: string, log: Log): Promise<FanOut> {
  const node = randomBytes(nodeIdBytes);
  const options = {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    retryStrategy: (times: number) => Math.min(times * 200, 2000),
  };
  // A publish with Redis away fails at once instead of waiting in a queue to flood the others later.
  const publisher = new Redis(url, { ...options, enableOfflineQueue: false });
  const subscriber = new Redis(url, options);
  const rooms = new Map<string, RoomListener>();
  const revokedListeners: Array<(jti: string) => void> = [];
  const statusListeners: Array<(reportId: string, status: ReportStatus) => void> = [];
  const removedListeners: Array<(memberId: string) => void> = [];
  const erasedListeners: Array<(reportIds: string[]) => void> = [];
  const ownedListeners: Array<(jti: string, memberId: string) => void> = [];
  const catchUpListeners: Array<() => void> = [];
  let dropped = 0;

  for (const connection of [publisher, subscriber]) {
    connection.on('error', (error: Error) => log.warn({ problem: error.message }, 'Redis connection problem'));
  }
  await Promise.all([publisher.connect(), subscriber.connect()]);
  await subscriber.subscribe(revokedChannel, statusChannel, removedChannel, erasedChannel, ownedChannel);

  // ioredis subscribes again by itself after a reconnection; what was published meanwhile never arrives.
  let readyBefore = true;
  subscriber.on('close', () => (readyBefore = false));
  subscriber.on('ready', () => {
    if (readyBefore) return;
    readyBefore = true;
    if (rooms.size > 0)
      subscriber.subscribe(...[...rooms.keys()].map((room) => roomPrefix + room)).catch(() => undefined);
    log.info({ dropped }, 'Redis is back: catching up from the store');
    catchUpListeners.forEach((listener) => listener());
  });

  subscriber.on('messageBuffer', (channelBytes: Buffer, message: Buffer) => {
    if (message.length < 1 + nodeIdBytes || node.equals(message.subarray(1, 1 + nodeIdBytes))) return;
    const channel = channelBytes.toString();
    const kind = message[0];
    const payload = new Uint8Array(message.subarray(1 + nodeIdBytes));
    if (channel === revokedChannel && kind === kinds.revoked) {
      const jti = Buffer.from(payload).toString();
      revokedListeners.forEach((listener) => listener(jti));
    } else if (channel === statusChannel && kind === kinds.status) {
      const { reportId, status } = JSON.parse(Buffer.from(payload).toString()) as { reportId: string; status: unknown };
      const parsed = ReportStatus.safeParse(status);
      if (parsed.success) statusListeners.forEach((listener) => listener(reportId, parsed.data));
    } else if (channel === removedChannel && kind === kinds.removed) {
      const memberId = Buffer.from(payload).toString();
      removedListeners.forEach((listener) => listener(memberId));
    } else if (channel === erasedChannel && kind === kinds.erased) {
      const reportIds = Buffer.from(payload).toString().split('\n');
      erasedListeners.forEach((listener) => listener(reportIds));
    } else if (channel === ownedChannel && kind === kinds.owned) {
      const [jti, memberId] = Buffer.from(payload).toString().split('\n');
      if (jti && memberId) ownedListeners.forEach((listener) => listener(jti, memberId));
    } else if (channel.startsWith(roomPrefix)) {
      const listener = rooms.get(channel.slice(roomPrefix.length));
      if (kind === kinds.update) listener?.update(payload);
      else if (kind === kinds.presence) listener?.presence(payload);
    }
  });

  function publish(channel: string, kind: number, payload: Uint8Array): void {
    const message = Buffer.concat([Buffer.of(kind), node, payload]);
    publisher.publish(channel, message).catch(() => dropped++);
  }

  return {
    engine: 'redis',
    follow(room, listener) {
      rooms.set(room, listener);
      subscriber.subscribe(roomPrefix + room).catch(() => undefined);
      return () => {
        if (rooms.get(room) !== listener) return;
        rooms.delete(room);
        subscriber.unsubscribe(roomPrefix + room).catch(() => undefined);
      };
    },
    updateSaved: (room, update) => publish(roomPrefix + room, kinds.update, update),
    presenceChanged: (room, update) => publish(roomPrefix + room, kinds.presence, update),
    revoked: (jti) => publish(revokedChannel, kinds.revoked, Buffer.from(jti)),
    statusChanged: (reportId, status) =>
      publish(statusChannel, kinds.status, Buffer.from(JSON.stringify({ reportId, status }))),
    memberRemoved: (memberId) => publish(removedChannel, kinds.removed, Buffer.from(memberId)),
    // Report ids never hold a line break (shared/protocol/rooms.ts).
    reportsErased: (reportIds) => publish(erasedChannel, kinds.erased, Buffer.from(reportIds.join('\n'))),
    // A token's id and a member's id are base64url and a UUID: neither holds a line break.
    linkOwned: (jti, memberId) => publish(ownedChannel, kinds.owned, Buffer.from(`${jti}\n${memberId}`)),
    onRevoked: (listener) => revokedListeners.push(listener),
    onMemberRemoved: (listener) => removedListeners.push(listener),
    onReportsErased: (listener) => erasedListeners.push(listener),
    onLinkOwned: (listener) => ownedListeners.push(listener),
    onStatusChanged: (listener) => statusListeners.push(listener),
    onCatchUp: (listener) => catchUpListeners.push(listener),
    async reachable() {
      try {
        return (await publisher.ping()) === 'PONG' && subscriber.status === 'ready';
      } catch {
        return false;
      }
    },
    async close() {
      publisher.disconnect();
      subscriber.disconnect();
    },
  };
}

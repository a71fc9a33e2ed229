// Two relay processes (relay/main.ts) sharing one PostgreSQL and one Redis, as a load balancer would put them:
// what one node's clients do reaches the other node's, nothing is lost when a node is killed or Redis stops,
// and decisions on a report are taken one at a time across nodes. Real engines (relay/test-engines.ts), real
// websockets, no mocks.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { closeCodes, refusalReasons } from '../../shared/protocol/limits.ts';
import type { MemberTokenGrant } from '../../shared/protocol/organisations.ts';
import { anchorFor } from '../../shared/doc/comment-anchors.ts';
import { addThread, threadsMap } from '../../shared/doc/comments.ts';
import { setFragmentText } from '../../shared/doc/text-fragment.ts';
import { createSessionReportDoc } from '../../shared/reports/index.ts';
import { memoryLog } from '../log.ts';
import { createOrganisation, invite } from '../organisations/members.ts';
import { startSession } from '../organisations/sessions.ts';
import { openPostgresStore } from '../storage/postgres.ts';
import type { RelayConfig } from '../server.ts';
import type { Storage } from '../storage/store.ts';
import { startPostgres, startRedis, type TestPostgres, type TestRedis } from '../test-engines.ts';
import { TestSession, api, deniedReasons, eventually, type RelayProcess, type TestRelay } from '../testing.ts';
import { connectRedisFanOut } from './redis-fan-out.ts';

let postgres: TestPostgres;
let redis: TestRedis;
beforeAll(async () => {
  [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
}, 90_000);
afterAll(async () => {
  await Promise.all([postgres?.stop(), redis?.stop()]);
});

const session = new TestSession();
afterEach(() => session.cleanup());

/** Two relay nodes on one new database and the shared Redis. */
async function twoNodes(): Promise<[RelayProcess, RelayProcess]> {
  const env = { DATABASE_URL: await postgres.database(), REDIS_URL: redis.url, LOG_LEVEL: 'warn' };
  return Promise.all([
    session.process({ ...env, DATA_DIR: session.folder() }),
    session.process({ ...env, DATA_DIR: session.folder() }),
  ]);
}

/** A relay node in this process on the database at `url`: the other nodes hear of what it does only through Redis. */
async function nodeOn(url: string, config: Partial<RelayConfig> = {}): Promise<TestRelay> {
  return session.relay({
    store: await openPostgresStore(url),
    fanOut: await connectRedisFanOut(redis.url, memoryLog().log),
    ...config,
  });
}

/** Bright Tutors, with Ada its administrator and Tom a tutor, each signed in (their session tokens). */
async function brightTutors(store: Storage) {
  const made = await createOrganisation(store, { name: 'Bright Tutors', kind: 'agency', administrator: 'Ada' });
  if (!made.ok) throw new Error(made.problem);
  const invited = await invite(store, { organisationId: made.value.organisation.id, name: 'Tom', role: 'tutor' });
  if (!invited.ok) throw new Error(invited.problem);
  return {
    admin: await startSession(store, made.value.member.id, 'Chromium'),
    tutor: await startSession(store, invited.value.member.id, 'Chromium'),
    tutorId: invited.value.member.id,
  };
}

/** A request to `relay` with a member's session cookie, and a link when the call needs one too. */
const asMember = (relay: TestRelay, cookie: string, method: string, path: string, body?: unknown, link?: string) =>
  fetch(`${relay.url}${path}`, {
    method,
    headers: {
      Origin: `http://localhost:${relay.port}`,
      Cookie: `margin_session=${cookie}`,
      ...(link ? { Authorization: `Bearer ${link}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

/** True when `doc` holds every item `seen` holds. */
function covers(doc: Y.Doc, seen: Y.Doc): boolean {
  const have = Y.decodeStateVector(Y.encodeStateVector(doc));
  for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(seen)))
    if ((have.get(client) ?? 0) < clock) return false;
  return true;
}

describe('two relay nodes on one PostgreSQL and Redis', () => {
  it('pass an edit and presence from a client on one node to a client on the other', async () => {
    const [a, b] = await twoNodes();
    const writer = await session.provider(a, 'shared-1');
    const reader = await session.provider(b, 'shared-1');
    writer.doc.getText('body').insert(0, 'Typed on node A. ');
    await eventually(() => expect(reader.doc.getText('body').toString()).toBe('Typed on node A. '));
    reader.doc.getText('body').insert(0, 'And on node B. ');
    await eventually(() => expect(writer.doc.getText('body').toString()).toBe('And on node B. Typed on node A. '));

    writer.awareness.setLocalStateField('user', { name: 'Tom', color: '#aa3300', role: 'tutor' });
    await eventually(() =>
      expect(reader.awareness.getStates().get(writer.awareness.clientID)).toMatchObject({ user: { name: 'Tom' } }),
    );
  });

  it('close a withdrawn link on every node (4410), and lock content on every node after a decision', async () => {
    const [a, b] = await twoNodes();
    const tutor = await session.token(a, 'withdraw-1', 'tutor');
    const made = await api(a, 'POST', '/api/reports/withdraw-1/links', { token: tutor, body: { role: 'mentor' } });
    expect(made.status).toBe(201);
    const onA = await session.socket(a, `/sync/withdraw-1?token=${made.body.token}`);
    const onB = await session.socket(b, `/sync/withdraw-1?token=${made.body.token}`);
    await eventually(() => expect(onA.received.length > 0 && onB.received.length > 0).toBe(true));
    expect((await api(a, 'DELETE', `/api/reports/withdraw-1/links/${made.body.jti}`, { token: tutor })).status).toBe(
      200,
    );
    expect((await onA.closed).code).toBe(closeCodes.linkWithdrawn);
    expect((await onB.closed).code).toBe(closeCodes.linkWithdrawn);

    // A teacher reads the content only once it is submitted: refused on B, then let in once A records the decision.
    const early = await session.roomSocket(b, 'withdraw-1', 'teacher');
    expect((await early.closed).code).toBe(4409);
    const submitted = await api(a, 'POST', '/api/reports/withdraw-1/transitions', {
      token: tutor,
      body: { action: 'submit', name: 'Tom' },
    });
    expect(submitted.status).toBe(200);
    const teacher = await session.provider(b, 'withdraw-1', { role: 'teacher' });
    expect(teacher.synced).toBe(true);
  });

  it('take decisions on one report one at a time, whichever node each comes to', async () => {
    const [a, b] = await twoNodes();
    const tutor = await session.token(a, 'decide-1', 'tutor');
    const submit = (node: RelayProcess) =>
      api(node, 'POST', '/api/reports/decide-1/transitions', { token: tutor, body: { action: 'submit', name: 'Tom' } });
    const answers = await Promise.all([submit(a), submit(b), submit(a), submit(b)]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409, 409, 409]);
    const status = await session.provider(b, 'decide-1/status');
    expect(status.doc.getArray('history').length).toBe(1);
  });

  it('lose nothing any client saw when a node is killed with SIGKILL mid-stream', async () => {
    const [a, b] = await twoNodes();
    const writer = await session.provider(a, 'killed-1');
    const readers = await Promise.all([session.provider(a, 'killed-1'), session.provider(b, 'killed-1')]);
    const text = writer.doc.getText('body');
    let typing = true;
    const typed = (async () => {
      for (let i = 0; typing; i++) {
        text.insert(text.length, `${i} `);
        if (i % 5 === 0) await new Promise((resolve) => setTimeout(resolve, 1));
      }
    })();
    await eventually(() => expect(readers.every((reader) => reader.doc.getText('body').length > 1000)).toBe(true));
    a.child.kill('SIGKILL');
    await a.exited;
    typing = false;
    await typed;
    const seen = readers.map((reader) => {
      reader.disconnect();
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(reader.doc));
      return copy;
    });
    writer.disconnect();

    const after = await session.provider(b, 'killed-1');
    for (const copy of seen) {
      expect(copy.getText('body').length).toBeGreaterThan(1000);
      expect(covers(after.doc, copy)).toBe(true);
    }
  });

  it('lose no data while Redis is stopped, and catch up when it returns', async () => {
    const [a, b] = await twoNodes();
    const writer = await session.provider(a, 'outage-1');
    const reader = await session.provider(b, 'outage-1');
    writer.doc.getText('body').insert(0, 'Before. ');
    await eventually(() => expect(reader.doc.getText('body').toString()).toBe('Before. '));

    await redis.stop();
    try {
      writer.doc.getText('body').insert(8, 'During. ');
      // Saved on A: a new client of A sees it, and /healthz says Redis is away while the store is fine.
      const meanwhile = await session.provider(a, 'outage-1');
      await eventually(() => expect(meanwhile.doc.getText('body').toString()).toBe('Before. During. '));
      await eventually(async () =>
        expect(await (await fetch(`${b.url}/healthz`)).json()).toMatchObject({
          ok: true,
          storage: { engine: 'postgres', reachable: true },
          fanOut: { engine: 'redis', reachable: false },
        }),
      );
    } finally {
      await redis.start();
    }
    await eventually(() => expect(reader.doc.getText('body').toString()).toBe('Before. During. '));
    writer.doc.getText('body').insert(16, 'After.');
    await eventually(() => expect(reader.doc.getText('body').toString()).toBe('Before. During. After.'));
    expect(await (await fetch(`${b.url}/healthz`)).json()).toMatchObject({ fanOut: { reachable: true } });
  });

  it('acknowledge nothing unsaved while PostgreSQL is unreachable, and save the clients’ changes when it returns', async () => {
    const [a, b] = await twoNodes();
    const writer = await session.provider(a, 'pg-outage-1');
    const reader = await session.provider(b, 'pg-outage-1');
    writer.doc.getText('body').insert(0, 'Before. ');
    await eventually(() => expect(reader.doc.getText('body').toString()).toBe('Before. '));

    await postgres.pause();
    try {
      writer.doc.getText('body').insert(8, 'During. ');
      await eventually(async () =>
        expect(await (await fetch(`${a.url}/healthz`)).json()).toMatchObject({
          storage: { engine: 'postgres', reachable: false },
        }),
      );
      // Not saved, so not passed on: the reader still has only what was saved.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(reader.doc.getText('body').toString()).toBe('Before. ');
      // The writer keeps its change on its side.
      expect(writer.doc.getText('body').toString()).toBe('Before. During. ');
    } finally {
      await postgres.resume();
    }
    // The clients reconnect by themselves; the writer's change is saved and reaches the reader and a new client.
    await eventually(() => expect(reader.doc.getText('body').toString()).toBe('Before. During. '));
    const later = await session.provider(b, 'pg-outage-1');
    await eventually(() => expect(later.doc.getText('body').toString()).toBe('Before. During. '));
    expect(await (await fetch(`${a.url}/healthz`)).json()).toMatchObject({ storage: { reachable: true } });
  });

  it('close a removed member’s connections on every node at once (4410)', async () => {
    const url = await postgres.database();
    // In this process, so that only Redis can tell node B: its own look for removed members is put off for an hour.
    const node = () => nodeOn(url, { removedMemberCheckMs: 3_600_000 });
    const [a, b] = [await node(), await node()];
    const store = await openPostgresStore(url);
    const { admin, tutor, tutorId } = await brightTutors(store);
    await store.close();
    expect((await asMember(a, tutor, 'POST', '/api/organisation/reports', { id: 'removed-1' })).status).toBe(201);
    const grant = await asMember(b, tutor, 'GET', '/api/organisation/reports/removed-1/token');
    const { token } = (await grant.json()) as MemberTokenGrant;
    const onA = await session.socket(a, `/sync/removed-1?token=${token}`);
    const onB = await session.socket(b, `/sync/removed-1/comments?token=${token}`);
    await eventually(() => expect(onA.received.length > 0 && onB.received.length > 0).toBe(true));

    const removed = await asMember(a, admin, 'DELETE', `/api/organisation/members/${tutorId}`);
    expect(removed.status).toBe(200);
    const cutOff = { code: closeCodes.linkWithdrawn, reason: refusalReasons.memberRemoved };
    expect(await onA.closed).toEqual(cutOff);
    expect(await onB.closed).toEqual(cutOff);
    expect(await (await session.socket(b, `/sync/removed-1?token=${token}`)).closed).toEqual(cutOff);
  });

  it('let a report’s own link speak for its owner on every node once the report is registered', async () => {
    const url = await postgres.database();
    const bLog = memoryLog();
    const [a, b] = [await nodeOn(url), await nodeOn(url, { log: bLog.log })];
    const store = await openPostgresStore(url);
    const { tutor, tutorId } = await brightTutors(store);
    await store.close();
    const own = (await api(a, 'POST', '/api/reports', { body: { id: 'owned-1' } })).body.token as string;
    // Tom's laptop is connected to node B before the report is registered, through node A.
    const received: Uint8Array[] = [];
    const laptop = await session.provider(b, 'owned-1/comments', { token: own, received });
    const registered = await asMember(a, tutor, 'POST', '/api/organisation/reports', { id: 'owned-1' }, own);
    expect(registered.status).toBe(201);

    const field = new Y.Doc().getXmlFragment('progressComment');
    setFragmentText(field, 'Dated the Tudors.');
    const anchored = anchorFor(field, 10, 16);
    if (!anchored.ok) throw new Error(anchored.problem);
    // Node B hears of the registration from Redis a moment later.
    await eventually(() =>
      expect(
        bLog
          .lines()
          .some(
            (line) =>
              line.msg === 'a report was registered on another node: its link speaks for its owner' &&
              line.connections === 1,
          ),
      ).toBe(true),
    );
    const his = addThread(laptop.doc, {
      field: 'progressComment',
      ...anchored.value,
      text: 'Check the dates.',
      author: { id: 'tom-laptop', name: 'Tom', role: 'tutor', memberId: tutorId },
    });
    if (!his.ok) throw new Error(his.problem);
    const watcher = await session.provider(a, 'owned-1/comments', { token: own });
    await eventually(() => expect(threadsMap(watcher.doc).has(his.value)).toBe(true));
    expect(deniedReasons(received)).toEqual([]);
  });

  it('close an erased learner’s reports’ connections on every node at once (4451), and refuse them after', async () => {
    const url = await postgres.database();
    const [a, b] = [await nodeOn(url), await nodeOn(url)];
    const store = await openPostgresStore(url);
    const { admin, tutor } = await brightTutors(store);
    // Two reports about the learner, each with a connection on node B: one erasure on node A, one message for both.
    const held = [];
    for (const id of ['erased-1', 'erased-2']) {
      expect((await asMember(a, tutor, 'POST', '/api/organisation/reports', { id })).status).toBe(201);
      const { token } = (await (
        await asMember(b, tutor, 'GET', `/api/organisation/reports/${id}/token`)
      ).json()) as MemberTokenGrant;
      const writer = await session.provider(b, id, { token });
      createSessionReportDoc(
        writer.doc,
        {
          date: '2030-01-07',
          start: '13:00',
          finish: '14:00',
          subject: 'Maths',
          learners: [{ id: 'l1', name: 'Gus Hale' }],
        },
        'Tom',
      );
      await eventually(async () => expect((await store.load(id)).length).toBeGreaterThan(0));
      const onB = await session.socket(b, `/sync/${id}/comments?token=${token}`);
      await eventually(() => expect(onB.received.length).toBeGreaterThan(0));
      held.push({ id, token, onB });
    }

    const erased = await asMember(a, admin, 'POST', '/api/organisation/learners/Gus%20Hale/erase', {
      confirmation: 'Gus Hale',
    });
    expect(erased.status).toBe(200);
    expect(await erased.json()).toMatchObject({ erased: 2 });
    const cutOff = { code: closeCodes.reportErased, reason: refusalReasons.reportErased };
    for (const { id, token, onB } of held) {
      expect(await onB.closed).toEqual(cutOff);
      expect(await (await session.socket(b, `/sync/${id}?token=${token}`)).closed).toEqual(cutOff);
      await eventually(async () => expect(await store.load(id)).toEqual([]));
    }
    await store.close();
  });

  it('close an erased report’s connections on a node that missed the message, once it catches up', async () => {
    const url = await postgres.database();
    const b = await nodeOn(url);
    const writer = await session.provider(b, 'missed-1', { token: await session.token(b, 'missed-1') });
    writer.doc.getText('body').insert(0, 'Held on node B');
    const onB = await session.socket(b, `/sync/missed-1?token=${await session.token(b, 'missed-1')}`);
    await eventually(() => expect(onB.received.length).toBeGreaterThan(0));
    await redis.stop();
    // Another node (or a shell) erases it while Redis is away: node B hears nothing of it.
    const store = await openPostgresStore(url);
    await store.eraseReports(['missed-1'], new Date().toISOString());
    await redis.start();
    const cutOff = { code: closeCodes.reportErased, reason: refusalReasons.reportErased };
    expect(await onB.closed).toEqual(cutOff);
    await eventually(async () => expect(await store.load('missed-1')).toEqual([]));
    await store.close();
  });
});

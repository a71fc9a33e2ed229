// POST /api/reports/erased over real HTTP: a device names the reports it holds and learns which were erased, and
// nothing else. Bad questions get a 400 that says what to fix; too many from one address get a 429.
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { maxErasedQueryIds } from '../shared/protocol/api.ts';
import { openMemoryStore } from './storage/memory.ts';
import { TestSession, api, type TestRelay } from './testing.ts';

const session = new TestSession();
afterEach(() => session.cleanup());

const ask = (relay: TestRelay, body: unknown) => api(relay, 'POST', '/api/reports/erased', { body });

/** A relay holding a report that was kept (with content and a link), one registered with an organisation, and two erased. */
async function relayWithReports() {
  const store = openMemoryStore();
  const relay = await session.relay({ store });
  for (const id of ['kept-1', 'erased-1', 'erased-2']) {
    expect((await api(relay, 'POST', '/api/reports', { body: { id } })).status).toBe(201);
    const doc = new Y.Doc();
    doc.getText('body').insert(0, 'Session notes');
    await store.append(id, Y.encodeStateAsUpdate(doc));
  }
  await store.addReport({
    reportId: 'registered-1',
    organisationId: 'org-1',
    ownerId: 'm1',
    createdAt: '2030-01-05T10:00:00.000Z',
  });
  await store.eraseReports(['erased-1', 'erased-2'], '2030-01-06T10:00:00.000Z');
  return { store, relay };
}

describe('which reports were erased', () => {
  it('names the erased reports among those asked about, in the order asked, and no others', async () => {
    const { relay } = await relayWithReports();
    expect(await ask(relay, { ids: ['erased-2', 'kept-1', 'never-made', 'registered-1', 'erased-1'] })).toMatchObject({
      status: 200,
      body: { erased: ['erased-2', 'erased-1'] },
    });
    expect(await ask(relay, { ids: ['kept-1', 'never-made'] })).toMatchObject({ status: 200, body: { erased: [] } });
    expect(await ask(relay, { ids: [] })).toMatchObject({ status: 200, body: { erased: [] } });
  });

  it(`answers for up to ${maxErasedQueryIds} reports at once, and refuses more with a clear message`, async () => {
    const { relay } = await relayWithReports();
    // The longest ids there are: the body is at its largest.
    const most = Array.from({ length: maxErasedQueryIds - 1 }, (_, i) => `${i}`.padStart(64, 'x'));
    expect(await ask(relay, { ids: [...most, 'erased-1'] })).toMatchObject({
      status: 200,
      body: { erased: ['erased-1'] },
    });
    expect(await ask(relay, { ids: [...most, 'erased-1', 'erased-2'] })).toEqual({
      status: 400,
      contentType: 'application/json; charset=utf-8',
      body: { error: 'The request is not what the relay expects: ids: Ask about no more than 1,000 reports at once.' },
    });
  });

  it('refuses malformed ids and bodies, saying what is wrong', async () => {
    const { relay } = await relayWithReports();
    const idProblem = (at: number) => ({
      error: `The request is not what the relay expects: ids.${at}: A report id is 1 to 64 letters, digits, "-" or "_"`,
    });
    expect(await ask(relay, { ids: ['erased-1', '../erased-2'] })).toMatchObject({ status: 400, body: idProblem(1) });
    expect(await ask(relay, { ids: [''] })).toMatchObject({ status: 400, body: idProblem(0) });
    expect(await ask(relay, { ids: ['x'.repeat(65)] })).toMatchObject({ status: 400, body: idProblem(0) });
    expect((await ask(relay, { ids: [42] })).status).toBe(400);
    expect((await ask(relay, { ids: 'erased-1' })).status).toBe(400);
    expect((await ask(relay, {})).status).toBe(400);
    expect(await api(relay, 'POST', '/api/reports/erased', { rawBody: '{"ids": [' })).toMatchObject({
      status: 400,
      body: { error: 'The request body must be JSON.' },
    });
    expect(await api(relay, 'GET', '/api/reports/erased')).toMatchObject({
      status: 405,
      body: { error: '/api/reports/erased takes POST, not GET.' },
    });
  });

  it('limits how often one address asks, saying when to try again', async () => {
    const relay = await session.relay({ store: openMemoryStore(), erasedQuestions: { allowed: 2, perMs: 120_000 } });
    for (let i = 0; i < 2; i++) expect((await ask(relay, { ids: ['a'] })).status).toBe(200);
    const refused = await fetch(`http://127.0.0.1:${relay.port}/api/reports/erased`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ids: ['a'] }),
    });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('120');
    expect(await refused.json()).toEqual({
      error: 'Too many questions about erased reports from here. Try again in 2 minutes.',
    });
  });
});

/** The whole answer, as bytes on the wire, to one question asked over a plain socket; its Date header left out. */
function rawAnswer(relay: TestRelay, body: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(relay.port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('end', () =>
      resolve(
        Buffer.concat(chunks)
          .toString('utf8')
          .replace(/^Date: .*\r\n/im, ''),
      ),
    );
    socket.write(
      `POST /api/reports/erased HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}

describe('what the answer reveals', () => {
  it('answers byte for byte alike for a report kept, one registered and an id never made', async () => {
    const { relay } = await relayWithReports();
    const answers = await Promise.all(
      ['kept-1', 'registered-1', 'never-made'].map((id) => rawAnswer(relay, JSON.stringify({ ids: [id] }))),
    );
    expect(answers[0]).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(answers[0]).toContain('\r\n{"erased":[]}\r\n');
    expect(answers[1]).toBe(answers[0]);
    expect(answers[2]).toBe(answers[0]);
    // An erased report's answer says only that it was erased: not when, nor anything it held.
    const erased = await rawAnswer(relay, JSON.stringify({ ids: ['erased-1', 'kept-1'] }));
    expect(erased).toContain('\r\n{"erased":["erased-1"]}\r\n');
    expect(erased).not.toMatch(/2030|Session notes|org-1/);
  });
});

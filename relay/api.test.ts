// The HTTP API with a real relay: claiming a report, making, listing and withdrawing links, and workflow
// decisions. Every answer is JSON; every refusal says what to do.
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readStatus } from '../shared/doc/status-doc.ts';
import { closeCodes, refusalReasons } from '../shared/protocol/limits.ts';
import { createOrganisation } from './organisations/members.ts';
import { startSession } from './organisations/sessions.ts';
import { openMemoryStore } from './storage/memory.ts';
import { TestSession, api, eventually, type TestRelay } from './testing.ts';

const session = new TestSession();
afterEach(() => session.cleanup());

async function claimed(relay: TestRelay, id = 'report-1'): Promise<string> {
  const claim = await api(relay, 'POST', '/api/reports', { body: { id } });
  expect(claim.status).toBe(201);
  return claim.body.token;
}

async function linkFor(relay: TestRelay, holder: string, role: string, reportId = 'report-1') {
  return api(relay, 'POST', `/api/reports/${reportId}/links`, { token: holder, body: { role } });
}

describe('who may create reports', () => {
  it('on a relay for members only, refuses anyone without a signed-in session and lets a member create', async () => {
    const store = openMemoryStore();
    const relay = await session.relay({ store, creation: { open: false, perAddressPerHour: 100 } });
    expect(await api(relay, 'POST', '/api/reports', { body: { id: 'report-1' } })).toMatchObject({
      status: 403,
      body: {
        error:
          'This relay makes reports for the members of its organisations only. Sign in first, or ask its administrator.',
      },
    });
    const forged = await fetch(`http://127.0.0.1:${relay.port}/api/reports`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: `margin_session=${'A'.repeat(43)}` },
      body: JSON.stringify({ id: 'report-1' }),
    });
    expect(forged.status).toBe(403);
    const made = await createOrganisation(store, { name: 'Bright Tutors', kind: 'agency', administrator: 'Ada' });
    if (!made.ok) throw new Error(made.problem);
    const cookie = await startSession(store, made.value.member.id, 'Chromium');
    const claimed = await fetch(`http://127.0.0.1:${relay.port}/api/reports`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: `margin_session=${cookie}` },
      body: JSON.stringify({ id: 'report-1' }),
    });
    expect(claimed.status).toBe(201);
    expect(await store.removeMember(made.value.member.id, new Date().toISOString())).toBe(true);
    const afterRemoval = await fetch(`http://127.0.0.1:${relay.port}/api/reports`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: `margin_session=${cookie}` },
      body: JSON.stringify({ id: 'report-2' }),
    });
    expect(afterRemoval.status).toBe(403);
  });

  it('limits how many reports one address creates in an hour, saying when to try again', async () => {
    const store = openMemoryStore();
    const relay = await session.relay({ store, creation: { open: true, perAddressPerHour: 3 } });
    for (const id of ['r1', 'r2', 'r3'])
      expect((await api(relay, 'POST', '/api/reports', { body: { id } })).status).toBe(201);
    const refused = await fetch(`http://127.0.0.1:${relay.port}/api/reports`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ id: 'r4' }),
    });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('3600');
    expect(await refused.json()).toEqual({
      error: 'Too many new reports from here in the last hour (the relay allows 3). Try again in 60 minutes.',
    });
    // Nothing was claimed for the refused id: it is still free.
    expect(await store.claim('r4', new Date().toISOString())).toBe(true);
  });
});

describe('claiming a report', () => {
  it('gives its creator a tutor token for that report alone, once', async () => {
    const relay = await session.relay();
    const claim = await api(relay, 'POST', '/api/reports', { body: { id: 'report-1' } });
    expect(claim.status).toBe(201);
    expect(claim.contentType).toBe('application/json; charset=utf-8');
    expect(claim.body).toEqual({
      token: expect.any(String),
      jti: expect.any(String),
      role: 'tutor',
      expiresAt: expect.any(String),
    });
    expect(new Date(claim.body.expiresAt).getTime()).toBeGreaterThan(Date.now() + 300 * 24 * 3600 * 1000);
    await session.provider(relay, 'report-1', { token: claim.body.token });

    const again = await api(relay, 'POST', '/api/reports', { body: { id: 'report-1' } });
    expect(again).toMatchObject({
      status: 409,
      body: { error: expect.stringMatching(/^A report with this id is on the relay already/) },
    });
  });

  it('may be made again with the same claim key while the report is empty, and by no other key', async () => {
    const relay = await session.relay();
    const key = 'k'.repeat(32);
    const first = await api(relay, 'POST', '/api/reports', { body: { id: 'report-3', key } });
    expect(first.status).toBe(201);
    // The first answer was lost on the way back: the same device asks again.
    const again = await api(relay, 'POST', '/api/reports', { body: { id: 'report-3', key } });
    expect(again.status).toBe(201);
    expect(again.body.jti).not.toBe(first.body.jti);
    expect(await api(relay, 'POST', '/api/reports', { body: { id: 'report-3', key: 'x'.repeat(32) } })).toMatchObject({
      status: 409,
    });
    expect(await api(relay, 'POST', '/api/reports', { body: { id: 'report-3' } })).toMatchObject({ status: 409 });

    const writer = await session.provider(relay, 'report-3', { token: again.body.token });
    writer.doc.getText('body').insert(0, 'Now it has content');
    // Once it has content, the key no longer claims it: links to it are made by those who hold one.
    await eventually(async () =>
      expect(await api(relay, 'POST', '/api/reports', { body: { id: 'report-3', key } })).toMatchObject({
        status: 409,
      }),
    );
  });

  it('is refused for an id that already has content, even unclaimed', async () => {
    const relay = await session.relay();
    const writer = await session.provider(relay, 'report-2');
    writer.doc.getText('body').insert(0, 'Written with a token made by hand');
    await eventually(async () =>
      expect(await api(relay, 'POST', '/api/reports', { body: { id: 'report-2' } })).toMatchObject({ status: 409 }),
    );
  });

  it.each([
    ['no body', undefined, /^The request is not what the relay expects: /],
    [
      'a bad id',
      JSON.stringify({ id: 'not/an id' }),
      /^The request is not what the relay expects: id: A report id is 1 to 64 letters/,
    ],
    [
      'a claim key too short to be secret',
      JSON.stringify({ id: 'report-9', key: 'short' }),
      /^The request is not what the relay expects: key: A claim key is 22 to 128 letters/,
    ],
    ['a body that is not JSON', '{id:', /^The request body must be JSON\.$/],
  ])('answers 400 with a reason for %s', async (_what, rawBody, error) => {
    const relay = await session.relay();
    const answer = await api(relay, 'POST', '/api/reports', { rawBody });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatch(error);
  });

  it('answers 413 for a body over 16 KB', async () => {
    const relay = await session.relay();
    const answer = await api(relay, 'POST', '/api/reports', { body: { id: 'x'.repeat(20_000) } });
    expect(answer).toEqual({
      status: 413,
      body: { error: 'The request is too large (the relay reads up to 16 KB).' },
      contentType: expect.any(String),
    });
  });
});

describe('the API addresses', () => {
  it('answers JSON 404 for an address it does not have and 405 for a method it does not take', async () => {
    const relay = await session.relay();
    expect(await api(relay, 'GET', '/api/nothing')).toMatchObject({
      status: 404,
      body: { error: expect.stringContaining('docs/protocol.md') },
    });
    expect(await api(relay, 'GET', '/api/reports')).toMatchObject({
      status: 405,
      body: { error: '/api/reports takes POST, not GET.' },
    });
  });
});

describe('share links', () => {
  it('are made only for roles at or below the holder’s, and listed for them', async () => {
    const relay = await session.relay();
    const tutor = await claimed(relay);
    const reviewerLink = await linkFor(relay, tutor, 'reviewer');
    expect(reviewerLink).toMatchObject({ status: 201, body: { role: 'reviewer', token: expect.any(String) } });
    await session.provider(relay, 'report-1', { token: reviewerLink.body.token });

    const reviewer = reviewerLink.body.token;
    expect(await linkFor(relay, reviewer, 'mentor')).toMatchObject({
      status: 403,
      body: { error: 'With a reviewer link you can make links for reviewer, teacher, client only, not mentor.' },
    });
    const clientLink = await linkFor(relay, reviewer, 'client');
    expect(clientLink.status).toBe(201);

    const listedForTutor = await api(relay, 'GET', '/api/reports/report-1/links', { token: tutor });
    expect(listedForTutor.body.links.map((link: { role: string }) => link.role)).toEqual([
      'tutor',
      'reviewer',
      'client',
    ]);
    expect(JSON.stringify(listedForTutor.body)).not.toContain(reviewer);
    const listedForReviewer = await api(relay, 'GET', '/api/reports/report-1/links', { token: reviewer });
    expect(listedForReviewer.body.links.map((link: { role: string }) => link.role)).toEqual(['reviewer', 'client']);

    // A client reads the report: it makes no links, not even another client's, and is shown none.
    const client = clientLink.body.token;
    expect(await linkFor(relay, client, 'client')).toMatchObject({
      status: 403,
      body: { error: 'A client link is for reading the report; it makes no links for others.' },
    });
    const listedForClient = await api(relay, 'GET', '/api/reports/report-1/links', { token: client });
    expect(listedForClient.body.links).toEqual([]);
  });

  it('take a time-to-live, never past the holder’s own expiry', async () => {
    const relay = await session.relay();
    const tutor = await claimed(relay);
    const short = await api(relay, 'POST', '/api/reports/report-1/links', {
      token: tutor,
      body: { role: 'client', ttl: '2h' },
    });
    const hours = (new Date(short.body.expiresAt).getTime() - Date.now()) / 3600_000;
    expect(hours).toBeGreaterThan(1.9);
    expect(hours).toBeLessThanOrEqual(2);
    const bad = await api(relay, 'POST', '/api/reports/report-1/links', {
      token: tutor,
      body: { role: 'client', ttl: 'forever' },
    });
    expect(bad).toMatchObject({ status: 400, body: { error: expect.stringMatching(/is not a time-to-live/) } });

    const shortLived = await session.token(relay, 'report-1', 'tutor', 60);
    const made = await api(relay, 'POST', '/api/reports/report-1/links', {
      token: shortLived,
      body: { role: 'reviewer', ttl: '30d' },
    });
    expect(made.status).toBe(201);
    expect(new Date(made.body.expiresAt).getTime()).toBeLessThanOrEqual(Date.now() + 61_000);
  });

  it('are refused without a token, with a forged one, or with one for another report', async () => {
    const relay = await session.relay();
    const tutor = await claimed(relay);
    const other = await claimed(relay, 'report-2');
    expect(await api(relay, 'GET', '/api/reports/report-1/links')).toMatchObject({
      status: 401,
      body: { error: refusalReasons.linkMissing },
    });
    expect(await api(relay, 'GET', '/api/reports/report-1/links', { token: `${tutor}x` })).toMatchObject({
      status: 401,
      body: { error: refusalReasons.linkInvalid },
    });
    expect(await api(relay, 'GET', '/api/reports/report-1/links', { token: other })).toMatchObject({
      status: 403,
      body: { error: refusalReasons.wrongReport },
    });
  });

  it('once withdrawn stop working at once, live connections included, and stay withdrawn', async () => {
    const relay = await session.relay();
    const tutor = await claimed(relay);
    const link = (await linkFor(relay, tutor, 'reviewer')).body;
    const live = await session.provider(relay, 'report-1', { token: link.token });
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      live.on('connection-close', (event) => event && resolve(event)),
    );

    const withdrawn = await api(relay, 'DELETE', `/api/reports/report-1/links/${link.jti}`, { token: tutor });
    expect(withdrawn).toMatchObject({ status: 200, body: { jti: link.jti, revokedAt: expect.any(String) } });
    expect(await closed).toMatchObject({ code: closeCodes.linkWithdrawn, reason: refusalReasons.linkWithdrawn });
    expect(live.shouldConnect).toBe(false);

    const again = await session.socket(relay, `/sync/report-1?token=${link.token}`);
    expect(await again.closed).toEqual({ code: closeCodes.linkWithdrawn, reason: refusalReasons.linkWithdrawn });
    expect(await linkFor(relay, link.token, 'client')).toMatchObject({
      status: 410,
      body: { error: refusalReasons.linkWithdrawn },
    });
    const listed = await api(relay, 'GET', '/api/reports/report-1/links', { token: tutor });
    expect(listed.body.links.find((candidate: { jti: string }) => candidate.jti === link.jti).revokedAt).toBe(
      withdrawn.body.revokedAt,
    );
  });

  it('are withdrawn only by someone who could have made them, and not the one in use', async () => {
    const relay = await session.relay();
    const tutor = await claimed(relay);
    const tutorJti = (await api(relay, 'GET', '/api/reports/report-1/links', { token: tutor })).body.links[0].jti;
    const reviewer = (await linkFor(relay, tutor, 'reviewer')).body.token;
    expect(await api(relay, 'DELETE', `/api/reports/report-1/links/${tutorJti}`, { token: reviewer })).toMatchObject({
      status: 403,
      body: { error: 'With a reviewer link you cannot withdraw a tutor link.' },
    });
    expect(await api(relay, 'DELETE', `/api/reports/report-1/links/${tutorJti}`, { token: tutor })).toMatchObject({
      status: 409,
    });
    expect(await api(relay, 'DELETE', '/api/reports/report-1/links/nosuchlink', { token: tutor })).toMatchObject({
      status: 404,
      body: { error: 'This report has no link with that id.' },
    });
  });
});

describe('a withdrawn link’s links', () => {
  it('are withdrawn with it: a spare made before the withdrawal opens nothing, and the list says who made each', async () => {
    const relay = await session.relay();
    const tutor = await claimed(relay);
    const tutorJti = (await api(relay, 'GET', '/api/reports/report-1/links', { token: tutor })).body.links[0].jti;
    const reviewer = (await linkFor(relay, tutor, 'reviewer')).body;
    const spare = (await linkFor(relay, reviewer.token, 'reviewer')).body;
    const spareOfSpare = (await linkFor(relay, spare.token, 'client')).body;
    const mentor = (await linkFor(relay, tutor, 'mentor')).body;

    const listed = await api(relay, 'GET', '/api/reports/report-1/links', { token: tutor });
    const madeBy = Object.fromEntries(
      listed.body.links.map((link: { jti: string; madeBy?: string }) => [link.jti, link.madeBy ?? null]),
    );
    expect(madeBy).toEqual({
      [tutorJti]: null,
      [reviewer.jti]: tutorJti,
      [spare.jti]: reviewer.jti,
      [spareOfSpare.jti]: spare.jti,
      [mentor.jti]: tutorJti,
    });

    const live = await session.provider(relay, 'report-1', { token: spare.token });
    const closed = new Promise<{ code: number }>((resolve) =>
      live.on('connection-close', (event) => event && resolve(event)),
    );
    const withdrawn = await api(relay, 'DELETE', `/api/reports/report-1/links/${reviewer.jti}`, { token: tutor });
    expect(withdrawn).toMatchObject({ status: 200, body: { jti: reviewer.jti } });
    expect([...withdrawn.body.alsoWithdrawn].sort()).toEqual([spare.jti, spareOfSpare.jti].sort());
    expect((await closed).code).toBe(closeCodes.linkWithdrawn);
    for (const token of [spare.token, spareOfSpare.token]) {
      const socket = await session.socket(relay, `/sync/report-1?token=${token}`);
      expect((await socket.closed).code).toBe(closeCodes.linkWithdrawn);
    }
    // The tutor's other link stays.
    const kept = await session.socket(relay, `/sync/report-1?token=${mentor.token}`);
    await eventually(() => expect(kept.received.length).toBeGreaterThan(0));
  });

  it('never include the link doing the withdrawing, nor the links made with it', async () => {
    const relay = await session.relay();
    const first = await claimed(relay);
    const firstJti = (await api(relay, 'GET', '/api/reports/report-1/links', { token: first })).body.links[0].jti;
    const second = (await linkFor(relay, first, 'tutor')).body;
    const secondsReviewer = (await linkFor(relay, second.token, 'reviewer')).body;
    const firstsReviewer = (await linkFor(relay, first, 'reviewer')).body;
    const withdrawn = await api(relay, 'DELETE', `/api/reports/report-1/links/${firstJti}`, { token: second.token });
    expect(withdrawn).toMatchObject({ status: 200, body: { alsoWithdrawn: [firstsReviewer.jti] } });
    expect((await linkFor(relay, secondsReviewer.token, 'client')).status).toBe(201);
    expect((await linkFor(relay, firstsReviewer.token, 'client')).status).toBe(410);
  });
});

describe('workflow decisions', () => {
  it('are checked against the role and status, with transition()’s reason when refused', async () => {
    const relay = await session.relay();
    const tutor = await claimed(relay);
    const reviewer = (await linkFor(relay, tutor, 'reviewer')).body.token;
    const decide = (token: string, body: unknown) =>
      api(relay, 'POST', '/api/reports/report-1/transitions', { token, body });

    expect(await decide(reviewer, { action: 'submit', name: 'Rita' })).toMatchObject({
      status: 409,
      body: { error: 'A reviewer cannot submit a report; only a tutor can.' },
    });
    expect(await decide(tutor, { action: 'approve', name: 'Tom' })).toMatchObject({
      status: 409,
      body: { error: 'A tutor cannot approve a report; only a reviewer can.' },
    });
    expect(await decide(tutor, { action: 'submit' })).toMatchObject({
      status: 400,
      body: { error: expect.stringMatching(/name/) },
    });
    expect(await decide(tutor, { action: 'submit', name: 'Tom' })).toMatchObject({
      status: 200,
      body: { status: 'submitted' },
    });
    expect(await decide(tutor, { action: 'submit', name: 'Tom' })).toMatchObject({
      status: 409,
      body: { error: 'A report that is submitted cannot be submitted.' },
    });
    expect(await decide(reviewer, { action: 'reject', name: 'Rita', reason: '  ' })).toMatchObject({
      status: 409,
      body: { error: 'Say why the report is rejected, so the tutor knows what to fix.' },
    });
    expect(
      await decide(reviewer, { action: 'reject', name: 'Rita', reason: 'Objectives are not measurable.' }),
    ).toMatchObject({
      status: 200,
      body: {
        status: 'rejected',
        decision: { reason: 'Objectives are not measurable.', by: { name: 'Rita', role: 'reviewer' } },
      },
    });
  });

  it('let a rejection point at comment threads, which the decision records; bad thread ids are refused', async () => {
    const relay = await session.relay();
    const tutor = await claimed(relay);
    const reviewer = (await linkFor(relay, tutor, 'reviewer')).body.token;
    const decide = (token: string, body: unknown) =>
      api(relay, 'POST', '/api/reports/report-1/transitions', { token, body });
    expect(await decide(tutor, { action: 'submit', name: 'Tom' })).toMatchObject({ status: 200 });

    expect(
      await decide(reviewer, { action: 'reject', name: 'Rita', reason: 'See my comments.', comments: ['<script>'] }),
    ).toMatchObject({
      status: 400,
      body: {
        error:
          'The request is not what the relay expects: comments.0: A comment thread id is 1 to 64 letters, digits, "-" or "_"',
      },
    });
    expect(
      await decide(reviewer, { action: 'reject', name: 'Rita', reason: 'See my comments.', comments: 'thread-1' }),
    ).toMatchObject({ status: 400 });
    const answer = await decide(reviewer, {
      action: 'reject',
      name: 'Rita',
      reason: 'See my comments.',
      comments: ['thread-1', 'thread_2', 'thread-1'],
    });
    expect(answer).toMatchObject({
      status: 200,
      body: { status: 'rejected', decision: { reason: 'See my comments.', comments: ['thread-1', 'thread_2'] } },
    });
    const watcher = await session.provider(relay, 'report-1/status', { token: tutor });
    await eventually(() => expect(readStatus(watcher.doc).rejection?.comments).toEqual(['thread-1', 'thread_2']));
  });

  it('are written by the relay into the status room with who, when and a hash of the content then', async () => {
    const store = openMemoryStore();
    const relay = await session.relay({ store });
    const tutor = await claimed(relay);
    const writer = await session.provider(relay, 'report-1', { token: tutor });
    writer.doc.getText('body').insert(0, 'Session went well.');
    const watcher = await session.provider(relay, 'report-1/status', { token: tutor });
    await eventually(async () => expect((await store.load('report-1')).length).toBeGreaterThan(0));

    const before = Date.now();
    const answer = await api(relay, 'POST', '/api/reports/report-1/transitions', {
      token: tutor,
      body: { action: 'submit', name: 'Tom Tutor' },
    });
    const saved = new Y.Doc();
    (await store.load('report-1')).forEach((update) => Y.applyUpdate(saved, update));
    const expectedHash = createHash('sha256').update(Y.encodeStateAsUpdate(saved)).digest('hex');
    expect(answer.body.decision).toEqual({
      action: 'submit',
      from: 'draft',
      to: 'submitted',
      by: { name: 'Tom Tutor', role: 'tutor' },
      at: expect.any(String),
      contentHash: expectedHash,
    });
    expect(new Date(answer.body.decision.at).getTime()).toBeGreaterThanOrEqual(before - 1000);
    await eventually(() => expect(readStatus(watcher.doc).history).toEqual([answer.body.decision]));

    const fromStore = new Y.Doc();
    (await store.load('report-1/status')).forEach((update) => Y.applyUpdate(fromStore, update));
    expect(readStatus(fromStore).status).toBe('submitted');
  });
});

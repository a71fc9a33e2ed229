// Who may do what, against a real relay process (relay/main.ts) with real y-websocket clients: forged, expired,
// revoked and wrong-report tokens; a reviewer's edits reaching no one; content locked after submission; a
// client never receiving internal fields, checked on the bytes it is sent; and logs with no tokens or content.
import { join } from 'node:path';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { anchorFor } from '../shared/doc/comment-anchors.ts';
import { addThread, editComment, readThreads, reply, threadsMap } from '../shared/doc/comments.ts';
import { fragmentText, readStatus, setFragmentText, textField } from '../shared/doc/index.ts';
import { createSessionReportDoc } from '../shared/reports/index.ts';
import { changeRefusals, closeCodes, reconnectCodes, refusalReasons } from '../shared/protocol/limits.ts';
import { Tokens } from './auth.ts';
import { commentsRefusals } from './comments-check.ts';
import { openSqliteStore } from './storage/sqlite.ts';
import { TestSession, api, deniedReasons, eventually, type RelayProcess } from './testing.ts';

const session = new TestSession();
let relay: RelayProcess;
let dataDir: string;
afterAll(() => session.cleanup());
beforeAll(async () => {
  dataDir = join(session.folder(), 'data');
  relay = await session.process({
    DATA_DIR: dataDir,
    LIMIT_CONNECTIONS_PER_TOKEN: '4',
    LIMIT_MESSAGES_PER_SECOND: '200',
  });
});

let reports = 0;
/** A fresh report claimed through the API: its id and its creator's tutor token. */
async function newReport(): Promise<{ id: string; tutor: string }> {
  const id = `access-${++reports}`;
  const claim = await api(relay, 'POST', '/api/reports', { body: { id } });
  return { id, tutor: claim.body.token };
}

async function link(id: string, holder: string, role: string): Promise<{ token: string; jti: string }> {
  const made = await api(relay, 'POST', `/api/reports/${id}/links`, { token: holder, body: { role } });
  expect(made.status).toBe(201);
  return made.body;
}

async function decide(id: string, token: string, action: string, reason?: string) {
  const answer = await api(relay, 'POST', `/api/reports/${id}/transitions`, {
    token,
    body: { action, name: 'Someone', reason },
  });
  expect(answer.status).toBe(200);
  return answer.body;
}

function closedWith(provider: {
  on: (event: 'connection-close', listener: (event: { code: number; reason: string } | null) => void) => void;
}) {
  return new Promise<{ code: number; reason: string }>((resolve) =>
    provider.on('connection-close', (event) => event && resolve({ code: event.code, reason: event.reason })),
  );
}

describe('a connection with a token that does not open the room', () => {
  it.each([
    ['no token', async () => '', closeCodes.linkInvalid, refusalReasons.linkMissing],
    ['a token that is not one', async () => 'not-a-token', closeCodes.linkInvalid, refusalReasons.linkInvalid],
    [
      'a token forged with another secret',
      async () =>
        (
          await new Tokens(new TextEncoder().encode('another-secret-also-long-enough-to-sign-with')).mint(
            'access-x',
            'tutor',
            3600,
          )
        ).token,
      closeCodes.linkInvalid,
      refusalReasons.linkInvalid,
    ],
    [
      'an expired token',
      async () => session.token(relay, 'access-x', 'tutor', -60),
      closeCodes.linkExpired,
      refusalReasons.linkExpired,
    ],
    [
      'a token for another report',
      async () => session.token(relay, 'another-report'),
      closeCodes.wrongReport,
      refusalReasons.wrongReport,
    ],
  ])('is accepted, then closed for %s, and y-websocket stops retrying', async (_what, token, code, reason) => {
    const provider = await session.connecting(relay, 'access-x', { token: await token() });
    expect(await closedWith(provider)).toEqual({ code, reason });
    expect(provider.shouldConnect).toBe(false);
    expect(reason).toMatch(/^This (link|address)/);
  });
});

describe('a withdrawn link', () => {
  it('closes its live connections at once and opens nothing after', async () => {
    const { id, tutor } = await newReport();
    const reviewer = await link(id, tutor, 'reviewer');
    const live = await session.provider(relay, id, { token: reviewer.token });
    const comments = await session.provider(relay, `${id}/comments`, { token: reviewer.token });
    const closes = [closedWith(live), closedWith(comments)];

    expect((await api(relay, 'DELETE', `/api/reports/${id}/links/${reviewer.jti}`, { token: tutor })).status).toBe(200);

    for (const closed of await Promise.all(closes))
      expect(closed).toEqual({ code: closeCodes.linkWithdrawn, reason: refusalReasons.linkWithdrawn });
    const again = await session.connecting(relay, id, { token: reviewer.token });
    expect(await closedWith(again)).toEqual({ code: closeCodes.linkWithdrawn, reason: refusalReasons.linkWithdrawn });
  });
});

describe('a reviewer', () => {
  it('reads the report but their edits and presence reach no one, and are told they were not added', async () => {
    const { id, tutor } = await newReport();
    const reviewerToken = (await link(id, tutor, 'reviewer')).token;
    const writer = await session.provider(relay, id, { token: tutor });
    writer.doc.getText('body').insert(0, 'The tutor wrote this.');
    const received: Uint8Array[] = [];
    const reviewer = await session.provider(relay, id, { token: reviewerToken, received });
    await eventually(() => expect(reviewer.doc.getText('body').toString()).toBe('The tutor wrote this.'));

    reviewer.doc.getText('body').insert(0, 'REVIEWER EDIT ');
    reviewer.awareness.setLocalStateField('user', { name: 'Rita Reviewer' });
    await eventually(() => expect(deniedReasons(received)).toContain(changeRefusals.readOnly));

    writer.doc.getText('body').insert(writer.doc.getText('body').length, ' And more.');
    const newcomer = await session.provider(relay, id, { token: tutor });
    await eventually(() => expect(newcomer.doc.getText('body').toString()).toBe('The tutor wrote this. And more.'));
    expect(writer.doc.getText('body').toString()).toBe('The tutor wrote this. And more.');
    expect(writer.awareness.getStates().has(reviewer.doc.clientID)).toBe(false);
    expect(reviewer.wsconnected).toBe(true);
  });
});

describe('a submitted report', () => {
  it('takes no content updates from anyone, tells the sender, and takes them again once rejected', async () => {
    const { id, tutor } = await newReport();
    const reviewerToken = (await link(id, tutor, 'reviewer')).token;
    const mentorToken = (await link(id, tutor, 'mentor')).token;
    const tutorSees: Uint8Array[] = [];
    const author = await session.provider(relay, id, { token: tutor, received: tutorSees });
    const mentor = await session.provider(relay, id, { token: mentorToken });
    const status = await session.provider(relay, `${id}/status`, { token: tutor });
    author.doc.getText('body').insert(0, 'Draft.');
    await eventually(() => expect(mentor.doc.getText('body').toString()).toBe('Draft.'));

    const submitted = await decide(id, tutor, 'submit');
    await eventually(() => expect(readStatus(status.doc).status).toBe('submitted'));
    author.doc.getText('body').insert(6, ' Changed after submitting.');
    await eventually(() => expect(deniedReasons(tutorSees)).toContain(changeRefusals.locked('Submitted')));
    const reader = await session.provider(relay, id, { token: reviewerToken });
    expect(reader.doc.getText('body').toString()).toBe('Draft.');
    expect(mentor.doc.getText('body').toString()).toBe('Draft.');

    const rejected = await decide(id, reviewerToken, 'reject', 'Add the objectives.');
    expect(rejected.decision).toMatchObject({
      from: 'submitted',
      to: 'rejected',
      reason: 'Add the objectives.',
      contentHash: submitted.decision.contentHash,
    });
    await eventually(() => expect(readStatus(status.doc).rejection?.reason).toBe('Add the objectives.'));
    mentor.doc.getText('body').insert(0, 'Fixed. ');
    await eventually(() => expect(reader.doc.getText('body').toString()).toBe('Fixed. Draft.'));
  });
});

describe('a client', () => {
  it('cannot open a report before it is approved, nor its comments', async () => {
    const { id, tutor } = await newReport();
    const client = (await link(id, tutor, 'client')).token;
    const early = await session.connecting(relay, id, { token: client });
    expect(await closedWith(early)).toEqual({
      code: closeCodes.notReadableNow,
      reason: 'This report has not been approved yet. The link opens it once it is.',
    });
    const comments = await session.connecting(relay, `${id}/comments`, { token: client });
    expect(await closedWith(comments)).toMatchObject({ code: closeCodes.notAllowed });
  });

  it('never receives the comment to the agency, not one byte of it', async () => {
    const { id, tutor } = await newReport();
    const reviewer = (await link(id, tutor, 'reviewer')).token;
    const client = (await link(id, tutor, 'client')).token;
    const author = await session.provider(relay, id, { token: tutor });
    createSessionReportDoc(
      author.doc,
      { date: '2030-01-01', start: '13:00', finish: '14:00', subject: 'Maths', learners: [{ id: 'l1', name: 'Ada' }] },
      'Tom',
    );
    setFragmentText(textField(author.doc, 'progressComment'), 'Worked through fractions.');
    setFragmentText(textField(author.doc, 'agencyComment'), 'CONFIDENTIAL: invoice query from parent');
    await decide(id, tutor, 'submit');
    await decide(id, reviewer, 'approve');

    const received: Uint8Array[] = [];
    const clientView = await session.provider(relay, id, { token: client, received });
    expect(fragmentText(textField(clientView.doc, 'progressComment'))).toBe('Worked through fractions.');
    expect(fragmentText(textField(clientView.doc, 'agencyComment'))).toBe('');
    const wire = Buffer.concat(received);
    expect(wire.includes(Buffer.from('Worked through fractions.'))).toBe(true);
    expect(wire.includes(Buffer.from('CONFIDENTIAL'))).toBe(false);
    expect(wire.includes(Buffer.from('invoice'))).toBe(false);
    // A raw sync request with an empty state vector gets the same copy.
    const raw = await session.socket(relay, `/sync/${id}?token=${client}`);
    raw.socket.send(syncRequest());
    await eventually(() => expect(raw.received.length).toBeGreaterThan(0));
    expect(Buffer.concat(raw.received).includes(Buffer.from('CONFIDENTIAL'))).toBe(false);
  });
});

describe('a teacher', () => {
  it('reads the report without internal fields while it is submitted, and is closed when it is sent back', async () => {
    const { id, tutor } = await newReport();
    const reviewer = (await link(id, tutor, 'reviewer')).token;
    const teacher = (await link(id, tutor, 'teacher')).token;
    const early = await session.connecting(relay, id, { token: teacher });
    expect(await closedWith(early)).toEqual({
      code: closeCodes.notReadableNow,
      reason: 'This report opens for you once it has been submitted.',
    });

    const author = await session.provider(relay, id, { token: tutor });
    setFragmentText(textField(author.doc, 'progressComment'), 'Seen by the teacher.');
    setFragmentText(textField(author.doc, 'agencyComment'), 'INTERNAL NOTE');
    await decide(id, tutor, 'submit');
    const received: Uint8Array[] = [];
    const reading = await session.provider(relay, id, { token: teacher, received });
    expect(fragmentText(textField(reading.doc, 'progressComment'))).toBe('Seen by the teacher.');
    expect(Buffer.concat(received).includes(Buffer.from('INTERNAL NOTE'))).toBe(false);

    const closed = closedWith(reading);
    await decide(id, reviewer, 'reject', 'More detail, please.');
    expect(await closed).toEqual({
      code: closeCodes.notReadableNow,
      reason: 'This report opens for you once it has been submitted.',
    });
  });
});

describe('limits', () => {
  it('closes a fifth connection with one token, with a reason', async () => {
    const { id, tutor } = await newReport();
    for (let i = 0; i < 4; i++) await session.provider(relay, i % 2 ? id : `${id}/comments`, { token: tutor });
    const fifth = await session.connecting(relay, id, { token: tutor });
    expect(await closedWith(fifth)).toEqual({
      code: closeCodes.tooManyConnections,
      reason: 'This link is open in 4 places already, the most the relay allows. Close some and try again.',
    });
  });

  it('closes a connection that sends more messages a second than allowed', async () => {
    const { id } = await newReport();
    const flood = await session.roomSocket(relay, id);
    for (let i = 0; i < 1000; i++) flood.socket.send(Uint8Array.of(3));
    expect(await flood.closed).toEqual({
      code: closeCodes.tooManyMessages,
      reason: 'This connection sent more than 200 messages a second. Reload to connect again.',
    });
  });
});

describe('a change that builds on changes the relay never received', () => {
  it('is not kept: its sender is closed to reconnect, and nobody is sent it, the reviewer and teacher least of all', async () => {
    const { id, tutor } = await newReport();
    const author = await session.provider(relay, id, { token: tutor });
    setFragmentText(textField(author.doc, 'progressComment'), 'Honest words.');

    // A program with the tutor's link makes two changes and sends only the second, which builds on the first.
    const forger = new Y.Doc();
    Y.applyUpdate(forger, Y.encodeStateAsUpdate(author.doc));
    forger.getText('never-sent').insert(0, 'x');
    const middle = Y.encodeStateVector(forger);
    const fragment = textField(forger, 'agencyComment');
    forger.transact(() => {
      const text = new Y.XmlText('PENDING SECRET');
      fragment.insert(0, [text]);
      forger.getText('never-sent').insert(1, 'y');
    });
    const second = Y.diffUpdate(Y.encodeStateAsUpdate(forger), middle);
    const raw = await session.socket(relay, `/sync/${id}?token=${tutor}`);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    syncProtocol.writeUpdate(encoder, second);
    raw.socket.send(encoding.toUint8Array(encoder));
    expect(await raw.closed).toEqual({
      code: reconnectCodes.missingDependencies,
      reason: changeRefusals.missingDependencies,
    });

    // The honest author is still connected and its changes still arrive.
    setFragmentText(textField(author.doc, 'progressComment'), 'Honest words, and more.');
    const received: Uint8Array[] = [];
    const colleague = await session.provider(relay, id, { token: tutor, received });
    await eventually(() =>
      expect(fragmentText(textField(colleague.doc, 'progressComment'))).toBe('Honest words, and more.'),
    );
    expect(Buffer.concat(received).includes(Buffer.from('PENDING SECRET'))).toBe(false);

    await decide(id, tutor, 'submit');
    const teacher = (await link(id, tutor, 'teacher')).token;
    const teacherWire: Uint8Array[] = [];
    const reading = await session.provider(relay, id, { token: teacher, received: teacherWire });
    expect(fragmentText(textField(reading.doc, 'progressComment'))).toBe('Honest words, and more.');
    expect(Buffer.concat(teacherWire).includes(Buffer.from('PENDING SECRET'))).toBe(false);
  });
});

describe('presence', () => {
  it('is bound to the connection that set it: another writer can neither change nor remove it', async () => {
    const { id, tutor } = await newReport();
    const mentorToken = (await link(id, tutor, 'mentor')).token;
    const tutorSide = await session.provider(relay, id, { token: tutor });
    tutorSide.awareness.setLocalStateField('user', { name: 'Tom Tutor', role: 'tutor' });
    const mentor = await session.provider(relay, id, { token: mentorToken });
    const onlooker = await session.provider(relay, id, { token: tutor });
    const tutorId = tutorSide.doc.clientID;
    await eventually(() => expect(onlooker.awareness.getStates().get(tutorId)?.user?.name).toBe('Tom Tutor'));

    // The mentor's program speaks for the tutor's client id, with a later clock: once to rename, once to remove.
    const forgedDoc = new Y.Doc();
    forgedDoc.clientID = tutorId;
    const forged = new awarenessProtocol.Awareness(forgedDoc);
    const send = (update: Uint8Array) => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 1);
      encoding.writeVarUint8Array(encoder, update);
      mentor.ws!.send(encoding.toUint8Array(encoder));
    };
    for (let clock = 0; clock < 5; clock++) forged.setLocalState({ user: { name: 'Reviewer Rita', role: 'reviewer' } });
    send(awarenessProtocol.encodeAwarenessUpdate(forged, [tutorId]));
    forged.setLocalState(null);
    send(awarenessProtocol.encodeAwarenessUpdate(forged, [tutorId]));
    // The mentor's own presence still goes through, so the forged messages were read and dropped, not lost in transit.
    mentor.awareness.setLocalStateField('user', { name: 'Mia Mentor', role: 'mentor' });
    await eventually(() =>
      expect(onlooker.awareness.getStates().get(mentor.doc.clientID)?.user?.name).toBe('Mia Mentor'),
    );
    expect(onlooker.awareness.getStates().get(tutorId)?.user).toEqual({ name: 'Tom Tutor', role: 'tutor' });
    expect(mentor.wsconnected).toBe(true);
    forged.destroy();
  });
});

describe('the comments room', () => {
  it('refuses a raw client removing a thread or storing other data there, tells it why, and keeps the thread for everyone', async () => {
    const { id, tutor } = await newReport();
    const mentorToken = (await link(id, tutor, 'mentor')).token;
    const field = new Y.Doc().getXmlFragment('progressComment');
    setFragmentText(field, 'Sam worked in pairs.');
    const anchored = anchorFor(field, 4, 10);
    if (!anchored.ok) throw new Error(anchored.problem);
    const tutorSide = await session.provider(relay, `${id}/comments`, { token: tutor });
    const made = addThread(tutorSide.doc, {
      field: 'progressComment',
      ...anchored.value,
      text: 'Which pairs?',
      author: { id: 'tom-device', name: 'Tom Tutor', role: 'tutor' },
    });
    if (!made.ok) throw new Error(made.problem);

    const received: Uint8Array[] = [];
    const mentor = await session.provider(relay, `${id}/comments`, { token: mentorToken, received });
    await eventually(() => expect(threadsMap(mentor.doc).has(made.value)).toBe(true));
    threadsMap(mentor.doc).delete(made.value);
    await eventually(() => expect(deniedReasons(received)).toContain(commentsRefusals.threadRemoved));

    // With a fresh connection (the refused change stays on that device), the mentor's link posts in the tutor's
    // name and role, and rewrites the tutor's comment: both refused and told.
    const forgedReceived: Uint8Array[] = [];
    const forger = await session.provider(relay, `${id}/comments`, { token: mentorToken, received: forgedReceived });
    await eventually(() => expect(threadsMap(forger.doc).has(made.value)).toBe(true));
    reply(forger.doc, made.value, 'Approved by me.', { id: 'tom-device', name: 'Tom Tutor', role: 'tutor' });
    await eventually(() => expect(deniedReasons(forgedReceived)).toContain(commentsRefusals.notYourRole));
    const rewriter: Uint8Array[] = [];
    const third = await session.provider(relay, `${id}/comments`, { token: mentorToken, received: rewriter });
    await eventually(() => expect(threadsMap(third.doc).has(made.value)).toBe(true));
    const opening = (threadsMap(third.doc).get(made.value)!.get('comments') as Y.Array<Y.Map<unknown>>).get(0);
    editComment(third.doc, made.value, String(opening.get('id')), 'Rewritten by the mentor.', 'tom-device');
    await eventually(() => expect(deniedReasons(rewriter)).toContain(commentsRefusals.notYourComment));

    const newcomer = await session.provider(relay, `${id}/comments`, { token: tutor });
    await eventually(() => expect(threadsMap(newcomer.doc).has(made.value)).toBe(true));
    expect(threadsMap(tutorSide.doc).has(made.value)).toBe(true);
    const kept = readThreads(newcomer.doc).find((thread) => thread.id === made.value)!;
    expect(kept.comments.map((comment) => comment.text)).toEqual(['Which pairs?']);

    // An app never sends such changes: a link that keeps sending them is closed for good.
    const raw = await session.socket(relay, `/sync/${id}/comments?token=${mentorToken}`);
    for (let i = 0; i < 6; i++) {
      const forged = new Y.Doc();
      forged.getMap('fields').set('learnerName', `Mallory ${i}`);
      raw.socket.send(syncUpdateMessage(Y.encodeStateAsUpdate(forged)));
    }
    expect(await raw.closed).toEqual({
      code: closeCodes.malformedMessage,
      reason: 'This connection sent a message the relay cannot read: changes the comments cannot hold, again and again',
    });
    const again = await session.provider(relay, `${id}/comments`, { token: tutor });
    expect(again.doc.share.has('fields')).toBe(false);
  });
});

describe('the relay’s log', () => {
  it('holds no token and no document content, and the store holds no refused edit', async () => {
    const log = relay.stderr();
    expect(log).toContain('"msg":"closed a connection"');
    expect(log).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}/);
    for (const text of [
      'The tutor wrote this',
      'REVIEWER EDIT',
      'Rita Reviewer',
      'CONFIDENTIAL',
      'Worked through fractions',
      'Changed after submitting',
    ]) {
      expect(log).not.toContain(text);
    }
    relay.child.kill('SIGTERM');
    expect(await relay.exited).toBe(0);
    const store = openSqliteStore(dataDir);
    try {
      for (let i = 1; i <= reports; i++) {
        const doc = new Y.Doc();
        (await store.load(`access-${i}`)).forEach((update) => Y.applyUpdate(doc, update));
        expect(doc.getText('body').toString()).not.toMatch(/REVIEWER EDIT|Changed after submitting/);
        expect(
          Buffer.concat((await store.load(`access-${i}`)).map((u) => Buffer.from(u))).includes('PENDING SECRET'),
        ).toBe(false);
      }
    } finally {
      await store.close();
    }
  });
});

function syncUpdateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

function syncRequest(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeSyncStep1(encoder, new Y.Doc());
  return encoding.toUint8Array(encoder);
}

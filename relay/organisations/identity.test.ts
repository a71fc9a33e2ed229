// Links bound to who owns a report, and names the relay vouches for, tried as an attacker would with raw HTTP and
// Yjs clients over real websockets: a tutor cannot make a link that reviews their organisation's report, nor approve it
// with one made before it was registered; only a quality reviewer, signed in, approves it. A member's decisions,
// comments and presence carry their account's name and member id whatever their device sends; a link's carry its role.
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { anchorFor } from '../../shared/doc/comment-anchors.ts';
import { addThread, editComment, readThreads, reply, threadsMap } from '../../shared/doc/comments.ts';
import { readStatus } from '../../shared/doc/status-doc.ts';
import { setFragmentText } from '../../shared/doc/text-fragment.ts';
import { memberRefusals } from '../../shared/protocol/member-access.ts';
import { confirmFacts, teacherComments } from '../../shared/reports/termly-review/doc.ts';
import { fillTermlyReview } from '../../shared/reports/termly-review/example.ts';
import { termlyReviewHash } from '../../shared/reports/termly-review/signed-content.ts';
import { newSigningKeys, signHash } from '../../shared/signatures/signature.ts';
import { commentsRefusals } from '../comments-check.ts';
import { openMemoryStore } from '../storage/memory.ts';
import { TestSession, api, deniedReasons, eventually, type TestRelay } from '../testing.ts';
import { call, organisation, type SignedInMember } from './testing.ts';

const session = new TestSession();
afterEach(() => session.cleanup());

async function agency() {
  const store = openMemoryStore();
  const relay = await session.relay({ store });
  const people = await organisation(store, 'Bright Tutors', {
    'Tom Tutor': { role: 'tutor' },
    'Mo Mentor': { role: 'mentor' },
    'Rosa Reviewer': { role: 'quality-reviewer' },
    'Ray Reviewer': { role: 'quality-reviewer' },
    'Sam Patel': { role: 'early-career-teacher' },
    'Eve Evans': { role: 'early-career-teacher' },
  });
  return {
    store,
    relay,
    tom: people['Tom Tutor'],
    mo: people['Mo Mentor'],
    rosa: people['Rosa Reviewer'],
    ray: people['Ray Reviewer'],
    sam: people['Sam Patel'],
    eve: people['Eve Evans'],
    organisationId: people.organisationId,
  };
}

/** A report Tom claims (his tutor link) and registers with the organisation, with Mo as its mentor. */
async function tomsReport(relay: TestRelay, tom: SignedInMember, mo: SignedInMember, id: string) {
  const own = (await api(relay, 'POST', '/api/reports', { body: { id } })).body.token as string;
  const registered = await call(relay, 'POST', '/api/organisation/reports', {
    cookie: tom.cookie,
    bearer: own,
    body: { id, mentorId: mo.id },
  });
  expect(registered.status).toBe(201);
  return own;
}

const link = (relay: TestRelay, reportId: string, token: string, role: string, name?: string) =>
  api(relay, 'POST', `/api/reports/${reportId}/links`, {
    token,
    body: { role, ...(name === undefined ? {} : { name }) },
  });

const decide = (relay: TestRelay, reportId: string, token: string, body: Record<string, unknown>) =>
  api(relay, 'POST', `/api/reports/${reportId}/transitions`, { token, body: { name: 'Someone', ...body } });

const memberToken = async (relay: TestRelay, who: SignedInMember, reportId: string) => {
  const answer = await call(relay, 'GET', `/api/organisation/reports/${reportId}/token`, { cookie: who.cookie });
  expect(answer.status).toBe(200);
  return answer.body.token as string;
};

describe('a link never reviews a report its maker owns', () => {
  it('refuses a reviewer’s link for an organisation’s report, made with the tutor’s link or a link made with it', async () => {
    const { relay, tom, mo } = await agency();
    const own = await tomsReport(relay, tom, mo, 'owned-1');
    expect(await link(relay, 'owned-1', own, 'reviewer')).toMatchObject({
      status: 403,
      body: { error: memberRefusals.reviewerLink },
    });
    const mentorLink = await link(relay, 'owned-1', own, 'mentor');
    expect(mentorLink.status).toBe(201);
    expect(await link(relay, 'owned-1', mentorLink.body.token, 'reviewer')).toMatchObject({
      status: 403,
      body: { error: memberRefusals.reviewerLink },
    });
    // The owner's member token makes no link at all, and cannot approve.
    const tomsToken = await memberToken(relay, tom, 'owned-1');
    expect((await link(relay, 'owned-1', tomsToken, 'reviewer')).status).toBe(403);
    expect((await decide(relay, 'owned-1', own, { action: 'submit' })).status).toBe(200);
    expect(await decide(relay, 'owned-1', tomsToken, { action: 'approve' })).toMatchObject({
      status: 409,
      body: { error: 'A tutor cannot approve a report; only a reviewer can.' },
    });
    // Links for people outside the organisation who do not review are still made.
    expect(await link(relay, 'owned-1', own, 'teacher')).toMatchObject({ status: 201, body: { role: 'teacher' } });
    expect(await link(relay, 'owned-1', own, 'client')).toMatchObject({ status: 201, body: { role: 'client' } });
    const listed = await api(relay, 'GET', '/api/reports/owned-1/links', { token: own });
    expect(listed.body.links.map((each: { role: string }) => each.role)).not.toContain('reviewer');
  });

  it('stops a reviewer’s link made before registering from approving or sending back; a quality reviewer approves', async () => {
    const { store, relay, tom, mo, rosa } = await agency();
    const own = (await api(relay, 'POST', '/api/reports', { body: { id: 'before-1' } })).body.token as string;
    const spare = await link(relay, 'before-1', own, 'reviewer');
    expect(spare.status).toBe(201);
    expect(
      (
        await call(relay, 'POST', '/api/organisation/reports', {
          cookie: tom.cookie,
          bearer: own,
          body: { id: 'before-1', mentorId: mo.id },
        })
      ).status,
    ).toBe(201);
    expect((await decide(relay, 'before-1', own, { action: 'submit' })).status).toBe(200);

    expect(await decide(relay, 'before-1', spare.body.token, { action: 'approve' })).toMatchObject({
      status: 403,
      body: { error: memberRefusals.reviewWithLink },
    });
    expect(await decide(relay, 'before-1', spare.body.token, { action: 'reject', reason: 'I say so.' })).toMatchObject({
      status: 403,
      body: { error: memberRefusals.reviewWithLink },
    });
    // Still a reviewer's link for reading and commenting: it opens the report.
    expect((await api(relay, 'GET', '/api/reports/before-1/links', { token: spare.body.token })).status).toBe(200);

    const approved = await decide(relay, 'before-1', await memberToken(relay, rosa, 'before-1'), {
      action: 'approve',
      name: 'Tom Tutor',
    });
    expect(approved).toMatchObject({
      status: 200,
      body: {
        status: 'approved',
        decision: { action: 'approve', by: { name: 'Rosa Reviewer', role: 'reviewer', memberId: rosa.id } },
      },
    });
    // The status room keeps the same: the account's name and member id, not the name the request gave.
    const status = new Y.Doc();
    for (const update of await store.load('before-1/status')) Y.applyUpdate(status, update);
    expect(readStatus(status).history.at(-1)?.by).toEqual({
      name: 'Rosa Reviewer',
      role: 'reviewer',
      memberId: rosa.id,
    });
  });

  it('refuses a quality reviewer’s token once their membership no longer makes them the report’s reviewer', async () => {
    const { store, relay, tom, mo, rosa } = await agency();
    const own = await tomsReport(relay, tom, mo, 'moved-1');
    expect((await decide(relay, 'moved-1', own, { action: 'submit' })).status).toBe(200);
    const rosasToken = await memberToken(relay, rosa, 'moved-1');
    await store.setRole(rosa.id, 'coordinator');
    expect(await decide(relay, 'moved-1', rosasToken, { action: 'approve' })).toMatchObject({
      status: 403,
      body: { error: memberRefusals.reviewWithoutPart },
    });
  });

  it('keeps today’s rules for a report no organisation registered: a link holder names themselves', async () => {
    const { relay } = await agency();
    const own = (await api(relay, 'POST', '/api/reports', { body: { id: 'loose-1' } })).body.token as string;
    const reviewer = await link(relay, 'loose-1', own, 'reviewer');
    expect(reviewer.status).toBe(201);
    expect((await decide(relay, 'loose-1', own, { action: 'submit', name: 'Tom' })).status).toBe(200);
    expect(await decide(relay, 'loose-1', reviewer.body.token, { action: 'approve', name: 'Rita' })).toMatchObject({
      status: 200,
      body: { decision: { by: { name: 'Rita', role: 'reviewer' } } },
    });
  });
});

describe('names the relay vouches for', () => {
  it('holds a link made for a named person to that name: their comments, presence and decisions carry it', async () => {
    const { relay } = await agency();
    const own = (await api(relay, 'POST', '/api/reports', { body: { id: 'for-1' } })).body.token as string;
    expect(await link(relay, 'for-1', own, 'reviewer', '   ')).toMatchObject({ status: 400 });
    expect(await link(relay, 'for-1', own, 'reviewer', 'R'.repeat(81))).toMatchObject({
      status: 400,
      body: { error: expect.stringContaining('at most 80 characters') },
    });
    const ritas = await link(relay, 'for-1', own, 'reviewer', ' Rita Reviewer ');
    expect(ritas.status).toBe(201);
    const listed = await api(relay, 'GET', '/api/reports/for-1/links', { token: own });
    expect(listed.body.links.find((each: { jti: string }) => each.jti === ritas.body.jti)).toMatchObject({
      role: 'reviewer',
      name: 'Rita Reviewer',
    });

    // Her comments carry her name, or are refused and she is told.
    const field = new Y.Doc().getXmlFragment('progressComment');
    setFragmentText(field, 'Sam worked in pairs on fractions.');
    const anchored = anchorFor(field, 4, 10);
    if (!anchored.ok) throw new Error(anchored.problem);
    const comment = (name: string, text: string) => ({
      field: 'progressComment',
      ...anchored.value,
      text,
      author: { id: 'rita-device', name, role: 'reviewer' as const },
    });
    const watcher = await session.provider(relay, 'for-1/comments', { token: own });
    const forgedReceived: Uint8Array[] = [];
    const forger = await session.provider(relay, 'for-1/comments', {
      token: ritas.body.token,
      received: forgedReceived,
    });
    const forged = addThread(forger.doc, comment('The Head', 'Approved by the head.'));
    if (!forged.ok) throw new Error(forged.problem);
    await eventually(() => expect(deniedReasons(forgedReceived)).toContain(commentsRefusals.notYourLinksName));
    const rita = await session.provider(relay, 'for-1/comments', { token: ritas.body.token });
    const honest = addThread(rita.doc, comment('Rita Reviewer', 'Which pairs?'));
    if (!honest.ok) throw new Error(honest.problem);
    await eventually(() => expect(threadsMap(watcher.doc).has(honest.value)).toBe(true));
    expect(threadsMap(watcher.doc).has(forged.value)).toBe(false);

    // Presence carries the name too (a mentor's: a reviewer's presence is not shared), whatever the device says.
    const nias = await link(relay, 'for-1', own, 'mentor', 'Nia Mentor');
    const tutors = await session.provider(relay, 'for-1', { token: own });
    const niasContent = await session.provider(relay, 'for-1', { token: nias.body.token });
    niasContent.awareness.setLocalStateField('user', { name: 'The Head', role: 'tutor' });
    await eventually(() =>
      expect(tutors.awareness.getStates().get(niasContent.doc.clientID)).toEqual({
        user: { name: 'Nia Mentor', role: 'mentor' },
      }),
    );
    // And Rita's decision carries hers.
    expect((await decide(relay, 'for-1', own, { action: 'submit', name: 'Tom' })).status).toBe(200);
    expect(await decide(relay, 'for-1', ritas.body.token, { action: 'approve', name: 'The Head' })).toMatchObject({
      status: 200,
      body: { decision: { by: { name: 'Rita Reviewer', role: 'reviewer' } } },
    });
  });

  it('records a member’s decision in their account’s name with their member id, whatever name the request gives', async () => {
    const { relay, tom, mo } = await agency();
    await tomsReport(relay, tom, mo, 'named-1');
    const submitted = await decide(relay, 'named-1', await memberToken(relay, tom, 'named-1'), {
      action: 'submit',
      name: 'Rosa Reviewer',
    });
    expect(submitted.body.decision.by).toEqual({ name: 'Tom Tutor', role: 'tutor', memberId: tom.id });
  });

  it('lets only the early career teacher named, signed in, sign as the teacher, records every signature from the member’s account, and sends it to the linked appropriate body once both have signed', async () => {
    const { store, relay, tom, mo, sam, eve, organisationId } = await agency();
    const body = await organisation(
      store,
      'North Body',
      { 'Abe Body': { role: 'appropriate-body-reviewer' } },
      'appropriate-body',
    );
    const other = await organisation(
      store,
      'South Body',
      { 'Sue South': { role: 'appropriate-body-reviewer' } },
      'appropriate-body',
    );
    await store.linkOrganisations(body.organisationId, organisationId);
    const abe = body['Abe Body'];
    const sue = other['Sue South'];
    const tokenAnswer = (who: SignedInMember) =>
      call(relay, 'GET', '/api/organisation/reports/signed-1/token', { cookie: who.cookie });
    const own = await tomsReport(relay, tom, mo, 'signed-1');
    const teacher = (await link(relay, 'signed-1', own, 'teacher')).body.token as string;
    /** A document of a room, once it holds what the relay holds after `local`'s changes arrived. */
    const synced = async (room: string, token: string, local?: Y.Doc) => {
      const doc = (await session.provider(relay, room, { token })).doc;
      if (local) await eventually(() => expect(Y.encodeStateVector(doc)).toEqual(Y.encodeStateVector(local)));
      return doc;
    };
    const content = await synced('signed-1', own);
    const comments = await synced('signed-1/comments', own);
    await fillTermlyReview(content, { onTrack: true });
    await synced('signed-1', own, content);
    const finished = await decide(relay, 'signed-1', own, { action: 'finish' });
    expect(finished.status).toBe(200);
    // Nobody is named yet: no early career teacher's membership opens the review.
    expect((await call(relay, 'GET', '/api/organisation/reports/signed-1/token', { cookie: sam.cookie })).status).toBe(
      403,
    );
    const named = await call(relay, 'PUT', '/api/organisation/reports/signed-1/teacher', {
      cookie: tom.cookie,
      body: { teacherId: sam.id },
    });
    expect(named).toMatchObject({ status: 200, body: { id: 'signed-1', teacherId: sam.id } });

    // Tom's own teacher link does everything a teacher does but sign: he would be signing his own review twice.
    const linkContent = await synced('signed-1', teacher);
    const linkNotes = await synced('signed-1/comments', teacher);
    await eventually(() => expect(Y.encodeStateVector(linkNotes)).toEqual(Y.encodeStateVector(comments)));
    confirmFacts(linkNotes, 'Sam Patel', finished.body.decision.at);
    setFragmentText(teacherComments(linkNotes), 'This reflects our discussions.');
    await eventually(() => expect(Y.encodeStateVector(comments)).toEqual(Y.encodeStateVector(linkNotes)));
    const signature = async () => signHash(await newSigningKeys(), await termlyReviewHash(linkContent, linkNotes));
    expect(
      await decide(relay, 'signed-1', teacher, {
        action: 'teacher-sign',
        name: 'Sam Patel',
        signature: await signature(),
      }),
    ).toMatchObject({ status: 403, body: { error: memberRefusals.teacherSignsSignedIn } });
    // Another early career teacher of the school has no part in it.
    expect((await call(relay, 'GET', '/api/organisation/reports/signed-1/token', { cookie: eve.cookie })).status).toBe(
      403,
    );

    const samsToken = await memberToken(relay, sam, 'signed-1');
    // Sam reads what the link wrote (the teacher's part is the teacher's, whoever typed it) before signing it.
    const samsNotes = await synced('signed-1/comments', samsToken, linkNotes);
    expect(teacherComments(samsNotes).toString()).toContain('This reflects our discussions.');
    const teacherSigned = await decide(relay, 'signed-1', samsToken, {
      action: 'teacher-sign',
      name: 'Someone Else',
      signature: await signature(),
    });
    expect(teacherSigned).toMatchObject({
      status: 200,
      body: { decision: { by: { name: 'Sam Patel', role: 'teacher', memberId: sam.id } } },
    });
    // Not signed by both yet: the appropriate body does not have it.
    expect(await tokenAnswer(abe)).toMatchObject({ status: 403, body: { error: memberRefusals.notYetSigned } });
    // Once signed, who the review is about stays.
    expect(
      await call(relay, 'PUT', '/api/organisation/reports/signed-1/teacher', {
        cookie: tom.cookie,
        body: { teacherId: eve.id },
      }),
    ).toMatchObject({ status: 409 });

    // Tom signs with his member token, claiming to be someone else: the signature is recorded as his.
    const tutorSigned = await decide(relay, 'signed-1', await memberToken(relay, tom, 'signed-1'), {
      action: 'tutor-sign',
      name: 'Sam Patel',
      signature: await signHash(await newSigningKeys(), await termlyReviewHash(content, comments)),
    });
    expect(tutorSigned).toMatchObject({ status: 200, body: { status: 'with-reviewer' } });
    expect(tutorSigned.body.decision.by).toEqual({ name: 'Tom Tutor', role: 'tutor', memberId: tom.id });
    // Signed by both: the linked body's reviewer finds it in their list and marks it read; another body's cannot.
    expect(await tokenAnswer(sue)).toMatchObject({ status: 403, body: { error: memberRefusals.otherOrganisation } });
    const listed = await call(relay, 'GET', '/api/organisation/reports', { cookie: abe.cookie });
    expect(listed.body.reports).toMatchObject([
      { id: 'signed-1', ownerName: 'Tom Tutor', status: 'with-reviewer', role: 'reviewer' },
    ]);
    expect((await call(relay, 'GET', '/api/organisation/reports', { cookie: sue.cookie })).body.reports).toEqual([]);
    const reviewed = await decide(relay, 'signed-1', await memberToken(relay, abe, 'signed-1'), {
      action: 'mark-reviewed',
    });
    expect(reviewed).toMatchObject({
      status: 200,
      body: { status: 'reviewed', decision: { by: { name: 'Abe Body', role: 'reviewer', memberId: abe.id } } },
    });
    expect(await tokenAnswer(abe)).toMatchObject({ status: 200, body: { role: 'reviewer', readOnly: false } });
  });

  it('refuses a member’s comment in another name, tells the sender, and passes on one in their own', async () => {
    const { relay, tom, mo, rosa, ray } = await agency();
    const own = await tomsReport(relay, tom, mo, 'said-1');
    expect((await decide(relay, 'said-1', own, { action: 'submit' })).status).toBe(200);
    const field = new Y.Doc().getXmlFragment('progressComment');
    setFragmentText(field, 'Sam worked in pairs on fractions.');
    const anchored = anchorFor(field, 4, 10);
    if (!anchored.ok) throw new Error(anchored.problem);
    const thread = (author: { id: string; name: string; role: 'reviewer'; memberId?: string }, text: string) => ({
      field: 'progressComment',
      ...anchored.value,
      text,
      author,
    });
    const watcher = await session.provider(relay, 'said-1/comments', { token: own });
    const rosasToken = await memberToken(relay, rosa, 'said-1');

    const forgedReceived: Uint8Array[] = [];
    const forger = await session.provider(relay, 'said-1/comments', { token: rosasToken, received: forgedReceived });
    const forged = addThread(
      forger.doc,
      thread({ id: 'rosa-device', name: 'Ray Reviewer', role: 'reviewer', memberId: rosa.id }, 'Approved by Ray.'),
    );
    if (!forged.ok) throw new Error(forged.problem);
    await eventually(() => expect(deniedReasons(forgedReceived)).toContain(commentsRefusals.notYourName));

    const rosas = await session.provider(relay, 'said-1/comments', { token: rosasToken });
    const honest = addThread(
      rosas.doc,
      thread({ id: 'rosa-device', name: 'Rosa Reviewer', role: 'reviewer', memberId: rosa.id }, 'Which pairs?'),
    );
    if (!honest.ok) throw new Error(honest.problem);
    await eventually(() => expect(threadsMap(watcher.doc).has(honest.value)).toBe(true));
    expect(threadsMap(watcher.doc).has(forged.value)).toBe(false);

    // A link cannot claim a member's id, and another quality reviewer cannot rewrite Rosa's comment.
    const linkReceived: Uint8Array[] = [];
    const mentorsLink = (await link(relay, 'said-1', own, 'mentor')).body.token as string;
    const withLink = await session.provider(relay, 'said-1/comments', { token: mentorsLink, received: linkReceived });
    await eventually(() => expect(threadsMap(withLink.doc).has(honest.value)).toBe(true));
    reply(withLink.doc, honest.value, 'As Rosa.', {
      id: 'x',
      name: 'Rosa Reviewer',
      role: 'mentor',
      memberId: rosa.id,
    });
    await eventually(() => expect(deniedReasons(linkReceived)).toContain(commentsRefusals.notAMember));
    const raysReceived: Uint8Array[] = [];
    const rays = await session.provider(relay, 'said-1/comments', {
      token: await memberToken(relay, ray, 'said-1'),
      received: raysReceived,
    });
    await eventually(() => expect(threadsMap(rays.doc).has(honest.value)).toBe(true));
    const opening = readThreads(rays.doc).find((each) => each.id === honest.value)!.comments[0];
    editComment(rays.doc, honest.value, opening.id, 'Rewritten by Ray.', opening.author.id);
    await eventually(() => expect(deniedReasons(raysReceived)).toContain(commentsRefusals.notYourMembersComment));

    const newcomer = await session.provider(relay, 'said-1/comments', { token: own });
    const kept = readThreads(newcomer.doc).find((each) => each.id === honest.value)!;
    expect(kept.comments.map((comment) => [comment.author.name, comment.text])).toEqual([
      ['Rosa Reviewer', 'Which pairs?'],
    ]);

    // The owner's own link, which the report was registered with (the device that made it keeps using it), speaks
    // for Tom's account as his member token does: a reply in another name, or in none, is refused.
    const ownReceived: Uint8Array[] = [];
    const unnamed = await session.provider(relay, 'said-1/comments', { token: own, received: ownReceived });
    await eventually(() => expect(threadsMap(unnamed.doc).has(honest.value)).toBe(true));
    reply(unnamed.doc, honest.value, 'Twos.', { id: 'tom-device', name: 'Tom at home', role: 'tutor' });
    await eventually(() => expect(deniedReasons(ownReceived)).toContain(commentsRefusals.notYourName));
    const toms = await session.provider(relay, 'said-1/comments', { token: own });
    await eventually(() => expect(threadsMap(toms.doc).has(honest.value)).toBe(true));
    reply(toms.doc, honest.value, 'Pairs of two.', {
      id: 'tom-device',
      name: 'Tom Tutor',
      role: 'tutor',
      memberId: tom.id,
    });
    await eventually(() =>
      expect(
        readThreads(watcher.doc)
          .find((each) => each.id === honest.value)!
          .comments.map((c) => c.text),
      ).toEqual(['Which pairs?', 'Pairs of two.']),
    );
  });

  it('lets a connection opened with a report’s own link before it was registered speak for its owner from then on', async () => {
    const { relay, tom } = await agency();
    const own = (await api(relay, 'POST', '/api/reports', { body: { id: 'early-1' } })).body.token as string;
    // The device that made the report is connected before its registration is done, as the app often is.
    const received: Uint8Array[] = [];
    const laptop = await session.provider(relay, 'early-1/comments', { token: own, received });
    const registered = await call(relay, 'POST', '/api/organisation/reports', {
      cookie: tom.cookie,
      bearer: own,
      body: { id: 'early-1' },
    });
    expect(registered.status).toBe(201);

    const field = new Y.Doc().getXmlFragment('progressComment');
    setFragmentText(field, 'Dated the Tudors.');
    const anchored = anchorFor(field, 10, 16);
    if (!anchored.ok) throw new Error(anchored.problem);
    const tomsThread = (author: { name: string; memberId?: string }, text: string) => {
      const made = addThread(laptop.doc, {
        field: 'progressComment',
        ...anchored.value,
        text,
        author: { id: 'tom-laptop', role: 'tutor', ...author },
      });
      if (!made.ok) throw new Error(made.problem);
      return made.value;
    };
    const his = tomsThread({ name: 'Tom Tutor', memberId: tom.id }, 'Check the dates.');
    const watcher = await session.provider(relay, 'early-1/comments', { token: own });
    await eventually(() => expect(threadsMap(watcher.doc).has(his)).toBe(true));
    expect(deniedReasons(received)).toEqual([]);

    // And no longer for the unnamed link it was: a comment in no member's name is now refused on that connection.
    const unnamed = tomsThread({ name: 'Tom at home' }, 'Twos.');
    await eventually(() => expect(deniedReasons(received)).toContain(commentsRefusals.notYourName));
    expect(threadsMap(watcher.doc).has(unnamed)).toBe(false);
  });

  it('passes on presence in a member’s account name and their token’s role, and a link’s in its role', async () => {
    const { relay, tom, mo } = await agency();
    const own = await tomsReport(relay, tom, mo, 'here-1');
    const mos = await session.provider(relay, 'here-1', { token: await memberToken(relay, mo, 'here-1') });
    const toms = await session.provider(relay, 'here-1', { token: await memberToken(relay, tom, 'here-1') });
    toms.awareness.setLocalStateField('user', { name: 'Rosa Reviewer', role: 'reviewer', color: '#336699' });
    await eventually(() =>
      expect(mos.awareness.getStates().get(toms.doc.clientID)).toEqual({
        user: { name: 'Tom Tutor', role: 'tutor', color: '#336699' },
      }),
    );
    const mentorsLink = (await link(relay, 'here-1', own, 'mentor')).body.token as string;
    const withLink = await session.provider(relay, 'here-1', { token: mentorsLink });
    withLink.awareness.setLocalStateField('user', { name: 'Nia at home', role: 'reviewer' });
    await eventually(() =>
      expect(mos.awareness.getStates().get(withLink.doc.clientID)).toEqual({
        user: { name: 'Nia at home', role: 'mentor' },
      }),
    );
    // The owner's own link is Tom's: his account's name, whatever the device says.
    const ownLink = await session.provider(relay, 'here-1', { token: own });
    ownLink.awareness.setLocalStateField('user', { name: 'Tom at home', role: 'reviewer' });
    await eventually(() =>
      expect(mos.awareness.getStates().get(ownLink.doc.clientID)).toEqual({
        user: { name: 'Tom Tutor', role: 'tutor' },
      }),
    );
  });
});

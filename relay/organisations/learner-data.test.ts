// A learner's data over real HTTP and real websockets: who may export and erase (only the organisation's own
// administrators), what the export holds (internal fields, a comment, a decision, as JSON and as a PDF), and what an
// erasure does (rows gone from the store, open sockets closed with 4451 and later ones refused, the audit log told
// how many reports and nothing they said, reports naming other learners left alone until included).
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { anchorFor } from '../../shared/doc/comment-anchors.ts';
import { addThread } from '../../shared/doc/comments.ts';
import { pdfPagesText } from '../../shared/pdf/pdf-text.ts';
import { closeCodes, refusalReasons } from '../../shared/protocol/limits.ts';
import { createSessionReportDoc } from '../../shared/reports/index.ts';
import { refuseErasureOf } from '../storage/contract.ts';
import { openMemoryStore } from '../storage/memory.ts';
import { TestSession, api, eventually, type TestRelay } from '../testing.ts';
import { call, organisation, type SignedInMember as Member } from './testing.ts';

const session = new TestSession();
afterEach(() => session.cleanup());

const tokenFor = async (relay: TestRelay, who: Member, reportId: string): Promise<string> =>
  (await call(relay, 'GET', `/api/organisation/reports/${reportId}/token`, { cookie: who.cookie })).body.token;

/** `records`: the memory store's SQL database, for a test that makes it fail. */
async function agency(records = new Database(':memory:')) {
  const store = openMemoryStore(records);
  const relay = await session.relay({ store });
  const a = await organisation(store, 'Bright Tutors', {
    tutor: { role: 'tutor' },
    reviewer: { role: 'quality-reviewer' },
    contact: { role: 'client-contact', clientId: 'client-9' },
  });
  const b = await organisation(store, 'Other Agency', { tutor: { role: 'tutor' } });

  /** A session report about `learners`, with a progress comment and an internal note. */
  const write = async (id: string, learners: string[]) => {
    await call(relay, 'POST', '/api/organisation/reports', {
      cookie: a.tutor.cookie,
      body: { id, clientId: 'client-9' },
    });
    const token = await tokenFor(relay, a.tutor, id);
    const author = await session.provider(relay, id, { token });
    createSessionReportDoc(
      author.doc,
      {
        date: '2030-01-07',
        start: '13:00',
        finish: '14:00',
        subject: 'Maths',
        learners: learners.map((name, index) => ({ id: `l${index}`, name })),
      },
      'Tom',
    );
    author.doc.transact(() => {
      for (const [key, text] of [
        ['progressComment', 'Dated the Tudors.'],
        ['agencyComment', 'PRIVATE: invoice late'],
      ]) {
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [new Y.XmlText(text)]);
        author.doc.getXmlFragment(key!).insert(0, [paragraph]);
      }
    });
    await eventually(async () => expect((await store.load(id)).length).toBeGreaterThan(0));
    return { token, author };
  };

  /** The report submitted, a reviewer's comment on it, then its approval. */
  const commentAndApprove = async (id: string, tutorToken: string, author: { doc: Y.Doc }) => {
    const decide = (token: string, action: string) =>
      api(relay, 'POST', `/api/reports/${id}/transitions`, { token, body: { action, name: 'Someone' } });
    expect(await decide(tutorToken, 'submit')).toMatchObject({ status: 200 });
    const reviewerToken = await tokenFor(relay, a.reviewer, id);
    const comments = await session.provider(relay, `${id}/comments`, { token: reviewerToken });
    const anchored = anchorFor(author.doc.getXmlFragment('progressComment'), 0, 5);
    if (!anchored.ok) throw new Error(anchored.problem);
    const thread = addThread(comments.doc, {
      field: 'progressComment',
      ...anchored.value,
      text: 'Which Tudors?',
      author: { id: 'rita-device', name: 'reviewer', role: 'reviewer', memberId: a.reviewer.id },
    });
    if (!thread.ok) throw new Error(thread.problem);
    await eventually(async () => expect((await store.load(`${id}/comments`)).length).toBeGreaterThan(0));
    expect(await decide(reviewerToken, 'approve')).toMatchObject({ status: 200 });
  };
  return { store, relay, a, b, write, commentAndApprove };
}

const exportOf = (relay: TestRelay, who: Member | undefined, learner: string, format = 'json') =>
  call(relay, 'GET', `/api/organisation/learners/${encodeURIComponent(learner)}/export?format=${format}`, {
    ...(who ? { cookie: who.cookie } : {}),
  });

const erase = (relay: TestRelay, who: Member | undefined, learner: string, body: unknown, origin?: string) =>
  call(relay, 'POST', `/api/organisation/learners/${encodeURIComponent(learner)}/erase`, {
    ...(who ? { cookie: who.cookie } : {}),
    body,
    ...(origin ? { origin } : {}),
  });

describe('a learner’s data', () => {
  it('is exported and erased by the organisation’s own administrators only, with clear refusals', async () => {
    const { relay, a, b, write } = await agency();
    await write('only-1', ['Gus Hale']);
    const confirm = { confirmation: 'Gus Hale' };
    for (const who of [a.tutor, a.reviewer, a.contact]) {
      expect(await exportOf(relay, who, 'Gus Hale')).toMatchObject({
        status: 403,
        body: { error: 'Only the organisation’s administrators may do this.' },
      });
      expect(await erase(relay, who, 'Gus Hale', confirm)).toMatchObject({ status: 403 });
    }
    expect(await exportOf(relay, undefined, 'Gus Hale')).toMatchObject({
      status: 401,
      body: { error: 'Sign in first.' },
    });
    expect(await erase(relay, undefined, 'Gus Hale', confirm)).toMatchObject({ status: 401 });
    // Another organisation's administrator finds nothing of this one's.
    const theirs = { status: 404, body: { error: 'Your organisation holds no reports about Gus Hale.' } };
    expect(await exportOf(relay, b.admin, 'Gus Hale')).toMatchObject(theirs);
    expect(await erase(relay, b.admin, 'Gus Hale', confirm)).toMatchObject(theirs);
    expect(await exportOf(relay, a.admin, 'Nobody Known')).toMatchObject({
      status: 404,
      body: { error: 'Your organisation holds no reports about Nobody Known.' },
    });
    expect(await exportOf(relay, a.admin, 'Gus Hale', 'docx')).toMatchObject({
      status: 400,
      body: { error: 'Ask for the export as format=json or format=pdf.' },
    });
    expect(await erase(relay, a.admin, 'Gus Hale', { confirmation: 'Gus' })).toMatchObject({
      status: 400,
      body: { error: 'Type the learner’s name, Gus Hale, exactly as shown, to confirm the erasure.' },
    });
    expect(await erase(relay, a.admin, 'Gus Hale', {})).toMatchObject({ status: 400 });
    expect(await erase(relay, a.admin, 'Gus Hale', confirm, 'https://evil.example')).toMatchObject({ status: 403 });
    // Nothing was erased by any of those.
    expect(await exportOf(relay, a.admin, 'Gus Hale')).toMatchObject({ status: 200 });
  });

  it('exports every report naming the learner, whole: internal fields, comments and decisions, as JSON and PDF', async () => {
    const { store, relay, a, write, commentAndApprove } = await agency();
    const first = await write('gus-1', ['Gus Hale']);
    await commentAndApprove('gus-1', first.token, first.author);
    await write('gus-2', ['Gus Hale', 'Amy Lee']);
    await write('amy-1', ['Amy Lee']);
    const answer = await exportOf(relay, a.admin, 'gus hale');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ learner: 'gus hale', organisation: 'Bright Tutors', exportedBy: 'Ada Admin' });
    expect(answer.body.reports.map((each: { id: string }) => each.id)).toEqual(['gus-1', 'gus-2']);
    const [approved] = answer.body.reports;
    expect(approved).toMatchObject({
      kind: 'Session report',
      status: 'approved',
      learners: ['Gus Hale'],
      details: expect.objectContaining({ subject: 'Maths' }),
      comments: [{ quote: 'Dated', comments: [{ by: 'reviewer', role: 'reviewer', text: 'Which Tudors?' }] }],
      decisions: [
        { action: 'submit', from: 'draft', to: 'submitted' },
        { action: 'approve', from: 'submitted', to: 'approved' },
      ],
    });
    expect(approved.text).toContainEqual(
      expect.objectContaining({ internal: true, paragraphs: ['PRIVATE: invoice late'] }),
    );
    expect(approved.audit.map((entry: { action: string }) => entry.action)).toContain('report registered');

    const pdf = await fetch(`http://127.0.0.1:${relay.port}/api/organisation/learners/Gus%20Hale/export?format=pdf`, {
      headers: { Cookie: `margin_session=${a.admin.cookie}` },
    });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const text = (await pdfPagesText(new Uint8Array(await pdf.arrayBuffer()))).join(' ');
    for (const words of [
      'Everything Bright Tutors holds about Gus Hale',
      'Which Tudors?',
      'PRIVATE: invoice late',
      'approve by',
    ])
      expect(text).toContain(words);

    const audit = (await store.audit(a.organisationId)).filter((entry) => entry.action === 'learner exported');
    expect(audit.map((entry) => entry.detail)).toEqual([
      { reports: 2, format: 'json' },
      { reports: 2, format: 'pdf' },
    ]);
  });

  it('erases none of the learner’s reports, and closes no connection, when the erasure fails part-way', async () => {
    const records = new Database(':memory:');
    const { store, relay, a, write } = await agency(records);
    const first = await write('gus-1', ['Gus Hale']);
    await write('gus-2', ['Gus Hale']);
    const open = await session.socket(relay, `/sync/gus-1/comments?token=${first.token}`);
    await eventually(() => expect(open.received.length).toBeGreaterThan(0));
    // The store refuses gus-2's tombstone: the transaction's last statement, after everything of gus-1.
    records.exec(refuseErasureOf.sqlite('gus-2'));
    expect(await erase(relay, a.admin, 'Gus Hale', { confirmation: 'Gus Hale' })).toMatchObject({ status: 500 });
    expect(await store.erasedAmong(['gus-1', 'gus-2'])).toEqual([]);
    for (const id of ['gus-1', 'gus-2']) {
      expect((await store.load(id)).length).toBeGreaterThan(0);
      expect(await store.report(id)).toBeDefined();
      expect(await store.directoryRow(id)).toBeDefined();
    }
    const stillOpen = await Promise.race([open.closed, new Promise((resolve) => setTimeout(resolve, 300, 'open'))]);
    expect(stillOpen).toBe('open');
    expect((await store.audit(a.organisationId)).some((each) => each.action === 'learner erased')).toBe(false);

    // Once the store takes it, both go together.
    records.exec('DROP TRIGGER refuse_erasure');
    expect(await erase(relay, a.admin, 'Gus Hale', { confirmation: 'Gus Hale' })).toMatchObject({
      status: 200,
      body: { erased: 2 },
    });
    expect(await open.closed).toEqual({ code: closeCodes.reportErased, reason: refusalReasons.reportErased });
    expect(await store.erasedAmong(['gus-1', 'gus-2'])).toEqual(['gus-1', 'gus-2']);
  });

  it('erases the learner’s reports from the store, closes their sockets (4451) and refuses them from then on', async () => {
    const { store, relay, a, write, commentAndApprove } = await agency();
    const first = await write('gus-1', ['Gus Hale']);
    await commentAndApprove('gus-1', first.token, first.author);
    await write('gus-2', ['Gus Hale', 'Amy Lee']);
    await write('amy-1', ['Amy Lee']);
    const open = await session.socket(relay, `/sync/gus-1/comments?token=${first.token}`);
    await eventually(() => expect(open.received.length).toBeGreaterThan(0));

    // A report naming another learner too is left alone until the administrator includes it.
    const refused = await erase(relay, a.admin, 'Gus Hale', { confirmation: 'Gus Hale' });
    expect(refused).toMatchObject({
      status: 409,
      body: { shared: [{ id: 'gus-2', learners: ['Gus Hale', 'Amy Lee'] }] },
    });
    expect(refused.body.error).toMatch(/^One report names other learners too\. Nothing was erased/);
    expect(await store.isErased('gus-1')).toBe(false);

    expect(await erase(relay, a.admin, 'Gus Hale', { confirmation: 'Gus Hale', includeShared: true })).toMatchObject({
      status: 200,
      body: { learner: 'Gus Hale', erased: 2 },
    });
    const erased = { code: closeCodes.reportErased, reason: refusalReasons.reportErased };
    expect(await open.closed).toEqual(erased);
    for (const room of ['gus-1', 'gus-1/comments', 'gus-1/status', 'gus-2']) expect(await store.load(room)).toEqual([]);
    expect(await store.report('gus-1')).toBeUndefined();
    expect(await store.version('gus-1', 2)).toBeUndefined();
    expect((await store.notificationsOf(a.tutor.id, 50)).some((each) => each.reportId === 'gus-1')).toBe(false);
    // A device coming back with its old token is told the report was erased, and sends nothing back.
    expect(await (await session.socket(relay, `/sync/gus-1?token=${first.token}`)).closed).toEqual(erased);
    expect(await store.load('gus-1')).toEqual([]);
    expect(await call(relay, 'GET', '/api/organisation/reports/gus-1/token', { cookie: a.tutor.cookie })).toMatchObject(
      { status: 410, body: { error: refusalReasons.reportErased } },
    );
    // Amy's own report is untouched; Gus is no longer known.
    expect((await store.load('amy-1')).length).toBeGreaterThan(0);
    expect(await exportOf(relay, a.admin, 'Gus Hale')).toMatchObject({ status: 404 });

    const [entry] = (await store.audit(a.organisationId)).filter((each) => each.action === 'learner erased');
    expect(entry).toMatchObject({
      actor: a.admin.id,
      subject: 'Gus Hale',
      detail: { reports: 2, sharedWithOthers: 1 },
    });
    expect(JSON.stringify(entry)).not.toMatch(/Tudors|PRIVATE/);
  });
});

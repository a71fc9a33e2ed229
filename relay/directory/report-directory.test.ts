// The report directory on a real relay: reports written over real websockets and decided through the relay, rows
// read back from the store. A row follows an edit, a decision, a change of client and a registration; reports
// registered before the directory existed get their rows at start-up; lists take pages, filters and search in
// the directory, and still show each member only the rows their role allows.
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { roomName } from '../../shared/protocol/rooms.ts';
import { fields } from '../../shared/doc/layout.ts';
import { createSessionReportDoc } from '../../shared/reports/session-report/doc.ts';
import { call, organisation, type SignedInMember as Member } from '../organisations/testing.ts';
import { openMemoryStore } from '../storage/memory.ts';
import type { Storage } from '../storage/store.ts';
import { api, eventually, TestSession, type TestRelay } from '../testing.ts';

const session = new TestSession();
afterEach(() => session.cleanup());

async function agency(store: Storage = openMemoryStore()) {
  const a = await organisation(store, 'Bright Tutors', {
    tutor: { role: 'tutor' },
    otherTutor: { role: 'tutor' },
    reviewer: { role: 'quality-reviewer' },
    coordinator: { role: 'coordinator' },
    contact: { role: 'client-contact', clientId: 'acme' },
    otherContact: { role: 'client-contact', clientId: 'globex' },
  });
  return { store, a };
}

const tokenFor = async (relay: TestRelay, who: Member, reportId: string) =>
  (await call(relay, 'GET', `/api/organisation/reports/${reportId}/token`, { cookie: who.cookie })).body
    .token as string;

const decide = (relay: TestRelay, token: string, reportId: string, action: string) =>
  api(relay, 'POST', `/api/reports/${reportId}/transitions`, { token, body: { action, name: 'Someone' } });

const list = (relay: TestRelay, who: Member, query = '') =>
  call(relay, 'GET', `/api/organisation/reports${query}`, { cookie: who.cookie });

const details = (date: string, learner: string) => ({
  date,
  start: '16:00',
  finish: '17:00',
  subject: 'Maths',
  learners: [{ id: 'l1', name: learner }],
});

/** Registers a session report as `who` and writes it over a websocket; the open provider, to edit it further. */
async function write(relay: TestRelay, who: Member, id: string, date: string, learner: string) {
  expect((await call(relay, 'POST', '/api/organisation/reports', { cookie: who.cookie, body: { id } })).status).toBe(
    201,
  );
  const author = await session.provider(relay, id, { token: await tokenFor(relay, who, id) });
  createSessionReportDoc(author.doc, details(date, learner), 'Tom');
  return author;
}

describe('the report directory', () => {
  it('keeps a row that follows registration, edits, decisions and a change of client', async () => {
    const { store, a } = await agency();
    const relay = await session.relay({ store });
    expect(
      (await call(relay, 'POST', '/api/organisation/reports', { cookie: a.tutor.cookie, body: { id: 'r-1' } })).status,
    ).toBe(201);
    // Registered: a row at once, with no content yet.
    expect(await store.directoryRow('r-1')).toMatchObject({ ownerId: a.tutor.id, status: 'draft' });
    expect((await store.directoryRow('r-1'))?.content).toBeUndefined();

    const author = await session.provider(relay, 'r-1', { token: await tokenFor(relay, a.tutor, 'r-1') });
    createSessionReportDoc(author.doc, details('2030-01-07', 'Gus Hale'), 'Tom');
    // Written from the room's own document once it has been quiet a moment, without anyone asking.
    await eventually(async () =>
      expect((await store.directoryRow('r-1'))?.content).toMatchObject({
        kindId: 'session-report',
        learners: ['Gus Hale'],
        date: '2030-01-07',
        entry: { date: '2030-01-07', session: { start: '16:00', finish: '17:00', subject: 'Maths' } },
        timesheet: { date: '2030-01-07', minutes: 60, sessionType: 'Tuition' },
      }),
    );
    fields(author.doc).set('learners', [{ id: 'l1', name: 'Ivy Lane' }]);
    await eventually(async () => expect((await store.directoryRow('r-1'))?.content?.learners).toEqual(['Ivy Lane']));

    expect((await decide(relay, await tokenFor(relay, a.tutor, 'r-1'), 'r-1', 'submit')).status).toBe(200);
    const submitted = await store.directoryRow('r-1');
    expect(submitted).toMatchObject({ status: 'submitted', submittedAt: submitted?.changedAt });

    expect(
      (
        await call(relay, 'PUT', '/api/organisation/reports/r-1/client', {
          cookie: a.tutor.cookie,
          body: { clientId: 'acme' },
        })
      ).status,
    ).toBe(200);
    expect((await store.directoryRow('r-1'))?.clientId).toBe('acme');

    expect((await decide(relay, await tokenFor(relay, a.reviewer, 'r-1'), 'r-1', 'approve')).status).toBe(200);
    const approved = await store.directoryRow('r-1');
    expect(approved).toMatchObject({
      status: 'approved',
      approvedAt: approved?.changedAt,
      submittedAt: submitted?.submittedAt,
    });
    // The list says what the row says: the client contact now sees it, with its approval time and index entry.
    const theirs = await list(relay, a.contact);
    expect(theirs.body.reports).toEqual([
      expect.objectContaining({
        id: 'r-1',
        learners: ['Ivy Lane'],
        kind: 'Session report',
        status: 'approved',
        role: 'client',
        approvedAt: approved?.approvedAt,
        entry: expect.objectContaining({ date: '2030-01-07' }),
      }),
    ]);
  });

  it('makes rows at start-up, in the background, for reports registered before it existed', async () => {
    const store = openMemoryStore();
    const { a } = await agency(store);
    // Straight into the store, as a relay from before the directory left them: registered, written, submitted.
    const doc = new Y.Doc();
    createSessionReportDoc(doc, details('2030-02-03', 'Old Learner'), 'Tom');
    await store.addReport({
      reportId: 'old-1',
      organisationId: a.organisationId,
      ownerId: a.tutor.id,
      createdAt: '2029-12-01T10:00:00.000Z',
    });
    await store.append(roomName('old-1'), Y.encodeStateAsUpdate(doc));
    const status = new Y.Doc();
    status.getArray('history').push([
      {
        action: 'submit',
        from: 'draft',
        to: 'submitted',
        by: { name: 'Tom', role: 'tutor' },
        at: '2029-12-02T10:00:00.000Z',
        contentHash: 'x',
      },
    ]);
    await store.append(roomName('old-1', 'status'), Y.encodeStateAsUpdate(status));
    const relay = await session.relay({ store });
    // Made at start-up, in the background, without anyone asking.
    await eventually(async () => expect(await store.directoryRow('old-1')).toBeDefined());

    const answer = await list(relay, a.reviewer);
    expect(answer.body.reports).toEqual([
      expect.objectContaining({
        id: 'old-1',
        learners: ['Old Learner'],
        status: 'submitted',
        submittedAt: '2029-12-02T10:00:00.000Z',
      }),
    ]);
    expect(await store.directoryRow('old-1')).toMatchObject({ status: 'submitted', content: { date: '2030-02-03' } });
  });

  it('answers a page at a time, filtered and searched, and still only with the rows each member may open', async () => {
    const { store, a } = await agency();
    const relay = await session.relay({ store });
    const written = [
      ['p-1', a.tutor, '2030-01-05', 'Ann Able'],
      ['p-2', a.otherTutor, '2030-01-06', 'Ben Bold'],
      ['p-3', a.tutor, '2030-02-07', 'Cat Cole'],
      ['p-4', a.tutor, '2030-02-08', 'Dan Dee'],
    ] as const;
    for (const [id, who, date, learner] of written) await write(relay, who, id, date, learner);
    for (const [id, who] of written.slice(0, 3))
      expect((await decide(relay, await tokenFor(relay, who, id), id, 'submit')).status).toBe(200);

    const ids = (answer: { body: { reports: { id: string }[] } }) => answer.body.reports.map((each) => each.id);
    const first = await list(relay, a.reviewer, '?limit=2&status=submitted,resubmitted&order=submitted');
    expect(first.status).toBe(200);
    expect(ids(first)).toEqual(['p-1', 'p-2']);
    expect(first.body).toMatchObject({ total: 3, next: 2 });
    const second = await list(
      relay,
      a.reviewer,
      `?limit=2&offset=${first.body.next}&status=submitted,resubmitted&order=submitted`,
    );
    expect(ids(second)).toEqual(['p-3']);
    expect(second.body).toMatchObject({ total: 3 });
    expect(second.body.next).toBeUndefined();
    // The draft is no reviewer's, whatever is asked; the tutor's own draft is theirs.
    expect(ids(await list(relay, a.reviewer, '?limit=10'))).toEqual(['p-1', 'p-2', 'p-3']);
    expect(ids(await list(relay, a.tutor, '?limit=10'))).toEqual(['p-1', 'p-3', 'p-4']);
    expect(ids(await list(relay, a.otherTutor, '?limit=10&q=ann'))).toEqual([]);
    // Filters and search are the directory's: by tutor, learner, words, dates, kind.
    expect(ids(await list(relay, a.coordinator, `?limit=10&tutor=${a.otherTutor.id}`))).toEqual(['p-2']);
    expect(ids(await list(relay, a.coordinator, '?limit=10&learner=Cat%20Cole'))).toEqual(['p-3']);
    expect(ids(await list(relay, a.coordinator, '?limit=10&q=DEE'))).toEqual(['p-4']);
    expect(ids(await list(relay, a.coordinator, '?limit=10&from=2030-02-01&to=2030-02-28'))).toEqual(['p-3', 'p-4']);
    expect(ids(await list(relay, a.coordinator, '?kind=termly-review'))).toEqual([]);
    expect(ids(await list(relay, a.coordinator, '?order=changed'))[0]).toBe('p-3');
    // Client contacts see nothing until a report of their client is approved.
    expect(ids(await list(relay, a.contact, '?limit=10'))).toEqual([]);
    // Bad paging is refused with why.
    for (const [query, problem] of [
      ['?limit=0', 'at least 1'],
      ['?limit=5000', 'at most 500'],
      ['?limit=ten', 'whole number'],
      ['?offset=-1', '0 or more'],
      ['?status=lost', 'statuses the relay knows: draft, submitted'],
      ['?from=7 Jan', 'YYYY-MM-DD'],
      ['?order=sideways', 'Order by'],
    ] as const)
      expect(await list(relay, a.reviewer, query)).toMatchObject({
        status: 400,
        body: { error: expect.stringContaining(problem) },
      });
  });

  it('serves the review queue: by when submitted, a kind left out, a tutor found by name, and choices from every waiting report', async () => {
    const { store, a } = await agency();
    const relay = await session.relay({ store });
    const written = [
      ['q-1', a.tutor, '2030-01-05', 'Ann Able'],
      ['q-2', a.tutor, '2030-01-06', 'Ben Bold'],
      ['q-3', a.otherTutor, '2030-02-07', 'Cat Cole'],
      ['q-4', a.otherTutor, '2030-02-08', 'Dan Dee'],
    ] as const;
    for (const [id, who, date, learner] of written) await write(relay, who, id, date, learner);
    const submit = async (id: string, who: Member) =>
      expect((await decide(relay, await tokenFor(relay, who, id), id, 'submit')).status).toBe(200);
    await submit('q-1', a.tutor);
    await submit('q-2', a.tutor);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const between = new Date();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await submit('q-3', a.otherTutor);
    expect(
      (
        await call(relay, 'PUT', '/api/organisation/reports/q-3/client', {
          cookie: a.otherTutor.cookie,
          body: { clientId: 'acme' },
        })
      ).status,
    ).toBe(200);

    const ids = (answer: { body: { reports: { id: string }[] } }) => answer.body.reports.map((each) => each.id);
    const queue = '?status=submitted,resubmitted&order=submitted';
    // The first page of one holds only the first tutor's report; the choices name every waiting report's.
    const first = await list(relay, a.reviewer, `${queue}&limit=1&choices=true`);
    expect(ids(first)).toEqual(['q-1']);
    expect(first.body.reports[0]).toMatchObject({ ownerId: a.tutor.id, kindId: 'session-report' });
    expect(first.body).toMatchObject({ total: 3, next: 1 });
    expect(first.body.choices).toEqual({
      tutors: [
        { id: a.otherTutor.id, name: 'otherTutor' },
        { id: a.tutor.id, name: 'tutor' },
      ],
      learners: ['Ann Able', 'Ben Bold', 'Cat Cole'],
      clients: ['acme'],
      kinds: [{ id: 'session-report', label: 'Session report' }],
    });
    // Whatever else narrows the page: the choices are the whole queue's. Without asking, none.
    expect((await list(relay, a.reviewer, `${queue}&limit=1&client=acme&choices=true`)).body.choices).toEqual(
      first.body.choices,
    );
    expect((await list(relay, a.reviewer, `${queue}&limit=1`)).body.choices).toBeUndefined();
    // A filter finds what is beyond the first page.
    expect(ids(await list(relay, a.reviewer, `${queue}&limit=1&tutor=${a.otherTutor.id}`))).toEqual(['q-3']);
    expect(ids(await list(relay, a.reviewer, `${queue}&limit=1&client=acme`))).toEqual(['q-3']);
    expect(ids(await list(relay, a.reviewer, `${queue}&limit=1&learner=Cat%20Cole`))).toEqual(['q-3']);
    // The search looks in the tutor's name too.
    expect(ids(await list(relay, a.reviewer, `${queue}&limit=10&q=OTHERTUT`))).toEqual(['q-3']);
    expect(ids(await list(relay, a.reviewer, `${queue}&limit=10&q=bold`))).toEqual(['q-2']);
    // When submitted, as moments: from one included, before another; an offset is the same moment in UTC.
    const moment = encodeURIComponent(between.toISOString());
    expect(ids(await list(relay, a.reviewer, `${queue}&limit=10&submittedFrom=${moment}`))).toEqual(['q-3']);
    expect(ids(await list(relay, a.reviewer, `${queue}&limit=10&submittedBefore=${moment}`))).toEqual(['q-1', 'q-2']);
    const inParis = new Date(between.getTime() + 3600_000).toISOString().replace('Z', '+01:00');
    expect(
      ids(await list(relay, a.reviewer, `${queue}&limit=10&submittedBefore=${encodeURIComponent(inParis)}`)),
    ).toEqual(['q-1', 'q-2']);
    // The report's own date is another thing: from/to still mean it.
    expect(ids(await list(relay, a.reviewer, `${queue}&limit=10&from=2030-02-01`))).toEqual(['q-3']);
    // A kind left out leaves the queue, and the choices, without it.
    const without = await list(relay, a.reviewer, `${queue}&limit=10&notKind=session-report&choices=true`);
    expect(without.body).toMatchObject({ reports: [], total: 0 });
    expect(without.body.choices).toEqual({ tutors: [], learners: [], clients: [], kinds: [] });
    // Each bad value is refused with what is wanted.
    for (const [query, problem] of [
      ['?submittedFrom=yesterday', 'Give submittedFrom as an ISO 8601 moment'],
      ['?submittedBefore=2030-01-07', 'Give submittedBefore as an ISO 8601 moment'],
      [
        '?submittedFrom=2030-01-08T00:00:00.000Z&submittedBefore=2030-01-07T00:00:00.000Z',
        'submittedFrom is not before submittedBefore',
      ],
      ['?choices=yes', 'Ask for the choices with true or false.'],
      [`?notKind=${'x'.repeat(65)}`, 'A kind’s id (notKind) is at most 64 characters.'],
    ] as const)
      expect(await list(relay, a.reviewer, query)).toMatchObject({
        status: 400,
        body: { error: expect.stringContaining(problem) },
      });
  });
});

// The organisation's words over real HTTP, tried by people it is not for: only administrators change the list, only
// from the app's own pages, a word is checked as a personal dictionary's word is, and the names that come with the
// list are only those in reports the member may open (a tutor never receives another tutor's learners).
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { roomName } from '../../shared/protocol/rooms.ts';
import { createSessionReportDoc } from '../../shared/reports/index.ts';
import { openMemoryStore } from '../storage/memory.ts';
import type { Storage } from '../storage/store.ts';
import { TestSession } from '../testing.ts';
import { call, organisation } from './testing.ts';

const session = new TestSession();
afterEach(() => session.cleanup());

async function agency() {
  const store = openMemoryStore();
  const relay = await session.relay({ store });
  const a = await organisation(store, 'Bright Tutors', {
    tutor: { role: 'tutor' },
    otherTutor: { role: 'tutor' },
    reviewer: { role: 'quality-reviewer' },
  });
  const b = await organisation(store, 'Other Agency', { admin2: { role: 'administrator' } });
  return { store, relay, a, b };
}

/** A session report about `learner`, written straight into the store and registered to `ownerId`. */
async function reportAbout(store: Storage, reportId: string, ownerId: string, learner: string) {
  const doc = new Y.Doc();
  createSessionReportDoc(
    doc,
    { date: '2030-01-01', start: '13:00', finish: '14:00', subject: 'Maths', learners: [{ id: 'l1', name: learner }] },
    'Tom',
  );
  await store.append(roomName(reportId), Y.encodeStateAsUpdate(doc));
  const owner = await store.member(ownerId);
  await store.addReport({
    reportId,
    organisationId: owner!.organisationId,
    ownerId,
    createdAt: new Date().toISOString(),
  });
}

const words = '/api/organisation/words';

describe('the organisation’s words', () => {
  it('are kept by administrators and read by every member, one of each, in order', async () => {
    const { relay, a } = await agency();
    expect(await call(relay, 'POST', words, { cookie: a.admin.cookie, body: { word: ' Okafor’s ' } })).toMatchObject({
      status: 201,
      body: { word: 'Okafor' },
    });
    expect(await call(relay, 'POST', words, { cookie: a.admin.cookie, body: { word: 'Okafor' } })).toMatchObject({
      status: 200,
      body: { word: 'Okafor' },
    });
    await call(relay, 'POST', words, { cookie: a.admin.cookie, body: { word: 'Ofsted' } });
    const read = await call(relay, 'GET', words, { cookie: a.tutor.cookie });
    expect(read.status).toBe(200);
    expect(read.body.words.map((w: { word: string }) => w.word)).toEqual(['Ofsted', 'Okafor']);
    expect(
      await call(relay, 'DELETE', `${words}/${encodeURIComponent('Okafor')}`, { cookie: a.admin.cookie }),
    ).toMatchObject({ status: 200, body: { word: 'Okafor' } });
    expect((await call(relay, 'GET', words, { cookie: a.reviewer.cookie })).body.words).toEqual([
      { word: 'Ofsted', addedAt: expect.any(String) },
    ]);
    const audit = await call(relay, 'GET', '/api/organisation/audit', { cookie: a.admin.cookie });
    expect(
      audit.body.entries
        .filter((entry: { action: string }) => entry.action.startsWith('word'))
        .map((entry: { action: string; detail: { word: string } }) => [entry.action, entry.detail.word]),
    ).toEqual([
      ['word added', 'Okafor'],
      ['word added', 'Ofsted'],
      ['word removed', 'Okafor'],
    ]);
  });

  it('refuses anyone else, another site, another organisation and words that are not words', async () => {
    const { relay, a, b } = await agency();
    expect(await call(relay, 'GET', words)).toMatchObject({ status: 401, body: { error: 'Sign in first.' } });
    expect(await call(relay, 'POST', words, { cookie: a.tutor.cookie, body: { word: 'Okafor' } })).toMatchObject({
      status: 403,
      body: { error: 'Only the organisation’s administrators may do this.' },
    });
    expect(
      await call(relay, 'POST', words, {
        cookie: a.admin.cookie,
        body: { word: 'Okafor' },
        origin: 'https://evil.example',
      }),
    ).toMatchObject({ status: 403 });
    expect(await call(relay, 'POST', words, { cookie: a.admin.cookie, body: { word: 'Ada Okafor' } })).toMatchObject({
      status: 400,
      body: { error: 'Add one word at a time: "Ada Lovelace" is two words.' },
    });
    expect(await call(relay, 'POST', words, { cookie: a.admin.cookie, body: { word: '<b>' } })).toMatchObject({
      status: 400,
    });
    expect(await call(relay, 'POST', words, { cookie: a.admin.cookie, body: { words: ['x'] } })).toMatchObject({
      status: 400,
    });
    await call(relay, 'POST', words, { cookie: a.admin.cookie, body: { word: 'Okafor' } });
    // Another organisation's administrator neither sees nor removes it.
    expect((await call(relay, 'GET', words, { cookie: b.admin2.cookie })).body.words).toEqual([]);
    expect(await call(relay, 'DELETE', `${words}/Okafor`, { cookie: b.admin2.cookie })).toMatchObject({
      status: 404,
      body: { error: '“Okafor” is not on your organisation’s list.' },
    });
    expect(await call(relay, 'DELETE', `${words}/%E0%A4%A`, { cookie: a.admin.cookie })).toMatchObject({
      status: 400,
    });
    expect((await call(relay, 'GET', words, { cookie: a.tutor.cookie })).body.words).toHaveLength(1);
  });

  it('come with the names in the reports the member may open, and only those', async () => {
    const { store, relay, a } = await agency();
    await reportAbout(store, 'report-1', a.tutor.id, 'Cy Adeyemi');
    await reportAbout(store, 'report-2', a.otherTutor.id, 'Zofia Nowak');
    expect((await call(relay, 'GET', words, { cookie: a.tutor.cookie })).body.names).toEqual(['Adeyemi', 'Cy']);
    expect((await call(relay, 'GET', words, { cookie: a.otherTutor.cookie })).body.names).toEqual(['Nowak', 'Zofia']);
    // A quality reviewer opens a report once it is submitted: drafts give them no names.
    expect((await call(relay, 'GET', words, { cookie: a.reviewer.cookie })).body.names).toEqual([]);
  });
});

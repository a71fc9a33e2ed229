// History's versions over raw HTTP against a real relay: each decision keeps the exact bytes its content hash was
// made from; a role without internal fields gets a copy without them; and every way of asking wrongly is refused
// with a reason (another report's link, a client before approval, a version never kept, numbers that are not one).
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fragmentText, setFragmentText, textField } from '../shared/doc/index.ts';
import { readStatus, recordDecision } from '../shared/doc/status-doc.ts';
import { roomName } from '../shared/protocol/rooms.ts';
import { createSessionReportDoc } from '../shared/reports/index.ts';
import { openMemoryStore } from './storage/memory.ts';
import type { Storage } from './storage/store.ts';
import { api, eventually, TestSession, type TestRelay } from './testing.ts';

const session = new TestSession();
afterEach(() => session.cleanup());

const version = (relay: TestRelay, token: string | undefined, number: string | number, reportId = 'report-1') =>
  api(relay, 'GET', `/api/reports/${reportId}/versions/${number}`, token === undefined ? {} : { token });

const bytesOf = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'));
const docOf = (bytes: Uint8Array) => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, bytes);
  return doc;
};
const field = (doc: Y.Doc, key: string) => fragmentText(textField(doc, key));

/** A session report submitted, sent back, changed and resubmitted over the relay; its tokens by role. */
async function resubmittedReport(relay: TestRelay, store: Storage) {
  const claim = await api(relay, 'POST', '/api/reports', { body: { id: 'report-1' } });
  const tutor: string = claim.body.token;
  const link = async (role: string) =>
    (await api(relay, 'POST', '/api/reports/report-1/links', { token: tutor, body: { role } })).body.token as string;
  const [reviewer, teacher, client] = [await link('reviewer'), await link('teacher'), await link('client')];
  const writer = await session.provider(relay, 'report-1', { token: tutor });
  createSessionReportDoc(
    writer.doc,
    { date: '2030-01-01', start: '13:00', finish: '14:00', subject: 'Maths', learners: [{ id: 'l1', name: 'Ada' }] },
    'Tom',
  );
  setFragmentText(textField(writer.doc, 'progressComment'), 'Ada added fractions.');
  setFragmentText(textField(writer.doc, 'agencyComment'), 'Parent asked about invoices.');
  const status = await session.provider(relay, 'report-1/status', { token: tutor });
  const decide = async (token: string, body: object) => {
    const answer = await api(relay, 'POST', '/api/reports/report-1/transitions', { token, body });
    expect(answer.status).toBe(200);
    await eventually(() => expect(readStatus(status.doc).status).toBe(answer.body.status));
  };
  // The relay has a change once it is saved: decisions are taken on what it holds.
  const saved = (text: string) =>
    eventually(async () => {
      const held = new Y.Doc();
      (await store.load('report-1')).forEach((update) => Y.applyUpdate(held, update));
      expect(field(held, 'progressComment')).toBe(text);
    });
  await saved('Ada added fractions.');
  await decide(tutor, { action: 'submit', name: 'Tom' });
  await decide(reviewer, { action: 'reject', name: 'Rita', reason: 'Say which fractions.' });
  setFragmentText(textField(writer.doc, 'progressComment'), 'Ada added fractions with unlike denominators.');
  await saved('Ada added fractions with unlike denominators.');
  await decide(tutor, { action: 'resubmit', name: 'Tom' });
  return { tutor, reviewer, teacher, client, status: status.doc, decide };
}

describe('the report as each decision found it', () => {
  it('gives every reader with the whole report the very bytes each decision’s content hash was made from', async () => {
    const store = openMemoryStore();
    const relay = await session.relay({ store });
    const report = await resubmittedReport(relay, store);
    const history = readStatus(report.status).history;
    expect(history.map((decision) => decision.action)).toEqual(['submit', 'reject', 'resubmit']);
    for (const [index, decision] of history.entries()) {
      const answer = await version(relay, report.reviewer, index + 1);
      expect(answer).toMatchObject({ status: 200, body: { version: index + 1, internalFields: 'included' } });
      expect(createHash('sha256').update(bytesOf(answer.body.update)).digest('hex')).toBe(decision.contentHash);
    }
    const first = docOf(bytesOf((await version(relay, report.tutor, 1)).body.update));
    const third = docOf(bytesOf((await version(relay, report.tutor, 3)).body.update));
    expect(field(first, 'progressComment')).toBe('Ada added fractions.');
    expect(field(third, 'progressComment')).toBe('Ada added fractions with unlike denominators.');
    expect(field(first, 'agencyComment')).toBe('Parent asked about invoices.');
  });

  it('gives a teacher a copy without one byte of the internal fields, and a client no version at all', async () => {
    const store = openMemoryStore();
    const relay = await session.relay({ store });
    const report = await resubmittedReport(relay, store);
    const forTeacher = await version(relay, report.teacher, 1);
    expect(forTeacher).toMatchObject({ status: 200, body: { internalFields: 'left out' } });
    const bytes = bytesOf(forTeacher.body.update);
    expect(Buffer.from(bytes).includes(Buffer.from('Parent asked'))).toBe(false);
    expect(field(docOf(bytes), 'agencyComment')).toBe('');
    expect(field(docOf(bytes), 'progressComment')).toBe('Ada added fractions.');

    // A client reads nothing of a report before it is approved: no version either.
    expect(await version(relay, report.client, 1)).toMatchObject({
      status: 403,
      body: { error: 'This report has not been approved yet. The link opens it once it is.' },
    });
    // Approved, the client reads the report as approved, but no version: not the one sent back, nor any other.
    await report.decide(report.reviewer, { action: 'approve', name: 'Rita' });
    for (const number of [1, 4])
      expect(await version(relay, report.client, number)).toMatchObject({
        status: 403,
        body: { error: expect.stringContaining('A client reads the report as it was approved') },
      });
    // Asking for the internal fields changes nothing: what a role reads is the relay's to say.
    const asking = await api(relay, 'GET', '/api/reports/report-1/versions/1?internalFields=included&internal=1', {
      token: report.teacher,
    });
    expect(asking).toMatchObject({ status: 200, body: { internalFields: 'left out' } });
    expect(Buffer.from(bytesOf(asking.body.update)).includes(Buffer.from('Parent asked'))).toBe(false);
  });

  it('refuses another report’s link, no link, a version never kept and numbers that are not versions', async () => {
    const store = openMemoryStore();
    const relay = await session.relay({ store });
    const report = await resubmittedReport(relay, store);
    const other = (await api(relay, 'POST', '/api/reports', { body: { id: 'report-2' } })).body.token;
    expect(await version(relay, other, 1)).toMatchObject({
      status: 403,
      body: { error: 'This link is for another report.' },
    });
    expect((await version(relay, undefined, 1)).status).toBe(401);
    expect(await version(relay, report.tutor, 4)).toMatchObject({
      status: 404,
      body: { error: expect.stringMatching(/^This report has no version 4: a version is kept for each decision/) },
    });
    expect((await version(relay, other, 1, 'report-2')).status).toBe(404);
    // A decision taken before the relay kept versions (written as an older relay did: a status and no version).
    const older = new Y.Doc();
    recordDecision(older, {
      action: 'submit',
      from: 'draft',
      to: 'submitted',
      by: { name: 'Tom', role: 'tutor' },
      at: '2026-03-04T10:05:00.000Z',
      contentHash: 'ab',
    });
    await store.append(roomName('report-2', 'status'), Y.encodeStateAsUpdate(older));
    expect(await version(relay, other, 1, 'report-2')).toMatchObject({
      status: 404,
      body: {
        error:
          'Version 1 was not kept: decision 1 (4 March 2026 at 10:05) was taken before Margin kept the report as each decision found it, so there is nothing to show for it.',
      },
    });
    expect(await version(relay, other, 2, 'report-2')).toMatchObject({
      status: 404,
      body: { error: expect.stringMatching(/^This report has no version 2:/) },
    });
    for (const bad of ['0', '-1', '1.5', 'abc', '01', '1e3', '9999999999', '%20']) {
      const answer = await version(relay, report.tutor, bad);
      expect(answer.status, bad).toBe(400);
      expect(answer.body.error, bad).toMatch(/is not a version: a version is a decision’s number/);
    }
    expect(
      (await api(relay, 'POST', '/api/reports/report-1/versions/1', { token: report.tutor, body: {} })).status,
    ).toBe(405);
  });
});

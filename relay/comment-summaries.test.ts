// POST /api/comment-summaries with a real relay: the home page's one request for the comments of many reports.
// Every report's link is checked as its websocket would be; the answer never carries a comment's text.
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { anchorFor } from '../shared/doc/comment-anchors.ts';
import { addThread, deleteComment, readThreads, reply } from '../shared/doc/comments.ts';
import { maxSummaryReports } from '../shared/protocol/api.ts';
import { refusalReasons } from '../shared/protocol/limits.ts';
import { Tokens } from './auth.ts';
import { TestSession, api, eventually, type TestRelay } from './testing.ts';

const session = new TestSession();
afterEach(() => session.cleanup());

const path = '/api/comment-summaries';
const author = (id: string) => ({ id, name: `Person ${id}`, role: 'reviewer' as const });

/** Writes two comments (one of them later deleted) and a reply on a report's comments room, through the relay. */
async function writeComments(relay: TestRelay, reportId: string): Promise<{ kept: string[]; deleted: string }> {
  const content = new Y.Doc();
  const field = content.getXmlFragment('progressComment');
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText('Worked through fractions.')]);
  field.insert(0, [paragraph]);
  const anchored = anchorFor(field, 0, 6);
  if (!anchored.ok) throw new Error(anchored.problem);
  const writer = await session.provider(relay, `${reportId}/comments`, { role: 'reviewer' });
  const doc = writer.doc;
  const opened = addThread(doc, {
    field: 'progressComment',
    ...anchored.value,
    text: 'SECRET opening words',
    author: author('r1'),
  });
  if (!opened.ok) throw new Error(opened.problem);
  reply(doc, opened.value, 'SECRET reply', author('t1'));
  const second = addThread(doc, {
    field: 'progressComment',
    ...anchored.value,
    text: 'SECRET to be deleted',
    author: author('r1'),
  });
  if (!second.ok) throw new Error(second.problem);
  const [first, other] = readThreads(doc);
  const deleted = other!.comments[0]!.id;
  deleteComment(doc, second.value, deleted, 'r1');
  return { kept: first!.comments.map((comment) => comment.id), deleted };
}

describe('comment summaries', () => {
  it('answers for each report its comments’ ids, authors and times, without their text or deleted ones', async () => {
    const relay = await session.relay();
    const { kept, deleted } = await writeComments(relay, 'report-1');
    const reports = [
      { id: 'report-1', token: await session.token(relay, 'report-1', 'tutor') },
      { id: 'report-2', token: await session.token(relay, 'report-2', 'mentor') },
    ];
    const answer = await eventually(async () => {
      const response = await api(relay, 'POST', path, { body: { reports } });
      expect(response.body.reports[0].value).toHaveLength(2);
      return response;
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      reports: [
        {
          id: 'report-1',
          ok: true,
          value: [
            { id: kept[0], author: { id: 'r1' }, createdAt: expect.any(String) },
            { id: kept[1], author: { id: 't1' }, createdAt: expect.any(String) },
          ],
        },
        { id: 'report-2', ok: true, value: [] },
      ],
    });
    expect(JSON.stringify(answer.body)).not.toMatch(/SECRET|Person/);
    expect(JSON.stringify(answer.body)).not.toContain(deleted);
  });

  it('refuses a report whose link is forged, for another report, withdrawn, missing its signature or a client’s', async () => {
    const relay = await session.relay();
    await writeComments(relay, 'report-1');
    const forger = new Tokens(new TextEncoder().encode('another-relay-secret-that-is-long-enough-99'));
    const forged = (await forger.mint('report-1', 'tutor', 3600)).token;
    const otherReports = await session.token(relay, 'report-2', 'tutor');
    const unsigned = `${forged.split('.').slice(0, 2).join('.')}.`;
    const client = await session.token(relay, 'report-1', 'client');
    const claim = await api(relay, 'POST', '/api/reports', { body: { id: 'report-3' } });
    const made = await api(relay, 'POST', '/api/reports/report-3/links', {
      token: claim.body.token,
      body: { role: 'mentor' },
    });
    await api(relay, 'DELETE', `/api/reports/report-3/links/${made.body.jti}`, { token: claim.body.token });
    const asked = [
      { id: 'report-1', token: forged },
      { id: 'report-1', token: otherReports },
      { id: 'report-1', token: unsigned },
      { id: 'report-1', token: client },
      { id: 'report-3', token: made.body.token },
      { id: 'report-3', token: claim.body.token },
    ];
    const answer = await api(relay, 'POST', path, { body: { reports: asked } });
    expect(answer.status).toBe(200);
    expect(answer.body.reports).toEqual([
      { id: 'report-1', ok: false, problem: refusalReasons.linkInvalid },
      { id: 'report-1', ok: false, problem: refusalReasons.wrongReport },
      { id: 'report-1', ok: false, problem: refusalReasons.linkInvalid },
      { id: 'report-1', ok: false, problem: 'A client link opens the approved report, not the comments on it.' },
      { id: 'report-3', ok: false, problem: refusalReasons.linkWithdrawn },
      { id: 'report-3', ok: true, value: [] },
    ]);
  });

  it.each([
    ['no reports', { reports: [] }, 400, /Name at least one report\./],
    ['a bad id', { reports: [{ id: 'not/an id', token: 'x' }] }, 400, /reports\.0\.id: A report id is 1 to 64/],
    ['an empty token', { reports: [{ id: 'report-1', token: '' }] }, 400, /reports\.0\.token/],
    [
      'too many reports',
      { reports: Array.from({ length: maxSummaryReports + 1 }, (_, i) => ({ id: `r${i}`, token: 'x' })) },
      400,
      new RegExp(`no more than ${maxSummaryReports} reports`),
    ],
    [
      'a body over 64 KB',
      { reports: [{ id: 'report-1', token: 'x'.repeat(70 * 1024) }] },
      413,
      /The request is too large \(the relay reads up to 64 KB\)\./,
    ],
  ])('refuses %s with a message', async (_what, body, status, message) => {
    const relay = await session.relay();
    const answer = await api(relay, 'POST', path, { body });
    expect(answer.status).toBe(status);
    expect(answer.body.error).toMatch(message);
  });

  it('only reads: GET is refused and asking leaves no comments room behind', async () => {
    const relay = await session.relay();
    const token = await session.token(relay, 'report-9', 'tutor');
    expect((await api(relay, 'GET', path)).status).toBe(405);
    await api(relay, 'POST', path, { body: { reports: [{ id: 'report-9', token }] } });
    await eventually(async () => expect((await api(relay, 'GET', '/healthz')).body.rooms).toBe(0));
  });
});

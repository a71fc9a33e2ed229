// Suggested edits against a real relay process with real y-websocket clients: a reviewer's link suggests (kept and
// passed on), but cannot accept or reject, hard-delete a suggestion, or write the suggested words into the content;
// the tutor accepts one (the content changes as the tutor's edit) and, once the report is submitted, can no longer
// decide one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { fragmentText, setFragmentText, textField } from '../shared/doc/index.ts';
import {
  acceptSuggestion,
  addSuggestion,
  anchorSuggestion,
  readSuggestions,
  rejectSuggestion,
  suggestionsMap,
} from '../shared/doc/suggestions.ts';
import type { CommentAuthor } from '../shared/doc/comments.ts';
import { changeRefusals } from '../shared/protocol/limits.ts';
import { createSessionReportDoc } from '../shared/reports/index.ts';
import { commentsRefusals } from './comments-check.ts';
import { TestSession, api, deniedReasons, eventually, type RelayProcess } from './testing.ts';

const session = new TestSession();
let relay: RelayProcess;
afterAll(() => session.cleanup());
beforeAll(async () => {
  relay = await session.process({ DATA_DIR: `${session.folder()}/data` });
});

const rita: CommentAuthor = { id: 'rita-device', name: 'Rita Reviewer', role: 'reviewer' };
const tom: CommentAuthor = { id: 'tom-device', name: 'Tom Tutor', role: 'tutor' };

/** A report with words in its progress comment, the tutor's content connection and a reviewer's token. */
async function report(name: string) {
  const claim = await api(relay, 'POST', '/api/reports', { body: { id: name } });
  const tutor = claim.body.token as string;
  const made = await api(relay, 'POST', `/api/reports/${name}/links`, { token: tutor, body: { role: 'reviewer' } });
  const reviewer = made.body.token as string;
  const content = await session.provider(relay, name, { token: tutor });
  createSessionReportDoc(
    content.doc,
    { date: '2030-01-01', start: '13:00', finish: '14:00', subject: 'Maths', learners: [{ id: 'l1', name: 'Ada' }] },
    'Tom',
  );
  setFragmentText(textField(content.doc, 'progressComment'), 'Sam worked in pairs.');
  return { tutor, reviewer, content };
}

/** The reviewer's suggestion of "threes" for "pairs", made through the relay; its id and the reviewer's comments doc. */
async function suggestThrees(id: string, reviewer: string, content: Y.Doc) {
  const anchored = anchorSuggestion(textField(content, 'progressComment'), 14, 19);
  if (!anchored.ok) throw new Error(anchored.problem);
  const received: Uint8Array[] = [];
  const side = await session.provider(relay, `${id}/comments`, { token: reviewer, received });
  const made = addSuggestion(side.doc, { field: 'progressComment', ...anchored.value, insert: 'threes', author: rita });
  if (!made.ok) throw new Error(made.problem);
  return { suggestionId: made.value, reviewerSide: side, received };
}

describe('suggested edits on the relay', () => {
  it('a reviewer suggests, but cannot decide, remove, or write the words into the content; the tutor accepts', async () => {
    const { tutor, reviewer, content } = await report('suggest-1');
    const { suggestionId, reviewerSide, received } = await suggestThrees('suggest-1', reviewer, content.doc);
    const tutorSide = await session.provider(relay, 'suggest-1/comments', { token: tutor });
    await eventually(() => expect(suggestionsMap(tutorSide.doc).has(suggestionId)).toBe(true));

    // The reviewer marks their own suggestion rejected: refused and told.
    rejectSuggestion(reviewerSide.doc, suggestionId, rita);
    await eventually(() => expect(deniedReasons(received)).toContain(commentsRefusals.notAWriter));

    // Another reviewer connection hard-deletes it: refused.
    const deleter: Uint8Array[] = [];
    const second = await session.provider(relay, 'suggest-1/comments', { token: reviewer, received: deleter });
    await eventually(() => expect(suggestionsMap(second.doc).has(suggestionId)).toBe(true));
    suggestionsMap(second.doc).delete(suggestionId);
    await eventually(() => expect(deniedReasons(deleter)).toContain(commentsRefusals.suggestionRemoved));

    // And writes the suggested words straight into the content: refused as any reviewer's content change is.
    const contentReceived: Uint8Array[] = [];
    const reviewerContent = await session.provider(relay, 'suggest-1', { token: reviewer, received: contentReceived });
    await eventually(() => expect(fragmentText(textField(reviewerContent.doc, 'progressComment'))).toContain('pairs'));
    setFragmentText(textField(reviewerContent.doc, 'progressComment'), 'Sam worked in threes.');
    await eventually(() => expect(deniedReasons(contentReceived)).toContain(changeRefusals.readOnly));

    // The tutor accepts it: the content changes as the tutor's edit, and everyone sees it accepted.
    const accepted = acceptSuggestion(content.doc, tutorSide.doc, suggestionId, tom);
    expect(accepted.ok).toBe(true);
    const newcomer = await session.provider(relay, 'suggest-1/comments', { token: tutor });
    const reader = await session.provider(relay, 'suggest-1', { token: tutor });
    await eventually(() => {
      expect(readSuggestions(newcomer.doc).map((s) => [s.id, s.state, s.decidedBy?.name])).toEqual([
        [suggestionId, 'accepted', 'Tom Tutor'],
      ]);
      expect(fragmentText(textField(reader.doc, 'progressComment'))).toBe('Sam worked in threes.');
    });
  });

  it('once the report is submitted, not even the tutor decides a suggestion', async () => {
    const { tutor, reviewer, content } = await report('suggest-2');
    const { suggestionId } = await suggestThrees('suggest-2', reviewer, content.doc);
    const submitted = await api(relay, 'POST', '/api/reports/suggest-2/transitions', {
      token: tutor,
      body: { action: 'submit', name: 'Tom Tutor' },
    });
    expect(submitted.status).toBe(200);
    const received: Uint8Array[] = [];
    const tutorSide = await session.provider(relay, 'suggest-2/comments', { token: tutor, received });
    await eventually(() => expect(suggestionsMap(tutorSide.doc).has(suggestionId)).toBe(true));
    rejectSuggestion(tutorSide.doc, suggestionId, tom);
    await eventually(() => expect(deniedReasons(received)).toContain(commentsRefusals.notAWriter));
  });
});

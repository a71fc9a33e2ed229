// The comments room's check of suggested edits: every change the app makes passes; each change a raw Yjs client
// makes to break the rules (a reviewer deciding, a suggestion forged, removed, rewritten by another) is refused with
// its reason, and the room still takes the next honest change.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { CommentAuthor } from '../shared/doc/comments.ts';
import {
  acceptSuggestion,
  addSuggestion,
  anchorSuggestion,
  rejectSuggestion,
  reviseSuggestion,
  suggestionsMap,
  withdrawSuggestion,
} from '../shared/doc/suggestions.ts';
import { fragmentText, setFragmentText } from '../shared/doc/text-fragment.ts';
import type { Role } from '../shared/protocol/roles.ts';
import { CommentsCheck, commentsRefusals, type Speaker } from './comments-check.ts';

const rita: CommentAuthor = { id: 'rita-device', name: 'Rita Reviewer', role: 'reviewer' };
const tom: CommentAuthor = { id: 'tom-device', name: 'Tom Tutor', role: 'tutor' };
const mia: CommentAuthor = { id: 'mia-device', name: 'Mia Mentor', role: 'mentor' };
// A change that passes: a suggestion adds no comment, so the check names none for the relay's notifications.
const passes = { ok: true, value: [] };

/** The relay's comments room (its document and check), a content document, and a device that makes changes. */
function room() {
  const content = new Y.Doc();
  const field = content.getXmlFragment('progressComment');
  setFragmentText(field, 'Sam worked in pairs on fractions.');
  const relayDoc = new Y.Doc();
  const check = new CommentsCheck(relayDoc);
  const device = new Y.Doc();
  const change = (make: (doc: Y.Doc) => unknown, sender?: Role | Speaker) => {
    const before = Y.encodeStateVector(device);
    make(device);
    const update = Y.encodeStateAsUpdate(device, before);
    const checked = check.check(update, typeof sender === 'string' ? { role: sender } : sender);
    if (checked.ok) Y.applyUpdate(relayDoc, update);
    else {
      // The device starts again from the room, as the app does after a refusal.
      device.destroy();
    }
    return checked;
  };
  /** Rita (a reviewer) suggests "threes" for "pairs"; the suggestion's id. */
  const suggest = (author: CommentAuthor = rita, sender: Role | Speaker = author.role) => {
    const anchored = anchorSuggestion(field, 14, 19);
    if (!anchored.ok) throw new Error(anchored.problem);
    let id = '';
    expect(
      change((doc) => {
        const made = addSuggestion(doc, { field: 'progressComment', ...anchored.value, insert: 'threes', author });
        if (made.ok) id = made.value;
      }, sender),
    ).toEqual(passes);
    return id;
  };
  return { content, field, relayDoc, device, change, suggest };
}

describe('the comments room’s check of suggestions', () => {
  it('passes what the app does: suggest, revise, withdraw, reject, accept (as a tutor or mentor)', () => {
    const { content, change, suggest, device } = room();
    const first = suggest();
    expect(change((doc) => reviseSuggestion(doc, first, { insert: 'groups of three' }, rita.id), 'reviewer')).toEqual(
      passes,
    );
    expect(change((doc) => withdrawSuggestion(doc, first, rita), 'reviewer')).toEqual(passes);
    const second = suggest(mia);
    expect(change((doc) => rejectSuggestion(doc, second, tom), 'tutor')).toEqual(passes);
    const third = suggest();
    expect(change((doc) => acceptSuggestion(content, doc, third, mia), 'mentor')).toEqual(passes);
    expect(suggestionsMap(device).size).toBe(3);
  });

  it('passes a suggested new paragraph and a suggested join of two paragraphs, and their acceptance', () => {
    const { content, field, change } = room();
    setFragmentText(field, 'Sam worked in pairs.\nHe finished early.');
    let split = '';
    let join = '';
    expect(
      change((doc) => {
        const at = anchorSuggestion(field, 20, 20);
        const made =
          at.ok && addSuggestion(doc, { field: 'progressComment', ...at.value, insert: '\nWell done.', author: rita });
        if (made && made.ok === true) split = made.value;
      }, 'reviewer'),
    ).toEqual(passes);
    expect(
      change((doc) => {
        const across = anchorSuggestion(field, 20, 21);
        const made =
          across.ok && addSuggestion(doc, { field: 'progressComment', ...across.value, insert: ' ', author: rita });
        if (made && made.ok === true) join = made.value;
      }, 'reviewer'),
    ).toEqual(passes);
    expect(change((doc) => reviseSuggestion(doc, split, { insert: '\nWell done!\n' }, rita.id), 'reviewer')).toEqual(
      passes,
    );
    expect(change((doc) => acceptSuggestion(content, doc, split, tom), 'tutor')).toEqual(passes);
    expect(fragmentText(field)).toBe('Sam worked in pairs.\nWell done!\n\nHe finished early.');
    expect(change((doc) => rejectSuggestion(doc, join, tom), 'tutor')).toEqual(passes);
  });

  it.each([
    {
      attack: 'a reviewer marking their own suggestion accepted',
      make: (doc: Y.Doc, id: string) => {
        const map = suggestionsMap(doc).get(id)!;
        doc.transact(() => {
          map.set('state', 'accepted');
          map.set('decidedBy', rita);
          map.set('decidedAt', new Date().toISOString());
        });
      },
      sender: 'reviewer' as const,
      reason: commentsRefusals.notAWriter,
    },
    {
      attack: 'a reviewer rejecting a suggestion',
      make: (doc: Y.Doc, id: string) => rejectSuggestion(doc, id, rita),
      sender: 'reviewer' as const,
      reason: commentsRefusals.notAWriter,
    },
    {
      attack: 'a teacher accepting a suggestion',
      make: (doc: Y.Doc, id: string) => {
        const map = suggestionsMap(doc).get(id)!;
        doc.transact(() => {
          map.set('state', 'accepted');
          map.set('decidedBy', { id: 't', name: 'Tess', role: 'teacher' });
          map.set('decidedAt', new Date().toISOString());
        });
      },
      sender: 'teacher' as const,
      reason: commentsRefusals.notAWriter,
    },
    {
      attack: 'a suggestion accepted in the tutor’s name with a reviewer’s link',
      make: (doc: Y.Doc, id: string) => rejectSuggestion(doc, id, tom),
      sender: 'reviewer' as const,
      reason: commentsRefusals.notYourRole,
    },
    {
      attack: 'a suggestion hard-deleted',
      make: (doc: Y.Doc, id: string) => suggestionsMap(doc).delete(id),
      sender: 'tutor' as const,
      reason: commentsRefusals.suggestionRemoved,
    },
    {
      attack: 'a suggestion replaced under its id',
      make: (doc: Y.Doc, id: string) => suggestionsMap(doc).set(id, new Y.Map()),
      sender: 'reviewer' as const,
      reason: commentsRefusals.suggestionRemoved,
    },
    {
      attack: 'a suggestion rewritten by a mentor',
      make: (doc: Y.Doc, id: string) => suggestionsMap(doc).get(id)!.set('insert', 'anything'),
      sender: 'mentor' as const,
      reason: commentsRefusals.notYourSuggestion,
    },
    {
      attack: 'a suggestion’s author changed',
      make: (doc: Y.Doc, id: string) =>
        suggestionsMap(doc)
          .get(id)!
          .set('author', { ...rita, name: 'Someone' }),
      sender: 'reviewer' as const,
      reason: commentsRefusals.suggestionDecided,
    },
    {
      attack: 'a suggestion with a carriage return in its words',
      make: (doc: Y.Doc, id: string) => suggestionsMap(doc).get(id)!.set('insert', 'two\r\nlines'),
      sender: 'reviewer' as const,
      reason: commentsRefusals.notASuggestion,
    },
    {
      attack: 'a suggestion with no anchor',
      make: (doc: Y.Doc, id: string) => suggestionsMap(doc).get(id)!.delete('anchor'),
      sender: 'reviewer' as const,
      reason: commentsRefusals.notASuggestion,
    },
    {
      attack: 'a plain value where a suggestion should be',
      make: (doc: Y.Doc) => (suggestionsMap(doc) as Y.Map<unknown>).set('forged', 'accept me'),
      sender: 'reviewer' as const,
      reason: commentsRefusals.notASuggestion,
    },
    {
      attack: 'a new suggestion made already accepted',
      make: (doc: Y.Doc, id: string) => {
        const copy = new Y.Map(Object.entries({ ...suggestionsMap(doc).get(id)!.toJSON(), id: 'forged-1' }));
        copy.set('state', 'accepted');
        suggestionsMap(doc).set('forged-1', copy);
      },
      sender: 'reviewer' as const,
      reason: commentsRefusals.suggestionNotOpen,
    },
    {
      attack: 'a suggestion in the tutor’s name sent with a reviewer’s link',
      make: (doc: Y.Doc, id: string) => {
        const copy = new Y.Map(
          Object.entries({ ...suggestionsMap(doc).get(id)!.toJSON(), id: 'forged-2', author: tom }),
        );
        suggestionsMap(doc).set('forged-2', copy);
      },
      sender: 'reviewer' as const,
      reason: commentsRefusals.notYourRole,
    },
  ])('refuses $attack, and takes the next honest change', ({ make, sender, reason }) => {
    const { change, suggest, relayDoc } = room();
    const id = suggest();
    expect(change((doc) => make(doc, id), sender)).toEqual({ ok: false, problem: reason });
    const honest = new Y.Doc();
    Y.applyUpdate(honest, Y.encodeStateAsUpdate(relayDoc));
    const check = new CommentsCheck(relayDoc);
    const before = Y.encodeStateVector(honest);
    rejectSuggestion(honest, id, tom);
    expect(check.check(Y.encodeStateAsUpdate(honest, before), { role: 'tutor' })).toEqual(passes);
  });

  it('refuses changing a decided suggestion, even by the writer who decided it', () => {
    const { change, suggest } = room();
    const id = suggest();
    expect(change((doc) => rejectSuggestion(doc, id, tom), 'tutor')).toEqual(passes);
    const reopen = change((doc) => {
      const map = suggestionsMap(doc).get(id)!;
      doc.transact(() => map.set('state', 'open'));
    }, 'tutor');
    expect(reopen).toEqual({ ok: false, problem: commentsRefusals.suggestionDecided });
  });

  it('refuses accepting or rejecting while the report is locked (submitted), even by the tutor', () => {
    const { change, suggest } = room();
    const id = suggest();
    expect(change((doc) => rejectSuggestion(doc, id, tom), { role: 'tutor', contentLocked: true })).toEqual({
      ok: false,
      problem: commentsRefusals.notAWriter,
    });
  });

  it('a signed-in member suggests and decides in their account’s name alone', () => {
    const rosa = { id: 'member-rosa', name: 'Rosa Reviewer' };
    const { change, suggest } = room();
    const asRosa: CommentAuthor = { id: 'rosa-device', name: rosa.name, role: 'reviewer', memberId: rosa.id };
    const id = suggest(asRosa, { role: 'reviewer', account: rosa });
    expect(
      change((doc) => reviseSuggestion(doc, id, { insert: 'trios' }, 'rosa-device'), {
        role: 'reviewer',
        account: { id: 'member-ray', name: 'Ray Reviewer' },
      }),
    ).toEqual({ ok: false, problem: commentsRefusals.notYourSuggestion });
  });
});

// Suggested edits: words a reviewer, mentor or teacher proposes to insert, delete or replace in a free-text field.
// They live in the comments document (`suggestions`, docs/doc-format.md), which those people may write, never in
// the content; each is anchored to its words as a comment thread is (./comment-anchors.ts). The report's writers
// accept one (its change is made in the content, as their own edit) or reject it; its author may revise it while it
// is open, or withdraw it. Nothing is ever removed: a decided suggestion keeps its place and says who decided.
import * as Y from 'yjs';
import { z } from 'zod';
import { fail, ok, type Result } from '../result.ts';
import { Anchor, anchorFor, placeAnchor, placeEnds, pointAnchor } from './comment-anchors.ts';
import { CommentAuthor, isWriterOf, type CommentWriter } from './comments.ts';
import { fragmentText, replaceInField } from './text-fragment.ts';
import { freeTextLimit } from '../forms/free-text-limit.ts';

/** The most characters one suggestion may insert: a whole field's worth. */
export const suggestionTextLimit = freeTextLimit;

export const suggestionStates = ['open', 'accepted', 'rejected', 'withdrawn'] as const;
export const SuggestionState = z.enum(suggestionStates);
export type SuggestionState = z.infer<typeof SuggestionState>;

export const Suggestion = z
  .object({
    id: z.string().min(1).max(64),
    /** The free-text field's key (its Y.XmlFragment's name in the content document). */
    field: z.string().min(1).max(200),
    /** The words to delete (start and end as a thread's), or, for words only inserted, one point twice. */
    anchor: Anchor,
    /** The words to delete as they were when suggested; empty when the suggestion only inserts. */
    quote: z.string().max(suggestionTextLimit),
    /** The words to put in their place (or at the point): plain text, a "\n" starting a new paragraph. */
    insert: z
      .string()
      .max(suggestionTextLimit)
      .regex(/^[^\r]*$/),
    author: CommentAuthor,
    createdAt: z.string(),
    editedAt: z.string().optional(),
    state: SuggestionState,
    /** Who accepted, rejected or withdrew it, and when. */
    decidedBy: CommentAuthor.optional(),
    decidedAt: z.string().optional(),
  })
  .refine((suggestion) => suggestion.quote.length > 0 || suggestion.insert.length > 0);
export type Suggestion = z.infer<typeof Suggestion>;

export const suggestionsMap = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('suggestions');

const newId = () => {
  const bytes = crypto.getRandomValues(new Uint8Array(9));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_');
};

/** Where a suggestion's words are now: offsets of the field's text (`from === to` for words only inserted). */
export type SuggestionPlacement =
  | { kind: 'placed'; from: number; to: number }
  /** The words it would delete were deleted (or the place it inserts at is gone): it can only be rejected. */
  | { kind: 'removed' }
  | { kind: 'pending' };

export function placeSuggestion(fragment: Y.XmlFragment, suggestion: Pick<Suggestion, 'anchor' | 'quote'>) {
  if (suggestion.quote.length > 0) return placeAnchor(fragment, suggestion.anchor) as SuggestionPlacement;
  const ends = placeEnds(fragment, suggestion.anchor);
  if (ends.kind === 'pending') return ends;
  return ends.from === null
    ? ({ kind: 'removed' } as const)
    : ({ kind: 'placed', from: ends.from, to: ends.from } as const);
}

const checkInsert = (insert: string): Result<string> => {
  const words = insert.replace(/\r\n?/g, '\n');
  if (words.length > suggestionTextLimit)
    return fail(`A suggestion can add at most ${suggestionTextLimit.toLocaleString('en-GB')} characters.`);
  return ok(words);
};

/** Anchors the words from `from` to `to` of a field (a point when they are equal), with the words deleted. */
export function anchorSuggestion(
  fragment: Y.XmlFragment,
  from: number,
  to: number,
): Result<{ anchor: Anchor; quote: string }> {
  if (from < to) {
    const quote = fragmentText(fragment).slice(from, to);
    // Words are anchored as a thread's, which leaves out line breaks at either end; a suggestion starting or ending
    // with one (Backspace at a paragraph's start joins it to the one before) is anchored from the point before it to
    // the point after it, so the break is among what it deletes.
    if (!/^\n|\n$/.test(quote)) return anchorFor(fragment, from, to);
    const start = pointAnchor(fragment, from);
    const end = pointAnchor(fragment, to);
    if (!start.ok) return start;
    if (!end.ok) return end;
    return ok({ anchor: { start: start.value.start, end: end.value.end }, quote });
  }
  const point = pointAnchor(fragment, from);
  return point.ok ? ok({ anchor: point.value, quote: '' }) : point;
}

export interface NewSuggestion {
  field: string;
  anchor: Anchor;
  quote: string;
  insert: string;
  author: CommentAuthor;
  now?: Date;
}

/** Records a suggestion; its value is the new suggestion's id. */
export function addSuggestion(doc: Y.Doc, suggestion: NewSuggestion): Result<string> {
  const insert = checkInsert(suggestion.insert);
  if (!insert.ok) return insert;
  if (!insert.value && !suggestion.quote) return fail('Type or delete some words to suggest a change.');
  const id = newId();
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    map.set('id', id);
    map.set('field', suggestion.field);
    map.set('anchor', suggestion.anchor);
    map.set('quote', suggestion.quote);
    map.set('insert', insert.value);
    map.set('author', { ...suggestion.author });
    map.set('createdAt', (suggestion.now ?? new Date()).toISOString());
    map.set('state', 'open');
    suggestionsMap(doc).set(id, map);
  });
  return ok(id);
}

const missing = fail('This suggestion is no longer in the report’s comments.');

function openSuggestion(doc: Y.Doc, id: string): Result<Y.Map<unknown>> {
  const map = suggestionsMap(doc).get(id);
  if (!(map instanceof Y.Map)) return missing;
  if (map.get('state') !== 'open') return fail('This suggestion was already accepted, rejected or withdrawn.');
  return ok(map);
}

/** Changes one's own open suggestion: the words it inserts, and (when given) the words it deletes. */
export function reviseSuggestion(
  doc: Y.Doc,
  id: string,
  change: { insert: string; anchor?: Anchor; quote?: string },
  writer: CommentWriter,
  now = new Date(),
): Result {
  const open = openSuggestion(doc, id);
  if (!open.ok) return open;
  if (!isWriterOf(open.value.get('author') as CommentAuthor, writer))
    return fail('You can change only your own suggestions.');
  const insert = checkInsert(change.insert);
  if (!insert.ok) return insert;
  doc.transact(() => {
    open.value.set('insert', insert.value);
    if (change.anchor && change.quote !== undefined) {
      open.value.set('anchor', change.anchor);
      open.value.set('quote', change.quote);
    }
    open.value.set('editedAt', now.toISOString());
  });
  return ok();
}

function decide(doc: Y.Doc, id: string, state: SuggestionState, by: CommentAuthor, now: Date): Result {
  const open = openSuggestion(doc, id);
  if (!open.ok) return open;
  doc.transact(() => {
    open.value.set('state', state);
    open.value.set('decidedBy', { ...by });
    open.value.set('decidedAt', now.toISOString());
  });
  return ok();
}

/** Its author takes back an open suggestion (it keeps its place, withdrawn). */
export function withdrawSuggestion(doc: Y.Doc, id: string, by: CommentAuthor, now = new Date()): Result {
  const open = openSuggestion(doc, id);
  if (!open.ok) return open;
  if (!isWriterOf(open.value.get('author') as CommentAuthor, by))
    return fail('You can withdraw only your own suggestions.');
  return decide(doc, id, 'withdrawn', by, now);
}

/** Rejects an open suggestion: the content stays as it is. */
export const rejectSuggestion = (doc: Y.Doc, id: string, by: CommentAuthor, now = new Date()) =>
  decide(doc, id, 'rejected', by, now);

/**
 * Accepts an open suggestion: makes its change in the content document (as the accepting person's own edit) and
 * marks it accepted. Refused, changing nothing, when its words are gone or the field would pass its limit.
 */
export function acceptSuggestion(
  content: Y.Doc,
  comments: Y.Doc,
  id: string,
  by: CommentAuthor,
  options: { now?: Date; limit?: number } = {},
): Result {
  const open = openSuggestion(comments, id);
  if (!open.ok) return open;
  const suggestion = Suggestion.safeParse(open.value.toJSON());
  if (!suggestion.success) return fail('This suggestion cannot be read, so it cannot be accepted; reject it instead.');
  const { field, insert } = suggestion.data;
  if (!content.share.has(field)) return fail('The field this suggestion is about is not in the report.');
  const fragment = content.getXmlFragment(field);
  const placement = placeSuggestion(fragment, suggestion.data);
  if (placement.kind === 'pending')
    return fail('The words this suggestion is about have not arrived yet; try again once the report is up to date.');
  if (placement.kind === 'removed')
    return fail('The words this suggestion is about were changed since; reject it instead.');
  const limit = options.limit ?? freeTextLimit;
  const length = fragmentText(fragment).length - (placement.to - placement.from) + insert.length;
  if (length > limit)
    return fail(
      `Accepting this suggestion would make the field ${length.toLocaleString('en-GB')} characters long; the limit is ${limit.toLocaleString('en-GB')}.`,
    );
  replaceInField(fragment, placement.from, placement.to, insert);
  return decide(comments, id, 'accepted', by, options.now ?? new Date());
}

/** Every suggestion that reads as one, oldest first. A malformed entry (from another program) is left alone, unread. */
export function readSuggestions(doc: Y.Doc): Suggestion[] {
  const suggestions: Suggestion[] = [];
  suggestionsMap(doc).forEach((map) => {
    if (!(map instanceof Y.Map)) return;
    const parsed = Suggestion.safeParse(map.toJSON());
    if (parsed.success) suggestions.push(parsed.data);
  });
  return suggestions.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

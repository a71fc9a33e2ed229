// Where a comment thread's words are: two Yjs relative positions into the field's paragraph texts in the
// content document (docs/doc-format.md, "Anchors"), so a thread follows its words while anyone edits around
// or inside them, and is marked as about removed text (never dropped) when they are deleted. Offsets are
// those of the field's text as shared/doc/text-fragment.ts lays it out.
import * as Y from 'yjs';
import { z } from 'zod';
import { fail, ok, type Result } from '../result.ts';
import {
  fragmentLayout,
  paragraphTexts,
  plainText,
  type FieldLayout,
  type FragmentParagraph,
} from './text-fragment.ts';

/** A Yjs relative position as `Y.relativePositionToJSON` writes it. */
const RelativePositionJson = z.object({
  type: z.object({ client: z.number(), clock: z.number() }).nullish(),
  tname: z.string().nullish(),
  item: z.object({ client: z.number(), clock: z.number() }).nullish(),
  assoc: z.number().optional(),
});

export const Anchor = z.object({ start: RelativePositionJson, end: RelativePositionJson });
export type Anchor = z.infer<typeof Anchor>;

/** Where a thread's words are now, as offsets into the field's text (paragraphs joined with "\n"). */
export type Placement =
  | { kind: 'placed'; from: number; to: number }
  /** Every anchored character was deleted: the thread is about text that is no longer there. */
  | { kind: 'removed' }
  /** The anchored text has not reached this device's copy of the report yet. */
  | { kind: 'pending' };

/** The anchor for chosen words and the words themselves, or why there are none. */
export type Anchored = Result<{ anchor: Anchor; quote: string }>;

/** The Y.XmlText holding a paragraph's character `index`, and the character's index in it. */
function characterIn(paragraph: FragmentParagraph, index: number): { text: Y.XmlText; index: number } | undefined {
  let passed = 0;
  for (const text of paragraphTexts(paragraph)) {
    const length = plainText(text).length;
    if (index < passed + length) return { text, index: index - passed };
    passed += length;
  }
  return undefined;
}

const noWords = fail('Select the words the comment is about first.');

/**
 * The anchor for the words from `from` to `to` of a field: a position before the first selected character
 * that sticks to it, and one after the last that sticks to that (ignoring line breaks at either end). Text
 * typed just before or just after the selection stays outside it; text typed inside is inside.
 */
export function anchorFor(fragment: Y.XmlFragment, from: number, to: number): Anchored {
  const layout = fragmentLayout(fragment);
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to > layout.text.length || from >= to) {
    return noWords;
  }
  const at = (offset: number) => {
    const found = layout.locate(offset);
    return found && characterIn(found.span.paragraph, found.index);
  };
  // Line breaks at either end of the selection are not words.
  let first = from;
  while (first < to && !at(first)) first++;
  let last = to - 1;
  while (last > first && !at(last)) last--;
  const start = at(first);
  const end = at(last);
  if (!start || !end) return noWords;
  const anchor = {
    start: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(start.text, start.index, 0)),
    end: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(end.text, end.index + 1, -1)),
  };
  return ok({ anchor, quote: layout.text.slice(first, last + 1) });
}

const noPlace = fail('There is no such place in this field to suggest words at.');

/**
 * A point between two characters of a field, for words suggested there: it sticks to the character before it (or,
 * at a paragraph's start, to the one after), so it moves with its words as comments' anchors do. Both ends of the
 * anchor are that one position. In a paragraph with no characters it is the paragraph's start, and in a field with no
 * paragraphs the field's.
 */
export function pointAnchor(fragment: Y.XmlFragment, offset: number): Result<Anchor> {
  const layout = fragmentLayout(fragment);
  if (!Number.isInteger(offset) || offset < 0 || offset > layout.text.length) return noPlace;
  const found = layout.locate(offset);
  const paragraph = found?.span.paragraph;
  const before = found && found.index > 0 ? characterIn(found.span.paragraph, found.index - 1) : undefined;
  const after = found && !before ? characterIn(found.span.paragraph, found.index) : undefined;
  const position = before
    ? Y.createRelativePositionFromTypeIndex(before.text, before.index + 1, -1)
    : after
      ? Y.createRelativePositionFromTypeIndex(after.text, after.index, 0)
      : paragraph instanceof Y.XmlElement
        ? Y.createRelativePositionFromTypeIndex(paragraph, 0, -1)
        : !found
          ? Y.createRelativePositionFromTypeIndex(fragment, 0, -1)
          : undefined;
  if (!position) return noPlace;
  const json = Y.relativePositionToJSON(position);
  return ok({ start: json, end: json });
}

/** Whether a Yjs type is still in the document: neither it nor any type around it was deleted. */
// biome-ignore lint/suspicious/noExplicitAny: any kind of shared type
function isLive(type: Y.AbstractType<any>): boolean {
  for (let item = type._item; item; item = item.parent instanceof Y.AbstractType ? item.parent._item : null) {
    if (item.deleted) return false;
  }
  return true;
}

/**
 * Where each end of an anchor is now, as offsets of the field's text (null: that end's paragraph is gone), with the
 * layout they count in; or pending, when the anchored text has not reached this copy of the report.
 */
export function placeEnds(
  fragment: Y.XmlFragment,
  anchor: Anchor,
):
  | { kind: 'pending' }
  | { kind: 'ends'; from: number | null; to: number | null; layout: FieldLayout<FragmentParagraph> } {
  const doc = fragment.doc;
  if (!doc) return { kind: 'pending' };
  // An id this copy has not received yet is pending; one it has received but cannot place was deleted
  // (and its content collected), like a paragraph that was removed.
  const received = (json: Anchor['start']) => {
    const id = json.item ?? json.type;
    return !id || Y.getState(doc.store, id.client) > id.clock;
  };
  if (!received(anchor.start) || !received(anchor.end)) return { kind: 'pending' };
  const layout = fragmentLayout(fragment);
  /** The offset a position of the anchor is at now; null when its paragraph is gone. */
  const offsetOf = (json: Anchor['start']): number | null => {
    let position: Y.AbsolutePosition | null;
    try {
      position = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(json), doc);
    } catch {
      return null;
    }
    const type = position?.type;
    if (!position || !type || !isLive(type)) return null;
    // A point in an empty paragraph, or in a field with no paragraphs (words suggested where there were none).
    if (type === fragment) return position.index === 0 ? 0 : layout.text.length;
    if (!(type instanceof Y.XmlText)) return layout.spans.find((span) => span.paragraph === type)?.start ?? null;
    for (const span of layout.spans) {
      let passed = 0;
      for (const text of paragraphTexts(span.paragraph)) {
        const length = plainText(text).length;
        if (text === type) return span.start + passed + Math.min(position.index, length);
        passed += length;
      }
    }
    return null;
  };
  return { kind: 'ends', from: offsetOf(anchor.start), to: offsetOf(anchor.end), layout };
}

/** Where a thread's words are in the field now (see `Placement`). */
export function placeAnchor(fragment: Y.XmlFragment, anchor: Anchor): Placement {
  const ends = placeEnds(fragment, anchor);
  if (ends.kind === 'pending') return ends;
  const { from, to, layout } = ends;
  if (from === null && to === null) return { kind: 'removed' };
  // A whole paragraph at one end was deleted: the words left are those of the other end's paragraph.
  const around = (offset: number) => layout.locate(offset)!.span;
  const placedFrom = from ?? around(to!).start;
  const placedTo = to ?? around(from!).start + around(from!).length;
  return placedTo > placedFrom ? { kind: 'placed', from: placedFrom, to: placedTo } : { kind: 'removed' };
}

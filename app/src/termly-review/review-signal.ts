// The review's values as a Solid signal, read again after every change to its document.
import { createSignal, onCleanup, type Accessor } from 'solid-js';
import type * as Y from 'yjs';
import { readTermlyReview, type TermlyReviewDraft } from '../../../shared/reports/termly-review/doc.ts';

export function createReview(doc: Y.Doc): Accessor<TermlyReviewDraft> {
  const [review, setReview] = createSignal(readTermlyReview(doc), { equals: false });
  const refresh = () => setReview(readTermlyReview(doc));
  doc.on('afterTransaction', refresh);
  onCleanup(() => doc.off('afterTransaction', refresh));
  return review;
}

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ProgressReviewChecklist, allReviewPoints } from './form.ts';
import { textField } from '../../doc/layout.ts';
import {
  actionKey,
  addCustomPoint,
  createProgressReviewDoc,
  customPoints,
  evidenceKey,
  ratings,
  readProgressReview,
  toProgressReviewInput,
} from './doc.ts';
import { setFragmentText } from '../../doc/text-fragment.ts';

describe('progress-review checklist doc layout', () => {
  it('reads every rating, evidence and own point back, as a valid checklist', () => {
    const doc = new Y.Doc();
    createProgressReviewDoc(doc, { title: 'Level 2 maths', date: '2026-11-23' }, 'Rev');
    doc.transact(() => {
      for (const point of allReviewPoints) {
        ratings(doc).set(point.id, 'Strong');
        setFragmentText(textField(doc, evidenceKey(point.id)), `Evidence for ${point.id}.`);
      }
      addCustomPoint(doc, 'employers', 'own1');
      customPoints(doc).set('own1', { stage: 'employers', statement: 'Mentors visit every term.', order: 0 });
      ratings(doc).set('own1', 'Superficial');
      setFragmentText(textField(doc, evidenceKey('own1')), 'Two visits logged.');
      setFragmentText(textField(doc, actionKey('own1')), 'Log every visit.');
    });
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    const draft = readProgressReview(copy);
    expect(draft.customPoints).toEqual([
      { id: 'own1', stage: 'employers', statement: 'Mentors visit every term.', order: 0 },
    ]);
    expect(ProgressReviewChecklist.safeParse(toProgressReviewInput(draft)).error?.issues).toBeUndefined();
  });

  it('orders a stage’s own points as they were added, and ignores one with an unknown stage', () => {
    const doc = new Y.Doc();
    addCustomPoint(doc, 'learners', 'b');
    addCustomPoint(doc, 'learners', 'a');
    customPoints(doc).set('odd', { stage: 'nowhere' as never, statement: 'x', order: 0 });
    expect(readProgressReview(doc).customPoints.map((point) => [point.id, point.order])).toEqual([
      ['b', 0],
      ['a', 1],
    ]);
  });
});

describe('progress-review checklist index entry', () => {
  it('counts the rated points and lists those with weak evidence (none or superficial), own points too', async () => {
    const { progressReview } = await import('./index.ts');
    const doc = new Y.Doc();
    createProgressReviewDoc(doc, { title: 'Level 2 maths', date: '2026-11-23' }, 'Rev');
    doc.transact(() => {
      ratings(doc).set('learners-1', 'Strong');
      ratings(doc).set('learners-2', 'Superficial');
      ratings(doc).set('teachers-6', 'None');
      ratings(doc).set('teachers-7', 'Not a strength');
      customPoints(doc).set('own1', { stage: 'employers', statement: 'Mentors visit every term.', order: 0 });
      ratings(doc).set('own1', 'Superficial');
    });
    expect(progressReview.index(doc).checklist).toEqual({
      title: 'Level 2 maths',
      rated: 4,
      weak: [
        { statement: 'Monitors own learning and progress.', strength: 'Superficial' },
        { statement: 'Sets homework with detailed feedback.', strength: 'None' },
        { statement: 'Mentors visit every term.', strength: 'Superficial' },
      ],
    });
  });
});

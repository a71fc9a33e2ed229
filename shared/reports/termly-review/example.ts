// A filled-in termly progress review, for tests of the form, the signatures and the relay's decisions.
import type * as Y from 'yjs';
import { attachFile } from './attachments.ts';
import { fields, textField } from '../../doc/layout.ts';
import { createTermlyReviewDoc, standardsOfConcern, supportPlanSlot } from './doc.ts';
import { setFragmentText } from '../../doc/text-fragment.ts';

export const examplePlan = {
  name: 'support-plan.pdf',
  type: 'application/pdf',
  bytes: new TextEncoder().encode('%PDF-1.4 support plan for Sam'),
};

type FillOptions = { onTrack: boolean; attachPlan?: boolean };

/** Lays out a complete review: on track, or not on track with TS2 and TS5 of concern (and, unless told not to, the plan attached). */
export async function fillTermlyReview(doc: Y.Doc, options: FillOptions = { onTrack: true }): Promise<void> {
  createTermlyReviewDoc(
    doc,
    { teacherName: 'Sam Patel', term: 'autumn', academicYear: 2025 },
    'Tara Tutor',
    new Date('2025-12-01T09:00:00Z'),
  );
  await completeTermlyReview(doc, options);
}

/** Fills in every step of a review already started (its teacher, term and year chosen), as `fillTermlyReview` does. */
export async function completeTermlyReview(doc: Y.Doc, options: FillOptions = { onTrack: true }): Promise<void> {
  doc.transact(() => {
    const f = fields(doc);
    f.set('contractType', 'Permanent');
    f.set('daysPerWeek', 5);
    f.set('periodStart', '2025-09-01');
    f.set('periodEnd', '2025-12-19');
    f.set('staying', 'Yes');
    f.set('daysServed', 71);
    f.set('hadAbsences', 'Yes');
    f.set('daysAbsent', 2);
    f.set('receivedSupport', 'Yes');
    f.set('recommendation', options.onTrack ? 'on-track' : 'not-on-track');
    setFragmentText(
      textField(doc, 'recommendationReasons'),
      options.onTrack ? 'Sam sets high expectations (TS1).' : 'TS2: pupils are not yet making progress.',
    );
    f.set('nextDaysPerWeek', 5);
    f.set('nextContractType', 'Permanent');
    if (!options.onTrack) {
      standardsOfConcern(doc).set('TS2', true);
      standardsOfConcern(doc).set('TS5', true);
      f.set('teacherInformed', 'Yes');
    }
  });
  if (!options.onTrack && options.attachPlan !== false)
    await attachFile(doc, supportPlanSlot, examplePlan, 'Tara Tutor', new Date('2025-12-01T09:05:00Z'));
}

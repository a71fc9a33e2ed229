// What stands in the way of "submitting" the coaching and quality documents, for shared/workflow/submission.ts.
// A coaching cycle is submitted by Finish (that is what shows it to the teacher), so it must be finished;
// a record is never submitted; an observation is submitted when its feedback is sent to the tutor.
import type * as Y from 'yjs';
import { reportKindOf } from '../reports/registry.ts';
import { readCycleState } from '../reports/coaching-cycle/doc.ts';
import { readObservation } from '../reports/qa-observation/doc.ts';
import { observationProblems } from '../reports/qa-observation/observation.ts';

export function coachingAndQualityProblems(doc: Y.Doc): { fieldId: string; message: string }[] {
  switch (reportKindOf(doc)) {
    case 'coaching-cycle':
      return readCycleState(doc).stage === 'finished'
        ? []
        : [{ fieldId: 'finish', message: 'Give feedback and finish the cycle first.' }];
    case 'qa-observation':
      return observationProblems(readObservation(doc));
    default:
      return [{ fieldId: 'main', message: 'A coaching record is kept, not submitted.' }];
  }
}

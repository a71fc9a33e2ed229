// The index row fields of the coaching and quality documents: who they are about (the teacher, or the tutor
// observed, in the row's learner columns) and their date, so the Coaching and Quality pages list them.
import type * as Y from 'yjs';
import { reportKindOf } from '../../../shared/reports/registry.ts';
import { readCycle } from '../../../shared/reports/coaching-cycle/doc.ts';
import { readRecord } from '../../../shared/reports/coaching-record/doc.ts';
import { readObservation } from '../../../shared/reports/qa-observation/doc.ts';

export function coachingAndQualityRow(doc: Y.Doc): {
  learnerIds: string[];
  learnerNames: string[];
  sessionDate: string;
} {
  switch (reportKindOf(doc)) {
    case 'coaching-record': {
      const record = readRecord(doc);
      return {
        learnerIds: record.teacher ? [record.teacher.id] : [],
        learnerNames: record.teacher ? [record.teacher.name] : [],
        sessionDate: record.createdAt?.slice(0, 10) ?? '',
      };
    }
    case 'coaching-cycle': {
      const cycle = readCycle(doc);
      return {
        learnerIds: cycle.teacher ? [cycle.teacher.id] : [],
        learnerNames: cycle.teacher ? [cycle.teacher.name] : [],
        sessionDate: cycle.week,
      };
    }
    default: {
      const observation = readObservation(doc);
      return {
        learnerIds: [],
        learnerNames: observation.tutorName ? [observation.tutorName] : [],
        sessionDate: observation.date ?? '',
      };
    }
  }
}

// How an Individual Learning Plan is laid out inside a Y.Doc (documented in docs/doc-format.md).
import type * as Y from 'yjs';
import type { AssignmentSummary } from '../../forms/assignment.ts';
import type { Learner } from '../../forms/fields.ts';
import { type DraftOf, schemaInput } from '../draft.ts';
import { ilpTextFields, type Ilp, type IlpTextKey } from './form.ts';
import { fields, meta, num, readLearner, readMeta, readTexts, str, writeMeta } from '../../doc/layout.ts';

export const ilpFormat = 'margin.ilp';

export interface IlpStart {
  learner: Learner;
  subject: string;
  assignmentBrief: string;
  assignment?: AssignmentSummary;
  date?: string;
}

/** The plan as its document holds it while it is written (see DraftOf); its subject and brief come filled in. */
export type IlpDraft = DraftOf<typeof Ilp, IlpTextKey> & { subject: string; assignmentBrief: string };

export const isIlpDoc = (doc: Y.Doc) => meta(doc).get('format') === ilpFormat;

export function createIlpDoc(doc: Y.Doc, start: IlpStart, createdBy: string, now = new Date()): void {
  doc.transact(() => {
    writeMeta(doc, ilpFormat, createdBy, now, start.assignment);
    const f = fields(doc);
    f.set('learner', { ...start.learner });
    f.set('subject', start.subject);
    f.set('assignmentBrief', start.assignmentBrief);
    if (start.date) f.set('date', start.date);
  });
}

export function readIlp(doc: Y.Doc): IlpDraft {
  const f = fields(doc);
  return {
    ...readMeta(doc),
    learner: readLearner(f.get('learner')),
    subject: str(f.get('subject')) ?? '',
    assignmentBrief: str(f.get('assignmentBrief')) ?? '',
    date: str(f.get('date')),
    keyStage: str(f.get('keyStage')),
    assessmentScore: num(f.get('assessmentScore')),
    target: num(f.get('target')),
    text: readTexts(
      doc,
      ilpTextFields.map((field) => field.key),
    ),
  };
}

/** The draft in the shape the Ilp schema checks. */
export const toIlpInput = (draft: IlpDraft) => schemaInput(draft, ilpTextFields);

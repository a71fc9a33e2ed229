// How a quality-assurance observation is laid out inside a Y.Doc (format `margin.qa-observation`,
// docs/doc-format.md): the tutor (their name, and their member id when chosen from the organisation's tutors), date
// and place in the series in `fields`, ticked checklist items in `checklist`, one judgement per competency in
// `judgements`, and the written feedback as a free-text fragment. The tutor's reply lives in the `<id>/comments` document, which they may write after it is sent.
import type * as Y from 'yjs';
import { fields, readFieldValues, readMeta, str, writeMeta, type ReportMeta } from '../../doc/layout.ts';
import { fragmentText } from '../../doc/text-fragment.ts';
import { checklistItemIds, competencyIds, Judgement } from '../../quality/competencies.ts';
import { type ObservationDraft, ObservationFields } from './observation.ts';

export const qaObservationFormat = 'margin.qa-observation';
export const feedbackKey = 'feedback';
/** The fragment in the `<id>/comments` document that holds the tutor's reply. */
export const tutorReplyKey = 'tutorReply';

export const checklist = (doc: Y.Doc) => doc.getMap<boolean>('checklist');
export const judgements = (doc: Y.Doc) => doc.getMap<string>('judgements');

export interface ObservationStart {
  tutorName: string;
  /** The tutor's member id, when chosen from the organisation's tutors. */
  tutorId?: string;
  date: string;
  number?: number;
  firstObservationId?: string;
  previousObservationId?: string;
}

export function createObservationDoc(doc: Y.Doc, start: ObservationStart, createdBy: string, now = new Date()): void {
  doc.transact(() => {
    writeMeta(doc, qaObservationFormat, createdBy, now);
    const f = fields(doc);
    f.set('tutorName', start.tutorName);
    if (start.tutorId) f.set('tutorId', start.tutorId);
    f.set('date', start.date);
    f.set('number', start.number ?? 1);
    if (start.firstObservationId) f.set('firstObservationId', start.firstObservationId);
    if (start.previousObservationId) f.set('previousObservationId', start.previousObservationId);
  });
}

export function readObservation(doc: Y.Doc): ObservationDraft & ReportMeta {
  const f = fields(doc);
  const ticks = checklist(doc);
  const marks = judgements(doc);
  return {
    ...readMeta(doc),
    ...readFieldValues(f, ObservationFields),
    tutorName: str(f.get('tutorName')) ?? '',
    number: ObservationFields.number.safeParse(f.get('number')).data ?? 1,
    checked: Object.fromEntries(checklistItemIds.filter((id) => ticks.get(id) === true).map((id) => [id, true])),
    judgementFor: Object.fromEntries(
      competencyIds.flatMap((id) => {
        const judgement = Judgement.safeParse(marks.get(id)).data;
        return judgement ? [[id, judgement]] : [];
      }),
    ),
    feedback: fragmentText(doc.getXmlFragment(feedbackKey)),
  };
}

/** The tutor observed, typed by name: the member id of one chosen from the list no longer holds, so it goes. */
export function nameObservedTutor(doc: Y.Doc, tutorName: string): void {
  doc.transact(() => {
    const f = fields(doc);
    f.set('tutorName', tutorName);
    f.delete('tutorId');
  });
}

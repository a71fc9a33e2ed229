// How a session report is laid out inside a Y.Doc (documented in docs/doc-format.md).
// Scalar fields live in the "fields" map, attendance per learner in the "attendance" map,
// and every free-text field is its own Y.XmlFragment named after the field.
import type * as Y from 'yjs';
import type { z } from 'zod';
import type { Learner } from '../../forms/fields.ts';
import type { AsDrafted, DraftOf } from '../draft.ts';
import {
  type Attendance,
  type LearningObjective,
  maxLearningObjectives,
  type SessionContent,
  type SessionReport,
  sessionReportTextFields,
} from './form.ts';
import { fields, meta, readMeta, readTexts, str, writeMeta } from '../../doc/layout.ts';

export const sessionReportFormat = 'margin.session-report';

type Drafted = DraftOf<typeof SessionReport, 'attendance' | 'content'>;
type Content = z.input<typeof SessionContent>;

/** What a new session report starts with: its session details (SessionReport's), filled in when it is made. */
export type SessionDetails = Required<Pick<Drafted, 'date' | 'start' | 'finish' | 'subject' | 'learners'>> &
  Pick<Drafted, 'sessionType' | 'delivery' | 'assignment'>;

/**
 * Everything a session report holds, as plain values: what the form shows, complete or not (see DraftOf). The
 * content's lists are laid out as the form keeps them: how many objectives are shown, each one's attainment by
 * position (its text is among the texts), and the two engagement levels.
 */
export type SessionReportDraft = Drafted &
  SessionDetails & {
    attendance: Record<string, Partial<Attendance>>;
    objectiveCount: number;
    attainments: (AsDrafted<z.input<typeof LearningObjective>['attainment']> | undefined)[];
    engagementWithObjectives?: AsDrafted<Content['engagement']['withObjectives']>;
    attitudeToSession?: AsDrafted<Content['engagement']['attitude']>;
  };

export const attendance = (doc: Y.Doc) => doc.getMap<Partial<Attendance>>('attendance');

export function isSessionReportDoc(doc: Y.Doc): boolean {
  return meta(doc).get('format') === sessionReportFormat;
}

/** Lay out a new session report in an empty doc, in one transaction. */
export function createSessionReportDoc(doc: Y.Doc, details: SessionDetails, createdBy: string, now = new Date()): void {
  doc.transact(() => {
    writeMeta(doc, sessionReportFormat, createdBy, now, details.assignment);
    const f = fields(doc);
    f.set('date', details.date);
    f.set('start', details.start);
    f.set('finish', details.finish);
    f.set('subject', details.subject);
    f.set('learners', details.learners);
    f.set('sessionType', details.sessionType ?? 'Tuition');
    if (details.delivery) f.set('delivery', details.delivery);
    f.set('objectiveCount', 1);
  });
}

export function readSessionReport(doc: Y.Doc): SessionReportDraft {
  const f = fields(doc);
  const learners = Array.isArray(f.get('learners')) ? (f.get('learners') as Learner[]) : [];
  const count = Number(f.get('objectiveCount'));
  return {
    ...readMeta(doc),
    date: str(f.get('date')) ?? '',
    start: str(f.get('start')) ?? '',
    finish: str(f.get('finish')) ?? '',
    subject: str(f.get('subject')) ?? '',
    sessionType: str(f.get('sessionType')),
    delivery: str(f.get('delivery')),
    learners,
    groupAttendance: str(f.get('groupAttendance')),
    attendance: attendance(doc).toJSON() as Record<string, Partial<Attendance>>,
    objectiveCount: Number.isInteger(count) ? Math.min(Math.max(count, 1), maxLearningObjectives) : 1,
    attainments: Array.from({ length: maxLearningObjectives }, (_, i) => str(f.get(`attainment${i + 1}`))),
    engagementWithObjectives: str(f.get('engagementWithObjectives')),
    attitudeToSession: str(f.get('attitudeToSession')),
    text: readTexts(
      doc,
      sessionReportTextFields.map(({ key }) => key),
    ),
  };
}

/**
 * The draft in the shape the SessionReport schema checks. Content is left out when no learner
 * attended, which is the rule for absent learners.
 */
export function toSessionReportInput(draft: SessionReportDraft, tookPlace: boolean): unknown {
  return {
    date: draft.date,
    start: draft.start,
    finish: draft.finish,
    sessionType: draft.sessionType,
    delivery: draft.delivery,
    subject: draft.subject,
    learners: draft.learners,
    groupAttendance: draft.learners.length > 1 ? draft.groupAttendance : undefined,
    attendance: draft.attendance,
    content: tookPlace
      ? {
          learningObjectives: Array.from({ length: draft.objectiveCount }, (_, i) => ({
            text: draft.text[`learningObjective${i + 1}`] ?? '',
            attainment: draft.attainments[i],
          })),
          progressComment: draft.text.progressComment ?? '',
          engagement: { withObjectives: draft.engagementWithObjectives, attitude: draft.attitudeToSession },
          engagementComment: draft.text.engagementComment ?? '',
          agencyComment: draft.text.agencyComment ?? '',
        }
      : undefined,
  } satisfies Partial<Record<keyof SessionReport, unknown>>;
}

// A teacher's coaching record inside a Y.Doc (format `margin.coaching-record`, docs/doc-format.md): who the
// teacher is, and the ids of their cycles' documents in the order they were started.
import type * as Y from 'yjs';
import { z } from 'zod';
import { fields, readMeta, writeMeta, type ReportMeta } from '../../doc/layout.ts';
import { Teacher } from '../coaching-cycle/doc.ts';

export const coachingRecordFormat = 'margin.coaching-record';
/** How the form that adds a teacher, and so starts their record, asks for their name. */
export const teacherNameLabel = 'Teacher’s name';

export const CycleEntry = z.object({ id: z.string().min(1).max(64), week: z.string(), startedAt: z.string() });
export type CycleEntry = z.infer<typeof CycleEntry>;

export interface CoachingRecord extends ReportMeta {
  teacher?: Teacher;
  cycles: CycleEntry[];
}

export const recordCycles = (doc: Y.Doc) => doc.getArray<CycleEntry>('cycles');

export function createRecordDoc(doc: Y.Doc, teacher: Teacher, createdBy: string, now = new Date()): void {
  doc.transact(() => {
    writeMeta(doc, coachingRecordFormat, createdBy, now);
    fields(doc).set('teacher', { ...teacher });
  });
}

export function readRecord(doc: Y.Doc): CoachingRecord {
  return {
    ...readMeta(doc),
    teacher: Teacher.safeParse(fields(doc).get('teacher')).data,
    cycles: recordCycles(doc)
      .toArray()
      .flatMap((entry) => CycleEntry.safeParse(entry).data ?? []),
  };
}

export function addCycleToRecord(doc: Y.Doc, entry: CycleEntry): void {
  recordCycles(doc).push([{ ...entry }]);
}

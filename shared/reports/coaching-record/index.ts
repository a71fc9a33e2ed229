// A teacher's coaching record: the teacher and their cycles. It is kept, never submitted.
import { defineReportKind } from '../definition.ts';
import { factOf } from '../report-facts.ts';
import { coachingRecordFormat, readRecord, teacherNameLabel } from './doc.ts';

export const coachingRecord = defineReportKind({
  kind: 'coaching-record',
  format: coachingRecordFormat,
  label: 'Coaching record',
  textFields: [],
  subjectLine: (doc) => readRecord(doc).teacher?.name ?? 'Unknown teacher',
  submissionProblems: () => [{ fieldId: 'main', message: 'A coaching record is kept, not submitted.' }],
  index(doc) {
    const record = readRecord(doc);
    return {
      learners: [],
      people: { ids: record.teacher ? [record.teacher.id] : [], names: record.teacher ? [record.teacher.name] : [] },
      date: record.createdAt?.slice(0, 10) ?? '',
    };
  },
  // The teacher is named when the record is started; its cycles are reports of their own, with their own History.
  facts: (doc) => [factOf('teacher', teacherNameLabel, readRecord(doc).teacher?.name)],
  // The mentor who starts it holds the tutor's link; a mentor's link is a second observer's.
  roleWords: { tutor: 'mentor', mentor: 'second observer', teacher: 'early career teacher' },
  workflow: { drawnBy: 'form', showsStatus: false },
});

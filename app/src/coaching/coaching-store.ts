// The mentor's coaching records on this device: adding a teacher (a record document), reading a record with
// its cycles' states, and starting a cycle (a cycle document) when the record's rules allow it.
import type * as Y from 'yjs';
import { createCycleDoc, readCycle, type Teacher } from '../../../shared/reports/coaching-cycle/doc.ts';
import {
  addCycleToRecord,
  createRecordDoc,
  readRecord,
  type CoachingRecord,
} from '../../../shared/reports/coaching-record/doc.ts';
import { startCheck, type CycleSummary } from '../../../shared/reports/coaching-record/record.ts';
import { newReportId } from '../../../shared/protocol/rooms.ts';
import { createReport } from '../store/new-report.ts';
import { withReportContent } from '../report-session/report-session.ts';
import { indexReport } from '../store/report-index.ts';

/**
 * Starts a teacher's coaching record. `memberId` is the early career teacher's id in the school's organisation when
 * they are chosen from its list: their cycles then carry it, so the coordinator's overview counts them as theirs.
 */
export async function addTeacher(name: string, createdBy: string, memberId?: string): Promise<string> {
  const teacher: Teacher = { id: memberId ?? newReportId(), name: name.trim() };
  return createReport((doc) => createRecordDoc(doc, teacher, createdBy));
}

export interface LoadedRecord {
  record: CoachingRecord;
  cycles: CycleSummary[];
}

function readCycleSummary(id: string, week: string): Promise<CycleSummary> {
  return withReportContent(id, (local) => {
    const cycle = readCycle(local.doc);
    return {
      id,
      week: cycle.week || week,
      state: cycle.state,
      ...(cycle.finishedOn ? { finishedOn: cycle.finishedOn } : {}),
    };
  });
}

export function loadRecord(recordId: string): Promise<LoadedRecord> {
  return withReportContent(recordId, async (local) => {
    const record = readRecord(local.doc);
    const cycles = await Promise.all(record.cycles.map((entry) => readCycleSummary(entry.id, entry.week)));
    return { record, cycles };
  });
}

/** Starts a cycle for the teacher and returns its id; throws the rule's reason when one may not start now. */
export async function startCycle(
  recordId: string,
  createdBy: string,
  today: string,
  now = new Date(),
): Promise<string> {
  return withReportContent(recordId, async (local) => {
    const record = readRecord(local.doc);
    if (!record.teacher) throw new Error('This coaching record has no teacher.');
    const cycles = await Promise.all(record.cycles.map((entry) => readCycleSummary(entry.id, entry.week)));
    const check = startCheck(cycles, today);
    if (!check.ok) throw new Error(check.problem);
    const teacher = record.teacher;
    const cycleId = await createReport((doc: Y.Doc) =>
      createCycleDoc(doc, { teacher, week: check.value.week, previousStep: check.value.previousStep }, createdBy, now),
    );
    addCycleToRecord(local.doc, { id: cycleId, week: check.value.week, startedAt: now.toISOString() });
    await indexReport(recordId, local.doc);
    return cycleId;
  });
}

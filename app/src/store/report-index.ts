// Keeps the Dexie index rows (learners, session, report) in step with a report's Y.Doc, so lists
// work without opening every document. A report opened from a share link indexes itself here.
import type * as Y from 'yjs';
import { isSessionReportDoc, readSessionReport } from '../../../shared/doc/index.ts';
import { db } from './db.ts';

export async function indexSessionReport(reportId: string, doc: Y.Doc, now = new Date()): Promise<void> {
  if (!isSessionReportDoc(doc)) return;
  const report = readSessionReport(doc);
  const learnerNames = report.learners.map((learner) => learner.name);
  await db.transaction('rw', db.learners, db.sessions, db.reports, async () => {
    for (const learner of report.learners) {
      const existing = await db.learners.get(learner.id);
      if (!existing) await db.learners.add({ id: learner.id, name: learner.name, createdAt: now.toISOString() });
    }
    await db.sessions.put({
      id: reportId,
      reportId,
      learnerIds: report.learners.map((learner) => learner.id),
      date: report.date,
      start: report.start,
      finish: report.finish,
      subject: report.subject,
    });
    await db.reports.put({
      id: reportId,
      type: 'session-report',
      title: `Session report: ${learnerNames.join(', ')}, ${report.date}`,
      learnerNames,
      sessionDate: report.date,
      status: 'draft',
      updatedAt: now.toISOString(),
    });
  });
}

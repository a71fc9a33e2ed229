// Adding a session creates its report straight away, saved on this device before anything else.
import { createSessionReportDoc, type SessionDetails } from '../../../shared/doc/index.ts';
import { newReportId } from '../../../shared/protocol/rooms.ts';
import { openLocalReport } from './report-doc.ts';
import { indexSessionReport } from './report-index.ts';

export async function addSession(details: SessionDetails, createdBy: string): Promise<string> {
  const reportId = newReportId();
  const local = await openLocalReport(reportId);
  try {
    createSessionReportDoc(local.doc, details, createdBy);
    await indexSessionReport(reportId, local.doc);
  } finally {
    await local.close();
  }
  return reportId;
}

// Adding a session creates its report straight away, saved on this device before anything else.
import { createSessionReportDoc, type SessionDetails } from '../../../shared/reports/index.ts';
import { createReport } from './new-report.ts';

export function addSession(details: SessionDetails, createdBy: string): Promise<string> {
  return createReport((doc) => createSessionReportDoc(doc, details, createdBy));
}

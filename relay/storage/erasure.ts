// Erasing a report (a learner's erasure, relay/organisations/learner-data.ts): everything the relay keeps of it goes
// in one transaction, and a tombstone row stays (migration 14) so the relay refuses the report's rooms from then on
// and a device that still holds a copy is told it was erased rather than sending it all back. The tombstone keeps
// the report's id and when, nothing of what it said. Every engine runs these statements (memory runs the ones for
// the tables it keeps in SQL), so one list says what an erasure removes.
import { roomKinds, roomName } from '../../shared/protocol/rooms.ts';

export interface ErasureStore {
  /**
   * Deletes the report's content, comments and status rooms, its links and revocations, its kept versions, its
   * registration and the notifications about it, and records it as erased at `at`. Erasing it again is harmless.
   */
  eraseReport(reportId: string, at: string): Promise<void>;
  /** Whether the report was erased: its rooms are then refused. */
  isErased(reportId: string): Promise<boolean>;
}

/** The erased reports (migration 14), the same on both engines. */
export const erasedReportsTable = `
  CREATE TABLE erased_reports (report_id text PRIMARY KEY, erased_at text NOT NULL)`;

export interface Statement {
  text: string;
  params: unknown[];
}

/** The rows of the report's rooms, links and versions: on engines that keep documents in SQL. */
export function documentErasure(reportId: string): Statement[] {
  const rooms = roomKinds.map((kind) => roomName(reportId, kind));
  return [
    { text: 'DELETE FROM updates WHERE room IN (?, ?, ?)', params: rooms },
    { text: 'DELETE FROM links WHERE report_id = ?', params: [reportId] },
    { text: 'DELETE FROM revocations WHERE report_id = ?', params: [reportId] },
    { text: 'DELETE FROM report_versions WHERE report_id = ?', params: [reportId] },
  ];
}

/** The report's registration, the notifications about it, and its tombstone: on every engine. */
export function recordErasure(reportId: string, at: string): Statement[] {
  return [
    { text: 'DELETE FROM organisation_reports WHERE report_id = ?', params: [reportId] },
    { text: 'DELETE FROM notifications WHERE report_id = ?', params: [reportId] },
    { text: 'DELETE FROM report_directory WHERE report_id = ?', params: [reportId] },
    {
      text: 'INSERT INTO erased_reports (report_id, erased_at) VALUES (?, ?) ON CONFLICT (report_id) DO NOTHING',
      params: [reportId, at],
    },
  ];
}

export const isErasedQuery = 'SELECT 1 AS found FROM erased_reports WHERE report_id = ?';

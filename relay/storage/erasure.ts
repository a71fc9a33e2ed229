// Erasing reports (a learner's erasure, relay/organisations/learner-data.ts): everything the relay keeps of every
// report named goes in ONE transaction, so a failure part-way leaves each of them as it was, and a tombstone row
// stays for each (migration 14) so the relay refuses the reports' rooms from then on and a device that still holds a
// copy is told it was erased rather than sending it all back. The tombstone keeps the report's id and when, nothing
// of what it said. Every engine runs these statements (memory runs the ones for the tables it keeps in SQL), so one
// list says what an erasure removes.
import { roomKinds, roomName } from '../../shared/protocol/rooms.ts';
import type { Sql } from './organisations.ts';

export interface ErasureStore {
  /**
   * Deletes each report's content, comments and status rooms, its links and revocations, its kept versions, its
   * registration, its directory row and the notifications about it, and records it as erased at `at`: all of them
   * in one transaction, or none of them when anything fails. Erasing a report again is harmless.
   */
  eraseReports(reportIds: readonly string[], at: string): Promise<void>;
  /** Which of these reports were erased (their rooms are then refused), in the order asked; nothing about the others. */
  erasedAmong(reportIds: readonly string[]): Promise<string[]>;
  /** Whether the report was erased: `erasedAmong` for one. */
  isErased(reportId: string): Promise<boolean>;
}

/** The erased reports (migration 14), the same on both engines. */
export const erasedReportsTable = `
  CREATE TABLE erased_reports (report_id text PRIMARY KEY, erased_at text NOT NULL)`;

export interface Statement {
  text: string;
  params: unknown[];
}

/** The names of the report's three rooms. */
export const roomsOf = (reportId: string): string[] => roomKinds.map((kind) => roomName(reportId, kind));

/** The rows of the report's rooms, links and versions: on engines that keep documents in SQL. */
export function documentErasure(reportId: string): Statement[] {
  return [
    { text: 'DELETE FROM updates WHERE room IN (?, ?, ?)', params: roomsOf(reportId) },
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

/** How many ids one `erasedAmong` query names at most: well under every engine's limit on parameters. */
const idsPerQuery = 500;

/** The queries that find which of the reports were erased, each over at most `idsPerQuery` of them. */
function erasedAmongQueries(reportIds: readonly string[]): Statement[] {
  const queries: Statement[] = [];
  for (let start = 0; start < reportIds.length; start += idsPerQuery) {
    const params = reportIds.slice(start, start + idsPerQuery);
    queries.push({
      text: `SELECT report_id FROM erased_reports WHERE report_id IN (${params.map(() => '?').join(', ')})`,
      params,
    });
  }
  return queries;
}

/** The look-ups of erased reports, on an engine's SQL (every engine keeps its tombstones in SQL). */
export function erasedLookups(sql: Sql): Pick<ErasureStore, 'erasedAmong' | 'isErased'> {
  const among = async (reportIds: readonly string[]) => {
    const found = new Set<string>();
    for (const { text, params } of erasedAmongQueries(reportIds))
      for (const row of await sql.all<{ report_id: string }>(text, params)) found.add(row.report_id);
    return [...new Set(reportIds)].filter((id) => found.has(id));
  };
  return { erasedAmong: among, isErased: async (reportId) => (await among([reportId])).length > 0 };
}

// The one way the organisation's overviews (the coaching overview, the plan of observations, learner progress) read
// registered reports' figures: the report directory's rows (relay/directory/), each with its kind and its kind's whole
// index entry (shared/reports/definition.ts IndexEntry: a cycle's finish date and step, an observation's number, a
// session's attendance, a plan's score and target), never by opening the reports.
import type { IndexEntry } from '../../shared/reports/definition.ts';
import type { ReportKind } from '../../shared/reports/registry.ts';
import type { ReportDirectory } from '../directory/report-directory.ts';
import type { DirectoryRow } from '../storage/directory.ts';

export interface ReportEntry {
  report: DirectoryRow;
  kind: ReportKind;
  entry: IndexEntry;
}

/**
 * The organisation's registered reports with their kind and index entry, leaving out those with no content yet: of
 * the kinds named (each asked of the directory by its kind, so a desk about coaching never reads the session reports),
 * or of every kind.
 */
export async function organisationEntries(
  directory: ReportDirectory,
  organisationId: string,
  kinds?: readonly ReportKind[],
): Promise<ReportEntry[]> {
  const scopes = [{ organisationId }];
  const rows = kinds
    ? (await Promise.all(kinds.map((kindId) => directory.rows({ scopes, kindId })))).flat()
    : await directory.rows({ scopes });
  return rows.flatMap((row) =>
    row.content ? [{ report: row, kind: row.content.kindId as ReportKind, entry: row.content.entry }] : [],
  );
}

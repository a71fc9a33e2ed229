// The directory concern of the store (migration 13): one row per registered report with what the desks draw, so no
// desk opens a report to list it (relay/directory/ keeps the rows up to date). A row holds the report's parties (as
// its registration says), its status and decision times (as the status room says), and what its content says: the
// kind, title, learners and people named, its date, the kind's whole index entry and, for a session report, its
// timesheet fields. Several relay nodes sharing one PostgreSQL write the same row: the last write by time wins.
// One SQL implementation for every engine, through the organisations concern's `Sql` runner.
import type { ReportStatus } from '../../shared/protocol/statuses.ts';
import type { IndexEntry } from '../../shared/reports/definition.ts';
import type { TimesheetSession } from '../../shared/timesheets/rows.ts';
import type { Sql } from './organisations.ts';

/** What a report's content says, for the directory; absent while the relay holds no content of a kind it knows. */
export interface DirectoryContent {
  /** The kind's id ("session-report"). */
  kindId: string;
  title: string;
  learners: string[];
  /** The others it names, not its learners (a termly review's teacher). */
  named: string[];
  /** The date lists sort and filter by, when it says. */
  date?: string;
  /** The kind's whole index entry (shared/reports/definition.ts): every figure a desk may show. */
  entry: IndexEntry;
  /** A session report's timesheet fields. */
  timesheet?: TimesheetSession;
}

export interface DirectoryRow {
  reportId: string;
  organisationId: string;
  ownerId: string;
  mentorId?: string;
  clientId?: string;
  teacherId?: string;
  /** When it was registered. */
  createdAt: string;
  status: ReportStatus;
  /** The last decision's time, or when it was registered. */
  changedAt: string;
  /** The last submission's or resubmission's time. */
  submittedAt?: string;
  /** The last approval's time. */
  approvedAt?: string;
  content?: DirectoryContent;
  /** When the relay wrote the row: of two nodes writing one row, the later write wins. */
  updatedAt: string;
}

/** The decision facts of a row, set on their own as decisions are taken. */
export interface DirectoryStatus {
  status: ReportStatus;
  changedAt: string;
  submittedAt?: string;
  approvedAt?: string;
}

/** Rows in one organisation, narrowed by the columns given (all of them must hold). */
export interface DirectoryScope {
  organisationId: string;
  ownerId?: string;
  mentorId?: string;
  teacherId?: string;
  clientId?: string;
  /** Only rows in one of these statuses. */
  statuses?: readonly ReportStatus[];
  /** Only rows not in this status. */
  notStatus?: ReportStatus;
}

export interface DirectoryQuery {
  /** Rows in any of these scopes (a member's parts in reports); none matches nothing. */
  scopes: readonly DirectoryScope[];
  statuses?: readonly ReportStatus[];
  kindId?: string;
  ownerId?: string;
  clientId?: string;
  /** Rows naming this learner among their learners, exactly. */
  learner?: string;
  /** Words looked for in the title, learners and people named, any case. */
  search?: string;
  /** Rows whose search also matches when their owner is one of these members (those whose names hold the words). */
  searchOwnerIds?: readonly string[];
  /** Rows not of this kind (a kind's id); rows whose content the relay does not hold yet are kept. */
  notKindId?: string;
  /** Rows whose date is on or after `from` and on or before `to` (ISO dates). */
  from?: string;
  to?: string;
  /** Rows last submitted at or after `submittedFrom` and before `submittedBefore` (ISO 8601 instants, in UTC). */
  submittedFrom?: string;
  submittedBefore?: string;
  /**
   * "registered": oldest registered first (the default); "newest": newest registered first; "submitted": longest
   * waiting first; "changed": newest change first.
   */
  order?: 'registered' | 'newest' | 'submitted' | 'changed';
  limit?: number;
  offset?: number;
}

/** The owners, learners, clients and kinds among the rows a query matches, each once, in no order. */
export interface DirectoryChoices {
  ownerIds: string[];
  learners: string[];
  clientIds: string[];
  kindIds: string[];
}

export interface DirectoryStore {
  /** Writes a report's whole row, unless the row holds a later write. */
  putDirectoryRow(row: DirectoryRow): Promise<void>;
  /** Writes what a report's content says, unless the row holds a later write; false when the report has no row. */
  setDirectoryContent(reportId: string, content: DirectoryContent, updatedAt: string): Promise<boolean>;
  /** Sets a row's status and decision times; false when the report has no row. */
  setDirectoryStatus(reportId: string, status: DirectoryStatus): Promise<boolean>;
  directoryRow(reportId: string): Promise<DirectoryRow | undefined>;
  /** The rows a query asks for, in its order, at most `limit` from `offset`. */
  directoryRows(query: DirectoryQuery): Promise<DirectoryRow[]>;
  /** How many rows the query matches, paging aside. */
  countDirectoryRows(query: DirectoryQuery): Promise<number>;
  /** What the rows a query matches have among them to filter by (paging and order aside), in one statement. */
  directoryChoices(query: DirectoryQuery): Promise<DirectoryChoices>;
  /** The ids of an organisation's registered reports that have no directory row yet (registered before it existed). */
  reportsMissingFromDirectory(organisationId: string): Promise<string[]>;
  /** Drops a report's row (a report erased); false when it had none. */
  deleteDirectoryRow(reportId: string): Promise<boolean>;
}

interface DirectoryTableRow {
  report_id: string;
  organisation_id: string;
  owner_id: string;
  mentor_id: string | null;
  client_id: string | null;
  teacher_id: string | null;
  created_at: string;
  status: ReportStatus;
  changed_at: string;
  submitted_at: string | null;
  approved_at: string | null;
  kind_id: string | null;
  title: string | null;
  learners: string | null;
  named: string | null;
  date: string | null;
  entry: string | null;
  timesheet: string | null;
  updated_at: string;
}

const rowOf = (row: DirectoryTableRow): DirectoryRow => {
  const record: DirectoryRow = {
    reportId: row.report_id,
    organisationId: row.organisation_id,
    ownerId: row.owner_id,
    createdAt: row.created_at,
    status: row.status,
    changedAt: row.changed_at,
    updatedAt: row.updated_at,
  };
  if (row.mentor_id !== null) record.mentorId = row.mentor_id;
  if (row.client_id !== null) record.clientId = row.client_id;
  if (row.teacher_id !== null) record.teacherId = row.teacher_id;
  if (row.submitted_at !== null) record.submittedAt = row.submitted_at;
  if (row.approved_at !== null) record.approvedAt = row.approved_at;
  if (row.kind_id !== null && row.entry !== null) {
    record.content = {
      kindId: row.kind_id,
      title: row.title ?? '',
      learners: JSON.parse(row.learners ?? '[]') as string[],
      named: JSON.parse(row.named ?? '[]') as string[],
      entry: JSON.parse(row.entry) as IndexEntry,
    };
    if (row.date !== null) record.content.date = row.date;
    if (row.timesheet !== null) record.content.timesheet = JSON.parse(row.timesheet) as TimesheetSession;
  }
  return record;
};

const contentColumns = (content: DirectoryContent | undefined): unknown[] => [
  content?.kindId ?? null,
  content?.title ?? null,
  content ? JSON.stringify(content.learners) : null,
  content ? JSON.stringify(content.named) : null,
  content?.date ?? null,
  content ? JSON.stringify(content.entry) : null,
  content?.timesheet ? JSON.stringify(content.timesheet) : null,
];

const likeText = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The WHERE clause and its parameters for a query. */
function whereOf(query: DirectoryQuery): { where: string; params: unknown[] } {
  const params: unknown[] = [];
  // A scope of a whole organisation takes in the others in it: dropped, the database can walk one index.
  const whole = new Set(
    query.scopes.filter((scope) => Object.keys(scope).length === 1).map((scope) => scope.organisationId),
  );
  const needed = query.scopes.filter((scope) => Object.keys(scope).length === 1 || !whole.has(scope.organisationId));
  const scopes = needed.map((scope) => {
    const parts = ['organisation_id = ?'];
    params.push(scope.organisationId);
    for (const [column, value] of [
      ['owner_id', scope.ownerId],
      ['mentor_id', scope.mentorId],
      ['teacher_id', scope.teacherId],
      ['client_id', scope.clientId],
    ] as const) {
      if (value === undefined) continue;
      parts.push(`${column} = ?`);
      params.push(value);
    }
    if (scope.statuses) {
      parts.push(`status IN (${scope.statuses.map(() => '?').join(', ') || 'NULL'})`);
      params.push(...scope.statuses);
    }
    if (scope.notStatus) {
      parts.push('status <> ?');
      params.push(scope.notStatus);
    }
    return `(${parts.join(' AND ')})`;
  });
  const all = [scopes.length > 0 ? `(${scopes.join(' OR ')})` : '1 = 0'];
  if (query.statuses) {
    all.push(`status IN (${query.statuses.map(() => '?').join(', ') || 'NULL'})`);
    params.push(...query.statuses);
  }
  for (const [column, value] of [
    ['kind_id', query.kindId],
    ['owner_id', query.ownerId],
    ['client_id', query.clientId],
  ] as const) {
    if (value === undefined) continue;
    all.push(`${column} = ?`);
    params.push(value);
  }
  if (query.learner !== undefined) {
    // LIKE narrows (any case on SQLite); replace, which heeds case on both engines, keeps only the exact name.
    const named = JSON.stringify(query.learner);
    all.push("(learners LIKE ? ESCAPE '\\' AND replace(learners, ?, '') <> learners)");
    params.push(likeText(named), named);
  }
  if (query.notKindId !== undefined) {
    all.push('(kind_id IS NULL OR kind_id <> ?)');
    params.push(query.notKindId);
  }
  if (query.search?.trim()) {
    const owners = query.searchOwnerIds ?? [];
    const byOwner = owners.length > 0 ? ` OR owner_id IN (${owners.map(() => '?').join(', ')})` : '';
    all.push(
      `(lower(coalesce(title, '') || ' ' || coalesce(learners, '') || ' ' || coalesce(named, '')) LIKE ? ESCAPE '\\'${byOwner})`,
    );
    params.push(likeText(query.search.trim().toLowerCase()), ...owners);
  }
  if (query.from !== undefined) {
    all.push('date >= ?');
    params.push(query.from);
  }
  if (query.to !== undefined) {
    all.push('date <= ?');
    params.push(query.to);
  }
  if (query.submittedFrom !== undefined) {
    all.push('submitted_at >= ?');
    params.push(query.submittedFrom);
  }
  if (query.submittedBefore !== undefined) {
    all.push('submitted_at < ?');
    params.push(query.submittedBefore);
  }
  return { where: all.join(' AND '), params };
}

const orders = {
  registered: 'created_at, report_id',
  newest: 'created_at DESC, report_id DESC',
  submitted: 'submitted_at, created_at, report_id',
  changed: 'changed_at DESC, report_id DESC',
} as const;

export function sqlDirectoryStore(sql: Sql): DirectoryStore {
  return {
    async putDirectoryRow(r) {
      await sql.run(
        `INSERT INTO report_directory (report_id, organisation_id, owner_id, mentor_id, client_id, teacher_id,
           created_at, status, changed_at, submitted_at, approved_at,
           kind_id, title, learners, named, date, entry, timesheet, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (report_id) DO UPDATE SET organisation_id = excluded.organisation_id,
           owner_id = excluded.owner_id, mentor_id = excluded.mentor_id, client_id = excluded.client_id,
           teacher_id = excluded.teacher_id, created_at = excluded.created_at, status = excluded.status,
           changed_at = excluded.changed_at, submitted_at = excluded.submitted_at, approved_at = excluded.approved_at,
           kind_id = excluded.kind_id, title = excluded.title, learners = excluded.learners, named = excluded.named,
           date = excluded.date, entry = excluded.entry, timesheet = excluded.timesheet,
           updated_at = excluded.updated_at
         WHERE report_directory.updated_at <= excluded.updated_at`,
        [
          r.reportId,
          r.organisationId,
          r.ownerId,
          r.mentorId ?? null,
          r.clientId ?? null,
          r.teacherId ?? null,
          r.createdAt,
          r.status,
          r.changedAt,
          r.submittedAt ?? null,
          r.approvedAt ?? null,
          ...contentColumns(r.content),
          r.updatedAt,
        ],
      );
    },
    async setDirectoryContent(reportId, content, updatedAt) {
      const [row] = await sql.all<{ found: number }>('SELECT 1 AS found FROM report_directory WHERE report_id = ?', [
        reportId,
      ]);
      if (!row) return false;
      await sql.run(
        `UPDATE report_directory SET kind_id = ?, title = ?, learners = ?, named = ?, date = ?, entry = ?,
           timesheet = ?, updated_at = ?
         WHERE report_id = ? AND updated_at <= ?`,
        [...contentColumns(content), updatedAt, reportId, updatedAt],
      );
      return true;
    },
    async setDirectoryStatus(reportId, s) {
      const changed = await sql.run(
        `UPDATE report_directory SET status = ?, changed_at = ?,
           submitted_at = coalesce(?, submitted_at), approved_at = coalesce(?, approved_at)
         WHERE report_id = ?`,
        [s.status, s.changedAt, s.submittedAt ?? null, s.approvedAt ?? null, reportId],
      );
      return changed === 1;
    },
    async directoryRow(reportId) {
      const [row] = await sql.all<DirectoryTableRow>('SELECT * FROM report_directory WHERE report_id = ?', [reportId]);
      return row ? rowOf(row) : undefined;
    },
    async directoryRows(query) {
      const { where, params } = whereOf(query);
      const paging = query.limit === undefined ? '' : ` LIMIT ${Math.max(0, Math.floor(query.limit))}`;
      const offset = query.offset ? ` OFFSET ${Math.max(0, Math.floor(query.offset))}` : '';
      const rows = await sql.all<DirectoryTableRow>(
        `SELECT * FROM report_directory WHERE ${where} ORDER BY ${orders[query.order ?? 'registered']}${paging}${offset}`,
        params,
      );
      return rows.map(rowOf);
    },
    async countDirectoryRows(query) {
      const { where, params } = whereOf(query);
      const [row] = await sql.all<{ count: number | string }>(
        `SELECT count(*) AS count FROM report_directory WHERE ${where}`,
        params,
      );
      return Number(row?.count ?? 0);
    },
    async directoryChoices(query) {
      const { where, params } = whereOf(query);
      // One statement, four distinct lists: each walks the rows the query matches (a queue's few thousand at most).
      const facets = [
        ['owner', 'owner_id'],
        ['client', 'client_id'],
        ['kind', 'kind_id'],
        ['learners', 'learners'],
      ] as const;
      const rows = await sql.all<{ facet: (typeof facets)[number][0]; value: string }>(
        facets
          .map(
            ([facet, column]) =>
              `SELECT '${facet}' AS facet, ${column} AS value FROM report_directory
               WHERE ${where} AND ${column} IS NOT NULL GROUP BY ${column}`,
          )
          .join(' UNION ALL '),
        facets.flatMap(() => params),
      );
      const of = (facet: string) => rows.filter((row) => row.facet === facet).map((row) => row.value);
      return {
        ownerIds: of('owner'),
        clientIds: of('client'),
        kindIds: of('kind'),
        // A row's learners are a JSON list: distinct lists, then distinct names.
        learners: [...new Set(of('learners').flatMap((list) => JSON.parse(list) as string[]))],
      };
    },
    async reportsMissingFromDirectory(organisationId) {
      const rows = await sql.all<{ report_id: string }>(
        `SELECT organisation_reports.report_id FROM organisation_reports
         LEFT JOIN report_directory ON report_directory.report_id = organisation_reports.report_id
         WHERE organisation_reports.organisation_id = ? AND report_directory.report_id IS NULL
         ORDER BY organisation_reports.created_at, organisation_reports.report_id`,
        [organisationId],
      );
      return rows.map((row) => row.report_id);
    },
    async deleteDirectoryRow(reportId) {
      return (await sql.run('DELETE FROM report_directory WHERE report_id = ?', [reportId])) === 1;
    },
  };
}

/** The directory table (migration 13), the same on both engines. */
export const directoryTable = `
  CREATE TABLE report_directory (
    report_id text PRIMARY KEY,
    organisation_id text NOT NULL,
    owner_id text NOT NULL,
    mentor_id text,
    client_id text,
    teacher_id text,
    created_at text NOT NULL,
    status text NOT NULL,
    changed_at text NOT NULL,
    submitted_at text,
    approved_at text,
    kind_id text,
    title text,
    learners text,
    named text,
    date text,
    entry text,
    timesheet text,
    updated_at text NOT NULL
  );
  CREATE INDEX report_directory_by_organisation ON report_directory (organisation_id, created_at, report_id);
  CREATE INDEX report_directory_by_status ON report_directory (organisation_id, status, submitted_at);
  CREATE INDEX report_directory_by_change ON report_directory (organisation_id, changed_at, report_id);
  CREATE INDEX report_directory_by_kind ON report_directory (organisation_id, kind_id, date);
  CREATE INDEX report_directory_by_kind_registered ON report_directory (organisation_id, kind_id, created_at, report_id);
  CREATE INDEX report_directory_by_mentor ON report_directory (organisation_id, mentor_id);
  CREATE INDEX report_directory_by_teacher ON report_directory (organisation_id, teacher_id);
  CREATE INDEX report_directory_by_owner ON report_directory (organisation_id, owner_id, date);
  CREATE INDEX report_directory_by_client ON report_directory (organisation_id, client_id, status);`;

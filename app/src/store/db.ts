// The device's index of learners, assignments, sessions and reports, for lists, search and the home page.
// The reports themselves are Y.Docs (see app/src/report-session/local-report.ts); these rows are small copies kept for listing, and
// every query the home page makes runs on an index here rather than a scan.
import Dexie, { type EntityTable } from 'dexie';
import type { ReportKind } from '../../../shared/reports/registry.ts';
import type { Learner } from '../../../shared/forms/fields.ts';
import type { ReportStatus } from '../../../shared/workflow/status.ts';

export interface LearnerRow {
  id: string;
  name: string;
  createdAt: string;
}

export interface AssignmentRow {
  id: string;
  learnerIds: string[];
  learners: Learner[];
  subject: string;
  startDate: string;
  endDate: string;
  /** Comments from the assignment brief, copied into each learner's plan. */
  brief: string;
  createdAt: string;
  /** Kept up to date as its sessions are indexed: the plan is due by the second session, progress reports count from the first. */
  firstSessionDate?: string;
  secondSessionDate?: string;
}

export interface SessionRow {
  id: string;
  learnerIds: string[];
  date: string;
  start: string;
  finish: string;
  subject: string;
  /** The subject in lower case, for search. */
  subjectKey: string;
  reportId: string;
  assignmentId?: string;
}

export interface ReportRow {
  id: string;
  type: ReportKind;
  title: string;
  learnerIds: string[];
  learnerNames: string[];
  /** The date the report is about: the session's date, or the report's own date. Empty until it has one. */
  sessionDate: string;
  status: ReportStatus;
  /** The reviewer's reason, while the report is rejected. */
  rejectionReason?: string;
  /** Comments by others this device has not shown yet (app/src/comments/unread.ts); not indexed. */
  unreadComments?: number;
  createdAt: string;
  updatedAt: string;
  assignmentId?: string;
  /** Plans and progress reports: the score, target and plan the next progress report is written against. */
  score?: number;
  target?: number;
  plan?: string;
  /** Termly progress reviews: which review it is ("Autumn term progress review", "Interim assessment"). */
  reviewType?: string;
}

/** A report's status learnt before its content was indexed on this device; applied when it is. */
export interface KnownStatusRow {
  id: string;
  status: ReportStatus;
  rejectionReason?: string;
}

export interface ProfileRow {
  key: 'me';
  name: string;
}

/** A saved change that could not be read back; kept here so nothing is thrown away. */
export interface QuarantinedUpdate {
  id?: number;
  database: string;
  key: IDBValidKey;
  value: unknown;
  error: string;
  foundAt: string;
}

export class MarginDatabase extends Dexie {
  learners!: EntityTable<LearnerRow, 'id'>;
  assignments!: EntityTable<AssignmentRow, 'id'>;
  sessions!: EntityTable<SessionRow, 'id'>;
  reports!: EntityTable<ReportRow, 'id'>;
  knownStatuses!: EntityTable<KnownStatusRow, 'id'>;
  profile!: EntityTable<ProfileRow, 'key'>;
  quarantine!: EntityTable<QuarantinedUpdate, 'id'>;

  constructor(name = 'margin') {
    super(name);
    this.version(1).stores({
      learners: 'id, name',
      sessions: 'id, date, reportId, *learnerIds',
      reports: 'id, sessionDate, updatedAt',
      profile: 'key',
      quarantine: '++id, database',
    });
    // Version 2: assignments, every kind of report, statuses, and the indexes the home page and search use.
    this.version(2)
      .stores({
        learners: 'id, name',
        assignments: 'id, startDate, endDate, *learnerIds',
        sessions: 'id, date, reportId, *learnerIds, assignmentId, subjectKey, [assignmentId+date]',
        reports: 'id, sessionDate, updatedAt, status, type, assignmentId, [type+status+sessionDate]',
        knownStatuses: 'id',
        profile: 'key',
        quarantine: '++id, database',
      })
      .upgrade(async (tx) => {
        const sessions = new Map<string, { learnerIds?: string[] }>();
        await tx
          .table('sessions')
          .toCollection()
          .modify((session: SessionRow) => {
            session.subjectKey = subjectKey(session.subject ?? '');
            sessions.set(session.id, session);
          });
        await tx
          .table('reports')
          .toCollection()
          .modify((report: ReportRow) => {
            report.learnerIds ??= sessions.get(report.id)?.learnerIds ?? [];
            report.createdAt ??= report.updatedAt;
            report.status ??= 'draft';
          });
      });
  }
}

export const subjectKey = (subject: string) => subject.trim().toLowerCase();

export const db = new MarginDatabase();

// The device's index of learners, sessions and reports, for lists and search. The reports
// themselves are Y.Docs (see report-doc.ts); these rows are small copies kept for listing.
import Dexie, { type EntityTable } from 'dexie';

export interface LearnerRow {
  id: string;
  name: string;
  createdAt: string;
}

export interface SessionRow {
  id: string;
  learnerIds: string[];
  date: string;
  start: string;
  finish: string;
  subject: string;
  reportId: string;
}

export interface ReportRow {
  id: string;
  type: 'session-report';
  title: string;
  learnerNames: string[];
  sessionDate: string;
  status: 'draft';
  updatedAt: string;
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
  sessions!: EntityTable<SessionRow, 'id'>;
  reports!: EntityTable<ReportRow, 'id'>;
  profile!: EntityTable<ProfileRow, 'key'>;
  quarantine!: EntityTable<QuarantinedUpdate, 'id'>;

  constructor() {
    super('margin');
    this.version(1).stores({
      learners: 'id, name',
      sessions: 'id, date, reportId, *learnerIds',
      reports: 'id, sessionDate, updatedAt',
      profile: 'key',
      quarantine: '++id, database',
    });
  }
}

export const db = new MarginDatabase();

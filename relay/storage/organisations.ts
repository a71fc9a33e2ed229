// The organisations concern of the store: organisations, their members, invitations, passkeys, sign-in
// sessions, one-time WebAuthn challenges and the audit log. One SQL implementation serves every backend
// through a `Sql` runner (SQLite's `?` placeholders; PostgreSQL's are numbered for it), so the rules live in
// one place: an invitation is used once, a challenge is taken once, the audit log is only appended to.
// Secrets never reach a table: invitations and sessions are kept as the SHA-256 of their tokens.
import type { MemberRole, OrganisationKind } from '../../shared/protocol/organisations.ts';

export interface OrganisationRecord {
  id: string;
  name: string;
  kind: OrganisationKind;
  /** ISO 8601. */
  createdAt: string;
  /** A session unused this long ends (the administrator sets it). */
  sessionIdleMinutes: number;
  /** Working days a report may wait for review before it is flagged; absent until an administrator sets it. */
  reviewTargetDays?: number;
}

export interface MemberRecord {
  id: string;
  organisationId: string;
  name: string;
  role: MemberRole;
  /** For a client contact: the client record whose learners' reports they read. */
  clientId?: string;
  createdAt: string;
  /** Set when the member was removed: they can no longer sign in, and their sessions have ended. */
  removedAt?: string;
}

export interface InvitationRecord {
  id: string;
  /** SHA-256 of the invitation's token, base64url. */
  tokenHash: string;
  organisationId: string;
  /** The member the invitation enrols a passkey for (a new member, or one who lost their devices). */
  memberId: string;
  /** The member who made it; absent when made from a shell (`npm run admin`) or by the first visitor. */
  madeBy?: string;
  createdAt: string;
  expiresAt: string;
  usedAt?: string;
}

export interface PasskeyRecord {
  /** The credential's id, base64url. */
  id: string;
  memberId: string;
  /** The COSE public key, base64url. */
  publicKey: string;
  counter: number;
  transports: string[];
  /** What the member calls it ("Work laptop"), or what the relay called it when it was added. */
  label: string;
  createdAt: string;
  lastUsedAt?: string;
}

export interface SessionRecord {
  /** SHA-256 of the session cookie's token, base64url: the cookie itself is never kept. */
  tokenHash: string;
  memberId: string;
  /** Which browser, for the member's list of sessions. */
  label: string;
  createdAt: string;
  lastSeenAt: string;
  endedAt?: string;
}

export interface ChallengeRecord {
  challenge: string;
  /** What it may answer: enrolling with an invitation, signing in, or a signed-in member adding a passkey. */
  purpose: 'enrol' | 'sign-in' | 'add-passkey';
  /** For enrolment, the invitation's id; for adding a passkey, the member's. */
  subject?: string;
  expiresAt: string;
}

/** A report registered with an organisation: who owns it, and who else has a part in it. */
export interface OrganisationReportRecord {
  reportId: string;
  organisationId: string;
  /** The member who registered it: they write it. */
  ownerId: string;
  /** The member assigned as its mentor. */
  mentorId?: string;
  /** The client whose learner it is about. */
  clientId?: string;
  /** For a termly progress review: the early career teacher it is about, who adds their part and signs it. */
  teacherId?: string;
  /**
   * The id (jti) of the tutor link that proved the report was the owner's when it was registered: the device that
   * made the report keeps using it, and the relay takes what comes with it as said by the owner's account.
   */
  ownerLink?: string;
  createdAt: string;
}

/** A word of the organisation's list, which every member's checker accepts (learners', schools' names, terms). */
export interface OrganisationWordRecord {
  organisationId: string;
  word: string;
  /** The administrator who added it; absent when added from a shell. */
  addedBy?: string;
  addedAt: string;
}

export interface AuditEntry {
  organisationId: string;
  at: string;
  /** The member who acted; absent for the relay itself or a shell. */
  actor?: string;
  action: string;
  /** What it was done to: a member's id, a link's id, a report's id. */
  subject?: string;
  detail?: Record<string, unknown>;
}

export interface OrganisationStore {
  addOrganisation(organisation: OrganisationRecord): Promise<void>;
  organisation(id: string): Promise<OrganisationRecord | undefined>;
  organisations(): Promise<OrganisationRecord[]>;
  setSessionIdleMinutes(organisationId: string, minutes: number): Promise<void>;
  setReviewTargetDays(organisationId: string, days: number): Promise<void>;
  /** Links an appropriate body to a school that sends it reviews; false when they were linked already. */
  linkOrganisations(bodyId: string, schoolId: string): Promise<boolean>;
  /** The schools linked to an appropriate body, or the bodies linked to a school. */
  linkedOrganisations(organisationId: string): Promise<string[]>;

  addMember(member: MemberRecord): Promise<void>;
  member(id: string): Promise<MemberRecord | undefined>;
  /** An organisation's members, oldest first, removed ones included (with removedAt). */
  members(organisationId: string): Promise<MemberRecord[]>;
  setRole(memberId: string, role: MemberRole): Promise<boolean>;
  /** Marks a member removed and ends every session of theirs; false when they were removed already. */
  removeMember(memberId: string, at: string): Promise<boolean>;

  addInvitation(invitation: InvitationRecord): Promise<void>;
  invitationByTokenHash(tokenHash: string): Promise<InvitationRecord | undefined>;
  /** Marks an invitation used; false when it was used already (so two tabs cannot both use it). */
  useInvitation(id: string, at: string): Promise<boolean>;

  addPasskey(passkey: PasskeyRecord): Promise<void>;
  passkey(id: string): Promise<PasskeyRecord | undefined>;
  passkeysOf(memberId: string): Promise<PasskeyRecord[]>;
  /** Records a sign-in with the passkey: its new signature counter and when. */
  usePasskey(id: string, counter: number, at: string): Promise<void>;
  /** Removes one of the member's passkeys; false when they have no passkey with that id. */
  removePasskey(id: string, memberId: string): Promise<boolean>;

  addSession(session: SessionRecord): Promise<void>;
  session(tokenHash: string): Promise<SessionRecord | undefined>;
  sessionsOf(memberId: string): Promise<SessionRecord[]>;
  touchSession(tokenHash: string, at: string): Promise<void>;
  /** Ends one session; false when it had ended already. */
  endSession(tokenHash: string, at: string): Promise<boolean>;
  /** Ends every session of a member ("sign out everywhere"); how many were open. */
  endSessionsOf(memberId: string, at: string): Promise<number>;

  addChallenge(challenge: ChallengeRecord): Promise<void>;
  /** Takes a challenge out of the store: a second take of the same challenge finds nothing. */
  takeChallenge(challenge: string): Promise<ChallengeRecord | undefined>;

  appendAudit(entry: AuditEntry): Promise<void>;
  /** An organisation's audit log, oldest first. */
  audit(organisationId: string): Promise<AuditEntry[]>;

  /** Registers a report with an organisation; false when the report is registered already (with any organisation). */
  addReport(report: OrganisationReportRecord): Promise<boolean>;
  report(reportId: string): Promise<OrganisationReportRecord | undefined>;
  /** An organisation's reports, oldest first. */
  reports(organisationId: string): Promise<OrganisationReportRecord[]>;
  /** Names (or with undefined, clears) the early career teacher of a registered report; false when it is not registered. */
  setReportTeacher(reportId: string, teacherId: string | undefined): Promise<boolean>;
  /** Says whose learner a registered report is about; false when no report has that id. */
  setReportClient(reportId: string, clientId: string): Promise<boolean>;

  /** Adds a word to the organisation's list; false when it is there already. */
  addWord(word: OrganisationWordRecord): Promise<boolean>;
  /** Takes a word off the organisation's list; false when it was not on it. */
  removeWord(organisationId: string, word: string): Promise<boolean>;
  /** The organisation's words, in alphabetical order. */
  words(organisationId: string): Promise<OrganisationWordRecord[]>;
}

/** How the SQL implementation reaches an engine. Statements use `?` placeholders. */
export interface Sql {
  /** Runs a statement; how many rows it changed. */
  run(statement: string, params?: unknown[]): Promise<number>;
  all<Row>(statement: string, params?: unknown[]): Promise<Row[]>;
}

interface OrganisationRow {
  id: string;
  name: string;
  kind: OrganisationKind;
  created_at: string;
  session_idle_minutes: number;
  review_target_days: number | null;
}

interface MemberRow {
  id: string;
  organisation_id: string;
  name: string;
  role: MemberRole;
  client_id: string | null;
  created_at: string;
  removed_at: string | null;
}

interface InvitationRow {
  id: string;
  token_hash: string;
  organisation_id: string;
  member_id: string;
  made_by: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

interface PasskeyRow {
  id: string;
  member_id: string;
  public_key: string;
  counter: number | string;
  transports: string;
  label: string;
  created_at: string;
  last_used_at: string | null;
}

interface SessionRow {
  token_hash: string;
  member_id: string;
  label: string;
  created_at: string;
  last_seen_at: string;
  ended_at: string | null;
}

interface ChallengeRow {
  challenge: string;
  purpose: ChallengeRecord['purpose'];
  subject: string | null;
  expires_at: string;
}

interface ReportRow {
  report_id: string;
  organisation_id: string;
  owner_id: string;
  mentor_id: string | null;
  client_id: string | null;
  teacher_id: string | null;
  owner_link: string | null;
  created_at: string;
}

interface WordRow {
  organisation_id: string;
  word: string;
  added_by: string | null;
  added_at: string;
}

interface AuditRow {
  organisation_id: string;
  at: string;
  actor: string | null;
  action: string;
  subject: string | null;
  detail: string | null;
}

/** Keeps optional fields absent, not null, so records read back equal the ones written. */
const present = <T extends object>(record: T): T =>
  Object.fromEntries(Object.entries(record).filter(([, value]) => value !== null && value !== undefined)) as T;

const organisationOf = (row: OrganisationRow): OrganisationRecord => ({
  id: row.id,
  name: row.name,
  kind: row.kind,
  createdAt: row.created_at,
  sessionIdleMinutes: Number(row.session_idle_minutes),
  ...(row.review_target_days === null || row.review_target_days === undefined
    ? {}
    : { reviewTargetDays: Number(row.review_target_days) }),
});

const memberOf = (row: MemberRow): MemberRecord =>
  present({
    id: row.id,
    organisationId: row.organisation_id,
    name: row.name,
    role: row.role,
    clientId: row.client_id,
    createdAt: row.created_at,
    removedAt: row.removed_at,
  }) as MemberRecord;

const invitationOf = (row: InvitationRow): InvitationRecord =>
  present({
    id: row.id,
    tokenHash: row.token_hash,
    organisationId: row.organisation_id,
    memberId: row.member_id,
    madeBy: row.made_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    usedAt: row.used_at,
  }) as InvitationRecord;

const passkeyOf = (row: PasskeyRow): PasskeyRecord =>
  present({
    id: row.id,
    memberId: row.member_id,
    publicKey: row.public_key,
    counter: Number(row.counter),
    transports: JSON.parse(row.transports) as string[],
    label: row.label,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
  }) as PasskeyRecord;

const reportOf = (row: ReportRow): OrganisationReportRecord =>
  present({
    reportId: row.report_id,
    organisationId: row.organisation_id,
    ownerId: row.owner_id,
    mentorId: row.mentor_id,
    clientId: row.client_id,
    teacherId: row.teacher_id,
    ownerLink: row.owner_link,
    createdAt: row.created_at,
  }) as OrganisationReportRecord;

const sessionOf = (row: SessionRow): SessionRecord =>
  present({
    tokenHash: row.token_hash,
    memberId: row.member_id,
    label: row.label,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    endedAt: row.ended_at,
  }) as SessionRecord;

/** The organisations concern over any SQL engine whose schema has migrations 3 ("organisations"), 5, 6 and 8. */
export function sqlOrganisationStore(sql: Sql): OrganisationStore {
  const one = async <Row, T>(statement: string, params: unknown[], as: (row: Row) => T) => {
    const [row] = await sql.all<Row>(statement, params);
    return row ? as(row) : undefined;
  };
  return {
    async addOrganisation(o) {
      await sql.run(
        'INSERT INTO organisations (id, name, kind, created_at, session_idle_minutes) VALUES (?, ?, ?, ?, ?)',
        [o.id, o.name, o.kind, o.createdAt, o.sessionIdleMinutes],
      );
    },
    organisation: (id) => one('SELECT * FROM organisations WHERE id = ?', [id], organisationOf),
    async organisations() {
      return (await sql.all<OrganisationRow>('SELECT * FROM organisations ORDER BY created_at, id')).map(
        organisationOf,
      );
    },
    async setSessionIdleMinutes(organisationId, minutes) {
      await sql.run('UPDATE organisations SET session_idle_minutes = ? WHERE id = ?', [minutes, organisationId]);
    },
    async setReviewTargetDays(organisationId, days) {
      await sql.run('UPDATE organisations SET review_target_days = ? WHERE id = ?', [days, organisationId]);
    },
    async linkOrganisations(bodyId, schoolId) {
      const changed = await sql.run(
        'INSERT INTO organisation_links (body_id, school_id) VALUES (?, ?) ON CONFLICT DO NOTHING',
        [bodyId, schoolId],
      );
      return changed === 1;
    },
    async linkedOrganisations(organisationId) {
      const rows = await sql.all<{ other: string }>(
        `SELECT school_id AS other FROM organisation_links WHERE body_id = ?
         UNION SELECT body_id AS other FROM organisation_links WHERE school_id = ? ORDER BY other`,
        [organisationId, organisationId],
      );
      return rows.map((row) => row.other);
    },

    async addMember(m) {
      await sql.run(
        'INSERT INTO members (id, organisation_id, name, role, client_id, created_at) VALUES (?, ?, ?, ?, ?, ?)',
        [m.id, m.organisationId, m.name, m.role, m.clientId ?? null, m.createdAt],
      );
    },
    member: (id) => one('SELECT * FROM members WHERE id = ?', [id], memberOf),
    async members(organisationId) {
      const rows = await sql.all<MemberRow>('SELECT * FROM members WHERE organisation_id = ? ORDER BY created_at, id', [
        organisationId,
      ]);
      return rows.map(memberOf);
    },
    async setRole(memberId, role) {
      return (await sql.run('UPDATE members SET role = ? WHERE id = ? AND removed_at IS NULL', [role, memberId])) === 1;
    },
    async removeMember(memberId, at) {
      const removed = await sql.run('UPDATE members SET removed_at = ? WHERE id = ? AND removed_at IS NULL', [
        at,
        memberId,
      ]);
      await sql.run('UPDATE sessions SET ended_at = ? WHERE member_id = ? AND ended_at IS NULL', [at, memberId]);
      return removed === 1;
    },

    async addInvitation(i) {
      await sql.run(
        `INSERT INTO invitations (id, token_hash, organisation_id, member_id, made_by, created_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
        [i.id, i.tokenHash, i.organisationId, i.memberId, i.madeBy ?? null, i.createdAt, i.expiresAt],
      );
    },
    invitationByTokenHash: (tokenHash) =>
      one('SELECT * FROM invitations WHERE token_hash = ?', [tokenHash], invitationOf),
    async useInvitation(id, at) {
      return (await sql.run('UPDATE invitations SET used_at = ? WHERE id = ? AND used_at IS NULL', [at, id])) === 1;
    },

    async addPasskey(p) {
      await sql.run(
        `INSERT INTO passkeys (id, member_id, public_key, counter, transports, label, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
        [p.id, p.memberId, p.publicKey, p.counter, JSON.stringify(p.transports), p.label, p.createdAt],
      );
    },
    passkey: (id) => one('SELECT * FROM passkeys WHERE id = ?', [id], passkeyOf),
    async passkeysOf(memberId) {
      const rows = await sql.all<PasskeyRow>('SELECT * FROM passkeys WHERE member_id = ? ORDER BY created_at, id', [
        memberId,
      ]);
      return rows.map(passkeyOf);
    },
    async usePasskey(id, counter, at) {
      await sql.run('UPDATE passkeys SET counter = ?, last_used_at = ? WHERE id = ?', [counter, at, id]);
    },
    async removePasskey(id, memberId) {
      return (await sql.run('DELETE FROM passkeys WHERE id = ? AND member_id = ?', [id, memberId])) === 1;
    },

    async addSession(s) {
      await sql.run(
        'INSERT INTO sessions (token_hash, member_id, label, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)',
        [s.tokenHash, s.memberId, s.label, s.createdAt, s.lastSeenAt],
      );
    },
    session: (tokenHash) => one('SELECT * FROM sessions WHERE token_hash = ?', [tokenHash], sessionOf),
    async sessionsOf(memberId) {
      const rows = await sql.all<SessionRow>(
        'SELECT * FROM sessions WHERE member_id = ? ORDER BY created_at, token_hash',
        [memberId],
      );
      return rows.map(sessionOf);
    },
    async touchSession(tokenHash, at) {
      await sql.run('UPDATE sessions SET last_seen_at = ? WHERE token_hash = ? AND ended_at IS NULL', [at, tokenHash]);
    },
    async endSession(tokenHash, at) {
      return (
        (await sql.run('UPDATE sessions SET ended_at = ? WHERE token_hash = ? AND ended_at IS NULL', [
          at,
          tokenHash,
        ])) === 1
      );
    },
    endSessionsOf: (memberId, at) =>
      sql.run('UPDATE sessions SET ended_at = ? WHERE member_id = ? AND ended_at IS NULL', [at, memberId]),

    async addChallenge(c) {
      await sql.run('INSERT INTO challenges (challenge, purpose, subject, expires_at) VALUES (?, ?, ?, ?)', [
        c.challenge,
        c.purpose,
        c.subject ?? null,
        c.expiresAt,
      ]);
      // Challenges nobody answered are dropped as new ones are made, so the table stays small.
      await sql.run('DELETE FROM challenges WHERE expires_at < ?', [new Date().toISOString()]);
    },
    takeChallenge: (challenge) =>
      one<ChallengeRow, ChallengeRecord>(
        'DELETE FROM challenges WHERE challenge = ? RETURNING *',
        [challenge],
        (row) =>
          present({
            challenge: row.challenge,
            purpose: row.purpose,
            subject: row.subject,
            expiresAt: row.expires_at,
          }) as ChallengeRecord,
      ),

    async appendAudit(e) {
      await sql.run(
        'INSERT INTO audit_log (organisation_id, at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?, ?)',
        [
          e.organisationId,
          e.at,
          e.actor ?? null,
          e.action,
          e.subject ?? null,
          e.detail ? JSON.stringify(e.detail) : null,
        ],
      );
    },
    async audit(organisationId) {
      const rows = await sql.all<AuditRow>('SELECT * FROM audit_log WHERE organisation_id = ? ORDER BY seq', [
        organisationId,
      ]);
      return rows.map(
        (row) =>
          present({
            organisationId: row.organisation_id,
            at: row.at,
            actor: row.actor,
            action: row.action,
            subject: row.subject,
            detail: row.detail ? (JSON.parse(row.detail) as Record<string, unknown>) : undefined,
          }) as AuditEntry,
      );
    },

    async addReport(r) {
      const added = await sql.run(
        `INSERT INTO organisation_reports
           (report_id, organisation_id, owner_id, mentor_id, client_id, teacher_id, owner_link, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
        [
          r.reportId,
          r.organisationId,
          r.ownerId,
          r.mentorId ?? null,
          r.clientId ?? null,
          r.teacherId ?? null,
          r.ownerLink ?? null,
          r.createdAt,
        ],
      );
      return added === 1;
    },
    async setReportTeacher(reportId, teacherId) {
      const changed = await sql.run('UPDATE organisation_reports SET teacher_id = ? WHERE report_id = ?', [
        teacherId ?? null,
        reportId,
      ]);
      return changed === 1;
    },
    report: (reportId) => one('SELECT * FROM organisation_reports WHERE report_id = ?', [reportId], reportOf),
    async reports(organisationId) {
      const rows = await sql.all<ReportRow>(
        'SELECT * FROM organisation_reports WHERE organisation_id = ? ORDER BY created_at, report_id',
        [organisationId],
      );
      return rows.map(reportOf);
    },
    async setReportClient(reportId, clientId) {
      return (
        (await sql.run('UPDATE organisation_reports SET client_id = ? WHERE report_id = ?', [clientId, reportId])) === 1
      );
    },

    async addWord(w) {
      const added = await sql.run(
        `INSERT INTO organisation_words (organisation_id, word, added_by, added_at) VALUES (?, ?, ?, ?)
         ON CONFLICT DO NOTHING`,
        [w.organisationId, w.word, w.addedBy ?? null, w.addedAt],
      );
      return added === 1;
    },
    async removeWord(organisationId, word) {
      return (
        (await sql.run('DELETE FROM organisation_words WHERE organisation_id = ? AND word = ?', [
          organisationId,
          word,
        ])) === 1
      );
    },
    async words(organisationId) {
      const rows = await sql.all<WordRow>('SELECT * FROM organisation_words WHERE organisation_id = ? ORDER BY word', [
        organisationId,
      ]);
      return rows.map(
        (row) =>
          present({
            organisationId: row.organisation_id,
            word: row.word,
            addedBy: row.added_by,
            addedAt: row.added_at,
          }) as OrganisationWordRecord,
      );
    },
  };
}

/** The organisations tables, the same on both engines but for how the audit log numbers its entries. */
export const organisationTables = (auditSeq: string) => `
  CREATE TABLE organisations (
    id text PRIMARY KEY,
    name text NOT NULL,
    kind text NOT NULL,
    created_at text NOT NULL,
    session_idle_minutes integer NOT NULL
  );
  CREATE TABLE organisation_links (body_id text NOT NULL, school_id text NOT NULL, PRIMARY KEY (body_id, school_id));
  CREATE TABLE members (
    id text PRIMARY KEY,
    organisation_id text NOT NULL,
    name text NOT NULL,
    role text NOT NULL,
    client_id text,
    created_at text NOT NULL,
    removed_at text
  );
  CREATE INDEX members_by_organisation ON members (organisation_id, created_at);
  CREATE TABLE invitations (
    id text PRIMARY KEY,
    token_hash text NOT NULL UNIQUE,
    organisation_id text NOT NULL,
    member_id text NOT NULL,
    made_by text,
    created_at text NOT NULL,
    expires_at text NOT NULL,
    used_at text
  );
  CREATE TABLE passkeys (
    id text PRIMARY KEY,
    member_id text NOT NULL,
    public_key text NOT NULL,
    counter bigint NOT NULL,
    transports text NOT NULL,
    label text NOT NULL,
    created_at text NOT NULL,
    last_used_at text
  );
  CREATE INDEX passkeys_by_member ON passkeys (member_id);
  CREATE TABLE sessions (
    token_hash text PRIMARY KEY,
    member_id text NOT NULL,
    label text NOT NULL,
    created_at text NOT NULL,
    last_seen_at text NOT NULL,
    ended_at text
  );
  CREATE INDEX sessions_by_member ON sessions (member_id);
  CREATE TABLE challenges (challenge text PRIMARY KEY, purpose text NOT NULL, subject text, expires_at text NOT NULL);
  CREATE TABLE audit_log (
    seq ${auditSeq},
    organisation_id text NOT NULL,
    at text NOT NULL,
    actor text,
    action text NOT NULL,
    subject text,
    detail text
  );
  CREATE INDEX audit_by_organisation ON audit_log (organisation_id, seq);`;

/** Reports registered with an organisation (migration 5), the same on both engines. */
export const organisationReportsTable = `
  CREATE TABLE organisation_reports (
    report_id text PRIMARY KEY,
    organisation_id text NOT NULL,
    owner_id text NOT NULL,
    mentor_id text,
    client_id text,
    created_at text NOT NULL
  );
  CREATE INDEX organisation_reports_by_organisation ON organisation_reports (organisation_id, created_at);`;

/** The early career teacher a termly progress review is about (migration 7), the same on both engines. */
export const organisationReportTeacherColumn = 'ALTER TABLE organisation_reports ADD COLUMN teacher_id text';

/** The owner's own link of a registered report (migration 8), the same on both engines. */
export const organisationReportOwnerLinkColumn = 'ALTER TABLE organisation_reports ADD COLUMN owner_link text';

/** The organisation's word list (migration 6), the same on both engines. */
export const organisationWordsTable = `
  CREATE TABLE organisation_words (
    organisation_id text NOT NULL,
    word text NOT NULL,
    added_by text,
    added_at text NOT NULL,
    PRIMARY KEY (organisation_id, word)
  );`;

/** The organisation's own review target (migration 11), the same on both engines: null until an administrator sets it. */
export const reviewTargetColumn = 'ALTER TABLE organisations ADD COLUMN review_target_days integer';

/** `?` placeholders numbered as PostgreSQL wants them ($1, $2...). Margin's statements hold no literal "?". */
export const numberedPlaceholders = (statement: string): string => {
  let n = 0;
  return statement.replace(/\?/g, () => `$${++n}`);
};

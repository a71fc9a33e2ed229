// The notifications concern of the store (migration 12): each signed-in member's inbox (what happened to their
// reports, said by whom, read or not) and the e-mail address a member may give for mail about it. A notification
// keeps names and ids only, never a report's text or a comment's: the inbox and the mail are made from these.
// One SQL implementation for every engine, through the organisations concern's `Sql` runner.
import type { NotificationKind } from '../../shared/protocol/notifications.ts';
import type { Sql } from './organisations.ts';

export interface NotificationRecord {
  /** A random id (UUID), what the member's app names it by. */
  id: string;
  organisationId: string;
  /** Whose inbox it is in. */
  memberId: string;
  kind: NotificationKind;
  /** The report it is about; absent for an invitation. */
  reportId?: string;
  /** Who did it, as the relay vouches: an account's name, or the name a link's holder gave. */
  actorName?: string;
  /** The report's kind as people read it ("Session report"), when the relay knew it. */
  reportKind?: string;
  createdAt: string;
  readAt?: string;
}

export interface NotificationStore {
  addNotification(notification: NotificationRecord): Promise<void>;
  /** A member's notifications, newest first, at most `limit`. */
  notificationsOf(memberId: string, limit: number): Promise<NotificationRecord[]>;
  /** How many of a member's notifications are unread. */
  unreadCount(memberId: string): Promise<number>;
  /** Marks one of the member's notifications read; false when they have none with that id. */
  markNotificationRead(memberId: string, id: string, at: string): Promise<boolean>;
  /** Marks every unread notification of the member read; how many were unread. */
  markAllNotificationsRead(memberId: string, at: string): Promise<number>;
  /** Sets (or, with undefined, forgets) the e-mail address mail for a member goes to. */
  setEmail(memberId: string, email: string | undefined): Promise<void>;
  emailOf(memberId: string): Promise<string | undefined>;
  /** The e-mail addresses of an organisation's members who gave one, by member id. */
  emailsOf(organisationId: string): Promise<Map<string, string>>;
}

interface NotificationRow {
  id: string;
  organisation_id: string;
  member_id: string;
  kind: NotificationKind;
  report_id: string | null;
  actor_name: string | null;
  report_kind: string | null;
  created_at: string;
  read_at: string | null;
}

const notificationOf = (row: NotificationRow): NotificationRecord => {
  const record: NotificationRecord = {
    id: row.id,
    organisationId: row.organisation_id,
    memberId: row.member_id,
    kind: row.kind,
    createdAt: row.created_at,
  };
  if (row.report_id !== null) record.reportId = row.report_id;
  if (row.actor_name !== null) record.actorName = row.actor_name;
  if (row.report_kind !== null) record.reportKind = row.report_kind;
  if (row.read_at !== null) record.readAt = row.read_at;
  return record;
};

export function sqlNotificationStore(sql: Sql): NotificationStore {
  return {
    async addNotification(n) {
      await sql.run(
        `INSERT INTO notifications (id, organisation_id, member_id, kind, report_id, actor_name, report_kind, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          n.id,
          n.organisationId,
          n.memberId,
          n.kind,
          n.reportId ?? null,
          n.actorName ?? null,
          n.reportKind ?? null,
          n.createdAt,
        ],
      );
    },
    async notificationsOf(memberId, limit) {
      const rows = await sql.all<NotificationRow>(
        `SELECT id, organisation_id, member_id, kind, report_id, actor_name, report_kind, created_at, read_at
         FROM notifications WHERE member_id = ? ORDER BY seq DESC LIMIT ?`,
        [memberId, limit],
      );
      return rows.map(notificationOf);
    },
    async unreadCount(memberId) {
      const [row] = await sql.all<{ unread: number | string }>(
        'SELECT count(*) AS unread FROM notifications WHERE member_id = ? AND read_at IS NULL',
        [memberId],
      );
      return Number(row?.unread ?? 0);
    },
    async markNotificationRead(memberId, id, at) {
      const [row] = await sql.all<{ read_at: string | null }>(
        'SELECT read_at FROM notifications WHERE id = ? AND member_id = ?',
        [id, memberId],
      );
      if (!row) return false;
      await sql.run('UPDATE notifications SET read_at = ? WHERE id = ? AND member_id = ? AND read_at IS NULL', [
        at,
        id,
        memberId,
      ]);
      return true;
    },
    markAllNotificationsRead: (memberId, at) =>
      sql.run('UPDATE notifications SET read_at = ? WHERE member_id = ? AND read_at IS NULL', [at, memberId]),
    async setEmail(memberId, email) {
      if (email === undefined) {
        await sql.run('DELETE FROM member_emails WHERE member_id = ?', [memberId]);
        return;
      }
      await sql.run(
        `INSERT INTO member_emails (member_id, email) VALUES (?, ?)
         ON CONFLICT (member_id) DO UPDATE SET email = excluded.email`,
        [memberId, email],
      );
    },
    async emailOf(memberId) {
      const [row] = await sql.all<{ email: string }>('SELECT email FROM member_emails WHERE member_id = ?', [memberId]);
      return row?.email;
    },
    async emailsOf(organisationId) {
      const rows = await sql.all<{ member_id: string; email: string }>(
        `SELECT member_emails.member_id, member_emails.email FROM member_emails
         JOIN members ON members.id = member_emails.member_id WHERE members.organisation_id = ?`,
        [organisationId],
      );
      return new Map(rows.map((row) => [row.member_id, row.email]));
    },
  };
}

/** The notifications tables (migration 12), the same on both engines but for how notifications are numbered. */
export const notificationTables = (seq: string) => `
  CREATE TABLE notifications (
    seq ${seq},
    id text NOT NULL UNIQUE,
    organisation_id text NOT NULL,
    member_id text NOT NULL,
    kind text NOT NULL,
    report_id text,
    actor_name text,
    report_kind text,
    created_at text NOT NULL,
    read_at text
  );
  CREATE INDEX notifications_by_member ON notifications (member_id, seq);
  CREATE TABLE member_emails (member_id text PRIMARY KEY, email text NOT NULL);`;

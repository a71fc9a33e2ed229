// A signed-in member's notifications (docs/protocol.md, "Notifications"): what the relay tells a member about their
// organisation's reports in their inbox, and by e-mail when the relay sends mail. Each carries names and ids only,
// never a report's text nor a comment's, so neither the inbox nor an e-mail can leak what a report says.
import { z } from 'zod';

export const notificationKinds = [
  'sent-back',
  'approved',
  'comment',
  'review-to-comment',
  'review-to-sign',
  'reviewed',
  'invitation',
] as const;
export const NotificationKind = z.enum(notificationKinds);
export type NotificationKind = z.infer<typeof NotificationKind>;

export const NotificationView = z.object({
  id: z.string(),
  kind: NotificationKind,
  /** The report it is about (absent for an invitation): the app opens `/report/<reportId>`. */
  reportId: z.string().optional(),
  /** Who did it. */
  by: z.string().optional(),
  /** The report's kind as people read it ("Session report"). */
  reportKind: z.string().optional(),
  /** ISO 8601. */
  at: z.string(),
  read: z.boolean(),
});
export type NotificationView = z.infer<typeof NotificationView>;

/** GET /api/organisation/notifications: the newest first, and how many are unread in all. */
export const NotificationList = z.object({ notifications: z.array(NotificationView), unread: z.number().int() });
export type NotificationList = z.infer<typeof NotificationList>;

/** At most this many notifications are listed, the newest. */
export const notificationListLimit = 200;

/** A notification's id as the relay makes it (a UUID). */
export const notificationIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** What a notification says, in a sentence with names only (the inbox's line and an e-mail's subject). */
export function notificationSentence(notification: Pick<NotificationView, 'kind' | 'by' | 'reportKind'>): string {
  const by = notification.by?.trim() || 'Someone';
  const what = notification.reportKind?.toLowerCase() ?? 'report';
  const a = /^[aeiou]/.test(what) ? `an ${what}` : `a ${what}`;
  switch (notification.kind) {
    case 'sent-back':
      return `${by} sent back your ${what}`;
    case 'approved':
      return `${by} approved your ${what}`;
    case 'comment':
      return `${by} commented on ${a}`;
    case 'review-to-comment':
      return `${by} finished ${a}: it is ready for your comments`;
    case 'review-to-sign':
      return `${by} signed ${a}: it is ready for your signature`;
    case 'reviewed':
      return `${by} marked your ${what} as reviewed`;
    case 'invitation':
      return `${by} invited you to join your organisation on Margin`;
  }
}

/** An e-mail address a member gives for mail: one line, one @, nothing a mail header could be split by. */
export const EmailAddress = z
  .string()
  .trim()
  .max(254, 'An e-mail address can be at most 254 characters.')
  .regex(
    /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]+$/,
    'Give an e-mail address like ada@example.org.',
  );

/** PUT /api/organisation/email: a member sets (or, with null, removes) their own e-mail address. */
export const EmailRequest = z.object({ email: EmailAddress.nullable() });
/** GET and PUT /api/organisation/email: the member's own address, if they gave one. */
export const EmailView = z.object({ email: z.string().optional() });
export type EmailView = z.infer<typeof EmailView>;

export const notificationPaths = {
  list: '/api/organisation/notifications',
  read: (id: string) => `/api/organisation/notifications/${encodeURIComponent(id)}/read`,
  readAll: '/api/organisation/notifications/read',
  email: '/api/organisation/email',
} as const;

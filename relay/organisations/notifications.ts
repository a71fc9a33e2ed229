// Who is told what (docs/protocol.md, "Notifications"): the relay puts a notification in a member's inbox when one
// of their organisation's reports is sent back or approved (its owner and mentor), when a termly review is ready
// for their comments (its mentor) or signature (its owner) or has been marked reviewed, when someone else comments
// on a report they own or mentor or in a thread they wrote in, and when they are invited; and, when the relay sends
// mail and the member gave an address, an e-mail saying the same with a link. Only reports registered with an
// organisation, only members who may open the report, never the person who acted. A notification holds names and
// ids, never a report's text or a comment's (not even the report's title, which is written by its tutor).
// Nothing here may hold up or fail what caused it: each call returns at once, and a problem is logged.
import { randomUUID } from 'node:crypto';
import type { Decision } from '../../shared/doc/status-doc.ts';
import { memberAccess } from '../../shared/protocol/member-access.ts';
import { type NotificationKind, notificationSentence } from '../../shared/protocol/notifications.ts';
import { invitationLink } from '../../shared/protocol/organisations.ts';
import type { WrittenComment } from '../comments-check.ts';
import { kindLabel, type ReportDirectory } from '../directory/report-directory.ts';
import type { Log } from '../log.ts';
import type { Mailer } from '../mail.ts';
import type { ReportStatuses } from '../statuses.ts';
import type { NotificationRecord } from '../storage/notifications.ts';
import type { MemberRecord, OrganisationReportRecord } from '../storage/organisations.ts';
import type { Storage } from '../storage/store.ts';

/** Whom a decision is news for: its kind of notification and who of the report's people. */
const decisionNews: Partial<Record<Decision['action'], { kind: NotificationKind; to: Array<'owner' | 'mentor'> }>> = {
  reject: { kind: 'sent-back', to: ['owner', 'mentor'] },
  approve: { kind: 'approved', to: ['owner', 'mentor'] },
  finish: { kind: 'review-to-comment', to: ['mentor'] },
  'teacher-sign': { kind: 'review-to-sign', to: ['owner'] },
  'mark-reviewed': { kind: 'reviewed', to: ['owner'] },
};

export interface NotifierOptions {
  store: Storage;
  statuses: ReportStatuses;
  /** Where the report's kind is read from. */
  directory: ReportDirectory;
  log: Log;
  /** Sends mail; none when SMTP_URL is not set. */
  mailer?: Mailer;
  /** Where people open the app (links in mail point there). */
  origin(): string;
}

export class Notifier {
  /** Settles once the notifications under way are stored (for tests and a clean stop). */
  private pending = new Set<Promise<void>>();

  constructor(private readonly options: NotifierOptions) {}

  /** A decision was recorded on a report. */
  decided(reportId: string, decision: Decision): void {
    const news = decisionNews[decision.action];
    if (!news) return;
    this.inBackground('decision', reportId, async () => {
      const report = await this.options.store.report(reportId);
      if (!report) return;
      const to = news.to.flatMap((part) =>
        part === 'owner' ? [report.ownerId] : report.mentorId ? [report.mentorId] : [],
      );
      await this.tell(report, to, news.kind, decision.by.name, (id) => id === decision.by.memberId);
    });
  }

  /** Someone added comments to a report's comments room. */
  commented(reportId: string, comments: WrittenComment[]): void {
    this.inBackground('comment', reportId, async () => {
      const report = await this.options.store.report(reportId);
      if (!report) return;
      // One notification per person for one change, however many comments it added.
      const told = new Set<string>();
      for (const comment of comments) {
        const to = [report.ownerId, ...(report.mentorId ? [report.mentorId] : []), ...comment.threadMembers].filter(
          (id) => !told.has(id),
        );
        const sent = await this.tell(report, to, 'comment', comment.author.name, (id) =>
          wroteIt(id, comment.author, report),
        );
        sent.forEach((id) => told.add(id));
      }
    });
  }

  /** A member was invited (or invited again); `email`, when given, is where the invitation is mailed. */
  invited(member: MemberRecord, token: string, by: MemberRecord | undefined, organisationName: string): void {
    this.inBackground('invitation', member.id, async () => {
      const at = new Date().toISOString();
      await this.options.store.addNotification({
        id: randomUUID(),
        organisationId: member.organisationId,
        memberId: member.id,
        kind: 'invitation',
        ...(by ? { actorName: by.name } : {}),
        createdAt: at,
      });
      const email = await this.options.store.emailOf(member.id);
      if (!email || !this.options.mailer) return;
      const who = by?.name ?? 'Your administrator';
      this.options.mailer.send(
        {
          to: email,
          subject: `${who} invited you to join ${organisationName} on Margin`,
          text: [
            `Hello ${member.name},`,
            '',
            `${who} invited you to join ${organisationName} on Margin.`,
            'Open this link to accept the invitation and make a passkey (it works once, within 7 days):',
            '',
            invitationLink(this.options.origin(), token),
            '',
          ].join('\n'),
        },
        { kind: 'invitation', member: member.id },
      );
    });
  }

  /** Settles once every notification started so far is stored and its mail queued. */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
    await this.options.mailer?.idle();
  }

  /**
   * Stores a notification for each of `to` (once each) who is a current member of the report's organisation, may
   * open the report, and did not act themselves; mails those who gave an address. Returns who was told.
   */
  private async tell(
    report: OrganisationReportRecord,
    to: string[],
    kind: NotificationKind,
    actorName: string,
    actedThemselves: (memberId: string) => boolean,
  ): Promise<string[]> {
    const status = await this.options.statuses.load(report.reportId);
    const kindId = (await this.options.directory.row(report.reportId))?.content?.kindId;
    const told: string[] = [];
    for (const memberId of new Set(to)) {
      if (actedThemselves(memberId)) continue;
      const member = await this.options.store.member(memberId);
      if (!member || member.removedAt || !memberAccess(member, { ...report, status }).ok) continue;
      const notification: NotificationRecord = {
        id: randomUUID(),
        organisationId: report.organisationId,
        memberId,
        kind,
        reportId: report.reportId,
        actorName,
        ...(kindId ? { reportKind: kindLabel(kindId) } : {}),
        createdAt: new Date().toISOString(),
      };
      await this.options.store.addNotification(notification);
      told.push(memberId);
      await this.mail(member, notification);
    }
    return told;
  }

  private async mail(member: MemberRecord, notification: NotificationRecord): Promise<void> {
    const { mailer, store } = this.options;
    if (!mailer) return;
    const email = await store.emailOf(member.id);
    if (!email) return;
    const sentence = notificationSentence({
      kind: notification.kind,
      by: notification.actorName,
      reportKind: notification.reportKind,
    });
    const origin = this.options.origin();
    mailer.send(
      {
        to: email,
        subject: sentence,
        text: [
          `Hello ${member.name},`,
          '',
          `${sentence}.`,
          '',
          `Open the report: ${origin}/report/${notification.reportId}`,
          `Your inbox: ${origin}/inbox`,
          '',
          'You are sent this because you gave Margin your e-mail address; you can remove it on your account page.',
          '',
        ].join('\n'),
      },
      { kind: notification.kind, member: member.id, report: notification.reportId ?? '' },
    );
  }

  private inBackground(about: string, subject: string, work: () => Promise<void>): void {
    const running = Promise.resolve()
      .then(work)
      .catch((error: unknown) =>
        this.options.log.error(
          { about, subject, problem: error instanceof Error ? error.message : String(error) },
          'could not store a notification',
        ),
      )
      .finally(() => this.pending.delete(running));
    this.pending.add(running);
  }
}

/**
 * Whether a member wrote a comment: by its member id, or, for a comment sent with a share link (which names no
 * member), by the link's role: a tutor's link is the owner's, a mentor's link the mentor's.
 */
function wroteIt(memberId: string, author: WrittenComment['author'], report: OrganisationReportRecord): boolean {
  if (author.memberId !== undefined) return author.memberId === memberId;
  return (
    (author.role === 'tutor' && memberId === report.ownerId) ||
    (author.role === 'mentor' && memberId === report.mentorId)
  );
}

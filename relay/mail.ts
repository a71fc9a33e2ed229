// Mail the relay sends (notifications and invitations) when SMTP_URL is set, through nodemailer. Sending never
// holds up what caused it: each message joins a queue and is sent in turn; a failure is logged and dropped. The log
// names what the mail was about (its kind, a member's id, a report's id), never an address, a subject or a body,
// and of a failure only the mail library's code, since its messages can quote addresses.
import nodemailer from 'nodemailer';
import type { Log } from './log.ts';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** What a mail is about, for the log: ids and kinds only. */
export type MailAbout = Record<string, string>;

export interface Mailer {
  /** Queues a message; returns at once. */
  send(mail: Mail, about: MailAbout): void;
  /** Settles once every message queued so far has been sent or given up on. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export interface MailSettings {
  /** smtp://user:password@host:port or smtps://… (nodemailer's connection URL). */
  url: string;
  /** The From header: `Margin <margin@example.org>`. */
  from: string;
}

/** Whether SMTP_URL is a URL nodemailer can connect with; the problem when not (never repeating a password). */
export function smtpUrlProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'SMTP_URL must be a URL like smtp://user:password@mail.example.org:587';
  }
  if (!['smtp:', 'smtps:'].includes(parsed.protocol) || !parsed.hostname)
    return `SMTP_URL must start with smtp:// or smtps:// and name a host, not ${parsed.protocol}//…`;
  return undefined;
}

export function smtpMailer(settings: MailSettings, log: Log): Mailer {
  const transport = nodemailer.createTransport(settings.url);
  let queue: Promise<void> = Promise.resolve();
  return {
    send(mail, about) {
      queue = queue.then(async () => {
        try {
          await transport.sendMail({ from: settings.from, to: mail.to, subject: mail.subject, text: mail.text });
          log.info(about, 'sent an e-mail');
        } catch (error) {
          const { code, responseCode } = (error ?? {}) as { code?: unknown; responseCode?: unknown };
          log.warn(
            {
              ...about,
              problem: typeof code === 'string' ? code : 'unknown',
              ...(typeof responseCode === 'number' ? { responseCode } : {}),
            },
            'could not send an e-mail',
          );
        }
      });
    },
    idle: () => queue,
    async close() {
      await queue;
      transport.close();
    },
  };
}

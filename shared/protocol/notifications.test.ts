import { describe, expect, it } from 'vitest';
import { EmailRequest, notificationSentence } from './notifications.ts';

describe('what a notification says', () => {
  it('names who did what to which kind of report, with the right article', () => {
    expect(notificationSentence({ kind: 'sent-back', by: 'Rita Reviewer', reportKind: 'Session report' })).toBe(
      'Rita Reviewer sent back your session report',
    );
    expect(notificationSentence({ kind: 'comment', by: 'Rita', reportKind: 'Individual Learning Plan' })).toBe(
      'Rita commented on an individual learning plan',
    );
    expect(notificationSentence({ kind: 'review-to-sign', by: 'Tess', reportKind: 'Termly progress review' })).toBe(
      'Tess signed a termly progress review: it is ready for your signature',
    );
    expect(notificationSentence({ kind: 'approved' })).toBe('Someone approved your report');
  });
});

describe('an e-mail address', () => {
  it('takes one address, trimmed, and refuses anything a mail header could be split by', () => {
    expect(EmailRequest.parse({ email: ' ada@example.org ' })).toEqual({ email: 'ada@example.org' });
    expect(EmailRequest.parse({ email: null })).toEqual({ email: null });
    for (const bad of [
      'ada',
      'ada@example',
      'a b@example.org',
      'ada@example.org\nBcc: x@y.z',
      'Ada <ada@example.org>',
      `${'a'.repeat(250)}@example.org`,
    ])
      expect(EmailRequest.safeParse({ email: bad }).success).toBe(false);
  });
});

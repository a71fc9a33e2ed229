// The notifications concern's behaviour, the same on every backend (run from describeStorage for each backend).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NotificationRecord, NotificationStore } from './notifications.ts';
import type { OrganisationStore } from './organisations.ts';

type Opened = NotificationStore & OrganisationStore & { close(): Promise<void> };

const at = (minute: number) => new Date(Date.UTC(2030, 0, 1, 10, minute)).toISOString();
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const notification = (n: number, over: Partial<NotificationRecord> = {}): NotificationRecord => ({
  id: id(n),
  organisationId: 'org-1',
  memberId: 'tom',
  kind: 'comment',
  reportId: 'report-1',
  actorName: 'Rita Reviewer',
  reportKind: 'Session report',
  createdAt: at(n),
  ...over,
});

export function describeNotificationStore(backend: string, open: () => Promise<Opened>): void {
  describe(`${backend} notification store`, () => {
    let store: Opened;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(() => store.close());

    it('keeps each member’s notifications apart, newest first, and marks them read one by one or all at once', async () => {
      await store.addNotification(notification(1));
      await store.addNotification(notification(2, { kind: 'sent-back', reportKind: undefined }));
      await store.addNotification(notification(3, { memberId: 'una', organisationId: 'org-2' }));
      await store.addNotification(
        notification(4, { kind: 'invitation', reportId: undefined, actorName: undefined, reportKind: undefined }),
      );
      expect((await store.notificationsOf('tom', 10)).map((n) => n.id)).toEqual([id(4), id(2), id(1)]);
      expect(await store.notificationsOf('tom', 1)).toEqual([
        { id: id(4), organisationId: 'org-1', memberId: 'tom', kind: 'invitation', createdAt: at(4) },
      ]);
      expect(await store.unreadCount('tom')).toBe(3);
      // Another member's notification is not theirs to mark, and an unknown id is not found.
      expect(await store.markNotificationRead('tom', id(3), at(9))).toBe(false);
      expect(await store.markNotificationRead('tom', id(99), at(9))).toBe(false);
      expect((await store.notificationsOf('una', 10))[0]?.readAt).toBeUndefined();
      expect(await store.markNotificationRead('tom', id(2), at(9))).toBe(true);
      // Marking again keeps the first time it was read.
      expect(await store.markNotificationRead('tom', id(2), at(10))).toBe(true);
      expect((await store.notificationsOf('tom', 10)).find((n) => n.id === id(2))?.readAt).toBe(at(9));
      expect(await store.unreadCount('tom')).toBe(2);
      expect(await store.markAllNotificationsRead('tom', at(11))).toBe(2);
      expect(await store.markAllNotificationsRead('tom', at(12))).toBe(0);
      expect(await store.unreadCount('tom')).toBe(0);
      expect(await store.unreadCount('una')).toBe(1);
    });

    it('keeps a member’s e-mail address, changes it, forgets it, and lists an organisation’s', async () => {
      for (const [member, organisationId] of [
        ['tom', 'org-1'],
        ['ann', 'org-1'],
        ['una', 'org-2'],
      ])
        await store.addMember({
          id: member!,
          organisationId: organisationId!,
          name: member!,
          role: 'tutor',
          createdAt: at(0),
        });
      expect(await store.emailOf('tom')).toBeUndefined();
      await store.setEmail('tom', 'tom@example.org');
      await store.setEmail('tom', 'tom.tutor@example.org');
      await store.setEmail('una', 'una@example.org');
      await store.setEmail('ann', 'ann@example.org');
      expect(await store.emailOf('tom')).toBe('tom.tutor@example.org');
      expect(Object.fromEntries(await store.emailsOf('org-1'))).toEqual({
        tom: 'tom.tutor@example.org',
        ann: 'ann@example.org',
      });
      await store.setEmail('ann', undefined);
      expect(await store.emailOf('ann')).toBeUndefined();
      expect([...(await store.emailsOf('org-1')).keys()]).toEqual(['tom']);
    });
  });
}

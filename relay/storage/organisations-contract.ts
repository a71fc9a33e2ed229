// The organisations concern's behaviour, the same on every backend (run from each backend's test file).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MemberRecord, OrganisationStore } from './organisations.ts';

type Opened = OrganisationStore & { close(): Promise<void> };

const at = (minute: number) => new Date(Date.UTC(2030, 0, 1, 10, minute)).toISOString();

const member = (id: string, over: Partial<MemberRecord> = {}): MemberRecord => ({
  id,
  organisationId: 'org-1',
  name: `Member ${id}`,
  role: 'tutor',
  createdAt: at(1),
  ...over,
});

export function describeOrganisationStore(backend: string, open: () => Promise<Opened>): void {
  describe(`${backend} organisation store`, () => {
    let store: Opened;
    beforeEach(async () => {
      store = await open();
      await store.addOrganisation({
        id: 'org-1',
        name: 'Bright Tutors',
        kind: 'agency',
        createdAt: at(0),
        sessionIdleMinutes: 60,
      });
    });
    afterEach(() => store.close());

    it('keeps organisations, their idle time and the schools linked to an appropriate body', async () => {
      await store.addOrganisation({
        id: 'ab',
        name: 'North AB',
        kind: 'appropriate-body',
        createdAt: at(1),
        sessionIdleMinutes: 30,
      });
      await store.addOrganisation({
        id: 'school',
        name: 'Hill School',
        kind: 'school',
        createdAt: at(2),
        sessionIdleMinutes: 30,
      });
      await store.setSessionIdleMinutes('org-1', 15);
      expect((await store.organisations()).map((o) => [o.id, o.kind, o.sessionIdleMinutes])).toEqual([
        ['org-1', 'agency', 15],
        ['ab', 'appropriate-body', 30],
        ['school', 'school', 30],
      ]);
      expect(await store.linkOrganisations('ab', 'school')).toBe(true);
      expect(await store.linkOrganisations('ab', 'school')).toBe(false);
      expect(await store.linkedOrganisations('ab')).toEqual(['school']);
      expect(await store.linkedOrganisations('school')).toEqual(['ab']);
      expect(await store.organisation('missing')).toBeUndefined();
    });

    it('keeps no review target until one is set, then the organisation’s own', async () => {
      expect((await store.organisation('org-1'))?.reviewTargetDays).toBeUndefined();
      await store.setReviewTargetDays('org-1', 5);
      expect(await store.organisation('org-1')).toMatchObject({ id: 'org-1', reviewTargetDays: 5 });
      await store.setReviewTargetDays('org-1', 1);
      expect((await store.organisations()).map((o) => o.reviewTargetDays)).toEqual([1]);
    });

    it('keeps members with their roles, and a removed member stays listed as removed with their sessions ended', async () => {
      await store.addMember(member('m1', { role: 'administrator' }));
      await store.addMember(member('m2', { role: 'client-contact', clientId: 'client-9', createdAt: at(2) }));
      expect(await store.setRole('m1', 'quality-reviewer')).toBe(true);
      await store.addSession({
        tokenHash: 's1',
        memberId: 'm2',
        label: 'Chromium',
        createdAt: at(3),
        lastSeenAt: at(3),
      });
      expect(await store.removeMember('m2', at(4))).toBe(true);
      expect(await store.removeMember('m2', at(5))).toBe(false);
      expect(await store.setRole('m2', 'tutor')).toBe(false);
      expect(await store.members('org-1')).toEqual([
        member('m1', { role: 'quality-reviewer' }),
        member('m2', { role: 'client-contact', clientId: 'client-9', createdAt: at(2), removedAt: at(4) }),
      ]);
      expect((await store.session('s1'))?.endedAt).toBe(at(4));
    });

    it('uses an invitation once', async () => {
      await store.addMember(member('m1'));
      const invitation = {
        id: 'i1',
        tokenHash: 'hash-1',
        organisationId: 'org-1',
        memberId: 'm1',
        createdAt: at(1),
        expiresAt: at(59),
      };
      await store.addInvitation(invitation);
      expect(await store.invitationByTokenHash('hash-1')).toEqual(invitation);
      const tries = await Promise.all([store.useInvitation('i1', at(2)), store.useInvitation('i1', at(2))]);
      expect(tries.sort()).toEqual([false, true]);
      expect(await store.invitationByTokenHash('hash-1')).toEqual({ ...invitation, usedAt: at(2) });
      expect(await store.invitationByTokenHash('unknown')).toBeUndefined();
    });

    it('keeps passkeys per member, with their counters, and removes only the member’s own', async () => {
      const passkey = {
        id: 'cred-1',
        memberId: 'm1',
        publicKey: 'pQECAyYgASFYIA',
        counter: 0,
        transports: ['internal', 'hybrid'],
        label: 'Passkey added on 1 Jan 2030',
        createdAt: at(1),
      };
      await store.addPasskey(passkey);
      await store.addPasskey({ ...passkey, id: 'cred-2', createdAt: at(2) });
      await store.usePasskey('cred-1', 7, at(3));
      expect(await store.passkey('cred-1')).toEqual({ ...passkey, counter: 7, lastUsedAt: at(3) });
      expect(await store.removePasskey('cred-2', 'someone-else')).toBe(false);
      expect(await store.removePasskey('cred-2', 'm1')).toBe(true);
      expect((await store.passkeysOf('m1')).map((p) => p.id)).toEqual(['cred-1']);
    });

    it('ends one session or all of a member’s', async () => {
      for (const [hash, minute] of [
        ['a', 1],
        ['b', 2],
        ['c', 3],
      ] as const) {
        await store.addSession({
          tokenHash: hash,
          memberId: 'm1',
          label: 'Firefox',
          createdAt: at(minute),
          lastSeenAt: at(minute),
        });
      }
      await store.touchSession('a', at(10));
      expect((await store.session('a'))?.lastSeenAt).toBe(at(10));
      expect(await store.endSession('a', at(11))).toBe(true);
      expect(await store.endSession('a', at(12))).toBe(false);
      expect(await store.endSessionsOf('m1', at(13))).toBe(2);
      expect((await store.sessionsOf('m1')).map((s) => [s.tokenHash, s.endedAt])).toEqual([
        ['a', at(11)],
        ['b', at(13)],
        ['c', at(13)],
      ]);
    });

    it('gives a challenge to one taker only', async () => {
      await store.addChallenge({
        challenge: 'ch-1',
        purpose: 'enrol',
        subject: 'i1',
        expiresAt: '2999-01-01T00:00:00.000Z',
      });
      const takes = await Promise.all([store.takeChallenge('ch-1'), store.takeChallenge('ch-1')]);
      expect(takes.filter(Boolean)).toEqual([
        { challenge: 'ch-1', purpose: 'enrol', subject: 'i1', expiresAt: '2999-01-01T00:00:00.000Z' },
      ]);
    });

    it('appends to the audit log in order, per organisation', async () => {
      await store.appendAudit({ organisationId: 'org-1', at: at(1), action: 'organisation created' });
      await store.appendAudit({
        organisationId: 'org-1',
        at: at(1),
        actor: 'm1',
        action: 'member invited',
        subject: 'm2',
        detail: { role: 'tutor' },
      });
      await store.appendAudit({ organisationId: 'other', at: at(0), action: 'organisation created' });
      expect(await store.audit('org-1')).toEqual([
        { organisationId: 'org-1', at: at(1), action: 'organisation created' },
        {
          organisationId: 'org-1',
          at: at(1),
          actor: 'm1',
          action: 'member invited',
          subject: 'm2',
          detail: { role: 'tutor' },
        },
      ]);
    });

    it('registers a report with one organisation once, with its owner, mentor and client', async () => {
      const report = {
        reportId: 'report-1',
        organisationId: 'org-1',
        ownerId: 'm1',
        mentorId: 'm2',
        clientId: 'client-9',
        createdAt: at(2),
      };
      expect(await store.addReport(report)).toBe(true);
      expect(await store.addReport({ ...report, organisationId: 'org-2', ownerId: 'm3' })).toBe(false);
      expect(
        await store.addReport({ reportId: 'report-0', organisationId: 'org-1', ownerId: 'm1', createdAt: at(1) }),
      ).toBe(true);
      await store.addReport({ reportId: 'report-2', organisationId: 'org-2', ownerId: 'm3', createdAt: at(0) });
      expect(await store.report('report-1')).toEqual(report);
      expect(await store.report('missing')).toBeUndefined();
      expect((await store.reports('org-1')).map((r) => [r.reportId, r.mentorId])).toEqual([
        ['report-0', undefined],
        ['report-1', 'm2'],
      ]);
      expect(await store.setReportClient('report-0', 'client-3')).toBe(true);
      expect(await store.setReportClient('missing', 'client-3')).toBe(false);
      expect((await store.report('report-0'))?.clientId).toBe('client-3');
      expect((await store.report('report-2'))?.clientId).toBeUndefined();
    });

    it('names the early career teacher of a registered report, and clears it', async () => {
      await store.addReport({ reportId: 'review-1', organisationId: 'org-1', ownerId: 'm1', createdAt: at(1) });
      expect(await store.setReportTeacher('review-1', 'm4')).toBe(true);
      expect((await store.report('review-1'))?.teacherId).toBe('m4');
      expect(await store.setReportTeacher('review-1', undefined)).toBe(true);
      expect((await store.report('review-1'))?.teacherId).toBeUndefined();
      expect(await store.setReportTeacher('not-registered', 'm4')).toBe(false);
    });

    it('keeps each organisation’s words once, in order, and takes one off', async () => {
      expect(await store.addWord({ organisationId: 'org-1', word: 'Okafor', addedBy: 'm1', addedAt: at(1) })).toBe(
        true,
      );
      expect(await store.addWord({ organisationId: 'org-1', word: 'Okafor', addedAt: at(2) })).toBe(false);
      expect(await store.addWord({ organisationId: 'org-1', word: 'Aaliyah', addedAt: at(3) })).toBe(true);
      expect(await store.addWord({ organisationId: 'org-2', word: 'Zed', addedAt: at(3) })).toBe(true);
      expect(await store.words('org-1')).toEqual([
        { organisationId: 'org-1', word: 'Aaliyah', addedAt: at(3) },
        { organisationId: 'org-1', word: 'Okafor', addedBy: 'm1', addedAt: at(1) },
      ]);
      expect(await store.removeWord('org-1', 'Okafor')).toBe(true);
      expect(await store.removeWord('org-1', 'Okafor')).toBe(false);
      expect(await store.removeWord('org-1', 'Zed')).toBe(false);
      expect((await store.words('org-1')).map((w) => w.word)).toEqual(['Aaliyah']);
      expect((await store.words('org-2')).map((w) => w.word)).toEqual(['Zed']);
    });
  });
}

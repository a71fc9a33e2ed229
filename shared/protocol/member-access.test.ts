import { describe, expect, it } from 'vitest';
import { ok } from '../result.ts';
import { reportStatuses } from '../workflow/status.ts';
import {
  mayReview,
  maySignAsTeacher,
  memberAccess,
  memberRefusals,
  type MemberFacts,
  type OrganisationReportFacts,
} from './member-access.ts';
import { memberRoles } from './organisations.ts';
import { tokenRoomAccess } from './room-access.ts';
import { roles } from './roles.ts';

const member = (over: Partial<MemberFacts> = {}): MemberFacts => ({
  id: 'member-1',
  organisationId: 'org-a',
  role: 'tutor',
  ...over,
});

const report = (over: Partial<OrganisationReportFacts> = {}): OrganisationReportFacts => ({
  organisationId: 'org-a',
  ownerId: 'owner',
  status: 'submitted',
  ...over,
});

const refused = (problem: string) => ({ ok: false, problem });

describe('a member’s access to a report', () => {
  it('refuses every member of another organisation, owner id or role notwithstanding', () => {
    for (const role of memberRoles) {
      expect(memberAccess(member({ role, organisationId: 'org-b', id: 'owner' }), report())).toEqual(
        refused(memberRefusals.otherOrganisation),
      );
    }
  });

  it('lets the owner write, as tutor, whatever their membership and the status', () => {
    for (const role of memberRoles) {
      for (const status of reportStatuses) {
        expect(memberAccess(member({ role, id: 'owner' }), report({ status }))).toEqual({
          ok: true,
          value: { role: 'tutor', readOnly: false },
        });
      }
    }
  });

  it('never gives anyone a role that approves or reviews a report they own or mentor', () => {
    for (const role of memberRoles) {
      for (const status of reportStatuses) {
        for (const facts of [report({ status }), report({ status, mentorId: 'owner' })]) {
          const own = memberAccess(member({ role, id: 'owner' }), facts);
          expect(own.ok && own.value.role).not.toBe('reviewer');
        }
        const mentored = memberAccess(member({ role }), report({ status, mentorId: 'member-1' }));
        expect(mentored.ok && mentored.value.role).toBe('mentor');
      }
    }
  });

  it('lets the assigned mentor write, as mentor', () => {
    expect(memberAccess(member({ role: 'mentor' }), report({ mentorId: 'member-1', status: 'draft' }))).toEqual({
      ok: true,
      value: { role: 'mentor', readOnly: false },
    });
  });

  it('lets a quality reviewer review every submitted report of the organisation, and no draft', () => {
    const reviewer = member({ role: 'quality-reviewer' });
    expect(memberAccess(reviewer, report({ status: 'draft' }))).toEqual(refused(memberRefusals.notSubmitted));
    for (const status of reportStatuses.filter((each) => each !== 'draft'))
      expect(memberAccess(reviewer, report({ status }))).toEqual({
        ok: true,
        value: { role: 'reviewer', readOnly: false },
      });
  });

  it('lets a coordinator read every report, draft or not, and write nothing', () => {
    for (const status of reportStatuses) {
      const access = memberAccess(member({ role: 'coordinator' }), report({ status }));
      expect(access).toEqual({ ok: true, value: { role: 'reviewer', readOnly: true } });
      for (const kind of ['content', 'comments', 'status'] as const)
        expect(tokenRoomAccess({ role: 'reviewer', readOnly: true }, kind, status)).toEqual({
          ok: true,
          value: { write: false, seesInternal: true },
        });
    }
  });

  it('lets a client contact read their own client’s reports as a client, and no other client’s', () => {
    const contact = member({ role: 'client-contact', clientId: 'client-9' });
    expect(memberAccess(contact, report({ clientId: 'client-9' }))).toEqual({
      ok: true,
      value: { role: 'client', readOnly: false },
    });
    for (const clientId of ['client-8', undefined])
      expect(memberAccess(contact, report({ clientId }))).toEqual(refused(memberRefusals.noPart('client-contact')));
    expect(memberAccess(member({ role: 'client-contact' }), report())).toEqual(
      refused(memberRefusals.noPart('client-contact')),
    );
  });

  it('gives other members no part in a report they neither own nor mentor', () => {
    for (const role of [
      'administrator',
      'tutor',
      'mentor',
      'early-career-teacher',
      'appropriate-body-reviewer',
    ] as const)
      expect(memberAccess(member({ role }), report())).toEqual(refused(memberRefusals.noPart(role)));
    expect(memberRefusals.noPart('tutor')).toBe(
      'As a tutor you have no part in this report. Ask its owner or a coordinator.',
    );
    expect(memberRefusals.noPart('early-career-teacher')).toMatch(/^As an early career teacher you have no part/);
  });

  it('lets an appropriate body’s reviewer review its linked schools’ termly reviews once both have signed, and nothing else', () => {
    const body = member({ id: 'ab-1', organisationId: 'body', role: 'appropriate-body-reviewer', schools: ['org-a'] });
    expect(memberAccess(body, report({ status: 'with-reviewer' }))).toEqual(ok({ role: 'reviewer', readOnly: false }));
    expect(memberAccess(body, report({ status: 'reviewed' })).ok).toBe(true);
    for (const status of ['draft', 'teacher-to-comment', 'needs-signatures', 'submitted', 'approved'] as const)
      expect(memberAccess(body, report({ status }))).toEqual(refused(memberRefusals.notYetSigned));
    expect(memberAccess(body, report({ organisationId: 'org-b', status: 'with-reviewer' }))).toEqual(
      refused(memberRefusals.otherOrganisation),
    );
    // A school listed for another role gives nothing: only the body's reviewers receive its reviews.
    expect(
      memberAccess(
        member({ role: 'tutor', organisationId: 'body', schools: ['org-1'] }),
        report({ status: 'with-reviewer' }),
      ),
    ).toEqual(refused(memberRefusals.otherOrganisation));
    expect(mayReview('reviewer', body, report({ status: 'with-reviewer' })).ok).toBe(true);
  });

  it('makes the early career teacher named on a review its teacher, and nobody else', () => {
    const review = report({ teacherId: 'ect-1' });
    expect(memberAccess(member({ id: 'ect-1', role: 'early-career-teacher' }), review)).toEqual(
      ok({ role: 'teacher', readOnly: false }),
    );
    expect(memberAccess(member({ id: 'ect-2', role: 'early-career-teacher' }), review)).toEqual(
      refused(memberRefusals.noPart('early-career-teacher')),
    );
    expect(maySignAsTeacher('teacher', undefined, review)).toEqual(refused(memberRefusals.teacherSignsSignedIn));
    expect(maySignAsTeacher('teacher', member({ id: 'ect-2', role: 'early-career-teacher' }), review)).toEqual(
      refused(memberRefusals.noPart('early-career-teacher')),
    );
    expect(maySignAsTeacher('teacher', member({ id: 'ect-1', role: 'early-career-teacher' }), review).ok).toBe(true);
    // Other roles' decisions are left to their own rules.
    expect(maySignAsTeacher('tutor', undefined, review).ok).toBe(true);
  });
});

describe('who may review an organisation’s report', () => {
  it('lets only a quality reviewer who neither owns nor mentors it review it, never a link', () => {
    const reviewing = report({ mentorId: 'mentor' });
    expect(mayReview('reviewer', member({ role: 'quality-reviewer' }), reviewing)).toEqual({
      ok: true,
      value: undefined,
    });
    expect(mayReview('reviewer', undefined, reviewing)).toEqual(refused(memberRefusals.reviewWithLink));
    // A token made for a quality reviewer who has since become the report's owner or mentor, or lost the role.
    expect(mayReview('reviewer', member({ role: 'quality-reviewer', id: 'owner' }), reviewing)).toEqual(
      refused(memberRefusals.reviewWithoutPart),
    );
    expect(mayReview('reviewer', member({ role: 'quality-reviewer', id: 'mentor' }), reviewing)).toEqual(
      refused(memberRefusals.reviewWithoutPart),
    );
    expect(mayReview('reviewer', member({ role: 'coordinator' }), reviewing)).toEqual(
      refused(memberRefusals.reviewWithoutPart),
    );
    expect(mayReview('reviewer', member({ role: 'tutor' }), reviewing)).toEqual(
      refused(memberRefusals.noPart('tutor')),
    );
  });

  it('leaves decisions of roles that do not review to the workflow', () => {
    for (const role of roles.filter((each) => each !== 'reviewer'))
      expect(mayReview(role, undefined, report())).toEqual({ ok: true, value: undefined });
  });
});

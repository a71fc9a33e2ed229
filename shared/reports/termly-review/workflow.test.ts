import { describe, expect, it } from 'vitest';
import { powers, roles } from '../../protocol/roles.ts';
import { termlyActionsFor, termlyTransition, type TermlyReviewReadiness } from './workflow.ts';

const ready: TermlyReviewReadiness = {
  notOnTrack: false,
  supportPlanAttached: false,
  factsConfirmed: true,
  teacherCommented: true,
};

describe('the termly review’s order', () => {
  it('goes draft, teacher to comment, needs signatures, with the reviewer, reviewed', () => {
    expect(termlyTransition('draft', 'finish', 'tutor', ready)).toEqual({
      ok: true,
      value: { to: 'teacher-to-comment' },
    });
    expect(termlyTransition('teacher-to-comment', 'teacher-sign', 'teacher', ready)).toEqual({
      ok: true,
      value: { to: 'needs-signatures' },
    });
    expect(termlyTransition('needs-signatures', 'tutor-sign', 'tutor', ready)).toEqual({
      ok: true,
      value: { to: 'with-reviewer' },
    });
    expect(termlyTransition('with-reviewer', 'mark-reviewed', 'reviewer', ready)).toEqual({
      ok: true,
      value: { to: 'reviewed' },
    });
  });

  it('does not let the tutor sign before the teacher has', () => {
    expect(termlyTransition('teacher-to-comment', 'tutor-sign', 'tutor', ready)).toEqual({
      ok: false,
      problem:
        'The teacher signs first: you can sign once the teacher has confirmed the facts, added their comments and signed.',
    });
    expect(termlyTransition('draft', 'tutor-sign', 'tutor', ready)).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/^Finish the review first/),
    });
  });

  it('does not let the teacher sign before the tutor has finished, nor without confirming the facts and commenting', () => {
    expect(termlyTransition('draft', 'teacher-sign', 'teacher', ready)).toEqual({
      ok: false,
      problem: 'Your induction tutor has not finished this review yet: you can comment and sign once they have.',
    });
    expect(
      termlyTransition('teacher-to-comment', 'teacher-sign', 'teacher', { ...ready, factsConfirmed: false }),
    ).toMatchObject({ ok: false, problem: expect.stringMatching(/^Confirm the details/) });
    expect(
      termlyTransition('teacher-to-comment', 'teacher-sign', 'teacher', { ...ready, teacherCommented: false }),
    ).toEqual({ ok: false, problem: 'Add your comments before you sign.' });
  });

  it('needs the support plan before a review that is not on track is finished', () => {
    expect(termlyTransition('draft', 'finish', 'tutor', { ...ready, notOnTrack: true })).toEqual({
      ok: false,
      problem: 'Attach the support plan: a review that finds the teacher not on track needs one before it is finished.',
    });
    expect(
      termlyTransition('draft', 'finish', 'tutor', { ...ready, notOnTrack: true, supportPlanAttached: true }),
    ).toMatchObject({ ok: true });
    expect(termlyTransition('draft', 'finish', 'tutor', { ...ready, formProblem: 'Give the days served.' })).toEqual({
      ok: false,
      problem: 'The review is not complete yet: Give the days served.',
    });
  });

  it('lets only the right person take each step', () => {
    expect(termlyTransition('teacher-to-comment', 'teacher-sign', 'tutor', ready)).toEqual({
      ok: false,
      problem: 'Only the teacher can sign as the teacher; this link is for a tutor.',
    });
    expect(termlyTransition('draft', 'finish', 'mentor', ready)).toMatchObject({ ok: false });
    expect(termlyTransition('needs-signatures', 'tutor-sign', 'reviewer', ready)).toMatchObject({ ok: false });
    expect(termlyTransition('teacher-to-comment', 'mark-reviewed', 'reviewer', ready)).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/both signed/),
    });
  });

  it('lets the tutor take it back to amend until they have signed', () => {
    expect(termlyTransition('needs-signatures', 'amend', 'tutor', ready)).toEqual({ ok: true, value: { to: 'draft' } });
    expect(termlyTransition('with-reviewer', 'amend', 'tutor', ready)).toMatchObject({ ok: false });
    expect(termlyActionsFor('needs-signatures', 'tutor')).toEqual(['tutor-sign', 'amend']);
    expect(termlyActionsFor('teacher-to-comment', 'teacher')).toEqual(['teacher-sign']);
  });
});

describe('marking a review reviewed', () => {
  it('is for the roles that review alone (powers.reviews), so no link for an organisation’s review carries one', () => {
    for (const role of roles)
      expect(termlyTransition('with-reviewer', 'mark-reviewed', role, ready).ok).toBe(powers[role].reviews);
  });
});

import { describe, expect, it } from 'vitest';
import { reportStatuses } from '../workflow/status.ts';
import { closeCodes } from './limits.ts';
import { roles } from './roles.ts';
import { mayEditContent, roomAccess } from './room-access.ts';

describe('room access', () => {
  it('lets everyone read the status room live and no one write it', () => {
    for (const role of roles) {
      for (const status of reportStatuses)
        expect(roomAccess(role, 'status', status)).toEqual({ ok: true, value: { write: false, seesInternal: true } });
    }
  });

  it('lets tutors and mentors write content only while it is a draft or rejected', () => {
    expect(mayEditContent('tutor', 'draft')).toBe(true);
    expect(mayEditContent('mentor', 'rejected')).toBe(true);
    for (const status of ['submitted', 'approved', 'resubmitted'] as const)
      expect(mayEditContent('tutor', status)).toBe(false);
    expect(mayEditContent('reviewer', 'draft')).toBe(false);
  });

  it('gives reviewers the whole document to read, and comments to write', () => {
    expect(roomAccess('reviewer', 'content', 'draft')).toEqual({
      ok: true,
      value: { write: false, seesInternal: true },
    });
    expect(roomAccess('reviewer', 'comments', 'draft')).toEqual({
      ok: true,
      value: { write: true, seesInternal: true },
    });
  });

  it('opens a report to a client only once it is approved, without internal fields, and never its comments', () => {
    expect(roomAccess('client', 'content', 'submitted')).toEqual({
      ok: false,
      problem: {
        code: closeCodes.notReadableNow,
        reason: 'This report has not been approved yet. The link opens it once it is.',
      },
    });
    expect(roomAccess('client', 'content', 'approved')).toEqual({
      ok: true,
      value: { write: false, seesInternal: false },
    });
    expect(roomAccess('client', 'comments', 'approved')).toMatchObject({
      ok: false,
      problem: { code: closeCodes.notAllowed },
    });
  });

  it('opens a report to a teacher while it cannot change, without internal fields', () => {
    expect(roomAccess('teacher', 'content', 'draft')).toMatchObject({
      ok: false,
      problem: { code: closeCodes.notReadableNow },
    });
    expect(roomAccess('teacher', 'content', 'rejected')).toMatchObject({ ok: false });
    expect(roomAccess('teacher', 'content', 'submitted')).toEqual({
      ok: true,
      value: { write: false, seesInternal: false },
    });
    expect(roomAccess('teacher', 'comments', 'draft')).toEqual({
      ok: true,
      value: { write: true, seesInternal: true },
    });
  });
});

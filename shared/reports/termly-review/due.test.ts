import { describe, expect, it } from 'vitest';
import { nthFriday, reviewDashboardState, reviewDueDate, termReviewDueDate } from './due.ts';

describe('termly review due dates', () => {
  it('matches the guide’s deadlines for 2023 to 2024: 15 December and 22 March', () => {
    expect(termReviewDueDate('autumn', 2023)).toBe('2023-12-15');
    expect(termReviewDueDate('spring', 2023)).toBe('2024-03-22');
  });

  it('falls on a Friday in every year', () => {
    for (let year = 2020; year < 2035; year++) {
      for (const term of ['autumn', 'spring', 'summer'] as const)
        expect(new Date(`${termReviewDueDate(term, year)}T00:00:00Z`).getUTCDay()).toBe(5);
    }
    expect(nthFriday(2024, 7, 3)).toBe('2024-07-19');
  });

  it('makes an interim assessment due on the leaving date, and knows no date without a term', () => {
    expect(reviewDueDate({ interim: true, leavingDate: '2025-11-28', term: 'autumn', academicYear: 2025 })).toBe(
      '2025-11-28',
    );
    expect(reviewDueDate({ interim: false, academicYear: 2025 })).toBeUndefined();
  });

  it('shows a draft as due, then overdue the day after its date; a finished review by its status', () => {
    expect(reviewDashboardState('draft', '2025-12-19', '2025-12-19')).toBe('due');
    expect(reviewDashboardState('draft', '2025-12-19', '2025-12-20')).toBe('overdue');
    expect(reviewDashboardState('teacher-to-comment', '2025-12-19', '2026-01-05')).toBe('teacher-to-comment');
  });
});

// When a termly progress review is due (domain guide 003). The guide's deadlines for full-time teachers fall on
// a Friday in mid-December for the autumn term (15 December 2023) and in late March for the spring term
// (22 March 2024): the third Friday of December and the fourth Friday of March. The guide gives no summer
// date; Margin uses the third Friday of July, before schools break up. An interim assessment is due on the
// day the teacher leaves. A review not yet finished is due, and overdue once its date has passed.
import type { ReviewTerm } from './form.ts';
import type { ReportStatus } from '../../workflow/status.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/** The `nth` Friday (1 for the first) of a month (1 to 12), as YYYY-MM-DD. */
export function nthFriday(year: number, month: number, nth: number): string {
  const firstWeekday = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  const firstFriday = 1 + ((5 - firstWeekday + 7) % 7);
  return `${year}-${pad(month)}-${pad(firstFriday + (nth - 1) * 7)}`;
}

/** The due date of a term's review in the academic year starting in `startYear` (2023 for 2023 to 2024). */
export function termReviewDueDate(term: ReviewTerm, startYear: number): string {
  switch (term) {
    case 'autumn':
      return nthFriday(startYear, 12, 3);
    case 'spring':
      return nthFriday(startYear + 1, 3, 4);
    case 'summer':
      return nthFriday(startYear + 1, 7, 3);
  }
}

export interface DueInput {
  term?: ReviewTerm;
  academicYear?: number;
  /** Set for an interim assessment: the teacher leaves on this date. */
  leavingDate?: string;
  interim: boolean;
}

/** The review's due date, or undefined while the form does not say enough to know it. */
export function reviewDueDate(review: DueInput): string | undefined {
  if (review.interim) return review.leavingDate;
  if (!review.term || review.academicYear === undefined) return undefined;
  return termReviewDueDate(review.term, review.academicYear);
}

export type ReviewDashboardState = 'due' | 'overdue' | Exclude<ReportStatus, 'draft'>;

/** A draft is due or overdue by its date; a finished review is where its workflow says. */
export function reviewDashboardState(
  status: ReportStatus,
  dueDate: string | undefined,
  today: string,
): ReviewDashboardState {
  if (status !== 'draft') return status;
  return dueDate !== undefined && today > dueDate ? 'overdue' : 'due';
}

// The roles a person can hold on one report, and what each may do there. The relay enforces these;
// the app uses the same table to hide what a role may not do.
import { z } from 'zod';

export const roles = ['tutor', 'mentor', 'reviewer', 'client', 'teacher'] as const;
export const Role = z.enum(roles);
export type Role = z.infer<typeof Role>;

export interface RolePowers {
  /** May change the report's content (the `<id>` room). */
  writeContent: boolean;
  /** May read the report's content at all; a client reads only approved reports. */
  readContent: 'always' | 'approved';
  /** May add comments (the `<id>/comments` room). */
  writeComments: boolean;
  /** Sees fields marked internal (the comment to the agency). */
  seesInternal: boolean;
  /**
   * Reviews the report: approves it, sends it back, marks a termly review reviewed. No link for a report registered
   * with an organisation carries such a role: its quality reviewers review it as members (member-access.ts).
   */
  reviews: boolean;
}

export const powers: Record<Role, RolePowers> = {
  tutor: { writeContent: true, readContent: 'always', writeComments: true, seesInternal: true, reviews: false },
  mentor: { writeContent: true, readContent: 'always', writeComments: true, seesInternal: true, reviews: false },
  reviewer: { writeContent: false, readContent: 'always', writeComments: true, seesInternal: true, reviews: true },
  teacher: { writeContent: false, readContent: 'always', writeComments: true, seesInternal: false, reviews: false },
  client: { writeContent: false, readContent: 'approved', writeComments: false, seesInternal: false, reviews: false },
};

/** Share links may be made for roles at or below the holder's own, in this order (highest first). */
export const shareRank: Record<Role, number> = { tutor: 4, mentor: 3, reviewer: 2, teacher: 1, client: 0 };

export function canShareAs(holder: Role, target: Role): boolean {
  return shareRank[target] <= shareRank[holder];
}

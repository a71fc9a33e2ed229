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
  /** May make share links for others (for roles at or below their own: shareRank), see and withdraw them. */
  makesLinks: boolean;
  /**
   * Reviews the report: approves it, sends it back, marks a termly review reviewed. No link for a report registered
   * with an organisation carries such a role: its quality reviewers review it as members (member-access.ts).
   */
  reviews: boolean;
}

const writer = { writeContent: true, readContent: 'always', writeComments: true, seesInternal: true } as const;

export const powers: Record<Role, RolePowers> = {
  tutor: { ...writer, makesLinks: true, reviews: false },
  mentor: { ...writer, makesLinks: true, reviews: false },
  reviewer: {
    writeContent: false,
    readContent: 'always',
    writeComments: true,
    seesInternal: true,
    makesLinks: true,
    reviews: true,
  },
  teacher: {
    writeContent: false,
    readContent: 'always',
    writeComments: true,
    seesInternal: false,
    makesLinks: true,
    reviews: false,
  },
  // A client (a school, a parent) reads the approved report; passing it on is the agency's to do.
  client: {
    writeContent: false,
    readContent: 'approved',
    writeComments: false,
    seesInternal: false,
    makesLinks: false,
    reviews: false,
  },
};

/** Share links may be made for roles at or below the holder's own, in this order (highest first). */
export const shareRank: Record<Role, number> = { tutor: 4, mentor: 3, reviewer: 2, teacher: 1, client: 0 };

/** Whether a holder may make (and see, and withdraw) a link for the target role. */
export function canShareAs(holder: Role, target: Role): boolean {
  return powers[holder].makesLinks && shareRank[target] <= shareRank[holder];
}

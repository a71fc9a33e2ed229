// What every report kind declares about itself, in one object: the folder shared/reports/<kind>/ exports it
// and registry.ts lists it. Code that needs to know something about a kind asks its definition, never its name.
import type * as Y from 'yjs';
import type { AssignmentSummary } from '../forms/assignment.ts';
import type { FreeTextField, Learner } from '../forms/fields.ts';
import type { TransitionRequest } from '../protocol/api.ts';
import type { Role } from '../protocol/roles.ts';
import type { ReportSignature } from '../signatures/signature.ts';
import type { Result } from '../result.ts';
import type { DueSchedule } from '../workflow/due-dates.ts';
import type { ReportStatus } from '../workflow/status.ts';
import type { SubmissionCheck, SubmissionContext, SubmissionProblem } from '../workflow/submission.ts';

/** What a device's index keeps of a report, so lists work without opening its document. */
export interface IndexEntry {
  /** The learners the report is about; the device adds them to its learners. */
  learners: Learner[];
  /** Who lists name when they are not the device's learners (a teacher, a tutor observed). */
  people?: { ids: string[]; names: string[] };
  /** The date lists sort and filter by: the session's, the plan's, a cycle's week, a review's due date. */
  date: string;
  assignmentId?: string;
  score?: number;
  target?: number;
  /** A progress report: the target it was written against (its previous plan's or report's), copied into it. */
  previousTarget?: number;
  plan?: string;
  reviewType?: string;
  /** Added to the title in lists, e.g. the session's date. */
  titleSuffix?: string;
  /** A report that records a session: the session, for the calendar and the assignment's dates. */
  session?: {
    learnerIds: string[];
    date: string;
    start: string;
    finish: string;
    subject: string;
    assignmentId?: string;
  };
  /** A coaching cycle once finished: the day it was finished (YYYY-MM-DD) and the title of the step it set. */
  cycle?: { finishedOn: string; step: string };
  /** A quality observation: which of the tutor's observations it is (1 to 3), and whether any judgement is a cause for concern. */
  observation?: { number: number; concerns: boolean };
  /** A session report: whether the session was delivered (a learner attended: Present or Late). */
  delivered?: boolean;
  /** A session report: each learner's attendance code by learner id, for the progress overview's attendance rate. */
  attendance?: Record<string, string>;
  /** A progress-review checklist: how many points are rated, and those whose evidence is weak (none or superficial). */
  checklist?: { title: string; rated: number; weak: { statement: string; strength: string }[] };
}

/** The plan, score and target a later progress report is written against. */
export interface Progress {
  score?: number;
  target?: number;
  plan?: string;
}

export type DecisionCheck = Result<{ to: ReportStatus; signature?: ReportSignature }>;

/** A kind with its own status machine, checked by the relay against the report's documents as it holds them. */
export interface OwnDecisions {
  check(
    from: ReportStatus,
    request: TransitionRequest,
    role: Role,
    snapshots: { content: Uint8Array; comments: Uint8Array; status: Uint8Array },
  ): Promise<DecisionCheck>;
  /** Why a decision is refused when the documents changed while it was being checked. */
  changedWhileChecking: string;
}

export interface ReportWorkflow {
  /** Who draws the workflow's buttons: the report page (Submit, Approve, Reject) or the kind's own form. */
  drawnBy: 'report-page' | 'form';
  /** Whether the report page shows the status banner (submitted, approved, rejected...) above the form. */
  showsStatus: boolean;
  /** Present when the kind has its own status machine instead of submit, approve, reject and resubmit. */
  decisions?: OwnDecisions;
}

/** What a new report for one learner of an assignment starts from. */
export interface AssignmentReportStart {
  learner: Learner;
  subject: string;
  assignmentBrief: string;
  assignment: AssignmentSummary;
  date: string;
  /** The learner's latest plan or progress report before it, for kinds written against it. */
  previous?: Progress & { reportId?: string };
}

/** A kind each learner of an assignment needs (domain guide 000): when it is due and how one is started. */
export interface AssignmentReport {
  schedule: DueSchedule;
  /** The tutor's step, e.g. "Write the plan"; given a number, the numbered one ("Write progress report 2"). */
  writeStep(number?: number): string;
  /** Whether it is written against the learner's previous plan or progress report (see `progress`). */
  writtenAgainstPrevious: boolean;
  /** Lays out a new one in `doc`. */
  start(doc: Y.Doc, start: AssignmentReportStart, createdBy: string): void;
}

/**
 * One value a report holds besides its free text (a date, a choice, a learner's attendance, a tick), as History shows
 * it and compares it: `key` says which value it is from version to version, `value` is in words.
 */
export interface ReportFact {
  key: string;
  label: string;
  value: string;
}

export interface ReportKindDefinition<Kind extends string = string> {
  kind: Kind;
  /** The document's meta "format" (docs/doc-format.md). */
  format: string;
  /** The kind's name as people read it, e.g. "Session report". */
  label: string;
  /** The free-text fields the form draws from a list, in order; internal ones are for the agency only. */
  textFields: readonly FreeTextField[];
  /**
   * The parts of the report's comments document besides its threads that this kind writes (a reply, the teacher's
   * part), each a map of plain strings or free text: the relay refuses anything else there.
   */
  commentsParts?: Readonly<Record<string, 'map' | 'text'>>;
  /**
   * The roles in this kind's own words where they differ from the link's role name (a termly review's tutor is its
   * induction tutor); shown in the status line, history, signatures, comments and presence.
   */
  roleWords?: Partial<Record<Role, string>>;
  /** Who and what the report is about, e.g. "Ada Lovelace: Maths". */
  subjectLine(doc: Y.Doc): string;
  /** Every reason the report may not be submitted yet; empty when it may. */
  submissionProblems(doc: Y.Doc, context: SubmissionContext): SubmissionProblem[];
  /**
   * For a kind with a choice that brings rules once made (a session's attendance): the problems now, and those each
   * way of making the choice would add. Without it, a kind's rules are all in `submissionProblems`.
   */
  submissionCheck?(doc: Y.Doc, context: SubmissionContext): SubmissionCheck;
  /** Whether the submission checks need the learner's previous progress from the device's index. */
  checksPreviousProgress?: boolean;
  index(doc: Y.Doc): IndexEntry;
  /** For plans and progress reports: what the next progress report is written against. */
  progress?(doc: Y.Doc): Progress;
  /**
   * Every value the report holds besides its free text, labelled as the form labels it, in the form's order, for
   * History. Without it, History reads the document's maps as shared/reports/report-facts.ts says.
   */
  facts?(doc: Y.Doc): ReportFact[];
  /** Present for kinds written for each learner of an assignment on a schedule. */
  assignment?: AssignmentReport;
  workflow: ReportWorkflow;
}

const plainRoleWords: Record<Role, string> = {
  tutor: 'tutor',
  mentor: 'mentor',
  reviewer: 'reviewer',
  teacher: 'teacher',
  client: 'client',
};

/** A role in the words of `definition`'s kind (lower case), or its plain name; an unknown role as it was given. */
export function roleWord(definition: Pick<ReportKindDefinition, 'roleWords'> | undefined, role: string): string {
  return definition?.roleWords?.[role as Role] ?? plainRoleWords[role as Role] ?? role;
}

/** Keeps the kind's name as a literal type, so the registry's list of kinds is a union. */
export const defineReportKind = <const Kind extends string>(
  definition: ReportKindDefinition<Kind>,
): ReportKindDefinition<Kind> => definition;

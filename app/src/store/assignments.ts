// Learners and assignments are kept in the device's index; each report also remembers its assignment, so a
// device that receives a shared report learns of the assignment too.
import { Assignment } from '../../../shared/forms/assignment.ts';
import { fail, ok, type FieldProblem, type Result } from '../../../shared/result.ts';
import { db } from './db.ts';

export async function addLearner(name: string): Promise<string> {
  const id = crypto.randomUUID();
  await db.learners.add({ id, name: name.trim(), createdAt: new Date().toISOString() });
  return id;
}

export type NewAssignment = Omit<Assignment, 'id' | 'learners' | 'brief'> & { learnerIds: string[]; brief?: string };

/** The new assignment's id, or every problem with the form, each naming its field. */
export type AddAssignmentResult = Result<string, FieldProblem[]>;

/** Adds an assignment after checking it; the problems name the form field each is about. */
export async function addAssignment(input: NewAssignment): Promise<AddAssignmentResult> {
  const learners = (await db.learners.bulkGet(input.learnerIds)).filter((learner) => learner !== undefined);
  const id = crypto.randomUUID();
  const parsed = Assignment.safeParse({
    id,
    learners: learners.map((learner) => ({ id: learner.id, name: learner.name })),
    subject: input.subject,
    startDate: input.startDate,
    endDate: input.endDate,
    brief: input.brief ?? '',
  });
  if (!parsed.success) {
    return fail(
      parsed.error.issues.map((issue) => ({ field: String(issue.path[0] ?? 'learners'), message: issue.message })),
    );
  }
  const assignment = parsed.data;
  await db.assignments.add({
    ...assignment,
    learnerIds: assignment.learners.map((l) => l.id),
    createdAt: new Date().toISOString(),
  });
  return ok(id);
}

// What a field's checks need to know about where it is: the form (from the report's format), the field,
// the names the report is about (never misspellings), and for a progress comment the report's objectives,
// read fresh at each check. A form can say any of these itself (TextField's `check` prop); this fills in
// the rest for the forms we know.
import type * as Y from 'yjs';
import type { CheckContext, FieldRole } from '../../../shared/checks/context.ts';
import { fieldRole } from '../../../shared/checks/field-role.ts';
import { fields, fragmentText, meta, textField } from '../../../shared/doc/index.ts';
import { maxLearningObjectives, reportDefinitionOf } from '../../../shared/reports/index.ts';

export interface FieldCheckOptions {
  form?: string;
  field?: string;
  role?: FieldRole;
  /** The objectives a progress comment should refer to; read at each check. */
  objectives?: () => string[];
}

export function fieldCheckContext(doc: Y.Doc | null, fieldId: string, given: FieldCheckOptions = {}): CheckContext {
  const format = doc ? meta(doc).get('format') : undefined;
  const context: CheckContext = {
    form: given.form ?? (typeof format === 'string' ? format.replace(/^margin\./, '') : undefined),
    field: given.field ?? fieldId,
    role: given.role,
  };
  const names = doc ? namesOf(doc) : [];
  if (names.length > 0) context.names = names;
  if (fieldRole(context) === 'progress-comment')
    context.objectives = given.objectives?.() ?? (doc ? sessionObjectives(doc) : []);
  return context;
}

/** The people the report is about, as its kind lists them: its learners, and the teacher or tutor it names. */
function namesOf(doc: Y.Doc): string[] {
  const entry = reportDefinitionOf(doc)?.index(doc);
  if (!entry) return [];
  return [...entry.learners.map((learner) => learner.name), ...(entry.people?.names ?? [])].slice(0, 100);
}

// The session report keeps its objectives in learningObjective1..3, as many as objectiveCount says.
function sessionObjectives(doc: Y.Doc): string[] {
  const count = Math.min(Math.max(Number(fields(doc).get('objectiveCount')) || 1, 1), maxLearningObjectives);
  return Array.from({ length: count }, (_, index) => fragmentText(textField(doc, `learningObjective${index + 1}`)));
}

/** The report open on this page, from its address (/report/<id>), for remembering dismissed prompts. */
export function currentReportId(): string | undefined {
  return globalThis.location?.pathname.match(/\/report\/([A-Za-z0-9_-]{1,64})$/)?.[1];
}

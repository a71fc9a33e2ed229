// The writing findings of a whole report (spelling, grammar and objective prompts), for the check before submitting:
// every checked field of its form, scrolled into view or not, checked from the report's document as its underlines
// are, leaving out what the writer ignored or dismissed.
import type * as Y from 'yjs';
import type { Finding } from '../../../shared/checks/finding.ts';
import { fragmentText, textField } from '../../../shared/doc/index.ts';
import { appCheckedSelector } from '../../../shared/protocol/app-and-extension.ts';
import { reportDefinitionOf } from '../../../shared/reports/index.ts';
import type { AppChecks } from './app-checks.ts';
import { currentReportId, fieldCheckContext } from './report-context.ts';
import { isWantedFinding } from './wanted-findings.ts';

export interface WritingWarning {
  /** The field's id, which is its editor's id on the page. */
  fieldId: string;
  label: string;
  finding: Finding;
}

export interface WritingCheck {
  warnings: WritingWarning[];
  /** False while the grammar checker is still loading: its findings are not among the warnings yet. */
  complete: boolean;
  /** Why the writing checks could not run, when they could not. */
  problem?: string;
}

/**
 * The report's checked fields as its form draws them, in order: a field the form does not ask for (the objectives of
 * a session nobody attended, internal fields for those who may not see them) is not drawn, so not warned about.
 */
function checkedFields(doc: Y.Doc): { id: string; label: string }[] {
  const labels = new Map((reportDefinitionOf(doc)?.textFields ?? []).map((field) => [field.key, field.label]));
  return [...document.querySelectorAll<HTMLElement>(`${appCheckedSelector}[id]`)].map((element) => ({
    id: element.id,
    label:
      labels.get(element.id) ??
      (document.getElementById(`${element.id}-label`)?.firstChild?.textContent?.trim() || element.id),
  }));
}

export async function reportWritingCheck(doc: Y.Doc, checks: AppChecks): Promise<WritingCheck> {
  const reportId = currentReportId();
  const dismissed = reportId ? await checks.dismissedPrompts(reportId) : new Set<string>();
  const fields = checkedFields(doc)
    .map((field) => ({
      ...field,
      text: fragmentText(textField(doc, field.id)),
      context: fieldCheckContext(doc, field.id),
    }))
    .filter((field) => field.text.trim() !== '');
  const answers = await Promise.all(fields.map((field) => checks.client.checkOnce(field.text, field.context)));
  const check: WritingCheck = { warnings: [], complete: true };
  answers.forEach((answer, index) => {
    const field = fields[index]!;
    if (!answer.ok) {
      check.problem = answer.problem;
      return;
    }
    if (!answer.value.complete) check.complete = false;
    for (const finding of answer.value.findings) {
      if (isWantedFinding(finding, field.context.field ?? '', checks, dismissed))
        check.warnings.push({ fieldId: field.id, label: field.label, finding });
    }
  });
  return check;
}

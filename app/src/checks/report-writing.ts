// The writing findings of a whole report (spelling, grammar and objective prompts), for the check before submitting:
// every free-text field the report's kind lists and every checked field on the page, on screen or not, checked from the
// report's document as its underlines are, leaving out what the writer ignored or dismissed.
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

/** The report's checked fields, in the order its form shows them: its kind's list, then any others on the page. */
function checkedFields(doc: Y.Doc, showInternal: boolean): { id: string; label: string }[] {
  const listed = (reportDefinitionOf(doc)?.textFields ?? [])
    .filter((field) => showInternal || !field.internal)
    .map((field) => ({ id: field.key, label: field.label }));
  const onPage = [...document.querySelectorAll<HTMLElement>(`${appCheckedSelector}[id]`)]
    .filter((element) => !listed.some((field) => field.id === element.id))
    .map((element) => ({
      id: element.id,
      label: document.getElementById(`${element.id}-label`)?.firstChild?.textContent?.trim() || element.id,
    }));
  return [...listed, ...onPage];
}

export async function reportWritingCheck(
  doc: Y.Doc,
  checks: AppChecks,
  options: { showInternal: boolean },
): Promise<WritingCheck> {
  const reportId = currentReportId();
  const dismissed = reportId ? await checks.dismissedPrompts(reportId) : new Set<string>();
  const fields = checkedFields(doc, options.showInternal)
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

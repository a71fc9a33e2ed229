import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fields, setFragmentText, textField } from '../../../shared/doc/index.ts';
import { createSessionReportDoc, createTermlyReviewDoc } from '../../../shared/reports/index.ts';
import { fieldCheckContext } from './report-context.ts';

function sessionReport() {
  const doc = new Y.Doc();
  createSessionReportDoc(
    doc,
    { date: '2025-01-01', start: '13:00', finish: '14:00', subject: 'Maths', learners: [{ id: 'l1', name: 'Ada' }] },
    'Tutor',
  );
  setFragmentText(textField(doc, 'learningObjective1'), 'Add fractions.');
  setFragmentText(textField(doc, 'learningObjective2'), 'Simplify fractions.');
  return doc;
}

describe('fieldCheckContext', () => {
  it("names the form from the report's format, the field from its id, and the report's learners", () => {
    expect(fieldCheckContext(sessionReport(), 'learningObjective1')).toEqual({
      form: 'session-report',
      field: 'learningObjective1',
      role: undefined,
      names: ['Ada'],
    });
  });

  it('gives the checks the teacher a termly review is about', () => {
    const doc = new Y.Doc();
    createTermlyReviewDoc(doc, { teacherName: 'Cy Okonkwo', term: 'autumn', academicYear: 2026 }, 'Tutor');
    expect(fieldCheckContext(doc, 'supportReasons').names).toEqual(['Cy Okonkwo']);
  });

  it("gives a progress comment the report's objectives, as many as the report has", () => {
    const doc = sessionReport();
    expect(fieldCheckContext(doc, 'progressComment').objectives).toEqual(['Add fractions.']);
    fields(doc).set('objectiveCount', 2);
    expect(fieldCheckContext(doc, 'progressComment').objectives).toEqual(['Add fractions.', 'Simplify fractions.']);
  });

  it('lets a form say the form, field, role and objectives itself', () => {
    const context = fieldCheckContext(null, 'x', {
      form: 'progress-report',
      field: 'summary',
      role: 'progress-comment',
      objectives: () => ['Reach 60%'],
    });
    expect(context).toEqual({
      form: 'progress-report',
      field: 'summary',
      role: 'progress-comment',
      objectives: ['Reach 60%'],
    });
  });
});

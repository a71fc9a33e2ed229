import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ProgressReport } from './form.ts';
import { fields, textField } from '../../doc/layout.ts';
import { createProgressReportDoc, readProgressReport, toProgressReportInput, writePrevious } from './doc.ts';
import { setFragmentText } from '../../doc/text-fragment.ts';

const previous = { reportId: 'ilp1', plan: 'Fractions, then ratio.', score: 40, target: 50 };

function filled(final: boolean): Y.Doc {
  const doc = new Y.Doc();
  createProgressReportDoc(
    doc,
    { learner: { id: 'l1', name: 'Sam' }, subject: 'Maths', final, previous, date: '2026-12-14' },
    'Grace',
  );
  doc.transact(() => {
    fields(doc).set('targetMet', 'Yes');
    fields(doc).set('updatedScore', 52);
    fields(doc).set('newTarget', 62);
    setFragmentText(textField(doc, 'progressAchieved'), 'Adds fractions.');
    setFragmentText(textField(doc, 'plan'), 'Ratio next.');
    setFragmentText(textField(doc, 'learnerComments'), 'Enjoying it.');
  });
  return doc;
}

describe('progress report doc layout', () => {
  it('keeps the previous plan, score and target, and reads as a valid report', () => {
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(filled(false)));
    const draft = readProgressReport(copy);
    expect(draft.final).toBe(false);
    expect(draft.previous).toEqual(previous);
    expect(ProgressReport.safeParse(toProgressReportInput(draft)).error?.issues).toBeUndefined();
  });

  it('tells the final report by its format and ignores a new target there', () => {
    const draft = readProgressReport(filled(true));
    expect(draft.format).toBe('margin.final-progress-report');
    expect(draft.final).toBe(true);
    expect(draft.newTarget).toBeUndefined();
    expect(ProgressReport.safeParse(toProgressReportInput(draft)).success).toBe(true);
  });

  it('replaces the previous values without keeping stale ones', () => {
    const doc = filled(false);
    writePrevious(doc, { reportId: 'p1', score: 45 });
    expect(readProgressReport(doc).previous).toEqual({ reportId: 'p1', score: 45, plan: undefined, target: undefined });
  });
});

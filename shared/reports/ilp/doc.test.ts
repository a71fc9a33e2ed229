import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Ilp } from './form.ts';
import { createIlpDoc, readIlp, toIlpInput } from './doc.ts';
import { fields, textField } from '../../doc/layout.ts';
import { setFragmentText } from '../../doc/text-fragment.ts';

const assignment = { id: 'a1', subject: 'Maths', startDate: '2026-11-02', endDate: '2027-02-12' };

function filledPlan(): Y.Doc {
  const doc = new Y.Doc();
  createIlpDoc(
    doc,
    {
      learner: { id: 'l1', name: 'Sam' },
      subject: 'Maths',
      assignmentBrief: 'Tuition at home.',
      assignment,
      date: '2026-11-05',
    },
    'Grace',
  );
  doc.transact(() => {
    fields(doc).set('keyStage', 'Key stage 3');
    fields(doc).set('assessmentScore', 40);
    fields(doc).set('target', 50);
    setFragmentText(textField(doc, 'assessmentComments'), 'Gaps in fractions.');
    setFragmentText(textField(doc, 'plan'), 'Fractions, then ratio.');
    setFragmentText(textField(doc, 'learnerComments'), 'Keen to start.');
  });
  return doc;
}

describe('Individual Learning Plan doc layout', () => {
  it('survives a round trip and reads as a valid plan, remembering its assignment', () => {
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(filledPlan()));
    const draft = readIlp(copy);
    expect(draft.format).toBe('margin.ilp');
    expect(draft.assignment).toEqual(assignment);
    expect(draft.assignmentBrief).toBe('Tuition at home.');
    expect(Ilp.safeParse(toIlpInput(draft)).error?.issues).toBeUndefined();
  });

  it('reads a score typed as text as missing, so the checks ask for it', () => {
    const doc = filledPlan();
    fields(doc).set('assessmentScore', 'forty');
    expect(readIlp(doc).assessmentScore).toBeUndefined();
    expect(Ilp.safeParse(toIlpInput(readIlp(doc))).error?.issues.map((issue) => issue.message)).toEqual([
      'Give the assessment score.',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { reportKindOf, reportTitle } from '../registry.ts';
import { submissionProblems } from '../registry.ts';
import { createCycleDoc, readCycle, takeCycleAction } from './doc.ts';
import { addCycleToRecord, createRecordDoc, readRecord } from '../coaching-record/doc.ts';

const previousStep = { id: 'cold-call', title: 'Cold call', successCriteria: ['No hands'], source: 'library' as const };

describe('coaching documents', () => {
  it('lay a cycle out in its doc and take the cycle rules there', () => {
    const doc = new Y.Doc();
    createCycleDoc(doc, { teacher: { id: 't1', name: 'Jo Park' }, week: '2026-11-23', previousStep }, 'Mentor');
    expect(reportKindOf(doc)).toBe('coaching-cycle');
    expect(reportTitle(doc)).toBe('Coaching cycle: Jo Park, week of Mon 23 Nov 2026');
    expect(takeCycleAction(doc, { type: 'review', outcome: 'not-yet' }, '2026-11-24').ok).toBe(true);
    expect(readCycle(doc).state.nextStep).toEqual({ ...previousStep, source: 'repeat' });
    expect(submissionProblems(doc)).toEqual([
      { fieldId: 'finish', message: 'Give feedback and finish the cycle first.' },
    ]);
    takeCycleAction(doc, { type: 'give-feedback' }, '2026-11-24');
    takeCycleAction(doc, { type: 'finish' }, '2026-11-24');
    expect(readCycle(doc)).toMatchObject({ finishedOn: '2026-11-24', state: { stage: 'finished', review: 'not-yet' } });
    expect(submissionProblems(doc)).toEqual([]);
    expect(takeCycleAction(doc, { type: 'discard' }, '2026-11-25').ok).toBe(false);
    expect(readCycle(doc).state.nextStep?.id).toBe('cold-call');
  });

  it('keep a record of the teacher and their cycles in order', () => {
    const doc = new Y.Doc();
    createRecordDoc(doc, { id: 't1', name: 'Jo Park' }, 'Mentor');
    addCycleToRecord(doc, { id: 'c1', week: '2026-11-23', startedAt: '2026-11-23T09:00:00Z' });
    addCycleToRecord(doc, { id: 'c2', week: '2026-11-23', startedAt: '2026-11-24T09:00:00Z' });
    expect(readRecord(doc)).toMatchObject({ teacher: { name: 'Jo Park' }, cycles: [{ id: 'c1' }, { id: 'c2' }] });
    expect(reportTitle(doc)).toBe('Coaching record: Jo Park');
  });
});

// The figures the desks read from each kind's index entry (IndexEntry's optional fields): a coaching cycle's finish
// date and step only once finished, an observation's number and concerns, whether a session was delivered.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { competencyIds } from '../quality/competencies.ts';
import { createCycleDoc, takeCycleAction } from './coaching-cycle/doc.ts';
import { coachingCycle } from './coaching-cycle/index.ts';
import { createObservationDoc, judgements } from './qa-observation/doc.ts';
import { qaObservation } from './qa-observation/index.ts';
import { attendance, createSessionReportDoc } from './session-report/doc.ts';
import { sessionReport } from './session-report/index.ts';

describe('index entries', () => {
  it('give a coaching cycle’s finish date and step once it is finished, and nothing before', () => {
    const doc = new Y.Doc();
    createCycleDoc(doc, { teacher: { id: 't1', name: 'Sam Patel' }, week: '2026-11-30' }, 'Mo');
    const step = { id: 's1', title: 'Cold call', successCriteria: [], source: 'library' as const };
    takeCycleAction(doc, { type: 'choose', step }, '2026-12-01');
    takeCycleAction(doc, { type: 'give-feedback' }, '2026-12-01');
    expect(coachingCycle.index(doc).cycle).toBeUndefined();
    takeCycleAction(doc, { type: 'finish' }, '2026-12-02');
    expect(coachingCycle.index(doc)).toMatchObject({
      people: { ids: ['t1'], names: ['Sam Patel'] },
      cycle: { finishedOn: '2026-12-02', step: 'Cold call' },
    });
  });

  it('give an observation’s number and whether a judgement is a cause for concern', () => {
    const doc = new Y.Doc();
    createObservationDoc(doc, { tutorName: 'Tia Tutor', date: '2026-11-20', number: 2 }, 'Rosa');
    for (const id of competencyIds) judgements(doc).set(id, 'Effective');
    expect(qaObservation.index(doc).observation).toEqual({ number: 2, concerns: false });
    judgements(doc).set(competencyIds[1]!, 'Cause for concern');
    expect(qaObservation.index(doc).observation).toEqual({ number: 2, concerns: true });
  });

  it('say a session was delivered when a learner was present or late, not when absent or cancelled', () => {
    const doc = new Y.Doc();
    createSessionReportDoc(
      doc,
      {
        date: '2026-11-02',
        start: '16:00',
        finish: '17:00',
        subject: 'Maths',
        learners: [
          { id: 'l1', name: 'Gus Hale' },
          { id: 'l2', name: 'Ivy Hale' },
        ],
      },
      'Tia',
    );
    expect(sessionReport.index(doc).delivered).toBe(false);
    attendance(doc).set('l1', { code: 'Absent' });
    attendance(doc).set('l2', { code: 'Tutor Cancellation' });
    expect(sessionReport.index(doc).delivered).toBe(false);
    attendance(doc).set('l2', { code: 'Late' });
    expect(sessionReport.index(doc).delivered).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { setFragmentText } from '../../doc/text-fragment.ts';
import { submissionProblems } from '../registry.ts';
import { competencyIds } from '../../quality/competencies.ts';
import { checklist, createObservationDoc, feedbackKey, judgements, nameObservedTutor, readObservation } from './doc.ts';
import { qaObservation } from './index.ts';
import { followUpCheck, hasConcerns, type ObservationDraft } from './observation.ts';

const judged = (judgement: string) =>
  Object.fromEntries(competencyIds.map((id) => [id, judgement])) as ObservationDraft['judgementFor'];
const draft = (number: number, judgementFor: ObservationDraft['judgementFor']): ObservationDraft => ({
  tutorName: 'Sam',
  date: '2026-11-20',
  number,
  checked: {},
  judgementFor,
  feedback: 'Well done.',
});

describe('a quality observation', () => {
  it('lists what is missing before the feedback can be sent, then nothing', () => {
    const doc = new Y.Doc();
    createObservationDoc(doc, { tutorName: 'Sam Lee', date: '2026-11-20' }, 'QA');
    expect(submissionProblems(doc).map((problem) => problem.fieldId)).toEqual([
      ...competencyIds.map((id) => `judgement-${id}`),
      'feedback',
    ]);
    doc.transact(() => {
      for (const id of competencyIds) judgements(doc).set(id, 'Effective');
      checklist(doc).set('interactions-rapport', true);
      setFragmentText(doc.getXmlFragment(feedbackKey), 'Clear and warm.');
    });
    expect(submissionProblems(doc)).toEqual([]);
    expect(readObservation(doc)).toMatchObject({
      tutorName: 'Sam Lee',
      number: 1,
      checked: { 'interactions-rapport': true },
      feedback: 'Clear and warm.',
    });
  });

  it('names its tutor by member id when chosen from the list, and by name alone once the name is typed', () => {
    const chosen = new Y.Doc();
    createObservationDoc(chosen, { tutorName: 'Sam Lee', tutorId: 'member-2', date: '2026-11-20' }, 'QA');
    const typed = new Y.Doc();
    createObservationDoc(typed, { tutorName: 'Sam Lee', date: '2026-11-20' }, 'QA');
    expect(readObservation(chosen).tutorId).toBe('member-2');
    expect(qaObservation.index(chosen).people).toEqual({ ids: ['member-2'], names: ['Sam Lee'] });
    expect(qaObservation.index(typed).people).toEqual({ ids: [], names: ['Sam Lee'] });
    // Typing another name over a chosen tutor's: the id no longer says who it is, so it goes.
    nameObservedTutor(chosen, 'Sam Leigh');
    expect(readObservation(chosen).tutorId).toBeUndefined();
    expect(qaObservation.index(chosen).people).toEqual({ ids: [], names: ['Sam Leigh'] });
  });

  it('has concerns when any competency is a cause for concern', () => {
    expect(hasConcerns(draft(1, judged('Effective')))).toBe(false);
    expect(hasConcerns(draft(1, { ...judged('Strong'), technology: 'Cause for concern' }))).toBe(true);
  });

  it('starts a second observation only from a sent first one with concerns, linked to the first', () => {
    const worrying = draft(1, { ...judged('Effective'), outcomes: 'Cause for concern' });
    expect(followUpCheck('first', worrying, true)).toEqual({
      ok: true,
      value: { number: 2, firstObservationId: 'first' },
    });
    expect(followUpCheck('first', worrying, false)).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/Send this observation/),
    });
    expect(followUpCheck('first', draft(1, judged('Strong')), true)).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/concerns that persist/),
    });
  });

  it('keeps the third linked to the first, and allows no fourth', () => {
    const second = { ...draft(2, judged('Cause for concern')), firstObservationId: 'first' };
    expect(followUpCheck('second', second, true)).toEqual({
      ok: true,
      value: { number: 3, firstObservationId: 'first' },
    });
    expect(followUpCheck('third', { ...second, number: 3 }, true)).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/third observation/),
    });
  });
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fields, textField } from '../doc/layout.ts';
import { setFragmentText } from '../doc/text-fragment.ts';
import { checklist, createObservationDoc } from './qa-observation/doc.ts';
import { reportDefinitionOf } from './registry.ts';
import { allReviewPoints } from './progress-review/form.ts';
import { createProgressReviewDoc, evidenceKey, ratings } from './progress-review/doc.ts';
import { factChanges, labelOfKey, reportFacts } from './report-facts.ts';
import { attendance, createSessionReportDoc } from './session-report/doc.ts';

const sam = { id: 'sam', name: 'Sam Hill' };
const ada = { id: 'ada', name: 'Ada Lovelace' };

function sessionReport(): Y.Doc {
  const doc = new Y.Doc();
  createSessionReportDoc(
    doc,
    { date: '2026-11-23', start: '13:00', finish: '14:00', subject: 'Maths', learners: [sam, ada] },
    'G',
  );
  attendance(doc).set('sam', { code: 'Present' });
  fields(doc).set('attainment1', 'Achieved');
  setFragmentText(textField(doc, 'progressComment'), 'Ordered 5 of 6.');
  return doc;
}

const copy = (doc: Y.Doc) => {
  const later = new Y.Doc();
  Y.applyUpdate(later, Y.encodeStateAsUpdate(doc));
  return later;
};

/** As History reads a version: a document decoded from the relay's bytes, none of its root types read yet. */
const facts = (doc: Y.Doc) => reportFacts(copy(doc), reportDefinitionOf(doc));

describe('a report’s values besides its free text', () => {
  it('are read through the kind’s definition, with its form’s labels, in words', () => {
    const read = facts(sessionReport());
    expect(read.map(({ label, value }) => `${label}: ${value}`)).toEqual([
      'Date: Mon 23 Nov 2026',
      'Start: 13:00',
      'Finish: 14:00',
      'Session type: Tuition',
      'Session delivery: Not given',
      'Subject: Maths',
      'Learners: Sam Hill, Ada Lovelace',
      'Group attendance: Not given',
      'Attendance: Sam Hill: Present',
      'Attendance: Ada Lovelace: Not given',
      'Attainment for objective 1: Achieved',
      'Engagement with learning objectives: Not given',
      'Attitude to session: Not given',
    ]);
  });

  it('list what changed between two versions, value by value, and nothing when nothing did', () => {
    const before = sessionReport();
    const after = copy(before);
    attendance(after).set('sam', { code: 'Absent', absenceReason: 'Illness' });
    fields(after).set('date', '2026-11-24');
    fields(after).set('attainment1', 'Exceeded');
    setFragmentText(textField(after, 'progressComment'), 'Changed words are the word diff’s, not a value.');
    expect(factChanges(facts(before), facts(after)).map((c) => `${c.label}: ${c.before} -> ${c.after}`)).toEqual([
      'Date: Mon 23 Nov 2026 -> Tue 24 Nov 2026',
      'Attendance: Sam Hill: Present -> Absent',
      'Reason for absence: Sam Hill: Not given -> Illness',
      'Attainment for objective 1: Achieved -> Exceeded',
    ]);
    expect(factChanges(facts(before), facts(copy(before)))).toEqual([]);
  });

  it('of a quality observation are its checklist’s ticks and judgements, in its form’s words', () => {
    const doc = new Y.Doc();
    createObservationDoc(doc, { tutorName: 'Tom Tutor', date: '2026-12-01', number: 2 }, 'G');
    const before = copy(doc);
    checklist(doc).set('interactions-praise', true);
    const after = facts(doc);
    expect(after).toContainEqual({ key: 'number', label: 'Observation', value: '2' });
    expect(after).toContainEqual({ key: 'date', label: 'Date of the session observed', value: 'Tue 1 Dec 2026' });
    expect(factChanges(facts(before), after)).toEqual([
      {
        key: 'interactions-praise',
        label: 'Interactions with pupils: Gives praise that says exactly what the pupil did well',
        before: 'Not ticked',
        after: 'Ticked',
      },
    ]);
  });

  it('of a kind with no facts of its own are its maps read plainly: choices, dates, never its free text', () => {
    const doc = new Y.Doc();
    createProgressReviewDoc(doc, { title: 'Level 2 maths', date: '2026-11-23' }, 'Rev');
    const point = allReviewPoints[0]!.id;
    setFragmentText(textField(doc, evidenceKey(point)), 'Evidence is the word diff’s.');
    const before = copy(doc);
    ratings(doc).set(point, 'Strong');
    const after = facts(doc);
    expect(after).toContainEqual({ key: 'date', label: 'Date', value: 'Mon 23 Nov 2026' });
    expect(factChanges(facts(before), after)).toEqual([
      { key: `ratings.${point}`, label: `Ratings: ${labelOfKey(point)}`, before: 'Not given', after: 'Strong' },
    ]);
    expect(after.some((fact) => fact.value.includes('Evidence'))).toBe(false);
  });
});

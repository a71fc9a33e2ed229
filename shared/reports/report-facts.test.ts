import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fields, textField } from '../doc/layout.ts';
import { setFragmentText } from '../doc/text-fragment.ts';
import { createCycleDoc, takeCycleAction } from './coaching-cycle/doc.ts';
import { addCycleToRecord, createRecordDoc } from './coaching-record/doc.ts';
import { createIlpDoc } from './ilp/doc.ts';
import { createProgressReportDoc, writePrevious } from './progress-report/doc.ts';
import { checklist, createObservationDoc } from './qa-observation/doc.ts';
import { reportDefinitionOf } from './registry.ts';
import { allReviewPoints } from './progress-review/form.ts';
import { addCustomPoint, createProgressReviewDoc, customPoints, evidenceKey, ratings } from './progress-review/doc.ts';
import { factChanges, labelOfKey, reportFacts } from './report-facts.ts';
import { attendance, createSessionReportDoc } from './session-report/doc.ts';
import { createTermlyReviewDoc, standardsOfConcern } from './termly-review/doc.ts';

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

/** What History lists as changed once `change` is made to `doc`: each value's label, from and to. */
function changesAfter(doc: Y.Doc, change: (doc: Y.Doc) => void): string[] {
  const before = copy(doc);
  change(doc);
  return factChanges(facts(before), facts(doc)).map((c) => `${c.label}: ${c.before} -> ${c.after}`);
}

const shown = (doc: Y.Doc) => facts(doc).map(({ label, value }) => `${label}: ${value}`);

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

  it('of a kind this device does not know are its maps read plainly: choices, dates, never its free text', () => {
    const doc = new Y.Doc();
    createProgressReviewDoc(doc, { title: 'Level 2 maths', date: '2026-11-23' }, 'Rev');
    const point = allReviewPoints[0]!.id;
    setFragmentText(textField(doc, evidenceKey(point)), 'Evidence is the word diff’s.');
    const before = reportFacts(copy(doc), undefined);
    ratings(doc).set(point, 'Strong');
    const after = reportFacts(copy(doc), undefined);
    expect(after).toContainEqual({ key: 'date', label: 'Date', value: 'Mon 23 Nov 2026' });
    expect(factChanges(before, after)).toEqual([
      { key: `ratings.${point}`, label: `Ratings: ${labelOfKey(point)}`, before: 'Not given', after: 'Strong' },
    ]);
    expect(after.some((fact) => fact.value.includes('Evidence'))).toBe(false);
  });

  it('of a progress-review checklist are each point’s strength of evidence and the reviewer’s own points', () => {
    const doc = new Y.Doc();
    createProgressReviewDoc(doc, { title: 'Level 2 maths', date: '2026-11-23' }, 'Rev');
    setFragmentText(textField(doc, evidenceKey('learners-1')), 'Evidence is the word diff’s.');
    expect(shown(doc).slice(0, 3)).toEqual([
      'Title: Level 2 maths',
      'Date: Mon 23 Nov 2026',
      'Strength of evidence: Contributes to an individual learning programme.: Not given',
    ]);
    expect(facts(doc)).toHaveLength(2 + allReviewPoints.length);
    expect(changesAfter(doc, (review) => ratings(review).set('learners-1', 'Strong'))).toEqual([
      'Strength of evidence: Contributes to an individual learning programme.: Not given -> Strong',
    ]);
    addCustomPoint(doc, 'teachers', 'own-1');
    customPoints(doc).set('own-1', { stage: 'teachers', order: 0, statement: 'Marks within a week.' });
    const own = shown(doc).slice(
      shown(doc).indexOf('Strength of evidence: Understands programme performance data.: Not given') + 1,
    );
    expect(own.slice(0, 2)).toEqual([
      'Stage 2: Teachers: Your point: Marks within a week.',
      'Strength of evidence: Marks within a week.: Not given',
    ]);
    expect(
      changesAfter(doc, (review) =>
        customPoints(review).set('own-1', { stage: 'teachers', order: 0, statement: 'Marks within two days.' }),
      ),
    ).toEqual(['Stage 2: Teachers: Your point: Marks within a week. -> Marks within two days.']);
  });

  it('of a learning plan are its initial assessment’s, with the plan form’s labels', () => {
    const doc = new Y.Doc();
    createIlpDoc(doc, { learner: sam, subject: 'Maths', assignmentBrief: 'Fractions.', date: '2026-11-23' }, 'G');
    fields(doc).set('assessmentScore', 40);
    fields(doc).set('target', 50);
    expect(shown(doc)).toEqual([
      'Date: Mon 23 Nov 2026',
      'Initial key stage: Not given',
      'Assessment score %: 40',
      'Target %: 50',
    ]);
    expect(changesAfter(doc, (plan) => fields(plan).set('target', 60))).toEqual(['Target %: 50 -> 60']);
    expect(changesAfter(doc, (plan) => fields(plan).set('keyStage', 'Key stage 3'))).toEqual([
      'Initial key stage: Not given -> Key stage 3',
    ]);
  });

  it('of a progress report are its date, target met, score and next target, with its form’s labels', () => {
    const doc = new Y.Doc();
    const start = { learner: sam, subject: 'Maths', previous: { score: 40, target: 50 }, date: '2026-12-01' };
    createProgressReportDoc(doc, { ...start, final: false }, 'G');
    expect(shown(doc)).toEqual([
      'Date of update: Tue 1 Dec 2026',
      'Has the learner met the target set in the previous report?: Not given',
      'Updated assessment score %: Not given',
      'Target for the next six weeks %: Not given',
    ]);
    expect(changesAfter(doc, (report) => fields(report).set('targetMet', 'Yes'))).toEqual([
      'Has the learner met the target set in the previous report?: Not given -> Yes',
    ]);
    expect(changesAfter(doc, (report) => fields(report).set('newTarget', 70))).toEqual([
      'Target for the next six weeks %: Not given -> 70',
    ]);
    // What it is written against is copied in, not written in the form: not one of its values.
    expect(changesAfter(doc, (report) => writePrevious(report, { score: 45, target: 55 }))).toEqual([]);
  });

  it('of a final progress report set no next target', () => {
    const doc = new Y.Doc();
    createProgressReportDoc(doc, { learner: sam, subject: 'Maths', previous: {}, final: true }, 'G');
    fields(doc).set('updatedScore', 60);
    expect(facts(doc).map((fact) => fact.label)).toEqual([
      'Date of update',
      'Has the learner met the target set in the previous report?',
      'Updated assessment score %',
    ]);
    expect(changesAfter(doc, (report) => fields(report).set('updatedScore', 65))).toEqual([
      'Updated assessment score %: 60 -> 65',
    ]);
  });

  it('of a coaching cycle are its stage, the previous step’s review and the next step, in its form’s words', () => {
    const doc = new Y.Doc();
    const previousStep = {
      id: 'cold-call',
      title: 'Cold call',
      successCriteria: ['No hands'],
      source: 'library' as const,
    };
    createCycleDoc(doc, { teacher: { id: 't1', name: 'Jo Park' }, week: '2026-11-23', previousStep }, 'Mentor');
    expect(shown(doc)).toEqual([
      'Stage: Observe and select',
      'Has the teacher met this step?: Not given',
      'Next step: Not given',
    ]);
    expect(
      changesAfter(doc, (cycle) => takeCycleAction(cycle, { type: 'review', outcome: 'not-yet' }, '2026-11-24')),
    ).toEqual(['Has the teacher met this step?: Not given -> Not yet', 'Next step: Not given -> Cold call']);
    expect(changesAfter(doc, (cycle) => takeCycleAction(cycle, { type: 'give-feedback' }, '2026-11-24'))).toEqual([
      'Stage: Observe and select -> Give feedback',
    ]);
    const first = new Y.Doc();
    createCycleDoc(first, { teacher: { id: 't1', name: 'Jo Park' }, week: '2026-11-23' }, 'Mentor');
    expect(facts(first).map((fact) => fact.label)).toEqual(['Stage', 'Next step']);
  });

  it('of a coaching record are the teacher it was started for', () => {
    const doc = new Y.Doc();
    createRecordDoc(doc, { id: 't1', name: 'Jo Park' }, 'Mentor');
    addCycleToRecord(doc, { id: 'c1', week: '2026-11-23', startedAt: '2026-11-23T09:00:00Z' });
    expect(shown(doc)).toEqual(['Teacher’s name: Jo Park']);
    expect(changesAfter(doc, (record) => fields(record).set('teacher', { id: 't1', name: 'Jo Parker' }))).toEqual([
      'Teacher’s name: Jo Park -> Jo Parker',
    ]);
  });

  it('of a termly review are its answers besides free text, labelled as the finished review lists them', () => {
    const doc = new Y.Doc();
    createTermlyReviewDoc(doc, { teacherName: 'Sam Patel', term: 'autumn', academicYear: 2025 }, 'Tutor');
    fields(doc).set('staying', 'Yes');
    fields(doc).set('hadAbsences', 'No');
    fields(doc).set('recommendation', 'on-track');
    setFragmentText(textField(doc, 'recommendationReasons'), 'Reasons are the word diff’s.');
    expect(shown(doc)).toEqual([
      'Contract type: Not given',
      'Days per week: Not given',
      'Start date: Not given',
      'End date: Not given',
      'Remaining at this school next term: Yes',
      'Days served: Not given',
      'Days of absence: 0',
      'Days absent before this period: Not given',
      'Received support and entitlements: Not given',
      'Recommendation: The teacher is on track',
      'Next term: days per week: Not given',
      'Next term: contract type: Not given',
    ]);
    expect(changesAfter(doc, (review) => fields(review).set('daysServed', 71))).toEqual([
      'Days served: Not given -> 71',
    ]);
    expect(
      changesAfter(doc, (review) => {
        fields(review).set('recommendation', 'not-on-track');
        standardsOfConcern(review).set('TS4', true);
      }),
    ).toEqual([
      // The concerns step's answers are listed once it applies; those still not given are no change.
      'Recommendation: The teacher is on track -> The teacher is not on track',
      'Standards of concern: Not given -> TS4: Plan and teach well structured lessons',
    ]);
    expect(
      changesAfter(doc, (review) => {
        fields(review).set('staying', 'No');
        fields(review).set('leavingDate', '2026-02-13');
      }),
    ).toEqual(['Remaining at this school next term: Yes -> No', 'Leaving on: Not given -> Fri 13 Feb 2026']);
  });
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { allReviewPoints } from './progress-review/form.ts';
import { createIlpDoc } from './ilp/doc.ts';
import { fields, textField } from '../doc/layout.ts';
import { createProgressReportDoc } from './progress-report/doc.ts';
import { addCustomPoint, createProgressReviewDoc, customPoints, evidenceKey, ratings } from './progress-review/doc.ts';
import { attendance, createSessionReportDoc } from './session-report/doc.ts';
import { setFragmentText } from '../doc/text-fragment.ts';
import type { SubmissionContext } from '../workflow/submission.ts';
import { submissionCheck, submissionProblems } from './registry.ts';

const sam = { id: 'l1', name: 'Sam' };
const kit = { id: 'l2', name: 'Kit' };
const assignment = { id: 'a1', subject: 'Maths', startDate: '2026-11-02', endDate: '2027-01-29' };

const text = (doc: Y.Doc, values: Record<string, string>) =>
  doc.transact(() => Object.entries(values).forEach(([key, value]) => setFragmentText(textField(doc, key), value)));
const set = (doc: Y.Doc, values: Record<string, unknown>) =>
  doc.transact(() => Object.entries(values).forEach(([key, value]) => fields(doc).set(key, value)));
const list = (doc: Y.Doc, context?: SubmissionContext) =>
  submissionProblems(doc, context).map((p) => `${p.fieldId} | ${p.label ?? ''} | ${p.message}`);
/** The rules each open choice would bring, as the check lists them: the outcome, the field, the message. */
const onceChosen = (doc: Y.Doc, context?: SubmissionContext) =>
  submissionCheck(doc, context).onceChosen.map((p) => `${p.when} | ${p.choiceFieldId} | ${p.fieldId} | ${p.message}`);

/** A session report as it is made: nothing chosen for attendance, the content empty. */
function newSessionReport(learners = [sam], delivery?: 'In person'): Y.Doc {
  const doc = new Y.Doc();
  createSessionReportDoc(
    doc,
    { date: '2026-11-23', start: '13:00', finish: '14:00', subject: 'Maths', learners, assignment, delivery },
    'G',
  );
  return doc;
}

function sessionReport(learners = [sam]): Y.Doc {
  const doc = new Y.Doc();
  createSessionReportDoc(
    doc,
    {
      date: '2026-11-23',
      start: '13:00',
      finish: '14:00',
      subject: 'Maths',
      learners,
      assignment,
      delivery: 'In person',
    },
    'G',
  );
  set(doc, { attainment1: 'Achieved', engagementWithObjectives: 'Good', attitudeToSession: 'Good' });
  for (const learner of learners) attendance(doc).set(learner.id, { code: 'Present' });
  text(doc, {
    learningObjective1: 'Order fractions by size.',
    progressComment: 'Ordered 5 of 6.',
    engagementComment: 'Focused.',
  });
  return doc;
}

describe('session report submission checks', () => {
  it('passes a complete report, with 1,024 characters in a field but not 1,025', () => {
    const doc = sessionReport();
    text(doc, { progressComment: 'p'.repeat(1024) });
    expect(list(doc)).toEqual([]);
    text(doc, { progressComment: 'p'.repeat(1025) });
    expect(list(doc)).toEqual([
      'progressComment | Comment on progress towards learning objectives | This field holds at most 1,024 characters; it has 1025.',
    ]);
  });

  it('needs a learning objective and both engagement objectives, and lists every missing field', () => {
    const doc = sessionReport();
    text(doc, { learningObjective1: '' });
    set(doc, { engagementWithObjectives: undefined });
    fields(doc).delete('attitudeToSession');
    expect(list(doc)).toEqual([
      'learningObjective1 | Learning objective 1 | This field is required.',
      'engagementWithObjectives | Engagement with learning objectives | Choose a level for engagement with learning objectives.',
      'attitudeToSession | Attitude to session | Choose a level for attitude to session.',
    ]);
  });

  it('asks only for attendance when the learner was absent', () => {
    const doc = new Y.Doc();
    createSessionReportDoc(
      doc,
      {
        date: '2026-11-23',
        start: '13:00',
        finish: '14:00',
        subject: 'Maths',
        learners: [sam],
        delivery: 'Online at home',
      },
      'G',
    );
    attendance(doc).set('l1', { code: 'Absent' });
    expect(list(doc)).toEqual(['absenceReason-l1 | Reason for absence: Sam | Choose a reason for the absence.']);
    attendance(doc).set('l1', { code: 'Absent', absenceReason: 'Illness' });
    expect(list(doc)).toEqual([]);
  });

  it('records a group of two with one learner present as Present, and then needs the rest of the report', () => {
    const doc = sessionReport([sam, kit]);
    attendance(doc).set('l2', { code: 'Absent', absenceReason: 'Unknown' });
    expect(list(doc)).toEqual(['groupAttendance | Group attendance | Choose the attendance for the group.']);
    set(doc, { groupAttendance: 'Present' });
    expect(list(doc)).toEqual([]);
    text(doc, { engagementComment: '' });
    expect(list(doc)).toEqual(['engagementComment | Engagement comment | This field is required.']);
  });

  it('keeps the session within its assignment’s dates', () => {
    const doc = sessionReport();
    const context = { assignment };
    expect(list(doc, context)).toEqual([]);
    set(doc, { date: '2027-01-30' });
    expect(list(doc, context)).toEqual([
      'date | Date | The session date must fall within the assignment, Mon 2 Nov 2026 to Fri 29 Jan 2027.',
    ]);
  });
});

function plan(score: number | undefined, target: number | undefined): Y.Doc {
  const doc = new Y.Doc();
  createIlpDoc(doc, { learner: sam, subject: 'Maths', assignmentBrief: 'Brief.', assignment, date: '2026-11-05' }, 'G');
  set(doc, { keyStage: 'Key stage 3', assessmentScore: score, target });
  text(doc, { assessmentComments: 'Gaps in fractions.', plan: 'Fractions.', learnerComments: 'Keen.' });
  return doc;
}

describe('session report rules that apply once attendance is chosen', () => {
  it('lists, before attendance is chosen, what attending and being absent would each ask for', () => {
    const doc = newSessionReport();
    expect(list(doc)).toEqual(['attendance-l1 | Attendance: Sam | Record attendance for Sam.']);
    expect(onceChosen(doc)).toEqual([
      'If Sam attended | attendance-l1 | learningObjective1 | This field is required.',
      'If Sam attended | attendance-l1 | attainment1 | Choose the attainment for this objective.',
      'If Sam attended | attendance-l1 | progressComment | This field is required.',
      'If Sam attended | attendance-l1 | engagementWithObjectives | Choose a level for engagement with learning objectives.',
      'If Sam attended | attendance-l1 | attitudeToSession | Choose a level for attitude to session.',
      'If Sam attended | attendance-l1 | engagementComment | This field is required.',
      'If Sam attended | attendance-l1 | delivery | Choose how the session was delivered.',
      'If Sam was absent | attendance-l1 | absenceReason-l1 | Choose a reason for the absence.',
    ]);
  });

  it('gives each once-chosen rule its label, and drops it once the field is filled in', () => {
    const doc = newSessionReport([sam], 'In person');
    text(doc, { learningObjective1: 'Order fractions by size.', progressComment: 'Ordered 5 of 6.' });
    const check = submissionCheck(doc);
    expect(check.onceChosen.find((p) => p.fieldId === 'attainment1')?.label).toBe('Attainment for objective 1');
    expect(onceChosen(doc).map((line) => line.split(' | ')[2])).toEqual([
      'attainment1',
      'engagementWithObjectives',
      'attitudeToSession',
      'engagementComment',
      'absenceReason-l1',
    ]);
  });

  it('once attendance is chosen, lists its rules as applying now and nothing as once chosen', () => {
    const doc = newSessionReport([sam], 'In person');
    const before = onceChosen(doc)
      .filter((line) => line.startsWith('If Sam attended'))
      .map((line) => line.split(' | ').slice(2).join(' | '));
    attendance(doc).set('l1', { code: 'Present' });
    expect(onceChosen(doc)).toEqual([]);
    expect(submissionCheck(doc).now.map((p) => `${p.fieldId} | ${p.message}`)).toEqual(before);
  });

  it('for a group with nobody recorded, says "If Sam or Kit attended" once, and each learner\'s absence', () => {
    const doc = newSessionReport([sam, kit], 'In person');
    const lines = onceChosen(doc);
    expect(lines.filter((line) => line.includes('attended')).length).toBe(6);
    expect(new Set(lines.map((line) => line.split(' | ')[0]))).toEqual(
      new Set(['If Sam or Kit attended', 'If Sam was absent', 'If Kit was absent']),
    );
    expect(lines).toContain('If Kit was absent | attendance-l2 | absenceReason-l2 | Choose a reason for the absence.');
  });

  it('once one learner of a group attended, asks the rest only for their absence', () => {
    const doc = sessionReport([sam, kit]);
    attendance(doc).delete('l2');
    expect(onceChosen(doc)).toEqual([
      'If Kit was absent | attendance-l2 | absenceReason-l2 | Choose a reason for the absence.',
    ]);
  });

  it('after an absence with its reason, lists no rules that would come with attendance', () => {
    const doc = newSessionReport();
    attendance(doc).set('l1', { code: 'Absent', absenceReason: 'Illness' });
    expect(submissionCheck(doc)).toEqual({ now: [], onceChosen: [] });
  });
});

describe('learning plan submission checks', () => {
  it('passes a target exactly 10 points above the score, and not 9', () => {
    expect(list(plan(45, 55))).toEqual([]);
    expect(list(plan(45, 54))).toEqual([
      'target | Target % | The target must be at least 10 points above the score of 45%: 55% or more.',
    ]);
  });

  it('asks for a missing score', () => {
    expect(list(plan(undefined, 55))).toEqual(['assessmentScore | Assessment score % | Give the assessment score.']);
  });

  it('dates the plan within two weeks of the assignment’s start', () => {
    const doc = plan(45, 55);
    set(doc, { date: '2026-11-16' });
    expect(list(doc, { assignment })).toEqual([]);
    set(doc, { date: '2026-11-17' });
    expect(list(doc, { assignment })).toEqual([
      "date | Date | The plan's date must be within two weeks of the assignment's start on Mon 2 Nov 2026.",
    ]);
  });
});

function progress(final: boolean, values: Record<string, unknown>): Y.Doc {
  const doc = new Y.Doc();
  createProgressReportDoc(
    doc,
    {
      learner: sam,
      subject: 'Maths',
      final,
      previous: { score: 45, target: 55, plan: 'Fractions.' },
      assignment,
      date: '2026-12-15',
    },
    'G',
  );
  set(doc, values);
  text(doc, { progressAchieved: 'Adds fractions.', plan: 'Ratio.', learnerComments: 'Happy.' });
  return doc;
}

describe('progress report submission checks', () => {
  it('passes an updated score equal to the previous one, and refuses a lower one', () => {
    expect(list(progress(false, { targetMet: 'No', updatedScore: 45, newTarget: 55 }))).toEqual([]);
    expect(list(progress(false, { targetMet: 'No', updatedScore: 44, newTarget: 55 }))).toEqual([
      'updatedScore | Updated assessment score % | The updated score cannot be lower than the previous score of 45%: a score is never revised downwards.',
    ]);
  });

  it('uses the previous score the device knows over the one copied into the report', () => {
    const doc = progress(false, { targetMet: 'No', updatedScore: 46, newTarget: 56 });
    expect(list(doc, { previous: { score: 50, target: 60 } })[0]).toContain('lower than the previous score of 50%');
  });

  it('says when "target met" does not match the scores', () => {
    expect(list(progress(false, { targetMet: 'Yes', updatedScore: 50, newTarget: 60 }))).toEqual([
      'targetMet | Has the learner met the target set in the previous report? | The target was 55%, but the updated score is 50%: the target was not met.',
    ]);
    expect(list(progress(false, { targetMet: 'No', updatedScore: 55, newTarget: 65 }))).toEqual([
      'targetMet | Has the learner met the target set in the previous report? | The updated score of 55% reaches the target of 55%: the target was met.',
    ]);
  });

  it('needs a new target 10 above the updated score, but not in the final report', () => {
    expect(list(progress(false, { targetMet: 'Yes', updatedScore: 60, newTarget: 69 }))).toEqual([
      'newTarget | Target for the next six weeks % | The target must be at least 10 points above the score of 60%: 70% or more.',
    ]);
    expect(list(progress(true, { targetMet: 'Yes', updatedScore: 60 }))).toEqual([]);
  });

  it('cannot be checked against a score that does not exist', () => {
    const doc = progress(false, { targetMet: 'Yes', updatedScore: 60, newTarget: 70 });
    expect(list(doc, { previous: {} })).toEqual([
      'updatedScore | Updated assessment score % | There is no previous assessment score to compare with: the learning plan, or the previous progress report, needs its score first.',
    ]);
  });
});

describe('progress report rules that apply once "target met" is answered', () => {
  it('says which answer the scores would refuse before it is given', () => {
    const doc = progress(false, { updatedScore: 50, newTarget: 60 });
    expect(onceChosen(doc)).toEqual([
      'If you answer Yes to whether the target was met | targetMet | targetMet | The target was 55%, but the updated score is 50%: the target was not met.',
    ]);
    fields(doc).set('targetMet', 'No');
    expect(submissionCheck(doc)).toEqual({ now: [], onceChosen: [] });
  });
});

describe('a kind without open choices', () => {
  it('reports its problems as applying now, and nothing once chosen', () => {
    const doc = plan(undefined, 55);
    expect(submissionCheck(doc)).toEqual({ now: submissionProblems(doc), onceChosen: [] });
  });
});

describe('progress-review checklist submission checks', () => {
  it('lists unrated points and takes the user to each, with own points named by their statement', () => {
    const doc = new Y.Doc();
    createProgressReviewDoc(doc, { title: 'Autumn review', date: '2026-11-23' }, 'R');
    doc.transact(() => {
      for (const point of allReviewPoints.slice(1)) {
        ratings(doc).set(point.id, 'Strong');
        setFragmentText(textField(doc, evidenceKey(point.id)), 'Seen in records.');
      }
    });
    addCustomPoint(doc, 'learners', 'own1');
    customPoints(doc).set('own1', { stage: 'learners', statement: 'Learners lead their reviews.', order: 0 });
    ratings(doc).set('own1', 'Strong');
    expect(list(doc)).toEqual([
      'strength-learners-1 | Strength of evidence: Contributes to an individual learning programme. | Rate the strength of the evidence: none, superficial or strong.',
      'evidence-own1 | Evidence: Learners lead their reviews. | Describe the evidence behind this rating.',
    ]);
  });
});

it('refuses to submit a document that is not a report', () => {
  expect(list(new Y.Doc())).toEqual(['main |  | This document is not a Margin report, so it cannot be submitted.']);
});

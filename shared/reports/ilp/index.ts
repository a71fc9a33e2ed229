// The Individual Learning Plan: one per learner per assignment, the score and target progress is measured from.
import { defineReportKind } from '../definition.ts';
import { createIlpDoc, ilpFormat, readIlp } from './doc.ts';
import { ilpFacts } from './facts.ts';
import { ilpTextFields } from './form.ts';
import { ilpProblems } from './rules.ts';

export const ilp = defineReportKind({
  kind: 'ilp',
  format: ilpFormat,
  label: 'Individual Learning Plan',
  textFields: ilpTextFields,
  subjectLine(doc) {
    const plan = readIlp(doc);
    return `${plan.learner?.name ?? 'Unknown learner'}: ${plan.subject}`;
  },
  submissionProblems: (doc, context) => ilpProblems(readIlp(doc), context),
  index(doc) {
    const plan = readIlp(doc);
    return {
      learners: plan.learner ? [plan.learner] : [],
      date: plan.date ?? '',
      assignmentId: plan.assignment?.id,
      score: plan.assessmentScore,
      target: plan.target,
      plan: plan.text.plan,
    };
  },
  progress(doc) {
    const plan = readIlp(doc);
    return { score: plan.assessmentScore, target: plan.target, plan: plan.text.plan };
  },
  facts: ilpFacts,
  assignment: {
    schedule: 'by-second-session',
    writeStep: () => 'Write the plan',
    writtenAgainstPrevious: false,
    start(doc, { learner, subject, assignmentBrief, assignment, date }, createdBy) {
      createIlpDoc(doc, { learner, subject, assignmentBrief, assignment, date }, createdBy);
    },
  },
  workflow: { drawnBy: 'report-page', showsStatus: true },
});

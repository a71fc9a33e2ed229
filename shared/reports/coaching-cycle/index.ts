// One coaching cycle: observe and select, give feedback, finish. Finish submits it, which shows it to the teacher.
import { formatDate } from '../../workflow/calendar.ts';
import { defineReportKind } from '../definition.ts';
import { observationNotes, coachingCycleFormat, readCycle, readCycleState } from './doc.ts';
import { cycleFacts } from './facts.ts';

export const coachingCycle = defineReportKind({
  kind: 'coaching-cycle',
  format: coachingCycleFormat,
  label: 'Coaching cycle',
  textFields: observationNotes,
  subjectLine(doc) {
    const cycle = readCycle(doc);
    return `${cycle.teacher?.name ?? 'Unknown teacher'}, week of ${formatDate(cycle.week)}`;
  },
  submissionProblems: (doc) =>
    readCycleState(doc).stage === 'finished'
      ? []
      : [{ fieldId: 'finish', message: 'Give feedback and finish the cycle first.' }],
  index(doc) {
    const cycle = readCycle(doc);
    return {
      learners: [],
      people: { ids: cycle.teacher ? [cycle.teacher.id] : [], names: cycle.teacher ? [cycle.teacher.name] : [] },
      date: cycle.week,
      ...(cycle.state.stage === 'finished' && cycle.finishedOn && cycle.state.nextStep
        ? { cycle: { finishedOn: cycle.finishedOn, step: cycle.state.nextStep.title } }
        : {}),
    };
  },
  facts: cycleFacts,
  // The mentor who starts it holds the tutor's link; a mentor's link is a second observer's.
  roleWords: { tutor: 'mentor', mentor: 'second observer', teacher: 'early career teacher' },
  workflow: { drawnBy: 'form', showsStatus: false },
});

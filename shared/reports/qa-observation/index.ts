// A quality-assurance observation of a tutor's session, submitted when its feedback is sent to the tutor.
import { defineReportKind } from '../definition.ts';
import { qaObservationFormat, readObservation, tutorReplyKey } from './doc.ts';
import { observationFacts } from './facts.ts';
import { hasConcerns, observationProblems } from './observation.ts';

export const qaObservation = defineReportKind({
  kind: 'qa-observation',
  format: qaObservationFormat,
  label: 'Quality observation',
  textFields: [],
  commentsParts: { [tutorReplyKey]: 'text' },
  subjectLine(doc) {
    const observation = readObservation(doc);
    return `${observation.tutorName || 'Unknown tutor'}, observation ${observation.number}`;
  },
  facts: observationFacts,
  submissionProblems: (doc) => observationProblems(readObservation(doc)),
  index(doc) {
    const observation = readObservation(doc);
    return {
      learners: [],
      people: {
        ids: observation.tutorId ? [observation.tutorId] : [],
        names: observation.tutorName ? [observation.tutorName] : [],
      },
      date: observation.date ?? '',
      observation: { number: observation.number, concerns: hasConcerns(observation) },
    };
  },
  workflow: { drawnBy: 'form', showsStatus: false },
});

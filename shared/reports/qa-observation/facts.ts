// A quality observation's values, for History, with the words its form uses: who and when, each checklist item
// ticked or not, each competency's judgement and the feedback (not one of the kind's listed free-text fields).
import type * as Y from 'yjs';
import { competencies } from '../../quality/competencies.ts';
import type { ReportFact } from '../definition.ts';
import { factOf as fact } from '../report-facts.ts';
import { readObservation } from './doc.ts';

export function observationFacts(doc: Y.Doc): ReportFact[] {
  const observation = readObservation(doc);
  return [
    fact('tutorName', 'Tutor observed', observation.tutorName),
    fact('date', 'Date of the session observed', observation.date),
    fact('number', 'Observation', observation.number),
    ...competencies.flatMap((competency) => [
      ...competency.items.map((item) =>
        fact(item.id, `${competency.label}: ${item.text}`, observation.checked[item.id] === true),
      ),
      fact(`judgement-${competency.id}`, `Judgement: ${competency.label}`, observation.judgementFor[competency.id]),
    ]),
    fact('feedback', 'Feedback for the tutor', observation.feedback),
  ];
}

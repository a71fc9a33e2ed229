// Starting quality observations on this device: a first observation of a tutor, or a follow-up linked to
// the first when the rules allow it (shared/quality/observation.ts).
import { createObservationDoc } from '../../../shared/reports/qa-observation/doc.ts';
import { followUpCheck, type ObservationDraft } from '../../../shared/reports/qa-observation/observation.ts';
import { localDate } from '../../../shared/workflow/calendar.ts';
import { createReport } from '../store/new-report.ts';

/** A first observation of a tutor: one chosen from the organisation's tutors comes with their member id. */
export function startObservation(
  tutor: { name: string; id?: string },
  date: string,
  createdBy: string,
): Promise<string> {
  return createReport((doc) =>
    createObservationDoc(doc, { tutorName: tutor.name.trim(), tutorId: tutor.id, date }, createdBy),
  );
}

/** Starts the next observation after `id`; throws the rule's reason when none may follow it. */
export function startFollowUp(id: string, draft: ObservationDraft, sent: boolean, createdBy: string): Promise<string> {
  const check = followUpCheck(id, draft, sent);
  if (!check.ok) return Promise.reject(new Error(check.problem));
  return createReport((doc) =>
    createObservationDoc(
      doc,
      {
        tutorName: draft.tutorName,
        tutorId: draft.tutorId,
        date: localDate(new Date()),
        number: check.value.number,
        firstObservationId: check.value.firstObservationId,
        previousObservationId: id,
      },
      createdBy,
    ),
  );
}

// A session report form shaped like the tutoring agency's (domain guide 000): one to three learning
// objectives, the comment on progress towards them, the engagement objectives, the engagement comment
// and the comment to the agency, each free-text field holding 1,024 characters. Fields are told apart
// by their labels, as the agency's own form names them.
//
// The engagement objectives are pre-filled by the agency ("Engagement with learning objectives",
// "Attitude to session") and the tutor only picks a level, so they get spelling and grammar but not
// the SMART advice meant for the objectives the tutor writes.
//
// Its Save button keeps a draft by sending the form with fetch, not by submitting it, so it is named
// here as a submission of its own: the panel comes before a saved report too.
import type { FieldRole } from '../../shared/checks/context.ts';
import { freeTextLimit } from '../../shared/forms/free-text-limit.ts';
import { freeTextFieldsIn } from '../page/free-text-field.ts';
import { describeField, labelOf, limitOf } from './form-fields.ts';
import type { FormField, SiteAdapter } from './site-adapter.ts';

/** The agency form's fields, most specific label first. */
const agencyFields: { label: RegExp; role: FieldRole }[] = [
  { label: /\bcomments?\s+(?:to|for)\s+(?:the\s+)?(?:agency|fleet|co-?ordinators?)\b/i, role: 'internal' },
  { label: /\bprogress\s+towards\b|\bcomments?\s+on\s+(?:progress|learning)\b/i, role: 'progress-comment' },
  { label: /\bengagement\s+comments?\b/i, role: 'comment' },
  {
    label: /\bengagement\s+objectives?\b|\bengagement\s+with\s+learning\s+objectives\b|\battitude\s+to\s+session\b/i,
    role: 'other',
  },
  { label: /\blearning\s+objectives?\b/i, role: 'learning-objective' },
];

function agencyRole(label: string): FieldRole | undefined {
  return agencyFields.find((field) => field.label.test(label))?.role;
}

export const agencySessionReport: SiteAdapter = {
  name: 'agency-session-report',
  form: 'session-report',
  matches(document) {
    const roles = new Set(freeTextFieldsIn(document).map((element) => agencyRole(labelOf(element))));
    return roles.has('learning-objective') && (roles.has('progress-comment') || roles.has('comment'));
  },
  fields: (scope) =>
    freeTextFieldsIn(scope, { frames: true }).map((element): FormField => {
      const role = agencyRole(labelOf(element));
      return describeField(element, role ? { role, limit: limitOf(element) ?? freeTextLimit } : {});
    }),
  submitTriggers: [
    { kind: 'form-submit', form: 'form' },
    { kind: 'button-click', button: 'button', name: /^save$/i },
  ],
};

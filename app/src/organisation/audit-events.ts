// How the audit log page shows an entry: its kind of event (for the filter), what happened in words, and who or
// what it was about, with members named (removed ones too) and a report by its id. The relay's entries are in
// relay/organisations (members.ts, passkeys.ts, http.ts, member-reports.ts, report-audit.ts, admin-commands.ts).
import {
  type AuditEntryView,
  type MemberView,
  memberRoleLabels,
  MemberRole,
} from '../../../shared/protocol/organisations.ts';
import { workingDaysWords } from '../../../shared/workflow/working-days.ts';

export const auditKinds = [
  'invitations',
  'sign-ins',
  'passkeys',
  'roles',
  'removals',
  'reports',
  'links',
  'decisions',
  'words',
  'organisation',
  'timesheets',
  'learners',
] as const;
export type AuditKind = (typeof auditKinds)[number] | 'other';

export const auditKindLabels: Record<AuditKind, string> = {
  invitations: 'Invitations',
  'sign-ins': 'Sign-ins and sign-outs',
  passkeys: 'Passkeys',
  roles: 'Role changes',
  removals: 'Removals',
  reports: 'Reports registered',
  links: 'Links made and withdrawn',
  decisions: 'Decisions',
  words: 'The organisation’s words',
  organisation: 'The organisation and its settings',
  timesheets: 'Timesheets exported and months closed',
  learners: 'Learners’ data exported and erased',
  other: 'Other',
};

const kindOfAction: Record<string, AuditKind> = {
  'member invited': 'invitations',
  'member invited again': 'invitations',
  'signed in': 'sign-ins',
  'signed out everywhere': 'sign-ins',
  'passkey added': 'passkeys',
  'passkey removed': 'passkeys',
  'role changed': 'roles',
  'member removed': 'removals',
  'report registered': 'reports',
  'report teacher named': 'reports',
  'report client set': 'reports',
  'link made': 'links',
  'link withdrawn': 'links',
  decision: 'decisions',
  'word added': 'words',
  'word removed': 'words',
  'organisation created': 'organisation',
  'settings changed': 'organisation',
  'school linked': 'organisation',
  'timesheet exported': 'timesheets',
  'month closed': 'timesheets',
  'learner exported': 'learners',
  'learner erased': 'learners',
};

export const kindOf = (entry: AuditEntryView): AuditKind => kindOfAction[entry.action] ?? 'other';

const text = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);

const reportsWords = (value: unknown): string =>
  typeof value === 'number' ? `${value} ${value === 1 ? 'report' : 'reports'}` : 'their reports';

const roleLabel = (value: unknown): string => {
  const role = MemberRole.safeParse(value);
  return role.success ? memberRoleLabels[role.data].toLowerCase() : (text(value) ?? 'another role');
};

const decisionWords: Record<string, string> = {
  submit: 'Submitted',
  approve: 'Approved',
  reject: 'Returned for changes',
  resubmit: 'Resubmitted',
};

/** What happened, in words: "Invited as tutor", "Role changed from tutor to mentor". */
export function describe(entry: AuditEntryView): string {
  const detail = entry.detail ?? {};
  switch (entry.action) {
    case 'member invited':
      return `Invited as ${roleLabel(detail.role)}`;
    case 'member invited again':
      return 'Invited again (a new link)';
    case 'signed in':
      return detail.with === 'invitation' ? 'Signed in for the first time, with their invitation' : 'Signed in';
    case 'signed out everywhere':
      return 'Signed out everywhere';
    case 'passkey added':
      return text(detail.label) ? `Passkey added (${text(detail.label)})` : 'Passkey added';
    case 'passkey removed':
      return 'Passkey removed';
    case 'role changed':
      return `Role changed from ${roleLabel(detail.from)} to ${roleLabel(detail.to)}`;
    case 'member removed':
      return 'Removed from the organisation';
    case 'report registered':
      return 'Report registered';
    case 'report teacher named':
      return text(detail.teacher) ? 'Its early career teacher named' : 'Its early career teacher taken off';
    case 'link made':
      return `${text(detail.role) ? `A ${text(detail.role)} link` : 'A link'} made`;
    case 'link withdrawn': {
      const also = typeof detail.alsoWithdrawn === 'number' ? detail.alsoWithdrawn : 0;
      const link = text(detail.role) ? `A ${text(detail.role)} link` : 'A link';
      return `${link} withdrawn${also ? `, with ${also} made from it` : ''}`;
    }
    case 'decision': {
      const action = text(detail.decision) ?? 'decision';
      const words = decisionWords[action] ?? `${action.charAt(0).toUpperCase()}${action.slice(1).replaceAll('-', ' ')}`;
      const moved = text(detail.from) && text(detail.to) ? `, from ${text(detail.from)} to ${text(detail.to)}` : '';
      const together = detail.bulk === true ? ', with others at once' : '';
      return `${words}${moved}${together}${text(detail.name) ? ` (signed as ${text(detail.name)})` : ''}`;
    }
    case 'word added':
      return text(detail.word) ? `Word added: ${text(detail.word)}` : 'Word added';
    case 'word removed':
      return text(detail.word) ? `Word removed: ${text(detail.word)}` : 'Word removed';
    case 'organisation created':
      return text(detail.name) ? `Organisation set up (${text(detail.name)})` : 'Organisation set up';
    case 'settings changed': {
      const changes = [
        ...(typeof detail.sessionIdleMinutes === 'number'
          ? [`Sessions now end after ${detail.sessionIdleMinutes} minutes unused`]
          : []),
        ...(typeof detail.reviewTargetDays === 'number'
          ? [`Review target now ${workingDaysWords(detail.reviewTargetDays)}`]
          : []),
      ];
      return changes.join('; ') || 'Settings changed';
    }
    case 'report client set':
      return text(detail.clientId) ? `Client set to ${text(detail.clientId)}` : 'Client set';
    case 'school linked':
      return 'Appropriate body and school linked';
    case 'timesheet exported':
      return `Payroll for ${text(detail.month) ?? 'a month'} exported (${String(text(detail.format) ?? '').toUpperCase()})`;
    case 'learner exported':
      return `Learner’s data exported (${String(text(detail.format) ?? '').toUpperCase()}, ${reportsWords(detail.reports)})`;
    case 'learner erased':
      return `Learner erased (${reportsWords(detail.reports)})`;
    case 'month closed':
      return `Timesheets for ${text(detail.month) ?? 'a month'} closed`;
    default:
      return entry.action.charAt(0).toUpperCase() + entry.action.slice(1);
  }
}

/** A member by name, whether or not they are still a member; anyone else by what the relay knows. */
export function whoActed(entry: AuditEntryView, members: ReadonlyMap<string, MemberView>): string {
  if (entry.actor) return members.get(entry.actor)?.name ?? 'A member no longer listed';
  if (entry.action === 'link made' || entry.action === 'link withdrawn' || entry.action === 'decision') {
    const role = text(entry.detail?.withRole);
    return role ? `Someone with a ${role} link` : 'Someone with a link';
  }
  return 'Margin (from a shell, or the set-up)';
}

export function aboutWhat(entry: AuditEntryView, members: ReadonlyMap<string, MemberView>): string {
  if (!entry.subject) return '';
  const member = members.get(entry.subject);
  if (member) return member.removedAt ? `${member.name} (removed)` : member.name;
  if (kindOf(entry) === 'reports' || kindOf(entry) === 'links' || kindOf(entry) === 'decisions')
    return `Report ${entry.subject}`;
  if (entry.action === 'school linked' && text(entry.detail?.body) && text(entry.detail?.school))
    return `${text(entry.detail?.body)} and ${text(entry.detail?.school)}`;
  return text(entry.detail?.name) ?? entry.subject;
}

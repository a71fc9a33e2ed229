// The learner progress overview (docs/protocol.md, "Learner progress overview"): for the organisation's managers
// (shared/protocol/progress.ts), every learner with scores against targets, attendance, their tutor's last
// progress-review checklist and whether they are falling behind (shared/progress/falling-behind.ts). The figures
// come from each report's index entry, read through progressFacts alone.
import type { IncomingMessage } from 'node:http';
import { memberRoleLabels } from '../../shared/protocol/organisations.ts';
import { type ProgressOverview, progressOverviewRoles } from '../../shared/protocol/progress.ts';
import { type ProgressReportFact, progressOverview } from '../../shared/progress/overview.ts';
import { localDate } from '../../shared/workflow/calendar.ts';
import { kindLabel } from '../directory/report-directory.ts';
import type { MemberReportsContext } from './member-reports.ts';
import { organisationEntries } from './report-entries.ts';
import { type Answer, Problem, signedInMember } from './requests.ts';

/** Every report of the organisation as the overview needs it: who wrote it and its kind's index entry (the directory). */
export async function progressFacts(
  context: MemberReportsContext,
  organisationId: string,
): Promise<ProgressReportFact[]> {
  const [entries, members] = await Promise.all([
    organisationEntries(context.directory, organisationId),
    context.store.members(organisationId),
  ]);
  const names = new Map(members.map((each) => [each.id, each.name]));
  return entries.map(({ report, kind, entry }) => ({
    reportId: report.reportId,
    kind: kindLabel(kind),
    tutorId: report.ownerId,
    tutorName: names.get(report.ownerId) ?? 'A former member',
    entry,
  }));
}

const memberIdPattern = /^[0-9a-f-]{36}$/;

/** GET /api/organisation/progress[?learner=<part of a name>&tutor=<member id>&behind=1] */
export async function learnerProgress(context: MemberReportsContext, request: IncomingMessage): Promise<Answer> {
  const { member } = await signedInMember(context, request);
  if (!progressOverviewRoles.includes(member.role)) {
    const label = memberRoleLabels[member.role].toLowerCase();
    throw new Problem(
      403,
      `The learner progress overview is for the organisation’s administrators and coordinators; as ${/^[aeiou]/.test(label) ? 'an' : 'a'} ${label} it is not yours.`,
    );
  }
  const query = new URL(request.url ?? '/', 'http://relay').searchParams;
  const learner = query.get('learner')?.trim().toLocaleLowerCase('en-GB') ?? '';
  if (learner.length > 80) throw new Problem(400, 'Search for a learner with at most 80 characters.');
  const tutor = query.get('tutor') ?? '';
  if (tutor !== '' && !memberIdPattern.test(tutor)) throw new Problem(400, 'A tutor is named by their member id.');
  const behind = query.get('behind');
  if (behind !== null && behind !== '1' && behind !== '0')
    throw new Problem(400, 'Give behind=1 for only the learners falling behind, or leave it out.');
  const today = localDate(new Date());
  // Narrowed to a tutor, the learners they wrote about, with the figures of their own reports.
  const facts = (await progressFacts(context, member.organisationId)).filter(
    (fact) => tutor === '' || fact.tutorId === tutor,
  );
  const learners = progressOverview(facts, today).filter(
    (row) =>
      (learner === '' || row.learner.toLocaleLowerCase('en-GB').includes(learner)) &&
      (behind !== '1' || row.fallingBehind),
  );
  const overview: ProgressOverview = { learners, today };
  return { status: 200, body: overview };
}

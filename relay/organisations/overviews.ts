// The coordinator's coaching overview and the quality team's plan of observations (docs/protocol.md, "Coaching
// overview and plan of observations"), drawn from the organisation's registered reports: each report's kind and index
// entry is read from the report directory through organisationEntries (report-entries.ts) and nothing else of it.
import type { IncomingMessage } from 'node:http';
import { memberRoleLabels } from '../../shared/protocol/organisations.ts';
import {
  type CoachingOverview,
  coachingOverviewRoles,
  type ObservationPlan,
  observationPlanRoles,
} from '../../shared/protocol/overviews.ts';
import { cyclesPerWeek, lastWeeks, londonDate } from '../../shared/coaching/weekly-cycles.ts';
import { observationPlan } from '../../shared/reports/qa-observation/plan.ts';
import type { ReportKind } from '../../shared/reports/registry.ts';
import type { MemberRecord } from '../storage/organisations.ts';
import { memberFacts } from './member-facts.ts';
import type { MemberReportsContext } from './member-reports.ts';
import { organisationEntries, type ReportEntry } from './report-entries.ts';
import { type Answer, Problem, signedInMember } from './requests.ts';

const article = (label: string) => (/^[aeiou]/i.test(label) ? 'an' : 'a');

/** The signed-in member when their role opens the desk; 403 saying whose desk it is otherwise. */
export async function memberFor(
  context: MemberReportsContext,
  request: IncomingMessage,
  roles: readonly string[],
  desk: string,
) {
  const { member } = await signedInMember(context, request);
  if (!roles.includes(member.role)) {
    const label = memberRoleLabels[member.role].toLowerCase();
    throw new Problem(403, `${desk} As ${article(label)} ${label} you have no part in it.`);
  }
  return member;
}

const entriesOf = (context: MemberReportsContext, organisationId: string, kinds: readonly ReportKind[]) =>
  organisationEntries(context.directory, organisationId, kinds);

type Entry = ReportEntry;

const nameKey = (name: string) => name.trim().toLocaleLowerCase('en-GB');

/**
 * The member a report names: the one whose id it carries, else the only one of `candidates` with the name it gives.
 * A coaching cycle may carry an id made on the mentor's device before they signed in (`byNameDespiteId`), so its name
 * is tried after its id; an observation carries only member ids (of a tutor chosen from the organisation's), so one
 * with an id is never matched by name: two tutors of one name, or one who changed theirs, keep their own.
 */
function namedMember(
  entry: Entry,
  candidates: readonly MemberRecord[],
  byNameDespiteId: boolean,
): MemberRecord | undefined {
  const ids = entry.entry.people?.ids ?? [];
  const byId = candidates.find((member) => ids.includes(member.id));
  if (byId) return byId;
  const name = entry.entry.people?.names[0];
  if (!name || (ids.length > 0 && !byNameDespiteId)) return undefined;
  const same = candidates.filter((member) => nameKey(member.name) === nameKey(name));
  return same.length === 1 ? same[0] : undefined;
}

/**
 * GET /api/organisation/coaching: for each school the member oversees (a coordinator's own; an appropriate body's
 * reviewer's, the schools linked to their body, as for termly reviews: member-facts.ts), each early career teacher's
 * mentors, cycles finished per week and current step.
 */
export async function coachingOverview(context: MemberReportsContext, request: IncomingMessage): Promise<Answer> {
  const member = await memberFor(
    context,
    request,
    coachingOverviewRoles,
    'The coaching overview is for a school’s coordinators and an appropriate body’s reviewers.',
  );
  const { schools = [member.organisationId] } = await memberFacts(context.store, member);
  const weeks = lastWeeks(londonDate(new Date()));
  const overviews = await Promise.all(schools.map((schoolId) => schoolCoaching(context, schoolId, weeks)));
  const body: CoachingOverview = {
    weeks,
    schools: overviews.sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || a.id.localeCompare(b.id)),
  };
  return { status: 200, body };
}

/** One school's early career teachers with their coaching over `weeks`. */
async function schoolCoaching(
  context: MemberReportsContext,
  schoolId: string,
  weeks: CoachingOverview['weeks'],
): Promise<CoachingOverview['schools'][number]> {
  const [school, members, entries] = await Promise.all([
    context.store.organisation(schoolId),
    context.store.members(schoolId),
    entriesOf(context, schoolId, ['coaching-cycle']),
  ]);
  const names = new Map(members.map((each) => [each.id, each.name]));
  const teachers = members
    .filter((each) => each.role === 'early-career-teacher' && !each.removedAt)
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  const cyclesOf = new Map<string, Entry[]>();
  for (const each of entries) {
    if (each.kind !== 'coaching-cycle') continue;
    const teacher = namedMember(each, teachers, true);
    if (teacher) cyclesOf.set(teacher.id, (cyclesOf.get(teacher.id) ?? []).concat(each));
  }
  return {
    id: schoolId,
    name: school?.name ?? 'A school no longer in Margin',
    teachers: teachers.map((teacher) => {
      const theirs = cyclesOf.get(teacher.id) ?? [];
      const finished = theirs
        .flatMap((cycle) => (cycle.entry.cycle ? [cycle.entry.cycle] : []))
        .sort((a, b) => a.finishedOn.localeCompare(b.finishedOn));
      const last = finished.at(-1);
      return {
        id: teacher.id,
        name: teacher.name,
        mentors: [...new Set(theirs.map((cycle) => names.get(cycle.report.ownerId) ?? 'A former member'))].sort(),
        cyclesPerWeek: cyclesPerWeek(
          finished.map((cycle) => cycle.finishedOn),
          weeks,
        ),
        ...(last ? { currentStep: { title: last.step, setOn: last.finishedOn } } : {}),
      };
    }),
  };
}

/** GET /api/organisation/observation-plan: each tutor's sessions delivered, observations done and the one due. */
export async function observationPlanAnswer(context: MemberReportsContext, request: IncomingMessage): Promise<Answer> {
  const member = await memberFor(
    context,
    request,
    observationPlanRoles,
    'The plan of observations is for the quality team and administrators.',
  );
  const [members, entries] = await Promise.all([
    context.store.members(member.organisationId),
    entriesOf(context, member.organisationId, ['session-report', 'qa-observation']),
  ]);
  const tutors = members.filter((each) => each.role === 'tutor' && !each.removedAt);
  const delivered = new Map<string, number>();
  for (const each of entries)
    if (each.kind === 'session-report' && each.entry.delivered)
      delivered.set(each.report.ownerId, (delivered.get(each.report.ownerId) ?? 0) + 1);
  type Observed = { number: number; date: string; concerns: boolean; sent: boolean; reportId: string };
  const observedMember = new Map<string, Observed[]>();
  const observedOutside = new Map<string, { name: string; observations: Observed[] }>();
  for (const each of entries) {
    if (each.kind !== 'qa-observation' || !each.entry.observation) continue;
    const observed: Observed = {
      number: each.entry.observation.number,
      date: each.entry.date,
      concerns: each.entry.observation.concerns,
      sent: each.report.status !== 'draft',
      reportId: each.report.reportId,
    };
    const tutor = namedMember(each, tutors, false);
    if (tutor) observedMember.set(tutor.id, [...(observedMember.get(tutor.id) ?? []), observed]);
    else {
      const name = each.entry.people?.names[0]?.trim() || 'Tutor not named';
      const key = nameKey(name);
      const outside = observedOutside.get(key) ?? { name, observations: [] };
      outside.observations.push(observed);
      observedOutside.set(key, outside);
    }
  }
  const today = londonDate(new Date());
  const body: ObservationPlan = {
    today,
    tutors: observationPlan(
      [
        ...tutors.map((tutor) => ({
          id: tutor.id,
          name: tutor.name,
          memberSince: tutor.createdAt,
          member: true,
          sessionsDelivered: delivered.get(tutor.id) ?? 0,
          observations: observedMember.get(tutor.id) ?? [],
        })),
        ...[...observedOutside.values()].map((outside) => ({ ...outside, member: false })),
      ],
      today,
    ),
  };
  return { status: 200, body };
}

// The coordinator's coaching overview and the quality team's plan of observations over real HTTP with session
// cookies, the reports written over real websockets by the members who registered them: the figures come from the
// reports (cycles finished per ISO week, the current step; sessions delivered, observations and the one due), and
// every refusal is tried as someone breaking the rules would (other roles, another organisation, signed out).
import { afterEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { lastWeeks, londonDate } from '../../shared/coaching/weekly-cycles.ts';
import { fields } from '../../shared/doc/layout.ts';
import { setFragmentText } from '../../shared/doc/text-fragment.ts';
import { competencyIds } from '../../shared/quality/competencies.ts';
import { createCycleDoc, takeCycleAction } from '../../shared/reports/coaching-cycle/doc.ts';
import { attendance, createSessionReportDoc } from '../../shared/reports/index.ts';
import { createObservationDoc, feedbackKey, judgements } from '../../shared/reports/qa-observation/doc.ts';
import { addDays } from '../../shared/workflow/calendar.ts';
import { openMemoryStore } from '../storage/memory.ts';
import { TestSession, api, eventually, type TestRelay } from '../testing.ts';
import { invite } from './members.ts';
import { call, organisation, type SignedInMember as Member } from './testing.ts';

const session = new TestSession();
afterEach(() => session.cleanup());

const tokenFor = async (relay: TestRelay, who: Member, reportId: string) =>
  (await call(relay, 'GET', `/api/organisation/reports/${reportId}/token`, { cookie: who.cookie })).body
    .token as string;

/** A report registered by `who` and written over a websocket by `layOut`; returns its tutor token. */
async function write(relay: TestRelay, who: Member, id: string, layOut: (doc: Y.Doc) => void) {
  expect((await call(relay, 'POST', '/api/organisation/reports', { cookie: who.cookie, body: { id } })).status).toBe(
    201,
  );
  const token = await tokenFor(relay, who, id);
  const author = await session.provider(relay, id, { token });
  layOut(author.doc);
  return token;
}

const step = (id: string, title: string) => ({ id, title, successCriteria: [], source: 'library' as const });

/** A cycle about `teacher`, finished on `finishedOn` with `title` as its step (left open when `finishedOn` is null). */
function cycle(teacher: { id: string; name: string }, finishedOn: string | null, title: string) {
  return (doc: Y.Doc) => {
    createCycleDoc(doc, { teacher, week: finishedOn ?? londonDate(new Date()) }, 'Mo Mentor');
    takeCycleAction(doc, { type: 'choose', step: step(title.toLowerCase().replaceAll(' ', '-'), title) }, '');
    if (finishedOn === null) return;
    takeCycleAction(doc, { type: 'give-feedback' }, '');
    takeCycleAction(doc, { type: 'finish' }, finishedOn);
  };
}

async function school() {
  const store = openMemoryStore();
  const relay = await session.relay({ store });
  const oak = await organisation(
    store,
    'Oak School',
    {
      mo: { role: 'mentor' },
      mia: { role: 'mentor' },
      'Sam Patel': { role: 'early-career-teacher' },
      'Ria Shah': { role: 'early-career-teacher' },
      cora: { role: 'coordinator' },
      tom: { role: 'tutor' },
    },
    'school',
  );
  const elm = await organisation(store, 'Elm School', { cleo: { role: 'coordinator' } }, 'school');
  return { relay, store, oak, elm };
}

const overview = (relay: TestRelay, who?: Member) =>
  call(relay, 'GET', '/api/organisation/coaching', who ? { cookie: who.cookie } : {});

describe('the coaching overview', () => {
  it('gives each early career teacher their mentors, cycles finished each ISO week for 8 weeks and current step', async () => {
    const { relay, oak } = await school();
    const today = londonDate(new Date());
    const weeks = lastWeeks(today);
    const sam = { id: oak['Sam Patel'].id, name: 'Sam Patel' };
    await write(relay, oak.mo, 'c-1', cycle(sam, addDays(today, -14), 'Cold call'));
    await write(relay, oak.mo, 'c-2', cycle(sam, addDays(today, -7), 'Wait time'));
    await write(relay, oak.mo, 'c-3', cycle(sam, today, 'Narrate the positive'));
    await write(relay, oak.mo, 'c-4', cycle(sam, null, 'Still open'));
    // Nine weeks ago: before the overview's first week.
    await write(relay, oak.mo, 'c-5', cycle(sam, addDays(weeks[0]!.monday, -1), 'Long ago'));
    // Added by name on a mentor's device before they signed in: matched by the name, as only one teacher has it.
    await write(relay, oak.mia, 'c-6', cycle({ id: 'local-id', name: 'ria shah' }, today, 'Entry routine'));

    await eventually(async () => {
      const answer = await overview(relay, oak.cora);
      expect(answer.status).toBe(200);
      expect(answer.body.weeks).toEqual(weeks);
      expect(answer.body.schools.map((each: { id: string; name: string }) => [each.id, each.name])).toEqual([
        [oak.organisationId, 'Oak School'],
      ]);
      const byName = Object.fromEntries(
        answer.body.schools[0].teachers.map((teacher: { name: string }) => [teacher.name, teacher]),
      );
      const thisWeek = [0, 0, 0, 0, 0, 0, 0, 1];
      const samWeeks = [...thisWeek];
      for (const back of [7, 14]) {
        const index = weeks.findIndex((week) => week.monday === lastWeeks(addDays(today, -back), 1)[0]!.monday);
        samWeeks[index]! += 1;
      }
      expect(byName['Sam Patel']).toEqual({
        id: oak['Sam Patel'].id,
        name: 'Sam Patel',
        mentors: ['mo'],
        cyclesPerWeek: samWeeks,
        currentStep: { title: 'Narrate the positive', setOn: today },
      });
      expect(byName['Ria Shah']).toMatchObject({
        mentors: ['mia'],
        cyclesPerWeek: thisWeek,
        currentStep: { title: 'Entry routine', setOn: today },
      });
    });
  });

  it('is refused to a mentor, a tutor and an early career teacher, and to anyone signed out', async () => {
    const { relay, oak } = await school();
    for (const [who, label] of [
      [oak.mo, 'a mentor'],
      [oak.tom, 'a tutor'],
      [oak['Sam Patel'], 'an early career teacher'],
      [oak.admin, 'an administrator'],
    ] as const)
      expect(await overview(relay, who)).toMatchObject({
        status: 403,
        body: {
          error: `The coaching overview is for a school’s coordinators and an appropriate body’s reviewers. As ${label} you have no part in it.`,
        },
      });
    expect(await overview(relay)).toMatchObject({ status: 401, body: { error: 'Sign in first.' } });
  });

  it('shows another school’s coordinator only their own teachers and none of this school’s cycles', async () => {
    const { relay, oak, elm } = await school();
    await write(
      relay,
      oak.mo,
      'c-7',
      cycle({ id: oak['Sam Patel'].id, name: 'Sam Patel' }, londonDate(new Date()), 'Cold call'),
    );
    await eventually(async () =>
      expect(
        (await overview(relay, oak.cora)).body.schools[0].teachers.map(
          (teacher: { name: string; currentStep?: unknown }) => [teacher.name, teacher.currentStep !== undefined],
        ),
      ).toEqual([
        ['Ria Shah', false],
        ['Sam Patel', true],
      ]),
    );
    expect(await overview(relay, elm.cleo)).toMatchObject({
      status: 200,
      body: { schools: [{ id: elm.organisationId, name: 'Elm School', teachers: [] }] },
    });
  });

  it('gives an appropriate body’s reviewer every linked school’s teachers, school by school, and no other school’s', async () => {
    const { relay, store, oak, elm } = await school();
    const ash = await organisation(
      store,
      'Ash School',
      { 'Ali Khan': { role: 'early-career-teacher' }, ama: { role: 'mentor' } },
      'school',
    );
    const north = await organisation(
      store,
      'North Body',
      { abe: { role: 'appropriate-body-reviewer' } },
      'appropriate-body',
    );
    const south = await organisation(
      store,
      'South Body',
      { sue: { role: 'appropriate-body-reviewer' } },
      'appropriate-body',
    );
    await store.linkOrganisations(north.organisationId, oak.organisationId);
    await store.linkOrganisations(north.organisationId, ash.organisationId);
    await store.linkOrganisations(south.organisationId, elm.organisationId);
    const today = londonDate(new Date());
    await write(relay, oak.mo, 'c-8', cycle({ id: oak['Sam Patel'].id, name: 'Sam Patel' }, today, 'Cold call'));
    await write(relay, ash.ama, 'c-9', cycle({ id: ash['Ali Khan'].id, name: 'Ali Khan' }, today, 'Wait time'));

    await eventually(async () => {
      const answer = await overview(relay, north.abe);
      expect(answer.status).toBe(200);
      expect(
        answer.body.schools.map(
          (each: { id: string; name: string; teachers: { name: string; mentors: string[] }[] }) => [
            each.id,
            each.name,
            each.teachers.map((teacher) => [teacher.name, teacher.mentors]),
          ],
        ),
      ).toEqual([
        [ash.organisationId, 'Ash School', [['Ali Khan', ['ama']]]],
        [
          oak.organisationId,
          'Oak School',
          [
            ['Ria Shah', []],
            ['Sam Patel', ['mo']],
          ],
        ],
      ]);
      expect(answer.body.schools[1].teachers[1].currentStep).toEqual({ title: 'Cold call', setOn: today });
    });
    // Another body sees its own school only, and none of Oak's or Ash's teachers or cycles.
    const south1 = await overview(relay, south.sue);
    expect(south1).toMatchObject({ status: 200, body: { schools: [{ id: elm.organisationId, teachers: [] }] } });
    expect(JSON.stringify(south1.body)).not.toMatch(/Sam Patel|Ali Khan|Cold call|Wait time/);
  });

  it('shows an appropriate body linked to no school no teachers at all', async () => {
    const { relay, store } = await school();
    const lone = await organisation(
      store,
      'Lone Body',
      { lou: { role: 'appropriate-body-reviewer' } },
      'appropriate-body',
    );
    expect(await overview(relay, lone.lou)).toMatchObject({ status: 200, body: { schools: [] } });
    // Its administrator has no part in it, as a school's has not.
    expect((await overview(relay, lone.admin)).status).toBe(403);
  });
});

async function agency() {
  const store = openMemoryStore();
  const relay = await session.relay({ store });
  const bright = await organisation(store, 'Bright Tutors', {
    'Tia Tutor': { role: 'tutor' },
    'Ned New': { role: 'tutor' },
    'Una Unseen': { role: 'tutor' },
    rosa: { role: 'quality-reviewer' },
    cal: { role: 'coordinator' },
    client: { role: 'client-contact', clientId: 'oak-school' },
  });
  const other = await organisation(store, 'Other Agency', { quinn: { role: 'quality-reviewer' } });
  return { relay, store, bright, other };
}

/** A session report by `who` on `date` with its one learner's attendance `code`. */
const sessionOn = (date: string, code: string) => (doc: Y.Doc) => {
  createSessionReportDoc(
    doc,
    { date, start: '16:00', finish: '17:00', subject: 'Maths', learners: [{ id: 'l1', name: 'Gus Hale' }] },
    'Tutor',
  );
  attendance(doc).set('l1', { code: code as 'Present' });
};

/**
 * An observation of `tutorName` (chosen from the agency's tutors when `tutorId` is given) with every judgement
 * given, one of them a cause for concern when `concerns`.
 */
const observation =
  (tutorName: string, date: string, number: number, concerns: boolean, tutorId?: string) => (doc: Y.Doc) => {
    createObservationDoc(doc, { tutorName, tutorId, date, number }, 'Rosa');
    for (const id of competencyIds) judgements(doc).set(id, 'Effective');
    if (concerns) judgements(doc).set(competencyIds[0]!, 'Cause for concern');
    setFragmentText(doc.getXmlFragment(feedbackKey), 'Feedback for the tutor.');
    fields(doc).set('number', number);
  };

const plan = (relay: TestRelay, who?: Member) =>
  call(relay, 'GET', '/api/organisation/observation-plan', who ? { cookie: who.cookie } : {});

describe('the plan of observations', () => {
  it('counts each tutor’s delivered sessions from their reports and says which observation is due', async () => {
    const { relay, bright, other } = await agency();
    const today = londonDate(new Date());
    // Ned has delivered two sessions (Present, Late); an absence and a tutor cancellation are not delivered.
    await write(relay, bright['Ned New'], 's-1', sessionOn('2026-11-02', 'Present'));
    await write(relay, bright['Ned New'], 's-2', sessionOn('2026-11-09', 'Late'));
    await write(relay, bright['Ned New'], 's-3', sessionOn('2026-11-16', 'Absent'));
    await write(relay, bright['Ned New'], 's-4', sessionOn('2026-11-23', 'Tutor Cancellation'));
    await write(relay, bright['Tia Tutor'], 's-5', sessionOn('2026-11-02', 'Present'));
    // Tia's first observation raised a concern and its feedback was sent 20 days ago: her second is overdue.
    const sent = await write(relay, bright.rosa, 'o-1', observation('Tia Tutor', addDays(today, -20), 1, true));
    await eventually(async () =>
      expect(
        (
          await api(relay, 'POST', '/api/reports/o-1/transitions', {
            token: sent,
            body: { action: 'submit', name: 'Rosa' },
          })
        ).status,
      ).toBe(200),
    );
    // A volunteer outside Margin, observed by name: listed without sessions, their second being written.
    await write(relay, bright.rosa, 'o-2', observation('Vic Volunteer', addDays(today, -3), 1, true));
    await write(relay, bright.rosa, 'o-3', observation('Vic Volunteer', today, 2, false));
    await api(relay, 'POST', '/api/reports/o-2/transitions', {
      token: await tokenFor(relay, bright.rosa, 'o-2'),
      body: { action: 'submit', name: 'Rosa' },
    });

    await eventually(async () => {
      const answer = await plan(relay, bright.rosa);
      expect(answer.status).toBe(200);
      expect(answer.body.today).toBe(today);
      expect(answer.body.tutors.map((tutor: { name: string }) => tutor.name)).toEqual([
        'Ned New',
        'Tia Tutor',
        'Una Unseen',
        'Vic Volunteer',
      ]);
      const [ned, tia, una, vic] = answer.body.tutors;
      expect(ned).toEqual({
        id: bright['Ned New'].id,
        name: 'Ned New',
        member: true,
        memberSince: expect.stringMatching(new RegExp(`^${today}T`)),
        sessionsDelivered: 2,
        observations: [],
        next: { kind: 'spot-check', number: 1, session: 3 },
      });
      expect(tia).toMatchObject({
        sessionsDelivered: 1,
        observations: [{ number: 1, date: addDays(today, -20), concerns: true, sent: true, reportId: 'o-1' }],
        next: { kind: 'follow-up', number: 2, dueBy: addDays(today, -6), overdue: true },
      });
      expect(una).toEqual({
        id: bright['Una Unseen'].id,
        name: 'Una Unseen',
        member: true,
        memberSince: expect.stringMatching(new RegExp(`^${today}T`)),
        sessionsDelivered: 0,
        observations: [],
      });
      expect(vic).toMatchObject({
        member: false,
        observations: [
          { number: 1, sent: true, concerns: true },
          { number: 2, sent: false, concerns: false },
        ],
        next: { kind: 'being-written', number: 2 },
      });
      expect(vic.sessionsDelivered).toBeUndefined();
    });
    // An administrator reads it too; another agency's quality reviewer sees none of these tutors.
    expect((await plan(relay, bright.admin)).status).toBe(200);
    expect(await plan(relay, other.quinn)).toMatchObject({ status: 200, body: { tutors: [] } });
  });

  it('tells two tutors of one name apart by member id, and follows a tutor whose name has changed', async () => {
    const { relay, store, bright } = await agency();
    const today = londonDate(new Date());
    const first = await invite(store, { organisationId: bright.organisationId, name: 'Sam Lee', role: 'tutor' });
    const second = await invite(store, { organisationId: bright.organisationId, name: 'sam lee', role: 'tutor' });
    if (!first.ok || !second.ok) throw new Error('could not invite the tutors');
    const [samOne, samTwo] = [first.value.member.id, second.value.member.id];
    // Chosen from the agency's tutors: each carries its tutor's id. The first raised a concern; the second did not.
    await write(relay, bright.rosa, 'o-a', observation('Sam Lee', addDays(today, -2), 1, true, samOne));
    await write(relay, bright.rosa, 'o-b', observation('Sam Lee', addDays(today, -1), 1, false, samTwo));
    // Made before ids were kept, by name alone: two tutors have it, so it is neither's and is listed apart.
    await write(relay, bright.rosa, 'o-c', observation('Sam Lee', today, 1, false));
    // Tia was observed under the name she had then; her id keeps it hers.
    await write(relay, bright.rosa, 'o-d', observation('Tia Smith', today, 1, false, bright['Tia Tutor'].id));
    // An id of nobody in the agency (a tutor since removed, say) is never matched to another by its name.
    await write(relay, bright.rosa, 'o-e', observation('Ned New', today, 1, false, 'someone-removed'));

    await eventually(async () => {
      const answer = await plan(relay, bright.rosa);
      expect(answer.status).toBe(200);
      const rows = answer.body.tutors.map(
        (tutor: { id?: string; name: string; member: boolean; observations: { reportId: string }[] }) => [
          tutor.id ?? null,
          tutor.name,
          tutor.member,
          tutor.observations.map((each) => each.reportId),
        ],
      );
      expect(rows).toEqual(
        expect.arrayContaining([
          [samOne, 'Sam Lee', true, ['o-a']],
          [samTwo, 'sam lee', true, ['o-b']],
          [null, 'Sam Lee', false, ['o-c']],
          [bright['Tia Tutor'].id, 'Tia Tutor', true, ['o-d']],
          [bright['Ned New'].id, 'Ned New', true, []],
          [null, 'Ned New', false, ['o-e']],
        ]),
      );
      expect(rows).toHaveLength(7);
      const samOnesRow = answer.body.tutors.find((tutor: { id?: string }) => tutor.id === samOne);
      expect(samOnesRow.next).toMatchObject({ kind: 'being-written', number: 1 });
    });
  });

  it('is refused to a tutor, a client contact and a coordinator, and to anyone signed out', async () => {
    const { relay, bright } = await agency();
    for (const [who, label] of [
      [bright['Tia Tutor'], 'a tutor'],
      [bright.client, 'a client contact'],
      [bright.cal, 'a coordinator'],
    ] as const)
      expect(await plan(relay, who)).toMatchObject({
        status: 403,
        body: {
          error: `The plan of observations is for the quality team and administrators. As ${label} you have no part in it.`,
        },
      });
    expect(await plan(relay)).toMatchObject({ status: 401, body: { error: 'Sign in first.' } });
  });

  it('lets a quality reviewer register the observations they write, as tutors and mentors register theirs', async () => {
    const { relay, bright } = await agency();
    expect(
      await call(relay, 'POST', '/api/organisation/reports', { cookie: bright.rosa.cookie, body: { id: 'o-9' } }),
    ).toMatchObject({ status: 201, body: { id: 'o-9', ownerId: bright.rosa.id } });
  });
});

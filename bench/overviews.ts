// `npm run bench -- overviews`: how long the coordinator's coaching overview and the quality team's plan of
// observations take to answer over HTTP for an organisation with many reports, read from the report directory
// (relay/organisations/report-entries.ts); the first request fills the directory and is not counted.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { londonDate } from '../shared/coaching/weekly-cycles.ts';
import { competencyIds } from '../shared/quality/competencies.ts';
import { roomName } from '../shared/protocol/rooms.ts';
import { createCycleDoc, takeCycleAction } from '../shared/reports/coaching-cycle/doc.ts';
import { attendance, createSessionReportDoc } from '../shared/reports/index.ts';
import { createObservationDoc, judgements } from '../shared/reports/qa-observation/doc.ts';
import { addDays } from '../shared/workflow/calendar.ts';
import { memoryLog } from '../relay/log.ts';
import { createOrganisation, invite } from '../relay/organisations/members.ts';
import { startSession } from '../relay/organisations/sessions.ts';
import { startRelay } from '../relay/server.ts';
import { openMemoryStore } from '../relay/storage/memory.ts';
import type { Storage } from '../relay/storage/store.ts';

const reportsEach = 2000;
const people = 100;

async function member(
  store: Storage,
  organisationId: string,
  name: string,
  role: 'tutor' | 'mentor' | 'early-career-teacher' | 'coordinator' | 'quality-reviewer' | 'appropriate-body-reviewer',
) {
  const invited = await invite(store, { organisationId, name, role });
  if (!invited.ok) throw new Error(invited.problem);
  return invited.value.member.id;
}

async function keep(store: Storage, organisationId: string, ownerId: string, id: string, layOut: (doc: Y.Doc) => void) {
  const doc = new Y.Doc();
  layOut(doc);
  await store.append(roomName(id), Y.encodeStateAsUpdate(doc));
  await store.addReport({ reportId: id, organisationId, ownerId, createdAt: new Date().toISOString() });
}

async function median(times: number, run: () => Promise<void>): Promise<number> {
  const took: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    await run();
    took.push(performance.now() - start);
  }
  return took.sort((a, b) => a - b)[Math.floor(took.length / 2)]!;
}

export async function overviews(): Promise<string> {
  const store = openMemoryStore();
  const folder = mkdtempSync(join(tmpdir(), 'margin-bench-overviews-'));
  const today = londonDate(new Date());
  const school = await createOrganisation(store, { name: 'Oak School', kind: 'school', administrator: 'Ada Admin' });
  const agency = await createOrganisation(store, { name: 'Bright Tutors', kind: 'agency', administrator: 'Ann Admin' });
  const body = await createOrganisation(store, {
    name: 'North Body',
    kind: 'appropriate-body',
    administrator: 'Abi Admin',
  });
  if (!school.ok || !agency.ok || !body.ok) throw new Error('could not set up the organisations');
  const schoolId = school.value.organisation.id;
  const agencyId = agency.value.organisation.id;
  const coordinator = await startSession(store, await member(store, schoolId, 'Cora', 'coordinator'), 'bench');
  const reviewer = await startSession(store, await member(store, agencyId, 'Rosa', 'quality-reviewer'), 'bench');
  // The appropriate body receives the school's reviews, so its reviewer sees the school's coaching too.
  await store.linkOrganisations(body.value.organisation.id, schoolId);
  const bodyReviewer = await startSession(
    store,
    await member(store, body.value.organisation.id, 'Abe', 'appropriate-body-reviewer'),
    'bench',
  );
  const mentors: string[] = [];
  const teachers: { id: string; name: string }[] = [];
  const tutors: string[] = [];
  for (let i = 0; i < people; i++) {
    mentors.push(await member(store, schoolId, `Mentor ${i}`, 'mentor'));
    teachers.push({ id: await member(store, schoolId, `Teacher ${i}`, 'early-career-teacher'), name: `Teacher ${i}` });
    tutors.push(await member(store, agencyId, `Tutor ${i}`, 'tutor'));
  }
  const step = { id: 's', title: 'Cold call', successCriteria: [], source: 'library' as const };
  for (let i = 0; i < reportsEach; i++) {
    const teacher = teachers[i % people]!;
    const finishedOn = addDays(today, -(i % 60));
    await keep(store, schoolId, mentors[i % people]!, `cycle-${i}`, (doc) => {
      createCycleDoc(doc, { teacher, week: finishedOn }, 'Mentor');
      takeCycleAction(doc, { type: 'choose', step }, finishedOn);
      takeCycleAction(doc, { type: 'give-feedback' }, finishedOn);
      takeCycleAction(doc, { type: 'finish' }, finishedOn);
    });
    const observed = i % 20 === 0;
    await keep(store, agencyId, tutors[i % people]!, `report-${i}`, (doc) => {
      if (observed) {
        createObservationDoc(doc, { tutorName: `Tutor ${i % people}`, date: addDays(today, -(i % 30)) }, 'Rosa');
        for (const id of competencyIds) judgements(doc).set(id, 'Effective');
        return;
      }
      createSessionReportDoc(
        doc,
        {
          date: addDays(today, -(i % 90)),
          start: '16:00',
          finish: '17:00',
          subject: 'Maths',
          learners: [{ id: 'l1', name: 'Gus Hale' }],
        },
        'Tutor',
      );
      attendance(doc).set('l1', { code: 'Present' });
    });
  }
  const relay = await startRelay({
    host: '127.0.0.1',
    port: 0,
    appDir: join(folder, 'no-app'),
    store,
    secret: new TextEncoder().encode('margin-bench-secret-that-is-long-enough-1234'),
    log: memoryLog().log,
  });
  const ask = (path: string, cookie: string) => async () => {
    const response = await fetch(`http://127.0.0.1:${relay.port}${path}`, {
      headers: { Cookie: `margin_session=${cookie}` },
    });
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
    await response.json();
  };
  try {
    // The first request of each organisation makes its directory rows (once per relay process); not counted.
    await ask('/api/organisation/coaching', coordinator)();
    await ask('/api/organisation/observation-plan', reviewer)();
    const coaching = await median(5, ask('/api/organisation/coaching', coordinator));
    const plan = await median(5, ask('/api/organisation/observation-plan', reviewer));
    const bodysCoaching = await median(5, ask('/api/organisation/coaching', bodyReviewer));
    return `coaching overview ${coaching.toFixed(0)} ms (for the school's appropriate body ${bodysCoaching.toFixed(0)} ms), plan of observations ${plan.toFixed(0)} ms (median of 5; ${reportsEach} reports and ${people} teachers or tutors in each organisation, read from the report directory)`;
  } finally {
    await relay.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

// The learner progress overview (GET /api/organisation/progress) as the relay computes it: every report's index entry
// read from the report directory in SQLite (progressFacts), then gathered per learner and the falling-behind rules
// applied. An agency of 10 tutors and 200 learners, each learner with a progress report every six weeks and sessions
// in between. The first read makes the directory's rows from the stored reports (once per relay process) and is
// timed apart; then the median of 5 reads, for 2,000 and for 20,000 reports.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { fields } from '../shared/doc/layout.ts';
import { roomName } from '../shared/protocol/rooms.ts';
import { progressOverview } from '../shared/progress/overview.ts';
import { attendance, createProgressReportDoc, createSessionReportDoc } from '../shared/reports/index.ts';
import { addDays } from '../shared/workflow/calendar.ts';
import { createOrganisation, invite } from '../relay/organisations/members.ts';
import type { MemberReportsContext } from '../relay/organisations/member-reports.ts';
import { progressFacts } from '../relay/organisations/progress.ts';
import { openSqliteStore } from '../relay/storage/sqlite.ts';
import { ReportDirectory } from '../relay/directory/report-directory.ts';
import { memoryLog } from '../relay/log.ts';

const today = '2026-12-04';
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function measure(reports: number, runs: number): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'margin-bench-progress-'));
  const store = openSqliteStore(dir);
  try {
    const made = await createOrganisation(store, { name: 'Bench Tutors', kind: 'agency', administrator: 'Ada' });
    if (!made.ok) throw new Error(made.problem);
    const organisationId = made.value.organisation.id;
    const tutors: string[] = [];
    for (let t = 0; t < 10; t++) {
      const invited = await invite(store, { organisationId, name: `Tutor ${t}`, role: 'tutor' });
      if (!invited.ok) throw new Error(invited.problem);
      tutors.push(invited.value.member.id);
    }
    for (let i = 0; i < reports; i++) {
      const learner = { id: `l${i % 200}`, name: `Learner ${i % 200}` };
      const doc = new Y.Doc();
      const date = addDays(today, -Math.floor(i / 200) * 3);
      if (Math.floor(i / 200) % 14 === 0) {
        createProgressReportDoc(doc, { learner, subject: 'Maths', final: false, previous: {}, date }, 'Tutor');
        fields(doc).set('updatedScore', 40 + (i % 30));
        fields(doc).set('newTarget', 60);
      } else {
        createSessionReportDoc(
          doc,
          { date, start: '13:00', finish: '14:00', subject: 'Maths', learners: [learner] },
          'Tutor',
        );
        attendance(doc).set(learner.id, { code: i % 7 === 0 ? 'Absent' : 'Present' });
      }
      const id = `bench-${i}`;
      await store.append(roomName(id), Y.encodeStateAsUpdate(doc));
      await store.addReport({
        reportId: id,
        organisationId,
        ownerId: tutors[i % 10]!,
        createdAt: new Date().toISOString(),
      });
      doc.destroy();
    }
    const directory = new ReportDirectory({ store, log: memoryLog().log });
    const context = { store, directory } as unknown as MemberReportsContext;
    const filling = performance.now();
    await progressFacts(context, organisationId);
    const filled = performance.now() - filling;
    const times: number[] = [];
    let behind = 0;
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      const learners = progressOverview(await progressFacts(context, organisationId), today);
      times.push(performance.now() - started);
      behind = learners.filter((row) => row.fallingBehind).length;
    }
    return `${reports} reports: ${median(times).toFixed(0)} ms (median of ${runs}; 200 learners, ${behind} falling behind; the first read, making the directory's rows, ${filled.toFixed(0)} ms)`;
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function progressOverviewSpeed(): Promise<string> {
  return `${await measure(2_000, 5)}; ${await measure(20_000, 5)}; read from the report directory in SQLite`;
}

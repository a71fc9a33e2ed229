// Timesheets over real HTTP with session cookies, reports written over real websockets and decided through the
// relay: rows from the stored reports, only approved paid sessions counted, pending apart, CSV for a spreadsheet,
// and every refusal tried as someone breaking the rules would (another tutor's rows, the payroll, another
// organisation, bad months).
import { afterEach, describe, expect, it } from 'vitest';
import { createSessionReportDoc, attendance } from '../../shared/reports/index.ts';
import { openMemoryStore } from '../storage/memory.ts';
import { TestSession, api, eventually, type TestRelay } from '../testing.ts';
import { call, organisation, type SignedInMember as Member } from './testing.ts';
import { PDFDocument } from 'pdf-lib';
import { timesheetTotals } from '../../shared/timesheets/rows.ts';
import { timesheetPdf } from './timesheet-pdf.ts';
import { timesheetCsv } from './timesheets.ts';

const session = new TestSession();
afterEach(() => session.cleanup());

async function agency() {
  const store = openMemoryStore();
  const relay = await session.relay({ store });
  const a = await organisation(store, 'Bright Tutors', {
    tutor: { role: 'tutor' },
    otherTutor: { role: 'tutor' },
    reviewer: { role: 'quality-reviewer' },
    coordinator: { role: 'coordinator' },
  });
  const b = await organisation(store, 'Other Agency', { tutor: { role: 'tutor' }, admin2: { role: 'administrator' } });
  return { store, relay, a, b };
}

const tokenFor = async (relay: TestRelay, who: Member, reportId: string) =>
  (await call(relay, 'GET', `/api/organisation/reports/${reportId}/token`, { cookie: who.cookie })).body
    .token as string;

const decide = (relay: TestRelay, token: string, reportId: string, action: string) =>
  api(relay, 'POST', `/api/reports/${reportId}/transitions`, { token, body: { action, name: 'Someone' } });

const sheet = (relay: TestRelay, who: Member, query: string) =>
  call(relay, 'GET', `/api/organisation/timesheets${query}`, { cookie: who.cookie });

/** A session report written by `who` over a websocket, with one learner's attendance; returns its tutor token. */
async function write(
  relay: TestRelay,
  who: Member,
  id: string,
  session_: { date: string; start: string; finish: string; code: string },
) {
  expect((await call(relay, 'POST', '/api/organisation/reports', { cookie: who.cookie, body: { id } })).status).toBe(
    201,
  );
  const token = await tokenFor(relay, who, id);
  const author = await session.provider(relay, id, { token });
  createSessionReportDoc(
    author.doc,
    {
      date: session_.date,
      start: session_.start,
      finish: session_.finish,
      subject: 'Maths',
      learners: [{ id: 'l1', name: 'Gus Hale' }],
    },
    'Tom',
  );
  attendance(author.doc).set('l1', { code: session_.code as 'Present' });
  await eventually(async () =>
    expect(
      (await sheet(relay, who, `?month=${session_.date.slice(0, 7)}`)).body.rows.some(
        (r: { reportId: string }) => r.reportId === id,
      ),
    ).toBe(true),
  );
  return token;
}

describe('timesheets', () => {
  it('give a tutor their month: every session report, counted once approved with a paid code, pending apart', async () => {
    const { relay, a } = await agency();
    const approvedPaid = await write(relay, a.tutor, 'ts-1', {
      date: '2030-01-07',
      start: '13:00',
      finish: '14:30',
      code: 'Present',
    });
    const approvedUnpaid = await write(relay, a.tutor, 'ts-2', {
      date: '2030-01-08',
      start: '10:00',
      finish: '11:00',
      code: 'Tutor Cancellation',
    });
    const submitted = await write(relay, a.tutor, 'ts-3', {
      date: '2030-01-09',
      start: '16:00',
      finish: '16:45',
      code: 'Late',
    });
    await write(relay, a.tutor, 'ts-4', { date: '2030-02-01', start: '16:00', finish: '17:00', code: 'Present' });
    for (const [id, token] of [
      ['ts-1', approvedPaid],
      ['ts-2', approvedUnpaid],
      ['ts-3', submitted],
    ] as const)
      expect((await decide(relay, token, id, 'submit')).status).toBe(200);
    for (const id of ['ts-1', 'ts-2'])
      expect((await decide(relay, await tokenFor(relay, a.reviewer, id), id, 'approve')).status).toBe(200);

    const answer = await sheet(relay, a.tutor, '?month=2030-01');
    expect(answer.status).toBe(200);
    expect(answer.body.scope).toBe('tutor');
    expect(answer.body.rows.map((row: { reportId: string }) => row.reportId)).toEqual(['ts-1', 'ts-2', 'ts-3']);
    expect(answer.body.rows[0]).toMatchObject({
      tutorName: 'tutor',
      date: '2030-01-07',
      start: '13:00',
      finish: '14:30',
      minutes: 90,
      sessionType: 'Tuition',
      attendance: 'Present',
      paid: true,
      status: 'approved',
      counted: true,
    });
    expect(answer.body.rows[1]).toMatchObject({ attendance: 'Tutor Cancellation', paid: false, counted: false });
    expect(answer.body.rows[2]).toMatchObject({ status: 'submitted', paid: true, counted: false });
    expect(answer.body.totals).toEqual({
      countedSessions: 1,
      countedMinutes: 90,
      pendingSessions: 1,
      pendingMinutes: 45,
    });
  });

  it('give the payroll roles every tutor, and refuse a tutor anyone’s but their own', async () => {
    const { relay, a, b } = await agency();
    await write(relay, a.tutor, 'pay-1', { date: '2030-03-03', start: '09:00', finish: '10:00', code: 'Present' });
    await write(relay, a.otherTutor, 'pay-2', { date: '2030-03-04', start: '09:00', finish: '09:30', code: 'Absent' });
    await write(relay, b.tutor, 'pay-b', { date: '2030-03-05', start: '09:00', finish: '09:30', code: 'Present' });

    for (const who of [a.admin, a.coordinator]) {
      const payroll = await sheet(relay, who, '?month=2030-03');
      expect(payroll.body.scope).toBe('payroll');
      expect(payroll.body.rows.map((row: { reportId: string }) => row.reportId).sort()).toEqual(['pay-1', 'pay-2']);
      expect(payroll.body.tutors.map((t: { tutorName: string }) => t.tutorName)).toEqual(['otherTutor', 'tutor']);
      const one = await sheet(relay, who, `?month=2030-03&member=${a.otherTutor.id}`);
      expect(one.body.rows.map((row: { reportId: string }) => row.reportId)).toEqual(['pay-2']);
    }
    // A tutor sees only their own, and asking for someone else's is refused rather than quietly answered.
    expect(
      (await sheet(relay, a.tutor, '?month=2030-03')).body.rows.map((r: { reportId: string }) => r.reportId),
    ).toEqual(['pay-1']);
    expect(await sheet(relay, a.tutor, `?month=2030-03&member=${a.otherTutor.id}`)).toMatchObject({
      status: 403,
      body: { error: expect.stringContaining('own timesheet') },
    });
    const csv = await call(
      relay,
      'GET',
      `/api/organisation/timesheets?month=2030-03&format=csv&member=${a.otherTutor.id}`,
      { cookie: a.tutor.cookie },
    );
    expect(csv.status).toBe(403);
    // A quality reviewer reviews and is not on the payroll: no timesheet at all, and nobody's rows.
    for (const query of ['?month=2030-03', `?month=2030-03&member=${a.tutor.id}`, '?month=2030-03&format=csv'])
      expect(await sheet(relay, a.reviewer, query)).toMatchObject({
        status: 403,
        body: { error: expect.stringContaining('as a quality reviewer you have none') },
      });
    // Another organisation's administrator sees none of ours, even naming our tutor.
    for (const query of ['?month=2030-03', `?month=2030-03&member=${a.tutor.id}`]) {
      const theirs = await sheet(relay, b.admin, query);
      expect(theirs.status).toBe(200);
      expect(JSON.stringify(theirs.body)).not.toContain('pay-1');
      expect(JSON.stringify(theirs.body)).not.toContain('pay-2');
    }
    expect(
      (await sheet(relay, b.admin, '?month=2030-03')).body.rows.map((r: { reportId: string }) => r.reportId),
    ).toEqual(['pay-b']);
  });

  it('page the month by date, start, tutor and report, with the totals and per-tutor figures over the whole month', async () => {
    const { relay, a } = await agency();
    await write(relay, a.tutor, 'page-3', { date: '2030-05-02', start: '10:00', finish: '11:00', code: 'Present' });
    await write(relay, a.otherTutor, 'page-2', {
      date: '2030-05-02',
      start: '09:00',
      finish: '09:30',
      code: 'Present',
    });
    await write(relay, a.tutor, 'page-1', { date: '2030-05-01', start: '09:00', finish: '09:45', code: 'Present' });
    const ids = (body: { rows: { reportId: string }[] }) => body.rows.map((row) => row.reportId);
    const seen: string[] = [];
    for (const [offset, next] of [
      [0, 1],
      [1, 2],
      [2, undefined],
    ] as const) {
      const page = await sheet(relay, a.admin, `?month=2030-05&limit=1&offset=${offset}`);
      expect(page.status).toBe(200);
      expect(page.body).toMatchObject({ total: 3, offset });
      expect(page.body.next).toBe(next);
      expect(page.body.rows).toHaveLength(1);
      // Whatever the page, the figures are the month's: three sessions pending, 2:15 between them.
      expect(page.body.totals).toEqual({
        countedSessions: 0,
        countedMinutes: 0,
        pendingSessions: 3,
        pendingMinutes: 135,
      });
      expect(
        page.body.tutors.map((t: { tutorName: string; totals: { pendingSessions: number } }) => [
          t.tutorName,
          t.totals.pendingSessions,
        ]),
      ).toEqual([
        ['otherTutor', 1],
        ['tutor', 2],
      ]);
      seen.push(...ids(page.body));
    }
    expect(seen).toEqual(['page-1', 'page-2', 'page-3']);
    // The default page holds the whole of a short month; the tutor's own month pages by the same code.
    expect(ids((await sheet(relay, a.admin, '?month=2030-05')).body)).toEqual(['page-1', 'page-2', 'page-3']);
    const own = await sheet(relay, a.tutor, '?month=2030-05&limit=1&offset=1');
    expect(own.body).toMatchObject({ total: 2, offset: 1, totals: { pendingSessions: 2, pendingMinutes: 105 } });
    expect(ids(own.body)).toEqual(['page-3']);
    // The CSV export is the whole month, never the page.
    const csv = await call(relay, 'GET', '/api/organisation/timesheets?month=2030-05&format=csv&limit=1&offset=2', {
      cookie: a.admin.cookie,
    });
    expect(
      (csv.body as string)
        .split('\r\n')
        .slice(1, -1)
        .map((line) => line.split(',').at(-1)),
    ).toEqual(['page-1', 'page-2', 'page-3']);
  });

  it('export CSV: UTF-8, a header row, ISO dates, RFC 4180 quoting, formulas defused', async () => {
    const { relay, a } = await agency();
    await write(relay, a.tutor, 'csv-1', {
      date: '2030-04-02',
      start: '09:00',
      finish: '10:15',
      code: 'Unauthorised Cancellation',
    });
    const answer = await call(relay, 'GET', '/api/organisation/timesheets?month=2030-04&format=csv', {
      cookie: a.admin.cookie,
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = (answer.body as string).split('\r\n');
    expect(lines[0]).toBe(
      'Tutor,Date,Start,Finish,Duration (minutes),Session type,Attendance,Paid,Status,Counted,Report',
    );
    expect(lines[1]).toBe('tutor,2030-04-02,09:00,10:15,75,Tuition,Unauthorised Cancellation,Yes,Draft,No,csv-1');
    expect(lines[2]).toBe('');
    const row = {
      reportId: 'x',
      tutorId: 't',
      tutorName: '=HYPERLINK("http://evil")',
      date: '2030-04-02',
      start: '09:00',
      finish: '10:00',
      minutes: 60,
      sessionType: 'Tuition',
      attendance: 'Present',
      paid: true,
      status: 'approved' as const,
      counted: true,
    };
    expect(
      timesheetCsv([row, { ...row, tutorName: 'Smith, Jo' }, { ...row, tutorName: '@Zoë "Jo"' }])
        .split('\r\n')
        .slice(1, 4)
        .map((line) => line.split(',')[0]),
    ).toEqual([`"'=HYPERLINK(""http://evil"")"`, '"Smith', `"'@Zoë ""Jo"""`]);
  });

  it('refuse bad months and formats with a clear message, and anyone signed out', async () => {
    const { relay, a } = await agency();
    for (const [query, message] of [
      ['', 'Say which month, as ?month=YYYY-MM (for example 2030-01).'],
      ['?month=2030-13', '“2030-13” is not a month: give it as YYYY-MM, for example 2030-01, from 2000 to 2099.'],
      ['?month=January', '“January” is not a month: give it as YYYY-MM, for example 2030-01, from 2000 to 2099.'],
      ['?month=2030-01&format=xlsx', 'The format is json (the default), csv or pdf.'],
      ['?month=2030-01&offset=-1', 'The offset is 0 or more.'],
      ['?month=2030-01&offset=two', 'The offset is a whole number.'],
      ['?month=2030-01&limit=100000', 'The page size (limit) is at most 500.'],
      ['?month=2030-01&limit=0', 'The page size (limit) is at least 1.'],
      ['?month=2030-01&limit=1.5', 'The page size (limit) is a whole number.'],
    ])
      expect(await sheet(relay, a.tutor, query)).toMatchObject({ status: 400, body: { error: message } });
    expect(await call(relay, 'GET', '/api/organisation/timesheets?month=2030-01')).toMatchObject({ status: 401 });
  });

  it('close a month once exported, by an administrator only, keeping what was counted and flagging later changes', async () => {
    const { relay, a, b } = await agency();
    const first = await write(relay, a.tutor, 'close-1', {
      date: '2030-05-06',
      start: '09:00',
      finish: '10:00',
      code: 'Present',
    });
    const second = await write(relay, a.tutor, 'close-2', {
      date: '2030-05-07',
      start: '09:00',
      finish: '09:30',
      code: 'Present',
    });
    for (const [id, token] of [
      ['close-1', first],
      ['close-2', second],
    ] as const)
      expect((await decide(relay, token, id, 'submit')).status).toBe(200);
    expect((await decide(relay, await tokenFor(relay, a.reviewer, 'close-1'), 'close-1', 'approve')).status).toBe(200);
    const close = (who: Member, body: unknown) =>
      call(relay, 'POST', '/api/organisation/timesheets/close', { cookie: who.cookie, body });

    // Nobody but an administrator closes a month; a month is closed only once exported.
    for (const who of [a.tutor, a.coordinator, a.reviewer])
      expect(await close(who, { month: '2030-05' })).toMatchObject({
        status: 403,
        body: { error: 'Only the organisation’s administrators may do this.' },
      });
    expect(await close(a.admin, { month: '2030-5' })).toMatchObject({
      status: 400,
      body: { error: expect.stringContaining('YYYY-MM') },
    });
    expect(await close(a.admin, { month: '2030-05' })).toMatchObject({
      status: 409,
      body: { error: expect.stringContaining('Export 2030-05') },
    });
    // A tutor's own export is not the payroll's: the month still cannot close.
    await call(relay, 'GET', '/api/organisation/timesheets?month=2030-05&format=csv', { cookie: a.tutor.cookie });
    expect((await close(a.admin, { month: '2030-05' })).status).toBe(409);
    expect((await sheet(relay, a.admin, '?month=2030-05')).body.exported).toBe(false);
    await call(relay, 'GET', '/api/organisation/timesheets?month=2030-05&format=csv', { cookie: a.admin.cookie });
    expect((await sheet(relay, a.admin, '?month=2030-05')).body.exported).toBe(true);
    // Our export is not another organisation's: theirs still cannot close.
    expect(await close(b.admin, { month: '2030-05' })).toMatchObject({ status: 409 });

    const closed = await close(a.admin, { month: '2030-05' });
    expect(closed.status).toBe(201);
    expect(closed.body.closed).toMatchObject({
      byName: 'Ada Admin',
      totals: { countedSessions: 1, countedMinutes: 60, pendingSessions: 1, pendingMinutes: 30 },
      changes: [],
    });
    expect(await close(a.admin, { month: '2030-05' })).toMatchObject({
      status: 409,
      body: { error: '2030-05 is closed already.' },
    });

    // Approved after closing: flagged, and what was counted at closing stays as it was.
    expect((await decide(relay, await tokenFor(relay, a.reviewer, 'close-2'), 'close-2', 'approve')).status).toBe(200);
    const after = (await sheet(relay, a.admin, '?month=2030-05')).body;
    expect(after.totals.countedSessions).toBe(2);
    expect(after.closed.totals).toMatchObject({ countedSessions: 1, countedMinutes: 60 });
    expect(after.closed.changes).toEqual([
      {
        reportId: 'close-2',
        tutorName: 'tutor',
        date: '2030-05-07',
        what: ['status Submitted → Approved', 'counted no → yes'],
      },
    ]);
    // The tutor sees their own month closed, with the same flag; the other tutor sees none of it.
    expect((await sheet(relay, a.tutor, '?month=2030-05')).body.closed.changes).toHaveLength(1);
    expect((await sheet(relay, a.otherTutor, '?month=2030-05')).body.closed).toMatchObject({
      changes: [],
      totals: { countedSessions: 0 },
    });
    // The other organisation's month is not closed by ours.
    expect((await sheet(relay, b.admin, '?month=2030-05')).body.closed).toBeUndefined();
  });

  it('export a PDF: A4 pages, titled, for the payroll an export that lets the month close; any name prints', async () => {
    const { relay, a } = await agency();
    await write(relay, a.tutor, 'pdf-1', { date: '2030-06-02', start: '09:00', finish: '10:00', code: 'Present' });
    const response = await fetch(
      `http://127.0.0.1:${relay.port}/api/organisation/timesheets?month=2030-06&format=pdf`,
      {
        headers: { Cookie: `margin_session=${a.admin.cookie}` },
      },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getTitle()).toBe('Payroll of Bright Tutors: June 2030');
    expect(pdf.getPage(0).getSize()).toEqual({ width: 595.28, height: 841.89 });
    expect((await sheet(relay, a.admin, '?month=2030-06')).body.exported).toBe(true);

    // Many rows run on over pages; names outside Helvetica's characters print rather than fail.
    const row = { ...(await sheet(relay, a.admin, '?month=2030-06')).body.rows[0], tutorName: 'Łucja 王 Zoë' };
    const long = await timesheetPdf(
      {
        month: '2030-06',
        scope: 'payroll',
        rows: Array.from({ length: 130 }, () => row),
        total: 130,
        offset: 0,
        totals: timesheetTotals([row]),
        tutors: [],
        exported: true,
      },
      'Payroll: June 2030',
    );
    expect((await PDFDocument.load(long)).getPageCount()).toBeGreaterThan(1);
  });
});

// The progress reviews overview over real HTTP with session cookies: a school's termly reviews, seeded in each group,
// come a page at a time, group by group and by due date, with every group's count over all the pages whatever page
// is asked; an appropriate body's reviewer sees only the signed ones of schools linked to their body; every other
// role is refused with whom the overview is for, and a bad page with what is wanted.
import { afterEach, describe, expect, it } from 'vitest';
import type { ReviewsOverviewRow } from '../../shared/protocol/overviews.ts';
import type { ReportStatus } from '../../shared/protocol/statuses.ts';
import { openMemoryStore } from '../storage/memory.ts';
import { TestSession } from '../testing.ts';
import { call, organisation, storedTermlyReview } from './testing.ts';

const session = new TestSession();
afterEach(() => session.cleanup());

/** A school with reviews in every group (autumn 2020's date has passed; autumn 2090's has not) and a linked body. */
async function school() {
  const store = openMemoryStore();
  const oak = await organisation(
    store,
    'Oak School',
    { tom: { role: 'tutor' }, cora: { role: 'coordinator' }, sam: { role: 'early-career-teacher' } },
    'school',
  );
  const north = await organisation(
    store,
    'North Body',
    { abe: { role: 'appropriate-body-reviewer' } },
    'appropriate-body',
  );
  await store.linkOrganisations(north.organisationId, oak.organisationId);
  const add = (id: string, teacher: string, year: number, status?: ReportStatus) =>
    storedTermlyReview(store, { organisationId: oak.organisationId, ownerId: oak.tom.id, id, teacher, year, status });
  await add('due-b', 'Bea Due', 2091);
  await add('due-a', 'Al Due', 2090);
  await add('late-a', 'Lee Late', 2020);
  await add('comment-a', 'Cy Comment', 2024, 'teacher-to-comment');
  await add('sign-a', 'Si Sign', 2024, 'needs-signatures');
  await add('body-a', 'Bo Body', 2024, 'with-reviewer');
  await add('body-b', 'Bob Body', 2023, 'with-reviewer');
  await add('read-a', 'Rea Read', 2023, 'reviewed');
  const relay = await session.relay({ store });
  return { relay, ...oak, abe: north.abe };
}

const overview = (relay: Awaited<ReturnType<typeof school>>['relay'], cookie: string, query = '') =>
  call(relay, 'GET', `/api/organisation/reviews${query}`, { cookie });

const ids = (rows: ReviewsOverviewRow[]) => rows.map((row) => `${row.group}:${row.id}`);

describe('the progress reviews overview, a page at a time', () => {
  it('pages the reviews group by group and by due date, with each group counted over every page', async () => {
    const { relay, cora } = await school();
    const seen: string[] = [];
    for (const [offset, next] of [
      [0, 3],
      [3, 6],
      [6, undefined],
    ] as const) {
      const page = await overview(relay, cora.cookie, `?limit=3&offset=${offset}`);
      expect(page.status).toBe(200);
      expect(page.body).toMatchObject({ total: 8, offset });
      expect(page.body.next).toBe(next);
      // Whatever the page, the counts are over every review.
      expect(page.body.counts).toEqual({
        overdue: 1,
        due: 2,
        'teacher-to-comment': 1,
        'needs-signatures': 1,
        'with-reviewer': 2,
        reviewed: 1,
      });
      expect(page.body.today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      seen.push(...ids(page.body.rows));
    }
    expect(seen).toEqual([
      'overdue:late-a',
      'due:due-a',
      'due:due-b',
      'teacher-to-comment:comment-a',
      'needs-signatures:sign-a',
      'with-reviewer:body-b',
      'with-reviewer:body-a',
      'reviewed:read-a',
    ]);
    // Without a page asked for, the first 50: here every one, each row as the report list draws it.
    const first = await overview(relay, cora.cookie);
    expect(first.body.rows).toHaveLength(8);
    expect(first.body.next).toBeUndefined();
    expect(first.body.rows[0]).toMatchObject({ id: 'late-a', ownerName: 'tom', kind: 'Termly progress review' });
    expect(first.body.rows[0].named).toEqual(['Lee Late']);
  });

  it('gives an appropriate body’s reviewer only the signed reviews of its schools, counted', async () => {
    const { relay, abe } = await school();
    const page = await overview(relay, abe.cookie, '?limit=1');
    expect(page.status).toBe(200);
    expect(ids(page.body.rows)).toEqual(['with-reviewer:body-b']);
    expect(page.body).toMatchObject({ total: 3, next: 1 });
    expect(page.body.counts).toEqual({
      overdue: 0,
      due: 0,
      'teacher-to-comment': 0,
      'needs-signatures': 0,
      'with-reviewer': 2,
      reviewed: 1,
    });
  });

  it('refuses every other role with whom the overview is for, the signed out, and a bad page with why', async () => {
    const { relay, tom, sam, admin, cora } = await school();
    for (const [who, words] of [
      [tom, 'As a tutor you have no part in it.'],
      [sam, 'As an early career teacher you have no part in it.'],
      [admin, 'As an administrator you have no part in it.'],
    ] as const) {
      const refused = await overview(relay, who.cookie);
      expect(refused.status).toBe(403);
      expect(refused.body.error).toBe(
        `The progress reviews overview is for a school’s coordinators and an appropriate body’s reviewers. ${words}`,
      );
    }
    expect((await call(relay, 'GET', '/api/organisation/reviews')).status).toBe(401);
    for (const [query, problem] of [
      ['?offset=-1', 'The offset is 0 or more.'],
      ['?offset=two', 'The offset is a whole number.'],
      ['?limit=501', 'The page size (limit) is at most 500.'],
      ['?limit=0', 'The page size (limit) is at least 1.'],
    ]) {
      const bad = await overview(relay, cora.cookie, query);
      expect(bad.status).toBe(400);
      expect(bad.body.error).toBe(problem);
    }
  });
});

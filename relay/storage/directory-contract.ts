// The directory concern's behaviour, the same on every backend (run from describeStorage for each backend).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DirectoryContent, DirectoryRow, DirectoryStore } from './directory.ts';
import type { OrganisationStore } from './organisations.ts';

type Opened = DirectoryStore & OrganisationStore & { close(): Promise<void> };

const at = (minute: number) => new Date(Date.UTC(2030, 0, 1, 10, minute)).toISOString();

const content = (title: string, over: Partial<DirectoryContent> = {}): DirectoryContent => ({
  kindId: 'session-report',
  title,
  learners: ['Cy Okafor'],
  named: [],
  date: '2030-01-07',
  entry: { learners: [{ id: 'l1', name: 'Cy Okafor' }], date: '2030-01-07', score: 4, target: 6 },
  timesheet: {
    date: '2030-01-07',
    start: '16:00',
    finish: '17:00',
    minutes: 60,
    sessionType: 'Tuition',
    attendance: 'Present',
    paid: true,
  },
  ...over,
});

const row = (n: number, over: Partial<DirectoryRow> = {}): DirectoryRow => ({
  reportId: `report-${n}`,
  organisationId: 'org-1',
  ownerId: 'tom',
  createdAt: at(n),
  status: 'draft',
  changedAt: at(n),
  content: content(`Report ${n}`),
  updatedAt: at(n),
  ...over,
});

export function describeDirectoryStore(backend: string, open: () => Promise<Opened>): void {
  describe(`${backend} directory store`, () => {
    let store: Opened;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(() => store.close());

    it('keeps a row with the whole index entry, and a later write wins over an earlier one', async () => {
      await store.putDirectoryRow(row(1, { clientId: 'acme', mentorId: 'meg' }));
      expect(await store.directoryRow('report-1')).toEqual(row(1, { clientId: 'acme', mentorId: 'meg' }));
      // An older write (another node's, late) does not undo a newer one.
      expect(await store.setDirectoryContent('report-1', content('Renamed'), at(30))).toBe(true);
      expect(await store.setDirectoryContent('report-1', content('Stale'), at(20))).toBe(true);
      await store.putDirectoryRow(row(1, { content: content('Stale too'), updatedAt: at(25) }));
      expect((await store.directoryRow('report-1'))?.content?.title).toBe('Renamed');
      expect(await store.setDirectoryContent('report-9', content('Nobody'), at(30))).toBe(false);
      // A row without content (nothing of a known kind on the relay yet) reads back without it.
      await store.putDirectoryRow(row(2, { content: undefined }));
      expect((await store.directoryRow('report-2'))?.content).toBeUndefined();
    });

    it('sets status and decision times, keeping the earlier ones a decision does not name', async () => {
      await store.putDirectoryRow(row(1));
      expect(
        await store.setDirectoryStatus('report-1', { status: 'submitted', changedAt: at(5), submittedAt: at(5) }),
      ).toBe(true);
      expect(
        await store.setDirectoryStatus('report-1', { status: 'approved', changedAt: at(6), approvedAt: at(6) }),
      ).toBe(true);
      expect(await store.directoryRow('report-1')).toMatchObject({
        status: 'approved',
        changedAt: at(6),
        submittedAt: at(5),
        approvedAt: at(6),
      });
      expect(await store.setDirectoryStatus('report-9', { status: 'approved', changedAt: at(6) })).toBe(false);
    });

    it('names a learner exactly, heeding capitals, on the page and in the count', async () => {
      await store.putDirectoryRow(row(1, { content: content('Di', { learners: ['DI NG'] }) }));
      await store.putDirectoryRow(row(2, { content: content('Di again', { learners: ['Cy Okafor', 'Di Ng'] }) }));
      const whole = [{ organisationId: 'org-1' }];
      const diNg = { scopes: whole, learner: 'Di Ng', limit: 1 };
      expect((await store.directoryRows(diNg)).map((each) => each.reportId)).toEqual(['report-2']);
      expect(await store.countDirectoryRows(diNg)).toBe(1);
      const upper = await store.directoryRows({ scopes: whole, learner: 'DI NG' });
      expect(upper.map((each) => each.reportId)).toEqual(['report-1']);
    });

    it('answers queries by scope, filter, search and date, in order and a page at a time', async () => {
      await store.putDirectoryRow(row(1, { status: 'submitted', submittedAt: at(40), clientId: 'acme' }));
      await store.putDirectoryRow(row(2, { ownerId: 'ann', status: 'submitted', submittedAt: at(30) }));
      await store.putDirectoryRow(
        row(3, { status: 'approved', clientId: 'acme', content: content('Maths 100%_done', { learners: ['Di Ng'] }) }),
      );
      await store.putDirectoryRow(
        row(4, { content: content('Draft', { kindId: 'termly-review', date: '2030-03-01' }) }),
      );
      await store.putDirectoryRow(row(5, { organisationId: 'org-2', status: 'submitted' }));
      const ids = (rows: DirectoryRow[]) => rows.map((each) => each.reportId);
      const whole = [{ organisationId: 'org-1' }];
      expect(ids(await store.directoryRows({ scopes: whole }))).toEqual([
        'report-1',
        'report-2',
        'report-3',
        'report-4',
      ]);
      expect(ids(await store.directoryRows({ scopes: [] }))).toEqual([]);
      // A member's parts: their own reports, or every report not a draft.
      expect(
        ids(
          await store.directoryRows({
            scopes: [
              { organisationId: 'org-1', ownerId: 'ann' },
              { organisationId: 'org-1', notStatus: 'draft' },
            ],
          }),
        ),
      ).toEqual(['report-1', 'report-2', 'report-3']);
      expect(
        ids(
          await store.directoryRows({
            scopes: [{ organisationId: 'org-1', clientId: 'acme', statuses: ['approved'] }],
          }),
        ),
      ).toEqual(['report-3']);
      const queue = { scopes: whole, statuses: ['submitted', 'resubmitted'] as const, order: 'submitted' as const };
      expect(ids(await store.directoryRows(queue))).toEqual(['report-2', 'report-1']);
      expect(ids(await store.directoryRows({ ...queue, limit: 1 }))).toEqual(['report-2']);
      expect(ids(await store.directoryRows({ ...queue, limit: 1, offset: 1 }))).toEqual(['report-1']);
      expect(await store.countDirectoryRows(queue)).toBe(2);
      expect(ids(await store.directoryRows({ scopes: whole, kindId: 'termly-review' }))).toEqual(['report-4']);
      expect(ids(await store.directoryRows({ scopes: whole, ownerId: 'ann' }))).toEqual(['report-2']);
      expect(ids(await store.directoryRows({ scopes: whole, clientId: 'acme' }))).toEqual(['report-1', 'report-3']);
      expect(ids(await store.directoryRows({ scopes: whole, learner: 'Di Ng' }))).toEqual(['report-3']);
      expect(ids(await store.directoryRows({ scopes: whole, learner: 'Di' }))).toEqual([]);
      // Search is any case, and takes % and _ as themselves.
      expect(ids(await store.directoryRows({ scopes: whole, search: 'MATHS' }))).toEqual(['report-3']);
      expect(ids(await store.directoryRows({ scopes: whole, search: '%_' }))).toEqual(['report-3']);
      expect(ids(await store.directoryRows({ scopes: whole, search: 'okafor' }))).toEqual([
        'report-1',
        'report-2',
        'report-4',
      ]);
      expect(ids(await store.directoryRows({ scopes: whole, from: '2030-02-01' }))).toEqual(['report-4']);
      expect(ids(await store.directoryRows({ scopes: whole, to: '2030-02-01' }))).toEqual([
        'report-1',
        'report-2',
        'report-3',
      ]);
    });

    it('narrows a queue by kind left out, by submission time and by owners found by name, and lists its choices', async () => {
      const submitted = (n: number, over: Partial<DirectoryRow>) =>
        row(n, { status: 'submitted', submittedAt: at(n), changedAt: at(n), ...over });
      await store.putDirectoryRow(submitted(1, { clientId: 'acme' }));
      await store.putDirectoryRow(
        submitted(2, { ownerId: 'ann', content: content('Ann’s', { learners: ['Di Ng', 'Cy Okafor'] }) }),
      );
      await store.putDirectoryRow(
        submitted(3, { ownerId: 'ann', status: 'resubmitted', clientId: 'bolt', content: content('Third') }),
      );
      await store.putDirectoryRow(
        submitted(4, { ownerId: 'obi', content: content('Observed', { kindId: 'qa-observation', learners: [] }) }),
      );
      // Not yet read by the relay: no kind, still in the queue.
      await store.putDirectoryRow(submitted(5, { ownerId: 'zed', content: undefined }));
      // Not waiting, or another organisation's: never a choice.
      await store.putDirectoryRow(row(6, { ownerId: 'una', clientId: 'drafts', content: content('Draft') }));
      await store.putDirectoryRow(submitted(7, { organisationId: 'org-2', ownerId: 'xan', clientId: 'other' }));
      const ids = (rows: DirectoryRow[]) => rows.map((each) => each.reportId);
      const queue = {
        scopes: [{ organisationId: 'org-1' }],
        statuses: ['submitted', 'resubmitted'] as const,
        notKindId: 'qa-observation',
        order: 'submitted' as const,
      };
      expect(ids(await store.directoryRows(queue))).toEqual(['report-1', 'report-2', 'report-3', 'report-5']);
      expect(await store.countDirectoryRows(queue)).toBe(4);
      // From an instant included to another left out.
      const between = { ...queue, submittedFrom: at(2), submittedBefore: at(5) };
      expect(ids(await store.directoryRows(between))).toEqual(['report-2', 'report-3']);
      expect(await store.countDirectoryRows(between)).toBe(2);
      expect(ids(await store.directoryRows({ ...queue, submittedBefore: at(2) }))).toEqual(['report-1']);
      expect(ids(await store.directoryRows({ ...queue, submittedFrom: at(6) }))).toEqual([]);
      // A search finds the words in the rows, or rows whose owner is among those whose names hold them.
      expect(ids(await store.directoryRows({ ...queue, search: 'third' }))).toEqual(['report-3']);
      expect(ids(await store.directoryRows({ ...queue, search: 'zzz', searchOwnerIds: ['zed', 'una'] }))).toEqual([
        'report-5',
      ]);
      expect(
        ids(await store.directoryRows({ ...queue, search: 'third', searchOwnerIds: ['tom'], limit: 2, offset: 1 })),
      ).toEqual(['report-3']);
      expect(await store.countDirectoryRows({ ...queue, search: 'third', searchOwnerIds: ['tom'] })).toBe(2);
      const sorted = (choices: Awaited<ReturnType<DirectoryStore['directoryChoices']>>) =>
        Object.fromEntries(Object.entries(choices).map(([name, values]) => [name, [...values].sort()]));
      expect(sorted(await store.directoryChoices(queue))).toEqual({
        ownerIds: ['ann', 'tom', 'zed'],
        learners: ['Cy Okafor', 'Di Ng'],
        clientIds: ['acme', 'bolt'],
        kindIds: ['session-report'],
      });
      expect(sorted(await store.directoryChoices({ ...queue, scopes: [] }))).toEqual({
        ownerIds: [],
        learners: [],
        clientIds: [],
        kindIds: [],
      });
    });

    it('finds registered reports without a row, and drops a row', async () => {
      for (const n of [1, 2])
        await store.addReport({ reportId: `report-${n}`, organisationId: 'org-1', ownerId: 'tom', createdAt: at(n) });
      await store.putDirectoryRow(row(1));
      expect(await store.reportsMissingFromDirectory('org-1')).toEqual(['report-2']);
      expect(await store.reportsMissingFromDirectory('org-2')).toEqual([]);
      expect(await store.deleteDirectoryRow('report-1')).toBe(true);
      expect(await store.deleteDirectoryRow('report-1')).toBe(false);
      expect(await store.directoryRow('report-1')).toBeUndefined();
    });
  });
}

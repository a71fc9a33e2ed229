// The behaviour every backend must have, one suite per concern (documents; access) and one for the store as a
// whole. Each backend's test file runs describeStorage, so "it works on SQLite", "in memory" and "on PostgreSQL"
// are the same claim.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { describeDirectoryStore } from './directory-contract.ts';
import { describeNotificationStore } from './notifications-contract.ts';
import { describeOrganisationStore } from './organisations-contract.ts';
import type { AccessStore, DocumentStore, LinkRecord, Storage, VersionStore } from './store.ts';

/** Updates that each add one word to a text, as separate Yjs updates. */
function typedWords(words: string[]): { updates: Uint8Array[]; text: string } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (const word of words) doc.getText('body').insert(doc.getText('body').length, word);
  return { updates, text: doc.getText('body').toString() };
}

function link(jti: string, reportId = 'report-1', createdAt = '2030-01-01T10:00:00.000Z'): LinkRecord {
  return { jti, reportId, role: 'reviewer', createdAt, expiresAt: '2030-02-01T10:00:00.000Z' };
}

function textOf(updates: Uint8Array[]): string {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc.getText('body').toString();
}

type Opened<T> = T & { close(): Promise<void> };

export function describeStorage(
  backend: string,
  open: () => Promise<Storage>,
  openRefusingErasureOf: (reportId: string) => Promise<Storage>,
): void {
  describeDocumentStore(backend, open);
  describeAccessStore(backend, open);
  describeVersionStore(backend, open);
  describeOrganisationStore(backend, open);
  describeNotificationStore(backend, open);
  describeDirectoryStore(backend, open);
  describeWholeStore(backend, open);
  describeFailedErasure(backend, openRefusingErasureOf);
}

export function describeDocumentStore(backend: string, open: () => Promise<Opened<DocumentStore>>): void {
  describe(`${backend} document store`, () => {
    let store: Opened<DocumentStore>;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    it('loads a room never written to as no updates', async () => {
      expect(await store.load('never-written')).toEqual([]);
    });

    it('gives back appended updates in order, byte for byte', async () => {
      const { updates, text } = typedWords(['Session ', 'went ', 'well.']);
      for (const update of updates) await store.append('report-1', update);
      const loaded = await store.load('report-1');
      expect(loaded.map((update) => Array.from(update))).toEqual(updates.map((update) => Array.from(update)));
      expect(textOf(loaded)).toBe(text);
    });

    it('answers each append with how many updates the room keeps', async () => {
      const { updates } = typedWords(['a', 'b', 'c']);
      expect(await store.append('report-1', updates[0])).toBe(1);
      expect(await store.append('report-1', updates[1])).toBe(2);
      expect(await store.append('report-2', updates[2])).toBe(1);
    });

    it('keeps appends made at the same time in the order they were made', async () => {
      const { updates, text } = typedWords(Array.from({ length: 20 }, (_, i) => `${i} `));
      await Promise.all(updates.map((update) => store.append('report-1', update)));
      expect(textOf(await store.load('report-1'))).toBe(text);
    });

    it('keeps a report and its comments apart', async () => {
      const content = typedWords(['content']);
      const comments = typedWords(['a comment']);
      await store.append('report-1', content.updates[0]);
      await store.append('report-1/comments', comments.updates[0]);
      expect(textOf(await store.load('report-1'))).toBe('content');
      expect(textOf(await store.load('report-1/comments'))).toBe('a comment');
    });

    it('compacts many updates into one that makes the same document', async () => {
      const { updates, text } = typedWords(Array.from({ length: 50 }, (_, i) => `word${i} `));
      for (const update of updates) await store.append('report-1', update);
      await store.compact('report-1');
      const loaded = await store.load('report-1');
      expect(loaded).toHaveLength(1);
      expect(textOf(loaded)).toBe(text);
    });

    it('puts updates appended after a compaction after the snapshot', async () => {
      const { updates, text } = typedWords(['one ', 'two ', 'three']);
      await store.append('report-1', updates[0]);
      await store.append('report-1', updates[1]);
      await store.compact('report-1');
      expect(await store.append('report-1', updates[2])).toBe(2);
      expect(textOf(await store.load('report-1'))).toBe(text);
    });

    it('compacts only the room it is asked to', async () => {
      const { updates } = typedWords(['a', 'b']);
      for (const update of updates) await store.append('report-1', update);
      for (const update of updates) await store.append('report-2', update);
      await store.compact('report-1');
      expect(await store.load('report-2')).toHaveLength(2);
    });

    it('compacts an empty room or a single update without change', async () => {
      await store.compact('never-written');
      expect(await store.load('never-written')).toEqual([]);
      const { updates } = typedWords(['only']);
      await store.append('report-1', updates[0]);
      await store.compact('report-1');
      expect((await store.load('report-1')).map((update) => Array.from(update))).toEqual([Array.from(updates[0])]);
    });
  });
}

export function describeAccessStore(backend: string, open: () => Promise<Opened<AccessStore>>): void {
  describe(`${backend} access store`, () => {
    let store: Opened<AccessStore>;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    it('claims a report id once', async () => {
      expect(await store.claim('report-1', '2030-01-01T10:00:00.000Z')).toBe(true);
      expect(await store.claim('report-1', '2030-01-01T11:00:00.000Z')).toBe(false);
      expect(await store.claim('report-2', '2030-01-01T11:00:00.000Z')).toBe(true);
    });

    it('lets the same claimant claim again, and no one else', async () => {
      expect(await store.claim('report-1', '2030-01-01T10:00:00.000Z', 'device-a')).toBe(true);
      expect(await store.claim('report-1', '2030-01-01T10:00:01.000Z', 'device-a')).toBe(true);
      expect(await store.claim('report-1', '2030-01-01T10:00:02.000Z', 'device-b')).toBe(false);
      expect(await store.claim('report-1', '2030-01-01T10:00:03.000Z')).toBe(false);
      // A claim made without a claimant (before claim keys) is no one's to repeat.
      expect(await store.claim('report-2', '2030-01-01T10:00:00.000Z')).toBe(true);
      expect(await store.claim('report-2', '2030-01-01T10:00:01.000Z', 'device-a')).toBe(false);
    });

    it('lists the links made for a report, oldest first, and no other report’s', async () => {
      await store.addLink(link('link-second', 'report-1', '2030-01-02T10:00:00.000Z'));
      await store.addLink(link('link-first', 'report-1', '2030-01-01T10:00:00.000Z'));
      await store.addLink(link('link-other', 'report-2'));
      expect(await store.links('report-1')).toEqual([
        link('link-first'),
        link('link-second', 'report-1', '2030-01-02T10:00:00.000Z'),
      ]);
      expect(await store.links('never-shared')).toEqual([]);
    });

    it('keeps the link each link was made with', async () => {
      await store.addLink(link('link-first'));
      await store.addLink({ ...link('link-made', 'report-1', '2030-01-02T10:00:00.000Z'), madeBy: 'link-first' });
      expect(await store.links('report-1')).toEqual([
        link('link-first'),
        { ...link('link-made', 'report-1', '2030-01-02T10:00:00.000Z'), madeBy: 'link-first' },
      ]);
    });

    it('revokes a token for good, once, and shows it on its link', async () => {
      await store.addLink(link('link-1'));
      expect(await store.isRevoked('link-1')).toBe(false);
      expect(await store.revoke('link-1', 'report-1', '2030-01-03T10:00:00.000Z')).toBe(true);
      expect(await store.revoke('link-1', 'report-1', '2030-01-04T10:00:00.000Z')).toBe(false);
      expect(await store.isRevoked('link-1')).toBe(true);
      expect(await store.links('report-1')).toEqual([{ ...link('link-1'), revokedAt: '2030-01-03T10:00:00.000Z' }]);
    });

    it('revokes a token that was never listed as a link (one made with npm run token, say)', async () => {
      expect(await store.revoke('cli-token', 'report-1', '2030-01-03T10:00:00.000Z')).toBe(true);
      expect(await store.isRevoked('cli-token')).toBe(true);
      expect(await store.isRevoked('another')).toBe(false);
    });

    it('keeps a link made again with the same id once, as last made', async () => {
      await store.addLink(link('link-1'));
      await store.addLink({ ...link('link-1'), role: 'client' });
      expect(await store.links('report-1')).toEqual([{ ...link('link-1'), role: 'client' }]);
    });
  });
}

export function describeVersionStore(backend: string, open: () => Promise<Opened<VersionStore>>): void {
  describe(`${backend} version store`, () => {
    let store: Opened<VersionStore>;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    it('gives back the content each decision kept, byte for byte, by report and number', async () => {
      const first = Y.mergeUpdates(typedWords(['Session ', 'went ', 'well.']).updates);
      const second = Y.mergeUpdates(typedWords(['Session ', 'went ', 'very ', 'well.']).updates);
      await store.keepVersion('report-1', 1, first);
      await store.keepVersion('report-1', 2, second);
      await store.keepVersion('report-2', 1, second);
      expect(Array.from((await store.version('report-1', 1))!)).toEqual(Array.from(first));
      expect(textOf([(await store.version('report-1', 2))!])).toBe('Session went very well.');
      expect(Array.from((await store.version('report-2', 1))!)).toEqual(Array.from(second));
    });

    it('has no version for a decision it never kept, nor for another report', async () => {
      await store.keepVersion('report-1', 1, Y.mergeUpdates(typedWords(['a']).updates));
      expect(await store.version('report-1', 2)).toBeUndefined();
      expect(await store.version('report-1', 0)).toBeUndefined();
      expect(await store.version('report-9', 1)).toBeUndefined();
    });

    it('replaces a version kept again under the same number (a decision whose recording failed)', async () => {
      await store.keepVersion('report-1', 1, Y.mergeUpdates(typedWords(['first']).updates));
      await store.keepVersion('report-1', 1, Y.mergeUpdates(typedWords(['again']).updates));
      expect(textOf([(await store.version('report-1', 1))!])).toBe('again');
    });
  });
}

const erasedAt = '2030-01-05T10:00:00.000Z';

/** A report with something in every place an erasure clears: its rooms, a revoked link, a version, its records. */
async function holdReport(store: Storage, reportId: string): Promise<void> {
  const { updates } = typedWords(['Kept ', 'here']);
  for (const room of [reportId, `${reportId}/comments`, `${reportId}/status`])
    for (const update of updates) await store.append(room, update);
  await store.addLink(link(`link-${reportId}`, reportId));
  await store.revoke(`link-${reportId}`, reportId, erasedAt);
  await store.keepVersion(reportId, 1, updates[0]!);
  await store.addReport({ reportId, organisationId: 'org-1', ownerId: 'm1', createdAt: erasedAt });
  await store.addNotification({
    id: `note-${reportId}`,
    organisationId: 'org-1',
    memberId: 'm1',
    kind: 'approved',
    reportId,
    createdAt: erasedAt,
  });
  await store.putDirectoryRow({
    reportId,
    organisationId: 'org-1',
    ownerId: 'm1',
    createdAt: erasedAt,
    status: 'draft',
    changedAt: erasedAt,
    updatedAt: erasedAt,
  });
}

async function expectErased(store: Storage, reportId: string): Promise<void> {
  for (const room of [reportId, `${reportId}/comments`, `${reportId}/status`])
    expect(await store.load(room)).toEqual([]);
  expect(await store.links(reportId)).toEqual([]);
  expect(await store.isRevoked(`link-${reportId}`)).toBe(false);
  expect(await store.version(reportId, 1)).toBeUndefined();
  expect(await store.report(reportId)).toBeUndefined();
  expect(await store.directoryRow(reportId)).toBeUndefined();
  expect((await store.notificationsOf('m1', 10)).map((each) => each.reportId)).not.toContain(reportId);
  expect(await store.isErased(reportId)).toBe(true);
}

/** Everything `holdReport` put there is still there. */
async function expectKept(store: Storage, reportId: string): Promise<void> {
  for (const room of [reportId, `${reportId}/comments`, `${reportId}/status`])
    expect(textOf(await store.load(room))).toBe('Kept here');
  expect(await store.links(reportId)).toHaveLength(1);
  expect(await store.isRevoked(`link-${reportId}`)).toBe(true);
  expect(await store.version(reportId, 1)).toBeDefined();
  expect((await store.report(reportId))?.ownerId).toBe('m1');
  expect((await store.directoryRow(reportId))?.ownerId).toBe('m1');
  expect((await store.notificationsOf('m1', 10)).map((each) => each.reportId)).toContain(reportId);
  expect(await store.isErased(reportId)).toBe(false);
}

/**
 * A trigger that refuses to record `reportId` as erased, as a full disk or a lost connection would fail an
 * erasure's last statement: on SQLite (and the memory store's SQL) and on PostgreSQL.
 */
export const refuseErasureOf = {
  sqlite: (reportId: string) => `CREATE TRIGGER refuse_erasure BEFORE INSERT ON erased_reports
    WHEN NEW.report_id = '${reportId}' BEGIN SELECT RAISE(ABORT, 'the disk is full'); END`,
  postgres: (reportId: string) => `CREATE FUNCTION refuse_erasure() RETURNS trigger AS $$
    BEGIN IF NEW.report_id = '${reportId}' THEN RAISE EXCEPTION 'the disk is full'; END IF; RETURN NEW; END $$
    LANGUAGE plpgsql;
    CREATE TRIGGER refuse_erasure BEFORE INSERT ON erased_reports FOR EACH ROW EXECUTE FUNCTION refuse_erasure();`,
};

/**
 * An erasure that fails part-way erases none of its reports. `openRefusing` opens a store of the backend whose
 * engine refuses to record `reportId` as erased (`refuseErasureOf`).
 */
function describeFailedErasure(backend: string, openRefusing: (reportId: string) => Promise<Storage>): void {
  describe(`${backend} erasure`, () => {
    it('erases none of the reports when the erasure fails part-way', async () => {
      const store = await openRefusing('report-3');
      try {
        for (const reportId of ['report-1', 'report-2', 'report-3']) await holdReport(store, reportId);
        // report-3's tombstone is the erasure's last statement: everything of report-1 and report-2 went before it.
        await expect(store.eraseReports(['report-1', 'report-2', 'report-3'], erasedAt)).rejects.toThrow(
          /the disk is full/,
        );
        for (const reportId of ['report-1', 'report-2', 'report-3']) await expectKept(store, reportId);
        expect(await store.erasedAmong(['report-1', 'report-2', 'report-3'])).toEqual([]);
        // The store still works: the reports it may record go.
        await store.eraseReports(['report-1', 'report-2'], erasedAt);
        expect(await store.erasedAmong(['report-1', 'report-2', 'report-3'])).toEqual(['report-1', 'report-2']);
      } finally {
        await store.close();
      }
    });
  });
}

function describeWholeStore(backend: string, open: () => Promise<Storage>): void {
  describe(`${backend} store`, () => {
    let store: Storage;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    it('keeps claims, links and revocations through a compaction', async () => {
      await store.claim('report-1', '2030-01-01T10:00:00.000Z');
      await store.addLink(link('link-1'));
      await store.revoke('link-1', 'report-1', '2030-01-03T10:00:00.000Z');
      const { updates } = typedWords(['a', 'b', 'c']);
      for (const update of updates) await store.append('report-1', update);
      await store.compact('report-1');
      expect(await store.claim('report-1', '2030-01-05T10:00:00.000Z')).toBe(false);
      expect(await store.isRevoked('link-1')).toBe(true);
      expect(await store.links('report-1')).toHaveLength(1);
    });

    it('tells how many bytes it takes, more after more is saved', async () => {
      const before = await store.size();
      const { updates } = typedWords(['x'.repeat(20_000)]);
      await store.append('report-1', updates[0]);
      expect(await store.size()).toBeGreaterThan(before);
    });

    it('keeps the versions decisions kept through a compaction of the report', async () => {
      const { updates } = typedWords(['a', 'b', 'c']);
      for (const update of updates) await store.append('report-1', update);
      await store.keepVersion('report-1', 1, Y.mergeUpdates(updates.slice(0, 2)));
      await store.compact('report-1');
      expect(textOf([(await store.version('report-1', 1))!])).toBe('ab');
    });

    it('erases a report: its rooms, links, revocations, versions, registration, directory row and notifications, and no other report’s', async () => {
      for (const reportId of ['report-1', 'report-2']) await holdReport(store, reportId);
      expect(await store.isErased('report-1')).toBe(false);
      await store.eraseReports(['report-1'], erasedAt);
      await expectErased(store, 'report-1');
      expect((await store.notificationsOf('m1', 10)).map((each) => each.reportId)).toEqual(['report-2']);
      await expectKept(store, 'report-2');
      // Erasing again is harmless, and a room written again after (a late save) is erased by it.
      await store.append('report-1', typedWords(['late']).updates[0]!);
      await store.eraseReports(['report-1'], erasedAt);
      expect(await store.load('report-1')).toEqual([]);
      expect(await store.isErased('report-1')).toBe(true);
    });

    it('erases several reports together, and says which of the reports asked about were erased, and nothing else', async () => {
      for (const reportId of ['report-1', 'report-2', 'report-3']) await holdReport(store, reportId);
      await store.eraseReports(['report-1', 'report-2'], erasedAt);
      await expectErased(store, 'report-1');
      await expectErased(store, 'report-2');
      await expectKept(store, 'report-3');
      expect(await store.erasedAmong(['report-3', 'report-2', 'never-made', 'report-1', 'report-2'])).toEqual([
        'report-2',
        'report-1',
      ]);
      expect(await store.erasedAmong([])).toEqual([]);
      // More ids than one query names.
      const many = Array.from({ length: 1200 }, (_, i) => `many-${i}`);
      await store.eraseReports([many[0]!, many[1199]!], erasedAt);
      expect(await store.erasedAmong(many)).toEqual([many[0], many[1199]]);
    });
    it('says it is reachable while open', async () => {
      expect(await store.reachable()).toBe(true);
    });

    it('takes decisions on one report one at a time, and on two reports side by side', async () => {
      const events: string[] = [];
      const decision = (name: string, reportId: string, ms: number) =>
        store.exclusively(reportId, async () => {
          events.push(`${name} starts`);
          await new Promise((resolve) => setTimeout(resolve, ms));
          events.push(`${name} ends`);
          return name;
        });
      const results = await Promise.all([
        decision('a', 'report-1', 600),
        decision('b', 'report-1', 10),
        decision('c', 'report-2', 10),
      ]);
      expect(results).toEqual(['a', 'b', 'c']);
      expect(events.indexOf('a ends')).toBeLessThan(events.indexOf('b starts'));
      expect(events.indexOf('c ends')).toBeLessThan(events.indexOf('a ends'));
      await expect(store.exclusively('report-1', async () => Promise.reject(new Error('refused')))).rejects.toThrow(
        'refused',
      );
      expect(await store.exclusively('report-1', async () => 'after a failure')).toBe('after a failure');
    });
  });
}

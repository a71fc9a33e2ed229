// The storage contract on a real PostgreSQL (a private cluster, relay/test-engines.ts), a fresh database per test;
// and the PostgreSQL side of migrations and of workflow locks taken from two connections, as two relay nodes do.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import * as Y from 'yjs';
import { loadSecret } from '../auth.ts';
import { createOrganisation, digestOf, invite, removeMember } from '../organisations/members.ts';
import { signedIn, startSession } from '../organisations/sessions.ts';
import { startPostgres, type TestPostgres } from '../test-engines.ts';
import { describeStorage, refuseErasureOf } from './contract.ts';
import { copySqliteToPostgres } from './copy.ts';
import { postgresMigrations } from './migrations.ts';
import { openPostgresStore } from './postgres.ts';
import { openSqliteStore } from './sqlite.ts';
import type { Storage } from './store.ts';

let postgres: TestPostgres;
beforeAll(async () => {
  postgres = await startPostgres();
}, 60_000);
afterAll(() => postgres?.stop());

describeStorage(
  'postgres',
  async () => openPostgresStore(await postgres.database()),
  async (reportId) => {
    const url = await postgres.database();
    const store = await openPostgresStore(url);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(refuseErasureOf.postgres(reportId));
    await client.end();
    return store;
  },
);

describe('postgres store', () => {
  it('records its migrations, and opening again applies none twice', async () => {
    const url = await postgres.database();
    await (await openPostgresStore(url)).close();
    const again = await openPostgresStore(url);
    await again.append('report-1', Y.encodeStateAsUpdate(new Y.Doc()));
    await again.close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query('SELECT version, name FROM migrations ORDER BY version');
    await client.end();
    expect(rows).toEqual(postgresMigrations.map(({ version, name }) => ({ version, name })));
  });

  it('numbers appends to one room from two relay nodes one after another', async () => {
    const url = await postgres.database();
    const [one, two] = await Promise.all([openPostgresStore(url), openPostgresStore(url)]);
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    for (let i = 0; i < 40; i++) doc.getText('body').insert(i, 'x');
    const kept = await Promise.all(updates.map((update, i) => (i % 2 ? one : two).append('report-1', update)));
    expect([...kept].sort((a, b) => a - b)).toEqual(updates.map((_, i) => i + 1));
    const loaded = new Y.Doc();
    (await one.load('report-1')).forEach((update) => Y.applyUpdate(loaded, update));
    expect(loaded.getText('body').toString()).toBe('x'.repeat(40));
    await Promise.all([one.close(), two.close()]);
  });

  it('takes one decision on a report at a time across two relay nodes', async () => {
    const url = await postgres.database();
    const [one, two] = await Promise.all([openPostgresStore(url), openPostgresStore(url)]);
    const events: string[] = [];
    const decide = (store: typeof one, name: string) =>
      store.exclusively('report-1', async () => {
        events.push(`${name} starts`);
        await new Promise((resolve) => setTimeout(resolve, 100));
        events.push(`${name} ends`);
      });
    await Promise.all([decide(one, 'one'), decide(two, 'two')]);
    expect(events).toHaveLength(4);
    expect(events[1]).toMatch(/ends$/);
    await Promise.all([one.close(), two.close()]);
  });

  it('keeps one signing secret for every node', async () => {
    const url = await postgres.database();
    const [one, two] = await Promise.all([openPostgresStore(url), openPostgresStore(url)]);
    const [first, second] = await Promise.all([one.keptSecret(), two.keptSecret()]);
    expect(first.byteLength).toBeGreaterThanOrEqual(32);
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    await Promise.all([one.close(), two.close()]);
  });

  it('refuses to open with a database that is not there, saying so', async () => {
    const url = postgres.url.replace(/\/postgres$/, '/no_such_database');
    await expect(openPostgresStore(url)).rejects.toThrow(/no_such_database/);
  });
});

describe('copying an SQLite data folder into PostgreSQL', () => {
  it('copies documents, claims, links, revocations and the secret, and refuses a database with data', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'margin-copy-'));
    try {
      const secret = loadSecret(dataDir, '');
      const sqlite = openSqliteStore(dataDir);
      const doc = new Y.Doc();
      doc.getText('body').insert(0, 'Kept when moving');
      await sqlite.append('report-1', Y.encodeStateAsUpdate(doc));
      await sqlite.append('report-1/comments', Y.encodeStateAsUpdate(new Y.Doc()));
      await sqlite.claim('report-1', '2030-01-01T10:00:00.000Z');
      const link = {
        jti: 'link-1',
        reportId: 'report-1',
        role: 'reviewer' as const,
        createdAt: '2030-01-01T10:00:00.000Z',
        expiresAt: '2030-02-01T10:00:00.000Z',
      };
      await sqlite.addLink(link);
      await sqlite.revoke('link-1', 'report-1', '2030-01-02T10:00:00.000Z');
      await sqlite.keepVersion('report-1', 1, Y.encodeStateAsUpdate(doc));
      await sqlite.close();

      const url = await postgres.database();
      expect(await copySqliteToPostgres(dataDir, url)).toEqual({
        rooms: 2,
        updates: 2,
        claims: 1,
        links: 1,
        revocations: 1,
        versions: 1,
        secret: true,
        organisations: {
          organisations: 0,
          organisation_links: 0,
          members: 0,
          invitations: 0,
          passkeys: 0,
          sessions: 0,
          challenges: 0,
          audit_log: 0,
          organisation_reports: 0,
          organisation_words: 0,
          member_emails: 0,
          notifications: 0,
          erased_reports: 0,
        },
      });
      const store = await openPostgresStore(url);
      const copied = new Y.Doc();
      (await store.load('report-1')).forEach((update) => Y.applyUpdate(copied, update));
      expect(copied.getText('body').toString()).toBe('Kept when moving');
      expect(await store.append('report-1', Y.encodeStateAsUpdate(new Y.Doc()))).toBe(2);
      expect(await store.claim('report-1', '2030-01-03T10:00:00.000Z')).toBe(false);
      expect(await store.links('report-1')).toEqual([{ ...link, revokedAt: '2030-01-02T10:00:00.000Z' }]);
      expect(Buffer.from(await store.keptSecret()).equals(Buffer.from(secret))).toBe(true);
      expect(Buffer.from((await store.version('report-1', 1))!).equals(Y.encodeStateAsUpdate(doc))).toBe(true);
      await store.close();

      await expect(copySqliteToPostgres(dataDir, url)).rejects.toThrow(/holds relay data already/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('copying an SQLite data folder’s organisations into PostgreSQL', () => {
  it('copies organisations, members, invitations, passkeys, sessions, the audit log and reports, as they read', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'margin-copy-organisations-'));
    try {
      loadSecret(dataDir, '');
      const sqlite = openSqliteStore(dataDir);
      const made = await createOrganisation(sqlite, { name: 'Bright Tutors', kind: 'agency', administrator: 'Ada' });
      if (!made.ok) throw new Error(made.problem);
      const { organisation, member: ada } = made.value;
      const tom = await invite(sqlite, { organisationId: organisation.id, name: 'Tom', role: 'tutor', madeBy: ada.id });
      const cara = await invite(sqlite, {
        organisationId: organisation.id,
        name: 'Cara',
        role: 'client-contact',
        clientId: 'client-9',
      });
      if (!tom.ok || !cara.ok) throw new Error('could not invite');
      await sqlite.addPasskey({
        id: 'credential-1',
        memberId: ada.id,
        publicKey: 'cHVibGlj',
        counter: 7,
        transports: ['internal', 'hybrid'],
        label: 'Work laptop',
        createdAt: '2030-01-01T10:00:00.000Z',
      });
      await sqlite.usePasskey('credential-1', 8, '2030-01-02T10:00:00.000Z');
      const cookie = await startSession(sqlite, ada.id, 'Chrome on Linux');
      await startSession(sqlite, cara.value.member.id, 'Firefox on Windows');
      expect((await removeMember(sqlite, cara.value.member.id, ada.id)).ok).toBe(true);
      await sqlite.addOrganisation({
        id: 'school-1',
        name: 'Hill School',
        kind: 'school',
        createdAt: '2030-01-01T09:00:00.000Z',
        sessionIdleMinutes: 30,
      });
      await sqlite.linkOrganisations(organisation.id, 'school-1');
      await sqlite.setReviewTargetDays(organisation.id, 4);
      await sqlite.addChallenge({
        challenge: 'challenge-1',
        purpose: 'sign-in',
        expiresAt: new Date(Date.now() + 300_000).toISOString(),
      });
      await sqlite.addReport({
        reportId: 'report-1',
        organisationId: organisation.id,
        ownerId: tom.value.member.id,
        mentorId: ada.id,
        createdAt: '2030-01-03T10:00:00.000Z',
      });
      await sqlite.appendAudit({
        organisationId: organisation.id,
        at: '2030-01-03T10:00:00.000Z',
        actor: ada.id,
        action: 'decision',
        subject: 'report-1',
        detail: { decision: 'submit', from: 'draft', to: 'submitted' },
      });
      await sqlite.addWord({
        organisationId: organisation.id,
        word: 'Okafor',
        addedBy: ada.id,
        addedAt: '2030-01-03T10:00:00.000Z',
      });
      await sqlite.setEmail(tom.value.member.id, 'tom@example.org');
      for (const [id, kind] of [
        ['00000000-0000-4000-8000-000000000001', 'comment'],
        ['00000000-0000-4000-8000-000000000002', 'approved'],
      ] as const)
        await sqlite.addNotification({
          id,
          organisationId: organisation.id,
          memberId: tom.value.member.id,
          kind,
          reportId: 'report-1',
          actorName: 'Ada',
          createdAt: '2030-01-03T10:00:00.000Z',
        });
      await sqlite.markNotificationRead(
        tom.value.member.id,
        '00000000-0000-4000-8000-000000000001',
        '2030-01-04T10:00:00.000Z',
      );
      const read = async (store: Storage) => ({
        organisations: await store.organisations(),
        linked: await store.linkedOrganisations('school-1'),
        members: await store.members(organisation.id),
        invitation: await store.invitationByTokenHash(digestOf(tom.value.token)),
        passkeys: await store.passkeysOf(ada.id),
        sessions: [...(await store.sessionsOf(ada.id)), ...(await store.sessionsOf(cara.value.member.id))],
        audit: await store.audit(organisation.id),
        reports: await store.reports(organisation.id),
        words: await store.words(organisation.id),
        emails: await store.emailsOf(organisation.id),
        notifications: await store.notificationsOf(tom.value.member.id, 10),
      });
      await sqlite.eraseReports(['gone-1'], '2030-01-05T10:00:00.000Z');
      const before = await read(sqlite);
      expect(before.organisations.find((each) => each.id === organisation.id)?.reviewTargetDays).toBe(4);
      await sqlite.close();

      const url = await postgres.database();
      const copied = await copySqliteToPostgres(dataDir, url);
      expect(copied.organisations).toEqual({
        organisations: 2,
        organisation_links: 1,
        members: 3,
        invitations: 3,
        passkeys: 1,
        sessions: 2,
        challenges: 1,
        audit_log: before.audit.length,
        organisation_reports: 1,
        organisation_words: 1,
        member_emails: 1,
        notifications: 2,
        erased_reports: 1,
      });
      const store = await openPostgresStore(url);
      expect(await store.isErased('gone-1')).toBe(true);
      expect(await read(store)).toEqual(before);
      expect(before.invitation?.madeBy).toBe(ada.id);
      expect(before.members.find((member) => member.name === 'Cara')).toMatchObject({
        clientId: 'client-9',
        removedAt: expect.any(String),
      });
      // The copy goes on as the relay would: Ada's session still signs her in, the challenge is taken once, and the
      // audit log numbers a new entry after the copied ones.
      expect((await signedIn(store, cookie)).ok).toBe(true);
      expect(await store.takeChallenge('challenge-1')).toMatchObject({ purpose: 'sign-in' });
      await store.appendAudit({ organisationId: organisation.id, at: '2029-01-01T00:00:00.000Z', action: 'later' });
      expect((await store.audit(organisation.id)).map((entry) => entry.action)).toEqual([
        ...before.audit.map((entry) => entry.action),
        'later',
      ]);
      await store.close();
      await expect(copySqliteToPostgres(dataDir, url)).rejects.toThrow(/holds relay data already/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

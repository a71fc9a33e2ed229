// `npm run token`: prints one token on a line by itself, which the relay on the same data folder accepts.
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { readClaimsUnverified } from '../shared/protocol/tokens.ts';
import { memberRefusals } from '../shared/protocol/member-access.ts';
import { secretFileName } from './auth.ts';
import { createOrganisation } from './organisations/members.ts';
import { openSqliteStore } from './storage/sqlite.ts';
import { startPostgres, type TestPostgres } from './test-engines.ts';
import { TestSession, api } from './testing.ts';

const session = new TestSession();
afterEach(() => session.cleanup());

function token(args: string[], env: Record<string, string>) {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('./token-cli.ts', import.meta.url)), ...args],
    {
      env: { ...process.env, RELAY_SECRET: '', ...env },
      encoding: 'utf8',
    },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run token', () => {
  it('prints a token the relay accepts, signed with the secret it keeps in its data folder', async () => {
    const dataDir = join(session.folder(), 'data');
    const made = token(['--doc', 'report-1', '--role', 'reviewer', '--ttl', '2h'], { DATA_DIR: dataDir });
    expect(made.status).toBe(0);
    expect(made.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const claims = readClaimsUnverified(made.stdout.trim())!;
    expect(claims).toMatchObject({ doc: 'report-1', role: 'reviewer' });
    expect(claims.exp - claims.iat).toBe(7200);
    expect(statSync(join(dataDir, secretFileName)).mode & 0o777).toBe(0o600);

    const relay = await session.process({ DATA_DIR: dataDir, RELAY_SECRET: '' });
    const listed = await api(relay, 'GET', '/api/reports/report-1/links', { token: made.stdout.trim() });
    expect(listed.status).toBe(200);
    expect(listed.body.links).toEqual([expect.objectContaining({ jti: claims.jti, role: 'reviewer' })]);
  });

  it('with DATABASE_URL, keeps the link and the secret in PostgreSQL, where a relay on the same database finds them', async () => {
    let postgres: TestPostgres | undefined;
    try {
      postgres = await startPostgres();
      const databaseUrl = await postgres.database();
      // Two different data folders: nothing is shared through files.
      const made = token(['--doc', 'report-pg', '--role', 'mentor', '--ttl', '1d'], {
        DATA_DIR: join(session.folder(), 'token-data'),
        DATABASE_URL: databaseUrl,
      });
      expect(made.stderr).toBe('');
      expect(made.status).toBe(0);
      const claims = readClaimsUnverified(made.stdout.trim())!;

      const relay = await session.process({
        DATA_DIR: join(session.folder(), 'relay-data'),
        DATABASE_URL: databaseUrl,
        RELAY_SECRET: '',
      });
      const listed = await api(relay, 'GET', '/api/reports/report-pg/links', { token: made.stdout.trim() });
      expect(listed.status).toBe(200);
      expect(listed.body.links).toEqual([expect.objectContaining({ jti: claims.jti, role: 'mentor' })]);
    } finally {
      await postgres?.stop();
    }
  }, 60_000);

  it('makes no reviewer’s token for a report registered with an organisation, whose quality reviewers review it', async () => {
    const dataDir = join(session.folder(), 'data');
    const store = openSqliteStore(dataDir);
    const made = await createOrganisation(store, { name: 'Bright Tutors', kind: 'agency', administrator: 'Ada Admin' });
    if (!made.ok) throw new Error(made.problem);
    await store.addReport({
      reportId: 'owned-1',
      organisationId: made.value.organisation.id,
      ownerId: made.value.member.id,
      createdAt: '2026-12-01T10:00:00.000Z',
    });
    await store.close();
    const refused = token(['--doc', 'owned-1', '--role', 'reviewer'], { DATA_DIR: dataDir });
    expect(refused.status).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain(memberRefusals.reviewerLink);
    expect(token(['--doc', 'owned-1', '--role', 'teacher'], { DATA_DIR: dataDir }).status).toBe(0);
  });

  it.each([
    [['--role', 'tutor'], /--doc must be a report id/],
    [['--doc', 'a b', '--role', 'tutor'], /--doc must be a report id.*not "a b"/],
    [['--doc', 'r1', '--role', 'admin'], /--role must be one of tutor, mentor, reviewer, client, teacher, not "admin"/],
    [['--doc', 'r1', '--role', 'tutor', '--ttl', 'soon'], /--ttl: "soon" is not a time-to-live/],
    [['--doc', 'r1', '--role', 'tutor', '--colour', 'blue'], /Unknown option '--colour'/],
  ])('refuses %j with a reason and the usage', (args, reason) => {
    const made = token(args, { DATA_DIR: join(session.folder(), 'data') });
    expect(made.status).toBe(1);
    expect(made.stdout).toBe('');
    expect(made.stderr).toMatch(reason);
    expect(made.stderr).toContain('Usage: npm run token -- --doc <report id> --role');
  });
});

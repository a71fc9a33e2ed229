// `npm run admin`: a consistent backup of the SQLite data while it is being written, and clear refusals.
// (copy-to-postgres is tested against a real PostgreSQL in relay/storage/postgres.test.ts.)
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { closeCodes, refusalReasons } from '../shared/protocol/limits.ts';
import type { MemberTokenGrant } from '../shared/protocol/organisations.ts';
import { createOrganisation, invite } from './organisations/members.ts';
import { startSession } from './organisations/sessions.ts';
import { databaseFileName, openSqliteStore } from './storage/sqlite.ts';
import { TestSession } from './testing.ts';

const session = new TestSession();
afterEach(() => session.cleanup());

function admin(args: string[], env: Record<string, string> = {}) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('./admin-cli.ts', import.meta.url)), ...args],
    {
      env: { ...process.env, DATABASE_URL: '', ...env },
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('exit', (status) => resolve({ status, stdout, stderr })),
  );
}

describe('npm run admin -- backup', () => {
  it('copies the SQLite data consistently while it is being written', async () => {
    const dataDir = session.folder();
    const store = openSqliteStore(dataDir);
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    let writing = true;
    const written = (async () => {
      for (let i = 0; writing; i++) {
        doc.getText('body').insert(doc.getText('body').length, `${i} `);
        await store.append('report-1', updates.at(-1)!);
        // Writes keep coming while the backup runs, with room for the event loop to hear the backup end.
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    })();
    const file = join(session.folder(), 'backup.sqlite');
    const backup = await admin(['backup', '--from', dataDir, '--to', file]);
    writing = false;
    await written;
    await store.close();
    expect(backup).toMatchObject({ status: 0, stdout: `Backed up ${dataDir} to ${file}.\n` });

    // The copy opens as a data folder of its own, with a prefix of what was written, in order.
    const restoredDir = session.folder();
    copyFileSync(file, join(restoredDir, databaseFileName));
    const restored = openSqliteStore(restoredDir);
    const loaded = await restored.load('report-1');
    await restored.close();
    expect(loaded.length).toBeGreaterThan(0);
    loaded.forEach((update, i) => expect(Buffer.from(update).equals(Buffer.from(updates[i]))).toBe(true));
  });

  it.each([
    [
      ['backup', '--to', 'x.sqlite', '--from', '/nonexistent-margin'],
      /There is no margin.sqlite in \/nonexistent-margin/,
    ],
    [['backup'], /backup needs a file to write: --to <file>/],
    [['copy-to-postgres', '--from', '/tmp'], /copy-to-postgres needs the database/],
    [['copy-to-postgres', '--to', 'mysql://x/y'], /DATABASE_URL must be a postgres:\/\/ address/],
    [['restore-everything'], /There is no command "restore-everything"/],
    [[], /Say which command to run/],
  ])('refuses %j with a reason and the usage', async (args, reason) => {
    const result = await admin(args);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(reason);
    expect(result.stderr).toContain('Usage: npm run admin --');
    expect(existsSync('x.sqlite')).toBe(false);
  });
});

describe('npm run admin -- organisations', () => {
  it('makes an organisation on a fresh data folder, prints the administrator’s link, and lists its members', async () => {
    const dataDir = session.folder();
    const env = { DATA_DIR: dataDir, PUBLIC_ORIGIN: 'https://margin.example.org' };
    const made = await admin(
      ['create-organisation', '--name', 'Hill School', '--kind', 'school', '--admin', 'Sol'],
      env,
    );
    expect(made.status).toBe(0);
    expect(made.stdout).toMatch(/^Made Hill School \(School\), organisation [0-9a-f-]{36}\./);
    expect(made.stdout).toMatch(/^https:\/\/margin\.example\.org\/invitation#token=[A-Za-z0-9_-]{43}$/m);
    const organisationId = /organisation ([0-9a-f-]{36})/.exec(made.stdout)![1];

    const members = await admin(['members', '--organisation', organisationId], env);
    expect(members).toMatchObject({
      status: 0,
      stdout: expect.stringMatching(/^[0-9a-f-]{36} {2}Sol, Administrator\n$/),
    });

    const refused = await admin(['invite', '--organisation', organisationId, '--name', 'Tom', '--role', 'king'], env);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^There is no role "king"\. Roles: administrator, quality-reviewer/);
  });
});

describe('npm run admin -- remove-member', () => {
  it('cuts the member off a running relay that was told nothing: their open socket closes (4410)', async () => {
    const dataDir = session.folder();
    const store = openSqliteStore(dataDir);
    const made = await createOrganisation(store, { name: 'Bright Tutors', kind: 'agency', administrator: 'Ada' });
    if (!made.ok) throw new Error(made.problem);
    const invited = await invite(store, { organisationId: made.value.organisation.id, name: 'Tom', role: 'tutor' });
    if (!invited.ok) throw new Error(invited.problem);
    const cookie = await startSession(store, invited.value.member.id, 'Chromium');
    await store.close();
    const relay = await session.process({ DATA_DIR: dataDir });
    const asTom = (method: string, path: string, body?: unknown) =>
      fetch(`${relay.url}${path}`, {
        method,
        headers: { Origin: `http://localhost:${relay.port}`, Cookie: `margin_session=${cookie}` },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    expect((await asTom('POST', '/api/organisation/reports', { id: 'shell-removed-1' })).status).toBe(201);
    const { token } = (await (
      await asTom('GET', '/api/organisation/reports/shell-removed-1/token')
    ).json()) as MemberTokenGrant;
    const socket = await session.socket(relay, `/sync/shell-removed-1?token=${token}`);

    const removed = await admin(['remove-member', '--member', invited.value.member.id, '--from', dataDir]);
    expect(removed).toMatchObject({ status: 0, stdout: expect.stringMatching(/^Removed Tom/) });
    expect(await socket.closed).toEqual({ code: closeCodes.linkWithdrawn, reason: refusalReasons.memberRemoved });
    // Two processes start here (the relay and the command): a busy machine takes its time.
  }, 60_000);
});

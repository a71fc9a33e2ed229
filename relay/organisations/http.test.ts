// The organisations API over real HTTP, tried as a stranger would: from another site, without a session, with a
// made-up or ended session, as a member who is not an administrator, and too many times. Enrolling and signing in
// with real passkeys is tested in Chromium with its virtual authenticator (e2e/organisations.spec.ts).
import { afterEach, describe, expect, it } from 'vitest';
import { openMemoryStore } from '../storage/memory.ts';
import type { Storage } from '../storage/store.ts';
import { TestSession, type TestRelay } from '../testing.ts';
import { auditCsv, csvCell } from './audit-csv.ts';
import { invite } from './members.ts';
import { startSession } from './sessions.ts';
import { call } from './testing.ts';

const session = new TestSession();
afterEach(() => session.cleanup());

async function setUp(relay: TestRelay) {
  const made = await call(relay, 'POST', '/api/setup', {
    body: { name: 'Bright Tutors', kind: 'agency', administrator: 'Ada Admin' },
  });
  expect(made.status).toBe(201);
  return made.body as { token: string; member: { id: string } };
}

async function withStore(
  config: Parameters<TestSession['relay']>[0] = {},
): Promise<{ relay: TestRelay; store: Storage }> {
  const store = openMemoryStore();
  return { relay: await session.relay({ store, ...config }), store };
}

describe('setting up the first organisation', () => {
  it('lets the first visitor make the organisation once, from the app’s own pages only', async () => {
    const relay = await session.relay();
    expect((await call(relay, 'GET', '/api/setup')).body).toEqual({ needed: true });
    const body = { name: 'Bright Tutors', kind: 'agency', administrator: 'Ada Admin' };
    for (const sent of [null, 'https://evil.example', `http://localhost:${relay.port + 1}`]) {
      expect(await call(relay, 'POST', '/api/setup', { body, origin: sent })).toMatchObject({
        status: 403,
        body: { error: 'This request did not come from Margin’s own pages, so the relay refused it.' },
      });
    }
    expect((await call(relay, 'GET', '/api/setup')).body).toEqual({ needed: true });
    const made = await setUp(relay);
    expect(made).toMatchObject({ member: { name: 'Ada Admin', role: 'administrator' } });
    expect(made.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await call(relay, 'POST', '/api/setup', { body })).toMatchObject({
      status: 409,
      body: { error: 'This relay has an organisation already. Ask its administrator for an invitation.' },
    });
    expect((await call(relay, 'GET', '/api/setup')).body).toEqual({ needed: false });
  });

  it('says what is wrong with a set-up it cannot take', async () => {
    const relay = await session.relay();
    expect(
      await call(relay, 'POST', '/api/setup', { body: { name: 'X', kind: 'club', administrator: 'Ada' } }),
    ).toMatchObject({
      status: 400,
      body: { error: expect.stringMatching(/^The request is not what the relay expects: kind/) },
    });
    expect(
      await call(relay, 'POST', '/api/setup', { body: { name: '  ', kind: 'school', administrator: 'Ada' } }),
    ).toMatchObject({
      status: 400,
      body: { error: 'The request is not what the relay expects: name: Give the organisation’s name.' },
    });
  });
});

describe('invitations', () => {
  it('opens an invitation and makes passkey options bound to the relay’s host for that person', async () => {
    const relay = await session.relay();
    const { token } = await setUp(relay);
    expect(await call(relay, 'POST', '/api/invitations/open', { body: { token } })).toMatchObject({
      status: 200,
      body: {
        organisation: { name: 'Bright Tutors', kind: 'agency' },
        member: { name: 'Ada Admin', role: 'administrator' },
      },
    });
    const options = await call(relay, 'POST', '/api/invitations/options', { body: { token } });
    expect(options.status).toBe(200);
    expect(options.body).toMatchObject({
      rp: { id: 'localhost', name: 'Margin' },
      user: { name: 'Ada Admin', displayName: 'Ada Admin' },
      authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
      challenge: expect.stringMatching(/^[A-Za-z0-9_-]{20,}$/),
    });
  });

  it('refuses an unknown or incomplete invitation, and an answer that is not a passkey, keeping the invitation', async () => {
    const relay = await session.relay();
    const { token } = await setUp(relay);
    expect(
      await call(relay, 'POST', '/api/invitations/open', { body: { token: `${token.slice(0, 42)}x` } }),
    ).toMatchObject({
      status: 410,
      body: { error: 'This invitation is not one Margin made. Check that the link was copied in full.' },
    });
    expect(await call(relay, 'POST', '/api/invitations/open', { body: { token: 'short' } })).toMatchObject({
      status: 400,
      body: { error: 'The request is not what the relay expects: token: This invitation link is not complete.' },
    });
    const forged = {
      id: 'abc',
      rawId: 'abc',
      type: 'public-key',
      response: { clientDataJSON: 'e30', attestationObject: 'oA' },
    };
    expect(await call(relay, 'POST', '/api/invitations/enrol', { body: { token, response: forged } })).toMatchObject({
      status: 400,
      body: { error: expect.stringMatching(/^Your passkey’s answer could not be checked/) },
    });
    expect((await call(relay, 'POST', '/api/invitations/open', { body: { token } })).status).toBe(200);
  });
});

describe('sessions', () => {
  it('knows no one without a session cookie, with a made-up one or with one that has ended', async () => {
    const { relay, store } = await withStore();
    const { member } = await setUp(relay);
    expect(await call(relay, 'GET', '/api/session')).toMatchObject({ status: 401, body: { error: 'Sign in first.' } });
    expect(await call(relay, 'GET', '/api/session', { cookie: 'A'.repeat(43) })).toMatchObject({
      status: 401,
      body: { error: 'You are not signed in on this device.' },
    });
    const cookie = await startSession(store, member.id, 'Chromium');
    expect(await call(relay, 'GET', '/api/session', { cookie })).toMatchObject({
      status: 200,
      body: { member: { name: 'Ada Admin', role: 'administrator' }, organisation: { name: 'Bright Tutors' } },
    });
    const out = await call(relay, 'DELETE', '/api/session', { cookie });
    expect(out.headers.get('set-cookie')).toBe('margin_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0');
    expect(await call(relay, 'GET', '/api/session', { cookie })).toMatchObject({
      status: 401,
      body: { error: 'You signed out, or were signed out, on this device. Sign in again.' },
    });
  });

  it('refuses a signed-in write from another site, even with the member’s cookie', async () => {
    const { relay, store } = await withStore();
    const { member } = await setUp(relay);
    const cookie = await startSession(store, member.id, 'Chromium');
    const body = { name: 'Mallory', role: 'administrator' };
    expect(
      await call(relay, 'POST', '/api/organisation/members', { body, cookie, origin: 'https://evil.example' }),
    ).toMatchObject({
      status: 403,
    });
    expect(await call(relay, 'POST', '/api/organisation/members', { body, cookie, origin: null })).toMatchObject({
      status: 403,
    });
    expect((await store.members((await store.organisations())[0]!.id)).map((m) => m.name)).toEqual(['Ada Admin']);
  });

  it('limits sign-in attempts per address', async () => {
    const relay = await session.relay({ signInLimit: { attempts: 3, perMs: 60_000 } });
    for (let i = 0; i < 3; i++) expect((await call(relay, 'POST', '/api/session/options')).status).toBe(200);
    expect(await call(relay, 'POST', '/api/session/options')).toMatchObject({
      status: 429,
      body: { error: 'Too many sign-in attempts from here. Wait a few minutes, then try again.' },
    });
    expect(
      (await call(relay, 'POST', '/api/session', { body: { response: { id: 'x', type: 'public-key' } } })).status,
    ).toBe(429);
  });

  it('refuses a passkey that is not enrolled here', async () => {
    const relay = await session.relay();
    expect(
      await call(relay, 'POST', '/api/session', {
        body: { response: { id: 'not-enrolled', type: 'public-key', response: {} } },
      }),
    ).toMatchObject({
      status: 401,
      body: {
        error: 'This passkey is not enrolled with Margin here. Use the passkey you enrolled, or ask for an invitation.',
      },
    });
  });
});

describe('administering members', () => {
  it('lets an administrator invite, re-role, re-invite and remove; anyone else is refused', async () => {
    const { relay, store } = await withStore();
    const { member: ada } = await setUp(relay);
    const admin = await startSession(store, ada.id, 'Chromium');
    const invited = await call(relay, 'POST', '/api/organisation/members', {
      body: { name: 'Tom Tutor', role: 'tutor' },
      cookie: admin,
    });
    expect(invited).toMatchObject({ status: 201, body: { member: { name: 'Tom Tutor', role: 'tutor', passkeys: 0 } } });
    const tom = invited.body.member.id as string;
    const tomSession = await startSession(store, tom, 'Firefox');
    for (const [method, path] of [
      ['GET', '/api/organisation/members'],
      ['POST', '/api/organisation/members'],
      ['PATCH', `/api/organisation/members/${ada.id}`],
      ['DELETE', `/api/organisation/members/${ada.id}`],
      ['GET', '/api/organisation/audit'],
      ['GET', '/api/organisation/audit.csv'],
    ] as const) {
      const body =
        method === 'POST' ? { name: 'Sam', role: 'administrator' } : method === 'PATCH' ? { role: 'tutor' } : undefined;
      expect(await call(relay, method, path, { cookie: tomSession, body })).toMatchObject({
        status: 403,
        body: { error: 'Only the organisation’s administrators may do this.' },
      });
    }
    expect(
      await call(relay, 'PATCH', `/api/organisation/members/${tom}`, {
        cookie: admin,
        body: { role: 'quality-reviewer' },
      }),
    ).toMatchObject({ status: 200, body: { role: 'quality-reviewer' } });
    expect(await call(relay, 'DELETE', `/api/organisation/members/${ada.id}`, { cookie: admin })).toMatchObject({
      status: 409,
      body: { error: 'Ada Admin is the organisation’s only administrator: make someone else one first.' },
    });
    expect((await call(relay, 'POST', `/api/organisation/members/${tom}/invitation`, { cookie: admin })).status).toBe(
      201,
    );
    expect(await call(relay, 'DELETE', `/api/organisation/members/${tom}`, { cookie: admin })).toMatchObject({
      status: 200,
      body: { removedAt: expect.any(String) },
    });
    // Removed: their session ends at once.
    expect((await call(relay, 'GET', '/api/session', { cookie: tomSession })).status).toBe(401);
    const csv = await call(relay, 'GET', '/api/organisation/audit.csv', { cookie: admin });
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(
      String(csv.body)
        .split('\r\n')
        .map((line) => line.split(',')[2]),
    ).toEqual([
      'What',
      'organisation created',
      'member invited',
      'member invited',
      'role changed',
      'member invited again',
      'member removed',
      undefined,
    ]);
  });

  it('does not reach another organisation’s members', async () => {
    const { relay, store } = await withStore();
    const { member: ada } = await setUp(relay);
    await store.addOrganisation({
      id: 'other',
      name: 'Other School',
      kind: 'school',
      createdAt: '2030-01-01T00:00:00.000Z',
      sessionIdleMinutes: 60,
    });
    const theirs = await invite(store, { organisationId: 'other', name: 'Olga', role: 'administrator' });
    if (!theirs.ok) throw new Error(theirs.problem);
    const admin = await startSession(store, ada.id, 'Chromium');
    for (const [method, path] of [
      ['PATCH', `/api/organisation/members/${theirs.value.member.id}`],
      ['DELETE', `/api/organisation/members/${theirs.value.member.id}`],
      ['POST', `/api/organisation/members/${theirs.value.member.id}/invitation`],
    ] as const) {
      expect(
        await call(relay, method, path, { cookie: admin, body: method === 'PATCH' ? { role: 'tutor' } : undefined }),
      ).toMatchObject({
        status: 404,
        body: { error: 'Your organisation has no such member.' },
      });
    }
    expect((await store.member(theirs.value.member.id))?.role).toBe('administrator');
    const listed = await call(relay, 'GET', '/api/organisation/members', { cookie: admin });
    expect(listed.body.members.map((m: { name: string }) => m.name)).toEqual(['Ada Admin']);
  });
});

describe('the audit log as CSV', () => {
  it('quotes what needs quoting and never lets a cell run as a formula', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    const members = new Map([
      ['m1', { id: 'm1', organisationId: 'o', name: '@Ada', role: 'administrator' as const, createdAt: '' }],
    ]);
    expect(
      auditCsv([{ organisationId: 'o', at: '2030', actor: 'm1', action: 'signed in', subject: 'm1' }], members),
    ).toBe("When,Who,What,About,Details\r\n2030,'@Ada,signed in,'@Ada,\r\n");
  });
});

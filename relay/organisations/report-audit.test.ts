// Links made and withdrawn, and decisions, on a report registered with an organisation reach that organisation's
// audit log, over real HTTP, naming the member who acted when the relay knows them; a report of no organisation
// writes to no audit log.
import { afterEach, describe, expect, it } from 'vitest';
import { openMemoryStore } from '../storage/memory.ts';
import { TestSession } from '../testing.ts';
import { createOrganisation, invite } from './members.ts';
import { startSession } from './sessions.ts';
import { call } from './testing.ts';

const session = new TestSession();
afterEach(() => session.cleanup());

async function agency() {
  const store = openMemoryStore();
  const relay = await session.relay({ store });
  const made = await createOrganisation(store, { name: 'Bright Tutors', kind: 'agency', administrator: 'Ada Admin' });
  if (!made.ok) throw new Error(made.problem);
  const organisationId = made.value.organisation.id;
  const tutor = await invite(store, { organisationId, name: 'Tom Tutor', role: 'tutor' });
  if (!tutor.ok) throw new Error(tutor.problem);
  return {
    store,
    relay,
    organisationId,
    admin: await startSession(store, made.value.member.id, 'Chromium'),
    tutor: { id: tutor.value.member.id, cookie: await startSession(store, tutor.value.member.id, 'Firefox') },
  };
}

describe('the audit log of a report’s organisation', () => {
  it('records links made and withdrawn, and decisions, with who acted when the relay knows', async () => {
    const { store, relay, organisationId, admin, tutor } = await agency();
    const claimed = await call(relay, 'POST', '/api/reports', { body: { id: 'audit-1' } });
    expect(claimed.status).toBe(201);
    const own = claimed.body.token as string;
    expect(
      (
        await call(relay, 'POST', '/api/organisation/reports', {
          cookie: tutor.cookie,
          bearer: own,
          body: { id: 'audit-1' },
        })
      ).status,
    ).toBe(201);
    // Made from the tutor's signed-in browser: the session cookie names them.
    const teacher = await call(relay, 'POST', '/api/reports/audit-1/links', {
      bearer: own,
      cookie: tutor.cookie,
      body: { role: 'teacher' },
    });
    expect(teacher.status).toBe(201);
    // Made with the link alone: the relay knows only the link's role.
    const mentor = await call(relay, 'POST', '/api/reports/audit-1/links', { bearer: own, body: { role: 'mentor' } });
    expect(mentor.status).toBe(201);
    expect(
      (
        await call(relay, 'DELETE', `/api/reports/audit-1/links/${mentor.body.jti}`, {
          bearer: own,
          cookie: tutor.cookie,
        })
      ).status,
    ).toBe(200);
    // Withdrawing it again changes nothing, so nothing more is written.
    expect((await call(relay, 'DELETE', `/api/reports/audit-1/links/${mentor.body.jti}`, { bearer: own })).status).toBe(
      200,
    );
    // A member token names its member.
    const memberToken = await call(relay, 'GET', '/api/organisation/reports/audit-1/token', { cookie: tutor.cookie });
    expect(
      await call(relay, 'POST', '/api/reports/audit-1/transitions', {
        bearer: memberToken.body.token,
        body: { action: 'submit', name: 'Tom Tutor' },
      }),
    ).toMatchObject({ status: 200, body: { status: 'submitted' } });

    const entries = (await store.audit(organisationId)).filter((entry) => entry.subject === 'audit-1');
    expect(entries).toEqual([
      expect.objectContaining({ actor: tutor.id, action: 'report registered' }),
      expect.objectContaining({
        actor: tutor.id,
        action: 'link made',
        detail: expect.objectContaining({ link: teacher.body.jti, role: 'teacher', withRole: 'tutor' }),
      }),
      expect.not.objectContaining({ actor: expect.anything() }),
      expect.objectContaining({
        actor: tutor.id,
        action: 'link withdrawn',
        detail: { link: mentor.body.jti, role: 'mentor', withRole: 'tutor' },
      }),
      expect.objectContaining({
        actor: tutor.id,
        action: 'decision',
        detail: { decision: 'submit', from: 'draft', to: 'submitted', name: 'Tom Tutor', withRole: 'tutor' },
      }),
    ]);
    expect(entries[2]).toMatchObject({ action: 'link made', detail: { role: 'mentor', withRole: 'tutor' } });
    // The administrator reads them, over HTTP and as CSV.
    const log = await call(relay, 'GET', '/api/organisation/audit', { cookie: admin });
    expect(log.body.entries.map((entry: { action: string }) => entry.action)).toEqual(
      expect.arrayContaining(['link made', 'link withdrawn', 'decision']),
    );
  });

  it('writes nothing for a report no organisation has registered', async () => {
    const { store, relay, organisationId, tutor } = await agency();
    const before = (await store.audit(organisationId)).length;
    const claimed = await call(relay, 'POST', '/api/reports', { body: { id: 'loose-1' } });
    const own = claimed.body.token as string;
    const link = await call(relay, 'POST', '/api/reports/loose-1/links', {
      bearer: own,
      cookie: tutor.cookie,
      body: { role: 'reviewer' },
    });
    expect(link.status).toBe(201);
    expect((await call(relay, 'DELETE', `/api/reports/loose-1/links/${link.body.jti}`, { bearer: own })).status).toBe(
      200,
    );
    expect(
      (
        await call(relay, 'POST', '/api/reports/loose-1/transitions', {
          bearer: own,
          body: { action: 'submit', name: 'T' },
        })
      ).status,
    ).toBe(200);
    expect((await store.audit(organisationId)).length).toBe(before);
  });

  it('still gives the link made, or the decision taken, when the audit log cannot be written', async () => {
    const { store, relay, organisationId, tutor } = await agency();
    const claimed = await call(relay, 'POST', '/api/reports', { body: { id: 'audit-2' } });
    const own = claimed.body.token as string;
    await call(relay, 'POST', '/api/organisation/reports', {
      cookie: tutor.cookie,
      bearer: own,
      body: { id: 'audit-2' },
    });
    store.appendAudit = async () => {
      throw new Error('the disk is full');
    };
    expect(
      await call(relay, 'POST', '/api/reports/audit-2/links', { bearer: own, body: { role: 'teacher' } }),
    ).toMatchObject({ status: 201, body: { role: 'teacher', token: expect.any(String) } });
    expect(
      await call(relay, 'POST', '/api/reports/audit-2/transitions', {
        bearer: own,
        body: { action: 'submit', name: 'Tom Tutor' },
      }),
    ).toMatchObject({ status: 200, body: { status: 'submitted' } });
    const written = (await store.audit(organisationId)).filter((entry) => entry.subject === 'audit-2');
    expect(written.map((entry) => entry.action)).toEqual(['report registered']);
  });
});

// Saying whose learner a registered report is about, tried over real HTTP: its owner picks one of the organisation's
// clients (those its client contacts were invited for); nobody else may, nor for another organisation's report, nor
// name a client the organisation does not have, nor change it once approved.
import { afterEach, describe, expect, it } from 'vitest';
import { openMemoryStore } from '../storage/memory.ts';
import { TestSession, api } from '../testing.ts';
import { call, organisation, type SignedInMember as Member } from './testing.ts';

const session = new TestSession();
afterEach(() => session.cleanup());

async function agency() {
  const store = openMemoryStore();
  const relay = await session.relay({ store });
  const a = await organisation(store, 'Bright Tutors', {
    tutor: { role: 'tutor' },
    otherTutor: { role: 'tutor' },
    reviewer: { role: 'quality-reviewer' },
    contact: { role: 'client-contact', clientId: 'client-9' },
    secondContact: { role: 'client-contact', clientId: 'client-9' },
    otherContact: { role: 'client-contact', clientId: 'client-3' },
  });
  const b = await organisation(store, 'Other Agency', {
    tutor: { role: 'tutor' },
    contact: { role: 'client-contact', clientId: 'client-x' },
  });
  await call(relay, 'POST', '/api/organisation/reports', { cookie: a.tutor.cookie, body: { id: 'r-1' } });
  return { store, relay, a, b };
}

const setClient = (relay: Parameters<typeof call>[0], who: Member, id: string, clientId: unknown) =>
  call(relay, 'PUT', `/api/organisation/reports/${id}/client`, { cookie: who.cookie, body: { clientId } });

describe('a report’s client', () => {
  it('lists the organisation’s own clients, each once, for those who write reports and administrators', async () => {
    const { relay, a, b } = await agency();
    for (const who of [a.tutor, a.admin])
      expect(await call(relay, 'GET', '/api/organisation/clients', { cookie: who.cookie })).toMatchObject({
        status: 200,
        body: { clients: ['client-3', 'client-9'] },
      });
    expect((await call(relay, 'GET', '/api/organisation/clients', { cookie: b.tutor.cookie })).body).toEqual({
      clients: ['client-x'],
    });
    for (const who of [a.contact, a.reviewer])
      expect((await call(relay, 'GET', '/api/organisation/clients', { cookie: who.cookie })).status).toBe(403);
  });

  it('is set by the report’s owner, to one of the organisation’s clients, and then its contacts may open it', async () => {
    const { relay, a } = await agency();
    expect((await call(relay, 'GET', '/api/organisation/reports/r-1/token', { cookie: a.contact.cookie })).status).toBe(
      403,
    );
    expect(await setClient(relay, a.tutor, 'r-1', 'client-9')).toMatchObject({
      status: 200,
      body: { id: 'r-1', ownerId: a.tutor.id, clientId: 'client-9' },
    });
    expect(
      (await call(relay, 'GET', '/api/organisation/reports/r-1/token', { cookie: a.contact.cookie })).body,
    ).toMatchObject({ role: 'client' });
    const listed = await call(relay, 'GET', '/api/organisation/reports', { cookie: a.tutor.cookie });
    expect(listed.body.reports[0]).toMatchObject({ id: 'r-1', clientId: 'client-9' });
    // Changed to another client, the first client's contacts no longer open it.
    expect((await setClient(relay, a.tutor, 'r-1', 'client-3')).status).toBe(200);
    expect((await call(relay, 'GET', '/api/organisation/reports/r-1/token', { cookie: a.contact.cookie })).status).toBe(
      403,
    );
    const audit = await call(relay, 'GET', '/api/organisation/audit', { cookie: a.admin.cookie });
    expect(
      audit.body.entries
        .filter((entry: { action: string }) => entry.action === 'report client set')
        .map((entry: { actor: string; detail: unknown }) => [entry.actor, entry.detail]),
    ).toEqual([
      [a.tutor.id, { clientId: 'client-9' }],
      [a.tutor.id, { clientId: 'client-3', was: 'client-9' }],
    ]);
  });

  it('is refused to anyone else, for another organisation’s report, and for a client the organisation does not have', async () => {
    const { store, relay, a, b } = await agency();
    for (const who of [a.otherTutor, a.reviewer, a.admin, a.contact])
      expect(await setClient(relay, who, 'r-1', 'client-3')).toMatchObject({
        status: 403,
        body: { error: 'Only the report’s owner says whose learner it is about.' },
      });
    expect(await setClient(relay, b.tutor, 'r-1', 'client-x')).toMatchObject({
      status: 404,
      body: { error: 'Your organisation has no report with this id.' },
    });
    expect(await setClient(relay, a.tutor, 'r-1', 'client-x')).toMatchObject({
      status: 400,
      body: { error: 'Your organisation has no client “client-x”. Choose one from the list.' },
    });
    expect((await setClient(relay, a.tutor, 'r-1', '')).status).toBe(400);
    expect(
      await call(relay, 'PUT', '/api/organisation/reports/r-1/client', {
        cookie: a.tutor.cookie,
        body: { clientId: 'client-9' },
        origin: 'https://evil.example',
      }),
    ).toMatchObject({ status: 403 });
    expect((await store.report('r-1'))?.clientId).toBeUndefined();
  });

  it('stays as it is once the report is approved', async () => {
    const { relay, a } = await agency();
    await setClient(relay, a.tutor, 'r-1', 'client-9');
    const token = async (who: Member) =>
      (await call(relay, 'GET', '/api/organisation/reports/r-1/token', { cookie: who.cookie })).body.token;
    await api(relay, 'POST', '/api/reports/r-1/transitions', {
      token: await token(a.tutor),
      body: { action: 'submit', name: 'T' },
    });
    expect(
      await api(relay, 'POST', '/api/reports/r-1/transitions', {
        token: await token(a.reviewer),
        body: { action: 'approve', name: 'R' },
      }),
    ).toMatchObject({ status: 200 });
    expect(await setClient(relay, a.tutor, 'r-1', 'client-3')).toMatchObject({
      status: 409,
      body: { error: 'This report is approved, so its client stays as it is: their contacts may be reading it.' },
    });
  });
});

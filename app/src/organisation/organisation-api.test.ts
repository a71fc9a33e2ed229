import { afterEach, describe, expect, it, vi } from 'vitest';
import { firstReports, onSignedOut, organisationApi } from './organisation-api.ts';

const answer = (status: number, body: unknown) =>
  vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));

const member = { id: 'm1', name: 'Tom Tutor', role: 'tutor', createdAt: '2026-12-01T09:00:00.000Z' };
const organisation = { id: 'o1', name: 'Northside Tutors', kind: 'agency', sessionIdleMinutes: 60 };

describe('the organisations API from the app', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('asks for the first reports a page at a time, with the query, and stops at the last page', async () => {
    const report = (id: string) => ({
      id,
      ownerId: 'm1',
      ownerName: 'Tom',
      status: 'submitted',
      role: 'reviewer',
      changedAt: 'x',
    });
    const choices = { tutors: [{ id: 'm1', name: 'Tom' }], learners: [], clients: [], kinds: [] };
    const pages = [
      { reports: Array.from({ length: 500 }, (_, i) => report(`a${i}`)), total: 620, next: 500, choices },
      { reports: Array.from({ length: 120 }, (_, i) => report(`b${i}`)), total: 620 },
    ];
    const fetch = vi.fn(
      async (_path: string) =>
        new Response(JSON.stringify(pages.shift()), { status: 200, headers: { 'Content-Type': 'application/json' } }),
    );
    vi.stubGlobal('fetch', fetch);
    const answer = await firstReports({ status: ['submitted', 'resubmitted'], order: 'submitted', choices: true }, 700);
    expect(answer.ok && answer.value.reports.length).toBe(620);
    expect(answer.ok && answer.value.total).toBe(620);
    expect(answer.ok && answer.value.choices).toEqual(choices);
    // The filter's choices are asked for with the first page only.
    expect(fetch.mock.calls.map(([path]) => path)).toEqual([
      '/api/organisation/reports?status=submitted%2Cresubmitted&order=submitted&choices=true&limit=500&offset=0',
      '/api/organisation/reports?status=submitted%2Cresubmitted&order=submitted&limit=200&offset=500',
    ]);
  });

  it('reads an answer with its schema', async () => {
    vi.stubGlobal('fetch', answer(200, { member, organisation }));
    expect(await organisationApi.session()).toEqual({ ok: true, value: { member, organisation } });
  });

  it('sends a body as JSON and the invitation token only in it', async () => {
    const fetch = answer(200, { organisation: { name: 'N', kind: 'school' }, member, expiresAt: 'later' });
    vi.stubGlobal('fetch', fetch);
    await organisationApi.openInvitation('t'.repeat(43));
    expect(fetch).toHaveBeenCalledWith(
      '/api/invitations/open',
      expect.objectContaining({ method: 'POST', body: JSON.stringify({ token: 't'.repeat(43) }) }),
    );
  });

  it('gives the relay’s own words when it refuses', async () => {
    vi.stubGlobal('fetch', answer(410, { error: 'This invitation has been used already.' }));
    expect(await organisationApi.openInvitation('t'.repeat(43))).toEqual({
      ok: false,
      problem: { message: 'This invitation has been used already.', status: 410 },
    });
  });

  it('tells the signed-in indicator when the relay says nobody is signed in', async () => {
    vi.stubGlobal('fetch', answer(401, { error: 'You are no longer a member of the organisation.' }));
    const told: string[] = [];
    const stop = onSignedOut((message) => told.push(message));
    await organisationApi.members();
    stop();
    await organisationApi.members();
    expect(told).toEqual(['You are no longer a member of the organisation.']);
  });

  it('reads the audit log as the relay sends it, entries with or without who acted and their details', async () => {
    const entries = [
      { organisationId: 'o1', at: '2026-12-01T09:00:00.000Z', action: 'organisation created', detail: { name: 'N' } },
      { organisationId: 'o1', at: '2026-12-01T09:05:00.000Z', actor: 'm1', action: 'signed in', subject: 'm1' },
    ];
    const fetch = answer(200, { entries });
    vi.stubGlobal('fetch', fetch);
    expect(await organisationApi.audit()).toEqual({
      ok: true,
      value: {
        entries: [
          { at: '2026-12-01T09:00:00.000Z', action: 'organisation created', detail: { name: 'N' } },
          { at: '2026-12-01T09:05:00.000Z', actor: 'm1', action: 'signed in', subject: 'm1' },
        ],
      },
    });
    expect(fetch).toHaveBeenCalledWith('/api/organisation/audit', expect.objectContaining({ method: 'GET' }));
    vi.stubGlobal('fetch', answer(200, { entries: [{ at: 'x' }] }));
    expect(await organisationApi.audit()).toMatchObject({ ok: false });
  });

  it('says the relay could not be reached, or that its answer cannot be read', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    const unreached = await organisationApi.setupState();
    expect(unreached).toMatchObject({ ok: false, problem: { status: 0, message: /could not reach the relay/ } });
    vi.stubGlobal('fetch', answer(200, { members: [{ name: 'No id' }] }));
    expect(await organisationApi.members()).toMatchObject({
      ok: false,
      problem: { message: 'The relay sent an answer Margin cannot read.' },
    });
  });
});

import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkSignedIn } from '../organisation/signed-in.ts';
import { accessDb, type HeldLink } from './access-db.ts';
import {
  keepOutOfOrganisation,
  memberLink,
  moveIntoOrganisation,
  needsRenewal,
  registerAllClaimed,
  registerClaimed,
  renewBeforeMs,
  reportsToMove,
} from './organisation-reports.ts';

const organisation = { id: 'o1', name: 'Northside Tutors', kind: 'agency', sessionIdleMinutes: 60 };
const memberAs = (role: string) => ({ id: 'm1', name: 'Tom Tutor', role, createdAt: '2026-12-01T09:00:00.000Z' });
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** A relay that says who is signed in, and answers the reports' calls with `reports`. */
function relay(role: string | null, reports: (path: string, init: RequestInit) => Response) {
  const fetch = vi.fn(async (path: string, init: RequestInit = {}) => {
    if (path === '/api/session')
      return role ? json(200, { member: memberAs(role), organisation }) : json(401, { error: 'Sign in first.' });
    if (path === '/api/setup') return json(200, { needed: false });
    return reports(path, init);
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

/** A report this device claimed while Tom (m1) was signed in, or, with `claimedBy` null, before. */
const claimed = (reportId: string, claimedBy: string | null = 'm1'): HeldLink => ({
  reportId,
  ...(claimedBy ? { claimedBy } : {}),
  token: `tutor-link-of-${reportId}`,
  role: 'tutor',
  jti: 'j1',
  expiresAt: '2027-12-01T09:00:00.000Z',
  source: 'claimed',
  receivedAt: '2026-12-01T09:00:00.000Z',
});

const registered = (id: string) => json(201, { id, ownerId: 'm1', createdAt: '2026-12-04T06:00:00.000Z' });

describe('a signed-in member’s organisation reports', () => {
  afterEach(async () => {
    vi.unstubAllGlobals();
    await accessDb.links.clear();
  });

  it('registers a report this device claimed with its tutor link, once', async () => {
    const fetch = relay('tutor', (path) => registered(path));
    await checkSignedIn(true);
    await accessDb.links.put(claimed('r1'));
    expect(await registerClaimed(claimed('r1'))).toEqual({ ok: true, value: undefined });
    expect(fetch).toHaveBeenCalledWith(
      '/api/organisation/reports',
      expect.objectContaining({
        method: 'POST',
        body: JSON.stringify({ id: 'r1' }),
        headers: expect.objectContaining({ Authorization: 'Bearer tutor-link-of-r1' }),
      }),
    );
    const kept = (await accessDb.links.get('r1'))!;
    expect(kept.organisationId).toBe('o1');
    fetch.mockClear();
    await registerClaimed(kept);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('registers nothing for someone who neither writes reports nor observes tutors (a coordinator), and keeps trying when the relay is out of reach', async () => {
    const fetch = relay('coordinator', (path) => registered(path));
    await checkSignedIn(true);
    await accessDb.links.put(claimed('r2'));
    await registerAllClaimed();
    expect(fetch).not.toHaveBeenCalledWith('/api/organisation/reports', expect.anything());

    relay('tutor', () => {
      throw new TypeError('Failed to fetch');
    });
    await checkSignedIn(true);
    expect(await registerClaimed(claimed('r2'))).toMatchObject({ ok: false, problem: { status: 0 } });
    expect((await accessDb.links.get('r2'))!.organisationId).toBeUndefined();
    relay('tutor', () => registered('r2'));
    await registerAllClaimed();
    expect((await accessDb.links.get('r2'))!.organisationId).toBe('o1');
  });

  it('keeps a member’s token as the report’s link, to be asked for again before it expires', async () => {
    const expiresAt = new Date(Date.now() + 60 * 60_000).toISOString();
    relay('quality-reviewer', (path) =>
      path === '/api/organisation/reports/r3/token'
        ? json(200, { token: 'member-token', jti: 'j3', role: 'reviewer', readOnly: false, expiresAt })
        : json(404, { error: 'No.' }),
    );
    const asked = await memberLink('r3');
    expect(asked).toMatchObject({ ok: true, value: { token: 'member-token', role: 'reviewer', source: 'member' } });
    const kept = (await accessDb.links.get('r3'))!;
    expect(kept).toMatchObject({ source: 'member', expiresAt });
    expect(needsRenewal(kept)).toBe(false);
    expect(needsRenewal(kept, Date.parse(expiresAt) - renewBeforeMs + 1)).toBe(true);
    expect(needsRenewal(claimed('r1'), Date.parse('2030-01-01'))).toBe(false);
    expect(await memberLink('r4')).toEqual({ ok: false, problem: { message: 'No.', status: 404 } });
    expect(kept.readOnly).toBeUndefined();
    relay('coordinator', () =>
      json(200, { token: 'reader-token', jti: 'j5', role: 'reviewer', readOnly: true, expiresAt }),
    );
    expect(await memberLink('r5')).toMatchObject({ ok: true, value: { role: 'reviewer', readOnly: true } });
  });

  it('offers the reports made before signing in, moves them when asked, and keeps them out when asked', async () => {
    const fetch = relay('tutor', (_path, init) => {
      const { id } = JSON.parse(String(init.body));
      return id === 'taken'
        ? json(409, { error: 'This report is registered already, by someone else. Ask its owner to share it.' })
        : registered(id);
    });
    await checkSignedIn(true);
    await accessDb.links.bulkPut([claimed('before', null), claimed('taken', null), claimed('kept', null)]);
    await accessDb.links.put(claimed('signed-in'));
    // Made before signing in: never moved unasked.
    await registerAllClaimed();
    expect(
      fetch.mock.calls.filter(([path]) => path === '/api/organisation/reports').map(([, init]) => init?.body),
    ).toEqual([JSON.stringify({ id: 'signed-in' })]);
    expect((await reportsToMove()).map((link) => link.reportId).sort()).toEqual(['before', 'kept', 'taken']);

    await keepOutOfOrganisation([claimed('kept', null)]);
    const offered = await reportsToMove();
    expect(offered.map((link) => link.reportId).sort()).toEqual(['before', 'taken']);
    expect(await moveIntoOrganisation(offered)).toEqual({
      ok: true,
      value: {
        moved: 1,
        refused: [
          {
            reportId: 'taken',
            message: 'This report is registered already, by someone else. Ask its owner to share it.',
          },
        ],
      },
    });
    expect((await accessDb.links.get('before'))!.organisationId).toBe('o1');
    expect((await reportsToMove()).map((link) => link.reportId)).toEqual(['taken']);

    // Someone who does not write reports is offered nothing, and cannot move any.
    relay('coordinator', () => registered('x'));
    await checkSignedIn(true);
    expect(await reportsToMove()).toEqual([]);
    expect(await moveIntoOrganisation([claimed('taken', null)])).toMatchObject({
      ok: false,
      problem: { status: 401 },
    });
  });
});

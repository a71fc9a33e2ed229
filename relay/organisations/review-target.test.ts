// The organisation's review target (working days a report may wait before the queue flags it), tried over real HTTP:
// 2 until set, set by an administrator only, a whole number from 1 to 20, each change in the audit log.
import { afterEach, describe, expect, it } from 'vitest';
import { openMemoryStore } from '../storage/memory.ts';
import { TestSession } from '../testing.ts';
import { call, organisation } from './testing.ts';

const session = new TestSession();
afterEach(() => session.cleanup());

describe('the review target', () => {
  it('is 2 working days until an administrator sets another, which every member then sees', async () => {
    const store = openMemoryStore();
    const relay = await session.relay({ store });
    const a = await organisation(store, 'Bright Tutors', { reviewer: { role: 'quality-reviewer' } });
    const seen = async () =>
      (await call(relay, 'GET', '/api/session', { cookie: a.reviewer.cookie })).body.organisation.reviewTargetDays;
    expect(await seen()).toBe(2);
    const changed = await call(relay, 'PATCH', '/api/organisation', {
      cookie: a.admin.cookie,
      body: { reviewTargetDays: 5 },
    });
    expect(changed).toMatchObject({ status: 200, body: { reviewTargetDays: 5, sessionIdleMinutes: 60 * 24 * 14 } });
    expect(await seen()).toBe(5);
    // Changing the idle time alone leaves the target as it is.
    await call(relay, 'PATCH', '/api/organisation', { cookie: a.admin.cookie, body: { sessionIdleMinutes: 30 } });
    expect(await seen()).toBe(5);
    const audit = await call(relay, 'GET', '/api/organisation/audit', { cookie: a.admin.cookie });
    expect(
      audit.body.entries
        .filter((entry: { action: string }) => entry.action === 'settings changed')
        .map((entry: { detail: unknown }) => entry.detail),
    ).toEqual([{ reviewTargetDays: 5 }, { sessionIdleMinutes: 30 }]);
  });

  it('is changed by administrators only, and never another organisation’s', async () => {
    const store = openMemoryStore();
    const relay = await session.relay({ store });
    const a = await organisation(store, 'Bright Tutors', {
      reviewer: { role: 'quality-reviewer' },
      tutor: { role: 'tutor' },
      coordinator: { role: 'coordinator' },
    });
    const b = await organisation(store, 'Other Agency', {});
    for (const who of [a.reviewer, a.tutor, a.coordinator])
      expect(
        await call(relay, 'PATCH', '/api/organisation', { cookie: who.cookie, body: { reviewTargetDays: 10 } }),
      ).toMatchObject({ status: 403, body: { error: 'Only the organisation’s administrators may do this.' } });
    expect(await call(relay, 'PATCH', '/api/organisation', { body: { reviewTargetDays: 10 } })).toMatchObject({
      status: 401,
    });
    // From another site's page, an administrator's browser is refused too.
    expect(
      await call(relay, 'PATCH', '/api/organisation', {
        cookie: a.admin.cookie,
        body: { reviewTargetDays: 10 },
        origin: 'https://evil.example',
      }),
    ).toMatchObject({ status: 403 });
    // Another organisation's administrator changes only their own.
    await call(relay, 'PATCH', '/api/organisation', { cookie: b.admin.cookie, body: { reviewTargetDays: 9 } });
    expect((await store.organisation(a.organisationId))?.reviewTargetDays).toBeUndefined();
    expect((await store.organisation(b.organisationId))?.reviewTargetDays).toBe(9);
  });

  it('is a whole number of working days from 1 to 20, or a clear error and nothing changed', async () => {
    const store = openMemoryStore();
    const relay = await session.relay({ store });
    const a = await organisation(store, 'Bright Tutors', {});
    for (const [days, words] of [
      [0, 'The target is at least 1 working day.'],
      [21, 'The target is at most 20 working days.'],
      [2.5, 'Give the target as a whole number of working days, from 1 to 20.'],
      ['3', 'Give the target as a whole number of working days, from 1 to 20.'],
    ] as const) {
      const answer = await call(relay, 'PATCH', '/api/organisation', {
        cookie: a.admin.cookie,
        body: { reviewTargetDays: days },
      });
      expect(answer.status).toBe(400);
      expect(answer.body.error).toContain(words);
    }
    expect(await call(relay, 'PATCH', '/api/organisation', { cookie: a.admin.cookie, body: {} })).toMatchObject({
      status: 400,
      body: { error: expect.stringContaining('Say which setting to change.') },
    });
    expect((await store.organisation(a.organisationId))?.reviewTargetDays).toBeUndefined();
  });
});

// Test helpers for the organisations API over real HTTP: a call with a session cookie (and the app's Origin unless
// told otherwise), and an organisation with a signed-in member for each role asked for.
import type { MemberRole } from '../../shared/protocol/organisations.ts';
import type { Storage } from '../storage/store.ts';
import type { TestRelay } from '../testing.ts';
import { createOrganisation, invite } from './members.ts';
import { startSession } from './sessions.ts';

export async function call(
  relay: TestRelay,
  method: string,
  path: string,
  options: { body?: unknown; cookie?: string; origin?: string | null; bearer?: string } = {},
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON the relay answered
): Promise<{ status: number; body: any }> {
  const origin = options.origin === undefined ? `http://localhost:${relay.port}` : options.origin;
  const response = await fetch(`http://127.0.0.1:${relay.port}${path}`, {
    method,
    headers: {
      'Content-Type': 'application/json',
      ...(origin ? { Origin: origin } : {}),
      ...(options.cookie ? { Cookie: `margin_session=${options.cookie}` } : {}),
      ...(options.bearer ? { Authorization: `Bearer ${options.bearer}` } : {}),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  return { status: response.status, body: await response.json() };
}

export interface Member {
  id: string;
  cookie: string;
}

/** An organisation with a signed-in member for each role asked for. */
export async function organisation<Name extends string>(
  store: Storage,
  name: string,
  people: Record<Name, { role: MemberRole; clientId?: string }>,
): Promise<Record<Name | 'admin', Member>> {
  const made = await createOrganisation(store, { name, kind: 'agency', administrator: 'Ada Admin' });
  if (!made.ok) throw new Error(made.problem);
  const members = {
    admin: { id: made.value.member.id, cookie: await startSession(store, made.value.member.id, 'Chromium') },
  } as Record<Name | 'admin', Member>;
  for (const [person, facts] of Object.entries(people) as [Name, { role: MemberRole; clientId?: string }][]) {
    const invited = await invite(store, { organisationId: made.value.organisation.id, name: person, ...facts });
    if (!invited.ok) throw new Error(invited.problem);
    members[person] = { id: invited.value.member.id, cookie: await startSession(store, invited.value.member.id, 'x') };
  }
  return members;
}

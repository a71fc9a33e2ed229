// What the organisations' tests share: HTTP calls as a signed-in browser makes them (its session cookie, the app's
// Origin, a link as `Authorization: Bearer`), and an organisation with a signed-in member for each role asked for.
import * as Y from 'yjs';
import { recordDecision } from '../../shared/doc/status-doc.ts';
import type { MemberRole, OrganisationKind } from '../../shared/protocol/organisations.ts';
import { roomName } from '../../shared/protocol/rooms.ts';
import type { ReportStatus } from '../../shared/protocol/statuses.ts';
import { createTermlyReviewDoc } from '../../shared/reports/index.ts';
import type { Storage } from '../storage/store.ts';
import type { TestRelay } from '../testing.ts';
import { createOrganisation, invite } from './members.ts';
import { startSession } from './sessions.ts';

/** The app's own origin on a test relay. */
export const appOrigin = (relay: TestRelay) => `http://localhost:${relay.port}`;

/** Calls the relay over HTTP; the body is parsed JSON, or the text when it is not JSON (a CSV). */
export async function call(
  relay: TestRelay,
  method: string,
  path: string,
  options: { body?: unknown; cookie?: string; origin?: string | null; bearer?: string } = {},
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON the relay answered
): Promise<{ status: number; body: any; headers: Headers }> {
  const origin = options.origin === undefined ? appOrigin(relay) : options.origin;
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
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // CSV stays text.
  }
  return { status: response.status, body, headers: response.headers };
}

export interface SignedInMember {
  id: string;
  cookie: string;
}

/** An organisation with a signed-in member for each person asked for (named as they are keyed), and its administrator. */
export async function organisation<Name extends string>(
  store: Storage,
  name: string,
  people: Record<Name, { role: MemberRole; clientId?: string }>,
  kind: OrganisationKind = 'agency',
): Promise<Record<Name | 'admin', SignedInMember> & { organisationId: string }> {
  const made = await createOrganisation(store, { name, kind, administrator: 'Ada Admin' });
  if (!made.ok) throw new Error(made.problem);
  const organisationId = made.value.organisation.id;
  const members = {
    admin: { id: made.value.member.id, cookie: await startSession(store, made.value.member.id, 'Chromium') },
  } as Record<Name | 'admin', SignedInMember>;
  for (const [person, facts] of Object.entries(people) as [Name, { role: MemberRole; clientId?: string }][]) {
    const invited = await invite(store, { organisationId, name: person, ...facts });
    if (!invited.ok) throw new Error(invited.problem);
    members[person] = { id: invited.value.member.id, cookie: await startSession(store, invited.value.member.id, 'x') };
  }
  return Object.assign(members, { organisationId });
}

/**
 * A termly review of `teacher` for the autumn term of the academic year starting in `year`, registered to `ownerId`,
 * stored as a relay holds one (content, and a status room at `status`): for desks that need many reviews in each
 * state without writing each through the form.
 */
export async function storedTermlyReview(
  store: Storage,
  review: { organisationId: string; ownerId: string; id: string; teacher: string; year: number; status?: ReportStatus },
): Promise<void> {
  await store.addReport({
    reportId: review.id,
    organisationId: review.organisationId,
    ownerId: review.ownerId,
    createdAt: '2026-01-01T10:00:00.000Z',
  });
  const doc = new Y.Doc();
  createTermlyReviewDoc(doc, { teacherName: review.teacher, term: 'autumn', academicYear: review.year }, 'A Tutor');
  await store.append(roomName(review.id), Y.encodeStateAsUpdate(doc));
  if (!review.status || review.status === 'draft') return;
  const statusDoc = new Y.Doc();
  recordDecision(statusDoc, {
    action: 'finish',
    from: 'draft',
    to: review.status,
    by: { name: 'A Tutor', role: 'tutor' },
    at: '2026-01-02T10:00:00.000Z',
    contentHash: 'seeded',
  });
  await store.append(roomName(review.id, 'status'), Y.encodeStateAsUpdate(statusDoc));
}

// What every handler of the organisations API shares (http.ts): a refusal with its HTTP status, the answer a
// handler gives, reading a JSON body or a query of the expected shape, and the signed-in member (or administrator) a
// session cookie names.
import type { IncomingMessage } from 'node:http';
import type { z } from 'zod';
import type { Result } from '../../shared/result.ts';
import { readJsonBody } from '../request-body.ts';
import type { OrganisationStore } from '../storage/organisations.ts';
import { sessionTokenOf, signedIn } from './sessions.ts';

/** A request refused: the status and a message the person can act on (sent as `{ error }`). */
export class Problem extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface Answer {
  status: number;
  body: unknown;
  cookie?: string;
  type?: string;
}

/**
 * The address's query read by `schema`, each parameter once (the first given, as URLSearchParams.get does); a 400
 * with the first thing wrong in it.
 */
export function readQuery<T extends z.ZodType>(request: IncomingMessage, schema: T, fallback: string): z.infer<T> {
  const params = new URL(request.url ?? '/', 'http://relay').searchParams;
  const named = Object.fromEntries([...new Set(params.keys())].map((name) => [name, params.get(name)]));
  const asked = schema.safeParse(named);
  if (!asked.success) throw new Problem(400, asked.error.issues[0]?.message ?? fallback);
  return asked.data;
}

export async function readBody<T extends z.ZodType>(request: IncomingMessage, schema: T): Promise<z.infer<T>> {
  const body = await readJsonBody(request, schema);
  if (!body.ok) throw new Problem(body.problem.status, body.problem.reason);
  return body.value;
}

export const orRefuse = <T>(result: Result<T>, status: number): T => {
  if (!result.ok) throw new Problem(status, result.problem);
  return result.value;
};

/** The member and session a request's cookie signs in; 401 with why when it signs in no one. */
export async function signedInMember(context: { store: OrganisationStore }, request: IncomingMessage) {
  const token = sessionTokenOf(request.headers.cookie);
  if (!token) throw new Problem(401, 'Sign in first.');
  return orRefuse(await signedIn(context.store, token), 401);
}

/** The signed-in member, who must be an administrator of their organisation (403 otherwise). */
export async function signedInAdministrator(context: { store: OrganisationStore }, request: IncomingMessage) {
  const { member } = await signedInMember(context, request);
  if (member.role !== 'administrator') throw new Problem(403, 'Only the organisation’s administrators may do this.');
  return member;
}

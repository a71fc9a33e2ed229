// Calls to the relay's HTTP API (shared/protocol/api.ts) from the app. Every failure becomes a RelayApiError
// with a message a person can act on: the relay's own, or one saying the relay could not be reached.
import type { z } from 'zod';
import {
  apiPaths,
  CommentSummaries,
  ErasedReports,
  LinkGrant,
  LinkList,
  ReportVersion,
  Revocation,
  TransitionRequest,
  TransitionResult,
  type CommentSummaryRequest,
  type LinkRequest,
} from '../../../shared/protocol/api.ts';

export class RelayApiError extends Error {
  constructor(
    message: string,
    /** The HTTP status, or 0 when the relay could not be reached. */
    readonly status: number,
  ) {
    super(message);
  }
}

const unreachable = 'Margin could not reach the relay. Check your connection and try again.';

async function call<T extends z.ZodType>(
  schema: T,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
): Promise<z.infer<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
    });
  } catch {
    throw new RelayApiError(unreachable, 0);
  }
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new RelayApiError(
      response.ok ? 'The relay sent an answer Margin cannot read.' : unreachable,
      response.ok ? response.status : 0,
    );
  }
  if (!response.ok) {
    const error = (json as { error?: unknown }).error;
    throw new RelayApiError(
      typeof error === 'string' ? error : `The relay refused this (${response.status}).`,
      response.status,
    );
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new RelayApiError('The relay sent an answer Margin cannot read.', response.status);
  return parsed.data;
}

export const relayApi = {
  claim: (reportId: string, key?: string) =>
    call(LinkGrant, 'POST', apiPaths.reports, undefined, { id: reportId, key }),
  makeLink: (reportId: string, token: string, request: LinkRequest) =>
    call(LinkGrant, 'POST', apiPaths.links(reportId), token, request),
  listLinks: (reportId: string, token: string) => call(LinkList, 'GET', apiPaths.links(reportId), token),
  commentSummaries: (reports: CommentSummaryRequest['reports']) =>
    call(CommentSummaries, 'POST', apiPaths.commentSummaries, undefined, { reports }),
  erasedReports: (ids: readonly string[]) => call(ErasedReports, 'POST', apiPaths.erasedReports, undefined, { ids }),
  withdrawLink: (reportId: string, token: string, jti: string) =>
    call(Revocation, 'DELETE', apiPaths.link(reportId, jti), token),
  version: (reportId: string, token: string, version: number) =>
    call(ReportVersion, 'GET', apiPaths.version(reportId, version), token),
  decide: (reportId: string, token: string, request: TransitionRequest) => {
    // Checked here too, so a bad request is explained without a round trip.
    const checked = TransitionRequest.safeParse(request);
    if (!checked.success) return Promise.reject(new RelayApiError(checked.error.issues[0].message, 400));
    return call(TransitionResult, 'POST', apiPaths.transitions(reportId), token, checked.data);
  },
};

// Events about a report written to the audit log of the organisation it is registered with (docs/protocol.md,
// "Organisations"): links made and withdrawn, and workflow decisions. A report no organisation has registered
// has no audit log, so nothing is written for it. Who acted is the member a member token names, or else the
// member signed in on the browser that asked (its session cookie), when they belong to the report's organisation;
// a link holder who is neither is recorded by their link's role only.
import type { IncomingMessage } from 'node:http';
import type { TokenClaims } from '../../shared/protocol/tokens.ts';
import type { Storage } from '../storage/store.ts';
import { sessionTokenOf, signedIn } from './sessions.ts';

export async function auditReport(
  store: Storage,
  request: IncomingMessage,
  holder: TokenClaims,
  event: { reportId: string; action: string; at?: string; detail?: Record<string, unknown> },
): Promise<void> {
  const report = await store.report(event.reportId);
  if (!report) return;
  const actor = holder.member ?? (await signedInMemberOf(store, request, report.organisationId));
  await store.appendAudit({
    organisationId: report.organisationId,
    at: event.at ?? new Date().toISOString(),
    ...(actor ? { actor } : {}),
    action: event.action,
    subject: event.reportId,
    detail: { ...event.detail, withRole: holder.role },
  });
}

async function signedInMemberOf(
  store: Storage,
  request: IncomingMessage,
  organisationId: string,
): Promise<string | undefined> {
  const token = sessionTokenOf(request.headers.cookie);
  if (!token) return undefined;
  const member = await signedIn(store, token);
  return member.ok && member.value.member.organisationId === organisationId ? member.value.member.id : undefined;
}

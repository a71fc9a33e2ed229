// A report the organisation erased (a learner's erasure): the relay closes its rooms with 4451, or refuses a member's
// token for it with the same words. This device then drops everything it keeps of the report (its rooms' databases,
// its link, its rows in the lists and its session) and remembers only that it was erased, so opening it again says so at once.
import { closeCodes, refusalReasons } from '../../../shared/protocol/limits.ts';
import type { RelayState } from '../report-session/relay-connection.ts';
import { db } from '../store/db.ts';
import { removeCopy } from './organisation-reports.ts';
import type { AccessState } from './report-access.ts';

const erasedPrefix = 'margin.erased.';

/** Whether the relay's answer says the report was erased. */
export const saysErased = (relay: RelayState, access: AccessState): boolean =>
  (relay.kind === 'refused' && relay.code === closeCodes.reportErased) ||
  (access.kind === 'none' && access.reason === refusalReasons.reportErased);

export function wasErased(reportId: string): boolean {
  try {
    return localStorage.getItem(erasedPrefix + reportId) !== null;
  } catch {
    return false;
  }
}

/** Drops this device's copy of an erased report; its rooms must be closed on this page first. */
export async function forgetErasedReport(reportId: string): Promise<void> {
  try {
    localStorage.setItem(erasedPrefix + reportId, new Date().toISOString());
  } catch {
    // Without storage the report is still dropped; opening it again asks the relay, which says it was erased.
  }
  await removeCopy(reportId);
  // The session it recorded goes from the device's calendar and lists too.
  await db.sessions.where('reportId').equals(reportId).delete();
}

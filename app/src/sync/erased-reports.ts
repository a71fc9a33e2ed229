// A report the organisation erased (a learner's erasure): the relay closes its rooms with 4451, or refuses a member's
// token for it with the same words, or names it when the device asks which of the reports it holds were erased
// (POST /api/reports/erased: when the app starts and whenever it comes back online, so a copy never opened again
// goes too). This device then drops everything it keeps of the report (its rooms' databases, its link, its rows in
// the lists and its session) and remembers only that it was erased, so opening it again says so at once.
import { createSignal } from 'solid-js';
import { maxErasedQueryIds } from '../../../shared/protocol/api.ts';
import { closeCodes, refusalReasons } from '../../../shared/protocol/limits.ts';
import { reportIdPattern } from '../../../shared/protocol/rooms.ts';
import type { RelayState } from '../report-session/relay-connection.ts';
import { closeRoomsOf } from '../report-session/report-session.ts';
import { db } from '../store/db.ts';
import { accessDb } from './access-db.ts';
import { removeCopy } from './organisation-reports.ts';
import type { AccessState } from './report-access.ts';
import { relayApi } from './relay-api.ts';

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

const [droppedHere, setDroppedHere] = createSignal<ReadonlySet<string>>(new Set());

/** Whether this page dropped the report after the relay named it erased: a page showing it says so. */
export const droppedOnThisPage = (reportId: string): boolean => droppedHere().has(reportId);

/** The reports this device holds a copy or a link of, not yet known to be erased. */
async function heldReportIds(): Promise<string[]> {
  const [listed, linked] = await Promise.all([
    db.reports.toCollection().primaryKeys(),
    accessDb.links.toCollection().primaryKeys(),
  ]);
  return [...new Set([...listed, ...linked])].filter((id) => reportIdPattern.test(id) && !wasErased(id));
}

let asking: Promise<string[]> | undefined;

/**
 * Asks the relay which of the reports this device holds were erased, and drops each of them (closing any of its
 * rooms open on this page first); the ids dropped. Nothing happens offline, and a relay out of reach is asked again
 * next time.
 */
export function dropErasedReports(): Promise<string[]> {
  asking ??= (async () => {
    const dropped: string[] = [];
    if (!navigator.onLine) return dropped;
    const held = await heldReportIds();
    for (let start = 0; start < held.length; start += maxErasedQueryIds) {
      let erased: string[];
      try {
        ({ erased } = await relayApi.erasedReports(held.slice(start, start + maxErasedQueryIds)));
      } catch {
        return dropped;
      }
      for (const reportId of erased) {
        await closeRoomsOf(reportId);
        await forgetErasedReport(reportId);
        dropped.push(reportId);
        setDroppedHere((before) => new Set([...before, reportId]));
      }
    }
    return dropped;
  })().finally(() => (asking = undefined));
  return asking;
}

/** Drops erased reports now (the app is starting) and whenever the device comes back online. */
export function followErasures(): void {
  const drop = () =>
    void dropErasedReports().catch((error: unknown) =>
      console.error('[margin] could not drop the erased reports', error),
    );
  drop();
  window.addEventListener('online', drop);
}

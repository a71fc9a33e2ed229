// Erasing reports on this relay node and the others (a learner's erasure): the store erases all of them in one
// transaction first (relay/storage/erasure.ts), so a failure leaves every report as it was and nobody is told
// anything; then their rooms' connections close for good (4451, "This report was erased by your organisation."),
// saves already under way finish, their statuses are forgotten, and the store erases them again, so a save that was
// under way leaves nothing behind. The other nodes are told in one fan-out message naming every report, and each
// closes its own rooms and erases again once they have stopped. A node that missed the message (Redis away) looks,
// when it catches up, for erased reports among the rooms it has open.
import { closeCodes, refusalReasons } from '../shared/protocol/limits.ts';
import type { FanOut } from './cluster/fan-out.ts';
import type { Rooms } from './rooms.ts';
import type { ReportStatuses } from './statuses.ts';
import type { Storage } from './storage/store.ts';

export interface ReportErasure {
  /** Erases the reports everywhere, together: the store, this node's rooms, and the other nodes' rooms. */
  erase(reportIds: readonly string[]): Promise<void>;
}

export function reportErasure({
  rooms,
  statuses,
  store,
  fanOut,
}: {
  rooms: Rooms;
  statuses: ReportStatuses;
  store: Storage;
  fanOut: FanOut;
}): ReportErasure {
  const closeHere = async (reportIds: readonly string[]) => {
    await Promise.all(
      reportIds.map((reportId) => rooms.closeReport(reportId, closeCodes.reportErased, refusalReasons.reportErased)),
    );
    reportIds.forEach((reportId) => statuses.forget(reportId));
    await store.eraseReports(reportIds, new Date().toISOString());
  };
  fanOut.onReportsErased((reportIds) => void closeHere(reportIds).catch(() => undefined));
  // Messages may have been missed (Redis away): reports with rooms open here that were erased meanwhile go now.
  fanOut.onCatchUp(
    () =>
      void store
        .erasedAmong(rooms.reportIds())
        .then((erased) => (erased.length > 0 ? closeHere(erased) : undefined))
        .catch(() => undefined),
  );
  return {
    async erase(reportIds) {
      if (reportIds.length === 0) return;
      await store.eraseReports(reportIds, new Date().toISOString());
      await closeHere(reportIds);
      fanOut.reportsErased(reportIds);
    },
  };
}

// Erasing a report on this relay node and the others: its rooms' connections close for good (4451, "This report was
// erased by your organisation."), saves already under way finish, its status is forgotten, and then the store erases
// it (relay/storage/erasure.ts). The other nodes are told through the fan-out and do the same; each erases the
// store again once its own rooms have stopped, so a save that was under way on any node leaves nothing behind. A node
// that missed the message (Redis away) looks, when it catches up, for erased reports among the rooms it has open.
import { closeCodes, refusalReasons } from '../shared/protocol/limits.ts';
import type { FanOut } from './cluster/fan-out.ts';
import type { Rooms } from './rooms.ts';
import type { ReportStatuses } from './statuses.ts';
import type { Storage } from './storage/store.ts';

export interface ReportErasure {
  /** Erases the report everywhere: this node's rooms, the store, and the other nodes' rooms. */
  erase(reportId: string): Promise<void>;
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
  const eraseHere = async (reportId: string) => {
    await rooms.closeReport(reportId, closeCodes.reportErased, refusalReasons.reportErased);
    statuses.forget(reportId);
    await store.eraseReport(reportId, new Date().toISOString());
  };
  fanOut.onReportErased((reportId) => void eraseHere(reportId).catch(() => undefined));
  // Messages may have been missed (Redis away): a report with rooms open here that was erased meanwhile goes now.
  fanOut.onCatchUp(() => {
    for (const reportId of rooms.reportIds())
      void store
        .isErased(reportId)
        .then((erased) => (erased ? eraseHere(reportId) : undefined))
        .catch(() => undefined);
  });
  return {
    async erase(reportId) {
      await eraseHere(reportId);
      fanOut.reportErased(reportId);
    },
  };
}

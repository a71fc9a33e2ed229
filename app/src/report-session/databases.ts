// The names of the IndexedDB databases that keep a report's rooms on this device, one per room. Spelt here only:
// the report session opens them, and removing a device's copy (app/src/sync/local-copy.ts) deletes them by these names.
import type { RoomKind } from '../../../shared/protocol/rooms.ts';

const prefixes: Record<RoomKind, string> = {
  content: 'margin-report-',
  comments: 'margin-comments-',
  status: 'margin-status-',
};

export const reportDatabaseName = (reportId: string, kind: RoomKind = 'content'): string =>
  `${prefixes[kind]}${reportId}`;

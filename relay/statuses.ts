// Each report's workflow status as the relay knows it: read once from the `<id>/status` room's saved updates,
// then kept in memory. The relay is the only writer of status rooms, so its copy is the truth; a status
// change is announced to whoever listens (the rooms, which lock content and close readers who may no longer read;
// the other relay nodes, told through relay/cluster/, which set it here in turn).
import * as Y from 'yjs';
import { readStatus } from '../shared/doc/status-doc.ts';
import { roomName } from '../shared/protocol/rooms.ts';
import type { ReportStatus } from '../shared/workflow/status.ts';
import type { DocumentStore } from './storage/store.ts';

export class ReportStatuses {
  private readonly known = new Map<string, ReportStatus>();
  private readonly loading = new Map<string, Promise<ReportStatus>>();
  private readonly listeners: Array<(reportId: string, status: ReportStatus, fromOtherNode: boolean) => void> = [];

  constructor(private readonly store: DocumentStore) {}

  async load(reportId: string): Promise<ReportStatus> {
    const known = this.known.get(reportId);
    if (known) return known;
    let loading = this.loading.get(reportId);
    if (!loading) {
      loading = this.read(reportId).finally(() => this.loading.delete(reportId));
      this.loading.set(reportId, loading);
    }
    return loading;
  }

  /** The status of a report already loaded; a report never loaded is taken as a draft. */
  current(reportId: string): ReportStatus {
    return this.known.get(reportId) ?? 'draft';
  }

  /** `fromOtherNode`: another relay node took the decision (and told the others already). */
  set(reportId: string, status: ReportStatus, fromOtherNode = false): void {
    if (this.known.get(reportId) === status) return;
    this.known.set(reportId, status);
    this.listeners.forEach((listener) => listener(reportId, status, fromOtherNode));
  }

  /** Reads a report's status again from the store (another node may have changed it), and sets it. */
  async reload(reportId: string): Promise<ReportStatus> {
    const status = await this.read(reportId, true);
    this.set(reportId, status, true);
    return status;
  }

  /** Reads again every status known, after messages from other nodes may have been missed. */
  async catchUp(): Promise<void> {
    await Promise.all([...this.known.keys()].map((reportId) => this.reload(reportId)));
  }

  /** Forgets an erased report's status (a later load reads the store, which holds none). */
  forget(reportId: string): void {
    this.known.delete(reportId);
  }

  onChange(listener: (reportId: string, status: ReportStatus, fromOtherNode: boolean) => void): void {
    this.listeners.push(listener);
  }

  private async read(reportId: string, fresh = false): Promise<ReportStatus> {
    const doc = new Y.Doc();
    try {
      const updates = await this.store.load(roomName(reportId, 'status'));
      Y.transact(doc, () => updates.forEach((update) => Y.applyUpdate(doc, update)));
      const status = readStatus(doc).status;
      if (fresh) return status;
      // A status set while this was loading is newer than what was saved.
      if (!this.known.has(reportId)) this.known.set(reportId, status);
      return this.known.get(reportId)!;
    } finally {
      doc.destroy();
    }
  }
}

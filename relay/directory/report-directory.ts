// Each organisation's report directory (relay/storage/directory.ts): the one place desks get report facts from, so
// no desk opens a report to draw a row. Rows follow the documents: a content room's saved changes are read from the
// room's own document (debounced per report, on the node that holds the room), decisions set the status and its
// times as they are recorded, and a registration or a change of client or teacher writes the row again from the
// store. Reports registered before the directory existed get their rows on first need: the first time a desk asks
// for an organisation's rows on this process, its missing rows are made from the store.
import * as Y from 'yjs';
import { type Decision, readStatus, type StatusView } from '../../shared/doc/status-doc.ts';
import type { MemberFacts } from '../../shared/protocol/member-access.ts';
import { roomName } from '../../shared/protocol/rooms.ts';
import { type ReportKind, reportDefinitionOf, reportKindLabels, reportTitle } from '../../shared/reports/registry.ts';
import { isSessionReportDoc, readSessionReport } from '../../shared/reports/session-report/doc.ts';
import { sessionTimesheet } from '../../shared/timesheets/rows.ts';
import type { Log } from '../log.ts';
import type {
  DirectoryChoices,
  DirectoryContent,
  DirectoryQuery,
  DirectoryRow,
  DirectoryScope,
  DirectoryStatus,
} from '../storage/directory.ts';
import type { Storage } from '../storage/store.ts';

/** What the directory reads from a report's content document; undefined while it holds no content of a known kind. */
export function directoryContentOf(doc: Y.Doc): DirectoryContent | undefined {
  const definition = reportDefinitionOf(doc);
  if (!definition) return undefined;
  const entry = definition.index(doc);
  return {
    kindId: definition.kind,
    title: reportTitle(doc),
    learners: entry.learners.map((learner) => learner.name),
    named: (entry.people?.names ?? []).filter((name) => name.trim() !== ''),
    ...(entry.date ? { date: entry.date } : {}),
    entry,
    ...(isSessionReportDoc(doc) ? { timesheet: sessionTimesheet(readSessionReport(doc)) } : {}),
  };
}

/** The kind's name as people read it ("Session report"), for a row's kind id. */
export const kindLabel = (kindId: string): string => reportKindLabels[kindId as ReportKind] ?? kindId;

/** The decision facts a status room gives. */
export function directoryStatusOf(view: StatusView, createdAt: string): DirectoryStatus {
  const submitted = view.history.findLast((each) => each.action === 'submit' || each.action === 'resubmit');
  const approved = view.history.findLast((each) => each.action === 'approve');
  return {
    status: view.status,
    changedAt: view.history.at(-1)?.at ?? createdAt,
    ...(submitted ? { submittedAt: submitted.at } : {}),
    ...(approved ? { approvedAt: approved.at } : {}),
  };
}

/**
 * The directory's rows a member may have a part in, by the rules of shared/protocol/member-access.ts (its owner,
 * mentor and teacher; a quality reviewer's submitted reports; a coordinator's every one; a client contact's client's;
 * an appropriate body's schools' signed reviews), so the database narrows a page before a row reaches the relay.
 */
export function scopesFor(member: MemberFacts): DirectoryScope[] {
  const organisationId = member.organisationId;
  const scopes: DirectoryScope[] = [
    { organisationId, ownerId: member.id },
    { organisationId, mentorId: member.id },
    { organisationId, teacherId: member.id },
  ];
  if (member.role === 'quality-reviewer') scopes.push({ organisationId, notStatus: 'draft' });
  if (member.role === 'coordinator') scopes.push({ organisationId });
  if (member.role === 'client-contact' && member.clientId !== undefined)
    scopes.push({ organisationId, clientId: member.clientId });
  if (member.role === 'appropriate-body-reviewer')
    for (const school of member.schools ?? [])
      scopes.push({ organisationId: school, statuses: ['with-reviewer', 'reviewed'] });
  return scopes;
}

async function loadDoc(store: Storage, room: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const updates = await store.load(room);
  Y.transact(doc, () => updates.forEach((update) => Y.applyUpdate(doc, update)));
  return doc;
}

export interface ReportDirectoryOptions {
  store: Storage;
  log: Log;
  /** How long after a content room's last save its row is written; 1 s unless given. */
  debounceMs?: number;
}

export class ReportDirectory {
  private readonly pending = new Map<string, { doc: Y.Doc; timer: ReturnType<typeof setTimeout> }>();
  private readonly writing = new Set<Promise<unknown>>();
  /** Organisations whose missing rows were made on this process (or are being made). */
  private readonly filled = new Map<string, Promise<void>>();
  /** The start-up fill of every organisation, while it runs; and whether the relay is closing. */
  private background?: Promise<void>;
  private stopping = false;

  constructor(private readonly options: ReportDirectoryOptions) {}

  /** A content room saved changes: its row is written from the room's document once the room has been quiet a while. */
  contentSaved(reportId: string, doc: Y.Doc): void {
    const before = this.pending.get(reportId);
    if (before) clearTimeout(before.timer);
    const timer = setTimeout(() => void this.writeContent(reportId), this.options.debounceMs ?? 1000);
    timer.unref?.();
    this.pending.set(reportId, { doc, timer });
  }

  /** A decision was recorded: the row takes its status and times at once (and any content change waiting). */
  async decided(reportId: string, decision: Decision): Promise<void> {
    await this.track(async () => {
      if (this.pending.has(reportId)) await this.writeContent(reportId);
      await this.options.store.setDirectoryStatus(reportId, {
        status: decision.to,
        changedAt: decision.at,
        ...(decision.action === 'submit' || decision.action === 'resubmit' ? { submittedAt: decision.at } : {}),
        ...(decision.action === 'approve' ? { approvedAt: decision.at } : {}),
      });
    }, reportId);
  }

  /** Writes a registered report's whole row from the store (on registration, a change of client or teacher). */
  async refresh(reportId: string): Promise<void> {
    await this.track(async () => {
      const { store } = this.options;
      const report = await store.report(reportId);
      if (!report) return;
      const [content, status] = await Promise.all([
        loadDoc(store, roomName(reportId)),
        loadDoc(store, roomName(reportId, 'status')),
      ]);
      try {
        const found = directoryContentOf(content);
        const row: DirectoryRow = {
          reportId,
          organisationId: report.organisationId,
          ownerId: report.ownerId,
          ...(report.mentorId ? { mentorId: report.mentorId } : {}),
          ...(report.clientId ? { clientId: report.clientId } : {}),
          ...(report.teacherId ? { teacherId: report.teacherId } : {}),
          createdAt: report.createdAt,
          ...directoryStatusOf(readStatus(status), report.createdAt),
          ...(found ? { content: found } : {}),
          updatedAt: new Date().toISOString(),
        };
        await store.putDirectoryRow(row);
      } finally {
        content.destroy();
        status.destroy();
      }
    }, reportId);
  }

  /** The rows a query asks for, once the organisations it names have every registered report in the directory. */
  async rows(query: DirectoryQuery): Promise<DirectoryRow[]> {
    await this.fill(query.scopes.map((scope) => scope.organisationId));
    await this.flush();
    return this.options.store.directoryRows(query);
  }

  async count(query: DirectoryQuery): Promise<number> {
    await this.fill(query.scopes.map((scope) => scope.organisationId));
    await this.flush();
    return this.options.store.countDirectoryRows(query);
  }

  /** What the rows a query matches have among them to filter by. */
  async choices(query: DirectoryQuery): Promise<DirectoryChoices> {
    await this.fill(query.scopes.map((scope) => scope.organisationId));
    await this.flush();
    return this.options.store.directoryChoices(query);
  }

  /** One report's row, made from the store when it has none yet. */
  async row(reportId: string): Promise<DirectoryRow | undefined> {
    await this.writeContent(reportId);
    const row = await this.options.store.directoryRow(reportId);
    if (row) return row;
    await this.refresh(reportId);
    return this.options.store.directoryRow(reportId);
  }

  /**
   * Writes now the rows waiting for their rooms to be quiet (few: the rooms saved in the last second), so a desk
   * asking on this node reads what the documents say.
   */
  private async flush(): Promise<void> {
    await Promise.all([...this.pending.keys()].map((reportId) => this.writeContent(reportId)));
  }

  /**
   * Makes the missing rows of every organisation (reports registered before the directory existed), one organisation
   * after another, from start-up, so the first desk asked after an upgrade does not wait for them all: a desk asked
   * meanwhile waits only for its own organisation's fill, the one under way. Each report yields to the event loop, so
   * live traffic goes first. On several nodes each fills what it finds missing; filling a row twice writes the same row.
   */
  fillInBackground(): void {
    this.background = (async () => {
      for (const { id } of await this.options.store.organisations()) {
        if (this.stopping) return;
        await this.fill([id]);
      }
    })().catch((error: unknown) =>
      this.options.log.error(
        { problem: error instanceof Error ? error.message : String(error) },
        'could not make the directory’s missing rows at start-up (desks make them when asked)',
      ),
    );
  }

  /**
   * Stops the start-up fill, writes every row waiting, and settles once every write under way is done (before the
   * store closes).
   */
  async close(): Promise<void> {
    this.stopping = true;
    await this.background;
    await this.flush();
    while (this.writing.size > 0) await Promise.all([...this.writing]);
  }

  private fill(organisationIds: readonly string[]): Promise<unknown> {
    return Promise.all(
      [...new Set(organisationIds)].map((organisationId) => {
        let filling = this.filled.get(organisationId);
        if (!filling) {
          filling = this.fillNow(organisationId).catch((error: unknown) => {
            this.filled.delete(organisationId);
            throw error;
          });
          this.filled.set(organisationId, filling);
        }
        return filling;
      }),
    );
  }

  private async fillNow(organisationId: string): Promise<void> {
    const missing = await this.options.store.reportsMissingFromDirectory(organisationId);
    for (const reportId of missing) {
      // Closing: what is left is made on the next start (a row is missing until then, never wrong).
      if (this.stopping) {
        this.filled.delete(organisationId);
        return;
      }
      await this.refresh(reportId);
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (missing.length > 0)
      this.options.log.info(
        { organisation: organisationId, rows: missing.length },
        'made the directory’s missing rows',
      );
  }

  private async writeContent(reportId: string): Promise<void> {
    const waiting = this.pending.get(reportId);
    if (!waiting) return;
    clearTimeout(waiting.timer);
    this.pending.delete(reportId);
    // The room unloaded (and destroyed its document) before the row was written: read the saved content instead.
    if (waiting.doc.isDestroyed) return this.refresh(reportId);
    const content = directoryContentOf(waiting.doc);
    if (!content) return;
    await this.track(
      () => this.options.store.setDirectoryContent(reportId, content, new Date().toISOString()),
      reportId,
    );
  }

  /** Runs a write, logging (not throwing) a failure: a desk's row lags; the document itself is safe. */
  private async track(write: () => Promise<unknown>, reportId: string): Promise<void> {
    const running = write().catch((error: unknown) =>
      this.options.log.error(
        { report: reportId, problem: error instanceof Error ? error.message : String(error) },
        'could not write the report’s directory row',
      ),
    );
    this.writing.add(running);
    try {
      await running;
    } finally {
      this.writing.delete(running);
    }
  }
}

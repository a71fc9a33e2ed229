// The one owner of an open report on this page: its content, comments and status rooms, each opened once (from
// this device's IndexedDB, then through the relay with this device's link) however many parts of the page use
// them. Whoever needs a report acquires its session and releases it when done; the last release closes it.
import type { Awareness } from 'y-protocols/awareness';
import type { WebsocketProvider } from 'y-websocket';
import { createSignal, type Accessor } from 'solid-js';
import * as Y from 'yjs';
import { readStatus, history, type StatusView } from '../../../shared/doc/status-doc.ts';
import { roomAccess } from '../../../shared/protocol/room-access.ts';
import type { Role } from '../../../shared/protocol/roles.ts';
import { deleteLocalCopy } from '../sync/local-copy.ts';
import { openLocalReport, type LocalReport } from './local-report.ts';
import { connectToRelay, type RelayState } from './relay-connection.ts';
import { openSharedRoom, type SharedRoom } from './shared-room.ts';

export interface ContentConnection {
  /** Who is here and their carets (app/src/collab/presence.ts), shared with the content room. */
  awareness?: Awareness;
  /** The relay did not add a change this device sent, and said why. */
  onRefusedChange?: (reason: string) => void;
}

export interface ReportSession {
  readonly reportId: string;
  /** The content on this device, opened on first use and shared by every user of the session. */
  content(): Promise<LocalReport>;
  /** Changes typed here not yet saved on this device. */
  readonly pending: Accessor<number>;
  /** The content room's connection to the relay. */
  readonly contentRelay: Accessor<RelayState>;
  /** The comments room, opened on first use. */
  readonly comments: SharedRoom;
  /** The status room (written by the relay alone), opened on first use. */
  readonly status: SharedRoom & { readonly view: Accessor<StatusView> };
  /** Follows the comments (when the role may read them) and status rooms with this device's link. */
  connect(link: { token: string; role: Role }): void;
  /** Follows the content room once the content is open; again after `replaceContent`, or with another token. */
  connectContent(token: string, options?: ContentConnection): Promise<void>;
  /**
   * Makes the relay's copy this device's content: the connection and the local copy are dropped, the local
   * database deleted, and the content opened again from `update`.
   */
  replaceContent(update: Uint8Array): Promise<LocalReport>;
  /** Closes the report's rooms on this page for good (the report was erased), so their databases can be deleted. */
  closeRooms(): Promise<void>;
}

interface OpenSession {
  session: ReportSession;
  users: number;
  close(): Promise<void>;
}

const open = new Map<string, OpenSession>();

/** The report's session, opened if no one on this page holds it; give it back with `release`. */
export function acquireReportSession(reportId: string): { session: ReportSession; release: () => void } {
  let entry = open.get(reportId);
  if (!entry) {
    entry = openSession(reportId);
    open.set(reportId, entry);
  }
  entry.users++;
  const held = entry;
  let released = false;
  return {
    session: held.session,
    release() {
      if (released) return;
      released = true;
      if (--held.users > 0) return;
      if (open.get(reportId) === held) open.delete(reportId);
      void held.close();
    },
  };
}

/** Runs `use` with the report's content on this device (open already, or opened for it), then gives it back. */
export async function withReportContent<T>(reportId: string, use: (local: LocalReport) => T | Promise<T>): Promise<T> {
  const { session, release } = acquireReportSession(reportId);
  try {
    return await use(await session.content());
  } finally {
    release();
  }
}

/** Closes the report's rooms on this page for good, when anyone here holds its session (the report was erased). */
export async function closeRoomsOf(reportId: string): Promise<void> {
  await open.get(reportId)?.session.closeRooms();
}

/** How many reports have a session open on this page, for tests and measurements. */
export const openSessionCount = (): number => open.size;

function openSession(reportId: string): OpenSession {
  const [pending, setPending] = createSignal(0);
  const [contentRelay, setContentRelay] = createSignal<RelayState>({ kind: 'connecting' });
  const [view, setView] = createSignal<StatusView>({ status: 'draft', history: [] });
  let local: Promise<LocalReport> | undefined;
  let provider: WebsocketProvider | undefined;
  let contentToken: string | undefined;
  let comments: SharedRoom | undefined;
  let status: (SharedRoom & { view: Accessor<StatusView> }) | undefined;
  let closed = false;

  const content = (update?: Uint8Array) => {
    local ??= openLocalReport(reportId, setPending).then((opened) => {
      if (update) Y.applyUpdate(opened.doc, update);
      return opened;
    });
    return local;
  };
  const commentsRoom = () => {
    comments ??= openSharedRoom(reportId, 'comments');
    return comments;
  };
  const statusRoom = () => {
    if (status) return status;
    const room = openSharedRoom(reportId, 'status');
    const refresh = () => setView(readStatus(room.doc));
    history(room.doc).observe(refresh);
    void room.whenLoaded.then(() => closed || refresh());
    status = Object.assign(room, { view });
    return status;
  };
  const dropContent = async () => {
    provider?.destroy();
    provider = undefined;
    contentToken = undefined;
    const opened = local;
    local = undefined;
    await (await opened?.catch(() => undefined))?.close();
  };

  // Once: the page closes the rooms of an erased report before the last user gives the session back.
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      closed = true;
      comments?.destroy();
      status?.destroy();
      await dropContent();
    })();
    return closing;
  };

  const session: ReportSession = {
    reportId,
    content: () => content(),
    pending,
    contentRelay,
    get comments() {
      return commentsRoom();
    },
    get status() {
      return statusRoom();
    },
    connect(link) {
      if (closed) return;
      statusRoom().connect(link.token);
      if (roomAccess(link.role, 'comments', view().status).ok) commentsRoom().connect(link.token);
    },
    async connectContent(token, options = {}) {
      const opened = await content();
      if (closed || local === undefined || token === contentToken) return;
      // A new token (a member's, renewed before it expires) takes the connection over.
      provider?.destroy();
      contentToken = token;
      provider = connectToRelay(reportId, opened.doc, token, { ...options, onState: setContentRelay });
    },
    async replaceContent(update) {
      await dropContent();
      await deleteLocalCopy(reportId);
      return content(update);
    },
    closeRooms: () => close(),
  };

  return { session, users: 0, close };
}

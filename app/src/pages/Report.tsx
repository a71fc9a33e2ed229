// A report opened from this device or from a share link: saved here first, shared through the relay with
// this device's link for it (app/src/sync), its rooms held by its report session (app/src/report-session).
// Its status comes from the relay's `<id>/status` document; the
// form is read-only when the link's role may not write or the report is locked, and changes the relay would
// not take are kept aside and shown (app/src/sync/kept-changes.ts). Whoever may not write reads it: the page
// provides that to everything on it (collab/reading.tsx), so no writer's checks, hints or panels are drawn for them.
import { NextToReview } from '../organisation/NextToReview.tsx';
import { ReportClient } from '../organisation/ReportClient.tsx';
import { useParams } from '@solidjs/router';
import { createEffect, createSignal, Match, on, onCleanup, onMount, Show, Switch } from 'solid-js';
import * as Y from 'yjs';
import type { StatusView } from '../../../shared/doc/index.ts';
import { isMarginReportDoc, reportDefinitionOf, reportTitle, roleWord } from '../../../shared/reports/index.ts';
import { reportFacts } from '../../../shared/reports/report-facts.ts';
import { isLockedRefusal } from '../../../shared/protocol/limits.ts';
import { mayEditContent } from '../../../shared/protocol/room-access.ts';
import { reportIdPattern } from '../../../shared/protocol/rooms.ts';
import { ReportForm } from '../forms/ReportForm.tsx';
import { ReportHistory } from '../collab/ReportHistory.tsx';
import { ChangedSinceSentBack } from '../history/ChangedSinceSentBack.tsx';
import type { VersionsSource } from '../history/HistoryVersions.tsx';
import { createPresence, PresenceContext, type Presence } from '../collab/presence.ts';
import { WhoIsHere } from '../collab/WhoIsHere.tsx';
import '../collab/print.css';
import { createReading, Reading } from '../collab/reading.tsx';
import { powers } from '../../../shared/protocol/roles.ts';
import type { LocalReport } from '../report-session/local-report.ts';
import { fetchRelayCopy, type RelayState } from '../report-session/relay-connection.ts';
import { ReportSessionProvider, useReportSession } from '../report-session/ReportSession.tsx';
import { indexReport, indexReportStatus } from '../store/report-index.ts';
import { KeptChanges } from '../sync/KeptChanges.tsx';
import { droppedOnThisPage, forgetErasedReport, saysErased, wasErased } from '../sync/erased-reports.ts';
import { keepRefusedChanges } from '../sync/kept-changes.ts';
import { noLinkReason, watchAccess, type AccessState } from '../sync/report-access.ts';
import { ShareDialog } from '../sync/ShareDialog.tsx';
import { capitalised, RoleWords } from '../collab/role-words.ts';
import { nameFromLink, yourName } from '../collab/your-name.ts';
import { readClaimsUnverified } from '../../../shared/protocol/tokens.ts';
import { SyncStatus } from '../sync/SyncStatus.tsx';
import { checkBeforeSubmit } from '../forms/SubmissionChecks.tsx';
import { StatusBanner } from '../workflow/StatusBanner.tsx';
import { WorkflowActions } from '../workflow/WorkflowActions.tsx';
import { CommentsLayout } from '../comments/CommentsLayout.tsx';
import { RejectionThreads } from '../comments/RejectionThreads.tsx';
import { createReportComments } from '../comments/report-comments.ts';

export function Report() {
  const params = useParams<{ id: string }>();
  return (
    <Show
      when={reportIdPattern.test(params.id)}
      fallback={<Problem text="This link does not name a Margin report. Check that it was copied in full." />}
    >
      <ReportSessionProvider reportId={params.id}>
        <OpenReport id={params.id} />
      </ReportSessionProvider>
    </Show>
  );
}

function OpenReport(props: { id: string }) {
  const session = useReportSession();
  // The report this page opened. props.id follows the route, which has already moved on (to an assignment's id,
  // say) when the page is closed and indexes the report's last edits.
  const openedId = props.id;
  const [local, setLocal] = createSignal<LocalReport | null>(null);
  const [isReport, setIsReport] = createSignal(false);
  const [failure, setFailure] = createSignal('');
  const relay = session.contentRelay;
  const pending = session.pending;
  const [title, setTitle] = createSignal('');
  const [access, setAccess] = createSignal<AccessState>({ kind: 'checking' });
  const [status, setStatus] = createSignal<StatusView>({ status: 'draft', history: [] });
  const [keepProblem, setKeepProblem] = createSignal('');
  const [presence, setPresence] = createSignal<Presence | null>(null);
  // The home page's pending actions (rejected with a reason, done) read the status from the device's index.
  createEffect(
    on(
      session.status.view,
      (view) => {
        setStatus(view);
        void indexReportStatus(props.id, view);
      },
      { defer: true },
    ),
  );
  const comments = createReportComments(session);
  // Erased by the organisation (sync/erased-reports.ts): this device drops its copy and says so, once.
  const [erased, setErased] = createSignal(wasErased(openedId));
  let closed = false;
  let replacing = false;
  /** Set when keeping refused changes aside failed once: the page says so rather than trying again and again. */
  let keepingFailed = false;
  let indexTimer: ReturnType<typeof setTimeout> | undefined;
  let stopAccess: (() => void) | undefined;

  const link = () => {
    const state = access();
    return state.kind === 'held' ? state.link : undefined;
  };
  const readOnly = () => {
    if (relay().kind === 'refused' || access().kind === 'none') return true;
    const held = link();
    // A report made here and not yet claimed on the relay is its author's to write.
    return held ? held.readOnly === true || !mayEditContent(held.role, status().status) : false;
  };
  /** Where History reads the report as each decision found it: with the report's token, the fields this role sees. */
  const versions = (doc: Y.Doc): VersionsSource | undefined => {
    const held = link();
    // A client reads the report as approved: its earlier versions are not theirs (the relay refuses them too).
    if (!held || powers[held.role].readContent === 'approved') return undefined;
    const definition = reportDefinitionOf(doc);
    const fields = definition?.textFields ?? [];
    const seen = powers[held.role].seesInternal ? fields : fields.filter((field) => !field.internal);
    return {
      reportId: openedId,
      token: held.token,
      seesInternal: powers[held.role].seesInternal,
      fields: seen,
      facts: (version) => reportFacts(version, definition),
    };
  };
  const shownRelayState = (): RelayState => {
    const state = access();
    if (state.kind === 'none') return { kind: 'refused', code: 0, reason: state.reason };
    if (state.kind === 'claiming') return { kind: 'offline' };
    return relay();
  };

  async function openHere(): Promise<void> {
    show(await session.content());
  }

  function show(opened: LocalReport): void {
    if (closed) return;
    const { doc } = opened;
    setPresence(createPresence(doc));
    const refresh = () => {
      setIsReport(isMarginReportDoc(doc));
      setTitle(reportTitle(doc));
      clearTimeout(indexTimer);
      indexTimer = setTimeout(() => void indexReport(openedId, doc), 400);
    };
    doc.on('update', refresh);
    refresh();
    setLocal(opened);
    const held = link();
    if (held) connectContent(held.token);
  }

  function connectContent(token: string): void {
    if (!local()) return;
    void session.connectContent(token, {
      awareness: presence()?.awareness,
      onRefusedChange: (reason) => {
        if (isLockedRefusal(reason) && !replacing && !keepingFailed) void keepAsideAndReplace(token, reason);
      },
    });
  }

  /** The relay would not take this device's changes: keep them aside, then make this copy the relay's again. */
  async function keepAsideAndReplace(token: string, reason: string): Promise<void> {
    const opened = local();
    if (!opened) return;
    replacing = true;
    try {
      const relayCopy = await fetchRelayCopy(props.id, token);
      const kept = await keepRefusedChanges(props.id, opened.doc, relayCopy, reason);
      if (!kept || closed) return;
      // The session drops the content's connection at once, before the presence it carries goes.
      const replaced = session.replaceContent(Y.encodeStateAsUpdate(relayCopy));
      presence()?.destroy();
      clearTimeout(indexTimer);
      setLocal(null);
      show(await replaced);
    } catch (error) {
      keepingFailed = true;
      setKeepProblem(
        `Changes the relay did not add are still on this device, but could not be set aside: ${error instanceof Error ? error.message : String(error)}`,
      );
      if (!local() && !closed)
        await openHere().catch(() =>
          setFailure('This report could not be opened again on this device. Reload the page.'),
        );
    } finally {
      replacing = false;
    }
  }

  createEffect(() => {
    if (erased() || !(saysErased(relay(), access()) || droppedOnThisPage(openedId))) return;
    setErased(true);
    stopAccess?.();
    clearTimeout(indexTimer);
    void session
      .closeRooms()
      .then(() => forgetErasedReport(openedId))
      .catch((error: unknown) => console.error('[margin] could not drop an erased report', error));
  });

  const reading = createReading(readOnly);
  // People see each other by their name (your-name.ts), or by their role in the report's words until they give one.
  createEffect(() => {
    const name = yourName();
    const role = link()?.role;
    const opened = local();
    const kind = opened ? reportDefinitionOf(opened.doc) : undefined;
    if (name !== undefined) presence()?.introduce({ name: name ?? capitalised(roleWord(kind, role ?? 'tutor')), role });
  });

  onMount(async () => {
    if (erased()) return;
    // The link is read while the content opens: the status and comments rooms need only the link, and the
    // content room follows as soon as the content is open (show connects it).
    stopAccess = watchAccess(
      props.id,
      async () => isMarginReportDoc((await session.content()).doc),
      (state) => {
        setAccess(state);
        if (state.kind !== 'held') return;
        const claims = readClaimsUnverified(state.link.token);
        nameFromLink(claims && !claims.member ? claims.name : undefined);
        connectContent(state.link.token);
        session.connect(state.link);
        comments.connect(
          state.link.token,
          state.link.role,
          state.link.source === 'claimed' ? state.link.owner : undefined,
        );
      },
    );
    try {
      await openHere();
    } catch (error) {
      console.error('[margin] could not open report', error);
      setFailure(
        `This report could not be opened on this device: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  });

  onCleanup(() => {
    closed = true;
    clearTimeout(indexTimer);
    stopAccess?.();
    nameFromLink(undefined);
    comments.destroy();
    // The last edits' index update is made now rather than dropped (it reads the doc before the session closes it).
    const opened = local();
    if (opened && !erased()) void indexReport(openedId, opened.doc);
    presence()?.destroy();
  });

  return (
    <Switch>
      <Match when={erased()}>
        <Problem text="This report was erased by your organisation. Its copy on this device has been removed." />
      </Match>
      <Match when={failure()}>
        <Problem text={failure()} />
      </Match>
      <Match when={!local()}>
        <p role="status">Opening the report…</p>
      </Match>
      <Match when={local()} keyed>
        {(opened) => (
          <>
            <div class="report-header">
              <h1>{title() || 'Report'}</h1>
              <SyncStatus relay={shownRelayState()} pending={pending()} />
            </div>
            <Show when={opened.quarantined > 0}>
              <p class="warning" role="alert">
                {opened.quarantined} saved change{opened.quarantined === 1 ? '' : 's'} to this report could not be read
                on this device and
                {opened.quarantined === 1 ? ' was' : ' were'} set aside, not deleted. Everything else is here.
              </p>
            </Show>
            <Show
              when={isReport()}
              fallback={
                <Switch>
                  <Match when={relay().kind === 'refused'}>
                    <Problem text={(relay() as { reason: string }).reason} />
                  </Match>
                  {/* A member's refusal ("opens for quality review once it has been submitted") says why. */}
                  <Match when={access().kind === 'none' && (access() as { reason: string }).reason !== noLinkReason}>
                    <Problem text={(access() as { reason: string }).reason} />
                  </Match>
                  <Match
                    when={
                      access().kind === 'none' ||
                      (relay().kind === 'connected' && (relay() as { synced: boolean }).synced)
                    }
                  >
                    <Problem text="The relay has no report with this link. This device holds no share link for it: open the link you were sent (it has /join/ in it)." />
                  </Match>
                  <Match when={true}>
                    <p role="status">
                      This report is not on this device yet. It will appear as soon as Margin reaches the relay.
                    </p>
                  </Match>
                </Switch>
              }
            >
              <Show when={shownRelayState().kind === 'refused'}>
                <p class="warning refusal" role="alert">
                  {(shownRelayState() as { reason: string }).reason} What you see is this device’s copy.
                </p>
              </Show>
              <Show when={keepProblem()}>
                <p class="warning" role="alert">
                  {keepProblem()}
                </p>
              </Show>
              <Reading.Provider value={reading}>
                <RoleWords.Provider value={(role) => roleWord(reportDefinitionOf(opened.doc), role)}>
                  <KeptChanges reportId={props.id} />
                  <ReportClient reportId={props.id} />
                  <Show when={reportDefinitionOf(opened.doc)?.workflow.showsStatus ?? true}>
                    <StatusBanner view={status()} role={link()?.role} />
                  </Show>
                  {/* A reviewer opening a resubmitted report sees first what changed since it was sent back. */}
                  <Show when={powers[link()?.role ?? 'tutor'].reviews && !link()?.readOnly && versions(opened.doc)}>
                    {(source) => <ChangedSinceSentBack history={status().history} source={source()} />}
                  </Show>
                  <RejectionThreads comments={comments} threadIds={status().rejection?.comments} />
                  {/* The relay passes presence only to those who receive the whole report (room-access.ts). */}
                  <Show when={powers[link()?.role ?? 'tutor'].seesInternal && presence()}>
                    {(here) => <WhoIsHere people={here().people()} />}
                  </Show>
                  <Show when={link()}>
                    {(held) => (
                      <>
                        <Show when={held().source === 'shared'}>
                          <p class="muted">
                            You opened this report as {roleWord(reportDefinitionOf(opened.doc), held().role)}.
                          </p>
                        </Show>
                        <Show when={held().source === 'member'}>
                          <p class="muted">
                            You opened this report as {roleWord(reportDefinitionOf(opened.doc), held().role)}, through
                            your organisation
                            {held().readOnly ? ', to read only' : ''}.
                          </p>
                          <NextToReview reportId={props.id} />
                        </Show>
                        <Show when={shownRelayState().kind !== 'refused'}>
                          {/* Some kinds (coaching, quality, termly reviews) draw their own workflow buttons with their forms. */}
                          <Show
                            when={
                              !held().readOnly &&
                              (reportDefinitionOf(opened.doc)?.workflow.drawnBy ?? 'report-page') === 'report-page'
                            }
                          >
                            <WorkflowActions
                              reportId={props.id}
                              token={held().token}
                              role={held().role}
                              status={status().status}
                              beforeSubmit={(pastWarnings) => checkBeforeSubmit(opened.doc, pastWarnings)}
                              commentThreads={comments.threads()}
                              onDecided={(result) =>
                                setStatus((view) => ({
                                  status: result.status,
                                  // The status room may have brought this decision already.
                                  history: view.history.some(
                                    (decision) =>
                                      decision.at === result.decision.at && decision.action === result.decision.action,
                                  )
                                    ? view.history
                                    : [...view.history, result.decision],
                                  rejection: result.status === 'rejected' ? result.decision : undefined,
                                }))
                              }
                            />
                          </Show>
                          {/* Share links are made with a report's own link, never with a member's token, by roles that make them. */}
                          <Show when={held().source !== 'member' && powers[held().role].makesLinks}>
                            <ShareDialog link={held()} reportStatus={status().status} />
                          </Show>
                        </Show>
                      </>
                    )}
                  </Show>
                  <PresenceContext.Provider value={presence() ?? undefined}>
                    <CommentsLayout comments={comments} doc={opened.doc} canWrite={!readOnly()}>
                      <ReportForm
                        doc={opened.doc}
                        readOnly={readOnly()}
                        showInternal={powers[link()?.role ?? 'tutor'].seesInternal}
                      />
                    </CommentsLayout>
                  </PresenceContext.Provider>
                  <ReportHistory history={status().history} versions={versions(opened.doc)} />
                </RoleWords.Provider>
              </Reading.Provider>
            </Show>
          </>
        )}
      </Match>
    </Switch>
  );
}

function Problem(props: { text: string }) {
  return (
    <section class="card narrow">
      <h1>Report not available</h1>
      <p>{props.text}</p>
      <p>
        <a href="/">Back to your sessions</a>
      </p>
    </section>
  );
}

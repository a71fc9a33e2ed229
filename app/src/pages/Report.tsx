// A report opened from this device or from a share link: saved here first, shared through the relay.
import { useParams } from '@solidjs/router';
import { createSignal, Match, onCleanup, onMount, Show, Switch } from 'solid-js';
import type { WebsocketProvider } from 'y-websocket';
import { isSessionReportDoc, readSessionReport } from '../../../shared/doc/index.ts';
import { reportIdPattern } from '../../../shared/protocol/rooms.ts';
import { ReportForm } from '../forms/ReportForm.tsx';
import { openLocalReport, type LocalReport } from '../store/report-doc.ts';
import { indexSessionReport } from '../store/report-index.ts';
import { connectToRelay, type RelayState } from '../sync/relay-connection.ts';
import { SyncStatus } from '../sync/SyncStatus.tsx';

export function Report() {
  const params = useParams<{ id: string }>();
  return (
    <Show when={reportIdPattern.test(params.id)} fallback={<Problem text="This link does not name a Margin report. Check that it was copied in full." />}>
      <OpenReport id={params.id} />
    </Show>
  );
}

function OpenReport(props: { id: string }) {
  const [local, setLocal] = createSignal<LocalReport | null>(null);
  const [isReport, setIsReport] = createSignal(false);
  const [failure, setFailure] = createSignal('');
  const [relay, setRelay] = createSignal<RelayState>({ kind: 'connecting' });
  const [pending, setPending] = createSignal(0);
  const [title, setTitle] = createSignal('');
  let provider: WebsocketProvider | undefined;
  let closed = false;
  let indexTimer: ReturnType<typeof setTimeout> | undefined;

  onMount(async () => {
    try {
      const opened = await openLocalReport(props.id, setPending);
      if (closed) return void opened.close();
      const { doc } = opened;
      const refresh = () => {
        setIsReport(isSessionReportDoc(doc));
        if (isSessionReportDoc(doc)) {
          const report = readSessionReport(doc);
          setTitle(`${report.learners.map((l) => l.name).join(', ')}: ${report.subject}`);
        }
        clearTimeout(indexTimer);
        indexTimer = setTimeout(() => void indexSessionReport(props.id, doc), 400);
      };
      doc.on('update', refresh);
      refresh();
      setLocal(opened);
      provider = connectToRelay(props.id, doc, setRelay);
    } catch (error) {
      console.error('[margin] could not open report', error);
      setFailure(`This report could not be opened on this device: ${error instanceof Error ? error.message : String(error)}`);
    }
  });

  onCleanup(() => {
    closed = true;
    clearTimeout(indexTimer);
    provider?.destroy();
    void local()?.close();
  });

  const shareLink = () => `${window.location.origin}/report/${props.id}`;
  const [copied, setCopied] = createSignal(false);
  const copy = async () => {
    await navigator.clipboard?.writeText(shareLink()).catch(() => undefined);
    setCopied(true);
  };

  return (
    <Switch>
      <Match when={failure()}>
        <Problem text={failure()} />
      </Match>
      <Match when={!local()}>
        <p role="status">Opening the report…</p>
      </Match>
      <Match when={local()}>
        {(opened) => (
          <>
            <div class="report-header">
              <h1>{isReport() ? `Session report: ${title()}` : 'Session report'}</h1>
              <SyncStatus relay={relay()} pending={pending()} />
            </div>
            <Show when={opened().quarantined > 0}>
              <p class="warning" role="alert">
                {opened().quarantined} saved change{opened().quarantined === 1 ? '' : 's'} to this report could not be read on this device and
                {opened().quarantined === 1 ? ' was' : ' were'} set aside, not deleted. Everything else is here.
              </p>
            </Show>
            <Show
              when={isReport()}
              fallback={
                <Switch>
                  <Match when={relay().kind === 'connected' && (relay() as { synced: boolean }).synced}>
                    <Problem text="The relay has no report with this link. Ask the person who shared it to check it." />
                  </Match>
                  <Match when={relay().kind === 'refused'}>
                    <Problem text={(relay() as { reason: string }).reason} />
                  </Match>
                  <Match when={true}>
                    <p role="status">This report is not on this device yet. It will appear as soon as Margin reaches the relay.</p>
                  </Match>
                </Switch>
              }
            >
              <details class="share">
                <summary>Share this report</summary>
                <div class="field">
                  <label for="share-link">Link for a colleague</label>
                  <input id="share-link" type="text" readonly value={shareLink()} onFocus={(e) => e.currentTarget.select()} />
                </div>
                <button type="button" onClick={copy}>
                  Copy link
                </button>
                <span role="status">{copied() ? ' Copied.' : ''}</span>
              </details>
              <ReportForm doc={opened().doc} />
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

// On a report its signed-in owner registered with their organisation: whose learner it is about, chosen from the
// organisation's clients (PUT /api/organisation/reports/<id>/client; the relay lets the owner alone say, until it is
// approved). That client's contacts read the report once approved.
import { createResource, createSignal, For, Show } from 'solid-js';
import { reportWriters } from '../../../shared/protocol/member-access.ts';
import { organisationApi } from './organisation-api.ts';
import { signedIn } from './signed-in.ts';

/** The report as its owner sees it in the organisation's list, and the clients to choose from; undefined when it is
 *  not theirs (or approved, when its client stays as it is). */
async function ownersChoice(reportId: string) {
  // The owner's own reports only, from the relay's directory.
  const owner = signedIn()?.member.id;
  const [reports, clients] = await Promise.all([
    organisationApi.reports(owner ? { tutor: owner } : {}),
    organisationApi.clients(),
  ]);
  if (!reports.ok || !clients.ok) return undefined;
  const report = reports.value.reports.find((each) => each.id === reportId && each.role === 'tutor');
  return report && report.status !== 'approved' ? { report, clients: clients.value.clients } : undefined;
}

export function ReportClient(props: { reportId: string }) {
  const writer = () => {
    const role = signedIn()?.member.role;
    return role !== undefined && reportWriters.includes(role);
  };
  const [choice] = createResource(() => writer() && props.reportId, ownersChoice);
  const [picked, setPicked] = createSignal<string>();
  const [said, setSaid] = createSignal<string>();
  const [problem, setProblem] = createSignal<string>();
  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    const clientId = picked() ?? choice()?.report.clientId;
    if (!clientId) return setProblem('Choose the client first.');
    const saved = await organisationApi.setReportClient(props.reportId, clientId);
    if (!saved.ok) return setProblem(saved.problem.message);
    setProblem(undefined);
    setSaid(`This report is now about a learner of ${clientId}: their contacts read it once it is approved.`);
  };
  return (
    <Show when={choice()}>
      {(found) => (
        <form class="report-client no-print" onSubmit={save} aria-label="The report’s client">
          <Show
            when={found().clients.length > 0}
            fallback={
              <p class="muted">
                Your organisation has no clients yet: an administrator invites a client’s contact first.
              </p>
            }
          >
            <label for="report-client">Client whose learner this is about</label>{' '}
            <select
              id="report-client"
              value={picked() ?? found().report.clientId ?? ''}
              onChange={(event) => setPicked(event.currentTarget.value)}
            >
              <option value="">Not said yet</option>
              <For each={found().clients}>{(client) => <option value={client}>{client}</option>}</For>
            </select>{' '}
            <button type="submit" class="secondary">
              Save the client
            </button>
          </Show>
          <p role="status">{said()}</p>
          <Show when={problem()}>
            {(words) => (
              <p class="error" role="alert">
                {words()}
              </p>
            )}
          </Show>
        </form>
      )}
    </Show>
  );
}

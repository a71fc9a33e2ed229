// /organisation/audit: an administrator's view of the organisation's audit log (the relay's append-only record of
// invitations, sign-ins, passkeys, role changes, removals, reports registered, links made and withdrawn, and
// decisions), newest first, filtered by kind of event, with the whole log to download as CSV.
import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import { type AuditEntryView, type MemberView, organisationPaths } from '../../../shared/protocol/organisations.ts';
import { ok } from '../../../shared/result.ts';
import { Answered } from './Answered.tsx';
import { aboutWhat, type AuditKind, auditKindLabels, auditKinds, describe, kindOf, whoActed } from './audit-events.ts';
import { organisationApi } from './organisation-api.ts';
import { AdministratorsOnly } from './AdministratorsOnly.tsx';
import { signedIn } from './signed-in.ts';
import { formatMoment } from '../../../shared/forms/uk-dates.ts';
import './organisation.css';

export function AuditLogPage() {
  return (
    <AdministratorsOnly title="Audit log" what="its audit log">
      <AuditLog />
    </AdministratorsOnly>
  );
}

/** The log and the members it names (removed ones too), fetched together. */
async function loadLog() {
  const [log, members] = await Promise.all([organisationApi.audit(), organisationApi.members()]);
  if (!log.ok) return log;
  if (!members.ok) return members;
  return ok({
    entries: log.value.entries,
    members: new Map<string, MemberView>(members.value.members.map((member) => [member.id, member])),
  });
}

function AuditLog() {
  const [log] = createResource(loadLog);
  return (
    <div class="organisation-page">
      <h1>Audit log of {signedIn()?.organisation.name}</h1>
      <p>
        Everything done in the organisation, as the relay recorded it: nothing in it can be changed or taken out.{' '}
        <a href={organisationPaths.auditCsv} download="audit-log.csv">
          Download as CSV
        </a>{' '}
        (the whole log, oldest first, for a spreadsheet).
      </p>
      <Answered answer={log()} awaiting="Loading the audit log…">
        {(held) => <Entries entries={held().entries} members={held().members} />}
      </Answered>
    </div>
  );
}

function Entries(props: { entries: AuditEntryView[]; members: ReadonlyMap<string, MemberView> }) {
  const [kind, setKind] = createSignal<AuditKind | 'all'>('all');
  const newestFirst = createMemo(() =>
    props.entries
      .map((entry, order) => ({ entry, order }))
      .sort((a, b) => b.entry.at.localeCompare(a.entry.at) || b.order - a.order)
      .map(({ entry }) => entry),
  );
  const kinds = createMemo(() => {
    const present = new Set(props.entries.map(kindOf));
    return [...auditKinds, 'other' as const].filter((each) => present.has(each));
  });
  const shown = createMemo(() =>
    kind() === 'all' ? newestFirst() : newestFirst().filter((entry) => kindOf(entry) === kind()),
  );
  const which = () => (kind() === 'all' ? 'every kind of event' : auditKindLabels[kind() as AuditKind].toLowerCase());

  return (
    <section class="card" aria-labelledby="audit-heading">
      <h2 id="audit-heading">Events</h2>
      <div class="row">
        <div class="field">
          <label for="audit-kind">Show</label>
          <select
            id="audit-kind"
            value={kind()}
            onChange={(event) => setKind(event.currentTarget.value as AuditKind | 'all')}
          >
            <option value="all">Every kind of event</option>
            <For each={kinds()}>{(each) => <option value={each}>{auditKindLabels[each]}</option>}</For>
          </select>
        </div>
      </div>
      <p role="status" class="muted">
        {shown().length === props.entries.length
          ? `${props.entries.length} event${props.entries.length === 1 ? '' : 's'}.`
          : `${shown().length} of ${props.entries.length} events: ${which()}.`}
      </p>
      <Show when={shown().length > 0} fallback={<p>No events of this kind yet.</p>}>
        <div class="table-scroll">
          <table class="audit-log">
            <caption class="visually-hidden">Audit log, newest first: {which()}</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">About</th>
              </tr>
            </thead>
            <tbody>
              <For each={shown()}>
                {(entry) => (
                  <tr>
                    <td>
                      <time datetime={entry.at}>{formatMoment(entry.at)}</time>
                    </td>
                    <td>{whoActed(entry, props.members)}</td>
                    <td>{describe(entry)}</td>
                    <td>{aboutWhat(entry, props.members)}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
    </section>
  );
}

// The home page's offer to a signed-in tutor or mentor: the reports this device made before they signed in (or
// before their organisation used Margin) can be moved into the organisation, which registers each with its tutor
// link (app/src/sync/organisation-reports.ts), or kept on this device only, which is not asked again.
import { createResource, createSignal, For, Show } from 'solid-js';
import { db } from '../store/db.ts';
import { keepOutOfOrganisation, moveIntoOrganisation, reportsToMove } from '../sync/organisation-reports.ts';
import { signedIn } from './signed-in.ts';

/** Each report to move with its title as this device indexed it. */
async function offered() {
  const links = await reportsToMove();
  const rows = await db.reports.bulkGet(links.map((link) => link.reportId));
  return links.map((link, index) => ({ link, title: rows[index]?.title || 'Untitled report' }));
}

export function MoveReports() {
  const [reports, { refetch }] = createResource(() => signedIn()?.member.id, offered);
  const [busy, setBusy] = createSignal(false);
  const [status, setStatus] = createSignal('');
  const [problem, setProblem] = createSignal('');
  const organisation = () => signedIn()?.organisation.name ?? 'your organisation';
  const count = () => reports()?.length ?? 0;
  const plural = (n: number) => `${n} report${n === 1 ? '' : 's'}`;

  const move = async () => {
    setBusy(true);
    setProblem('');
    const done = await moveIntoOrganisation((reports() ?? []).map((each) => each.link));
    setBusy(false);
    if (!done.ok) return setProblem(`Nothing more was moved: ${done.problem.message}`);
    const { moved, refused } = done.value;
    setStatus(`${plural(moved)} moved into ${organisation()}.`);
    if (refused.length > 0)
      setProblem(
        `${plural(refused.length)} could not be moved: ${refused.map((each) => each.message).join(' ')} They stay on this device.`,
      );
    void refetch();
  };

  const keep = async () => {
    await keepOutOfOrganisation((reports() ?? []).map((each) => each.link));
    setStatus(`The ${plural(count())} stay on this device only; you will not be asked again.`);
    void refetch();
  };

  return (
    <>
      <Show when={count() > 0}>
        <section class="card move-reports" aria-labelledby="move-heading">
          <h2 id="move-heading">{plural(count())} made before you signed in</h2>
          <p>
            Move {count() === 1 ? 'it' : 'them'} into {organisation()} so your organisation can review{' '}
            {count() === 1 ? 'it' : 'them'} and you can open {count() === 1 ? 'it' : 'them'} on your other devices. The
            share links you made keep working.
          </p>
          <ul class="pending">
            <For each={reports()}>{(each) => <li>{each.title}</li>}</For>
          </ul>
          <div class="actions">
            <button type="button" onClick={move} disabled={busy()}>
              Move into {organisation()}
            </button>
            <button type="button" class="secondary" onClick={keep} disabled={busy()}>
              Keep on this device only
            </button>
          </div>
        </section>
      </Show>
      <Show when={status()}>
        <p role="status" class="muted">
          {status()}
        </p>
      </Show>
      <Show when={problem()}>
        <p role="alert" class="error">
          {problem()}
        </p>
      </Show>
    </>
  );
}

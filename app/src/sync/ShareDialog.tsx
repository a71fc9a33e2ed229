// "Share this report": make a link for a role at or below your own, copy it, see the links made, withdraw one.
// A withdrawn link stops working at once, for whoever has it open too.
import { createEffect, createResource, createSignal, For, on, Show } from 'solid-js';
import type { LinkSummary } from '../../../shared/protocol/api.ts';
import { canShareAs, powers, roles, shareRank, type Role } from '../../../shared/protocol/roles.ts';
import type { HeldLink } from './access-db.ts';
import { relayApi } from './relay-api.ts';
import { heldLink, shareUrl } from './report-access.ts';
import { formatMoment } from '../../../shared/forms/uk-dates.ts';
import { defaultTtlSeconds } from '../../../shared/protocol/tokens.ts';
import './sync.css';

export const roleLabels: Record<Role, string> = {
  tutor: 'Tutor',
  mentor: 'Mentor',
  reviewer: 'Reviewer',
  teacher: 'Teacher',
  client: 'Client',
};

const roleHints: Record<Role, string> = {
  tutor: 'writes the report and submits it',
  mentor: 'writes the report with you',
  reviewer: 'reads it, approves it or sends it back',
  teacher: 'reads it once submitted, without the comment to the agency',
  client: 'reads it once approved, without the comment to the agency',
};

const linkDays = defaultTtlSeconds.link / (24 * 60 * 60);

/** `reportStatus`: the panel closes when the report's status changes, so what the change asks for is in view. */
export function ShareDialog(props: { link: HeldLink; reportStatus?: string }) {
  let panel!: HTMLDetailsElement;
  createEffect(
    on(
      () => props.reportStatus,
      () => {
        panel.open = false;
      },
      { defer: true },
    ),
  );
  const [open, setOpen] = createSignal(false);
  // A report registered with an organisation is reviewed by its quality reviewers as members: no link reviews it.
  // Registering may have happened since the page took its link, so the device's copy is read again on opening.
  const [stored] = createResource(open, () => heldLink(props.link.reportId));
  const registered = () => Boolean(props.link.organisationId ?? stored()?.organisationId);
  const choices = () =>
    roles
      .filter((role) => canShareAs(props.link.role, role))
      .filter((role) => !(registered() && powers[role].reviews))
      .sort((a, b) => shareRank[b] - shareRank[a]);
  const preferred = () => (['reviewer', 'mentor'] as const).find((each) => choices().includes(each)) ?? choices()[0];
  const [role, setRole] = createSignal<Role>(preferred());
  createEffect(() => {
    if (!choices().includes(role())) setRole(preferred());
  });
  const [made, setMade] = createSignal<string>('');
  const [forName, setForName] = createSignal('');
  const [error, setError] = createSignal('');
  const [status, setStatus] = createSignal('');
  const [links, { refetch }] = createResource(open, () =>
    relayApi.listLinks(props.link.reportId, props.link.token).then((list) => list.links),
  );

  const make = async () => {
    setError('');
    setStatus('');
    try {
      const name = forName().trim().replace(/\s+/g, ' ');
      const grant = await relayApi.makeLink(props.link.reportId, props.link.token, {
        role: role(),
        ...(name ? { name } : {}),
      });
      setMade(shareUrl(props.link.reportId, grant.token));
      setStatus(name ? `Link for ${name}, as ${role()}, made.` : `Link for a ${role()} made.`);
      void refetch();
    } catch (problem) {
      setError(problem instanceof Error ? problem.message : String(problem));
    }
  };

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(made());
      setStatus('Copied.');
    } catch {
      setStatus('Select the link and copy it with Ctrl+C.');
    }
  };

  const withdraw = async (link: LinkSummary) => {
    setError('');
    try {
      await relayApi.withdrawLink(props.link.reportId, props.link.token, link.jti);
      setStatus(`The ${link.role} link made ${formatMoment(link.createdAt)} has been withdrawn.`);
      void refetch();
    } catch (problem) {
      setError(problem instanceof Error ? problem.message : String(problem));
    }
  };

  return (
    <details ref={panel} class="share" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>Share this report</summary>
      <div class="share-body">
        <div class="field">
          <label for="share-role">Who is the link for?</label>
          <select
            id="share-role"
            value={role()}
            onChange={(event) => setRole(event.currentTarget.value as Role)}
            aria-describedby="share-role-hint"
          >
            <For each={choices()}>{(choice) => <option value={choice}>{roleLabels[choice]}</option>}</For>
          </select>
          <p class="hint" id="share-role-hint">
            A {role()} {roleHints[role()]}. A link made here works for {linkDays} days, unless you withdraw it sooner
            below; your own link, from making the report, works for a year.
          </p>
        </div>
        <div class="field">
          <label for="share-name">Their name (optional)</label>
          <input
            id="share-name"
            type="text"
            maxLength={80}
            autocomplete="off"
            value={forName()}
            onInput={(event) => setForName(event.currentTarget.value)}
            aria-describedby="share-name-hint"
          />
          <p class="hint" id="share-name-hint">
            Named, the link shows that name with everything its holder comments, decides or signs, and they cannot
            change it. Left empty, they give their own name.
          </p>
        </div>
        <button type="button" onClick={make}>
          Make link
        </button>
        <Show when={made()}>
          <div class="field">
            <label for="share-link">Link to send</label>
            <input
              id="share-link"
              type="text"
              readonly
              value={made()}
              onFocus={(event) => event.currentTarget.select()}
            />
          </div>
          <button type="button" onClick={copy}>
            Copy link
          </button>
        </Show>
        <p role="status" class="share-status">
          {status()}
        </p>
        <Show when={error()}>
          <p role="alert" class="error">
            {error()}
          </p>
        </Show>
        <h2 class="share-heading">Links made for this report</h2>
        <Show
          when={!links.error}
          fallback={
            <p class="muted">{links.error instanceof Error ? links.error.message : 'The links could not be listed.'}</p>
          }
        >
          <Show
            when={(links() ?? []).length > 0}
            fallback={<p class="muted">{links.loading ? 'Loading…' : 'None yet.'}</p>}
          >
            <ul class="share-links">
              <For each={links()}>
                {(link) => (
                  <li data-jti={link.jti}>
                    <span>
                      {roleLabels[link.role]} link{link.name ? ` for ${link.name}` : ''}, made{' '}
                      {formatMoment(link.createdAt)}
                      {link.revokedAt
                        ? `, withdrawn ${formatMoment(link.revokedAt)}`
                        : `, until ${formatMoment(link.expiresAt)}`}
                      {link.jti === props.link.jti ? ' (the one this device uses)' : ''}
                    </span>
                    <Show when={!link.revokedAt && link.jti !== props.link.jti}>
                      <button
                        type="button"
                        class="secondary"
                        onClick={() => withdraw(link)}
                        aria-label={`Withdraw the ${link.role} link made ${formatMoment(link.createdAt)}`}
                      >
                        Withdraw
                      </button>
                    </Show>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </Show>
      </div>
    </details>
  );
}

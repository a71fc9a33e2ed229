// /organisation/members: an administrator's list of the organisation's members. Invite someone with a role (the
// one-time link is shown here once, to copy and send), change a member's role, make a new invitation for someone
// whose link was lost or expired, and remove a member, who is signed out everywhere at once.
import { createResource, createSignal, For, onMount, Show } from 'solid-js';
import {
  type InvitationGrant,
  InviteRequest,
  invitationLink,
  MemberRole,
  type MemberView,
  memberRoleLabels,
  memberRoles,
  ReviewTargetDays,
} from '../../../shared/protocol/organisations.ts';
import { defaultReviewTargetDays, workingDaysWords } from '../../../shared/workflow/working-days.ts';
import { Answered } from './Answered.tsx';
import { CheckedTextField } from './CheckedTextField.tsx';
import { createFieldProblems } from './field-problems.ts';
import { organisationApi } from './organisation-api.ts';
import { AdministratorsOnly } from './AdministratorsOnly.tsx';
import { organisationChanged, signedIn } from './signed-in.ts';
import { formatMoment } from '../../../shared/forms/uk-dates.ts';
import './organisation.css';

export function MembersPage() {
  return (
    <AdministratorsOnly title="Members" what="its members">
      <Members />
    </AdministratorsOnly>
  );
}

function Members() {
  const [members, { refetch }] = createResource(() => organisationApi.members());
  const [made, setMade] = createSignal<InvitationGrant>();
  const [status, setStatus] = createSignal('');
  const [problem, setProblem] = createSignal('');

  const done = (message: string) => {
    setProblem('');
    setStatus(message);
    void refetch();
  };

  const invitationMade = (grant: InvitationGrant) => {
    setMade(grant);
    done(`Invitation made for ${grant.member.name}. Copy the link below and send it to them.`);
  };

  return (
    <div class="organisation-page">
      <h1>Members of {signedIn()?.organisation.name}</h1>
      <InviteForm onInvited={invitationMade} />
      <Show when={made()} keyed>
        {(grant) => <InvitationLink grant={grant} onCopied={setStatus} />}
      </Show>
      <p role="status">{status()}</p>
      <Show when={problem()}>
        <p role="alert" class="error">
          {problem()}
        </p>
      </Show>
      <IdleTime onChanged={done} onProblem={setProblem} />
      <ReviewTarget onChanged={done} />
      <section class="card" aria-labelledby="members-heading">
        <h2 id="members-heading">Members</h2>
        <Answered answer={members()} awaiting="Loading the members…">
          {(list) => (
            <ul class="plain-list members" aria-label="Members">
              <For each={list().members.filter((member) => !member.removedAt)}>
                {(member) => (
                  <MemberRow
                    member={member}
                    isYou={member.id === signedIn()?.member.id}
                    onDone={done}
                    onProblem={setProblem}
                    onInvited={invitationMade}
                  />
                )}
              </For>
            </ul>
          )}
        </Answered>
      </section>
    </div>
  );
}

function InviteForm(props: { onInvited(grant: InvitationGrant): void }) {
  const [name, setName] = createSignal('');
  const [role, setRole] = createSignal<MemberRole>('tutor');
  const [client, setClient] = createSignal('');
  const [email, setEmail] = createSignal('');
  const fields = createFieldProblems('invite');
  const [problem, setProblem] = createSignal('');
  const [busy, setBusy] = createSignal(false);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setProblem('');
    const request = fields.check(InviteRequest, {
      name: name(),
      role: role(),
      ...(role() === 'client-contact' ? { clientId: client().trim() || undefined } : {}),
      ...(email().trim() ? { email: email() } : {}),
    });
    if (!request) return;
    setBusy(true);
    const invited = await organisationApi.invite(request);
    setBusy(false);
    if (!invited.ok) return setProblem(invited.problem.message);
    setName('');
    setClient('');
    setEmail('');
    props.onInvited(invited.value);
  };

  return (
    <form class="card invite" onSubmit={submit} novalidate aria-labelledby="invite-heading">
      <h2 id="invite-heading">Invite someone</h2>
      <div class="row">
        <CheckedTextField id="invite-name" label="Their name" value={name()} set={setName} fields={fields} />
        <div class="field">
          <label for="invite-role">Their role</label>
          <select
            id="invite-role"
            value={role()}
            onChange={(event) => setRole(event.currentTarget.value as MemberRole)}
          >
            <For each={memberRoles}>{(each) => <option value={each}>{memberRoleLabels[each]}</option>}</For>
          </select>
        </div>
        <Show when={role() === 'client-contact'}>
          <CheckedTextField
            id="invite-clientId"
            label="Their client"
            value={client()}
            set={setClient}
            fields={fields}
          />
        </Show>
        <CheckedTextField
          id="invite-email"
          label="Their e-mail address (optional)"
          hint="When the relay sends mail, the invitation and their notifications go there."
          autocomplete="off"
          value={email()}
          set={setEmail}
          fields={fields}
        />
        <div class="field">
          <button type="submit" disabled={busy()}>
            Invite
          </button>
        </div>
      </div>
      <Show when={problem()}>
        <p role="alert" class="error">
          {problem()}
        </p>
      </Show>
    </form>
  );
}

/** The choices of how long a session may go unused before it ends, in minutes. */
const idleChoices: { minutes: number; label: string }[] = [
  { minutes: 30, label: '30 minutes' },
  { minutes: 60, label: '1 hour' },
  { minutes: 60 * 8, label: '8 hours' },
  { minutes: 60 * 24, label: '1 day' },
  { minutes: 60 * 24 * 7, label: '7 days' },
  { minutes: 60 * 24 * 14, label: '14 days' },
  { minutes: 60 * 24 * 30, label: '30 days' },
  { minutes: 60 * 24 * 90, label: '90 days' },
];

/** How long a member's session may go unused before it ends and they sign in again. */
function IdleTime(props: { onChanged(message: string): void; onProblem(message: string): void }) {
  const current = () => signedIn()?.organisation.sessionIdleMinutes ?? 0;
  const [minutes, setMinutes] = createSignal(current());
  const choices = () =>
    idleChoices.some((choice) => choice.minutes === current())
      ? idleChoices
      : [...idleChoices, { minutes: current(), label: `${current()} minutes` }].sort((a, b) => a.minutes - b.minutes);
  const labelOf = (value: number) => choices().find((choice) => choice.minutes === value)?.label ?? `${value} minutes`;

  const save = async () => {
    const changed = await organisationApi.changeSettings({ sessionIdleMinutes: minutes() });
    if (!changed.ok) return props.onProblem(changed.problem.message);
    organisationChanged(changed.value);
    props.onChanged(`Sessions now end after ${labelOf(changed.value.sessionIdleMinutes)} unused.`);
  };

  return (
    <section class="card" aria-labelledby="idle-heading">
      <h2 id="idle-heading">Signing out</h2>
      <div class="row">
        <div class="field">
          <label for="idle-minutes">End a session after it is unused for</label>
          <select
            id="idle-minutes"
            value={String(minutes())}
            onChange={(event) => setMinutes(Number(event.currentTarget.value))}
          >
            <For each={choices()}>{(choice) => <option value={String(choice.minutes)}>{choice.label}</option>}</For>
          </select>
        </div>
        <div class="field">
          <button type="button" onClick={save} disabled={minutes() === current()}>
            Save
          </button>
        </div>
      </div>
    </section>
  );
}

/** How many working days a report may wait for quality review before the reviewers' queue flags it. */
function ReviewTarget(props: { onChanged(message: string): void }) {
  const current = () => signedIn()?.organisation.reviewTargetDays ?? defaultReviewTargetDays;
  const [text, setText] = createSignal(String(current()));
  const [problem, setProblem] = createSignal<string>();
  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    const typed = text().trim();
    const read = ReviewTargetDays.safeParse(typed === '' ? Number.NaN : Number(typed));
    if (!read.success) return setProblem(read.error.issues[0]?.message);
    const changed = await organisationApi.changeSettings({ reviewTargetDays: read.data });
    if (!changed.ok) return setProblem(changed.problem.message);
    setProblem(undefined);
    organisationChanged(changed.value);
    props.onChanged(
      `Reports now wait up to ${workingDaysWords(changed.value.reviewTargetDays ?? read.data)} for review before they are flagged.`,
    );
  };
  return (
    <section class="card" aria-labelledby="review-target-heading">
      <h2 id="review-target-heading">Review target</h2>
      <form class="row" onSubmit={save} novalidate>
        <div class="field">
          <label for="review-target-days">Working days a report may wait for review</label>
          <p class="hint" id="review-target-hint">
            A whole number from 1 to 20. Past it, the quality reviewers’ queue flags the report. Unless set, it is{' '}
            {workingDaysWords(defaultReviewTargetDays)}.
          </p>
          <input
            id="review-target-days"
            type="text"
            inputmode="numeric"
            size={4}
            value={text()}
            onInput={(event) => setText(event.currentTarget.value)}
            aria-describedby={`review-target-hint${problem() ? ' review-target-problem' : ''}`}
            aria-invalid={!!problem()}
          />
          <Show when={problem()}>
            <p class="error" id="review-target-problem" role="alert">
              {problem()}
            </p>
          </Show>
        </div>
        <div class="field">
          <button type="submit">Save the target</button>
        </div>
      </form>
    </section>
  );
}

/** The one time an invitation's link is shown: to copy and send by whatever way the organisation trusts. */
function InvitationLink(props: { grant: InvitationGrant; onCopied(message: string): void }) {
  let field: HTMLInputElement | undefined;
  const link = () => invitationLink(window.location.origin, props.grant.token);
  // Shown once: the link is selected, ready to copy, and a keyboard user is taken to it.
  onMount(() => field?.focus());
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link());
      props.onCopied(`The link for ${props.grant.member.name} is copied.`);
    } catch {
      props.onCopied('Select the link and copy it with Ctrl+C.');
    }
  };
  return (
    <section class="card invitation-made" aria-labelledby="invitation-made-heading">
      <h2 id="invitation-made-heading">Invitation for {props.grant.member.name}</h2>
      <div class="field">
        <label for="invitation-link">Link to send to {props.grant.member.name}</label>
        <p class="hint" id="invitation-link-hint">
          It is shown only now. It works once, until {formatMoment(props.grant.expiresAt)}; whoever opens it first joins
          as {props.grant.member.name}, so send it only to them.
        </p>
        <input
          id="invitation-link"
          type="text"
          ref={field}
          readonly
          value={link()}
          aria-describedby="invitation-link-hint"
          onFocus={(event) => event.currentTarget.select()}
        />
      </div>
      <button type="button" onClick={copy}>
        Copy link
      </button>
    </section>
  );
}

function MemberRow(props: {
  member: MemberView;
  isYou: boolean;
  onDone(message: string): void;
  onProblem(message: string): void;
  onInvited(grant: InvitationGrant): void;
}) {
  const [role, setRole] = createSignal<MemberRole>(props.member.role);
  const [confirming, setConfirming] = createSignal(false);
  const name = () => props.member.name;
  const roleId = () => `role-${props.member.id}`;

  const changeRole = async () => {
    const parsed = MemberRole.safeParse(role());
    if (!parsed.success) return;
    const changed = await organisationApi.changeRole(props.member.id, parsed.data);
    if (!changed.ok) return props.onProblem(changed.problem.message);
    props.onDone(`${name()} is now ${memberRoleLabels[changed.value.role]}.`);
  };

  const inviteAgain = async () => {
    const invited = await organisationApi.inviteAgain(props.member.id);
    if (!invited.ok) return props.onProblem(invited.problem.message);
    props.onInvited(invited.value);
  };

  const remove = async () => {
    setConfirming(false);
    const removed = await organisationApi.removeMember(props.member.id);
    if (!removed.ok) return props.onProblem(removed.problem.message);
    props.onDone(`${name()} is removed from the organisation and signed out everywhere.`);
  };

  const joined = () =>
    props.member.passkeys === 0
      ? 'Invited, not joined yet'
      : `${props.member.passkeys} passkey${props.member.passkeys === 1 ? '' : 's'}`;

  return (
    <li aria-label={name()}>
      <span class="member-name">
        <strong>{name()}</strong>
        <Show when={props.isYou}>
          <span class="tag">You</span>
        </Show>
        <span class="muted"> {joined()}</span>
        <Show when={props.member.email}>
          <span class="muted">, {props.member.email}</span>
        </Show>
      </span>
      <span class="member-role">
        <label for={roleId()} class="visually-hidden">
          Role of {name()}
        </label>
        <select id={roleId()} value={role()} onChange={(event) => setRole(event.currentTarget.value as MemberRole)}>
          <For each={memberRoles}>{(each) => <option value={each}>{memberRoleLabels[each]}</option>}</For>
        </select>
        <button type="button" class="secondary" onClick={changeRole} disabled={role() === props.member.role}>
          Change role<span class="visually-hidden"> of {name()}</span>
        </button>
      </span>
      <span class="member-actions">
        <button type="button" class="secondary" onClick={inviteAgain}>
          New invitation<span class="visually-hidden"> for {name()}</span>
        </button>
        <Show
          when={confirming()}
          fallback={
            <button type="button" class="secondary" onClick={() => setConfirming(true)}>
              Remove<span class="visually-hidden"> {name()}</span>
            </button>
          }
        >
          <span class="confirm">
            <span>Remove {name()}? They are signed out at once.</span>
            <button
              type="button"
              class="danger"
              onClick={remove}
              ref={(button) => queueMicrotask(() => button.focus())}
            >
              Yes, remove {name()}
            </button>
            <button type="button" class="secondary" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </span>
        </Show>
      </span>
    </li>
  );
}

// /sign-in: signing in with a passkey this device holds. Nobody types a name: the browser offers the passkeys it
// has for Margin here, and the relay knows whose each is.
import { useLocation, useNavigate } from '@solidjs/router';
import { createResource, createSignal, Show } from 'solid-js';
import type { HeldLink } from '../sync/access-db.ts';
import { organisationCopies, removeCopies } from '../sync/organisation-reports.ts';
import { signInWithPasskey } from './passkey-ceremonies.ts';
import { nowSignedIn, signedIn } from './signed-in.ts';
import './organisation.css';

const signedOutNotes = {
  here: 'You have signed out on this device.',
  everywhere: 'You have signed out on every device.',
};

export function SignInPage() {
  const navigate = useNavigate();
  const location = useLocation<{ signedOut?: keyof typeof signedOutNotes }>();
  const [problem, setProblem] = createSignal('');
  const [busy, setBusy] = createSignal(false);

  const signIn = async () => {
    setProblem('');
    setBusy(true);
    const done = await signInWithPasskey();
    setBusy(false);
    if (!done.ok) return setProblem(done.problem.message);
    nowSignedIn(done.value);
    navigate('/account', { replace: true });
  };

  return (
    <section class="card narrow organisation-page">
      <h1>Sign in</h1>
      <Show when={location.state?.signedOut && !signedIn()}>
        <p role="status" class="notice">
          {signedOutNotes[location.state!.signedOut!]}
        </p>
        <RemoveCopies />
      </Show>
      <Show
        when={signedIn()}
        fallback={
          <>
            <p>Sign in with the passkey you made when you joined your organisation.</p>
            <button type="button" onClick={signIn} disabled={busy()}>
              Sign in with a passkey
            </button>
            <Show when={problem()}>
              <p role="alert" class="error">
                {problem()}
              </p>
            </Show>
            <p class="hint">
              New here? Open the invitation link your administrator sent you. Lost your passkeys? Ask your administrator
              for a new invitation.
            </p>
          </>
        }
      >
        {(view) => (
          <p>
            You are signed in as {view().member.name}. <a href="/account">Your passkeys and sessions</a>
          </p>
        )}
      </Show>
    </section>
  );
}

/**
 * After signing out: the organisation's reports still on this device, offered to be removed (a shared computer), or
 * kept (the person's own, to work on offline and when they sign in again). Changes not yet sent go with them.
 */
function RemoveCopies() {
  const [copies, { mutate }] = createResource(organisationCopies);
  const [said, setSaid] = createSignal('');
  const [problem, setProblem] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const plural = (n: number) => `${n} report${n === 1 ? '' : 's'}`;

  const remove = async (links: HeldLink[]) => {
    setBusy(true);
    setProblem('');
    const { removed, problem } = await removeCopies(links);
    setBusy(false);
    mutate(links.slice(removed));
    setSaid(removed > 0 ? `${plural(removed)} removed from this device.` : '');
    if (problem) setProblem(`${problem} The rest stay on this device.`);
  };

  return (
    <>
      <Show when={(copies()?.length ?? 0) > 0 ? copies() : undefined}>
        {(links) => (
          <section class="remove-copies" aria-labelledby="remove-copies-heading">
            <h2 id="remove-copies-heading">Your organisation’s reports on this device</h2>
            <p>
              This device still holds {plural(links().length)} of your organisation’s. On a shared computer, remove
              them; on your own, keep them to work on when you sign in again. Changes not yet sent to the relay go with
              them.
            </p>
            <div class="actions">
              <button type="button" class="danger" onClick={() => remove(links())} disabled={busy()}>
                Remove them from this device
              </button>
              <button type="button" class="secondary" onClick={() => mutate([])} disabled={busy()}>
                Keep them
              </button>
            </div>
          </section>
        )}
      </Show>
      <Show when={said()}>
        <p role="status" class="notice">
          {said()}
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

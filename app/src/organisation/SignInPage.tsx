// /sign-in: signing in with a passkey this device holds. Nobody types a name: the browser offers the passkeys it
// has for Margin here, and the relay knows whose each is.
import { useLocation, useNavigate } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
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

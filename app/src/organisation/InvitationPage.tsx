// /invitation#token=<token>: an invitation's link. The token rides in the fragment, so it reaches no server's
// log; it travels to the relay only in request bodies. The page says who invited whom as what, and enrols a
// passkey made on this device, which signs the person in. A used, expired or mistyped link is said so plainly.
import { useLocation, useNavigate } from '@solidjs/router';
import { createResource, createSignal, onCleanup, Show } from 'solid-js';
import { memberRoleLabels, organisationKindLabels } from '../../../shared/protocol/organisations.ts';
import { fail } from '../../../shared/result.ts';
import { organisationApi } from './organisation-api.ts';
import { enrolWithInvitation } from './passkey-ceremonies.ts';
import { nowSignedIn } from './signed-in.ts';
import { formatMoment } from '../../../shared/forms/uk-dates.ts';
import './organisation.css';

const tokenInLink = () => new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';

export function InvitationPage() {
  const navigate = useNavigate();
  const location = useLocation<{ setUp?: string }>();
  // Another invitation's link opened in this tab changes only the fragment: the page stays, the token follows.
  const [token, setToken] = createSignal(tokenInLink());
  const [problem, setProblem] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const followLink = () => {
    setProblem('');
    setToken(tokenInLink());
  };
  window.addEventListener('hashchange', followLink);
  onCleanup(() => window.removeEventListener('hashchange', followLink));
  const [invitation] = createResource(
    () => ({ token: token() }),
    async ({ token }) =>
      token
        ? organisationApi.openInvitation(token)
        : fail({
            message:
              'This link has no invitation in it. Check that it was copied in full, including everything after "#".',
            status: 0,
          }),
  );
  const opened = () => {
    const answer = invitation();
    return answer?.ok ? answer.value : undefined;
  };
  const refusal = () => {
    const answer = invitation();
    return answer && !answer.ok ? answer.problem.message : '';
  };

  const enrol = async () => {
    setProblem('');
    setBusy(true);
    const enrolled = await enrolWithInvitation(token());
    setBusy(false);
    if (!enrolled.ok) return setProblem(enrolled.problem.message);
    nowSignedIn(enrolled.value);
    navigate(enrolled.value.member.role === 'administrator' ? '/organisation/members' : '/account', {
      replace: true,
      state: { welcome: true },
    });
  };

  return (
    <section class="card narrow organisation-page">
      <Show when={invitation()} fallback={<p role="status">Opening your invitation…</p>}>
        <Show
          when={opened()}
          fallback={
            <>
              <h1>Invitation not available</h1>
              <p role="alert">{refusal()}</p>
              <p>
                Already joined? <a href="/sign-in">Sign in with your passkey</a>.
              </p>
            </>
          }
        >
          {(view) => (
            <>
              <h1>Join {view().organisation.name}</h1>
              <Show when={location.state?.setUp}>
                <p class="notice">
                  {view().organisation.name} is set up. One step is left: make your passkey, so you can sign in as its
                  administrator.
                </p>
              </Show>
              <p>
                {view().member.name}, you are invited to {view().organisation.name} (
                {organisationKindLabels[view().organisation.kind]}) as{' '}
                <strong>{memberRoleLabels[view().member.role]}</strong>.
              </p>
              <p class="hint">
                A passkey lets you sign in with this device’s screen lock, fingerprint or face, or a security key,
                instead of a password. The invitation works once, until {formatMoment(view().expiresAt, 'long')}.
              </p>
              <button type="button" onClick={enrol} disabled={busy()}>
                Make a passkey and join
              </button>
              <Show when={problem()}>
                <p role="alert" class="error">
                  {problem()}
                </p>
              </Show>
            </>
          )}
        </Show>
      </Show>
    </section>
  );
}

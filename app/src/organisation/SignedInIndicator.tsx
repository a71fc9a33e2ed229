// In the header of every page: who is signed in, their inbox with its unread count, "Sign out" and "Sign out
// everywhere"; or a way to sign in, or to set up the organisation when the relay has none yet.
import { useNavigate } from '@solidjs/router';
import { createSignal, onMount, Show } from 'solid-js';
import { memberRoleLabels } from '../../../shared/protocol/organisations.ts';
import { followInbox, unreadCount } from './inbox.ts';
import { checkSignedIn, organisationToSetUp, signedIn, signOut, signOutEverywhere } from './signed-in.ts';

export function SignedInIndicator() {
  const navigate = useNavigate();
  const [problem, setProblem] = createSignal('');
  onMount(() => {
    void checkSignedIn();
    followInbox();
  });

  const leave = async (everywhere: boolean) => {
    setProblem('');
    const done = everywhere ? await signOutEverywhere() : await signOut();
    if (!done.ok) return setProblem(done.problem.message);
    navigate('/sign-in', { state: { signedOut: everywhere ? 'everywhere' : 'here' } });
  };

  return (
    <div class="signed-in">
      <Show
        when={signedIn()}
        fallback={
          <Show when={signedIn() === null || organisationToSetUp()}>
            <Show when={organisationToSetUp()} fallback={<a href="/sign-in">Sign in</a>}>
              <a href="/setup">Set up your organisation</a>
            </Show>
          </Show>
        }
      >
        {(view) => (
          <>
            <span>
              Signed in as <a href="/account">{view().member.name}</a>
              <span class="signed-in-role">
                {' '}
                ({memberRoleLabels[view().member.role]}, {view().organisation.name})
              </span>
            </span>
            <a href="/inbox" class="inbox-link">
              Inbox
              <Show when={unreadCount() > 0}>
                {' '}
                <span class="unread-count">
                  {unreadCount()}
                  <span class="visually-hidden"> unread</span>
                </span>
              </Show>
            </a>
            <span class="visually-hidden" aria-live="polite">
              {unreadCount() === 1
                ? '1 unread notification'
                : unreadCount() > 1
                  ? `${unreadCount()} unread notifications`
                  : ''}
            </span>
            <button type="button" class="on-brand" onClick={() => leave(false)}>
              Sign out
            </button>
            <button type="button" class="on-brand" onClick={() => leave(true)}>
              Sign out everywhere
            </button>
          </>
        )}
      </Show>
      <Show when={problem()}>
        <p role="alert" class="signed-in-problem">
          {problem()}
        </p>
      </Show>
    </div>
  );
}

// A page only the organisation's administrators see: anyone else is told why (not signed in, or not an
// administrator) while the relay says who they are.
import { type JSX, Show } from 'solid-js';
import { signedIn } from './signed-in.ts';

/** `title`: the page's heading; `what`: what only administrators see, e.g. "its members". */
export function AdministratorsOnly(props: { title: string; what: string; children: JSX.Element }) {
  return (
    <Show
      when={signedIn()?.member.role === 'administrator'}
      fallback={
        <section class="card narrow organisation-page">
          <h1>{props.title}</h1>
          <Show when={signedIn() !== undefined} fallback={<p role="status">Asking the relay who you are…</p>}>
            <p role="alert">
              <Show
                when={signedIn()}
                fallback={
                  <>
                    You are not signed in on this device. <a href="/sign-in">Sign in</a>
                  </>
                }
              >
                Only the organisation’s administrators see {props.what}.
              </Show>
            </p>
          </Show>
        </section>
      }
    >
      {props.children}
    </Show>
  );
}

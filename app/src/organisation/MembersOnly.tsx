// One guard for the pages only some of the organisation's members open (the desks, the administrators' pages): while
// the relay says who you are, it says so; signed out, it says how to sign in; in a role the page is not for, it says
// whom the page is for and that your role has no part in it.
import { type JSX, Show } from 'solid-js';
import { type MemberRole, memberRoleLabels } from '../../../shared/protocol/organisations.ts';
import { signedIn } from './signed-in.ts';

/** "a tutor", "an administrator": a role's label, lower case, with its article. */
export const aRole = (role: MemberRole) => {
  const label = memberRoleLabels[role].toLowerCase();
  return `${/^[aeiou]/.test(label) ? 'an' : 'a'} ${label}`;
};

/** Who may open the page: the roles, whom the page is for in a sentence, and why a role has no part (said after it). */
export type OnlyFor = {
  roles: readonly MemberRole[];
  said: string;
  why?: Partial<Record<MemberRole, string>>;
};

/**
 * `title`: the page's heading while it is closed; `signInTo`: what signing in lets you do ("see the plan"); `only`:
 * the roles it is for, or every signed-in member when left out.
 */
export function MembersOnly(props: { title: string; signInTo?: string; only?: OnlyFor; children: JSX.Element }) {
  const role = () => signedIn()?.member.role;
  const allowed = () => {
    const mine = role();
    return mine !== undefined && (props.only === undefined || props.only.roles.includes(mine));
  };
  return (
    <Show
      when={allowed()}
      fallback={
        <section class="card narrow organisation-page">
          <h1>{props.title}</h1>
          <Show when={signedIn() !== undefined} fallback={<p role="status">Asking the relay who you are…</p>}>
            <p role="alert">
              <Show
                when={role()}
                fallback={
                  <>
                    You are not signed in on this device. <a href="/sign-in">Sign in</a>
                    {props.signInTo ? ` to ${props.signInTo}.` : ''}
                  </>
                }
              >
                {(mine) =>
                  `${props.only?.said} As ${aRole(mine())} you have no part in it${props.only?.why?.[mine()] ?? '.'}`
                }
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

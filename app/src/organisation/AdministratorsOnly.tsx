// A page only the organisation's administrators see: the members' guard (MembersOnly.tsx) for one role.
import type { JSX } from 'solid-js';
import { MembersOnly } from './MembersOnly.tsx';

/** `title`: the page's heading; `what`: what only administrators see, e.g. "its members". */
export function AdministratorsOnly(props: { title: string; what: string; children: JSX.Element }) {
  return (
    <MembersOnly
      title={props.title}
      only={{ roles: ['administrator'], said: `Only the organisation’s administrators see ${props.what}.` }}
    >
      {props.children}
    </MembersOnly>
  );
}

// "Who is here": the people in this report now, each in the colour of their caret, with their role. A plain
// labelled list, updated as people come and go; not a live region, so nothing is read out as carets move.
import { For } from 'solid-js';
import { useRoleWord } from './role-words.ts';
import type { Person } from './presence.ts';
import './collab.css';

export function WhoIsHere(props: { people: Person[] }) {
  const roleWord = useRoleWord();
  return (
    <section class="who-is-here" aria-labelledby="who-is-here-heading">
      <h2 id="who-is-here-heading">Who is here</h2>
      <ul aria-labelledby="who-is-here-heading">
        <For each={props.people}>
          {(person) => (
            <li data-name={person.name}>
              <span class="person-swatch" style={{ '--person-colour': person.colour }} aria-hidden="true" />
              <span>
                {person.name}
                {person.role ? ` (${roleWord(person.role)}${person.isMe ? ', you' : ''})` : person.isMe ? ' (you)' : ''}
              </span>
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}

// Who is in a report right now. Every free-text field of a report shares the content room's one Y.Doc, so they
// share one Yjs awareness too, sent through the relay with the room: each person's state holds `user` (name, colour,
// role) and one caret per field (field-carets.ts). The relay passes on presence only from people who may write
// (protocol.md), so reviewers and clients see who is here without being listed themselves.
import { createContext, createSignal, type Accessor } from 'solid-js';
import { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { Role } from '../../../shared/protocol/roles.ts';
import { distinctColours, personColour } from './colour.ts';

/** What a person says about themselves in their awareness state. */
export interface Someone {
  name: string;
  colour: string;
  role?: Role;
}

/** A person in the report: one entry however many tabs or devices they have it open on. */
export interface Person extends Someone {
  isMe: boolean;
}

export interface Presence {
  readonly awareness: Awareness;
  /** Who is here, this person first; changes when someone comes, goes or renames, not when a caret moves. */
  readonly people: Accessor<Person[]>;
  /** Says who this person is to everyone else in the report. */
  introduce(me: { name: string; role?: Role }): void;
  destroy(): void;
}

const longestName = 80;

/**
 * Reads a `user` from someone's awareness state, trusting none of it: anyone with a mentor's link can send
 * anything. The colour is always worked out here from the name, so no one can pick one that cannot be read.
 */
export function readSomeone(user: unknown): Someone | null {
  if (typeof user !== 'object' || user === null) return null;
  const { name, role } = user as Record<string, unknown>;
  if (typeof name !== 'string' || !name.trim()) return null;
  const shortName = Array.from(name.trim().replace(/\s+/g, ' ')).slice(0, longestName).join('');
  const knownRole = Role.safeParse(role);
  return { name: shortName, colour: personColour(shortName), ...(knownRole.success ? { role: knownRole.data } : {}) };
}

const personKey = (someone: Someone) => `${someone.name}\u0000${someone.role ?? ''}`;

/** The colour `user` is drawn in among everyone in `awareness`: their own, or another when it is taken (distinctColours). */
export function colourAmong(awareness: Awareness, user: unknown): string | undefined {
  const someone = readSomeone(user);
  if (!someone) return undefined;
  const key = personKey(someone);
  const person = peopleIn(awareness.getStates() as Map<number, Record<string, unknown>>, awareness.clientID).find(
    (candidate) => personKey(candidate) === key,
  );
  return person?.colour ?? someone.colour;
}

/**
 * Everyone who has said who they are, one entry per name and role, this person first, then by name; each in a
 * colour no one else here has (distinctColours).
 */
export function peopleIn(states: Map<number, Record<string, unknown>>, myClientId: number): Person[] {
  const people = new Map<string, Person>();
  for (const [clientId, state] of states) {
    const someone = readSomeone(state?.user);
    if (!someone) continue;
    const key = personKey(someone);
    const isMe = clientId === myClientId || people.get(key)?.isMe === true;
    people.set(key, { ...someone, isMe });
  }
  const colours = distinctColours([...people.keys()].map((key) => ({ key, name: people.get(key)!.name })));
  return [...people.entries()]
    .map(([key, person]) => ({ ...person, colour: colours.get(key) ?? person.colour }))
    .sort((a, b) => Number(b.isMe) - Number(a.isMe) || a.name.localeCompare(b.name, 'en-GB'));
}

const samePeople = (a: Person[], b: Person[]) =>
  a.length === b.length && a.every((person, at) => JSON.stringify(person) === JSON.stringify(b[at]));

export function createPresence(doc: Y.Doc): Presence {
  const awareness = new Awareness(doc);
  const [people, setPeople] = createSignal<Person[]>([]);
  const refresh = () => {
    const now = peopleIn(awareness.getStates(), awareness.clientID);
    if (!samePeople(people(), now)) setPeople(now);
  };
  awareness.on('change', refresh);
  return {
    awareness,
    people,
    introduce(me) {
      const someone = readSomeone(me);
      if (!someone) return;
      // `color` is the name other y-prosemirror clients read it by.
      awareness.setLocalStateField('user', {
        name: someone.name,
        color: someone.colour,
        ...(someone.role ? { role: someone.role } : {}),
      });
    },
    destroy() {
      awareness.off('change', refresh);
      awareness.destroy();
    },
  };
}

/** The report's presence, for its fields' carets; absent where a field is drawn outside a shared report. */
export const PresenceContext = createContext<Presence | undefined>(undefined);

import { applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { personColour } from './colour.ts';
import { createPresence, peopleIn, readSomeone } from './presence.ts';

/** Sends `from`'s own state (or its leaving) to `to`, as the relay would. */
function relay(from: ReturnType<typeof createPresence>, to: ReturnType<typeof createPresence>) {
  applyAwarenessUpdate(to.awareness, encodeAwarenessUpdate(from.awareness, [from.awareness.clientID]), 'relay');
}

describe('readSomeone', () => {
  it('reads a name and role, and works the colour out from the name', () => {
    expect(readSomeone({ name: ' Grace  Hopper ', role: 'mentor', color: '#ffffff' })).toEqual({
      name: 'Grace Hopper',
      role: 'mentor',
      colour: personColour('Grace Hopper'),
    });
  });

  it('refuses what is not a person, and drops a role it does not know', () => {
    expect(readSomeone(undefined)).toBeNull();
    expect(readSomeone('Grace')).toBeNull();
    expect(readSomeone({ name: '   ' })).toBeNull();
    expect(readSomeone({ name: 42 })).toBeNull();
    expect(readSomeone({ name: 'Eve', role: 'admin' })).toEqual({ name: 'Eve', colour: personColour('Eve') });
  });

  it('cuts a very long name to 80 characters', () => {
    expect(readSomeone({ name: 'x'.repeat(5000) })!.name).toHaveLength(80);
  });
});

describe('peopleIn', () => {
  it('lists this person first, others by name, once per name and role, leaving out states without a name', () => {
    const states = new Map<number, Record<string, unknown>>([
      [1, { user: { name: 'Zoe', role: 'mentor' } }],
      [2, { user: { name: 'Ann', role: 'tutor' } }],
      [3, { user: { name: 'Zoe', role: 'mentor' } }],
      [4, {}],
      [5, { user: { name: 'Max', role: 'tutor' } }],
    ]);
    expect(peopleIn(states, 5).map((person) => [person.name, person.isMe])).toEqual([
      ['Max', true],
      ['Ann', false],
      ['Zoe', false],
    ]);
  });
});

describe('createPresence', () => {
  it('shows who is here as people come and go, and not again when only a caret moves', () => {
    const tutor = createPresence(new Y.Doc());
    const mentor = createPresence(new Y.Doc());
    tutor.introduce({ name: 'Grace Hopper', role: 'tutor' });
    mentor.introduce({ name: 'Mo Mentor', role: 'mentor' });
    relay(mentor, tutor);
    expect(tutor.people().map((person) => `${person.name}/${person.role}/${person.isMe}`)).toEqual([
      'Grace Hopper/tutor/true',
      'Mo Mentor/mentor/false',
    ]);

    const before = tutor.people();
    mentor.awareness.setLocalStateField('caret:progressComment', { anchor: 1, head: 1 });
    relay(mentor, tutor);
    expect(tutor.people()).toBe(before);

    mentor.destroy();
    relay(mentor, tutor);
    expect(tutor.people().map((person) => person.name)).toEqual(['Grace Hopper']);
    tutor.destroy();
  });
});

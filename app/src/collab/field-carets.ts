// Other people's carets and selections in one free-text field, drawn in their colour with their name.
// y-tiptap's cursor plugin keeps one `cursor` in the awareness state, but every field of a report shares one
// awareness (presence.ts); its `cursorStateField` option is not used when drawing (y-tiptap 3.0.9), so each
// field instead sees the shared awareness through a view that maps `cursor` to its own `caret:<field id>`.
// The name tag is drawn by CSS from a data attribute, so it is never part of the field's text.
import { Extension } from '@tiptap/core';
import type { DecorationAttrs } from '@tiptap/pm/view';
import { yCursorPlugin } from '@tiptap/y-tiptap';
import type { Awareness } from 'y-protocols/awareness';
import { colourAmong, readSomeone } from './presence.ts';
import './collab.css';

type State = Record<string, unknown>;
type ChangeListener = (...args: unknown[]) => void;

/** The part of an Awareness the cursor plugin uses. */
export interface FieldAwareness {
  getStates(): Map<number, State>;
  getLocalState(): State | null;
  setLocalStateField(field: string, value: unknown): void;
  on(event: 'change', listener: ChangeListener): void;
  off(event: 'change', listener: ChangeListener): void;
}

export const caretField = (fieldId: string) => `caret:${fieldId}`;

/**
 * The shared awareness as one field sees it: `cursor` is this field's caret. Listeners hear of changes to this
 * field's carets or to someone's name, not of carets moving in other fields.
 */
export function fieldAwareness(awareness: Awareness, fieldId: string): FieldAwareness {
  const key = caretField(fieldId);
  const asSeenHere = (state: State | null) => (state ? { user: state.user, cursor: state[key] ?? null } : null);
  const listeners = new Map<ChangeListener, ChangeListener>();
  const seenHere = () =>
    JSON.stringify([...awareness.getStates()].map(([client, state]) => [client, asSeenHere(state)]));
  return {
    getStates: () => new Map([...awareness.getStates()].map(([client, state]) => [client, asSeenHere(state) as State])),
    getLocalState: () => asSeenHere(awareness.getLocalState()),
    setLocalStateField: (field, value) => awareness.setLocalStateField(field === 'cursor' ? key : field, value),
    on(_event, listener) {
      let last = seenHere();
      const filtered: ChangeListener = (...args) => {
        const now = seenHere();
        if (now === last) return;
        last = now;
        listener(...args);
      };
      listeners.set(listener, filtered);
      awareness.on('change', filtered);
    },
    off(_event, listener) {
      const filtered = listeners.get(listener);
      if (filtered) awareness.off('change', filtered);
      listeners.delete(listener);
    },
  };
}

function caret(awareness: Awareness, user: unknown): HTMLElement {
  const someone = readSomeone(user) ?? { name: 'Someone', colour: '#4338ca' };
  const element = document.createElement('span');
  element.className = 'person-caret';
  element.dataset.name = someone.name;
  element.style.setProperty('--person-colour', colourAmong(awareness, user) ?? someone.colour);
  element.setAttribute('aria-hidden', 'true');
  return element;
}

function selection(awareness: Awareness, user: unknown): DecorationAttrs {
  return { class: 'person-selection', style: `--person-colour: ${colourAmong(awareness, user) ?? '#4338ca'}` };
}

/** Draws everyone else's caret and selection in this field, and shares this person's while the field has focus. */
export function fieldCarets(awareness: Awareness, fieldId: string) {
  return Extension.create({
    name: 'fieldCarets',
    addProseMirrorPlugins: () => [
      yCursorPlugin(fieldAwareness(awareness, fieldId) as unknown as Awareness, {
        cursorBuilder: (user: unknown) => caret(awareness, user),
        selectionBuilder: (user: unknown) => selection(awareness, user),
      }),
    ],
  });
}

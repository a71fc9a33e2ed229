// Some editors record an undo step only around the keys the user presses: CKEditor 4 takes a snapshot
// of its content on key up, a click or a navigation key, and a change made without keys (a suggestion
// chosen in Margin's list, like the browser's own spelling correction) joins no step, so after an undo
// its undo button is off and Ctrl+Z does nothing. The content script, in its isolated world, cannot reach
// the editor's API; it fires this event at the field before and after it writes, and the small script in
// the page's own world (entrypoints/margin-sent-by-script.content.ts) asks the editor, through its own
// API, to record a step. With that script missing, the change is made all the same.

import { frameOfBody } from './free-text-field.ts';

/** Fired at a field (or the frame that holds it) just before and just after Margin writes into it. */
export const undoStepEvent = 'margin-undo-step';

/**
 * Tells the page's own world that Margin is about to change the field's text, or just did. An editor whose
 * body is a frame's (CKEditor 4, classic) belongs to the page around the frame: the event goes to the frame.
 */
export function announceUndoStep(field: HTMLElement): void {
  const target = frameOfBody(field) ?? field;
  const { CustomEvent } = target.ownerDocument.defaultView ?? globalThis;
  target.dispatchEvent(new CustomEvent(undoStepEvent, { bubbles: true, composed: true }));
}

/** A CKEditor 4 editor, as far as this reads it. */
interface Ckeditor4 {
  editable(): { $: Element } | null | undefined;
  /** The window of a classic editor's frame; an inline editor has none of its own. */
  window?: { $: Window } | null;
  fire(event: 'saveSnapshot'): unknown;
}

/** The page's window as far as the page-world script reads it (a fake in the unit test). */
export interface EditorsWindow {
  addEventListener(type: string, listener: (event: Event) => void, capture: boolean): void;
  CKEDITOR?: { instances?: Record<string, Ckeditor4> };
}

/** In the page's own world: each announced change becomes an undo step of the editor it is in (CKEditor 4's saveSnapshot). */
export function recordUndoSteps(window: EditorsWindow): void {
  window.addEventListener(
    undoStepEvent,
    (event) => {
      for (const editor of Object.values(window.CKEDITOR?.instances ?? {})) {
        if (isEditorOf(editor, event.target)) editor.fire('saveSnapshot');
      }
    },
    true,
  );
}

function isEditorOf(editor: Ckeditor4, target: EventTarget | null): boolean {
  try {
    return editor.editable()?.$ === target || (editor.window?.$.frameElement ?? null) === target;
  } catch {
    // An editor being destroyed, or a frame of another site: not this one.
    return false;
  }
}

// The small prompt offered over an empty field whose text was kept: "Restore what you typed at 10:42?"
// with Restore and Forget. Not modal: the user can ignore it and type. It sits in a shadow root just
// before the field (so it is next in the keyboard order), taking no room in the page's layout, over the
// field's top-right corner, clear of where the text and the caret begin. For an editor whose body is a
// frame's (TinyMCE, CKEditor 4), it sits on the page just before the frame, over the frame's corner.
import { frameOfBody } from '../page/free-text-field.ts';
import type { Draft } from './draft-messages.ts';

export interface RestorePrompt {
  remove(): void;
}

const style = `
:host { all: initial; }
.prompt {
  position: absolute;
  z-index: 2147483646;
  top: 0.25rem;
  left: 0.25rem;
  display: flex;
  align-items: center;
  gap: 0.5rem;
  flex-wrap: wrap;
  width: max-content;
  max-width: min(30rem, calc(100vw - 2rem));
  padding: 0.35rem 0.6rem;
  border: 2px solid #1d4e89;
  border-radius: 0.375rem;
  background: #ffffff;
  color: #1a1a1a;
  box-shadow: 0 2px 6px rgba(0, 0, 0, 0.25);
  font: 14px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif;
}
p { margin: 0; }
button { font: inherit; padding: 0.2rem 0.7rem; border-radius: 0.25rem; border: 2px solid #1d4e89; background: #ffffff; color: #1d4e89; font-weight: 600; cursor: pointer; }
button.primary { background: #1d4e89; color: #ffffff; }
button:focus-visible { outline: 3px solid #b35900; outline-offset: 2px; }
`;

export function offerRestore(
  field: HTMLElement,
  draft: Draft,
  choose: (restore: boolean) => void,
  now = new Date(),
): RestorePrompt {
  // The frame's own document is the editor's content: the prompt goes on the page around it.
  const anchor = frameOfBody(field) ?? field;
  const document = anchor.ownerDocument;
  const host = document.createElement('div');
  host.dataset.marginPanel = 'restore';
  host.setAttribute(
    'style',
    'all: initial !important; display: block !important; position: relative !important; height: 0 !important; width: 0 !important;',
  );
  const shadow = host.attachShadow({ mode: 'open' });
  const box = document.createElement('div');
  box.className = 'prompt';
  box.setAttribute('role', 'group');
  box.setAttribute('aria-label', `Restore lost text: ${draft.label}`);
  const question = document.createElement('p');
  question.textContent = `Restore what you typed ${when(new Date(draft.savedAt), now)}?`;
  const restore = button(document, 'Restore', 'primary');
  const forget = button(document, 'Forget');
  box.append(question, restore, forget);
  const styles = document.createElement('style');
  styles.textContent = style;
  shadow.append(styles, box);
  anchor.before(host);
  placeOverTopRight(host, box, anchor);

  const prompt = { remove: () => host.remove() };
  restore.addEventListener('click', () => (prompt.remove(), choose(true)));
  forget.addEventListener('click', () => (prompt.remove(), field.focus(), choose(false)));
  return prompt;
}

/** Moves the prompt over the field's top-right corner; in a field too narrow for that, its top-left. */
function placeOverTopRight(host: HTMLElement, box: HTMLElement, field: HTMLElement): void {
  const origin = host.getBoundingClientRect();
  const target = field.getBoundingClientRect();
  const inset = 4;
  const fromLeft = target.left - origin.left;
  box.style.top = `${target.top - origin.top + inset}px`;
  box.style.left = `${Math.max(fromLeft + inset, fromLeft + target.width - box.getBoundingClientRect().width - inset)}px`;
}

function button(document: Document, text: string, className = ''): HTMLButtonElement {
  const made = document.createElement('button');
  made.type = 'button';
  made.textContent = text;
  if (className) made.className = className;
  return made;
}

/** "at 10:42" today, "on 21 November at 10:42" before. */
export function when(saved: Date, now: Date): string {
  const time = saved.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  if (saved.toDateString() === now.toDateString()) return `at ${time}`;
  return `on ${saved.toLocaleDateString('en-GB', { day: 'numeric', month: 'long' })} at ${time}`;
}

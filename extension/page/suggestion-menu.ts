// The small list that opens on an underline: what is wrong, the corrections, "Add to dictionary"
// (spelling) and "Ignore". It lives in Margin's shadow-root overlay, so the page's styles and scripts
// leave it alone. Keyboard first: it takes focus, Escape closes it, focus goes back to the field. Its
// words are the app's menu's (shared/checks/finding-look.ts).
import type { Finding } from '../../shared/checks/finding.ts';
import { findingMenuWords as words } from '../../shared/checks/finding-look.ts';
import { overlayRoot } from './overlay-root.ts';

export interface SuggestionMenuOptions {
  finding: Finding;
  /** Where the finding is on screen; the list opens just below it. */
  near: DOMRect | null;
  suggestions: Promise<string[]>;
  apply(replacement: string): void;
  /** For spelling: adds the word to the personal dictionary; resolves with why not, or null. */
  addWord?: () => Promise<string | null>;
  ignore(): void;
  /** Called once the list has closed: with true when focus should go back to the field (not when the user clicked away). */
  closed(returnFocus: boolean): void;
}

let open: { close(): void } | undefined;

export function openSuggestionMenu(document: Document, options: SuggestionMenuOptions): { close(): void } {
  open?.close();
  const { finding } = options;
  const menu = element(document, 'div', { className: 'menu', role: 'dialog', tabIndex: -1 });
  menu.setAttribute('aria-label', words.title(finding));
  const list = element(document, 'ul', {});
  list.setAttribute('aria-label', words.suggestionList);
  const note = element(document, 'p', { className: 'note', textContent: words.looking });
  const problem = element(document, 'p', { className: 'error', role: 'alert' });
  const actions = element(document, 'div', { className: 'actions' });
  menu.append(element(document, 'p', { textContent: finding.message }), note, list, actions, problem);

  let closed = false;
  const close = (returnFocus = true) => {
    if (closed) return;
    closed = true;
    menu.remove();
    if (open === handle) open = undefined;
    options.closed(returnFocus);
  };
  const handle = { close: () => close(false) };
  const button = (label: string, act: () => void | Promise<void>, className = '') => {
    const made = element(document, 'button', { type: 'button', textContent: label, className });
    made.addEventListener('click', () => void act());
    return made;
  };

  const addWord = options.addWord;
  if (addWord) {
    actions.append(
      button(words.addToDictionary.extension(finding.text), async () => {
        const refused = await addWord();
        if (refused) problem.textContent = refused;
        else close();
      }),
    );
  }
  actions.append(
    button(words.ignore, () => {
      options.ignore();
      close();
    }),
    button(words.close, () => close()),
  );

  menu.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    close();
  });
  menu.addEventListener('focusout', (event) => {
    if (!menu.contains(event.relatedTarget as Node | null)) close(false);
  });

  overlayRoot(document).append(menu);
  placeBelow(menu, options.near);
  // Opened from an editor's frame on the page above it: that page's window takes the focus first.
  if (!document.hasFocus()) document.defaultView?.focus();
  menu.focus();

  void options.suggestions.then(
    (suggestions) => {
      if (closed) return;
      const wholeSuggestions = suggestions.slice(0, 5);
      note.textContent = wholeSuggestions.length === 0 && finding.kind !== 'prompt' ? words.none : '';
      if (note.textContent === '') note.remove();
      for (const suggestion of wholeSuggestions) {
        const label = words.suggestion(finding, suggestion);
        const item = element(document, 'li', {});
        item.append(
          button(
            label,
            () => {
              close(false);
              options.apply(suggestion);
            },
            'suggestion',
          ),
        );
        list.append(item);
      }
      if (menu.matches(':focus')) (menu.querySelector('button') as HTMLElement | null)?.focus();
    },
    () => {
      note.textContent = words.none;
    },
  );

  open = handle;
  return handle;
}

function placeBelow(menu: HTMLElement, near: DOMRect | null): void {
  const window = menu.ownerDocument.defaultView!;
  const left = Math.max(4, Math.min(near?.left ?? 16, window.innerWidth - menu.offsetWidth - 4));
  const below = (near?.bottom ?? 16) + 4;
  const top =
    below + menu.offsetHeight > window.innerHeight && near ? Math.max(4, near.top - menu.offsetHeight - 4) : below;
  menu.style.left = `${left}px`;
  menu.style.top = `${top}px`;
}

function element<K extends keyof HTMLElementTagNameMap>(
  document: Document,
  tag: K,
  properties: Partial<HTMLElementTagNameMap[K]> & { role?: string },
) {
  const { role, ...rest } = properties;
  const made = Object.assign(document.createElement(tag), rest);
  if (role) made.setAttribute('role', role);
  return made;
}

// The "Before you submit" panel: a modal dialog in a shadow root of its own (the page's styles cannot
// reach it, and nothing is added inside the page's form), listing each finding as a button that takes
// the user to it, with "Go back" and "Submit anyway". Escape is "Go back". It can open while the checks
// are still running (they are slow only while the grammar checker starts), saying so, and show the
// findings when they come.
import { panelStyle } from './submit-panel-style.ts';

export interface PanelItem {
  /** The field's label. */
  field: string;
  /** The words found, and what is wrong with them. */
  words: string;
  message: string;
}

export type PanelChoice = { kind: 'go-back' } | { kind: 'submit-anyway' } | { kind: 'finding'; index: number };

export interface SubmitPanel {
  /** The user's choice, once the panel has closed. */
  choice: Promise<PanelChoice>;
  showFindings(items: PanelItem[]): void;
  /** Closes the panel without a choice from the user. */
  close(): void;
}

/** Opens the panel, with the findings or, until they are shown, saying that the checks are running. */
export function openSubmitPanel(document: Document, items?: PanelItem[]): SubmitPanel {
  const host = document.createElement('div');
  host.dataset.marginPanel = 'before-you-submit';
  host.style.setProperty('display', 'block', 'important');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = element(document, 'style', {}, panelStyle);
  const dialog = element(document, 'dialog', { 'aria-labelledby': 'margin-title', 'aria-describedby': 'margin-intro' });
  const title = element(document, 'h2', { id: 'margin-title' }, 'Before you submit');
  const intro = element(
    document,
    'p',
    { id: 'margin-intro', 'aria-live': 'polite' },
    'Checking your text before it is sent…',
  );
  const list = element(document, 'ul');
  const goBack = element(document, 'button', { type: 'button', class: 'primary' }, 'Go back');
  const submitAnyway = element(document, 'button', { type: 'button' }, 'Submit anyway');
  dialog.append(title, intro, list, element(document, 'div', { class: 'actions' }, goBack, submitAnyway));
  shadow.append(style, dialog);
  document.body.append(host);

  let chosen: PanelChoice = { kind: 'go-back' };
  const choose = (choice: PanelChoice) => {
    chosen = choice;
    dialog.close();
  };
  // Escape closes the dialog without a choice: that is "Go back".
  const choice = new Promise<PanelChoice>((resolve) =>
    dialog.addEventListener('close', () => {
      host.remove();
      resolve(chosen);
    }),
  );
  goBack.addEventListener('click', () => choose({ kind: 'go-back' }));
  submitAnyway.addEventListener('click', () => choose({ kind: 'submit-anyway' }));

  const showFindings = (found: PanelItem[]) => {
    intro.textContent = `Margin found ${found.length === 1 ? 'one thing' : `${found.length} things`} you may want to change. Choose one to go to it.`;
    const buttons = found.map((item, index) => {
      const button = element(document, 'button', { type: 'button', class: 'finding' });
      // The spaces are there for screen readers, which would otherwise run the spans' text together.
      button.append(
        element(document, 'span', { class: 'field' }, `${item.field}:`),
        ' ',
        element(document, 'span', { class: 'words' }, `“${item.words}”`),
        ' ',
        item.message,
      );
      button.addEventListener('click', () => choose({ kind: 'finding', index }));
      list.append(element(document, 'li', {}, button));
      return button;
    });
    buttons[0]?.focus();
  };

  dialog.showModal();
  goBack.focus();
  if (items) showFindings(items);
  return { choice, showFindings, close: () => dialog.close() };
}

function element<K extends keyof HTMLElementTagNameMap>(
  document: Document,
  tag: K,
  attributes: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const made = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) made.setAttribute(name, value);
  made.append(...children);
  return made;
}

// The "Before you submit" panel: a modal dialog in a shadow root of its own (the page's styles cannot
// reach it, and nothing is added inside the page's form), listing each finding as a button that takes
// the user to it, with "Go back" and "Submit anyway". Escape is "Go back".
import { panelStyle } from './submit-panel-style.ts';

export interface PanelItem {
  /** The field's label. */
  field: string;
  /** The words found, and what is wrong with them. */
  words: string;
  message: string;
}

export type PanelChoice = { kind: 'go-back' } | { kind: 'submit-anyway' } | { kind: 'finding'; index: number };

/** Opens the panel; resolves with the user's choice once it has closed. */
export function askBeforeSubmit(document: Document, items: PanelItem[]): Promise<PanelChoice> {
  const host = document.createElement('div');
  host.dataset.marginPanel = 'before-you-submit';
  host.style.setProperty('display', 'block', 'important');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = panelStyle;
  const dialog = element(document, 'dialog', { 'aria-labelledby': 'margin-title', 'aria-describedby': 'margin-intro' });
  const title = element(document, 'h2', { id: 'margin-title' }, 'Before you submit');
  const things = items.length === 1 ? 'one thing' : `${items.length} things`;
  const intro = element(document, 'p', { id: 'margin-intro' }, `Margin found ${things} you may want to change. Choose one to go to it.`);
  const list = element(document, 'ul');
  const findingButtons = items.map((item) => {
    const button = element(document, 'button', { type: 'button', class: 'finding' });
    // The spaces are there for screen readers, which would otherwise run the spans' text together.
    button.append(element(document, 'span', { class: 'field' }, `${item.field}:`), ' ', element(document, 'span', { class: 'words' }, `“${item.words}”`), ' ', item.message);
    list.append(element(document, 'li', {}, button));
    return button;
  });
  const goBack = element(document, 'button', { type: 'button', class: 'primary' }, 'Go back');
  const submitAnyway = element(document, 'button', { type: 'button' }, 'Submit anyway');
  dialog.append(title, intro, list, element(document, 'div', { class: 'actions' }, goBack, submitAnyway));
  shadow.append(style, dialog);
  document.body.append(host);

  return new Promise((resolve) => {
    let choice: PanelChoice = { kind: 'go-back' };
    const choose = (chosen: PanelChoice) => () => {
      choice = chosen;
      dialog.close();
    };
    findingButtons.forEach((button, index) => button.addEventListener('click', choose({ kind: 'finding', index })));
    goBack.addEventListener('click', choose({ kind: 'go-back' }));
    submitAnyway.addEventListener('click', choose({ kind: 'submit-anyway' }));
    // Escape closes the dialog without a choice: that is "Go back".
    dialog.addEventListener('close', () => {
      host.remove();
      resolve(choice);
    });
    dialog.showModal();
    (findingButtons[0] ?? goBack).focus();
  });
}

function element<K extends keyof HTMLElementTagNameMap>(document: Document, tag: K, attributes: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const made = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) made.setAttribute(name, value);
  made.append(...children);
  return made;
}

// The page's free-text fields as they come and go (a form drawn by a script, an editor switched to
// read-only, a section shown), and when their text may have changed. It owns the content script's one
// MutationObserver: features follow the fields through it instead of each watching the page.
import { FREE_TEXT_ATTRIBUTES, FREE_TEXT_SELECTOR, freeTextFieldsIn, isTextControlTag } from './free-text-field.ts';

export interface FieldListener {
  added(element: HTMLElement): void;
  removed?(element: HTMLElement): void;
}

export interface PageFields {
  /** Every free-text field on the page now, in page order. */
  list(): HTMLElement[];
  has(element: Element): boolean;
  /** The fields inside `scope` (a form, or the whole page), in page order. */
  within(scope: Node): HTMLElement[];
  /** Tells the listener of every field there is now, then of each one as it comes and goes. */
  follow(listener: FieldListener): () => void;
  /** Calls back whenever the field's text may have changed, by typing or by script (a collaborator's edit). */
  watchText(element: HTMLElement, changed: () => void): () => void;
  stop(): void;
}

export interface PageFieldsOptions {
  /** How long to gather changes to the page before looking for fields again; 50 ms unless told. */
  settleMs?: number;
}

export function followPageFields(document: Document, { settleMs = 50 }: PageFieldsOptions = {}): PageFields {
  let fields: HTMLElement[] = [];
  let known = new Set<HTMLElement>();
  const listeners = new Set<FieldListener>();
  const textWatchers = new Map<HTMLElement, Set<() => void>>();

  const update = () => {
    const now = freeTextFieldsIn(document);
    const stillThere = new Set(now);
    const gone = fields.filter((element) => !stillThere.has(element));
    const added = now.filter((element) => !known.has(element));
    fields = now;
    known = stillThere;
    for (const element of gone) listeners.forEach((listener) => listener.removed?.(element));
    for (const element of added) listeners.forEach((listener) => listener.added(element));
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  const lookAgainSoon = () => {
    timer ??= setTimeout(() => {
      timer = undefined;
      update();
    }, settleMs);
  };

  const fieldAround = (node: Node): HTMLElement | undefined => {
    for (let at: Node | null = node; at; at = at.parentNode) if (known.has(at as HTMLElement)) return at as HTMLElement;
    return undefined;
  };

  const observed = (records: MutationRecord[]) => {
    const { changedText, lookAgain } = whatChanged(records, fieldAround);
    for (const field of changedText) textWatchers.get(field)?.forEach((changed) => changed());
    if (lookAgain) lookAgainSoon();
  };
  const MutationObserverClass = document.defaultView?.MutationObserver ?? MutationObserver;
  const observer = new MutationObserverClass(observed);
  observer.observe(document, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: FREE_TEXT_ATTRIBUTES,
  });
  update();

  return {
    list: () => [...fields],
    has: (element) => known.has(element as HTMLElement),
    within: (scope) => fields.filter((element) => scope.contains(element)),
    follow(listener) {
      listeners.add(listener);
      for (const element of fields) listener.added(element);
      return () => listeners.delete(listener);
    },
    watchText(element, changed) {
      if (isTextControlTag(element)) return watchTextControl(element, changed);
      const watchers = textWatchers.get(element) ?? new Set();
      textWatchers.set(element, watchers.add(changed));
      return () => {
        watchers.delete(changed);
        if (watchers.size === 0) textWatchers.delete(element);
      };
    },
    stop() {
      observer.disconnect();
      clearTimeout(timer);
      listeners.clear();
      textWatchers.clear();
    },
  };
}

/** The parts of a MutationRecord read here, so the reading can be tested with records made by hand. */
export type PageChange = Pick<MutationRecord, 'type' | 'target' | 'addedNodes' | 'removedNodes'>;

/**
 * What the page's changes mean: which fields' text may have changed, and whether fields may have come
 * or gone, so the page is looked at again. Typing in a rich-text field changes its elements all the
 * time, so inside a field only elements that are or hold a field count; outside, any element does;
 * text alone never does.
 */
export function whatChanged(
  changes: Iterable<PageChange>,
  fieldAround: (node: Node) => HTMLElement | undefined,
): { changedText: Set<HTMLElement>; lookAgain: boolean } {
  const changedText = new Set<HTMLElement>();
  let lookAgain = false;
  for (const change of changes) {
    if (change.type === 'attributes') {
      lookAgain = true;
      continue;
    }
    const field = fieldAround(change.target);
    if (field) changedText.add(field);
    if (change.type === 'childList' && !lookAgain) lookAgain = touchesFields(change, field !== undefined);
  }
  return { changedText, lookAgain };
}

function touchesFields(change: PageChange, insideField: boolean): boolean {
  return [...change.addedNodes, ...change.removedNodes].some((node) => {
    if (node.nodeType !== 1) return false;
    const element = node as Element;
    return !insideField || element.matches(FREE_TEXT_SELECTOR) || element.querySelector(FREE_TEXT_SELECTOR) !== null;
  });
}

function watchTextControl(element: HTMLElement, changed: () => void): () => void {
  // A script setting .value fires no event; a change event or the user coming back to the field covers most of those.
  const events = ['input', 'change', 'focus'];
  for (const event of events) element.addEventListener(event, changed);
  return () => {
    for (const event of events) element.removeEventListener(event, changed);
  };
}

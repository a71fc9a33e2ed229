// Finds the page's text fields, now and as they come and go (a form drawn by a script, an editor
// switched to read-only), keeps each one checked and underlined, opens the suggestion list on a click
// or Alt+Enter / Ctrl+. in an underlined word, and says how it is going for the popup. Features
// (page-features.ts) get a MarginPage made from it.
import type { CheckContext } from '../../shared/checks/context.ts';
import type { Finding } from '../../shared/checks/finding.ts';
import type { AddWordResult } from '../../shared/checks/spelling/personal-dictionary.ts';
import type { CheckReply, PageStatus } from '../messages.ts';
import { checkableField, findCheckableFields, isTextControl } from './fields.ts';
import { createHighlightUnderlines } from './highlights.ts';
import { createMirrorUnderlines } from './mirror-overlay.ts';
import { removeOverlay } from './overlay-root.ts';
import type { CheckedField, FieldDescriber, MarginPage } from './page-features.ts';
import { createParagraphChecker, type CheckText } from './paragraph-checks.ts';
import { richTextParagraphsOnScreen, textControlParagraphsOnScreen } from './paragraphs-on-screen.ts';
import { openSuggestionMenu } from './suggestion-menu.ts';
import { watchField, type WatchedField } from './watched-field.ts';

export interface PageCheckParts {
  check: CheckText;
  suggest(word: string): Promise<string[]>;
  addWord(word: string): Promise<AddWordResult>;
  /** How long after typing stops to check; 300 ms unless told. */
  quietMs?: number;
}

// Attribute changes that can make a field start or stop being checked.
const FIELD_ATTRIBUTES = ['contenteditable', 'readonly', 'disabled', 'spellcheck', 'type', 'data-margin-checks'];
const ignoreKey = (finding: Finding) => `${finding.rule}\u0000${finding.text}`;

interface Tracked {
  watched: WatchedField;
  view: CheckedField;
  rectOf(finding: Finding): DOMRect | null;
  stop(): void;
}

export function checkFieldsOnPage(document: Document, parts: PageCheckParts) {
  const checker = createParagraphChecker(parts.check);
  const highlightsFor = createHighlightUnderlines();
  const tracked = new Map<HTMLElement, Tracked>();
  const describers: FieldDescriber[] = [];
  const findingsListeners = new Set<(field: CheckedField) => void>();
  const ignored = new Set<string>();
  let problem: string | null = null;

  const contextFor = (element: HTMLElement): CheckContext | undefined => {
    for (const describe of describers) {
      const context = describe(element);
      if (context) return context;
    }
    return undefined;
  };

  const track = (element: HTMLElement): Tracked => {
    const field = checkableField(element);
    const mirror = isTextControl(element) ? createMirrorUnderlines(element) : undefined;
    const underlines = mirror ?? highlightsFor(element);
    const onScreen = isTextControl(element)
      ? textControlParagraphsOnScreen(element)
      : richTextParagraphsOnScreen(element);
    const view: CheckedField = {
      element,
      kind: field.kind,
      text: () => field.read().text,
      findings: () => watched.findings(),
    };
    const watched = watchField(field, {
      checker,
      underlines,
      context: () => contextFor(element),
      isIgnored: (finding) => ignored.has(ignoreKey(finding)),
      answered: (reply: CheckReply) => {
        problem = reply.ok ? null : reply.problem;
        findingsListeners.forEach((listener) => listener(view));
      },
      quietMs: parts.quietMs ?? 300,
      onScreen,
    });
    return {
      watched,
      view,
      rectOf: (finding) => underlines.rectOf(finding),
      stop() {
        watched.stop();
        mirror?.stop();
        onScreen.stop();
      },
    };
  };

  const update = () => {
    const fields = new Set(findCheckableFields(document));
    for (const [element, entry] of tracked) {
      if (fields.has(element)) continue;
      entry.stop();
      tracked.delete(element);
    }
    for (const element of fields) if (!tracked.has(element)) tracked.set(element, track(element));
  };

  // Typing inside a field changes nothing about which fields there are: only look again for other changes.
  let updateTimer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver((mutations) => {
    const relevant = mutations.some(
      (mutation) => mutation.type === 'attributes' || !insideTrackedField(mutation.target),
    );
    if (relevant) updateTimer ??= setTimeout(() => ((updateTimer = undefined), update()), 50);
  });
  const insideTrackedField = (node: Node) => {
    for (const element of tracked.keys()) if (element !== node && element.contains(node)) return true;
    return false;
  };

  const redrawAll = () => tracked.forEach((entry) => entry.watched.redraw());

  /** Opens the suggestion list for the finding at the caret in a field; false if there is none. */
  const suggestAt = (element: HTMLElement): boolean => {
    const entry = tracked.get(element);
    const offset = entry?.watched.field.caretOffset();
    const finding = offset == null ? undefined : entry!.watched.findingAt(offset);
    if (!entry || !finding) return false;
    const { field } = entry.watched;
    const spelling = finding.kind === 'spelling';
    openSuggestionMenu(document, {
      finding,
      near: entry.rectOf(finding),
      suggestions:
        spelling && finding.suggestions.length === 0
          ? parts.suggest(finding.text)
          : Promise.resolve(finding.suggestions),
      apply: (replacement) => void field.replace(finding.start, finding.end, finding.text, replacement),
      addWord: spelling
        ? async () => {
            const result = await parts.addWord(finding.text);
            if (!result.ok) return result.problem;
            // Hidden here at once; the checker has the word by the time the answer came, so check again with it.
            ignored.add(ignoreKey(finding));
            redrawAll();
            checker.forget();
            void checkAgain();
            return null;
          }
        : undefined,
      ignore: () => {
        ignored.add(ignoreKey(finding));
        redrawAll();
      },
      closed: (returnFocus) => {
        if (returnFocus) element.focus();
      },
    });
    return true;
  };

  const fieldOf = (target: EventTarget | null): HTMLElement | undefined => {
    if (!(target instanceof Node)) return undefined;
    for (const element of tracked.keys()) if (element === target || element.contains(target)) return element;
    return undefined;
  };
  const onClick = (event: MouseEvent) => {
    const element = fieldOf(event.target);
    if (element) suggestAt(element);
  };
  // Captured before the page's editor sees it, so Alt+Enter opens the list rather than adding a line.
  const onKeyDown = (event: KeyboardEvent) => {
    const asks = (event.key === 'Enter' && event.altKey) || (event.key === '.' && (event.ctrlKey || event.metaKey));
    const element = asks ? fieldOf(event.target) : undefined;
    if (element && suggestAt(element)) {
      event.preventDefault();
      event.stopPropagation();
    }
  };

  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: FIELD_ATTRIBUTES });
  document.addEventListener('click', onClick, true);
  document.addEventListener('keydown', onKeyDown, true);
  update();

  const checkAgain = async () => {
    await Promise.all([...tracked.values()].map((entry) => entry.watched.checkAgain()));
  };
  const page: MarginPage = {
    document,
    fields: () => [...tracked.values()].map((entry) => entry.view),
    onFindings(listener) {
      findingsListeners.add(listener);
      return () => findingsListeners.delete(listener);
    },
    describeFields(describer) {
      describers.push(describer);
      void checkAgain();
      return () => {
        describers.splice(describers.indexOf(describer), 1);
      };
    },
    checkAgain,
    check: (text, context) => parts.check(text, context),
  };

  return {
    page,
    status: (): PageStatus => ({
      fields: tracked.size,
      findings: [...tracked.values()].reduce((total, entry) => total + entry.watched.findings().length, 0),
      unchecked: [...tracked.values()].reduce((total, entry) => total + entry.watched.unchecked(), 0),
      problem,
      url: document.location?.href,
    }),
    checkAgain,
    /** The dictionary or the settings changed: nothing kept still holds, so every field is checked afresh. */
    async forgetAndCheckAgain() {
      checker.forget();
      await checkAgain();
    },
    stop() {
      observer.disconnect();
      clearTimeout(updateTimer);
      document.removeEventListener('click', onClick, true);
      document.removeEventListener('keydown', onKeyDown, true);
      for (const entry of tracked.values()) entry.stop();
      tracked.clear();
      removeOverlay();
    },
  };
}

// Keeps each of the page's free-text fields (as page-fields.ts finds them, now and as they come and go)
// checked and underlined, opens the suggestion list on a click or Alt+Enter / Ctrl+. in an underlined
// word, and says how it is going for the popup.
import type { Finding } from '../../shared/checks/finding.ts';
import type { AddWordResult } from '../../shared/checks/spelling/personal-dictionary.ts';
import type { CheckReply, PageStatus } from '../messages.ts';
import { checkableField, isTextControl } from './fields.ts';
import { createHighlightUnderlines } from './highlights.ts';
import { createMirrorUnderlines } from './mirror-overlay.ts';
import { removeOverlay, topmostPlace } from './overlay-root.ts';
import type { PageFields } from './page-fields.ts';
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

const ignoreKey = (finding: Finding) => `${finding.rule}\u0000${finding.text}`;

interface Tracked {
  watched: WatchedField;
  rectOf(finding: Finding): DOMRect | null;
  stop(): void;
}

export function checkFieldsOnPage(document: Document, fields: PageFields, parts: PageCheckParts) {
  const checker = createParagraphChecker(parts.check);
  const highlightsFor = createHighlightUnderlines();
  const tracked = new Map<HTMLElement, Tracked>();
  const ignored = new Set<string>();
  let problem: string | null = null;

  const track = (element: HTMLElement): Tracked => {
    const field = checkableField(element);
    const mirror = isTextControl(element) ? createMirrorUnderlines(element) : undefined;
    const underlines = mirror ?? highlightsFor(element);
    const onScreen = isTextControl(element)
      ? textControlParagraphsOnScreen(element)
      : richTextParagraphsOnScreen(element);
    const watched = watchField(field, {
      checker,
      underlines,
      watchText: (changed) => fields.watchText(element, changed),
      isIgnored: (finding) => ignored.has(ignoreKey(finding)),
      answered: (reply: CheckReply) => {
        problem = reply.ok ? null : reply.problem;
      },
      quietMs: parts.quietMs ?? 300,
      onScreen,
    });
    return {
      watched,
      rectOf: (finding) => underlines.rectOf(finding),
      stop() {
        watched.stop();
        mirror?.stop();
        onScreen.stop();
      },
    };
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
    const place = topmostPlace(document, entry.rectOf(finding));
    openSuggestionMenu(place.document, {
      finding,
      near: place.rect,
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
  // The list opens once the editor is done with the click: editors that keep their own selection (Lexical)
  // set it again in the DOM just after a click, which would take the focus straight back from the list.
  let clickFrame = 0;
  const onClick = (event: MouseEvent) => {
    const element = fieldOf(event.target);
    if (!element) return;
    cancelAnimationFrame(clickFrame);
    clickFrame = requestAnimationFrame(() => setTimeout(() => suggestAt(element)));
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

  const unfollow = fields.follow({
    added: (element) => tracked.set(element, track(element)),
    removed(element) {
      tracked.get(element)?.stop();
      tracked.delete(element);
    },
  });
  document.addEventListener('click', onClick, true);
  document.addEventListener('keydown', onKeyDown, true);

  const checkAgain = async () => {
    await Promise.all([...tracked.values()].map((entry) => entry.watched.checkAgain()));
  };
  return {
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
      unfollow();
      document.removeEventListener('click', onClick, true);
      cancelAnimationFrame(clickFrame);
      document.removeEventListener('keydown', onKeyDown, true);
      for (const entry of tracked.values()) entry.stop();
      tracked.clear();
      removeOverlay();
    },
  };
}

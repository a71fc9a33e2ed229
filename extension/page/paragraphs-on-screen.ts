// Where a long field's paragraphs are on screen, to check the near ones first (paragraphs-near.ts).
// A rich-text field measures each paragraph's DOM range. A textarea cannot say where its lines are,
// so a hidden copy of its text, laid out as the field lays it out (text-control-layout.ts), is
// measured instead and moved by the field's scroll. A field that is not laid out (hidden) cannot tell:
// all of it is checked.
import type { FieldText, TextControl } from './fields.ts';
import { overlayRoot } from './overlay-root.ts';
import type { Paragraph } from './paragraph-checks.ts';
import { nearBand, paragraphsNear, type Band, type ParagraphSpan } from './paragraphs-near.ts';
import { copyTextLayout } from './text-control-layout.ts';

/** The paragraphs of the field's text near the screen now; null when that cannot be told. */
export interface ParagraphsOnScreen {
  near(text: FieldText, paragraphs: readonly Paragraph[]): ParagraphSpan | null;
  stop(): void;
}

/** Within a screen's height of what the field shows is near. */
function bandAround(element: HTMLElement): Band | null {
  const box = element.getBoundingClientRect();
  const height = element.ownerDocument.defaultView?.innerHeight ?? 0;
  return nearBand({ top: 0, bottom: height }, box, height);
}

const laidOut = (element: HTMLElement) => element.isConnected && element.getClientRects().length > 0;

export function richTextParagraphsOnScreen(element: HTMLElement): ParagraphsOnScreen {
  return {
    near(text, paragraphs) {
      if (!laidOut(element)) return null;
      const band = bandAround(element);
      return paragraphsNear(
        paragraphs.length,
        (index) => {
          const { start, text: words } = paragraphs[index]!;
          // Every paragraph starts and ends in a text node, so it has a range; an unknown place counts as near.
          return text.rangeFor(start, start + words.length)?.getBoundingClientRect() ?? band!;
        },
        band,
      );
    },
    stop() {},
  };
}

export function textControlParagraphsOnScreen(field: TextControl): ParagraphsOnScreen {
  let copy: HTMLElement | undefined;
  return {
    near(_text, paragraphs) {
      if (!(field instanceof HTMLTextAreaElement) || !laidOut(field)) return null;
      if (!copy?.isConnected) {
        copy = field.ownerDocument.createElement('div');
        copy.className = 'measure';
        copy.setAttribute('aria-hidden', 'true');
        overlayRoot(field.ownerDocument).append(copy);
      }
      const box = field.getBoundingClientRect();
      copyTextLayout(field, copy, getComputedStyle(field), box);
      if (copy.textContent !== field.value) copy.textContent = field.value;
      const copyTop = copy.getBoundingClientRect().top;
      // Where the copy's text would be if it scrolled with the field.
      const shift = box.top - field.scrollTop - copyTop;
      const words = copy.firstChild;
      const range = field.ownerDocument.createRange();
      return paragraphsNear(
        paragraphs.length,
        (index) => {
          const { start, text } = paragraphs[index]!;
          range.setStart(words!, start);
          range.setEnd(words!, start + text.length);
          const rect = range.getBoundingClientRect();
          return { top: rect.top + shift, bottom: rect.bottom + shift };
        },
        bandAround(field),
      );
    },
    stop() {
      copy?.remove();
    },
  };
}

// Lays an element of Margin's out as a textarea or text input lays out its text (font, spacing,
// padding, borders, width, wrapping), so a character lands in the same place in both: the mirror that
// draws a text control's underlines and the hidden copy that finds where its paragraphs are use it.
import type { TextControl } from './fields.ts';

// Everything that decides where a character lands.
const COPIED_STYLES = [
  'fontFamily',
  'fontSize',
  'fontWeight',
  'fontStyle',
  'fontVariant',
  'fontStretch',
  'fontKerning',
  'fontFeatureSettings',
  'letterSpacing',
  'wordSpacing',
  'lineHeight',
  'textTransform',
  'textIndent',
  'textAlign',
  'direction',
  'tabSize',
  'paddingTop',
  'paddingRight',
  'paddingBottom',
  'paddingLeft',
  'borderTopWidth',
  'borderRightWidth',
  'borderBottomWidth',
  'borderLeftWidth',
  'borderTopStyle',
  'borderRightStyle',
  'borderBottomStyle',
  'borderLeftStyle',
  'overflowWrap',
  'wordBreak',
] as const;

/** Copies the field's text layout onto `copy` (a border-box element of Margin's overlay) at the field's width. */
export function copyTextLayout(field: TextControl, copy: HTMLElement, style: CSSStyleDeclaration, rect: DOMRect): void {
  for (const name of COPIED_STYLES) copy.style[name] = style[name];
  copy.style.width = `${rect.width}px`;
  // A textarea's scroll bar narrows the text; the copy has none, so it is padded by the same amount.
  const scrollBar =
    field.offsetWidth - field.clientWidth - parseFloat(style.borderLeftWidth) - parseFloat(style.borderRightWidth);
  if (scrollBar > 0) copy.style.paddingRight = `${parseFloat(style.paddingRight) + scrollBar}px`;
  if (field instanceof HTMLTextAreaElement) {
    copy.style.whiteSpace = 'pre-wrap';
  } else {
    // An input centres its one line: a line as tall as its content box does the same.
    copy.style.whiteSpace = 'pre';
    copy.style.lineHeight = `${field.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom)}px`;
  }
}

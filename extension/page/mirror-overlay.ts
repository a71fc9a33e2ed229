// Underlines for a textarea or text input, which the Highlight API cannot paint into: a mirror element
// in Margin's overlay, laid exactly over the field with the same font, padding, borders and scroll,
// holding the same text in transparent ink with the findings wrapped in underlined spans. It follows
// the field's scrolling and resizing, a frame at a time. The field itself is never touched.
import type { Finding } from '../../shared/checks/finding.ts';
import type { TextControl } from './fields.ts';
import { overlayRoot } from './overlay-root.ts';
import type { Underlines } from './underlines.ts';

// Everything that decides where a character lands.
const COPIED_STYLES = [
  'fontFamily', 'fontSize', 'fontWeight', 'fontStyle', 'fontVariant', 'fontStretch', 'fontKerning', 'fontFeatureSettings',
  'letterSpacing', 'wordSpacing', 'lineHeight', 'textTransform', 'textIndent', 'textAlign', 'direction', 'tabSize',
  'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft',
  'borderTopWidth', 'borderRightWidth', 'borderBottomWidth', 'borderLeftWidth', 'borderTopStyle', 'borderRightStyle', 'borderBottomStyle', 'borderLeftStyle',
  'overflowWrap', 'wordBreak',
] as const;

export function createMirrorUnderlines(field: TextControl): Underlines & { stop(): void } {
  const mirror = field.ownerDocument.createElement('div');
  mirror.className = 'mirror';
  mirror.setAttribute('aria-hidden', 'true');
  overlayRoot(field.ownerDocument).append(mirror);
  const multiline = field instanceof HTMLTextAreaElement;
  let frame = 0;
  let drawn = false;

  const place = () => {
    frame = 0;
    if (!field.isConnected) return;
    const rect = field.getBoundingClientRect();
    const style = getComputedStyle(field);
    const hidden = rect.width === 0 || rect.height === 0 || style.visibility === 'hidden' || !drawn;
    mirror.style.display = hidden ? 'none' : 'block';
    if (hidden) return;
    for (const name of COPIED_STYLES) mirror.style[name] = style[name];
    Object.assign(mirror.style, { left: `${rect.left}px`, top: `${rect.top}px`, width: `${rect.width}px`, height: `${rect.height}px` });
    // A textarea's scroll bar narrows the text; the mirror has none, so it is padded by the same amount.
    const scrollBar = field.offsetWidth - field.clientWidth - parseFloat(style.borderLeftWidth) - parseFloat(style.borderRightWidth);
    if (scrollBar > 0) mirror.style.paddingRight = `${parseFloat(style.paddingRight) + scrollBar}px`;
    if (multiline) {
      mirror.style.whiteSpace = 'pre-wrap';
    } else {
      // An input centres its one line: a line as tall as its content box does the same.
      mirror.style.whiteSpace = 'pre';
      mirror.style.lineHeight = `${field.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom)}px`;
    }
    mirror.scrollTop = field.scrollTop;
    mirror.scrollLeft = field.scrollLeft;
  };
  const follow = () => {
    frame ||= requestAnimationFrame(place);
  };

  const resized = new ResizeObserver(follow);
  resized.observe(field);
  field.addEventListener('scroll', follow, { passive: true });
  field.addEventListener('input', follow);
  window.addEventListener('scroll', follow, { capture: true, passive: true });
  window.addEventListener('resize', follow, { passive: true });

  const clear = () => {
    drawn = false;
    mirror.replaceChildren();
    follow();
  };

  return {
    draw(findings, { text }) {
      const parts: (string | HTMLElement)[] = [];
      let at = 0;
      for (const finding of findings) {
        if (finding.start < at) continue;
        parts.push(text.slice(at, finding.start));
        const span = field.ownerDocument.createElement('span');
        span.className = finding.kind;
        span.dataset.start = String(finding.start);
        span.dataset.end = String(finding.end);
        span.textContent = text.slice(finding.start, finding.end);
        parts.push(span);
        at = finding.end;
      }
      // A final line break only shows its empty line when something follows it.
      parts.push(text.slice(at) + (text.endsWith('\n') ? '\u200b' : ''));
      mirror.replaceChildren(...parts);
      drawn = findings.length > 0;
      place();
    },
    rectOf(finding) {
      place();
      const span = mirror.querySelector<HTMLElement>(`span[data-start="${finding.start}"][data-end="${finding.end}"]`);
      return span?.getBoundingClientRect() ?? null;
    },
    clear,
    stop() {
      cancelAnimationFrame(frame);
      resized.disconnect();
      field.removeEventListener('scroll', follow);
      field.removeEventListener('input', follow);
      window.removeEventListener('scroll', follow, { capture: true });
      window.removeEventListener('resize', follow);
      mirror.remove();
    },
  };
}

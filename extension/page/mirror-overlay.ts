import type { TextControl } from './fields.ts';
import { overlayRoot } from './overlay-root.ts';
import { copyTextLayout } from './text-control-layout.ts';
import type { Underlines } from './underlines.ts';

export function createMirrorUnderlines(field: TextControl): Underlines & { stop(): void } {
  const mirror = field.ownerDocument.createElement('div');
  mirror.className = 'mirror';
  mirror.setAttribute('aria-hidden', 'true');
  overlayRoot(field.ownerDocument).append(mirror);
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
    copyTextLayout(field, mirror, style, rect);
    Object.assign(mirror.style, { left: `${rect.left}px`, top: `${rect.top}px`, height: `${rect.height}px` });
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

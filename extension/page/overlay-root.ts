// The one element Margin adds to a page: a shadow root over everything, outside every field, holding
// the mirrors that draw underlines for text controls and the suggestion list. The page's styles do
// not reach into it and its own do not leak out; the element is added on first use.
import { underlineRules } from '../../shared/checks/finding-look.ts';

const HOST_ATTRIBUTE = 'data-margin-overlay';

// One a document: the content script in an editor's frame draws its suggestion list on the page above it.
const overlays = new Map<Document, ShadowRoot>();

export function overlayRoot(document: Document): ShadowRoot {
  const existing = overlays.get(document);
  if (existing?.host.isConnected) return existing;
  const host = document.createElement('div');
  host.setAttribute(HOST_ATTRIBUTE, '');
  // The host covers nothing and catches no clicks; what is inside places itself in viewport coordinates.
  host.style.cssText =
    'all: initial; position: fixed; inset: 0 auto auto 0; width: 0; height: 0; z-index: 2147483646; pointer-events: none;';
  const overlay = host.attachShadow({ mode: 'open' });
  overlays.set(document, overlay);
  const style = document.createElement('style');
  style.textContent = OVERLAY_CSS;
  overlay.append(style);
  // Where the body is the editor (TinyMCE's and CKEditor 4's iframes), the overlay would become part of its
  // content: it goes beside the body instead.
  const body = document.body;
  (body && !body.isContentEditable ? body : document.documentElement).append(host);
  return overlay;
}

export function removeOverlay(): void {
  for (const overlay of overlays.values()) overlay.host.remove();
  overlays.clear();
}

/**
 * Where to draw something for a place in a document: in that document, or, when it is a same-origin frame
 * (an editor's iframe, too small to hold a list), in the page the frame is in, with the place moved into
 * that page's coordinates.
 */
export function topmostPlace(document: Document, rect: DOMRect | null): { document: Document; rect: DOMRect | null } {
  let at = { document, rect };
  for (;;) {
    let frame: Element | null = null;
    try {
      frame = at.document.defaultView?.frameElement ?? null;
    } catch {
      frame = null;
    }
    if (!frame) return at;
    const box = frame.getBoundingClientRect();
    const dx = box.left + frame.clientLeft;
    const dy = box.top + frame.clientTop;
    at = {
      document: frame.ownerDocument,
      rect: at.rect && new DOMRect(at.rect.x + dx, at.rect.y + dy, at.rect.width, at.rect.height),
    };
  }
}

const OVERLAY_CSS = `
.mirror { position: fixed; box-sizing: border-box; overflow: hidden; color: transparent; border-color: transparent !important;
  pointer-events: none; user-select: none; margin: 0; background: none; }
.measure { position: fixed; left: 0; top: 0; box-sizing: border-box; visibility: hidden; margin: 0; pointer-events: none; }
${underlineRules((kind) => `.mirror .${kind}`)}.menu { position: fixed; pointer-events: auto; box-sizing: border-box; min-width: 14rem; max-width: min(28rem, 90vw); padding: 0.6rem;
  background: #fff; color: #1b1f24; border: 1px solid #5b6169; border-radius: 6px; box-shadow: 0 4px 14px rgb(0 0 0 / 0.18);
  font: 14px/1.4 system-ui, sans-serif; text-align: left; }
.menu:focus { outline: none; }
.menu p { margin: 0 0 0.5rem; }
.menu .note { color: #4a5058; }
.menu ul { list-style: none; margin: 0 0 0.5rem; padding: 0; display: flex; flex-wrap: wrap; gap: 0.3rem; }
.menu .actions { display: flex; flex-wrap: wrap; gap: 0.3rem; }
.menu button { font: inherit; padding: 0.25rem 0.6rem; border-radius: 4px; border: 1px solid #5b6169; background: #f3f4f6; color: #1b1f24; cursor: pointer; }
.menu button.suggestion { background: #1d4e89; border-color: #1d4e89; color: #fff; }
.menu button:focus-visible { outline: 3px solid #f0b400; outline-offset: 2px; }
.menu .error:empty { display: none; }
.menu .error { color: #b3261e; }
`;

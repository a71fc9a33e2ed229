// The headers every answer of the relay carries, and the stricter ones for the web app's pages and scripts; and
// which pages may open websockets here. The app loads only its own files, talks only to its own relay, and may not
// be framed; the checker's worker compiles WebAssembly (Harper) from a blob URL it makes itself.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** For the app's files. A worker takes the policy of its own script's answer, so scripts carry it too. */
export const appContentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "connect-src 'self' blob:",
  "img-src 'self' data: blob:",
  // Editors set style attributes (ProseMirror, the suggestion menu's placement).
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** For everything that is not the app (JSON, metrics, plain-text answers): nothing runs, nothing frames it. */
const dataContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

const permissionsPolicy = 'camera=(), microphone=(), geolocation=(), payment=(), usb=()';

/** Sets the headers every answer carries; `app` for the web app's own files. */
export function setSecurityHeaders(response: ServerResponse, options: { app: boolean; https: boolean }): void {
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('X-Frame-Options', 'DENY');
  response.setHeader('Permissions-Policy', permissionsPolicy);
  response.setHeader('Content-Security-Policy', options.app ? appContentSecurityPolicy : dataContentSecurityPolicy);
  if (options.https) response.setHeader('Strict-Transport-Security', 'max-age=31536000');
}

/**
 * Whether a websocket may be opened from the page that asks: its Origin is the relay's own (the host the request
 * was sent to, or the public origin) or one of `allowed`. A request without an Origin comes from a program, not a
 * page of another site (browsers always send one), and carries no one's cookies: it is let through to the token check.
 */
export function originAllowed(request: IncomingMessage, allowed: readonly string[]): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  if (allowed.includes(origin)) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

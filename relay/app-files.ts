// Serves the built web app: its files, index.html for in-app addresses like /report/abc, and a page saying
// how to build the app when it is missing. Files are looked up on each request, so rebuilding the app while
// the relay runs serves the new build.
import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import sirv from 'sirv';

/** Vite names files under /assets/ by their content hash, so they never change; everything else may. */
function setCacheHeaders(res: ServerResponse, pathname: string): void {
  res.setHeader('Cache-Control', pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
}

export function serveAppFiles(appDir: string): (req: IncomingMessage, res: ServerResponse) => void {
  const root = resolve(appDir);
  const files = sirv(root, { dev: true, etag: true, single: true, setHeaders: setCacheHeaders });
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res
        .writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' })
        .end('Method not allowed\n');
      return;
    }
    if (!existsSync(join(root, 'index.html'))) {
      res
        .writeHead(503, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' })
        .end(appMissingPage(root));
      return;
    }
    files(req, res, () => {
      res
        .writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-cache' })
        .end('Not found\n');
    });
  };
}

function appMissingPage(root: string): string {
  return `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<title>Margin: the app is not built yet</title>
<h1>The Margin app is not built yet</h1>
<p>The relay is running and syncing reports, but there is no built web app in <code>${escapeHtml(root)}</code>.</p>
<p>Run <code>npm run build:app</code>, then reload this page. (<code>npm start</code> builds the app before it starts the relay.)</p>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);
}

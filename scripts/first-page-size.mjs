// The JavaScript the app's first page loads, gzipped: the entry script and every chunk it imports statically (what
// index.html preloads), not the pages fetched when opened. `npm run size` prints it; `npm test` fails above the limit.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const firstPageLimitBytes = 220 * 1024;

/** Every script the first page runs before it is interactive, as paths under `appDir`, with its gzipped size. */
export function firstPageScripts(appDir = 'dist/app') {
  const html = readFileSync(join(appDir, 'index.html'), 'utf8');
  const start = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((match) => match[1]);
  const preloaded = [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((match) => match[1]);
  const seen = new Map();
  const visit = (path) => {
    const file = path.replace(/^\//, '');
    if (seen.has(file)) return;
    const code = readFileSync(join(appDir, file));
    seen.set(file, gzipSync(code).length);
    // Static imports only: `import("./x.js")` is a page fetched later.
    for (const match of code.toString('utf8').matchAll(/(?:from|import)\s*["'](\.\/[^"']+\.js)["']/g)) {
      visit(join(file, '..', match[1]));
    }
  };
  for (const path of [...start, ...preloaded]) visit(path);
  return [...seen].map(([file, gzipBytes]) => ({ file, gzipBytes }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const scripts = firstPageScripts(process.argv[2]);
  const total = scripts.reduce((sum, script) => sum + script.gzipBytes, 0);
  for (const script of scripts.sort((a, b) => b.gzipBytes - a.gzipBytes)) {
    console.log(`${(script.gzipBytes / 1024).toFixed(1).padStart(7)} kB  ${script.file}`);
  }
  const verdict = total <= firstPageLimitBytes ? 'within' : 'OVER';
  console.log(
    `First page JavaScript: ${(total / 1024).toFixed(1)} kB gzip, ${verdict} the ${firstPageLimitBytes / 1024} kB limit`,
  );
  process.exit(total <= firstPageLimitBytes ? 0 : 1);
}

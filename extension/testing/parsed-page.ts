// For the adapters' tests: a page parsed without a browser (linkedom, which WXT already brings), from
// HTML written in the test or from one of the e2e/pages the browser tests open.
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';

export function parsePage(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

/** A parsed page at an address, for code that asks where it is. */
export function pageAt(href: string, html = '<main></main>'): Document {
  const page = parsePage(html);
  Object.defineProperty(page, 'location', { value: { href } });
  return page;
}

export function e2ePage(name: string): Document {
  return parsePage(readFileSync(new URL(`../../e2e/pages/${name}`, import.meta.url), 'utf8'));
}

export const anywhere = { hostname: 'reports.example.org', pathname: '/session/add' };

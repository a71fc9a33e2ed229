import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findingLookStylesheets } from './finding-look-css.ts';

describe("the findings' stylesheets", () => {
  it.each(findingLookStylesheets)('$path is up to date with shared/checks/finding-look.ts', ({ path, css }) => {
    const kept = readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
    expect(kept, `${path} is out of date: run npx tsx scripts/finding-look-css.ts`).toBe(css);
  });

  it('draws each kind with its own colour and line', () => {
    const extension = findingLookStylesheets.find(({ path }) => path.startsWith('extension/'))!.css;
    expect(extension).toContain('::highlight(margin-spelling) {\n  text-decoration: underline wavy #b3261e;');
    expect(extension).toContain('::highlight(margin-grammar) {\n  text-decoration: underline wavy #1d4e89;');
    expect(extension).toContain('::highlight(margin-prompt) {\n  text-decoration: underline dotted #8a5a00;');
  });
});

// Writes the stylesheets that draw findings' underlines from shared/checks/finding-look.ts, so their
// colours and lines are declared once: `npx tsx scripts/finding-look-css.ts`. The files are kept in
// the repository (a content script's stylesheet must be a file, and the app's CSP may refuse styles
// made at run time); finding-look-css.test.ts fails when one is out of date.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { findingKinds, findingLooks, HIGHLIGHT_NAMES, underlineRules } from '../shared/checks/finding-look.ts';

const header = (drawnBy: string) =>
  `/* Generated from shared/checks/finding-look.ts by scripts/finding-look-css.ts: edit those, not this.\n   ${drawnBy} */\n`;

export const findingLookStylesheets: { path: string; css: string }[] = [
  {
    path: 'app/src/editor/finding-underlines.css',
    css: `${header("The underlines in the app's fields (check-plugin.ts), and each kind's colour for the rest of checks.css.")}
:root {
${findingKinds.map((kind) => `  --finding-${kind}-colour: ${findingLooks[kind].underline.colour};`).join('\n')}
}

${underlineRules((kind) => `.editor .check-${kind}`)}`,
  },
  {
    path: 'extension/page/underlines.css',
    css: `${header('The underlines the extension draws in rich-text fields (CSS Highlight API, highlights.ts); text controls\n   get the same lines from their mirror overlay (overlay-root.ts).')}
${underlineRules((kind) => `::highlight(${HIGHLIGHT_NAMES[kind]})`)}`,
  },
];

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  for (const { path, css } of findingLookStylesheets) writeFileSync(`${root}${path}`, css);
}

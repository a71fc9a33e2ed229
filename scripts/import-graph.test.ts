import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  arrowBreaks,
  cyclePath,
  findCycles,
  nodeInBrowserCode,
  readImportGraph,
  scanImports,
  sharedFolderGraph,
} from './import-graph.ts';

// A tiny tree written for each test, so the fixture's own circles never reach the real lint run.
let root: string;
function tree(files: Record<string, string>) {
  root = mkdtempSync(join(tmpdir(), 'margin-import-graph-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return readImportGraph(root);
}
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('import graph', () => {
  it('finds a circle of three files, type-only imports included, and gives one way round it', () => {
    const graph = tree({
      'shared/a.ts': "import { b } from './b.ts';\nexport const a = b;",
      'shared/b.ts': "import type { C } from './c.ts';\nexport const b = 1 as C;",
      'shared/c.ts': "import { a } from './a';\nexport type C = typeof a;",
      'shared/d.ts': "import { a } from './a.ts';\nexport const d = a;",
    });
    const cycles = findCycles(graph);
    expect(cycles).toEqual([['shared/a.ts', 'shared/b.ts', 'shared/c.ts']]);
    expect(cyclePath(graph, cycles[0])).toEqual(['shared/a.ts', 'shared/b.ts', 'shared/c.ts', 'shared/a.ts']);
  });

  it('finds a file importing itself, and nothing in a tree without circles', () => {
    expect(findCycles(tree({ 'relay/self.ts': "export { x } from './self.ts';\nexport const x = 1;" }))).toEqual([
      ['relay/self.ts'],
    ]);
    rmSync(root, { recursive: true, force: true });
    const graph = tree({
      'shared/x.ts': 'export const x = 1;',
      'shared/y.ts': "import { x } from './x.ts';\nimport { z } from 'zod';\nexport const y = [x, z];",
      'app/main.ts': "import { y } from '../shared/y.ts';\nexport default y;",
    });
    expect(findCycles(graph)).toEqual([]);
    expect(graph.get('shared/y.ts')).toEqual(new Set(['shared/x.ts']));
  });

  it('reports imports against the arrows: shared into a program, and one program into another', () => {
    const graph = tree({
      'shared/rule.ts': "import { page } from '../extension/page.ts';\nexport const rule = page;",
      'extension/page.ts': 'export const page = 1;',
      'relay/room.ts': "import { page } from '../extension/page.ts';\nimport { rule } from '../shared/rule.ts';",
      'e2e/spec.ts': "import { page } from '../extension/page.ts';\nimport '../relay/room.ts';",
      'scripts/load.ts': 'export const load = 1;',
      'shared/rule.test.ts': "import { load } from '../scripts/load.ts';",
      'app/main.ts': "import { load } from '../scripts/load.ts';",
    });
    expect(arrowBreaks(graph).sort()).toEqual([
      'app/main.ts -> scripts/load.ts',
      'relay/room.ts -> extension/page.ts',
      'shared/rule.ts -> extension/page.ts',
    ]);
  });

  it("reports Node's modules in code that runs in a browser, but not in tests, test support or relay", () => {
    tree({
      'shared/hash.ts': "import { createHash } from 'node:crypto';",
      'app/src/store.ts': "const fs = await import('node:fs');",
      'app/src/store.test.ts': "import { readFileSync } from 'node:fs';",
      'extension/testing/page.ts': "import { readFileSync } from 'node:fs';",
      'relay/main.ts': "import { createServer } from 'node:http';",
    });
    expect(nodeInBrowserCode(scanImports(root).nodeBuiltins).sort()).toEqual([
      'app/src/store.ts imports node:fs',
      'shared/hash.ts imports node:crypto',
    ]);
  });

  it('folds shared/ into its top folders to find folder circles', () => {
    const graph = tree({
      'shared/doc/layout.ts': "import { steps } from '../coaching/steps.ts';\nexport const layout = steps;",
      'shared/coaching/steps.ts': 'export const steps = 1;',
      'shared/coaching/record.ts': "import { layout } from '../doc/layout.ts';\nexport const record = layout;",
    });
    expect(findCycles(graph)).toEqual([]);
    expect(findCycles(sharedFolderGraph(graph))).toEqual([['shared/coaching', 'shared/doc']]);
  });

  it('leaves tests out of folder circles: a test may set up documents from a folder its code never imports', () => {
    const graph = tree({
      'shared/doc/layout.ts': "import { steps } from '../coaching/steps.ts';\nexport const layout = steps;",
      'shared/coaching/steps.ts': 'export const steps = 1;',
      'shared/coaching/steps.test.ts': "import { layout } from '../doc/layout.ts';\nexport const seen = layout;",
    });
    expect(graph.get('shared/coaching/steps.test.ts')?.has('shared/doc/layout.ts')).toBe(true);
    expect(findCycles(sharedFolderGraph(graph))).toEqual([]);
  });
});

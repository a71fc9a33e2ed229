// Part of `npm run lint`: reads every import in the source tree (with the TypeScript compiler's own
// import scanner, so no package is added) and holds the lines the compiler cannot:
// - no file-level import circle anywhere (type-only imports count: a circle of types is still a circle);
// - the arrows of shared/ARCHITECTURE.md: shared/ imports none of the programs, and app/, relay/ and
//   extension/ never import each other; code that runs in a browser imports none of Node's modules;
// - folder-level circles between shared/'s folders, counting the code's own imports (a test may set up
//   documents from a folder its code never imports).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

export type ImportGraph = Map<string, Set<string>>;

const sourceFile = /\.(ts|tsx|mts|mjs|js)$/;
const skippedFolders = new Set(['node_modules', 'dist', '.output', '.wxt', 'vendor', 'test-results', '.test-reports']);
export const scannedParts = ['shared', 'app', 'relay', 'extension', 'e2e', 'bench', 'scripts'];

// Who may import whom. The three programs see shared/ and themselves; the test and tool folders may
// reach into any part to drive it. A unit test runs in Node beside the code it tests, so it may also
// use scripts/' Node-side loaders (the dictionary from its package, for one).
const programs = ['app', 'relay', 'extension'];
export function arrowAllows(from: string, to: string, fromTest = false): boolean {
  if (from === to || (fromTest && to === 'scripts')) return true;
  if (from === 'shared') return false;
  if (programs.includes(from)) return to === 'shared';
  return true;
}

function sourceFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return skippedFolders.has(name) ? [] : sourceFiles(path);
    return sourceFile.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function resolveImport(fromFile: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(fromFile), specifier.replace(/\?.*$/, ''));
  const candidates = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), base.replace(/\.js$/, '.ts')];
  return candidates.find((path) => existsSync(path) && statSync(path).isFile());
}

export interface ImportScan {
  /** Every file under root's parts, each with the files it imports (relative imports only). */
  graph: ImportGraph;
  /** Each file's imports of Node's built-in modules (node:fs...). */
  nodeBuiltins: Map<string, string[]>;
}

export function scanImports(root: string, parts: string[] = scannedParts): ImportScan {
  const graph: ImportGraph = new Map();
  const nodeBuiltins = new Map<string, string[]>();
  for (const file of parts.flatMap((part) => sourceFiles(join(root, part)))) {
    const scanned = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const name = relative(root, file).split(sep).join('/');
    const imports = new Set<string>();
    for (const { fileName } of scanned.importedFiles) {
      const target = resolveImport(file, fileName);
      if (target && sourceFile.test(target)) imports.add(relative(root, target).split(sep).join('/'));
    }
    graph.set(name, imports);
    const builtins = scanned.importedFiles.map(({ fileName }) => fileName).filter((name) => name.startsWith('node:'));
    if (builtins.length > 0) nodeBuiltins.set(name, builtins);
  }
  return { graph, nodeBuiltins };
}

export const readImportGraph = (root: string, parts?: string[]) => scanImports(root, parts).graph;

/** The strongly connected groups of more than one node, or one node importing itself (Tarjan's algorithm). */
export function findCycles(graph: ImportGraph): string[][] {
  const index = new Map<string, number>();
  const lowest = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let next = 0;
  const visit = (node: string) => {
    index.set(node, next);
    lowest.set(node, next);
    next += 1;
    stack.push(node);
    onStack.add(node);
    for (const target of graph.get(node) ?? []) {
      if (!index.has(target)) {
        visit(target);
        lowest.set(node, Math.min(lowest.get(node)!, lowest.get(target)!));
      } else if (onStack.has(target)) {
        lowest.set(node, Math.min(lowest.get(node)!, index.get(target)!));
      }
    }
    if (lowest.get(node) !== index.get(node)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      group.push(member);
    } while (member !== node);
    if (group.length > 1 || graph.get(node)?.has(node)) cycles.push(group.sort());
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return cycles;
}

/** One concrete way round a cycle, so the message names the imports to cut rather than a heap of files. */
export function cyclePath(graph: ImportGraph, group: string[]): string[] {
  const members = new Set(group);
  const start = group[0];
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const target of graph.get(node) ?? []) {
      if (!members.has(target)) continue;
      if (target === start) {
        const path = [start];
        for (let at = node; at !== start; at = cameFrom.get(at)!) path.splice(1, 0, at);
        return [...path, start];
      }
      if (!cameFrom.has(target)) {
        cameFrom.set(target, node);
        queue.push(target);
      }
    }
  }
  return group;
}

export const partOf = (file: string) => file.split('/')[0];

/** Imports that point against the arrows between parts, as "from -> to" lines. */
export function arrowBreaks(graph: ImportGraph): string[] {
  return [...graph].flatMap(([file, imports]) =>
    [...imports]
      .filter((target) => !arrowAllows(partOf(file), partOf(target), file.endsWith('.test.ts')))
      .map((target) => `${file} -> ${target}`),
  );
}

// Code that runs in a browser (all of shared/, the app, the extension) cannot load Node's modules; their
// unit tests, test support (testing/ folders) and build configuration run in Node and may. The compiler catches most of this too, but WXT's own type declarations
// pull Node's types into the extension's project, so this line is held here as well.
const browserParts = ['shared', 'app', 'extension'];
export function nodeInBrowserCode(nodeBuiltins: Map<string, string[]>): string[] {
  return [...nodeBuiltins]
    .filter(([file]) => browserParts.includes(partOf(file)) && !/\.(test|config)\.ts$|\/testing\//.test(file))
    .map(([file, builtins]) => `${file} imports ${builtins.join(', ')}`);
}

/** The graph between shared/'s top folders (shared/doc, shared/forms...), for folder-level circles; tests left out. */
export function sharedFolderGraph(graph: ImportGraph): ImportGraph {
  const folderOf = (file: string) => file.split('/').slice(0, 2).join('/');
  const folders: ImportGraph = new Map();
  for (const [file, imports] of graph) {
    if (partOf(file) !== 'shared' || file.split('/').length < 3 || file.endsWith('.test.ts')) continue;
    const from = folderOf(file);
    const targets = folders.get(from) ?? new Set();
    for (const target of imports) {
      if (partOf(target) === 'shared' && target.split('/').length >= 3 && folderOf(target) !== from)
        targets.add(folderOf(target));
    }
    folders.set(from, targets);
  }
  return folders;
}

function main() {
  const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
  const { graph, nodeBuiltins } = scanImports(root);
  const fileCycles = findCycles(graph);
  const breaks = [...arrowBreaks(graph), ...nodeInBrowserCode(nodeBuiltins)];
  const folders = sharedFolderGraph(graph);
  const folderCycles = findCycles(folders);

  for (const group of fileCycles) console.error(`Import circle: ${cyclePath(graph, group).join(' -> ')}`);
  for (const line of breaks) console.error(`Import against shared/ARCHITECTURE.md: ${line}`);
  for (const group of folderCycles)
    console.error(
      `Folder circle in shared/ among ${group.join(', ')}; for one: ${cyclePath(folders, group).join(' -> ')}`,
    );
  const edges = [...graph.values()].reduce((sum, imports) => sum + imports.size, 0);
  console.log(
    `import-graph: ${graph.size} files, ${edges} imports; ${fileCycles.length} file circles, ${breaks.length} imports against the architecture, ${folderCycles.length} shared/ folder circles`,
  );
  if (fileCycles.length > 0 || breaks.length > 0 || folderCycles.length > 0) process.exit(1);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) main();

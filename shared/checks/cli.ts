// `npm run check -- <file> [--json]`: checks a text file the way the app and the extension do.
// Prints one line per finding (file:line:col), or with --json one array of findings with their
// suggestions filled in. Exit 0 when the text is clean, 1 when there are findings, 2 when it
// cannot check (no file given, or the file cannot be read).
import { readFile } from 'node:fs/promises';
import type { Finding } from './finding.ts';
import { loadBritishDictionary } from './load-dictionary.ts';
import { createSpellChecker } from './spelling/spell-checker.ts';

const usage = 'Usage: npm run check -- <file> [--json]';

async function main(args: string[]): Promise<number> {
  const json = args.includes('--json');
  const files = args.filter((arg) => arg !== '--json');
  if (files.length !== 1 || files[0]!.startsWith('-')) {
    console.error(files.length === 0 ? `No file to check.\n${usage}` : `Give one file to check.\n${usage}`);
    return 2;
  }
  const file = files[0]!;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    console.error(`Cannot read ${file}: ${describeReadError(error)}`);
    return 2;
  }

  const checker = createSpellChecker(loadBritishDictionary());
  const findings = checker.check(text);
  if (json) {
    const withSuggestions = findings.map((finding) => ({ ...finding, suggestions: checker.suggest(finding.text) }));
    console.log(JSON.stringify(withSuggestions, null, 2));
  } else {
    for (const finding of findings) console.log(describeFinding(file, text, finding));
    if (findings.length === 0) console.log(`${file}: no spelling mistakes found`);
  }
  return findings.length > 0 ? 1 : 0;
}

function describeFinding(file: string, text: string, finding: Finding): string {
  const before = text.slice(0, finding.start);
  const line = before.split('\n').length;
  const column = finding.start - before.lastIndexOf('\n');
  return `${file}:${line}:${column}  ${finding.message}`;
}

function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'there is no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  return error instanceof Error ? error.message : String(error);
}

process.exitCode = await main(process.argv.slice(2));

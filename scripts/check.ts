// `npm run check -- <file> [--json] [--form <name>] [--field <key>] [--fast]`: checks a text file the
// way the app and the extension do. Prints one line per finding (file:line:col), or with --json one
// array of findings with their suggestions filled in. Exit 0 when the text is clean, 1 when there are
// findings, 2 when it cannot check (a bad option, or the file cannot be read).
//
// Harper's grammar is included, as in the app: it takes two to three seconds to start in Node.
// --fast leaves it out (spelling, our British grammar rules and the prompts still run).
// --form and --field say which form and field the text is from, so the objective prompts apply
// (e.g. --field learningObjective1, --field progressComment, --field learnerComments).
import { readFile } from 'node:fs/promises';
import { createChecker, mergeFindings } from '../shared/checks/checker.ts';
import { parseArguments, usage } from './check-arguments.ts';
import type { Finding } from '../shared/checks/finding.ts';
import { loadBritishDictionary, loadWordFrequencies } from './load-dictionary.ts';

async function main(args: string[]): Promise<number> {
  const options = parseArguments(args);
  if ('problem' in options) {
    console.error(`${options.problem}\n${usage}`);
    return 2;
  }
  const { file, json, fast, context } = options;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    console.error(`Cannot read ${file}: ${describeReadError(error)}`);
    return 2;
  }

  const checker = createChecker({ dictionary: loadBritishDictionary(), frequencies: loadWordFrequencies() });
  let findings = checker.check(text, context);
  if (!fast) findings = mergeFindings(findings, await harperFindings(text));
  if (json) {
    const withSuggestions = findings.map((finding) =>
      finding.kind === 'spelling' ? { ...finding, suggestions: checker.suggest(finding.text) } : finding,
    );
    console.log(JSON.stringify(withSuggestions, null, 2));
  } else {
    for (const finding of findings) console.log(describeFinding(file, text, finding));
    if (findings.length === 0) console.log(`${file}: no problems found`);
  }
  return findings.length > 0 ? 1 : 0;
}

// Loaded only when asked for, so --fast never pays for the WebAssembly module.
async function harperFindings(text: string): Promise<Finding[]> {
  const [{ loadHarperGrammar }, { slimBinary }] = await Promise.all([
    import('../shared/checks/grammar/harper.ts'),
    import('harper.js/slimBinary'),
  ]);
  const harper = await loadHarperGrammar(slimBinary);
  try {
    return await harper.check(text);
  } finally {
    await harper.dispose();
  }
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

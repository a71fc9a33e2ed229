// The command line's options, read without touching the file system, so they can be tested alone.
import type { CheckContext } from '../shared/checks/context.ts';

export const usage = 'Usage: npm run check -- <file> [--json] [--form <name>] [--field <key>] [--fast]';

export interface Options {
  file: string;
  json: boolean;
  fast: boolean;
  context: CheckContext;
}

export function parseArguments(args: string[]): Options | { problem: string } {
  const files: string[] = [];
  const context: CheckContext = {};
  let json = false;
  let fast = false;
  for (let at = 0; at < args.length; at++) {
    const arg = args[at]!;
    if (arg === '--json') json = true;
    else if (arg === '--fast') fast = true;
    else if (arg === '--form' || arg === '--field') {
      const value = args[++at];
      if (value === undefined || value.startsWith('-') || value.trim() === '')
        return {
          problem: `${arg} needs a value, e.g. ${arg === '--form' ? '--form session-report' : '--field progressComment'}.`,
        };
      context[arg === '--form' ? 'form' : 'field'] = value;
    } else if (arg.startsWith('-')) return { problem: `Unknown option ${arg}.` };
    else files.push(arg);
  }
  if (files.length !== 1) return { problem: files.length === 0 ? 'No file to check.' : 'Give one file to check.' };
  return { file: files[0]!, json, fast, context };
}

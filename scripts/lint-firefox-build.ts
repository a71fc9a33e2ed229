// `npm run lint:extension`: lints the Firefox build (.output/firefox-mv3, from `npm run build:extension`) with
// Mozilla's own linter, through web-ext's lint command (addons-linter, what addons.mozilla.org runs on an
// upload), and holds the line: no errors, and no warnings but the few below, each one found by the code it
// points at, so any other warning, or the same kind somewhere else, fails. Exit 0 when clean, 1 when not, 2
// when there is no build to lint. The test beside it runs the same check.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import webExt, { type LintMessage, type LintReport } from 'web-ext';

export type { LintMessage, LintReport };

export const firefoxBuild = fileURLToPath(new URL('../.output/firefox-mv3', import.meta.url));

/**
 * Warnings that cannot be avoided without patching a dependency, and why (README.md, "Firefox", says the same).
 * `near` must match the code around the place the warning points at.
 */
export const acceptedWarnings = [
  {
    code: 'DANGEROUS_EVAL',
    file: /^(background\.js|assets\/checks\.worker-[\w-]+\.js)$/,
    near: /jitless[\s\S]{0,160}Function\(\s*(``|''|"")\s*\)/,
    why:
      "zod (the schemas in shared/) tests once, with an empty Function(''), whether it may compile its validators; " +
      "the extension's content security policy has no 'unsafe-eval', so the test fails, zod validates without " +
      'compiling, and no string is ever run as code.',
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    file: /^chunks\/[\w-]+\.js$/,
    near: /createElement\(\s*[`'"]template[`'"]\s*\)[\s\S]{0,40}\.innerHTML\s*=/,
    why:
      "Solid's runtime (the popup and the options page) makes each component's fixed markup, compiled from our own " +
      "JSX at build time, by setting a <template>'s innerHTML; no page's or user's text ever goes there.",
  },
] as const;

export async function lintFirefoxBuild(sourceDir: string = firefoxBuild): Promise<LintReport> {
  return webExt.cmd.lint({ sourceDir, output: 'none' }, { shouldExitProgram: false });
}

/** The code around where a message points, from the linted folder (empty when it points at no place). */
export function codeAround(sourceDir: string, message: LintMessage): string {
  if (!message.file || !message.line || !message.column) return '';
  const path = join(sourceDir, message.file);
  if (!existsSync(path)) return '';
  const line = readFileSync(path, 'utf8').split('\n')[message.line - 1] ?? '';
  return line.slice(Math.max(0, message.column - 240), message.column + 60);
}

export function isAccepted(message: LintMessage, around: string): boolean {
  return acceptedWarnings.some(
    (accepted) =>
      accepted.code === message.code && accepted.file.test(message.file ?? '') && accepted.near.test(around),
  );
}

/** What fails the lint: every error, and the warnings that are not accepted above. */
export function problems(report: LintReport, sourceDir: string = firefoxBuild): LintMessage[] {
  return [
    ...report.errors,
    ...report.warnings.filter((warning) => !isAccepted(warning, codeAround(sourceDir, warning))),
  ];
}

export function describeMessage(message: LintMessage): string {
  const where = message.file ? `${message.file}${message.line ? `:${message.line}:${message.column ?? 0}` : ''}` : '';
  return `${message.code}: ${message.message}${where ? ` (${where})` : ''}${message.description ? `\n  ${message.description}` : ''}`;
}

async function main(): Promise<number> {
  if (!existsSync(join(firefoxBuild, 'manifest.json'))) {
    console.error(`There is no Firefox build in ${firefoxBuild}: run npm run build:extension first.`);
    return 2;
  }
  const report = await lintFirefoxBuild();
  const failing = problems(report);
  for (const message of failing) console.error(describeMessage(message));
  const accepted = report.warnings.length - failing.filter((message) => report.warnings.includes(message)).length;
  console.log(
    `web-ext lint of ${firefoxBuild}: ${report.errors.length} errors, ${report.warnings.length} warnings ` +
      `(${accepted} known and explained in README.md), ${report.notices.length} notices.`,
  );
  return failing.length === 0 ? 0 : 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main().then((code) => process.exit(code));

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { Finding } from '../shared/checks/finding.ts';

const cli = fileURLToPath(new URL('./check.ts', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'margin-check-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function runCheck(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function textFile(name: string, text: string): string {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
}

describe('npm run check', () => {
  it('prints each finding as file:line:col and exits 1', () => {
    const file = textFile(
      'report.txt',
      'The learner acheived the objective.\nShe showed good organisation, then recieved praise.\n',
    );
    const { code, stdout } = runCheck(file, '--fast');
    expect(code).toBe(1);
    expect(stdout.trim().split('\n')).toEqual([
      `${file}:1:13  "acheived" is not in the British English dictionary`,
      `${file}:2:36  "recieved" is not in the British English dictionary`,
    ]);
  });

  it('prints one JSON array of findings with suggestions filled in when asked for --json', () => {
    const file = textFile('short.txt', 'The learner acheived the objective.');
    const { code, stdout } = runCheck(file, '--json', '--fast');
    expect(code).toBe(1);
    const findings = Finding.array().parse(JSON.parse(stdout));
    expect(findings).toMatchObject([
      { kind: 'spelling', rule: 'spelling/unknown-word', start: 12, end: 20, text: 'acheived' },
    ]);
    expect(findings[0]!.suggestions).toContain('achieved');
  });

  it('exits 0 when there is nothing to report', () => {
    const file = textFile('clean.txt', 'The organisation recognised her progress.');
    expect(runCheck(file, '--fast')).toMatchObject({ code: 0 });
    expect(runCheck(file, '--json', '--fast')).toMatchObject({ code: 0, stdout: '[]\n' });
  });

  it('exits 2 with a clear message when the file is missing or cannot be read', () => {
    const missing = runCheck(join(folder, 'no-such-report.txt'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no-such-report.txt: there is no such file');

    expect(runCheck(folder)).toMatchObject({ code: 2, stderr: expect.stringContaining('it is a folder, not a file') });

    const noFile = runCheck('--json');
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toContain('Usage: npm run check -- <file> [--json]');
  });

  it('exits 2 with a clear message for a bad option, and checks nothing', () => {
    const file = textFile('any.txt', 'Teh end.');
    expect(runCheck(file, '--field')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--field needs a value'),
    });
    expect(runCheck(file, '--colour')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Unknown option --colour'),
    });
  });

  it('applies the prompts for the field named with --form and --field', () => {
    const file = textFile('objective.txt', 'To understand fractions');
    expect(runCheck(file, '--fast')).toMatchObject({ code: 0 });
    const { code, stdout } = runCheck(
      file,
      '--json',
      '--fast',
      '--form',
      'session-report',
      '--field',
      'learningObjective1',
    );
    expect(code).toBe(1);
    expect(Finding.array().parse(JSON.parse(stdout))).toMatchObject([
      { kind: 'prompt', rule: 'prompt/smart-objective', start: 0, end: 23 },
    ]);
  });

  it('runs our British grammar rules, and Harper unless --fast', () => {
    const file = textFile('grammar.txt', 'Their going to practice there spellings, and he could of finished.');
    const fast = Finding.array().parse(JSON.parse(runCheck(file, '--json', '--fast').stdout));
    expect(fast.map((finding) => finding.rule)).toEqual(['grammar/practice-practise', 'grammar/could-of']);

    const full = runCheck(file, '--json');
    expect(full.code).toBe(1);
    const rules = Finding.array()
      .parse(JSON.parse(full.stdout))
      .map((finding) => finding.rule);
    expect(rules).toContain('grammar/practice-practise');
    expect(rules).toContain('grammar/could-of');
    expect(rules.some((rule) => rule.startsWith('grammar/harper/'))).toBe(true);
    // Two command-line runs, one of them starting Harper: generous, so a busy machine does not fail it.
  }, 120_000);
});

// web-ext ships no types: the part of its programmatic API that scripts/lint-firefox-build.ts uses.
declare module 'web-ext' {
  /** One finding of addons-linter, which web-ext's lint runs. */
  export interface LintMessage {
    code: string;
    message: string;
    description?: string;
    file?: string;
    line?: number;
    column?: number;
  }
  export interface LintReport {
    errors: LintMessage[];
    warnings: LintMessage[];
    notices: LintMessage[];
  }
  const webExt: {
    cmd: {
      lint(
        params: { sourceDir: string; output: 'none' | 'json' | 'text' },
        options: { shouldExitProgram: boolean },
      ): Promise<LintReport>;
    };
  };
  export default webExt;
}

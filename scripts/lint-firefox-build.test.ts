import { execSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  acceptedWarnings,
  describeMessage,
  firefoxBuild,
  isAccepted,
  type LintReport,
  lintFirefoxBuild,
  problems,
} from './lint-firefox-build.ts';

// `npm test` builds first (npm run build); run alone, the test makes the Firefox build it needs.
beforeAll(() => {
  if (!existsSync(join(firefoxBuild, 'manifest.json'))) execSync('npx wxt build -b firefox', { stdio: 'inherit' });
}, 180_000);

describe('the Firefox build, as Mozilla’s linter reads it', () => {
  let report: LintReport;
  beforeAll(async () => {
    report = await lintFirefoxBuild();
  }, 180_000);

  it('has no errors and no warnings but the known ones, each where it is explained', () => {
    expect(report.errors.map(describeMessage)).toEqual([]);
    expect(problems(report).map(describeMessage)).toEqual([]);
    // The known ones are there, so the check above is not passing for want of a lint.
    expect(new Set(report.warnings.map((warning) => warning.code))).toEqual(
      new Set(acceptedWarnings.map((accepted) => accepted.code)),
    );
  });

  it('is an MV3 add-on with an id, a minimum Firefox, no data collected, and no offscreen document', () => {
    const manifest = JSON.parse(readFileSync(join(firefoxBuild, 'manifest.json'), 'utf8'));
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.background).toEqual({ scripts: ['background.js'] });
    expect(manifest.permissions).not.toContain('offscreen');
    expect(manifest.browser_specific_settings.gecko).toMatchObject({
      id: expect.stringMatching(/^\{[0-9a-f-]{36}\}$/),
      strict_min_version: '140.0',
      data_collection_permissions: { required: ['none'] },
    });
    expect(existsSync(join(firefoxBuild, 'offscreen.html'))).toBe(false);
    // The background starts the checks worker itself, so the worker is in the build and named by the background.
    expect(readFileSync(join(firefoxBuild, 'background.js'), 'utf8')).toMatch(/\/assets\/checks\.worker-[\w-]+\.js/);
  });
});

describe('what fails the lint', () => {
  const folder = mkdtempSync(join(tmpdir(), 'margin-firefox-lint-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('counts an error, such as an MV3 manifest without an add-on id', async () => {
    writeFileSync(
      join(folder, 'manifest.json'),
      JSON.stringify({ manifest_version: 3, name: 'Margin', version: '0.1.0', background: { scripts: ['bg.js'] } }),
    );
    writeFileSync(join(folder, 'bg.js'), 'console.log("Margin");\n');
    const report = await lintFirefoxBuild(folder);
    expect(problems(report, folder).map((message) => message.code)).toContain('ADDON_ID_REQUIRED');
  }, 60_000);

  it('accepts a known warning only at the code it is known for', () => {
    const zodProbe = { code: 'DANGEROUS_EVAL', message: 'The Function constructor is eval.', file: 'background.js' };
    const probe = 'var Ze=ze(()=>{if(R.jitless||typeof navigator<`u`)return!1;try{return Function(``),!0}';
    expect(isAccepted(zodProbe, probe)).toBe(true);
    expect(isAccepted(zodProbe, 'const run=Function(`return fetch(url)`)')).toBe(false);
    expect(isAccepted({ ...zodProbe, file: 'content-scripts/content.js' }, probe)).toBe(false);
    const solidTemplate = 'let t=document.createElement(`template`);return t.innerHTML=e,n?t.content.firstChild';
    const innerHtml = {
      code: 'UNSAFE_VAR_ASSIGNMENT',
      message: 'Unsafe assignment to innerHTML',
      file: 'chunks/web.js',
    };
    expect(isAccepted(innerHtml, solidTemplate)).toBe(true);
    expect(isAccepted(innerHtml, 'panel.innerHTML=field.value')).toBe(false);
  });
});

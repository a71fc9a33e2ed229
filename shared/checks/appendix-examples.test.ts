// The progress-review guide's example comments (domain guide 003, appendices A and B) are well-written
// British English: every check, Harper included, must pass them without a single finding. They are
// read from the guide itself. The ECT's names are what a tutor adds to their personal dictionary.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { slimBinary } from 'harper.js/slimBinary';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChecker, mergeFindings, type Checker } from './checker.ts';
import { loadHarperGrammar, type HarperGrammar } from './grammar/harper.ts';
import { loadBritishDictionary, loadWordFrequencies } from '../../scripts/load-dictionary.ts';

// The guides sit in the project's shared/ folder beside the repository (CI has it there too); a clone
// without it skips these tests rather than copying the guide's text into Margin.
const domainFolder = fileURLToPath(new URL('../../../shared/domain/', import.meta.url));
const guideName = existsSync(domainFolder)
  ? readdirSync(domainFolder).find((name) => name.startsWith('003_'))
  : undefined;

/** Each example's paragraphs (pages of the guide can break a paragraph in two: joined again here). */
function appendixExamples(): { name: string; paragraphs: string[] }[] {
  const guide = readFileSync(join(domainFolder, guideName!), 'utf8');
  const appendices = guide.slice(guide.indexOf('\nAppendix A'));
  const examples = appendices.split(/\nExample ([A-D])\n/);
  const found: { name: string; paragraphs: string[] }[] = [];
  for (let at = 1; at < examples.length; at += 2) {
    const body = examples[at + 1]!.split(/\nAppendix B/)[0]!;
    const paragraphs = body
      .replace(/([a-z,])\n\n(?=[a-z])/g, '$1 ')
      .split(/\n+/)
      .map((line) => line.trim())
      .filter(Boolean);
    found.push({ name: `Example ${examples[at]}`, paragraphs });
  }
  return found;
}

const context = { form: 'progress-review', field: 'onTrackReasons' };
let checker: Checker;
let harper: HarperGrammar;
beforeAll(async () => {
  if (!guideName) return;
  checker = createChecker({
    dictionary: loadBritishDictionary(),
    frequencies: loadWordFrequencies(),
    personalWords: ['Alexa'],
  });
  harper = await loadHarperGrammar(slimBinary);
}, 60_000);
afterAll(() => harper?.dispose());

describe.skipIf(!guideName)("the progress-review guide's example comments", () => {
  const examples = guideName ? appendixExamples() : [];

  it('are all found in the guide: four examples with their paragraphs', () => {
    expect(examples.map((example) => example.name)).toEqual(['Example A', 'Example B', 'Example C', 'Example D']);
    expect(examples.map((example) => example.paragraphs.length)).toEqual([1, 1, 5, 4]);
  });

  it.each(['Example A', 'Example B', 'Example C', 'Example D'])(
    '%s has no finding at all, Harper included',
    async (name) => {
      const { paragraphs } = examples.find((example) => example.name === name)!;
      for (const paragraph of paragraphs) {
        const findings = mergeFindings(checker.check(paragraph, context), await harper.check(paragraph));
        expect(
          findings.map((finding) => `${finding.rule}: ${finding.text}`),
          paragraph,
        ).toEqual([]);
      }
    },
  );
});

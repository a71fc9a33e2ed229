// Harper (harper.js) for the grammar our pattern rules cannot see: their/there, agreement, a/an,
// repeated words, "i". It is slow to start (about 1 s and 160 MB), so callers load it lazily, off the
// main thread, and keep spelling working while it loads. British dialect; spelling is ours, so its
// spell check is off, as are the rules that flagged correct British report writing in our trials.
import { Dialect, LocalLinter, SuggestionKind, type BinaryModule, type Lint } from 'harper.js';
import type { Finding } from '../finding.ts';

export const harperRulesTurnedOff = [
  // Ours: spelling and the British dictionary.
  'SpellCheck',
  // Noise on correct British report text (measured on tutors' reports and the guides' examples).
  'OxfordComma',
  'Excellent',
  'WellBeing',
  'DisjointPrefixes',
  'CompoundNouns',
  'WrongNegative',
  // Splits "wellbeing" into "well being".
  'SplitWords',
  // Reads learners' names as acronyms it knows ("Sam" -> "SAM").
  'OrthographicConsistency',
] as const;

export interface HarperGrammar {
  check(text: string): Promise<Finding[]>;
  /** How many pieces of text Harper itself has read (the rest came from what it found before). */
  readonly linted: number;
  dispose(): Promise<void>;
}

/** Pieces of text whose findings are kept, most recently used last. */
const rememberedPieces = 4000;

/**
 * The text cut into the pieces Harper reads one by one: paragraphs, and sentences within them. A cut comes only
 * where a sentence ends and the next begins with a capital, a digit or an opening quote, so each piece reads to
 * Harper as it does inside the whole text; the spaces after a sentence stay with it, so offsets add up. A piece
 * depends on its own words alone, so typing in one sentence leaves every other piece's findings as they were.
 */
export function harperPieces(text: string): string[] {
  return text.split(/(?<=\n)/).flatMap((paragraph) => paragraph.split(/(?<=[.!?]["'’”)\]]?\s+)(?=["'‘“([]?[A-Z0-9])/));
}

/** Starts Harper with the given WebAssembly binary (harper.js/slimBinary, or one made from a URL). */
export async function loadHarperGrammar(binary: BinaryModule): Promise<HarperGrammar> {
  const linter = new LocalLinter({ binary, dialect: Dialect.British });
  await linter.setup();
  await linter.setLintConfig(Object.fromEntries(harperRulesTurnedOff.map((name) => [name, false])));
  const lint = async (text: string): Promise<Finding[]> => {
    const byRule = await linter.organizedLints(text, { language: 'plaintext' });
    const findings: Finding[] = [];
    for (const [name, lints] of Object.entries(byRule)) {
      for (const lint of lints) {
        const found = toFinding(name, lint, text);
        lint.free();
        if (found && !isKnownFalseAlarm(found, text)) findings.push(found);
      }
    }
    return findings;
  };
  const remembered = new Map<string, Finding[]>();
  let linted = 0;
  const findingsIn = async (piece: string): Promise<Finding[]> => {
    const known = remembered.get(piece);
    remembered.delete(piece);
    const found = known ?? (piece.trim() ? (linted++, await lint(piece)) : []);
    remembered.set(piece, found);
    if (remembered.size > rememberedPieces) remembered.delete(remembered.keys().next().value!);
    return found;
  };
  return {
    async check(text) {
      const findings: Finding[] = [];
      let offset = 0;
      for (const piece of harperPieces(text)) {
        for (const found of await findingsIn(piece))
          findings.push({ ...found, start: found.start + offset, end: found.end + offset });
        offset += piece.length;
      }
      return findings.sort((a, b) => a.start - b.start);
    },
    get linted() {
      return linted;
    },
    dispose: () => linter.dispose(),
  };
}

function toFinding(name: string, lint: Lint, text: string): Finding | null {
  const span = lint.span();
  const { start, end } = span;
  span.free();
  if (end <= start || end > text.length) return null;
  const problem = text.slice(start, end);
  const suggestions = lint.suggestions().map((suggestion) => {
    const replacement = suggestion.get_replacement_text();
    const kind = suggestion.kind();
    suggestion.free();
    if (kind === SuggestionKind.Remove) return '';
    if (kind === SuggestionKind.InsertAfter) return problem + replacement;
    return replacement.trimEnd();
  });
  const unique = [...new Set(suggestions)].filter((suggestion) => suggestion !== problem);
  return {
    kind: 'grammar',
    rule: `grammar/harper/${name}`,
    start,
    end,
    text: problem,
    message: messageFor(lint.lint_kind(), problem, unique[0], lint.message()),
    suggestions: unique,
  };
}

// Our own words for Harper's findings, in British English, by the kind of problem.
function messageFor(kind: string, problem: string, suggestion: string | undefined, harperMessage: string): string {
  const quoted = (text: string) => `"${text}"`;
  if (kind === 'Repetition') return `${quoted(problem)} repeats a word.`;
  if (suggestion === undefined) return britishMessage(harperMessage);
  if (suggestion === '') return `Remove ${quoted(problem)}.`;
  switch (kind) {
    case 'Capitalization':
      return `Use a capital letter: ${quoted(suggestion)}.`;
    case 'Agreement':
      return `The words do not agree: write ${quoted(suggestion)} rather than ${quoted(problem)}.`;
    case 'Typo':
    case 'Spelling':
      return `${quoted(problem)} looks like a slip: did you mean ${quoted(suggestion)}?`;
    case 'Punctuation':
    case 'Formatting':
      return `Check the punctuation: ${quoted(suggestion)}.`;
    default:
      return `Did you mean ${quoted(suggestion)} rather than ${quoted(problem)}?`;
  }
}

function britishMessage(message: string): string {
  return message
    .replaceAll('`', '"')
    .replace(/\b(capitali|recogni|organi|reali|emphasi|summari|apologi)z(e|ed|es|ing|ation)\b/g, '$1s$2')
    .replace(/\bcolor\b/g, 'colour');
}

// Harper reads "there" before a verb as a slip for "their" in sentences like "...and there needs to
// be clear explanations" (found in the progress-review guide's own example comments).
function isKnownFalseAlarm(finding: Finding, text: string): boolean {
  if (finding.rule === 'grammar/harper/ThereToTheir') {
    const after = text.slice(finding.end, finding.end + 20);
    return /^\s+(?:is|are|was|were|needs?|has|have|had|will|seems?|appears?|must|should|may|might|could|can)\b/i.test(
      after,
    );
  }
  return false;
}

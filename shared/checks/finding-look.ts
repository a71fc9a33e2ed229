// How a finding looks wherever it is drawn, in the app's fields and on pages the extension checks: the
// name of its kind, its underline, and the words of the menu that opens on it. Each kind is told apart
// by its line as well as its colour: wavy red for spelling, wavy blue for grammar, dotted brown for
// advice. The stylesheets that draw underlines are generated from this (scripts/finding-look-css.ts; a
// test fails when one is out of date); the extension's overlay builds its rules from it at run time.
import type { Finding, FindingKind } from './finding.ts';

export interface Underline {
  colour: string;
  line: 'wavy' | 'dotted';
  thickness?: string;
  offset: string;
  /** Wavy lines run through descenders, so they stay one unbroken line under the word. */
  unbroken: boolean;
}

export const findingLooks: Record<FindingKind, { name: string; underline: Underline }> = {
  spelling: { name: 'Spelling', underline: { colour: '#b3261e', line: 'wavy', offset: '3px', unbroken: true } },
  grammar: { name: 'Grammar', underline: { colour: '#1d4e89', line: 'wavy', offset: '3px', unbroken: true } },
  prompt: {
    name: 'Advice',
    underline: { colour: '#8a5a00', line: 'dotted', thickness: '2px', offset: '4px', unbroken: false },
  },
};

/** The extension's CSS Custom Highlight names, one per kind: the page's stylesheet and the drawing code both use them. */
export const HIGHLIGHT_NAMES: Record<FindingKind, string> = {
  spelling: 'margin-spelling',
  grammar: 'margin-grammar',
  prompt: 'margin-prompt',
};

export const findingKinds = Object.keys(findingLooks) as FindingKind[];

/** The CSS declarations that draw a kind's underline, for any selector. */
export function underlineDeclarations(kind: FindingKind): string[] {
  const { colour, line, thickness, offset, unbroken } = findingLooks[kind].underline;
  return [
    `text-decoration: underline ${line} ${colour};`,
    ...(unbroken ? ['text-decoration-skip-ink: none;'] : []),
    ...(thickness ? [`text-decoration-thickness: ${thickness};`] : []),
    `text-underline-offset: ${offset};`,
  ];
}

/** One rule per kind, each selector given by the place that draws it. */
export function underlineRules(selectorFor: (kind: FindingKind) => string): string {
  return findingKinds
    .map(
      (kind) =>
        `${selectorFor(kind)} {\n${underlineDeclarations(kind)
          .map((line) => `  ${line}`)
          .join('\n')}\n}\n`,
    )
    .join('\n');
}

const quoted = (text: string) => `“${text}”`;

/**
 * The words of the menu that opens on a finding, in the app (CheckMenu.tsx) and the extension
 * (suggestion-menu.ts). "Add to dictionary" is the one difference between them today: the app's says
 * "my dictionary", the extension's does not, and each side's users and tests know its own.
 */
export const findingMenuWords = {
  /** The menu's accessible name: the kind and the words it is about, shortened when long. */
  title: (finding: Pick<Finding, 'kind' | 'text'>) =>
    `${findingLooks[finding.kind].name}: suggestions for ${quoted(finding.text.length > 40 ? `${finding.text.slice(0, 37)}…` : finding.text)}`,
  suggestionList: 'Suggestions',
  looking: 'Looking for suggestions…',
  none: 'No suggestions.',
  /** A suggestion's button: advice offers an example, an empty replacement removes the words. */
  suggestion: (finding: Pick<Finding, 'kind' | 'text'>, suggestion: string) =>
    finding.kind === 'prompt' ? 'Use this example' : suggestion === '' ? `Remove ${quoted(finding.text)}` : suggestion,
  addToDictionary: {
    app: (word: string) => `Add ${quoted(word)} to my dictionary`,
    extension: (word: string) => `Add ${quoted(word)} to dictionary`,
  },
  ignore: 'Ignore',
  dismiss: 'Dismiss for this report',
  close: 'Close',
} as const;

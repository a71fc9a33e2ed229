// What a rule is: something that reads a field's text (knowing which form and field it is from) and
// returns findings. Grammar rules read any text; prompt rules say which fields they are for.
import type { CheckContext } from './context.ts';
import type { Finding, FindingKind } from './finding.ts';

export interface Rule {
  /** "grammar/could-of", "prompt/smart-objective": the finding's rule. */
  id: string;
  kind: Exclude<FindingKind, 'spelling'>;
  /** Whether the rule has anything to say about this field; grammar rules apply everywhere. */
  appliesTo?(context: CheckContext): boolean;
  check(text: string, context: CheckContext): Finding[];
}

export function finding(
  rule: Pick<Rule, 'id' | 'kind'>,
  text: string,
  start: number,
  end: number,
  message: string,
  suggestions: string[] = [],
): Finding {
  return { kind: rule.kind, rule: rule.id, start, end, text: text.slice(start, end), message, suggestions };
}

/** Every match of a global pattern, with the offset of a named group (or of the whole match). */
export function* matchesOf(
  text: string,
  pattern: RegExp,
  group?: string,
): Generator<{ match: RegExpMatchArray; start: number; end: number; value: string }> {
  for (const match of text.matchAll(pattern)) {
    const whole = match.index!;
    if (!group) {
      yield { match, start: whole, end: whole + match[0].length, value: match[0] };
      continue;
    }
    const value = match.groups?.[group];
    const start = match.indices?.groups?.[group]?.[0];
    if (value === undefined || start === undefined) continue;
    yield { match, start, end: start + value.length, value };
  }
}

/** The replacement written like the original: capitalised if it was, in capitals if it was. */
export function likeCase(original: string, replacement: string): string {
  if (original.length > 1 && original === original.toUpperCase() && original !== original.toLowerCase())
    return replacement.toUpperCase();
  if (original[0] && original[0] !== original[0].toLowerCase())
    return replacement[0]!.toUpperCase() + replacement.slice(1);
  return replacement;
}

// Checks a field's text without asking again about what has not changed. A short field (a form's
// comment box) is checked whole, so advice that reads the whole field still sees it; a long one (a
// document) is checked a paragraph at a time, and only the paragraphs that changed since the last
// check are sent; of those, only the ones the caller chooses (those near the screen, see
// paragraphs-near.ts), while the answers kept for the others still count. Answers given before Harper's
// grammar had loaded are asked again, and meanwhile still shown for paragraphs far from the screen.
import { ok, type Result } from '../../shared/result.ts';
import type { CheckContext } from '../../shared/checks/context.ts';
import type { Finding } from '../../shared/checks/finding.ts';
import type { CheckReply } from '../messages.ts';
import type { ParagraphSpan } from './paragraphs-near.ts';

/** Up to this many characters a field is checked whole (the agency's fields hold 1,024). */
export const WHOLE_FIELD_LIMIT = 2_000;
const CACHE_LIMIT = 5_000;

export interface Paragraph {
  start: number;
  text: string;
}

/** The text's lines that hold something, with where each starts. */
export function splitParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  for (const match of text.matchAll(/[^\n]+/g)) {
    if (match[0].trim() !== '') paragraphs.push({ start: match.index, text: match[0] });
  }
  return paragraphs;
}

export type CheckText = (text: string, context?: CheckContext) => Promise<CheckReply>;

/** Which of a long field's paragraphs to check now; null for all of them. */
export type ChooseParagraphs = (paragraphs: readonly Paragraph[]) => ParagraphSpan | null;

/** A field's answer; `unchecked` counts the paragraphs left for later, never checked and far from the screen. */
export type FieldReply = Result<{ findings: Finding[]; partial?: boolean; unchecked: number }>;

export interface ParagraphChecker {
  /** Checks a field's text: a long one's chosen paragraphs, with the kept answers for the rest. */
  check(text: string, context?: CheckContext, choose?: ChooseParagraphs): Promise<FieldReply>;
  /** Drops every kept answer (the dictionary or the settings changed). */
  forget(): void;
  /** How many pieces of text were sent to the checker, for tests and the benchmark. */
  readonly sent: number;
}

export function createParagraphChecker(checkText: CheckText): ParagraphChecker {
  const kept = new Map<string, Finding[]>();
  let sent = 0;
  // Answers given before the grammar had loaded: asked again while near the screen, still shown once far from it.
  const early = new Map<string, Finding[]>();
  const keyOf = (text: string, context: CheckContext | undefined) => `${JSON.stringify(context ?? {})}\u0000${text}`;
  const remember = (map: Map<string, Finding[]>, key: string, findings: Finding[]) => {
    if (map.size >= CACHE_LIMIT) map.clear();
    map.set(key, findings);
  };

  const checkPiece = async (text: string, context: CheckContext | undefined): Promise<CheckReply> => {
    const key = keyOf(text, context);
    const known = kept.get(key);
    if (known) return ok({ findings: known });
    sent++;
    const reply = await checkText(text, context);
    if (reply.ok) remember(reply.value.partial ? early : kept, key, reply.value.findings);
    return reply;
  };
  const keptAnswer = (text: string, context: CheckContext | undefined): CheckReply | null => {
    const key = keyOf(text, context);
    const known = kept.get(key) ?? early.get(key);
    return known ? ok({ findings: known }) : null;
  };

  return {
    async check(text, context, choose) {
      const whole = text.length <= WHOLE_FIELD_LIMIT;
      const pieces = whole ? [{ start: 0, text }] : splitParagraphs(text);
      const span = whole || !choose ? null : choose(pieces);
      const chosen = (index: number) => !span || (span.from <= index && index < span.to);
      const replies = await Promise.all(
        pieces.map((piece, index) =>
          chosen(index) ? checkPiece(piece.text, context) : Promise.resolve(keptAnswer(piece.text, context)),
        ),
      );
      const failed = replies.find((reply) => reply && !reply.ok);
      if (failed && !failed.ok) return failed;
      const findings = replies.flatMap((reply, index) =>
        reply?.ok
          ? reply.value.findings.map((finding) => ({
              ...finding,
              start: finding.start + pieces[index]!.start,
              end: finding.end + pieces[index]!.start,
            }))
          : [],
      );
      const partial = replies.some((reply) => reply?.ok && reply.value.partial) || undefined;
      return ok({ findings, partial, unchecked: replies.filter((reply) => reply === null).length });
    },
    forget() {
      kept.clear();
      early.clear();
    },
    get sent() {
      return sent;
    },
  };
}

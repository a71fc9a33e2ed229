// Checks a field's text without asking again about what has not changed. A short field (a form's
// comment box) is checked whole, so advice that reads the whole field still sees it; a long one (a
// document) is checked a paragraph at a time, and only the paragraphs that changed since the last
// check are sent. Answers given before Harper's grammar had loaded are not kept, so they are asked again.
import type { CheckContext } from '../../shared/checks/context.ts';
import type { Finding } from '../../shared/checks/finding.ts';
import type { CheckReply } from '../messages.ts';

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

export interface ParagraphChecker {
  check(text: string, context?: CheckContext): Promise<CheckReply>;
  /** Drops every kept answer (the dictionary or the settings changed). */
  forget(): void;
  /** How many pieces of text were sent to the checker, for tests and the benchmark. */
  readonly sent: number;
}

export function createParagraphChecker(checkText: CheckText): ParagraphChecker {
  const kept = new Map<string, Finding[]>();
  let sent = 0;

  const checkPiece = async (text: string, context: CheckContext | undefined): Promise<CheckReply> => {
    const key = `${JSON.stringify(context ?? {})}\u0000${text}`;
    const known = kept.get(key);
    if (known) return { ok: true, findings: known };
    sent++;
    const reply = await checkText(text, context);
    if (reply.ok && !reply.partial) {
      if (kept.size >= CACHE_LIMIT) kept.clear();
      kept.set(key, reply.findings);
    }
    return reply;
  };

  return {
    async check(text, context) {
      const pieces = text.length <= WHOLE_FIELD_LIMIT ? [{ start: 0, text }] : splitParagraphs(text);
      const replies = await Promise.all(pieces.map((piece) => checkPiece(piece.text, context)));
      const failed = replies.find((reply) => !reply.ok);
      if (failed) return failed;
      const findings = replies.flatMap((reply, index) =>
        reply.ok ? reply.findings.map((finding) => ({ ...finding, start: finding.start + pieces[index]!.start, end: finding.end + pieces[index]!.start })) : [],
      );
      return { ok: true, findings, partial: replies.some((reply) => reply.ok && reply.partial) || undefined };
    },
    forget: () => kept.clear(),
    get sent() {
      return sent;
    },
  };
}

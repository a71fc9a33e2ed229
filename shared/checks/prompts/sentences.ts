// Splits a field's text into sentences with their offsets, for rules that judge one sentence at a time.
export interface Sentence {
  text: string;
  start: number;
  end: number;
}

// A sentence ends at . ! or ? (with any closing quotes or brackets) followed by a space, or at a line break.
const sentencePattern = /[^\s][^\n]*?(?:[.!?]+["'”’)\]]*(?=\s|$)|(?=\n)|$)/gu;

export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  for (const match of text.matchAll(sentencePattern)) {
    const value = match[0].trimEnd();
    if (value.length === 0) continue;
    sentences.push({ text: value, start: match.index!, end: match.index! + value.length });
  }
  return sentences;
}

/** The text with everything inside quotation marks blanked out (same length), so rules judge only the writer's words. */
export function withoutQuotations(text: string): string {
  return text.replace(/“[^”]*”|"[^"\n]*"|(?<![\p{L}])'[^'\n]*'(?![\p{L}])|‘[^’\n]*’(?![\p{L}])/gu, (quoted) =>
    ' '.repeat(quoted.length),
  );
}

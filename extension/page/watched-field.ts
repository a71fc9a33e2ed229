// Keeps one field's underlines up to date: checks it at once, then again a moment after the
// user stops typing, and draws only answers that still match the text on screen.
import type { CheckReply } from '../messages.ts';
import type { CheckableField } from './fields.ts';
import type { SpellingHighlights } from './spelling-highlights.ts';

export interface FieldWatchOptions {
  check(text: string): Promise<CheckReply>;
  highlights: SpellingHighlights;
  /** Told of every answer, so the page can say whether checks are working. */
  answered(reply: CheckReply): void;
  /** How long after the last change to check again. */
  quietMs: number;
}

export function watchField(field: CheckableField, { check, highlights, answered, quietMs }: FieldWatchOptions) {
  let version = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const checkNow = async () => {
    timer = undefined;
    const checkedVersion = version;
    const { text, rangeFor } = field.read();
    const reply = await check(text);
    answered(reply);
    // The text changed while it was being checked: the offsets no longer fit, and another check is on its way.
    if (checkedVersion !== version || !field.element.isConnected) return;
    if (!reply.ok) return highlights.clear(field.element);
    const ranges = reply.findings.map((finding) => rangeFor(finding.start, finding.end));
    highlights.draw(field.element, ranges.filter((range): range is Range => range !== null));
  };
  const changed = () => {
    version++;
    clearTimeout(timer);
    timer = setTimeout(checkNow, quietMs);
  };
  const unwatch = field.watch(changed);
  void checkNow();

  return {
    checkAgain: () => checkNow(),
    stop() {
      unwatch();
      clearTimeout(timer);
      version++;
      highlights.clear(field.element);
    },
  };
}

// Keeps one field's findings and underlines up to date: checks it at once, then again a moment after
// the user stops typing (only what changed is sent, see paragraph-checks.ts), keeps only answers that
// still match the text, and draws them in the next animation frame. When an answer came before the
// grammar checker was ready, it looks again a little later.
import type { CheckContext } from '../../shared/checks/context.ts';
import type { Finding } from '../../shared/checks/finding.ts';
import type { CheckReply } from '../messages.ts';
import type { CheckableField } from './fields.ts';
import type { ParagraphChecker } from './paragraph-checks.ts';
import type { Underlines } from './underlines.ts';

export interface FieldWatchOptions {
  checker: ParagraphChecker;
  underlines: Underlines;
  /** Which form field this is, for advice that depends on it; asked at every check. */
  context(): CheckContext | undefined;
  isIgnored(finding: Finding): boolean;
  /** Told of every answer, so the page can say whether checks are working and features can follow findings. */
  answered(reply: CheckReply): void;
  /** How long after the last change to check again. */
  quietMs: number;
}

const LOOK_AGAIN_MS = 1_500;

export interface WatchedField {
  field: CheckableField;
  findings(): readonly Finding[];
  /** The finding at an offset in the text (the caret), if there is one. */
  findingAt(offset: number): Finding | undefined;
  /** Checks now; resolves once the answer is in (and drawn, if the page is showing). */
  checkAgain(): Promise<void>;
  /** Draws again without asking, after something was ignored. */
  redraw(): void;
  stop(): void;
}

export function watchField(field: CheckableField, options: FieldWatchOptions): WatchedField {
  const { checker, underlines, quietMs } = options;
  let version = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lookAgain: ReturnType<typeof setTimeout> | undefined;
  let frame = 0;
  let findings: Finding[] = [];
  let stopped = false;

  const draw = () => {
    cancelAnimationFrame(frame);
    const text = field.read();
    frame = requestAnimationFrame(() => {
      frame = 0;
      if (!stopped) underlines.draw(findings, text);
    });
  };

  const checkNow = async () => {
    clearTimeout(timer);
    timer = undefined;
    const checkedVersion = version;
    const { text } = field.read();
    const reply = await checker.check(text, options.context());
    // The text changed while it was being checked: the offsets no longer fit, and another check is on its way.
    if (stopped || checkedVersion !== version || !field.element.isConnected) return;
    findings = reply.ok ? reply.findings.filter((finding) => !options.isIgnored(finding)) : [];
    options.answered(reply);
    draw();
    clearTimeout(lookAgain);
    if (reply.ok && reply.partial) lookAgain = setTimeout(() => void checkNow(), LOOK_AGAIN_MS);
  };
  const changed = () => {
    version++;
    clearTimeout(timer);
    timer = setTimeout(() => void checkNow(), quietMs);
  };
  const unwatch = field.watch(changed);
  void checkNow();

  return {
    field,
    findings: () => findings,
    findingAt: (offset) => findings.find((finding) => finding.start <= offset && offset <= finding.end),
    checkAgain: () => checkNow(),
    redraw() {
      findings = findings.filter((finding) => !options.isIgnored(finding));
      draw();
    },
    stop() {
      stopped = true;
      unwatch();
      clearTimeout(timer);
      clearTimeout(lookAgain);
      cancelAnimationFrame(frame);
      version++;
      underlines.clear();
    },
  };
}

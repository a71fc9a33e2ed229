// Keeps one field's findings and underlines up to date: checks it at once, then again a moment after
// the user stops typing (only what changed is sent, see paragraph-checks.ts), keeps only answers that
// still match the text, and draws them in the next animation frame. When an answer came before the
// grammar checker was ready, it looks again a little later. Of a long field only the paragraphs near
// the screen are checked; while some are left, scrolling and resizing bring the next ones in.
import type { Finding } from '../../shared/checks/finding.ts';
import type { CheckReply } from '../messages.ts';
import type { CheckableField } from './fields.ts';
import type { FieldReply, Paragraph, ParagraphChecker } from './paragraph-checks.ts';
import type { ParagraphsOnScreen } from './paragraphs-on-screen.ts';
import type { Underlines } from './underlines.ts';

export interface FieldWatchOptions {
  checker: ParagraphChecker;
  underlines: Underlines;
  /** Calls back whenever the field's text may have changed (page-fields.ts); returns how to stop. */
  watchText(changed: () => void): () => void;
  isIgnored(finding: Finding): boolean;
  /** Told of every answer, so the page can say whether checks are working and features can follow findings. */
  answered(reply: CheckReply): void;
  /** How long after the last change to check again. */
  quietMs: number;
  /** Where a long field's paragraphs are on screen; without it every paragraph is checked. */
  onScreen?: ParagraphsOnScreen;
}

const LOOK_AGAIN_MS = 1_500;
// Scrolling is followed at most this often, in an animation frame.
const SCROLL_LOOK_MS = 150;

export interface WatchedField {
  field: CheckableField;
  findings(): readonly Finding[];
  /** Paragraphs of a long field not checked yet, being far from the screen. */
  unchecked(): number;
  /** The finding at an offset in the text (the caret), if there is one. */
  findingAt(offset: number): Finding | undefined;
  /** Checks now; resolves once the answer is in (and drawn, if the page is showing). */
  checkAgain(): Promise<void>;
  /** Draws again without asking, after something was ignored. */
  redraw(): void;
  stop(): void;
}

export function watchField(field: CheckableField, options: FieldWatchOptions): WatchedField {
  const { checker, underlines, quietMs, onScreen } = options;
  let version = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lookAgain: ReturnType<typeof setTimeout> | undefined;
  let frame = 0;
  let findings: Finding[] = [];
  let unchecked = 0;
  let stopped = false;
  let started = 0;
  let latest: Promise<void> = Promise.resolve();

  const draw = () => {
    cancelAnimationFrame(frame);
    const text = field.read();
    frame = requestAnimationFrame(() => {
      frame = 0;
      if (!stopped) underlines.draw(findings, text);
    });
  };

  // A check started later (the page scrolled on) answers for this one, so the last answer drawn is the newest.
  const check = async (which: number): Promise<void> => {
    clearTimeout(timer);
    timer = undefined;
    const checkedVersion = version;
    const text = field.read();
    const near = onScreen && ((paragraphs: readonly Paragraph[]) => onScreen.near(text, paragraphs));
    const reply: FieldReply = await checker.check(text.text, undefined, near);
    // The text changed while it was being checked: the offsets no longer fit, and another check is on its way.
    if (stopped || checkedVersion !== version || !field.element.isConnected) return;
    if (which !== started) return latest;
    findings = reply.ok ? reply.value.findings.filter((finding) => !options.isIgnored(finding)) : [];
    unchecked = reply.ok ? reply.value.unchecked : 0;
    options.answered(reply);
    draw();
    clearTimeout(lookAgain);
    if (reply.ok && reply.value.partial) lookAgain = setTimeout(() => void checkNow(), LOOK_AGAIN_MS);
  };
  const checkNow = () => (latest = check(++started));

  let scrollTimer: ReturnType<typeof setTimeout> | undefined;
  let scrollFrame = 0;
  const scrolled = () => {
    if (unchecked === 0 || scrollTimer !== undefined || scrollFrame) return;
    scrollTimer = setTimeout(() => {
      scrollTimer = undefined;
      scrollFrame = requestAnimationFrame(() => {
        scrollFrame = 0;
        if (unchecked > 0) void checkNow();
      });
    }, SCROLL_LOOK_MS);
  };
  // Captured, so the field's own scrolling and any scrolling box around it count as well as the page's.
  window.addEventListener('scroll', scrolled, { capture: true, passive: true });
  window.addEventListener('resize', scrolled, { passive: true });
  const changed = () => {
    version++;
    clearTimeout(timer);
    timer = setTimeout(() => void checkNow(), quietMs);
  };
  const unwatch = options.watchText(changed);
  void checkNow();

  return {
    field,
    findings: () => findings,
    unchecked: () => unchecked,
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
      clearTimeout(scrollTimer);
      cancelAnimationFrame(frame);
      cancelAnimationFrame(scrollFrame);
      window.removeEventListener('scroll', scrolled, { capture: true });
      window.removeEventListener('resize', scrolled);
      version++;
      underlines.clear();
    },
  };
}

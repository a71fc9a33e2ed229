// Connects one Tiptap field to the app's checks: checks its text a moment after typing stops (at once
// after a collaborator's change or a new personal word), and turns the answers into placed findings,
// leaving out words ignored on this visit and prompts dismissed for this report.
import { Extension } from '@tiptap/core';
import type { EditorView } from '@tiptap/pm/view';
import type { CheckContext } from '../../../shared/checks/context.ts';
import type { Finding } from '../../../shared/checks/finding.ts';
import type { AppChecks } from '../checks/app-checks.ts';
import { promptKey } from '../checks/checks-store.ts';
import { ignoreKey, isWantedFinding } from '../checks/wanted-findings.ts';
import { createCheckPlugin, setPlacedFindings, type PlacedFinding } from './check-plugin.ts';
import { fieldText } from './field-text.ts';

export interface FieldChecksOptions {
  checks: AppChecks;
  /** Read at each check: a progress comment's objectives change as they are typed. */
  context(): CheckContext;
  reportId: string | undefined;
  placedChanged(placed: PlacedFinding[]): void;
  open(view: EditorView, placed: PlacedFinding): void;
  /** Why checks are not working, or null when they are. */
  problem(problem: string | null): void;
  /** How long after the last keystroke to check. */
  quietMs?: number;
}

export { ignoreKey };

export function createFieldChecks(options: FieldChecksOptions) {
  const { checks, quietMs = 250 } = options;
  let view: EditorView | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let dismissed = new Set<string>();
  if (options.reportId) void checks.dismissedPrompts(options.reportId).then((keys) => ((dismissed = keys), checkNow()));

  const wanted = (finding: Finding) => isWantedFinding(finding, options.context().field ?? '', checks, dismissed);

  function checkNow() {
    clearTimeout(timer);
    timer = undefined;
    const current = view;
    if (!current || current.isDestroyed) return;
    const requested = current.state.doc;
    const { text, positionOf } = fieldText(requested);
    checks.client.check(text, options.context(), (answer) => {
      // The text changed since: these offsets no longer fit, and another check is on its way. A collaborator's
      // change can also bring an equal document as a new object (y-prosemirror replaces the whole field): its
      // positions are the same, and no other check follows it, so the answer is placed.
      if (current.isDestroyed || !current.state.doc.eq(requested)) return;
      if (!answer.ok) return options.problem(answer.problem);
      options.problem(null);
      const placed = answer.value.findings
        .filter(wanted)
        .map((finding) => ({ finding, from: positionOf(finding.start), to: positionOf(finding.end) }));
      setPlacedFindings(current, placed);
    });
  }

  const unsubscribe = checks.onWordsChanged(() => checkNow());

  const extension = Extension.create({
    name: 'marginChecks',
    addProseMirrorPlugins: () => [
      createCheckPlugin({
        changed(changedView, remote) {
          view = changedView;
          clearTimeout(timer);
          timer = setTimeout(checkNow, remote ? 0 : quietMs);
        },
        open: (openedView, placed) => options.open(openedView, placed),
        placedChanged: options.placedChanged,
      }),
    ],
  });

  return {
    extension,
    checkNow,
    async dismiss(finding: Finding) {
      const key = promptKey(finding.rule, options.context().field ?? '', finding.text);
      dismissed.add(key);
      if (options.reportId) await checks.dismissPrompt(options.reportId, key);
      checkNow();
    },
    destroy() {
      clearTimeout(timer);
      unsubscribe();
      view = undefined;
    },
  };
}

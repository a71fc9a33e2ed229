// The submission checks of any report, shown as a list the user clicks through to each field.
//
// For a Submit button elsewhere on the page:
//   const ok = await checkBeforeSubmit(doc);  // true when nothing stands in the way
// When something does, the open form shows the list (focused, each entry linking to its field), and the
// caller should not submit. `reportProblems(doc)` gives the same list without showing it.
// Someone reading the report (collab/reading.tsx) gets neither the button nor the rules beside the fields: they are
// the writer's, and are not worked out at all for a reader.
import { createMemo, createResource, createSignal, onCleanup, Show, type Accessor } from 'solid-js';
import type * as Y from 'yjs';
import { submissionProblems } from '../../../shared/reports/registry.ts';
import type { SubmissionContext, SubmissionProblem } from '../../../shared/workflow/submission.ts';
import { submissionContext } from '../store/submission-context.ts';
import { ProblemLinks } from './ProblemLinks.tsx';
import { useReading, WritersOnly } from '../collab/reading.tsx';

export type { SubmissionProblem };

/** Every reason the report may not be submitted yet, with what this device knows (assignment dates, previous scores). */
export async function reportProblems(doc: Y.Doc): Promise<SubmissionProblem[]> {
  return submissionProblems(doc, await submissionContext(doc));
}

const openPanels = new Map<Y.Doc, (problems: SubmissionProblem[] | null) => void>();

/** Runs the checks and, when there are problems, shows them in the report's form. True when the report may be submitted. */
export async function checkBeforeSubmit(doc: Y.Doc): Promise<boolean> {
  const problems = await reportProblems(doc);
  openPanels.get(doc)?.(problems.length > 0 ? problems : null);
  return problems.length === 0;
}

/** The problems as the report changes, for showing a rule beside its field while the user writes; none while reading. */
export function createLiveProblems(doc: Y.Doc): {
  problems: Accessor<SubmissionProblem[]>;
  context: Accessor<SubmissionContext | undefined>;
} {
  const reading = useReading();
  const [context] = createResource(() => submissionContext(doc));
  const [version, setVersion] = createSignal(0);
  const changed = () => setVersion((v) => v + 1);
  doc.on('update', changed);
  onCleanup(() => doc.off('update', changed));
  const problems = createMemo(() => {
    version();
    return reading() ? [] : submissionProblems(doc, context() ?? {});
  });
  return { problems, context };
}

/** The first problem about one field, for showing beside it. */
export const problemFor = (problems: Accessor<SubmissionProblem[]>, fieldId: string) => () =>
  problems().find((problem) => problem.fieldId === fieldId)?.message;

export function SubmissionChecks(props: { doc: Y.Doc }) {
  return (
    <WritersOnly>
      <CheckPanel doc={props.doc} />
    </WritersOnly>
  );
}

function CheckPanel(props: { doc: Y.Doc }) {
  const [problems, setProblems] = createSignal<SubmissionProblem[] | null>(null);
  const [checking, setChecking] = createSignal(false);
  openPanels.set(props.doc, setProblems);
  onCleanup(() => {
    if (openPanels.get(props.doc) === setProblems) openPanels.delete(props.doc);
  });
  const check = async () => {
    setChecking(true);
    try {
      setProblems(await reportProblems(props.doc));
    } finally {
      setChecking(false);
    }
  };
  const heading = (list: SubmissionProblem[]) =>
    list.length === 0
      ? 'This report is complete.'
      : `${list.length} thing${list.length === 1 ? '' : 's'} to fix before submitting`;
  return (
    <>
      <div class="actions">
        <button type="button" onClick={check} disabled={checking()}>
          Check report
        </button>
      </div>
      <Show when={problems()}>
        {(list) => (
          <section
            class="problems"
            classList={{ complete: list().length === 0 }}
            aria-labelledby="problems-heading"
            tabindex="-1"
            ref={(element) => queueMicrotask(() => element.focus())}
          >
            <h2 id="problems-heading">{heading(list())}</h2>
            <ProblemLinks problems={list()} />
          </section>
        )}
      </Show>
    </>
  );
}

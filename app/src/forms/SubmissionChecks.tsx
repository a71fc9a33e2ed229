// The report's check, shown as one list the user clicks through: what stands in the way of submitting now, what
// will once a choice still open is made (and which way), then the writing warnings (spelling, grammar, objective
// prompts) of every field, each taking the user to its word. Errors stop a submit; warnings only ask to be confirmed.
//
// For a Submit button elsewhere on the page:
//   const found = await checkBeforeSubmit(doc, { verb: 'Submit', submit: (warnings) => ... });
// When something stands in the way, the open form shows the list (focused) and the caller should not submit: with
// errors, never; with warnings only, the list offers "Submit with N warnings", which calls `submit`.
// `checkReport(doc)` gives the same findings without showing them.
// Someone reading the report (collab/reading.tsx) gets neither the button nor the rules beside the fields: they are
// the writer's, and are not worked out at all for a reader.
import { createMemo, createResource, createSignal, For, onCleanup, Show, type Accessor } from 'solid-js';
import type * as Y from 'yjs';
import { submissionCheck, submissionProblems } from '../../../shared/reports/registry.ts';
import type {
  ConditionalProblem,
  SubmissionCheck,
  SubmissionContext,
  SubmissionProblem,
} from '../../../shared/workflow/submission.ts';
import { appChecks } from '../checks/app-checks.ts';
import { reportWritingCheck, type WritingCheck, type WritingWarning } from '../checks/report-writing.ts';
import { selectWordsInField } from '../editor/select-words.ts';
import { submissionContext } from '../store/submission-context.ts';
import { ProblemLinks } from './ProblemLinks.tsx';
import { useReading, WritersOnly } from '../collab/reading.tsx';

export type { SubmissionProblem };

/** Everything the check finds: the rules broken now, those a choice would bring, and the writing warnings. */
export interface ReportCheck extends SubmissionCheck {
  writing: WritingCheck;
}

/** How many things stop a submit, and how many warnings it needs confirming past. */
export interface SubmitCheck {
  errors: number;
  warnings: number;
}

/** What a Submit button offers when only warnings are found: "Submit with 2 warnings", which calls `submit`. */
export interface SubmitPastWarnings {
  verb: string;
  submit(warnings: number): void;
}

/** The whole check of the report, with what this device knows (assignment dates, previous scores). */
export async function checkReport(doc: Y.Doc): Promise<ReportCheck> {
  const [rules, writing] = await Promise.all([
    submissionContext(doc).then((context) => submissionCheck(doc, context)),
    reportWritingCheck(doc, appChecks()),
  ]);
  return { ...rules, writing };
}

interface Shown {
  check: ReportCheck;
  pastWarnings?: SubmitPastWarnings;
}

const openPanels = new Map<Y.Doc, (shown: Shown | null) => void>();

/** Runs the check and, when anything is found, shows it in the report's form. */
export async function checkBeforeSubmit(doc: Y.Doc, pastWarnings?: SubmitPastWarnings): Promise<SubmitCheck> {
  const check = await checkReport(doc);
  const found = { errors: check.now.length, warnings: check.writing.warnings.length };
  openPanels.get(doc)?.(found.errors + found.warnings > 0 ? { check, pastWarnings } : null);
  return found;
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

const counted = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** The list's heading: what stops a submit, then what only warns. */
export function checkHeading(check: ReportCheck): string {
  const errors = check.now.length;
  const warnings = check.writing.warnings.length;
  const writing = counted(warnings, 'writing warning');
  if (errors > 0) {
    const fix = `${counted(errors, 'thing')} to fix before submitting`;
    return warnings > 0 ? `${fix}; ${writing}` : fix;
  }
  if (warnings > 0) return `Nothing stops you submitting; ${writing}`;
  // Nothing found by writing checks that could not run is not nothing to warn about. (Grammar still loading is said
  // under the list: spelling and the prompts have answered.)
  return check.writing.problem
    ? 'Nothing stops you submitting, but the writing checks could not run'
    : 'This report is complete.';
}

/** True when nothing stops a submit and the writing checks ran and found nothing to warn about. */
const isComplete = (check: ReportCheck) =>
  check.now.length === 0 && check.writing.warnings.length === 0 && !check.writing.problem;

/** The once-chosen rules by the way of choosing they come with, in the order they were found. */
function byOutcome(problems: ConditionalProblem[]): { when: string; problems: ConditionalProblem[] }[] {
  const groups: { when: string; problems: ConditionalProblem[] }[] = [];
  for (const problem of problems) {
    const group = groups.find((g) => g.when === problem.when);
    if (group) group.problems.push(problem);
    else groups.push({ when: problem.when, problems: [problem] });
  }
  return groups;
}

const kindWords = { spelling: 'spelling', grammar: 'grammar', prompt: 'advice' } as const;

/** A warning's words as the list quotes them: a long objective is shortened. */
const quoted = (text: string) => `“${text.length > 60 ? `${text.slice(0, 57).trimEnd()}…` : text}”`;

function WritingWarnings(props: { warnings: WritingWarning[] }) {
  return (
    <ul>
      <For each={props.warnings}>
        {(warning) => (
          <li>
            <a
              href={`#${warning.fieldId}`}
              onClick={(event) => {
                event.preventDefault();
                const { text, start } = warning.finding;
                if (!selectWordsInField(warning.fieldId, text, start))
                  document.getElementById(warning.fieldId)?.focus();
              }}
            >
              {warning.label}, {kindWords[warning.finding.kind]}: {quoted(warning.finding.text)}
            </a>{' '}
            <span class="muted">{warning.finding.message}</span>
          </li>
        )}
      </For>
    </ul>
  );
}

function CheckList(props: { check: ReportCheck; pastWarnings?: SubmitPastWarnings }) {
  const errors = () => props.check.now;
  const outcomes = () => byOutcome(props.check.onceChosen);
  const warnings = () => props.check.writing.warnings;
  return (
    <>
      <h2 id="problems-heading">{checkHeading(props.check)}</h2>
      <Show when={errors().length > 0}>
        <h3>Needed before submitting</h3>
        <ProblemLinks problems={errors()} />
      </Show>
      <Show when={outcomes().length > 0}>
        <h3>Needed too, once a choice is made</h3>
        <For each={outcomes()}>
          {(outcome, index) => (
            <section aria-labelledby={`once-chosen-${index()}`}>
              <h4 id={`once-chosen-${index()}`}>
                {outcome.when}: {counted(outcome.problems.length, 'more thing')}
              </h4>
              <ProblemLinks
                problems={outcome.problems.map((problem) => ({ ...problem, fallbackFieldId: problem.choiceFieldId }))}
              />
            </section>
          )}
        </For>
      </Show>
      <Show when={warnings().length > 0}>
        <h3>{counted(warnings().length, 'writing warning')}</h3>
        <p class="hint">These do not stop you submitting. Each takes you to its words.</p>
        <WritingWarnings warnings={warnings()} />
      </Show>
      <Show when={props.check.writing.problem}>
        {(problem) => <p class="warning">The writing checks could not run: {problem()}</p>}
      </Show>
      <Show when={!props.check.writing.problem && !props.check.writing.complete}>
        <p class="hint">Grammar is still loading, so its warnings are not listed yet: check again in a moment.</p>
      </Show>
      <Show when={errors().length === 0 && warnings().length > 0 ? props.pastWarnings : undefined}>
        {(offer) => (
          <div class="actions">
            <button type="button" onClick={() => offer().submit(warnings().length)}>
              {offer().verb} with {counted(warnings().length, 'warning')}
            </button>
          </div>
        )}
      </Show>
    </>
  );
}

export function SubmissionChecks(props: { doc: Y.Doc }) {
  return (
    <WritersOnly>
      <CheckPanel doc={props.doc} />
    </WritersOnly>
  );
}

function CheckPanel(props: { doc: Y.Doc }) {
  const [shown, setShown] = createSignal<Shown | null>(null);
  const [checking, setChecking] = createSignal(false);
  openPanels.set(props.doc, setShown);
  onCleanup(() => {
    if (openPanels.get(props.doc) === setShown) openPanels.delete(props.doc);
  });
  const check = async () => {
    setChecking(true);
    try {
      setShown({ check: await checkReport(props.doc) });
    } finally {
      setChecking(false);
    }
  };
  return (
    <>
      <div class="actions">
        <button type="button" onClick={check} disabled={checking()}>
          Check report
        </button>
      </div>
      {/* Keyed: each check draws the list afresh and takes the focus to it. */}
      <Show keyed when={shown()}>
        {(open) => (
          <section
            class="problems"
            classList={{ complete: isComplete(open.check), 'warnings-only': open.check.now.length === 0 }}
            aria-labelledby="problems-heading"
            tabindex="-1"
            ref={(element) => queueMicrotask(() => element.focus())}
          >
            <CheckList check={open.check} pastWarnings={open.pastWarnings} />
          </section>
        )}
      </Show>
    </>
  );
}

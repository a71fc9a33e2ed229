// A list of what stands in the way, each entry a link that takes the user to its field: the report's
// submission checks (SubmissionChecks.tsx) and the termly review's step summary both show one.
import { For } from 'solid-js';

export interface LinkedProblem {
  /** The id of the form element to take the user to. */
  fieldId: string;
  /** That element's label, when the list should name it ("Target %: ..."). */
  label?: string;
  message: string;
  /** Where to take the user while the element is not on the page (a field shown once a choice is made: the choice). */
  fallbackFieldId?: string;
}

function focusField(problem: LinkedProblem) {
  const element =
    document.getElementById(problem.fieldId) ??
    (problem.fallbackFieldId ? document.getElementById(problem.fallbackFieldId) : null);
  element?.scrollIntoView({ block: 'center' });
  element?.focus();
}

export function ProblemLinks(props: { problems: LinkedProblem[] }) {
  return (
    <ul>
      <For each={props.problems}>
        {(problem) => (
          <li>
            <a
              href={`#${problem.fieldId}`}
              onClick={(event) => {
                event.preventDefault();
                focusField(problem);
              }}
            >
              {problem.label ? `${problem.label}: ` : ''}
              {problem.message}
            </a>
          </li>
        )}
      </For>
    </ul>
  );
}

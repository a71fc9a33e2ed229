// One action step as the mentor and the teacher see it: its title, where it comes from and its success criteria.
import { For, Show, type JSX } from 'solid-js';
import type { ChosenStep } from '../../../shared/reports/coaching-cycle/cycle.ts';

const sourceLabels: Record<ChosenStep['source'], string> = {
  library: 'From the library',
  custom: 'Your own step',
  repeat: 'Repeat of the previous step',
};

export function StepCard(props: { step: ChosenStep; headingLevel?: 3 | 4; children?: JSX.Element }) {
  const where = () => [props.step.strand, props.step.module].filter(Boolean).join(' › ');
  return (
    <div class="step-card">
      {props.headingLevel === 4 ? <h4>{props.step.title}</h4> : <h3>{props.step.title}</h3>}
      <p class="hint">
        {sourceLabels[props.step.source]}
        {where() ? `: ${where()}` : ''}
      </p>
      <Show when={props.step.successCriteria.length > 0}>
        <p class="criteria-label">Success criteria</p>
        <ul class="criteria">
          <For each={props.step.successCriteria}>{(criterion) => <li>{criterion}</li>}</For>
        </ul>
      </Show>
      {props.children}
    </div>
  );
}

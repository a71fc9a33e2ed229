// The induction tutor's form, one step at a time in the guide's order: Back and Continue, and Continue stops
// at an incomplete step with a focused summary of what is missing, each entry taking you to its field. The
// last step finishes the review, which hands it to the teacher.
import { createSignal, For, Match, Show, Switch, createMemo } from 'solid-js';
import type * as Y from 'yjs';
import { fields, textField } from '../../../shared/doc/layout.ts';
import { standardsOfConcern, supportPlanSlot } from '../../../shared/reports/termly-review/doc.ts';
import {
  academicYearLabel,
  activeSteps,
  contractTypes,
  isInterim,
  recommendationLabels,
  standardLabel,
  stepProblems,
  teachersStandards,
  termLabels,
  termlyReviewLabels,
  type FormProblem,
  type ReviewTerm,
} from '../../../shared/reports/termly-review/form.ts';
import { formatDate } from '../../../shared/workflow/calendar.ts';
import { TextField } from '../editor/TextField.tsx';
import { ProblemLinks } from '../forms/ProblemLinks.tsx';
import { AttachedFile } from './AttachedFile.tsx';
import { Choice, DateLine, LineInput, NumberInput, SelectInput, TickBox, yesNoOptions } from './inputs.tsx';
import { createReview } from './review-signal.ts';

export function ReviewSteps(props: { doc: Y.Doc; onFinish: () => Promise<void>; finishing: boolean }) {
  const review = createReview(props.doc);
  const steps = () => activeSteps(review());
  const [index, setIndex] = createSignal(0);
  const [shownProblems, setShownProblems] = createSignal<FormProblem[]>([]);
  const step = () => steps()[Math.min(index(), steps().length - 1)];
  const problemFor = createMemo(() => {
    const problems = shownProblems();
    return (fieldId: string) => problems.find((problem) => problem.fieldId === fieldId)?.message;
  });
  const f = fields(props.doc);
  let heading!: HTMLHeadingElement;
  let summary: HTMLElement | undefined;

  const go = (to: number) => {
    setShownProblems([]);
    setIndex(to);
    queueMicrotask(() => heading.focus());
  };
  const onContinue = async () => {
    const problems = stepProblems(step().key, review());
    setShownProblems(problems);
    if (problems.length > 0) return queueMicrotask(() => summary?.focus());
    if (index() < steps().length - 1) return go(index() + 1);
    await props.onFinish();
  };
  const last = () => index() >= steps().length - 1;

  return (
    <section class="review-steps" aria-labelledby="step-heading">
      <p class="step-count" id="step-count">
        Step {index() + 1} of {steps().length}
      </p>
      <h2 id="step-heading" tabindex="-1" ref={heading}>
        {step().title}
      </h2>
      <Show when={shownProblems().length > 0}>
        <section
          class="problems"
          aria-labelledby="step-problems-heading"
          tabindex="-1"
          ref={(element) => (summary = element)}
        >
          <h3 id="step-problems-heading">
            {shownProblems().length} thing{shownProblems().length === 1 ? '' : 's'} to complete before you continue
          </h3>
          <ProblemLinks problems={shownProblems()} />
        </section>
      </Show>
      <div class="step-body">
        <Switch>
          <Match when={step().key === 'contract'}>
            <p>
              Progress review for <strong>{review().teacherName}</strong>:{' '}
              {review().term ? termLabels[review().term as ReviewTerm] : ''}{' '}
              {review().academicYear !== undefined ? academicYearLabel(review().academicYear!) : ''}, due{' '}
              {review().dueDate ? formatDate(review().dueDate!) : 'when the term is known'}.
            </p>
            <p class="hint">
              Confirm the teacher’s contract details for the term this review is about; correct any that are wrong.
            </p>
            <SelectInput
              id="contractType"
              label="Contract type"
              map={f}
              options={contractTypes}
              problem={problemFor()('contractType')}
            />
            <NumberInput
              id="daysPerWeek"
              label="Days per week"
              hint="5 for full time; 2.5 for half time."
              step={0.5}
              max={5}
              map={f}
              problem={problemFor()('daysPerWeek')}
            />
            <DateLine
              id="periodStart"
              label="This review period starts"
              map={f}
              problem={problemFor()('periodStart')}
            />
            <DateLine id="periodEnd" label="This review period ends" map={f} problem={problemFor()('periodEnd')} />
          </Match>
          <Match when={step().key === 'staying'}>
            <Choice
              id="staying"
              label="Will the teacher be remaining at this school for all or part of the next report period?"
              options={yesNoOptions}
              map={f}
              problem={problemFor()('staying')}
            />
            <Show when={isInterim(review())}>
              <div class="notice">
                <h3>Create an interim assessment</h3>
                <p>
                  As the teacher will be leaving at the end of this report period, you should complete an interim
                  assessment rather than a progress review. Interim assessments should only be created when the teacher
                  is leaving your school outside of a normal assessment period.
                </p>
                <p>
                  The interim assessment asks the same questions as a progress review, and, on its last step, where the
                  teacher is moving to. It is due on the day the teacher leaves.
                </p>
              </div>
              <TickBox
                id="interimConfirmed"
                label="Yes, complete an interim assessment instead of a progress review"
                map={f}
                problem={problemFor()('interimConfirmed')}
              />
              <DateLine
                id="leavingDate"
                label="Date the teacher leaves"
                map={f}
                problem={problemFor()('leavingDate')}
              />
            </Show>
          </Match>
          <Match when={step().key === 'days'}>
            <NumberInput
              id="daysServed"
              label="Days employed during this period (including absences)"
              hint="Days the teacher worked in this period, not counting weekends, bank or school holidays, but counting absences. Full time is about 71 days in the autumn term."
              max={366}
              map={f}
              problem={problemFor()('daysServed')}
            />
            <Choice
              id="hadAbsences"
              label="Has the teacher had any absences during this period?"
              options={yesNoOptions}
              map={f}
              problem={problemFor()('hadAbsences')}
            />
            <Show when={review().hadAbsences === 'Yes'}>
              <NumberInput
                id="daysAbsent"
                label="Days absent in this period"
                hint="Days the teacher should have been working but was absent; not days they were not contracted to work."
                max={366}
                map={f}
                problem={problemFor()('daysAbsent')}
              />
            </Show>
            <NumberInput
              id="absencesBefore"
              label="Days absent before this period (if any)"
              max={1000}
              map={f}
              problem={problemFor()('absencesBefore')}
            />
          </Match>
          <Match when={step().key === 'support'}>
            <Choice
              id="receivedSupport"
              label="Has the teacher continued to access a programme of support based on the Early Career Framework and received all of their statutory entitlements?"
              options={yesNoOptions}
              map={f}
              problem={problemFor()('receivedSupport')}
            />
            <Show when={review().receivedSupport === 'No'}>
              <TextField
                id="supportReasons"
                label="Why not?"
                hint="Explain why an ECF-based induction has not been accessed or why statutory entitlements have not been met."
                fragment={textField(props.doc, 'supportReasons')}
              />
              <Show when={problemFor()('supportReasons')}>
                <p class="error">{problemFor()('supportReasons')}</p>
              </Show>
            </Show>
          </Match>
          <Match when={step().key === 'recommendation'}>
            <Choice
              id="recommendation"
              label="Based on current performance and rate of progress, is the teacher on track to successfully complete induction by the end of their induction?"
              options={[
                {
                  value: 'on-track',
                  label: recommendationLabels['on-track'].short,
                  detail: recommendationLabels['on-track'].full,
                },
                {
                  value: 'not-on-track',
                  label: recommendationLabels['not-on-track'].short,
                  detail: recommendationLabels['not-on-track'].full,
                },
              ]}
              map={f}
              problem={problemFor()('recommendation')}
            />
            <TextField
              id="recommendationReasons"
              label="Reasons"
              hint="Give brief reasons for your answer. Where the teacher is not on track, list the standards (including personal and professional conduct) that are a cause for concern and how the evidence supports that concern."
              fragment={textField(props.doc, 'recommendationReasons')}
            />
            <Show when={problemFor()('recommendationReasons')}>
              <p class="error">{problemFor()('recommendationReasons')}</p>
            </Show>
          </Match>
          <Match when={step().key === 'concerns'}>
            <fieldset class="field standards" aria-invalid={!!problemFor()('standardsOfConcern')}>
              <legend>Which Teachers’ Standards are a cause for concern?</legend>
              <For each={teachersStandards}>
                {(standard, position) => (
                  <TickBox
                    id={position() === 0 ? 'standardsOfConcern' : `standard-${standard.id}`}
                    key={standard.id}
                    label={standardLabel(standard)}
                    map={standardsOfConcern(props.doc) as Y.Map<unknown>}
                  />
                )}
              </For>
              <Show when={problemFor()('standardsOfConcern')}>
                <p class="error">{problemFor()('standardsOfConcern')}</p>
              </Show>
            </fieldset>
            <Choice
              id="teacherInformed"
              label="Has the teacher been informed that they are not on track?"
              options={yesNoOptions}
              map={f}
              problem={problemFor()('teacherInformed')}
            />
            <AttachedFile
              doc={props.doc}
              slot={supportPlanSlot}
              id="supportPlan"
              label={termlyReviewLabels.supportPlan}
              hint="A support plan must be in place: attach it before you continue."
              problem={problemFor()('supportPlan')}
            />
          </Match>
          <Match when={step().key === 'next-term'}>
            <p class="hint">
              Confirm what the teacher’s contract will be next term, so the next review is made at the right time.
            </p>
            <NumberInput
              id="nextDaysPerWeek"
              label="Next term: days per week"
              step={0.5}
              max={5}
              map={f}
              problem={problemFor()('nextDaysPerWeek')}
            />
            <SelectInput
              id="nextContractType"
              label="Next term: contract type"
              map={f}
              options={contractTypes}
              problem={problemFor()('nextContractType')}
            />
            <Show when={isInterim(review())}>
              <LineInput
                id="forwardingSchool"
                label="Name of the school or appropriate body the teacher is moving to"
                map={f}
                problem={problemFor()('forwardingSchool')}
              />
              <TextField
                id="forwardingContact"
                label="Contact details for the teacher"
                hint="Address, telephone and email, in case the appropriate body needs to contact the teacher."
                fragment={textField(props.doc, 'forwardingContact')}
              />
            </Show>
          </Match>
        </Switch>
      </div>
      <div class="step-actions">
        <Show when={index() > 0}>
          <button type="button" class="secondary" onClick={() => go(index() - 1)}>
            Back
          </button>
        </Show>
        <button type="button" onClick={() => void onContinue()} disabled={props.finishing}>
          {last() ? 'Finish: ready for the teacher’s comments' : 'Continue'}
        </button>
      </div>
      <Show when={last()}>
        <p class="hint">
          Everything you type is saved as you go: leave the review unfinished and come back to it whenever you like.
        </p>
      </Show>
    </section>
  );
}

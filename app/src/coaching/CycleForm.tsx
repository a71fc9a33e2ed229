// One coaching cycle on the report page. Observe and select: notes of praise, evidence about the current
// step and how to model it (co-edited live by everyone with a writer's link), the previous step reviewed as
// met or not yet, and the next step chosen from the library or written (discard to change it). Give feedback
// shows every note; Finish logs the step and submits the cycle, which is what lets the teacher's link open it.
import { useParams } from '@solidjs/router';
import { createMemo, createResource, createSignal, For, Match, onCleanup, Show, Switch } from 'solid-js';
import type * as Y from 'yjs';
import {
  cycleLabels,
  reviewLabels,
  reviewOutcomes,
  stageLabels,
  stepForTeacher,
  type CycleAction,
  type ReviewOutcome,
} from '../../../shared/reports/coaching-cycle/cycle.ts';
import { observationNotes, readCycle, takeCycleAction } from '../../../shared/reports/coaching-cycle/doc.ts';
import { textField } from '../../../shared/doc/index.ts';
import { localDate } from '../../../shared/workflow/calendar.ts';
import { TextField } from '../editor/TextField.tsx';
import { db } from '../store/db.ts';
import { heldLink } from '../sync/report-access.ts';
import { transition } from '../../../shared/workflow/status.ts';
import { withYourName } from '../collab/your-name.ts';
import { submitWhenRelayHasAll } from './finish-on-relay.ts';
import { StepCard } from './StepCard.tsx';
import { StepPicker } from './StepPicker.tsx';
import './coaching.css';

export function CycleForm(props: { doc: Y.Doc; readOnly?: boolean }) {
  const params = useParams<{ id: string }>();
  const [version, setVersion] = createSignal(0);
  const changed = () => setVersion((v) => v + 1);
  props.doc.on('update', changed);
  onCleanup(() => props.doc.off('update', changed));
  const cycle = createMemo(() => {
    version();
    return readCycle(props.doc);
  });
  const state = () => cycle().state;
  const [error, setError] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [link] = createResource(() => params.id, heldLink);
  // Finish submits the cycle, which the relay lets only its creator's (tutor) link do; other observers write notes.
  const mayFinish = () => {
    const held = link();
    return !held || transition('draft', 'submit', held.role).ok;
  };
  const [record] = createResource(
    () => cycle().teacher?.id,
    async (teacherId) =>
      (await db.reports.where('type').equals('coaching-record').toArray()).find((row) =>
        row.learnerIds.includes(teacherId),
      ),
  );

  const act = (action: CycleAction): boolean => {
    const result = takeCycleAction(props.doc, action, localDate(new Date()));
    setError(result.ok ? '' : result.problem);
    return result.ok;
  };

  const finish = async () => {
    try {
      // The button pressed stays enabled while a name is asked for, so focus can go back to it.
      await withYourName(async (name) => {
        setBusy(true);
        if (state().stage !== 'finished' && !act({ type: 'finish' })) return;
        await submitWhenRelayHasAll(params.id, props.doc, name);
      });
    } catch (problem) {
      setError(
        `The step is finished on this device but not yet shown to the teacher: ${problem instanceof Error ? problem.message : String(problem)}`,
      );
    } finally {
      setBusy(false);
    }
  };

  const nextStepSection = () => (
    <section class="card" aria-labelledby="next-step-heading">
      <h2 id="next-step-heading">{cycleLabels.nextStep}</h2>
      <Show when={state().nextStep} fallback={<StepPicker onChoose={(step) => act({ type: 'choose', step })} />}>
        {(step) => (
          <StepCard step={step()}>
            <button type="button" class="secondary" onClick={() => act({ type: 'discard' })}>
              Discard this step
            </button>
          </StepCard>
        )}
      </Show>
    </section>
  );

  return (
    <div class="report-form coaching-cycle">
      <Show when={record()}>
        {(row) => (
          <p class="report-assignment">
            <a href={`/coaching/${row().id}`}>Back to {cycle().teacher?.name}’s coach page</a>
          </p>
        )}
      </Show>
      <p class="stage-line">
        {cycleLabels.stage}: <strong>{stageLabels[state().stage]}</strong>
        <Show when={props.readOnly && state().stage === 'finished'}> — the step is visible to the teacher.</Show>
      </p>
      <Switch>
        <Match when={props.readOnly}>
          <ReadOnlyCycle doc={props.doc} />
        </Match>
        <Match when={state().stage === 'observe'}>
          <h2>{stageLabels.observe}</h2>
          <section class="card" aria-labelledby="notes-heading">
            <h2 id="notes-heading">Observation notes</h2>
            <For each={observationNotes}>
              {(note) => (
                <TextField
                  id={note.key}
                  label={note.label}
                  hint={note.hint}
                  fragment={textField(props.doc, note.key)}
                />
              )}
            </For>
          </section>
          <Show when={state().previousStep}>
            {(previous) => (
              <section class="card" aria-labelledby="review-heading">
                <h2 id="review-heading">Review the previous step</h2>
                <StepCard step={previous()} />
                <fieldset class="choice">
                  <legend>{cycleLabels.review}</legend>
                  <For each={reviewOutcomes}>
                    {(outcome) => (
                      <label>
                        <input
                          type="radio"
                          name="review"
                          value={outcome}
                          checked={state().review === outcome}
                          onChange={() => act({ type: 'review', outcome })}
                        />{' '}
                        {reviewLabels[outcome]}
                      </label>
                    )}
                  </For>
                </fieldset>
                <Show when={state().review === 'not-yet'}>
                  <p class="hint">
                    Not yet: repeating the step is recommended, so it is set as the next step. Discard it to choose
                    another.
                  </p>
                </Show>
              </section>
            )}
          </Show>
          {nextStepSection()}
          <div class="actions">
            <button type="button" onClick={() => act({ type: 'give-feedback' })}>
              Give feedback
            </button>
          </div>
        </Match>
        <Match when={state().stage === 'feedback'}>
          <h2>{stageLabels.feedback}</h2>
          <NotesSummary notes={cycle().notes} review={state().review} />
          {nextStepSection()}
          <div class="actions">
            <button type="button" class="secondary" onClick={() => act({ type: 'back-to-observe' })}>
              Back to observe and select
            </button>
            <Show when={mayFinish()}>
              <button type="button" disabled={busy() || !state().nextStep} onClick={() => void finish()}>
                Finish
              </button>
            </Show>
          </div>
          <Show when={!mayFinish()}>
            <p class="hint">
              The mentor who started this observation finishes it, which shows the step to the teacher.
            </p>
          </Show>
        </Match>
        <Match when={state().stage === 'finished'}>
          <Show when={state().nextStep}>{(step) => <StepCard step={step()} />}</Show>
          <p class="notice">Finished on this device. Show the step to the teacher once Margin reaches the relay.</p>
          <Show when={mayFinish()}>
            <button type="button" disabled={busy()} onClick={() => void finish()}>
              Show the step to the teacher
            </button>
          </Show>
        </Match>
      </Switch>
      <Show when={error()}>
        <p class="error" role="alert">
          {error()}
        </p>
      </Show>
    </div>
  );
}

function NotesSummary(props: { notes: Record<string, string>; review?: ReviewOutcome }) {
  return (
    <section class="card" aria-labelledby="all-notes-heading">
      <h2 id="all-notes-heading">Your observation notes</h2>
      <For each={observationNotes}>
        {(note) => (
          <div class="note-summary">
            <h3>{note.label}</h3>
            <p class="note-text" data-note={note.key}>
              {props.notes[note.key] || 'No notes.'}
            </p>
          </div>
        )}
      </For>
      <Show when={props.review}>
        {(review) => (
          <p>
            Previous step: <strong>{reviewLabels[review()]}</strong>
          </p>
        )}
      </Show>
    </section>
  );
}

/** What a finished cycle shows, and what the teacher's link opens: the step set, the review and the notes. */
function ReadOnlyCycle(props: { doc: Y.Doc }) {
  const cycle = readCycle(props.doc);
  return (
    <>
      <section class="card" aria-labelledby="your-step-heading">
        <h2 id="your-step-heading">Action step</h2>
        <Show when={stepForTeacher(cycle.state)} fallback={<p class="muted">This cycle has no finished step yet.</p>}>
          {(step) => <StepCard step={step()} />}
        </Show>
      </section>
      <Show when={cycle.state.stage === 'finished'}>
        <NotesSummary notes={cycle.notes} review={cycle.state.review} />
      </Show>
    </>
  );
}

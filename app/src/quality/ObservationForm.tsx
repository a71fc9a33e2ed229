// A quality-assurance observation on the report page: the four competencies, each with its checklist and a
// judgement, and written feedback. "Send feedback to the tutor" submits it (locked from then on); the tutor
// reads it through a share link and replies; when concerns persist, a second and third observation follow,
// linked to the first.
import { useParams } from '@solidjs/router';
import { createMemo, createResource, createSignal, For, onCleanup, Show } from 'solid-js';
import type * as Y from 'yjs';
import { competencies, judgements as judgementScale } from '../../../shared/quality/competencies.ts';
import {
  checklist,
  feedbackKey,
  judgements,
  nameObservedTutor,
  readObservation,
} from '../../../shared/reports/qa-observation/doc.ts';
import { followUpCheck, hasConcerns, maxObservations } from '../../../shared/reports/qa-observation/observation.ts';
import { textField } from '../../../shared/doc/index.ts';
import { formatDate } from '../../../shared/workflow/calendar.ts';
import { transition } from '../../../shared/workflow/status.ts';
import { TextField } from '../editor/TextField.tsx';
import { Select } from '../forms/Select.tsx';
import { checkBeforeSubmit, SubmissionChecks } from '../forms/SubmissionChecks.tsx';
import { withYourName } from '../collab/your-name.ts';
import { heldLink } from '../sync/report-access.ts';
import { submitWhenRelayHasAll } from '../coaching/finish-on-relay.ts';
import { startFollowUp } from './quality-store.ts';
import { TutorReply } from './TutorReply.tsx';
import './quality.css';

export function ObservationForm(props: { doc: Y.Doc; readOnly?: boolean }) {
  const params = useParams<{ id: string }>();
  const [version, setVersion] = createSignal(0);
  const changed = () => setVersion((v) => v + 1);
  props.doc.on('update', changed);
  onCleanup(() => props.doc.off('update', changed));
  const draft = createMemo(() => {
    version();
    return readObservation(props.doc);
  });
  const [link] = createResource(() => params.id, heldLink);
  const [error, setError] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  // A locked observation is a sent one: the observer's and the tutor's links both write until it is sent.
  const sent = () => props.readOnly === true && (link()?.role === 'tutor' || link()?.role === 'mentor');
  const isObserver = () => link()?.source === 'claimed';
  // Sending submits the observation, which the relay lets only its creator's (tutor) link do.
  const maySend = () => {
    const held = link();
    return !held || transition('draft', 'submit', held.role).ok;
  };

  /** The report's one check first: errors stop it; warnings stop it until confirmed (`confirmedWarnings` of them). */
  const send = async (confirmedWarnings = 0) => {
    if (busy()) return;
    setBusy(true);
    setError('');
    try {
      const found = await checkBeforeSubmit(props.doc, { verb: 'Send', submit: (warnings) => void send(warnings) });
      if (found.errors > 0 || found.warnings > confirmedWarnings) return;
      // The button pressed stays enabled while a name is asked for, so focus can go back to it.
      setBusy(false);
      await withYourName((name) => {
        setBusy(true);
        return submitWhenRelayHasAll(params.id, props.doc, name);
      });
    } catch (problem) {
      setError(problem instanceof Error ? problem.message : String(problem));
    } finally {
      setBusy(false);
    }
  };

  const followUp = async () => {
    setError('');
    try {
      const followUpId = await withYourName((name) => startFollowUp(params.id, draft(), sent(), name));
      // The report page opens one report for its life, so going from one report to another loads the page afresh.
      if (followUpId) window.location.assign(`/report/${followUpId}`);
    } catch (problem) {
      setError(problem instanceof Error ? problem.message : String(problem));
    }
  };

  const setJudgement = (id: string, value: string | undefined) =>
    value ? judgements(props.doc).set(id, value) : judgements(props.doc).delete(id);
  const setTicked = (id: string, ticked: boolean) =>
    ticked ? checklist(props.doc).set(id, true) : checklist(props.doc).delete(id);

  return (
    <form
      class="report-form qa-observation"
      onSubmit={(event) => event.preventDefault()}
      aria-label="Quality observation"
    >
      <p class="stage-line">
        Status:{' '}
        <strong>
          {sent()
            ? 'Feedback sent to the tutor'
            : props.readOnly
              ? 'Read only'
              : 'Being written: the tutor sees it once the feedback is sent'}
        </strong>
      </p>
      <p class="notice">
        Observation {draft().number} of at most {maxObservations} for <strong>{draft().tutorName}</strong>, session of{' '}
        {formatDate(draft().date ?? '')}.
        <Show when={draft().firstObservationId}>
          {(first) => (
            <>
              {' '}
              It follows <a href={`/report/${first()}`}>the first observation</a>
              <Show when={draft().previousObservationId !== first() ? draft().previousObservationId : undefined}>
                {(previous) => (
                  <>
                    {' '}
                    and <a href={`/report/${previous()}`}>the one before</a>
                  </>
                )}
              </Show>
              .
            </>
          )}
        </Show>
      </p>
      <Show when={!props.readOnly}>
        <div class="field small">
          <label for="tutorName">Tutor observed</label>
          <input
            id="tutorName"
            type="text"
            maxLength={120}
            value={draft().tutorName}
            onChange={(e) => nameObservedTutor(props.doc, e.currentTarget.value)}
          />
        </div>
      </Show>
      <For each={competencies}>
        {(competency) => (
          <fieldset class="competency">
            <legend>{competency.label}</legend>
            <ul class="checklist">
              <For each={competency.items}>
                {(item) => (
                  <li>
                    <label>
                      <input
                        type="checkbox"
                        checked={draft().checked[item.id] === true}
                        disabled={props.readOnly}
                        onChange={(e) => setTicked(item.id, e.currentTarget.checked)}
                      />{' '}
                      {item.text}
                    </label>
                  </li>
                )}
              </For>
            </ul>
            <Select
              id={`judgement-${competency.id}`}
              label={`Judgement: ${competency.label.toLowerCase()}`}
              options={judgementScale}
              value={draft().judgementFor[competency.id]}
              onChange={(value) => setJudgement(competency.id, value)}
              disabled={props.readOnly}
            />
          </fieldset>
        )}
      </For>
      <Show when={hasConcerns(draft())}>
        <p class="warning">
          This observation raises concerns: give the tutor the support they need, then arrange a follow-up observation.
        </p>
      </Show>
      <TextField
        id="feedback"
        label="Feedback for the tutor"
        hint="What went well, what to improve against each competency, and the support offered."
        fragment={textField(props.doc, feedbackKey)}
        readOnly={props.readOnly}
      />
      <SubmissionChecks doc={props.doc} />
      <div class="actions">
        <Show when={!props.readOnly && maySend()}>
          <button type="button" disabled={busy()} onClick={() => void send()}>
            Send feedback to the tutor
          </button>
        </Show>
        <Show when={sent() && isObserver() && followUpCheck(params.id, draft(), true).ok}>
          <button type="button" onClick={() => void followUp()}>
            Start observation {draft().number + 1}
          </button>
        </Show>
      </div>
      <Show when={error()}>
        <p class="error" role="alert">
          {error()}
        </p>
      </Show>
      <Show when={sent() ? link() : undefined}>{(held) => <TutorReply link={held()} />}</Show>
    </form>
  );
}

// The progress-review checklist (domain guide 002): four stages, each point judged on real evidence and how
// strong it is, with what needs to happen where it is weak, and points of the reviewer's own in any stage.
import { createMemo, For, Show } from 'solid-js';
import type * as Y from 'yjs';
import { fields, textField } from '../../../shared/doc/index.ts';
import {
  actionKey,
  addCustomPoint,
  customPoints,
  evidenceKey,
  ratings,
  type CustomPoint,
} from '../../../shared/reports/index.ts';
import {
  evidenceStrengths,
  maxStatementLength,
  reviewFieldLabels,
  reviewStageKeys,
  reviewStages,
  type ReviewStage,
} from '../../../shared/reports/index.ts';
import { TextField } from '../editor/TextField.tsx';
import { DateInput } from './Inputs.tsx';
import { Select } from './Select.tsx';
import { SubmissionChecks } from './SubmissionChecks.tsx';
import { createYMap, createYValue } from './y-signals.ts';
import { WritersOnly } from '../collab/reading.tsx';

export function ProgressReviewForm(props: { doc: Y.Doc; readOnly?: boolean }) {
  const f = fields(props.doc);
  const [title, setTitle] = createYValue<string>(f, 'title');
  const strengths = createYMap(ratings(props.doc));
  const custom = createYMap(customPoints(props.doc));
  const customByStage = createMemo(() => {
    const byStage = new Map<string, CustomPoint[]>();
    for (const [id, point] of Object.entries(custom())) {
      if (!(reviewStageKeys as readonly string[]).includes(point?.stage)) continue;
      byStage.set(point.stage, [...(byStage.get(point.stage) ?? []), { id, ...point }]);
    }
    for (const list of byStage.values()) list.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
    return byStage;
  });

  const addPoint = (stage: ReviewStage['key']) => {
    const id = `own-${crypto.randomUUID().slice(0, 8)}`;
    addCustomPoint(props.doc, stage, id);
    queueMicrotask(() => document.getElementById(`statement-${id}`)?.focus());
  };

  return (
    <form class="report-form" onSubmit={(event) => event.preventDefault()} aria-label="Progress-review checklist">
      <WritersOnly>
        <p class="notice">
          For each point, say what real evidence shows it happens and how strong that evidence is. Where it is none or
          superficial, say what needs to happen to develop it. Add points of your own to any stage.
        </p>
      </WritersOnly>
      <fieldset>
        <legend>Review</legend>
        <div class="row">
          <div class="field small">
            <label for="title">{reviewFieldLabels.title}</label>
            <input
              id="title"
              type="text"
              maxLength={120}
              value={title() ?? ''}
              onChange={(e) => setTitle(e.currentTarget.value)}
              disabled={props.readOnly}
            />
          </div>
          <DateInput id="date" label={reviewFieldLabels.date} map={f} readOnly={props.readOnly} />
        </div>
      </fieldset>
      <For each={reviewStages}>
        {(stage) => (
          <fieldset class="stage">
            <legend>{stage.label}</legend>
            <p class="hint">{stage.about}</p>
            <For each={stage.points}>
              {(point) => (
                <PointReview
                  doc={props.doc}
                  pointId={point.id}
                  statement={point.statement}
                  strength={strengths()[point.id]}
                  readOnly={props.readOnly}
                />
              )}
            </For>
            <For each={customByStage().get(stage.key) ?? []}>
              {(point) => (
                <PointReview
                  doc={props.doc}
                  pointId={point.id}
                  strength={strengths()[point.id]}
                  readOnly={props.readOnly}
                  own={point}
                />
              )}
            </For>
            <Show when={!props.readOnly}>
              <button type="button" class="secondary" onClick={() => addPoint(stage.key)}>
                Add your own point
              </button>
            </Show>
          </fieldset>
        )}
      </For>
      <SubmissionChecks doc={props.doc} />
    </form>
  );
}

interface PointReviewProps {
  doc: Y.Doc;
  pointId: string;
  statement?: string;
  strength: string | undefined;
  readOnly?: boolean;
  own?: CustomPoint;
}

function PointReview(props: PointReviewProps) {
  const legendId = `point-${props.pointId}`;
  const setStrength = (value: string | undefined) =>
    value ? ratings(props.doc).set(props.pointId, value) : ratings(props.doc).delete(props.pointId);
  const setStatement = (statement: string) => {
    if (props.own)
      customPoints(props.doc).set(props.pointId, { stage: props.own.stage, order: props.own.order, statement });
  };
  const remove = () =>
    props.doc.transact(() => {
      customPoints(props.doc).delete(props.pointId);
      ratings(props.doc).delete(props.pointId);
    });
  return (
    <fieldset class="point" classList={{ own: !!props.own }}>
      <legend id={legendId}>{props.own ? props.own.statement || 'Your own point' : props.statement}</legend>
      <Show when={props.own}>
        <div class="field small wide">
          <label for={`statement-${props.pointId}`}>{reviewFieldLabels.statement}</label>
          <input
            id={`statement-${props.pointId}`}
            type="text"
            maxLength={maxStatementLength}
            value={props.own?.statement ?? ''}
            onChange={(e) => setStatement(e.currentTarget.value)}
            disabled={props.readOnly}
          />
        </div>
      </Show>
      <Select
        id={`strength-${props.pointId}`}
        label={reviewFieldLabels.strength}
        options={evidenceStrengths}
        value={props.strength}
        onChange={setStrength}
        disabled={props.readOnly}
      />
      <Show when={props.strength !== 'None'}>
        <TextField
          id={evidenceKey(props.pointId)}
          label={reviewFieldLabels.evidence}
          hint="What real evidence shows this happens?"
          fragment={textField(props.doc, evidenceKey(props.pointId))}
          readOnly={props.readOnly}
        />
      </Show>
      <Show when={props.strength === 'None' || props.strength === 'Superficial'}>
        <TextField
          id={actionKey(props.pointId)}
          label={reviewFieldLabels.action}
          hint="What needs to happen to develop this point, or to put a process in place where none exists."
          fragment={textField(props.doc, actionKey(props.pointId))}
          readOnly={props.readOnly}
        />
      </Show>
      <Show when={props.own && !props.readOnly}>
        <button type="button" class="secondary" onClick={remove}>
          Remove this point
        </button>
      </Show>
    </fieldset>
  );
}

// The progress report (every six weeks) and the final progress report (at the assignment's end), STEPS
// domain guide 000: written against the previous plan, score and target, and the score never goes down.
import { createEffect, Show } from 'solid-js';
import type * as Y from 'yjs';
import { fields, readMeta, textField } from '../../../shared/doc/index.ts';
import { finalProgressReportFormat, readPrevious, writePrevious } from '../../../shared/reports/index.ts';
import { minimumTarget, type Learner } from '../../../shared/forms/index.ts';
import {
  progressReportFieldLabel,
  progressReportTextFields,
  yesNo,
  type PreviousProgress,
} from '../../../shared/reports/index.ts';
import { TextField } from '../editor/TextField.tsx';
import { DateInput, PercentInput } from './Inputs.tsx';
import { Select } from './Select.tsx';
import { createLiveProblems, problemFor, SubmissionChecks } from './SubmissionChecks.tsx';
import { createYValue } from './y-signals.ts';
import { WritersOnly } from '../collab/reading.tsx';

const samePrevious = (a: PreviousProgress, b: PreviousProgress) =>
  a.reportId === b.reportId && a.plan === b.plan && a.score === b.score && a.target === b.target;

export function ProgressReportForm(props: { doc: Y.Doc; readOnly?: boolean }) {
  const final = readMeta(props.doc).format === finalProgressReportFormat;
  const f = fields(props.doc);
  const [learner] = createYValue<Learner>(f, 'learner');
  const [stored] = createYValue<unknown>(f, 'previous');
  const [targetMet, setTargetMet] = createYValue<string>(f, 'targetMet');
  const [updatedScore] = createYValue<number>(f, 'updatedScore');
  const { problems, context } = createLiveProblems(props.doc);
  const previous = () => context()?.previous ?? readPrevious(stored());

  // The copy in the report follows the device's latest plan or progress report while this one is a draft.
  createEffect(() => {
    const latest = context()?.previous;
    if (latest && !props.readOnly && !samePrevious(latest, readPrevious(stored()))) writePrevious(props.doc, latest);
  });

  const label = (key: string) => progressReportFieldLabel(key, final) ?? key;
  const percent = (value: number | undefined) => (value === undefined ? 'Not recorded' : `${value}%`);
  const scoreHint = () =>
    previous().score === undefined
      ? 'Never lower than the previous score.'
      : `Never lower than the previous score of ${previous().score}%: revise it upwards if the learner has met the target.`;
  const targetHint = () =>
    `At least 10 points above the updated score${updatedScore() === undefined ? '' : `: ${minimumTarget(updatedScore()!)}% or more`}.`;

  return (
    <form
      class="report-form"
      onSubmit={(event) => event.preventDefault()}
      aria-label={final ? 'Final progress report' : 'Progress report'}
    >
      <WritersOnly>
        <p class="notice">
          {final
            ? `The final report for ${learner()?.name ?? 'the learner'} comments on the whole tuition programme.`
            : `Record ${learner()?.name ?? 'the learner'}'s progress over the six weeks just completed and set the target for the next six weeks. Keep to the facts, and agree realistic targets with the learner.`}
        </p>
      </WritersOnly>
      <section class="previous card" aria-labelledby="previous-heading">
        <h2 id="previous-heading">Previous</h2>
        <dl>
          <dt>Assessment score</dt>
          <dd data-testid="previous-score">{percent(previous().score)}</dd>
          <dt>Target</dt>
          <dd data-testid="previous-target">{percent(previous().target)}</dd>
          <dt>Plan to achieve progress</dt>
          <dd class="plan">{previous().plan?.trim() ? previous().plan : 'No plan recorded.'}</dd>
        </dl>
      </section>

      <fieldset>
        <legend>{final ? 'End of tuition' : 'The last six weeks'}</legend>
        <div class="row">
          <DateInput id="date" label={label('date')} map={f} readOnly={props.readOnly} />
          <Select
            id="targetMet"
            label={label('targetMet')}
            options={yesNo}
            value={targetMet()}
            onChange={setTargetMet}
            disabled={props.readOnly}
          />
        </div>
        <Show when={targetMet() && problemFor(problems, 'targetMet')()}>
          <p class="error" role="status">
            {problemFor(problems, 'targetMet')()}
          </p>
        </Show>
        <div class="row">
          <PercentInput
            id="updatedScore"
            label={label('updatedScore')}
            hint={scoreHint()}
            map={f}
            readOnly={props.readOnly}
            problem={problemFor(problems, 'updatedScore')()}
          />
          <Show when={!final}>
            <PercentInput
              id="newTarget"
              label={label('newTarget')}
              hint={targetHint()}
              map={f}
              readOnly={props.readOnly}
              problem={problemFor(problems, 'newTarget')()}
            />
          </Show>
        </div>
        {progressReportTextFields(final).map((field) => (
          <TextField
            id={field.key}
            label={field.label}
            hint={field.hint}
            fragment={textField(props.doc, field.key)}
            readOnly={props.readOnly}
          />
        ))}
      </fieldset>

      <SubmissionChecks doc={props.doc} />
    </form>
  );
}

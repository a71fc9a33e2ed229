// The Individual Learning Plan form (STEPS, domain guide 000): the starting point for a learner's progress,
// written once per assignment from the initial assessment and locked once submitted.
import type * as Y from 'yjs';
import { fields, textField } from '../../../shared/doc/index.ts';
import { minimumTarget, type Learner } from '../../../shared/forms/index.ts';
import { ilpValueLabels, ilpTextFields, keyStages } from '../../../shared/reports/index.ts';
import { formatDate } from '../../../shared/workflow/calendar.ts';
import { TextField } from '../editor/TextField.tsx';
import { DateInput, PercentInput } from './Inputs.tsx';
import { Select } from './Select.tsx';
import { createLiveProblems, problemFor, SubmissionChecks } from './SubmissionChecks.tsx';
import { createYValue } from './y-signals.ts';
import { WritersOnly } from '../collab/reading.tsx';

export function IlpForm(props: { doc: Y.Doc; readOnly?: boolean }) {
  const f = fields(props.doc);
  const [brief] = createYValue<string>(f, 'assignmentBrief');
  const [learner] = createYValue<Learner>(f, 'learner');
  const [keyStage, setKeyStage] = createYValue<string>(f, 'keyStage');
  const [score] = createYValue<number>(f, 'assessmentScore');
  const { problems, context } = createLiveProblems(props.doc);
  const start = () => context()?.assignment?.startDate;
  const targetHint = () =>
    `At least 10 points above the assessment score${score() === undefined ? '' : `: ${minimumTarget(score()!)}% or more`}.`;

  return (
    <form class="report-form" onSubmit={(event) => event.preventDefault()} aria-label="Individual Learning Plan">
      <WritersOnly>
        <p class="notice">
          The plan for {learner()?.name ?? 'the learner'} is written once for the assignment, submitted by the second
          session, and locked once submitted. It sets out how the learner will progress from the initial assessment.
        </p>
      </WritersOnly>
      <fieldset>
        <legend>Comments from the assignment brief</legend>
        <WritersOnly>
          <p class="hint">Pre-filled from the assignment; it cannot be changed here.</p>
        </WritersOnly>
        <p class="brief" id="assignmentBrief" tabindex="-1">
          {brief()?.trim() ? brief() : 'The assignment brief has no comments.'}
        </p>
      </fieldset>

      <fieldset>
        <legend>Initial assessment</legend>
        <div class="row">
          <DateInput
            id="date"
            label={ilpValueLabels.date}
            map={f}
            readOnly={props.readOnly}
            hint={
              start()
                ? `Within two weeks of the assignment's start on ${formatDate(start()!)}.`
                : 'Within two weeks of the assignment’s start.'
            }
            problem={problemFor(problems, 'date')()}
          />
          <Select
            id="keyStage"
            label={ilpValueLabels.keyStage}
            hint="From the learner's age, including ESOL learners and learners out of school."
            options={keyStages}
            value={keyStage()}
            onChange={setKeyStage}
            disabled={props.readOnly}
          />
        </div>
        <div class="row">
          <PercentInput
            id="assessmentScore"
            label={ilpValueLabels.assessmentScore}
            hint="From the initial assessment, or your own professional assessment."
            map={f}
            readOnly={props.readOnly}
            problem={problemFor(problems, 'assessmentScore')()}
          />
          <PercentInput
            id="target"
            label={ilpValueLabels.target}
            hint={targetHint()}
            map={f}
            readOnly={props.readOnly}
            problem={problemFor(problems, 'target')()}
          />
        </div>
        {ilpTextFields.map((field) => (
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

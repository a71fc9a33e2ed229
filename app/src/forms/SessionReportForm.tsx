// The session report form (STEPS, domain guide 000), drawn from shared/forms and bound to the report's Y.Doc.
// One report for an individual or a group of two or three, with attendance per learner.
import { createMemo, For, Index, Show, useContext } from 'solid-js';
import type * as Y from 'yjs';
import { freeTextLimit, groupLabel, type Learner } from '../../../shared/forms/index.ts';
import {
  absenceReasons,
  attainmentLevels,
  attendanceCodes,
  deliveryModes,
  engagementLevels,
  maxLearningObjectives,
  paidAttendanceCodes,
  sessionReportTextFields,
  sessionTookPlace,
  sessionTypes,
  type Attendance,
  type AttendanceCode,
} from '../../../shared/reports/index.ts';
import { fields, textField } from '../../../shared/doc/index.ts';
import { attendance } from '../../../shared/reports/index.ts';
import { ShowInternalFields } from '../editor/internal-fields.ts';
import { useReading, WritersOnly } from '../collab/reading.tsx';
import { TextField } from '../editor/TextField.tsx';
import { DateInput } from './Inputs.tsx';
import { Select } from './Select.tsx';
import { createLiveProblems, problemFor, SubmissionChecks } from './SubmissionChecks.tsx';
import { createYMap, createYValue } from './y-signals.ts';

const textFieldByKey = Object.fromEntries(sessionReportTextFields.map((field) => [field.key, field]));

const listed = (codes: readonly string[]) => `${codes.slice(0, -1).join(', ')} or ${codes.at(-1)}`;
const unpaidCodes = attendanceCodes.filter((code) => !paidAttendanceCodes.includes(code));

const isPaid = (code: AttendanceCode) => paidAttendanceCodes.includes(code);

/** Whether the agency pays the tutor for the session, and why: the attendance codes decide it. */
const payNote = (code: AttendanceCode) =>
  isPaid(code)
    ? `Paid session: the tutor is paid for a session recorded as ${listed(paidAttendanceCodes)}.`
    : `Not paid: a session recorded as ${listed(unpaidCodes)} is not paid.`;

/** Whether the session is paid: for the writer, why (the attendance code decides it); for a reader, the fact. */
function PaidSession(props: { code: AttendanceCode }) {
  const reading = useReading();
  return (
    <Show when={reading()} fallback={<p class="pay-note">{payNote(props.code)}</p>}>
      <dl class="field small fact">
        <dt>Paid session</dt>
        <dd>{isPaid(props.code) ? 'Yes' : 'No'}</dd>
      </dl>
    </Show>
  );
}

export function SessionReportForm(props: { doc: Y.Doc; readOnly?: boolean }) {
  const showInternal = useContext(ShowInternalFields);
  const f = fields(props.doc);
  const [subject, setSubject] = createYValue<string>(f, 'subject');
  const [sessionType, setSessionType] = createYValue<string>(f, 'sessionType');
  const [delivery, setDelivery] = createYValue<string>(f, 'delivery');
  const [learners] = createYValue<Learner[]>(f, 'learners');
  const [groupAttendance, setGroupAttendance] = createYValue<string>(f, 'groupAttendance');
  const [objectiveCount, setObjectiveCount] = createYValue<number>(f, 'objectiveCount');
  const [withObjectives, setWithObjectives] = createYValue<string>(f, 'engagementWithObjectives');
  const [attitude, setAttitude] = createYValue<string>(f, 'attitudeToSession');
  const attendanceMap = attendance(props.doc);
  const attendanceByLearner = createYMap(attendanceMap);
  const tookPlace = createMemo(() => sessionTookPlace(attendanceByLearner()));
  const isGroup = () => (learners() ?? []).length > 1;
  const count = () => Math.min(Math.max(objectiveCount() ?? 1, 1), maxLearningObjectives);
  const { problems } = createLiveProblems(props.doc);

  const setAttendance = (learnerId: string, change: Partial<Attendance>) => {
    const next = { ...attendanceByLearner()[learnerId], ...change };
    if (next.code !== 'Absent') {
      delete next.absenceReason;
      delete next.absenceNote;
    }
    if (!next.code) attendanceMap.delete(learnerId);
    else attendanceMap.set(learnerId, next);
  };

  /** Choosing the group's code fills in every learner's, as in STEPS; each can then be changed. */
  const setGroup = (code: string | undefined) => {
    props.doc.transact(() => {
      setGroupAttendance(code);
      if (code) for (const learner of learners() ?? []) setAttendance(learner.id, { code: code as AttendanceCode });
    });
  };

  const textFieldFor = (key: string) => {
    const field = textFieldByKey[key];
    return (
      <TextField
        id={key}
        label={field.label}
        hint={field.hint}
        internal={field.internal}
        fragment={textField(props.doc, key)}
        readOnly={props.readOnly}
      />
    );
  };

  return (
    <form class="report-form" onSubmit={(event) => event.preventDefault()} aria-label="Session report">
      <fieldset>
        <legend>Session</legend>
        <div class="row">
          <DateInput
            id="date"
            label="Date"
            map={f}
            readOnly={props.readOnly}
            problem={problemFor(problems, 'date')()}
          />
          <DateInput id="start" label="Start" type="time" map={f} readOnly={props.readOnly} />
          <DateInput
            id="finish"
            label="Finish"
            type="time"
            map={f}
            readOnly={props.readOnly}
            problem={problemFor(problems, 'finish')()}
          />
        </div>
        <div class="row">
          <Select
            id="sessionType"
            label="Session type"
            options={sessionTypes}
            value={sessionType()}
            onChange={setSessionType}
            disabled={props.readOnly}
          />
          <Select
            id="delivery"
            label="Session delivery"
            options={deliveryModes}
            value={delivery()}
            onChange={setDelivery}
            disabled={props.readOnly}
          />
          <div class="field small">
            <label for="subject">Subject</label>
            <input
              id="subject"
              type="text"
              required
              maxLength={120}
              value={subject() ?? ''}
              onChange={(e) => setSubject(e.currentTarget.value)}
              disabled={props.readOnly}
            />
          </div>
        </div>
      </fieldset>

      <fieldset>
        <legend>
          Attendance ({isGroup() ? `group, ${groupLabel((learners() ?? []).length)}` : 'individual, 1:1'})
        </legend>
        <Show when={isGroup()}>
          <div class="row">
            <Select
              id="groupAttendance"
              label="Group attendance"
              hint="Present for the group if any learner attended, even only one. Choosing a code here fills in every learner's."
              options={attendanceCodes}
              value={groupAttendance()}
              onChange={setGroup}
              disabled={props.readOnly}
            />
          </div>
          <Show when={problemFor(problems, 'groupAttendance')() && groupAttendance()}>
            <p class="error" role="status">
              {problemFor(problems, 'groupAttendance')()}
            </p>
          </Show>
        </Show>
        <For each={learners() ?? []}>
          {(learner) => {
            const entry = () => attendanceByLearner()[learner.id] ?? {};
            return (
              <div class="row attendance-row">
                <Select
                  id={`attendance-${learner.id}`}
                  label={`Attendance: ${learner.name}`}
                  options={attendanceCodes}
                  value={entry().code}
                  onChange={(code) => setAttendance(learner.id, { code: code as Attendance['code'] | undefined })}
                  disabled={props.readOnly}
                />
                <Show when={entry().code}>{(code) => <PaidSession code={code()} />}</Show>
                <Show when={entry().code === 'Absent'}>
                  <Select
                    id={`absenceReason-${learner.id}`}
                    label="Reason for absence"
                    options={absenceReasons}
                    value={entry().absenceReason}
                    onChange={(reason) =>
                      setAttendance(learner.id, { absenceReason: reason as Attendance['absenceReason'] })
                    }
                    disabled={props.readOnly}
                  />
                  <div class="field small">
                    <label for={`absenceNote-${learner.id}`}>Absence details</label>
                    <input
                      id={`absenceNote-${learner.id}`}
                      type="text"
                      maxLength={freeTextLimit}
                      value={entry().absenceNote ?? ''}
                      onChange={(e) => setAttendance(learner.id, { absenceNote: e.currentTarget.value || undefined })}
                      disabled={props.readOnly}
                    />
                  </div>
                </Show>
              </div>
            );
          }}
        </For>
      </fieldset>

      <Show
        when={tookPlace() || Object.keys(attendanceByLearner()).length === 0}
        fallback={
          <p class="notice">
            No learner attended, so attendance is all this report needs. The other fields stay blank.
          </p>
        }
      >
        <fieldset>
          <legend>Learning objectives</legend>
          <WritersOnly>
            <p class="hint">
              At least one learning objective, and no more than three: specific, measurable, achievable, relevant and
              timed.
              {isGroup() ? ' For a group, set objectives for the group as a whole.' : ''}
            </p>
          </WritersOnly>
          <Index each={Array.from({ length: count() })}>
            {(_, i) => (
              <div class="objective">
                {textFieldFor(`learningObjective${i + 1}`)}
                <AttainmentSelect doc={props.doc} index={i} readOnly={props.readOnly} />
              </div>
            )}
          </Index>
          <div class="row">
            <Show when={!props.readOnly && count() < maxLearningObjectives}>
              <button type="button" onClick={() => setObjectiveCount(count() + 1)}>
                Add another learning objective
              </button>
            </Show>
            <Show when={!props.readOnly && count() > 1}>
              <button type="button" class="secondary" onClick={() => setObjectiveCount(count() - 1)}>
                Remove objective {count()}
              </button>
            </Show>
          </div>
          {textFieldFor('progressComment')}
        </fieldset>

        <fieldset>
          <legend>Engagement</legend>
          <WritersOnly>
            <p class="hint">
              Both engagement objectives need a level. Comments relate only to the objectives and progress: no personal
              observations and no questions.
            </p>
          </WritersOnly>
          <div class="row">
            <Select
              id="engagementWithObjectives"
              label="Engagement with learning objectives"
              options={engagementLevels}
              value={withObjectives()}
              onChange={setWithObjectives}
              disabled={props.readOnly}
            />
            <Select
              id="attitudeToSession"
              label="Attitude to session"
              options={engagementLevels}
              value={attitude()}
              onChange={setAttitude}
              disabled={props.readOnly}
            />
          </div>
          {textFieldFor('engagementComment')}
        </fieldset>

        <Show when={showInternal}>
          <fieldset>
            <legend>For the agency</legend>
            {textFieldFor('agencyComment')}
          </fieldset>
        </Show>
      </Show>

      <SubmissionChecks doc={props.doc} />
    </form>
  );
}

function AttainmentSelect(props: { doc: Y.Doc; index: number; readOnly?: boolean }) {
  const [attainment, setAttainment] = createYValue<string>(fields(props.doc), `attainment${props.index + 1}`);
  return (
    <Select
      id={`attainment${props.index + 1}`}
      label={`Attainment for objective ${props.index + 1}`}
      options={attainmentLevels}
      value={attainment()}
      onChange={setAttainment}
      disabled={props.readOnly}
    />
  );
}

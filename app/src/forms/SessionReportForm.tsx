// The session report form (STEPS, domain guide 000), drawn from shared/forms and bound to the report's Y.Doc.
import { createMemo, createSignal, For, Index, Show } from 'solid-js';
import type * as Y from 'yjs';
import {
  absenceReasons,
  attainmentLevels,
  attendanceCodes,
  deliveryModes,
  engagementLevels,
  freeTextLimit,
  maxLearningObjectives,
  SessionReport,
  sessionReportTextFields,
  sessionTookPlace,
  sessionTypes,
  type Attendance,
  type Learner,
} from '../../../shared/forms/index.ts';
import { attendance, fields, readSessionReport, textField, toSessionReportInput } from '../../../shared/doc/index.ts';
import { TextField } from '../editor/TextField.tsx';
import { Select } from './Select.tsx';
import { createYMap, createYValue } from './y-signals.ts';

const textFieldByKey = Object.fromEntries(sessionReportTextFields.map((field) => [field.key, field]));

interface Problem {
  fieldId: string;
  message: string;
}

export function SessionReportForm(props: { doc: Y.Doc; readOnly?: boolean }) {
  const f = fields(props.doc);
  const [date, setDate] = createYValue<string>(f, 'date');
  const [start, setStart] = createYValue<string>(f, 'start');
  const [finish, setFinish] = createYValue<string>(f, 'finish');
  const [subject, setSubject] = createYValue<string>(f, 'subject');
  const [sessionType, setSessionType] = createYValue<string>(f, 'sessionType');
  const [delivery, setDelivery] = createYValue<string>(f, 'delivery');
  const [learners] = createYValue<Learner[]>(f, 'learners');
  const [objectiveCount, setObjectiveCount] = createYValue<number>(f, 'objectiveCount');
  const [withObjectives, setWithObjectives] = createYValue<string>(f, 'engagementWithObjectives');
  const [attitude, setAttitude] = createYValue<string>(f, 'attitudeToSession');
  const attendanceMap = attendance(props.doc);
  const attendanceByLearner = createYMap(attendanceMap);
  const tookPlace = createMemo(() => sessionTookPlace(attendanceByLearner()));
  const count = () => Math.min(Math.max(objectiveCount() ?? 1, 1), maxLearningObjectives);
  const [problems, setProblems] = createSignal<Problem[] | null>(null);

  const setAttendance = (learnerId: string, change: Partial<Attendance>) => {
    const next = { ...attendanceByLearner()[learnerId], ...change };
    if (next.code !== 'Absent') {
      delete next.absenceReason;
      delete next.absenceNote;
    }
    if (!next.code) attendanceMap.delete(learnerId);
    else attendanceMap.set(learnerId, next);
  };

  const checkReport = () => {
    const draft = readSessionReport(props.doc);
    const result = SessionReport.safeParse(toSessionReportInput(draft, sessionTookPlace(draft.attendance)));
    setProblems(result.success ? [] : result.error.issues.map((issue) => ({ fieldId: fieldIdFor(issue.path), message: issue.message })));
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
          <div class="field small">
            <label for="date">Date</label>
            <input id="date" type="date" required value={date() ?? ''} onChange={(e) => setDate(e.currentTarget.value)} disabled={props.readOnly} />
          </div>
          <div class="field small">
            <label for="start">Start</label>
            <input id="start" type="time" required value={start() ?? ''} onChange={(e) => setStart(e.currentTarget.value)} disabled={props.readOnly} />
          </div>
          <div class="field small">
            <label for="finish">Finish</label>
            <input id="finish" type="time" required value={finish() ?? ''} onChange={(e) => setFinish(e.currentTarget.value)} disabled={props.readOnly} />
          </div>
        </div>
        <div class="row">
          <Select id="sessionType" label="Session type" options={sessionTypes} value={sessionType()} onChange={setSessionType} disabled={props.readOnly} />
          <Select id="delivery" label="Session delivery" options={deliveryModes} value={delivery()} onChange={setDelivery} disabled={props.readOnly} />
          <div class="field small">
            <label for="subject">Subject</label>
            <input id="subject" type="text" required maxLength={120} value={subject() ?? ''} onChange={(e) => setSubject(e.currentTarget.value)} disabled={props.readOnly} />
          </div>
        </div>
      </fieldset>

      <fieldset>
        <legend>Attendance</legend>
        <For each={learners() ?? []}>
          {(learner) => {
            const entry = () => attendanceByLearner()[learner.id] ?? {};
            return (
              <div class="row">
                <Select
                  id={`attendance-${learner.id}`}
                  label={`Attendance: ${learner.name}`}
                  options={attendanceCodes}
                  value={entry().code}
                  onChange={(code) => setAttendance(learner.id, { code: code as Attendance['code'] | undefined })}
                  disabled={props.readOnly}
                />
                <Show when={entry().code === 'Absent'}>
                  <Select
                    id={`absenceReason-${learner.id}`}
                    label="Reason for absence"
                    options={absenceReasons}
                    value={entry().absenceReason}
                    onChange={(reason) => setAttendance(learner.id, { absenceReason: reason as Attendance['absenceReason'] })}
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
        fallback={<p class="notice">No learner attended, so attendance is all this report needs. The other fields stay blank.</p>}
      >
        <fieldset>
          <legend>Learning objectives</legend>
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
          <div class="row">
            <Select id="engagementWithObjectives" label="Engagement with learning objectives" options={engagementLevels} value={withObjectives()} onChange={setWithObjectives} disabled={props.readOnly} />
            <Select id="attitudeToSession" label="Attitude to session" options={engagementLevels} value={attitude()} onChange={setAttitude} disabled={props.readOnly} />
          </div>
          {textFieldFor('engagementComment')}
        </fieldset>

        <fieldset>
          <legend>For the agency</legend>
          {textFieldFor('agencyComment')}
        </fieldset>
      </Show>

      <div class="actions">
        <button type="button" onClick={checkReport}>
          Check report
        </button>
      </div>
      <Show when={problems()}>
        {(list) => (
          <section class="problems" aria-labelledby="problems-heading" tabindex="-1" ref={(el) => queueMicrotask(() => el.focus())}>
            <h2 id="problems-heading">{list().length === 0 ? 'This report is complete.' : `${list().length} thing${list().length === 1 ? '' : 's'} to fix before submitting`}</h2>
            <ul>
              <For each={list()}>
                {(problem) => (
                  <li>
                    <a href={`#${problem.fieldId}`} onClick={(event) => { event.preventDefault(); document.getElementById(problem.fieldId)?.focus(); }}>
                      {problem.message}
                    </a>
                  </li>
                )}
              </For>
            </ul>
          </section>
        )}
      </Show>
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

/** Which element on the form a schema issue is about, so the problem list can take the user there. */
function fieldIdFor(path: PropertyKey[]): string {
  const [first, second, third, fourth] = path.map(String);
  if (first === 'attendance') return third === 'absenceReason' ? `absenceReason-${second}` : `attendance-${second}`;
  if (first !== 'content') return first ?? 'date';
  if (second === 'learningObjectives') return fourth === 'attainment' ? `attainment${Number(third) + 1}` : `learningObjective${Number(third ?? 0) + 1}`;
  if (second === 'engagement') return third === 'attitude' ? 'attitudeToSession' : 'engagementWithObjectives';
  return second ?? 'learningObjective1';
}

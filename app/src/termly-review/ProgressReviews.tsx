// The progress reviews page: every termly progress review on this device with its type, status (due, overdue,
// teacher to comment, needs signatures, ...) and due date, each linking to the review; and starting a new one.
import { useNavigate } from '@solidjs/router';
import { liveQuery } from 'dexie';
import { createSignal, For, onCleanup, Show } from 'solid-js';
import {
  academicYearLabel,
  reviewTerms,
  termLabels,
  type ReviewTerm,
} from '../../../shared/reports/termly-review/form.ts';
import { formatDate, localDate } from '../../../shared/workflow/calendar.ts';
import { statusLabels } from '../../../shared/workflow/status.ts';
import { reviewDashboardState, type ReviewDashboardState } from '../../../shared/reports/termly-review/due.ts';
import { db, type ReportRow } from '../store/db.ts';
import { startTermlyReview } from '../store/new-report.ts';
import { withYourName } from '../collab/your-name.ts';
import './termly-review.css';

const stateLabel = (state: ReviewDashboardState) =>
  state === 'due' ? 'Due' : state === 'overdue' ? 'Overdue' : statusLabels[state];

/** The academic year running now, by the year it started in (September onwards is the next one). */
const currentAcademicYear = (now: Date) => (now.getMonth() >= 8 ? now.getFullYear() : now.getFullYear() - 1);

export function ProgressReviews() {
  const [rows, setRows] = createSignal<ReportRow[]>([]);
  const subscription = liveQuery(() => db.reports.where('type').equals('termly-review').toArray()).subscribe((found) =>
    setRows([...found].sort((a, b) => (a.sessionDate || '9999').localeCompare(b.sessionDate || '9999'))),
  );
  onCleanup(() => subscription.unsubscribe());
  const today = localDate(new Date());

  return (
    <section class="card progress-reviews">
      <h1>Progress reviews</h1>
      <p>
        Termly progress reviews and interim assessments of early career teachers: due or overdue until finished, then
        with the teacher to comment, then for signatures.
      </p>
      <Show when={rows().length > 0} fallback={<p>No progress reviews on this device yet.</p>}>
        <table aria-label="Progress reviews, soonest due first">
          <thead>
            <tr>
              <th scope="col">Teacher</th>
              <th scope="col">Type</th>
              <th scope="col">Status</th>
              <th scope="col">Due</th>
            </tr>
          </thead>
          <tbody>
            <For each={rows()}>
              {(row) => {
                const state = () => reviewDashboardState(row.status, row.sessionDate || undefined, today);
                return (
                  <tr data-state={state()}>
                    <td>
                      <a href={`/report/${row.id}`}>{row.learnerNames[0] || 'Unnamed teacher'}</a>
                    </td>
                    <td>{row.reviewType ?? 'Progress review'}</td>
                    <td>{stateLabel(state())}</td>
                    <td>{row.sessionDate ? formatDate(row.sessionDate) : '—'}</td>
                  </tr>
                );
              }}
            </For>
          </tbody>
        </table>
      </Show>
      <StartReview />
    </section>
  );
}

function StartReview() {
  const navigate = useNavigate();
  const thisYear = currentAcademicYear(new Date());
  const [teacherName, setTeacherName] = createSignal('');
  const [term, setTerm] = createSignal<ReviewTerm>('autumn');
  const [year, setYear] = createSignal(thisYear);
  const [problem, setProblem] = createSignal('');

  const start = async (event: SubmitEvent) => {
    event.preventDefault();
    if (!teacherName().trim()) {
      setProblem('Give the teacher’s name.');
      document.getElementById('review-teacher')?.focus();
      return;
    }
    const id = await withYourName((name) =>
      startTermlyReview({ teacherName: teacherName(), term: term(), academicYear: year() }, name),
    );
    if (id) navigate(`/report/${id}`);
  };

  return (
    <form class="start-review" onSubmit={(event) => void start(event)} aria-labelledby="start-review-heading">
      <h2 id="start-review-heading">Start a progress review</h2>
      <div class="field small">
        <label for="review-teacher">Teacher’s name</label>
        <input
          id="review-teacher"
          value={teacherName()}
          maxLength={120}
          onInput={(event) => setTeacherName(event.currentTarget.value)}
          aria-describedby={problem() ? 'review-teacher-problem' : undefined}
          aria-invalid={!!problem()}
        />
        <Show when={problem()}>
          <p class="error" id="review-teacher-problem">
            {problem()}
          </p>
        </Show>
      </div>
      <div class="field small">
        <label for="review-term">Term</label>
        <select id="review-term" onChange={(event) => setTerm(event.currentTarget.value as ReviewTerm)}>
          <For each={reviewTerms}>
            {(option) => (
              <option value={option} selected={term() === option}>
                {termLabels[option]}
              </option>
            )}
          </For>
        </select>
      </div>
      <div class="field small">
        <label for="review-year">Academic year</label>
        <select id="review-year" onChange={(event) => setYear(Number(event.currentTarget.value))}>
          <For each={[thisYear - 1, thisYear, thisYear + 1]}>
            {(option) => (
              <option value={option} selected={year() === option}>
                {academicYearLabel(option)}
              </option>
            )}
          </For>
        </select>
      </div>
      <button type="submit">Start the review</button>
    </form>
  );
}

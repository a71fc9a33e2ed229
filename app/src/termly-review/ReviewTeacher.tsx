// Who signs an organisation's termly review as its teacher: the induction tutor who owns it names one of the
// organisation's early career teachers, who then opens it signed in, adds their part and signs. The relay refuses
// a teacher's signature from anyone else, a link included (docs/protocol.md, "Room tokens for members").
import { createResource, createSignal, For, Show } from 'solid-js';
import { Answered } from '../organisation/Answered.tsx';
import { organisationApi } from '../organisation/organisation-api.ts';
import { termlyReview } from '../../../shared/reports/termly-review/index.ts';

export function ReviewTeacher(props: { reportId: string }) {
  const [teachers] = createResource(() => organisationApi.teachers());
  const [named] = createResource(async () => {
    // Termly reviews only, from the relay's directory.
    const listed = await organisationApi.reports({ kind: termlyReview.kind });
    return listed.ok ? listed.value.reports.find((report) => report.id === props.reportId)?.teacherId : undefined;
  });
  const [chosen, setChosen] = createSignal<string>();
  const [said, setSaid] = createSignal('');
  const [problem, setProblem] = createSignal('');
  const [saving, setSaving] = createSignal(false);
  const current = () => chosen() ?? named() ?? '';

  async function save(list: readonly { id: string; name: string }[]) {
    setSaid('');
    setProblem('');
    setSaving(true);
    const teacherId = current() || null;
    const answer = await organisationApi.setReportTeacher(props.reportId, teacherId);
    setSaving(false);
    if (!answer.ok) {
      setProblem(answer.problem.message);
      return;
    }
    const name = list.find((teacher) => teacher.id === teacherId)?.name;
    setSaid(
      name
        ? `${name} will open this review signed in, add their comments and sign it as the teacher.`
        : 'No early career teacher is named: nobody can sign this review as the teacher yet.',
    );
  }

  return (
    <section class="review-teacher" aria-labelledby="review-teacher-heading">
      <h2 id="review-teacher-heading">The early career teacher</h2>
      <p class="hint">
        The teacher you name opens this review signed in to Margin, adds their comments and signs it. A link cannot sign
        it as the teacher.
      </p>
      <Answered answer={teachers()} awaiting="Loading your organisation’s early career teachers…">
        {(value) => (
          <Show
            when={value().teachers.length > 0}
            fallback={<p>Your organisation has no early career teachers yet. An administrator invites them first.</p>}
          >
            <form
              class="inline-form"
              onSubmit={(event) => {
                event.preventDefault();
                void save(value().teachers);
              }}
            >
              <div class="field">
                <label for="review-teacher">Early career teacher</label>
                <select id="review-teacher" onChange={(event) => setChosen(event.currentTarget.value)}>
                  <option value="" selected={current() === ''}>
                    Nobody yet
                  </option>
                  <For each={value().teachers}>
                    {(teacher) => (
                      <option value={teacher.id} selected={teacher.id === current()}>
                        {teacher.name}
                      </option>
                    )}
                  </For>
                </select>
              </div>
              <button type="submit" class="secondary" disabled={saving()}>
                Save the teacher
              </button>
            </form>
          </Show>
        )}
      </Answered>
      <p role="status">{said()}</p>
      <Show when={problem()}>
        <p role="alert" class="error">
          {problem()}
        </p>
      </Show>
    </section>
  );
}

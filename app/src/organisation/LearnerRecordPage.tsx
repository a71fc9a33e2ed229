// /learner-record?learner=<name>: a client contact's whole record of one learner on one page, to read or print:
// every approved report of their client that names the learner, newest first, each with the fields a client may
// read (the relay never sends internal ones: GET /api/organisation/learners/<name>/record). Printed, it is the
// headed text alone (print.css).
import { useSearchParams } from '@solidjs/router';
import { createResource, For, Show } from 'solid-js';
import { formatMoment } from '../../../shared/forms/uk-dates.ts';
import { fail } from '../../../shared/result.ts';
import { Answered } from './Answered.tsx';
import { organisationApi } from './organisation-api.ts';
import './organisation.css';

export function LearnerRecordPage() {
  const [params] = useSearchParams();
  const learner = () => {
    const value = params.learner;
    return (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
  };
  const [record] = createResource(learner, (name) =>
    name
      ? organisationApi.learnerRecord(name)
      : Promise.resolve(
          fail({ message: 'Name the learner whose record you want: open it from your home page.', status: 400 }),
        ),
  );
  return (
    <div class="organisation-page learner-record">
      <p class="no-print">
        <a href="/">Back to your learners</a>
      </p>
      <h1>{learner() ? `${learner()}’s record` : 'A learner’s record'}</h1>
      <Answered answer={record()} awaiting="Loading the record…">
        {(held) => (
          <>
            <p class="no-print">
              Every approved report about {held().learner}, newest first.{' '}
              <button type="button" onClick={() => window.print()}>
                Print the record
              </button>
            </p>
            <Show
              when={held().reports.length > 0}
              fallback={<p>There are no approved reports about {held().learner} yet.</p>}
            >
              <For each={held().reports}>
                {(report, index) => (
                  <article class="record-report" aria-labelledby={`record-report-${index()}`}>
                    <h2 id={`record-report-${index()}`}>{report.title}</h2>
                    <p class="muted">
                      {report.kind} by {report.ownerName}, approved {formatMoment(report.approvedAt)}
                    </p>
                    <Show
                      when={report.fields.length > 0}
                      fallback={<p class="muted">Nothing written in it for you.</p>}
                    >
                      <For each={report.fields}>
                        {(field) => (
                          <section class="record-field">
                            <h3>{field.label}</h3>
                            <For each={field.paragraphs}>{(paragraph) => <p>{paragraph}</p>}</For>
                          </section>
                        )}
                      </For>
                    </Show>
                  </article>
                )}
              </For>
            </Show>
          </>
        )}
      </Answered>
    </div>
  );
}

// /learner-record?learner=<name>: a client contact's whole record of one learner on one page, to read or print:
// every approved report of their client that names the learner, newest first, each with the fields a client may
// read (the relay never sends internal ones: GET /api/organisation/learners/<name>/record). Printed, it is the
// headed text alone (print.css). "Download as PDF" makes the same record a PDF on this device (learner-record-pdf.ts,
// loaded only then).
import { type RouteSectionProps, useSearchParams } from '@solidjs/router';
import type { LearnerRecordFirstPage } from '../desks/first-pages.ts';
import { createResource, createSignal, For, Show } from 'solid-js';
import { formatMoment } from '../../../shared/forms/uk-dates.ts';
import type { LearnerRecord } from '../../../shared/protocol/organisations.ts';
import { fail } from '../../../shared/result.ts';
import { Answered } from './Answered.tsx';
import { organisationApi } from './organisation-api.ts';
import './organisation.css';

/** Makes the record's PDF and hands it to the browser as a download. */
async function downloadPdf(record: LearnerRecord): Promise<void> {
  const { learnerRecordPdf, learnerRecordFileName } = await import('./learner-record-pdf.ts');
  const bytes = await learnerRecordPdf(record);
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = learnerRecordFileName(record.learner);
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** `data`: the record, asked as the route was matched (desks/first-pages.ts). */
export function LearnerRecordPage(props: RouteSectionProps<LearnerRecordFirstPage>) {
  const [making, setMaking] = createSignal(false);
  const [pdfSaid, setPdfSaid] = createSignal('');
  const [pdfProblem, setPdfProblem] = createSignal('');
  const download = async (record: LearnerRecord) => {
    setMaking(true);
    setPdfProblem('');
    try {
      await downloadPdf(record);
      setPdfSaid(`The record is downloaded as a PDF.`);
    } catch {
      setPdfProblem('Margin could not make the PDF. Try again, or print the record instead.');
    } finally {
      setMaking(false);
    }
  };
  const [params] = useSearchParams();
  const learner = () => {
    const value = params.learner;
    return (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
  };
  let first = props.data;
  const [record] = createResource(learner, (name) => {
    const early = first?.learner === name ? first.answer : undefined;
    first = undefined;
    return name
      ? (early ?? organisationApi.learnerRecord(name))
      : Promise.resolve(
          fail({ message: 'Name the learner whose record you want: open it from your home page.', status: 400 }),
        );
  });
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
              </button>{' '}
              <button type="button" class="secondary" disabled={making()} onClick={() => void download(held())}>
                {making() ? 'Making the PDF…' : 'Download as PDF'}
              </button>
            </p>
            <p class="no-print" role="status">
              {pdfSaid()}
            </p>
            <Show when={pdfProblem()}>
              <p class="error no-print" role="alert">
                {pdfProblem()}
              </p>
            </Show>
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

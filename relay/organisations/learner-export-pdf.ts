// A learner's data as a PDF (the subject access export, learner-data.ts): the same reports as the JSON, each with its
// details, every free-text field (internal ones marked), its comments and its decisions, laid out on A4 pages by
// shared/pdf/text-pages.ts.
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { formatMoment } from '../../shared/forms/uk-dates.ts';
import { muted, TextPages } from '../../shared/pdf/text-pages.ts';
import type { LearnerExport } from '../../shared/protocol/learner-data.ts';
import { ReportStatus } from '../../shared/protocol/statuses.ts';
import { statusLabels } from '../../shared/workflow/status.ts';

/** A detail's value as words: lists joined, objects as their values. */
const detailWords = (value: unknown): string =>
  Array.isArray(value)
    ? value.map(detailWords).join(', ')
    : value !== null && typeof value === 'object'
      ? Object.values(value).map(detailWords).join(' ')
      : String(value ?? '');

const statusWords = (status: string) => {
  const known = ReportStatus.safeParse(status);
  return known.success ? statusLabels[known.data] : status;
};

export async function learnerExportPdf(whole: LearnerExport): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const title = `Everything ${whole.organisation || 'the organisation'} holds about ${whole.learner}`;
  pdf.setTitle(title);
  pdf.setLanguage('en-GB');
  pdf.setCreator('Margin');
  const pages = new TextPages(pdf);
  const heading = (text: string, size: number, before: number) => pages.write(text, { font: bold, size, before });
  const body = (text: string, before = 3) => pages.write(text, { font: regular, size: 10, before });
  const note = (text: string, before = 2) => pages.write(text, { font: regular, size: 9, colour: muted, before });
  heading(title, 18, 0);
  note(
    `${whole.reports.length} ${whole.reports.length === 1 ? 'report' : 'reports'}, exported by ${whole.exportedBy} on ${formatMoment(whole.exportedAt)}.`,
    4,
  );
  for (const report of whole.reports) {
    heading(report.title, 14, 20);
    note(
      `${report.kind} by ${report.ownerName}, registered ${formatMoment(report.createdAt)}; ${statusWords(report.status).toLowerCase()}. Learners: ${report.learners.join(', ')}.`,
    );
    const details = Object.entries(report.details).filter(([, value]) => detailWords(value).trim() !== '');
    if (details.length > 0) {
      heading('Details', 11, 10);
      for (const [key, value] of details) body(`${key}: ${detailWords(value)}`);
    }
    for (const field of report.text) {
      if (field.paragraphs.length === 0) continue;
      heading(`${field.label}${field.internal ? ' (internal)' : ''}`, 11, 10);
      for (const paragraph of field.paragraphs) body(paragraph);
    }
    heading('Comments', 11, 10);
    if (report.comments.length === 0) body('None.');
    for (const thread of report.comments) {
      note(`On “${thread.quote}”${thread.resolved ? ' (resolved)' : ''}`, 6);
      for (const comment of thread.comments)
        body(
          `${comment.by} (${comment.role}), ${formatMoment(comment.at)}: ${comment.deleted ? '[deleted]' : comment.text}`,
        );
    }
    heading('Decisions', 11, 10);
    if (report.decisions.length === 0) body('None.');
    for (const decision of report.decisions)
      body(
        `${formatMoment(decision.at)}: ${decision.action} by ${decision.by} (${decision.role}), ${statusWords(decision.from).toLowerCase()} to ${statusWords(decision.to).toLowerCase()}${decision.reason ? `. Reason: ${decision.reason}` : ''}`,
      );
    if (report.audit.length > 0) {
      heading('Audit log', 11, 10);
      for (const entry of report.audit)
        body(`${formatMoment(entry.at)}: ${entry.action}${entry.by ? ` (${entry.by})` : ''}`);
    }
  }
  pages.number(regular);
  return pdf.save();
}

// A learner's whole record as a PDF (pdf-lib), for a client contact to keep or send on: the same approved reports
// and the same fields the record page shows (GET /api/organisation/learners/<name>/record, which never holds an
// internal field), on A4 pages in Helvetica, numbered "Page 1 of 3". Loaded only when asked for, so pdf-lib stays
// out of the first page's JavaScript.
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { formatMoment } from '../../../shared/forms/uk-dates.ts';
import { fileNamePart, muted, TextPages } from '../../../shared/pdf/text-pages.ts';
import type { LearnerRecord } from '../../../shared/protocol/organisations.ts';

/** The record as the bytes of a PDF file. */
export async function learnerRecordPdf(record: LearnerRecord, madeAt = new Date()): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const title = `${record.learner}’s record`;
  pdf.setTitle(title);
  pdf.setLanguage('en-GB');
  pdf.setCreator('Margin');
  pdf.setProducer('Margin');
  pdf.setCreationDate(madeAt);
  pdf.setModificationDate(madeAt);
  const pages = new TextPages(pdf);
  pages.write(title, { font: bold, size: 20, before: 0 });
  pages.write(
    `Every approved report about ${record.learner}, newest first. Made ${formatMoment(madeAt.toISOString())}.`,
    {
      font: regular,
      size: 10,
      colour: muted,
      before: 4,
    },
  );
  if (record.reports.length === 0)
    pages.write(`There are no approved reports about ${record.learner} yet.`, { font: regular, size: 11, before: 18 });
  for (const report of record.reports) {
    pages.write(report.title, { font: bold, size: 14, before: 22 });
    pages.write(`${report.kind} by ${report.ownerName}, approved ${formatMoment(report.approvedAt)}`, {
      font: regular,
      size: 10,
      colour: muted,
      before: 2,
    });
    if (report.fields.length === 0)
      pages.write('Nothing written in it for you.', { font: regular, size: 11, before: 8 });
    for (const field of report.fields) {
      pages.write(field.label, { font: bold, size: 11, before: 10 });
      for (const paragraph of field.paragraphs) pages.write(paragraph, { font: regular, size: 11, before: 3 });
    }
  }
  pages.number(regular);
  return pdf.save();
}

/** The file's name: the learner's name in letters, digits and hyphens ("gus-hale-record.pdf"). */
export const learnerRecordFileName = (learner: string): string => `${fileNamePart(learner)}-record.pdf`;

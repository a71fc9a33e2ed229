// A learner's whole record as a PDF (pdf-lib), for a client contact to keep or send on: the same approved reports
// and the same fields the record page shows (GET /api/organisation/learners/<name>/record, which never holds an
// internal field), on A4 pages in Helvetica, numbered "Page 1 of 3". Loaded only when asked for, so pdf-lib stays
// out of the first page's JavaScript.
import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
import { formatMoment } from '../../../shared/forms/uk-dates.ts';
import type { LearnerRecord } from '../../../shared/protocol/organisations.ts';

const a4: [number, number] = [595.28, 841.89];
const margin = 56;
const width = a4[0] - 2 * margin;
const ink = rgb(0.106, 0.122, 0.141);
const muted = rgb(0.29, 0.322, 0.361);

interface Style {
  font: PDFFont;
  size: number;
  colour?: typeof ink;
  /** Space above the block, in points. */
  before: number;
}

/** Lays text out on pages, starting a new page when the next line would not fit. */
class Pages {
  private page: PDFPage;
  private y: number;
  readonly pages: PDFPage[] = [];

  constructor(private readonly pdf: PDFDocument) {
    this.page = this.newPage();
    this.y = a4[1] - margin;
  }

  private newPage(): PDFPage {
    const page = this.pdf.addPage(a4);
    this.pages.push(page);
    return page;
  }

  /** One block of text (a heading, a paragraph), wrapped to the page's width. */
  write(text: string, style: Style): void {
    const lineHeight = style.size * 1.35;
    const lines = wrap(printable(text, style.font), style.font, style.size);
    this.y -= style.before;
    for (const line of lines) {
      if (this.y - lineHeight < margin) {
        this.page = this.newPage();
        this.y = a4[1] - margin;
      }
      this.y -= lineHeight;
      this.page.drawText(line, {
        x: margin,
        y: this.y,
        size: style.size,
        font: style.font,
        color: style.colour ?? ink,
      });
    }
  }
}

/** The text with every character the font cannot draw (Helvetica draws Windows-1252) shown as "?". */
function printable(text: string, font: PDFFont): string {
  const drawable = new Set(font.getCharacterSet());
  return [...text.replace(/\s+/g, ' ').trim()]
    .map((character) => (drawable.has(character.codePointAt(0)!) ? character : '?'))
    .join('');
}

/** Lines no wider than the page, broken between words (inside a word only when it is wider than a line). */
function wrap(text: string, font: PDFFont, size: number): string[] {
  const fits = (line: string) => font.widthOfTextAtSize(line, size) <= width;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const joined = line ? `${line} ${word}` : word;
    if (fits(joined)) {
      line = joined;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    let rest = word;
    while (!fits(rest)) {
      let cut = rest.length - 1;
      while (cut > 1 && !fits(rest.slice(0, cut))) cut -= 1;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines;
}

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
  const pages = new Pages(pdf);
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
  pages.pages.forEach((page, index) => {
    const words = `Page ${index + 1} of ${pages.pages.length}`;
    page.drawText(words, {
      x: a4[0] - margin - regular.widthOfTextAtSize(words, 9),
      y: margin / 2,
      size: 9,
      font: regular,
      color: muted,
    });
  });
  return pdf.save();
}

/** The file's name: the learner's name in letters, digits and hyphens ("gus-hale-record.pdf"). */
export const learnerRecordFileName = (learner: string): string =>
  `${
    learner
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase() || 'learner'
  }-record.pdf`;

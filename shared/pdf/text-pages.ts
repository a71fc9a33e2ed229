// Text laid out on A4 pages with pdf-lib, for the PDFs Margin makes of people's records (a client's learner record in
// the app, an administrator's export of a learner's data on the relay): blocks of text wrapped to the page's width,
// a new page when the next line would not fit, and "Page 1 of 3" on each page at the end. Helvetica draws
// Windows-1252: any other character shows as "?".
import { type PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';

const a4: [number, number] = [595.28, 841.89];
const margin = 56;
const width = a4[0] - 2 * margin;
export const ink = rgb(0.106, 0.122, 0.141);
export const muted = rgb(0.29, 0.322, 0.361);

export interface Style {
  font: PDFFont;
  size: number;
  colour?: typeof ink;
  /** Space above the block, in points. */
  before: number;
}

/** Lays text out on pages, starting a new page when the next line would not fit. */
export class TextPages {
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

  /** Writes "Page n of m" at the foot of every page: call once everything is written. */
  number(font: PDFFont): void {
    this.pages.forEach((page, index) => {
      const words = `Page ${index + 1} of ${this.pages.length}`;
      page.drawText(words, {
        x: a4[0] - margin - font.widthOfTextAtSize(words, 9),
        y: margin / 2,
        size: 9,
        font,
        color: muted,
      });
    });
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

/** A person's name as part of a file's name: letters, digits and hyphens ("gus-hale"), or `fallback`. */
export const fileNamePart = (name: string, fallback = 'learner'): string =>
  name
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase() || fallback;

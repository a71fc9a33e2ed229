// A month's timesheet as a PDF (pdf-lib): A4 portrait, a title, the totals, then the approved sessions and, apart,
// those pending, as tables that run on over as many pages as they need; a closed month also shows what was counted
// when it was closed and every change since. Helvetica's WinAnsi encoding lacks some characters: those print as "?".
import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
import { dateFieldText, formatMoment } from '../../shared/forms/uk-dates.ts';
import type { Timesheet, TimesheetRow, TimesheetTotals } from '../../shared/protocol/timesheets.ts';
import { hoursAndMinutes } from '../../shared/timesheets/rows.ts';
import { statusLabels } from '../../shared/workflow/status.ts';

const a4: [number, number] = [595.28, 841.89];
const margin = 40;
const columns = [
  { label: 'Tutor', width: 95, cell: (row: TimesheetRow) => row.tutorName },
  { label: 'Date', width: 58, cell: (row: TimesheetRow) => dateFieldText(row.date) },
  { label: 'Start', width: 34, cell: (row: TimesheetRow) => row.start },
  { label: 'Finish', width: 36, cell: (row: TimesheetRow) => row.finish },
  { label: 'Duration', width: 44, cell: (row: TimesheetRow) => hoursAndMinutes(row.minutes) },
  { label: 'Type', width: 56, cell: (row: TimesheetRow) => row.sessionType },
  { label: 'Attendance', width: 88, cell: (row: TimesheetRow) => row.attendance || 'Not recorded' },
  { label: 'Paid', width: 30, cell: (row: TimesheetRow) => (row.paid ? 'Yes' : 'No') },
  { label: 'Status', width: 74, cell: (row: TimesheetRow) => statusLabels[row.status] },
];

const totalsLine = (totals: TimesheetTotals) =>
  `Counted (approved, paid): ${totals.countedSessions} sessions, ${hoursAndMinutes(totals.countedMinutes)} hours. ` +
  `Pending (not yet approved): ${totals.pendingSessions} sessions, ${hoursAndMinutes(totals.pendingMinutes)} hours.`;

export async function timesheetPdf(sheet: Timesheet, heading: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(heading);
  pdf.setLanguage('en-GB');
  pdf.setCreator('Margin');
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const printable = (text: string, with_: PDFFont) =>
    [...text]
      .map((character) => {
        try {
          with_.encodeText(character);
          return character;
        } catch {
          return character === '→' ? '->' : '?';
        }
      })
      .join('');
  let page: PDFPage = pdf.addPage(a4);
  let y = a4[1] - margin;
  const room = (height: number) => {
    if (y - height >= margin) return;
    page = pdf.addPage(a4);
    y = a4[1] - margin;
  };
  const clipped = (text: string, width: number, with_: PDFFont, size: number) => {
    let shown = printable(text, with_);
    while (shown.length > 1 && with_.widthOfTextAtSize(shown, size) > width - 4) shown = `${shown.slice(0, -2)}…`;
    return printable(shown, with_);
  };
  const line = (text: string, options: { size?: number; font?: PDFFont; gap?: number } = {}) => {
    const size = options.size ?? 10;
    const using = options.font ?? font;
    const words = printable(text, using).split(' ');
    let current = '';
    const lines: string[] = [];
    for (const word of words) {
      const next = current ? `${current} ${word}` : word;
      if (using.widthOfTextAtSize(next, size) > a4[0] - 2 * margin && current) {
        lines.push(current);
        current = word;
      } else current = next;
    }
    lines.push(current);
    for (const each of lines) {
      room(size + 4);
      page.drawText(each, { x: margin, y: y - size, size, font: using });
      y -= size + 4;
    }
    y -= options.gap ?? 4;
  };
  const table = (title: string, rows: readonly TimesheetRow[], empty: string) => {
    line(title, { size: 13, font: bold, gap: 2 });
    if (rows.length === 0) return line(empty, { gap: 10 });
    const header = () => {
      room(16);
      let x = margin;
      for (const column of columns) {
        page.drawText(clipped(column.label, column.width, bold, 8), { x, y: y - 9, size: 8, font: bold });
        x += column.width;
      }
      y -= 13;
      page.drawLine({
        start: { x: margin, y: y + 1 },
        end: { x: a4[0] - margin, y: y + 1 },
        thickness: 0.5,
        color: rgb(0, 0, 0),
      });
      y -= 3;
    };
    header();
    for (const row of rows) {
      if (y - 13 < margin) {
        page = pdf.addPage(a4);
        y = a4[1] - margin;
        header();
      }
      let x = margin;
      for (const column of columns) {
        page.drawText(clipped(column.cell(row), column.width, font, 8), { x, y: y - 9, size: 8, font });
        x += column.width;
      }
      y -= 13;
    }
    y -= 10;
  };

  line(heading, { size: 18, font: bold, gap: 8 });
  if (sheet.closed) {
    line(
      `Closed by ${sheet.closed.byName} on ${formatMoment(sheet.closed.at, 'short', 'Europe/London')}. What was counted then is what is paid:`,
    );
    line(totalsLine(sheet.closed.totals), { gap: 8 });
    line('Now, with any later changes:', { font: bold });
  }
  line(totalsLine(sheet.totals), { gap: 12 });
  table(
    'Approved sessions',
    sheet.rows.filter((row) => row.status === 'approved'),
    'No approved sessions this month.',
  );
  table(
    'Pending: not yet approved (not counted)',
    sheet.rows.filter((row) => row.status !== 'approved'),
    'Nothing pending this month.',
  );
  if (sheet.closed && sheet.closed.changes.length > 0) {
    line('Changed after the month was closed (not counted in what was paid)', { size: 13, font: bold, gap: 2 });
    for (const change of sheet.closed.changes)
      line(`${change.tutorName}, ${dateFieldText(change.date)} (report ${change.reportId}): ${change.what.join('; ')}`);
  }
  return pdf.save();
}

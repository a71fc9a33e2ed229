import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { LearnerRecord } from '../../../shared/protocol/organisations.ts';
import { learnerRecordFileName, learnerRecordPdf } from './learner-record-pdf.ts';
import { pdfPagesText } from '../../../shared/pdf/pdf-text.ts';

const report = (id: string, paragraphs: string[]): LearnerRecord['reports'][number] => ({
  id,
  title: `Gus Hale: Maths, ${id}`,
  kind: 'Session report',
  ownerName: 'Tom Tutor',
  approvedAt: '2030-01-07T15:00:00.000Z',
  fields: [{ label: 'Comment on progress towards learning objectives', paragraphs }],
});

describe('a learner’s record as a PDF', () => {
  it('is a real A4 PDF of the record’s reports, newest first as given, with its title and language', async () => {
    const bytes = await learnerRecordPdf(
      { learner: 'Gus Hale', reports: [report('two', ['Dated the Stuarts.']), report('one', ['Dated the Tudors.'])] },
      new Date('2030-01-08T09:00:00.000Z'),
    );
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBe(1);
    expect(pdf.getPage(0).getSize()).toEqual({ width: 595.28, height: 841.89 });
    expect(pdf.getTitle()).toBe('Gus Hale’s record');
    const [text] = await pdfPagesText(bytes);
    expect(text).toContain('Gus Hale’s record');
    expect(text).toContain('Session report by Tom Tutor, approved');
    expect(text!.indexOf('Dated the Stuarts.')).toBeLessThan(text!.indexOf('Dated the Tudors.'));
    expect(text).toContain('Page 1 of 1');
  });

  it('runs onto more pages when the record is long, each numbered, no line lost', async () => {
    const long = Array.from(
      { length: 60 },
      (_, n) => `Paragraph ${n + 1}: ${'worked steadily on fractions '.repeat(6)}`,
    );
    const bytes = await learnerRecordPdf({ learner: 'Gus Hale', reports: [report('one', long)] });
    const pages = await pdfPagesText(bytes);
    expect(pages.length).toBeGreaterThan(2);
    expect(pages.at(-1)).toContain(`Page ${pages.length} of ${pages.length}`);
    const all = pages.join(' ');
    for (let n = 1; n <= 60; n += 1) expect(all).toContain(`Paragraph ${n}:`);
  });

  it('draws what Helvetica cannot as "?", and breaks a word wider than the page', async () => {
    const bytes = await learnerRecordPdf({
      learner: 'Zoë Ng',
      reports: [report('one', ['Said 你好 today.', 'x'.repeat(300)])],
    });
    const [text] = await pdfPagesText(bytes);
    expect(text).toContain('Zoë Ng’s record');
    expect(text).toContain('Said ?? today.');
    expect(text!.replaceAll(' ', '')).toContain('x'.repeat(300));
  });

  it('says so when there is nothing approved yet', async () => {
    const [text] = await pdfPagesText(await learnerRecordPdf({ learner: 'Amy Lee', reports: [] }));
    expect(text).toContain('There are no approved reports about Amy Lee yet.');
  });

  it('names the file after the learner, safely', () => {
    expect(learnerRecordFileName('Gus Hale')).toBe('gus-hale-record.pdf');
    expect(learnerRecordFileName('Anne-Marie O’Neil / Zoë')).toBe('anne-marie-o-neil-zoe-record.pdf');
    expect(learnerRecordFileName('你好')).toBe('learner-record.pdf');
  });
});

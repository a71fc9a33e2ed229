import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SessionReport, sessionTookPlace } from './form.ts';
import { fields, textField } from '../../doc/layout.ts';
import {
  attendance,
  createSessionReportDoc,
  isSessionReportDoc,
  readSessionReport,
  toSessionReportInput,
} from './doc.ts';
import { fragmentText, setFragmentText } from '../../doc/text-fragment.ts';

const details = {
  date: '2026-11-23',
  start: '13:00',
  finish: '13:45',
  subject: 'Maths',
  learners: [{ id: 'l1', name: 'Ada Lovelace' }],
};

function filledDoc(): Y.Doc {
  const doc = new Y.Doc();
  createSessionReportDoc(doc, details, 'Grace Hopper', new Date('2026-11-23T14:00:00Z'));
  doc.transact(() => {
    fields(doc).set('delivery', 'In person');
    fields(doc).set('attainment1', 'Achieved');
    fields(doc).set('engagementWithObjectives', 'Good');
    fields(doc).set('attitudeToSession', 'Excellent');
    attendance(doc).set('l1', { code: 'Present' });
    setFragmentText(textField(doc, 'learningObjective1'), 'Add fractions with different denominators.');
    setFragmentText(
      textField(doc, 'progressComment'),
      'Added 8 of 10 pairs correctly.\nNeeds practice with mixed numbers.',
    );
    setFragmentText(textField(doc, 'engagementComment'), 'Worked steadily throughout.');
  });
  return doc;
}

describe('session report doc layout', () => {
  it('survives a round trip through a Yjs update into another doc', () => {
    const original = filledDoc();
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(original));

    expect(isSessionReportDoc(copy)).toBe(true);
    expect(readSessionReport(copy)).toEqual(readSessionReport(original));
    const draft = readSessionReport(copy);
    expect(draft.text.progressComment).toBe('Added 8 of 10 pairs correctly.\nNeeds practice with mixed numbers.');
    expect(draft.learners).toEqual(details.learners);
    expect(draft.createdBy).toBe('Grace Hopper');
    expect(draft.attendance.l1).toEqual({ code: 'Present' });
  });

  it('reads a filled report as a valid SessionReport', () => {
    const draft = readSessionReport(filledDoc());
    const result = SessionReport.safeParse(toSessionReportInput(draft, sessionTookPlace(draft.attendance)));
    expect(result.error?.issues).toBeUndefined();
    expect(result.data?.content?.learningObjectives).toEqual([
      { text: 'Add fractions with different denominators.', attainment: 'Achieved' },
    ]);
  });

  it('reads text written as Tiptap writes it: paragraphs of XmlText', () => {
    const doc = new Y.Doc();
    const fragment = textField(doc, 'progressComment');
    const first = new Y.XmlElement('paragraph');
    first.insert(0, [new Y.XmlText('One')]);
    fragment.insert(0, [first, new Y.XmlElement('paragraph')]);
    expect(fragmentText(fragment)).toBe('One\n');
  });

  it('does not mistake an empty doc for a report', () => {
    const doc = new Y.Doc();
    expect(isSessionReportDoc(doc)).toBe(false);
    expect(readSessionReport(doc).objectiveCount).toBe(1);
  });
});

describe('session report index entry', () => {
  it('gives each learner’s attendance code by learner id, leaving out learners without one', async () => {
    const { sessionReport } = await import('./index.ts');
    const doc = new Y.Doc();
    createSessionReportDoc(
      doc,
      {
        date: '2026-12-01',
        start: '13:00',
        finish: '14:00',
        subject: 'Maths',
        learners: [
          { id: 'a', name: 'Ada' },
          { id: 'b', name: 'Bo' },
        ],
      },
      'Grace Hopper',
    );
    attendance(doc).set('a', { code: 'Absent' });
    expect(sessionReport.index(doc).attendance).toEqual({ a: 'Absent' });
  });
});

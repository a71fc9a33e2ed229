import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { maxMessageBytes } from '../../protocol/limits.ts';
import { attachFile, maxAttachmentBytes, readAttachment, removeAttachment } from './attachments.ts';
import { reportKindOf, reportTitle } from '../registry.ts';
import { examplePlan, fillTermlyReview } from './example.ts';
import type { Decision } from '../../doc/status-doc.ts';
import { confirmFacts, readTeacherPart, readTermlyReview, supportPlanSlot, termlyReviewReadiness } from './doc.ts';

const copyOf = (doc: Y.Doc) => {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
};

describe('a termly review document', () => {
  it('is registered as a format and reads back what was written, through a Yjs update', async () => {
    const doc = new Y.Doc();
    await fillTermlyReview(doc, { onTrack: false });
    const copy = copyOf(doc);
    expect(reportKindOf(copy)).toBe('termly-review');
    expect(reportTitle(copy)).toBe('Termly progress review: Sam Patel, autumn term 2025 to 2026');
    const review = readTermlyReview(copy);
    expect(review).toMatchObject({
      teacherName: 'Sam Patel',
      daysServed: 71,
      recommendation: 'not-on-track',
      standardsOfConcern: ['TS2', 'TS5'],
      dueDate: '2025-12-19',
    });
    expect(review.supportPlan).toEqual({
      name: 'support-plan.pdf',
      type: 'application/pdf',
      size: examplePlan.bytes.byteLength,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(readAttachment(copy, supportPlanSlot)?.bytes).toEqual(examplePlan.bytes);
  });

  it('is ready to finish once complete, and not without the support plan when not on track', async () => {
    const withPlan = new Y.Doc();
    await fillTermlyReview(withPlan, { onTrack: false });
    expect(termlyReviewReadiness(withPlan, new Y.Doc(), [])).toEqual({
      formProblem: undefined,
      notOnTrack: true,
      supportPlanAttached: true,
      factsConfirmed: false,
      teacherCommented: false,
    });
    const without = new Y.Doc();
    await fillTermlyReview(without, { onTrack: false, attachPlan: false });
    expect(termlyReviewReadiness(without, new Y.Doc(), [])).toMatchObject({
      formProblem: undefined,
      supportPlanAttached: false,
    });
  });
});

describe('the teacher’s confirmation of the facts', () => {
  const finish = (at: string): Decision => ({
    action: 'finish',
    from: 'draft',
    to: 'teacher-to-comment',
    by: { name: 'Tara', role: 'tutor' },
    at,
    contentHash: 'x',
  });

  it('holds for the review as last finished, and is asked again once it is amended and finished again', async () => {
    const content = new Y.Doc();
    await fillTermlyReview(content, { onTrack: true });
    const comments = new Y.Doc();
    const first = finish('2025-12-01T10:00:00.000Z');
    confirmFacts(comments, 'Sam Patel', first.at);
    expect(readTeacherPart(comments)).toMatchObject({ factsConfirmedBy: 'Sam Patel', factsConfirmedFor: first.at });
    expect(termlyReviewReadiness(content, comments, [first]).factsConfirmed).toBe(true);
    expect(termlyReviewReadiness(content, comments, [first, finish('2025-12-03T09:00:00.000Z')]).factsConfirmed).toBe(
      false,
    );
    expect(termlyReviewReadiness(content, comments, []).factsConfirmed).toBe(false);
  });
});

describe('attachments', () => {
  it('keep files well under the relay’s message limit', () => {
    expect(maxAttachmentBytes).toBe(1024 * 1024);
    expect(maxAttachmentBytes * 2).toBeLessThanOrEqual(maxMessageBytes);
  });

  it('refuse a file over the limit with its size and the limit, keeping the file attached before', async () => {
    const doc = new Y.Doc();
    await attachFile(doc, supportPlanSlot, examplePlan, 'Tara');
    const big = { name: 'scan.pdf', type: 'application/pdf', bytes: new Uint8Array(3 * 1024 * 1024 + 300 * 1024) };
    expect(await attachFile(doc, supportPlanSlot, big, 'Tara')).toEqual({
      ok: false,
      problem:
        '“scan.pdf” is 3.3 MB; a file attached to a report can be at most 1 MB. Save a smaller copy (a PDF of the plan, say) and attach that. The file attached before, support-plan.pdf, is kept.',
    });
    expect(readAttachment(doc, supportPlanSlot)?.name).toBe('support-plan.pdf');
    expect(
      await attachFile(doc, supportPlanSlot, { ...big, bytes: new Uint8Array(0), name: 'empty.pdf' }, 'Tara'),
    ).toMatchObject({ ok: false, problem: expect.stringMatching(/^“empty.pdf” is empty/) });
  });

  it('take a file of exactly the limit, and can be removed', async () => {
    const doc = new Y.Doc();
    expect(
      await attachFile(
        doc,
        supportPlanSlot,
        { name: 'plan.pdf', type: '', bytes: new Uint8Array(maxAttachmentBytes) },
        'Tara',
      ),
    ).toMatchObject({ ok: true, value: { type: 'application/octet-stream' } });
    expect(copyOf(doc).getMap('attachments').size).toBe(1);
    removeAttachment(doc, supportPlanSlot);
    expect(readAttachment(copyOf(doc), supportPlanSlot)).toBeUndefined();
  });
});

// A termly progress review's decisions through a real relay: finished by the tutor (with the support plan when
// the teacher is not on track), signed by the teacher and only then by the tutor, each signature checked
// against the review as the relay holds it and recorded in the status room, then read by the reviewer.
import * as authProtocol from 'y-protocols/auth';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { attachFile } from '../shared/reports/termly-review/attachments.ts';
import { fields } from '../shared/doc/layout.ts';
import { readStatus } from '../shared/doc/status-doc.ts';
import { examplePlan, fillTermlyReview } from '../shared/reports/termly-review/example.ts';
import {
  confirmFacts,
  readTeacherPart,
  supportPlanSlot,
  teacherComments,
} from '../shared/reports/termly-review/doc.ts';
import { setFragmentText } from '../shared/doc/text-fragment.ts';
import { checkSignature, newSigningKeys, signHash } from '../shared/signatures/signature.ts';
import { termlyReviewHash } from '../shared/reports/termly-review/signed-content.ts';
import { notForThisReport, staleSignatureReason } from '../shared/reports/termly-review/workflow.ts';
import { TestSession, api, eventually, type TestRelay } from './testing.ts';

const session = new TestSession();
afterEach(() => session.cleanup());

async function reviewOnRelay(relay: TestRelay) {
  const tutor = (await api(relay, 'POST', '/api/reports', { body: { id: 'review-1' } })).body.token as string;
  const link = async (role: string) =>
    (await api(relay, 'POST', '/api/reports/review-1/links', { token: tutor, body: { role } })).body.token as string;
  const teacher = await link('teacher');
  const reviewer = await link('reviewer');
  const content = (await session.provider(relay, 'review-1', { token: tutor })).doc;
  const comments = (await session.provider(relay, 'review-1/comments', { token: tutor })).doc;
  const status = (await session.provider(relay, 'review-1/status', { token: reviewer })).doc;
  const decide = (token: string, body: Record<string, unknown>) =>
    api(relay, 'POST', '/api/reports/review-1/transitions', { token, body });
  return { tutor, teacher, reviewer, content, comments, status, decide };
}

/** Waits until the relay holds what this document holds (a tutor's copy is sent on as it changes). */
async function onRelay(relay: TestRelay, room: string, token: string, local: Y.Doc) {
  const watcher = (await session.provider(relay, room, { token })).doc;
  await eventually(() => expect(Y.encodeStateVector(watcher)).toEqual(Y.encodeStateVector(local)));
}

describe('a termly progress review through the relay', () => {
  it('is finished, signed by the teacher, then by the tutor, then read by the reviewer, in that order only', async () => {
    const relay = await session.relay();
    const review = await reviewOnRelay(relay);
    await fillTermlyReview(review.content, { onTrack: false, attachPlan: false });
    await onRelay(relay, 'review-1', review.tutor, review.content);

    expect(await review.decide(review.tutor, { action: 'finish', name: 'Tara Tutor' })).toMatchObject({
      status: 409,
      body: {
        error: 'Attach the support plan: a review that finds the teacher not on track needs one before it is finished.',
      },
    });
    await attachFile(review.content, supportPlanSlot, examplePlan, 'Tara Tutor');
    await onRelay(relay, 'review-1', review.tutor, review.content);
    expect(await review.decide(review.teacher, { action: 'teacher-sign', name: 'Sam Patel' })).toMatchObject({
      status: 409,
      body: {
        error: 'Your induction tutor has not finished this review yet: you can comment and sign once they have.',
      },
    });
    const finished = await review.decide(review.tutor, { action: 'finish', name: 'Tara Tutor' });
    expect(finished).toMatchObject({ status: 200, body: { status: 'teacher-to-comment' } });

    const tutorKeys = await newSigningKeys();
    const tooEarly = await signHash(tutorKeys, await termlyReviewHash(review.content, review.comments));
    expect(
      await review.decide(review.tutor, { action: 'tutor-sign', name: 'Tara Tutor', signature: tooEarly }),
    ).toMatchObject({
      status: 409,
      body: {
        error:
          'The teacher signs first: you can sign once the teacher has confirmed the facts, added their comments and signed.',
      },
    });

    // The teacher reads the locked review and writes in the comments room.
    const teacherContent = (await session.provider(relay, 'review-1', { token: review.teacher })).doc;
    const teacherNotes = (await session.provider(relay, 'review-1/comments', { token: review.teacher })).doc;
    const teacherStatus = (await session.provider(relay, 'review-1/status', { token: review.teacher })).doc;
    await eventually(() => expect(fields(teacherContent).get('teacherName')).toBe('Sam Patel'));
    confirmFacts(teacherNotes, 'Sam Patel', finished.body.decision.at);
    setFragmentText(teacherComments(teacherNotes), 'This reflects the discussions I have had with my tutor.');
    await eventually(() => expect(Y.encodeStateVector(review.comments)).toEqual(Y.encodeStateVector(teacherNotes)));

    const teacherKeys = await newSigningKeys();
    expect(await review.decide(review.teacher, { action: 'teacher-sign', name: 'Sam Patel' })).toMatchObject({
      status: 409,
      body: { error: notForThisReport.signatureMissing },
    });
    const overOldContent = await signHash(teacherKeys, await termlyReviewHash(teacherContent, new Y.Doc()));
    expect(
      await review.decide(review.teacher, { action: 'teacher-sign', name: 'Sam Patel', signature: overOldContent }),
    ).toMatchObject({ status: 409, body: { error: staleSignatureReason } });
    const teacherSignature = await signHash(teacherKeys, await termlyReviewHash(teacherContent, teacherNotes));
    expect(
      await review.decide(review.teacher, {
        action: 'teacher-sign',
        name: 'Sam Patel',
        signature: { ...teacherSignature, publicKey: tooEarly.publicKey },
      }),
    ).toMatchObject({
      status: 409,
      body: { error: notForThisReport.signatureNotGenuine },
    });
    const signed = await review.decide(review.teacher, {
      action: 'teacher-sign',
      name: 'Sam Patel',
      signature: teacherSignature,
    });
    expect(signed).toMatchObject({
      status: 200,
      body: {
        status: 'needs-signatures',
        decision: { by: { name: 'Sam Patel', role: 'teacher' }, signature: teacherSignature },
      },
    });

    // The teacher's signed part cannot change now: the relay refuses it, and says why.
    const refusals: string[] = [];
    const writer = await session.provider(relay, 'review-1/comments', { token: review.reviewer });
    writer.messageHandlers[2] = (_encoder, decoder) =>
      authProtocol.readAuthMessage(decoder, writer.doc, (_doc, reason) => refusals.push(reason));
    setFragmentText(teacherComments(writer.doc), 'I agree with everything.');
    await eventually(() =>
      expect(refusals).toEqual(['Changes not added: the report is signed, so it cannot change now.']),
    );
    expect(readTeacherPart(review.comments).comments).toBe('This reflects the discussions I have had with my tutor.');

    const tutorSignature = await signHash(tutorKeys, await termlyReviewHash(review.content, review.comments));
    expect(
      await review.decide(review.tutor, { action: 'tutor-sign', name: 'Tara Tutor', signature: tutorSignature }),
    ).toMatchObject({ status: 200, body: { status: 'with-reviewer' } });
    expect(await review.decide(review.reviewer, { action: 'mark-reviewed', name: 'Rita Reviewer' })).toMatchObject({
      status: 200,
      body: { status: 'reviewed' },
    });

    await eventually(() => expect(readStatus(teacherStatus).status).toBe('reviewed'));
    // Anyone reading the status room can check both signatures against the review as it stands.
    await eventually(() => expect(readStatus(review.status).status).toBe('reviewed'));
    const hash = await termlyReviewHash(review.content, review.comments);
    const signatures = readStatus(review.status).history.flatMap((decision) =>
      decision.signature ? [decision.signature] : [],
    );
    expect(signatures).toHaveLength(2);
    for (const signature of signatures) expect(await checkSignature(signature, hash)).toBe('valid');
  });

  it('opens to the teacher once finished, and lets the tutor take it back to amend before signing', async () => {
    const relay = await session.relay();
    const review = await reviewOnRelay(relay);
    await fillTermlyReview(review.content, { onTrack: true });
    await onRelay(relay, 'review-1', review.tutor, review.content);
    expect(await review.decide(review.tutor, { action: 'finish', name: 'Tara' })).toMatchObject({ status: 200 });
    await eventually(() => expect(readStatus(review.status).status).toBe('teacher-to-comment'));
    const teacherContent = (await session.provider(relay, 'review-1', { token: review.teacher })).doc;
    expect(fields(teacherContent).get('daysServed')).toBe(71);

    expect(await review.decide(review.tutor, { action: 'amend', name: 'Tara' })).toMatchObject({
      status: 200,
      body: { status: 'draft' },
    });
    expect(await review.decide(review.teacher, { action: 'teacher-sign', name: 'Sam' })).toMatchObject({
      status: 409,
      body: { error: expect.stringMatching(/has not finished/) },
    });
  });

  it('keeps termly actions and submit apart', async () => {
    const relay = await session.relay();
    const review = await reviewOnRelay(relay);
    await fillTermlyReview(review.content, { onTrack: true });
    await onRelay(relay, 'review-1', review.tutor, review.content);
    expect(await review.decide(review.tutor, { action: 'submit', name: 'Tara' })).toMatchObject({
      status: 409,
      body: { error: notForThisReport.otherActionOnTermlyReview },
    });

    const other = (await api(relay, 'POST', '/api/reports', { body: { id: 'report-2' } })).body.token;
    expect(
      await api(relay, 'POST', '/api/reports/report-2/transitions', {
        token: other,
        body: { action: 'finish', name: 'Tom' },
      }),
    ).toMatchObject({
      status: 409,
      body: { error: notForThisReport.termlyActionOnOtherReport },
    });
  });
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { attachments } from '../reports/termly-review/attachments.ts';
import { fields } from '../doc/layout.ts';
import { fillTermlyReview } from '../reports/termly-review/example.ts';
import { confirmFacts, supportPlanSlot, teacherComments } from '../reports/termly-review/doc.ts';
import { setFragmentText } from '../doc/text-fragment.ts';
import { checkSignature, newSigningKeys, ReportSignature, signHash } from './signature.ts';
import { termlyReviewHash } from '../reports/termly-review/signed-content.ts';

async function review() {
  const content = new Y.Doc();
  await fillTermlyReview(content, { onTrack: false });
  const comments = new Y.Doc();
  confirmFacts(comments, 'Sam Patel', '2025-12-01T10:00:00.000Z', new Date('2025-12-02T10:00:00Z'));
  setFragmentText(teacherComments(comments), 'This reflects our discussions.');
  return { content, comments };
}

describe('signing a termly review', () => {
  it('hashes the same review the same way on any device, whatever order it was written in', async () => {
    const one = await review();
    const other = { content: new Y.Doc(), comments: new Y.Doc() };
    Y.applyUpdate(other.content, Y.encodeStateAsUpdate(one.content));
    Y.applyUpdate(other.comments, Y.encodeStateAsUpdate(one.comments));
    expect(await termlyReviewHash(other.content, other.comments)).toBe(
      await termlyReviewHash(one.content, one.comments),
    );
    expect(await termlyReviewHash(one.content, one.comments)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives a signature anyone can check with the public key it carries', async () => {
    const { content, comments } = await review();
    const keys = await newSigningKeys();
    expect(keys.privateKey.extractable).toBe(false);
    const hash = await termlyReviewHash(content, comments);
    const signature = await signHash(keys, hash);
    expect(ReportSignature.parse(signature)).toEqual(signature);
    expect(await checkSignature(signature, hash)).toBe('valid');
  });

  it.each([
    ['a form value', (content: Y.Doc) => fields(content).set('daysServed', 70)],
    [
      'the teacher’s comments',
      (_content: Y.Doc, comments: Y.Doc) =>
        setFragmentText(teacherComments(comments), 'This reflects our discussions!'),
    ],
    [
      'the support plan’s bytes (even with its recorded hash left as it was)',
      (content: Y.Doc) => {
        const plan = attachments(content).get(supportPlanSlot)!;
        attachments(content).set(supportPlanSlot, {
          ...plan,
          bytes: new TextEncoder().encode('%PDF-1.4 another plan'),
        });
      },
    ],
  ])('is no longer valid once %s changes', async (_what, change) => {
    const { content, comments } = await review();
    const keys = await newSigningKeys();
    const signature = await signHash(keys, await termlyReviewHash(content, comments));
    change(content, comments);
    expect(await checkSignature(signature, await termlyReviewHash(content, comments))).toBe('changed');
  });

  it('is not genuine when the signature or its key was tampered with', async () => {
    const { content, comments } = await review();
    const hash = await termlyReviewHash(content, comments);
    const signature = await signHash(await newSigningKeys(), hash);
    const someoneElse = await signHash(await newSigningKeys(), hash);
    expect(await checkSignature({ ...signature, publicKey: someoneElse.publicKey }, hash)).toBe('not-genuine');
    const flipped = (signature.signature[0] === 'A' ? 'B' : 'A') + signature.signature.slice(1);
    expect(await checkSignature({ ...signature, signature: flipped }, hash)).toBe('not-genuine');
    expect(await checkSignature({ ...signature, hash: '0'.repeat(64) }, hash)).toBe('valid');
  });
});

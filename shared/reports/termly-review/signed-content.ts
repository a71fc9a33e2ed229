// What a signature on a termly progress review covers: every value of the tutor's form (free text as its plain
// text), the SHA-256 of each attached file's bytes (the file itself, not what its entry claims), and the
// teacher's confirmation and comments. Written as canonical JSON and hashed with SHA-256; a change to any of
// it changes the hash, and so breaks every signature made before. Who signed and when are not part of it.
import type * as Y from 'yjs';
import { attachments } from './attachments.ts';
import { readTeacherPart, readTermlyReview, termlyReviewFormat } from './doc.ts';
import { canonicalJson } from '../../signatures/canonical-json.ts';
import { sha256Hex } from '../../signatures/hash.ts';

/** Version of the signed content's shape: part of what is signed, so a later shape never matches an earlier one. */
export const signedContentVersion = 1;

export async function termlyReviewSignedContent(content: Y.Doc, comments: Y.Doc): Promise<Record<string, unknown>> {
  const { format, formatVersion, createdAt, createdBy, assignment, supportPlan, dueDate, typeLabel, ...values } =
    readTermlyReview(content);
  const files = await Promise.all(
    [...attachments(content).entries()]
      .filter(([, file]) => file && file.bytes instanceof Uint8Array)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(async ([slot, file]) => ({
        slot,
        name: String(file.name),
        type: String(file.type),
        size: file.bytes.byteLength,
        sha256: await sha256Hex(file.bytes),
      })),
  );
  const teacher = readTeacherPart(comments);
  return {
    signedContent: signedContentVersion,
    format: termlyReviewFormat,
    review: values,
    attachments: files,
    teacher: { factsConfirmed: teacher.factsConfirmedBy !== undefined, comments: teacher.comments },
  };
}

/** The SHA-256 (hex) of the review's signed content as it stands. */
export async function termlyReviewHash(content: Y.Doc, comments: Y.Doc): Promise<string> {
  return sha256Hex(canonicalJson(await termlyReviewSignedContent(content, comments)));
}

// Files attached to a report (the support plan of a termly review), kept inside the report's Y.Doc so they
// sync, stay on the device offline and go wherever the report goes. Each lives in the "attachments" map under
// its slot's name as one plain value: name, type, size, SHA-256 and the bytes. The relay takes messages of at
// most 2 MB and a whole report syncs in one message, so a file may be at most 1 MB.
import type * as Y from 'yjs';
import type { AttachmentSummary } from './form.ts';
import { sha256Hex } from '../../signatures/hash.ts';
import { fail, ok, type Result } from '../../result.ts';

export const maxAttachmentBytes = 1024 * 1024;

export interface StoredAttachment extends AttachmentSummary {
  bytes: Uint8Array;
  addedAt: string;
  addedBy: string;
}

export const attachments = (doc: Y.Doc) => doc.getMap<StoredAttachment>('attachments');

/** "1.5 MB", "820 KB", "12 bytes". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} byte${bytes === 1 ? '' : 's'}`;
}

export function readAttachment(doc: Y.Doc, slot: string): StoredAttachment | undefined {
  const value = attachments(doc).get(slot);
  if (!value || typeof value !== 'object' || !(value.bytes instanceof Uint8Array) || typeof value.name !== 'string')
    return undefined;
  return value;
}

export function attachmentSummary(attachment: StoredAttachment | undefined): AttachmentSummary | undefined {
  if (!attachment) return undefined;
  const { name, type, size, sha256 } = attachment;
  return { name, type, size, sha256 };
}

export interface NewFile {
  name: string;
  type: string;
  bytes: Uint8Array;
}

export type AttachResult = Result<StoredAttachment>;

/** Attaches a file in a slot, replacing what was there; a file too large or empty changes nothing. */
export async function attachFile(
  doc: Y.Doc,
  slot: string,
  file: NewFile,
  addedBy: string,
  now = new Date(),
): Promise<AttachResult> {
  const kept = readAttachment(doc, slot)
    ? ` The file attached before, ${readAttachment(doc, slot)!.name}, is kept.`
    : '';
  if (file.bytes.byteLength > maxAttachmentBytes) {
    return fail(
      `“${file.name}” is ${formatBytes(file.bytes.byteLength)}; a file attached to a report can be at most ${formatBytes(maxAttachmentBytes)}. Save a smaller copy (a PDF of the plan, say) and attach that.${kept}`,
    );
  }
  if (file.bytes.byteLength === 0) return fail(`“${file.name}” is empty: choose the file again.${kept}`);
  const attachment: StoredAttachment = {
    name: file.name.slice(0, 200),
    type: file.type || 'application/octet-stream',
    size: file.bytes.byteLength,
    sha256: await sha256Hex(file.bytes),
    bytes: file.bytes,
    addedAt: now.toISOString(),
    addedBy,
  };
  attachments(doc).set(slot, attachment);
  return ok(attachment);
}

export function removeAttachment(doc: Y.Doc, slot: string): void {
  attachments(doc).delete(slot);
}

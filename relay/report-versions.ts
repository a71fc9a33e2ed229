// The report as each workflow decision found it (storage/store.ts, VersionStore), read back for History: the exact
// bytes the decision's content hash was made from, or, for a role that may not see internal fields (a teacher, a
// client), a copy made from them without those fields' text (document-copies.ts).
import * as Y from 'yjs';
import type { ReportVersion } from '../shared/protocol/api.ts';
import { fail, ok, type Result } from '../shared/result.ts';
import { withoutInternalFields } from './document-copies.ts';
import type { VersionStore } from './storage/store.ts';

export async function keptVersion(
  store: VersionStore,
  reportId: string,
  version: number,
  seesInternal: boolean,
): Promise<Result<ReportVersion>> {
  const content = await store.version(reportId, version);
  if (!content)
    return fail(
      `This report has no version ${version}: a version is kept for each decision (submitted, sent back, resubmitted, approved, signed), numbered from 1 as its history lists them.`,
    );
  return ok({
    version,
    internalFields: seesInternal ? 'included' : 'left out',
    update: Buffer.from(seesInternal ? content : withoutInternal(content)).toString('base64'),
  });
}

function withoutInternal(content: Uint8Array): Uint8Array {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, content);
    return withoutInternalFields(doc);
  } finally {
    doc.destroy();
  }
}

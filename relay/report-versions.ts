// The report as each workflow decision found it (storage/store.ts, VersionStore), read back for History: the exact
// bytes the decision's content hash was made from, or, for a role that may not see internal fields (a teacher, a
// client), a copy made from them without those fields' text (document-copies.ts).
import * as Y from 'yjs';
import { readStatus } from '../shared/doc/status-doc.ts';
import { formatMoment } from '../shared/forms/uk-dates.ts';
import { roomName } from '../shared/protocol/rooms.ts';
import type { ReportVersion } from '../shared/protocol/api.ts';
import { fail, ok, type Result } from '../shared/result.ts';
import { withoutInternalFields } from './document-copies.ts';
import type { DocumentStore, VersionStore } from './storage/store.ts';

export async function keptVersion(
  store: VersionStore & DocumentStore,
  reportId: string,
  version: number,
  seesInternal: boolean,
): Promise<Result<ReportVersion>> {
  const content = await store.version(reportId, version);
  if (!content) return fail(await whyNoVersion(store, reportId, version));
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

/**
 * Why there is no version `version`: the report's history has that decision, taken before this relay kept the report
 * as each decision found it (versions began with migration 10), or it has no such decision.
 */
async function whyNoVersion(store: DocumentStore, reportId: string, version: number): Promise<string> {
  const status = new Y.Doc();
  try {
    for (const update of await store.load(roomName(reportId, 'status'))) Y.applyUpdate(status, update);
    const decision = readStatus(status).history[version - 1];
    if (decision)
      return `Version ${version} was not kept: decision ${version} (${formatMoment(decision.at, 'long', 'Europe/London')}) was taken before Margin kept the report as each decision found it, so there is nothing to show for it.`;
  } finally {
    status.destroy();
  }
  return `This report has no version ${version}: a version is kept for each decision (submitted, sent back, resubmitted, approved, signed), numbered from 1 as its history lists them.`;
}

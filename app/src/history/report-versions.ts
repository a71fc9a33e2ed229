// The report as one of its decisions found it: from this device when it was read here before (./kept-versions.ts),
// else from the relay (GET /api/reports/<id>/versions/<n>) with the report's token, then kept here, so History works
// offline for every version read once online. A kept version never changes. What each field said is read from it.
import * as Y from 'yjs';
import { fragmentText, textField } from '../../../shared/doc/index.ts';
import type { FreeTextField } from '../../../shared/forms/fields.ts';
import { RelayApiError, relayApi } from '../sync/relay-api.ts';
import { type InternalFields, versionsDb, versionsHere } from './kept-versions.ts';

/** Whose versions, read with which token, and whether that reader sees the internal fields. */
export interface VersionReader {
  reportId: string;
  token: string;
  seesInternal: boolean;
}

/** A version History cannot show: the relay never kept it, or it is not on this device and the relay is out of reach. */
export class VersionMissing extends Error {
  constructor(
    message: string,
    readonly why: 'not kept' | 'not here',
  ) {
    super(message);
  }
}

export interface VersionSources {
  db: typeof versionsDb;
  fetchVersion: typeof relayApi.version;
}

const sources: VersionSources = { db: versionsDb, fetchVersion: relayApi.version };
/** The versions read in this page, for each place they are read from (one in the app). */
const reads = new WeakMap<VersionSources, Map<string, Promise<Y.Doc>>>();

const internalFieldsOf = (reader: VersionReader): InternalFields => (reader.seesInternal ? 'included' : 'left out');

function docOf(update: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc;
}

async function load(reader: VersionReader, version: number, { db, fetchVersion }: VersionSources): Promise<Y.Doc> {
  const { reportId, token } = reader;
  const internalFields = internalFieldsOf(reader);
  const kept = await db.versions.get([reportId, version, internalFields]);
  if (kept?.update) return docOf(kept.update);
  if (kept?.notKept !== undefined) throw new VersionMissing(kept.notKept, 'not kept');
  let answer: Awaited<ReturnType<typeof fetchVersion>>;
  try {
    answer = await fetchVersion(reportId, token, version);
  } catch (error) {
    if (!(error instanceof RelayApiError)) throw error;
    if (error.status === 404) {
      await db.versions.put({
        reportId,
        version,
        internalFields,
        notKept: error.message,
        keptAt: new Date().toISOString(),
      });
      throw new VersionMissing(error.message, 'not kept');
    }
    if (error.status === 0)
      throw new VersionMissing(
        `Version ${version} is not on this device, and the relay cannot be reached to read it. A version read here once online is kept on this device.`,
        'not here',
      );
    throw error;
  }
  const update = Uint8Array.from(atob(answer.update), (character) => character.charCodeAt(0));
  await db.versions.put({
    reportId,
    version,
    internalFields: answer.internalFields,
    update,
    keptAt: new Date().toISOString(),
  });
  return docOf(update);
}

/** Version `version` of the report (1 for the first decision's), from this device or the relay. */
export function reportVersion(reader: VersionReader, version: number, from = sources): Promise<Y.Doc> {
  const key = `${reader.reportId} ${version} ${internalFieldsOf(reader)}`;
  let read = reads.get(from);
  if (!read) reads.set(from, (read = new Map()));
  let found = read.get(key);
  if (!found) {
    found = load(reader, version, from);
    // A failure (offline, say) is not kept for the page: asking again looks again.
    found.catch(() => read.delete(key));
    read.set(key, found);
  }
  return found;
}

/** What this device holds of the report's versions, for this reader. */
export const versionsOnDevice = (reader: VersionReader, from = sources) =>
  versionsHere(reader.reportId, internalFieldsOf(reader), from.db);

/**
 * Reads into this device, one at a time in the background, every version of the first `count` it does not hold yet,
 * while online; a version that cannot be read now is left for next time.
 */
export async function keepVersions(reader: VersionReader, count: number, from = sources): Promise<void> {
  const here = await versionsOnDevice(reader, from);
  for (let version = 1; version <= count; version++) {
    if (here.has(version)) continue;
    if (typeof navigator !== 'undefined' && !navigator.onLine) return;
    await reportVersion(reader, version, from).catch(() => undefined);
  }
}

/** Each free-text field of a version with its label, as paragraphs. */
export function versionFields(doc: Y.Doc, fields: readonly FreeTextField[]): { label: string; paragraphs: string[] }[] {
  return fields.map((field) => ({
    label: field.label,
    paragraphs: fragmentText(textField(doc, field.key))
      .split('\n')
      .filter((paragraph) => paragraph.trim() !== ''),
  }));
}

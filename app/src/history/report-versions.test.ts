import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fragmentText, setFragmentText, textField } from '../../../shared/doc/index.ts';
import { RelayApiError } from '../sync/relay-api.ts';
import { VersionsDatabase } from './kept-versions.ts';
import {
  keepVersions,
  reportVersion,
  VersionMissing,
  type VersionSources,
  versionsOnDevice,
} from './report-versions.ts';

const notKept =
  'Decision 1 was taken before Margin kept the report as each decision found it, so there is no version 1 to show.';

/** A relay holding versions 2 and 3 of report-1 (version 1 was decided before versions were kept); `up` says if it answers. */
function relay(name: string) {
  const asked: number[] = [];
  const state = { up: true };
  const versionOf = (words: string) => {
    const doc = new Y.Doc();
    setFragmentText(textField(doc, 'progressComment'), words);
    return btoa(String.fromCharCode(...Y.encodeStateAsUpdate(doc)));
  };
  const from: VersionSources = {
    db: new VersionsDatabase(name),
    fetchVersion: async (_reportId, _token, version) => {
      asked.push(version);
      if (!state.up) throw new RelayApiError('The relay cannot be reached.', 0);
      if (version === 1) throw new RelayApiError(notKept, 404);
      return { version, internalFields: 'included', update: versionOf(`Words at version ${version}.`) };
    },
  };
  return { from, asked, state };
}

const reader = { reportId: 'report-1', token: 't', seesInternal: true };
const words = (doc: Y.Doc) => fragmentText(textField(doc, 'progressComment'));

describe('versions kept on this device', () => {
  it('are read from the relay once, then from this device while the relay cannot be reached', async () => {
    const { from, asked, state } = relay('versions-offline');
    await keepVersions(reader, 3, from);
    expect(asked).toEqual([1, 2, 3]);
    expect(await versionsOnDevice(reader, from)).toEqual(
      new Map<number, unknown>([
        [1, { notKept }],
        [2, 'here'],
        [3, 'here'],
      ]),
    );
    state.up = false;
    // A new page (nothing in memory), offline: versions 2 and 3 come from this device, version 4 is not here.
    const page = { ...reader, token: 'another-token' };
    const fresh = { ...from };
    expect(words(await reportVersion(page, 3, fresh))).toBe('Words at version 3.');
    expect(asked).toEqual([1, 2, 3]);
    await expect(reportVersion(page, 4, fresh)).rejects.toMatchObject({ why: 'not here' });
    await expect(reportVersion(page, 4, fresh)).rejects.toThrow(/Version 4 is not on this device/);
    await keepVersions(reader, 3, from);
    expect(asked).toEqual([1, 2, 3, 4, 4]);
  });

  it('remember a version the relay never kept with its reason, and do not ask for it again', async () => {
    const { from, asked } = relay('versions-not-kept');
    const error = await reportVersion(reader, 1, from).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VersionMissing);
    expect(error).toMatchObject({ why: 'not kept', message: notKept });
    await keepVersions(reader, 1, from);
    expect(asked).toEqual([1]);
  });

  it('are kept apart for a reader who does not see the internal fields', async () => {
    const { from } = relay('versions-roles');
    await keepVersions(reader, 3, from);
    expect((await versionsOnDevice({ ...reader, seesInternal: false }, from)).size).toBe(0);
  });
});

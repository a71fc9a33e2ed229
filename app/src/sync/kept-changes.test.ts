import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fields, setFragmentText, textField } from '../../../shared/doc/index.ts';
import { createSessionReportDoc } from '../../../shared/reports/index.ts';
import { changesNotOnRelay, forgetKeptChange, keepRefusedChanges, keptChangesFor } from './kept-changes.ts';

function relayCopy(): Y.Doc {
  const doc = new Y.Doc();
  createSessionReportDoc(
    doc,
    { date: '2030-01-01', start: '13:00', finish: '14:00', subject: 'Maths', learners: [{ id: 'l1', name: 'Ada' }] },
    'Tom',
  );
  setFragmentText(textField(doc, 'progressComment'), 'Submitted text.');
  return doc;
}

function deviceCopyOf(relay: Y.Doc): Y.Doc {
  const device = new Y.Doc();
  Y.applyUpdate(device, Y.encodeStateAsUpdate(relay));
  textField(device, 'progressComment');
  textField(device, 'engagementComment');
  fields(device);
  return device;
}

describe('changes the relay did not take', () => {
  it('are nothing when the device has only what the relay has', () => {
    const relay = relayCopy();
    expect(changesNotOnRelay(deviceCopyOf(relay), relay)).toBeUndefined();
  });

  it('are kept with the fields they touched, and applying them to the relay’s copy gives the device’s', async () => {
    const relay = relayCopy();
    const device = deviceCopyOf(relay);
    setFragmentText(textField(device, 'progressComment'), 'Typed offline after all.');
    setFragmentText(textField(device, 'engagementComment'), 'Keen throughout.');
    fields(device).set('subject', 'Further maths');

    const kept = await keepRefusedChanges(
      'report-1',
      device,
      relay,
      'Changes not added: the report is submitted, so it cannot change now.',
    );
    expect(kept?.fields).toHaveLength(3);
    expect(kept?.fields).toEqual(
      expect.arrayContaining([
        { label: 'Comment on progress towards learning objectives', text: 'Typed offline after all.' },
        { label: 'Engagement comment', text: 'Keen throughout.' },
        { label: 'Subject', text: 'Further maths' },
      ]),
    );
    const stored = await keptChangesFor('report-1');
    expect(stored).toHaveLength(1);
    const restored = new Y.Doc();
    Y.applyUpdate(restored, Y.encodeStateAsUpdate(relay));
    Y.applyUpdate(restored, stored[0].update);
    expect(Y.encodeStateVector(restored)).toEqual(Y.encodeStateVector(device));

    await forgetKeptChange(stored[0].id!);
    expect(await keptChangesFor('report-1')).toEqual([]);
  });

  it('include a deletion made on the device', () => {
    const relay = relayCopy();
    const device = deviceCopyOf(relay);
    textField(device, 'progressComment').delete(0, 1);
    expect(changesNotOnRelay(device, relay)).toBeInstanceOf(Uint8Array);
  });
});

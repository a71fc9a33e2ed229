import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fragmentText, setFragmentText, textField } from '../shared/doc/index.ts';
import { createSessionReportDoc } from '../shared/reports/index.ts';
import { internalFields, withoutInternalFields, wouldChange } from './document-copies.ts';

function report(): Y.Doc {
  const doc = new Y.Doc();
  createSessionReportDoc(
    doc,
    { date: '2030-01-01', start: '13:00', finish: '14:00', subject: 'Maths', learners: [{ id: 'l1', name: 'Ada' }] },
    'Grace',
  );
  setFragmentText(textField(doc, 'progressComment'), 'Added fractions.');
  setFragmentText(textField(doc, 'agencyComment'), 'Parent asked about invoices.\nSecond line.');
  return doc;
}

const contains = (bytes: Uint8Array, text: string) => Buffer.from(bytes).includes(Buffer.from(text));

describe('a copy without internal fields', () => {
  it('names the comment to the agency as internal', () => {
    expect(internalFields).toEqual(['agencyComment']);
  });

  it('has every other field but not one byte of the internal text', () => {
    const doc = report();
    const copyBytes = withoutInternalFields(doc);
    expect(contains(Y.encodeStateAsUpdate(doc), 'Parent asked')).toBe(true);
    expect(contains(copyBytes, 'Parent asked')).toBe(false);
    expect(contains(copyBytes, 'Second line')).toBe(false);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, copyBytes);
    expect(fragmentText(textField(copy, 'progressComment'))).toBe('Added fractions.');
    expect(fragmentText(textField(copy, 'agencyComment'))).toBe('');
    expect(copy.getMap('fields').get('subject')).toBe('Maths');
  });

  it('agrees with copies made later, so a device that has one takes the next without doubling text', () => {
    const doc = report();
    const reader = new Y.Doc();
    Y.applyUpdate(reader, withoutInternalFields(doc));
    setFragmentText(textField(doc, 'progressComment'), 'Added fractions and decimals.');
    setFragmentText(textField(doc, 'agencyComment'), 'Changed note.');
    Y.applyUpdate(reader, Y.diffUpdate(withoutInternalFields(doc), Y.encodeStateVector(reader)));
    expect(fragmentText(textField(reader, 'progressComment'))).toBe('Added fractions and decimals.');
    expect(fragmentText(textField(reader, 'agencyComment'))).toBe('');
  });
});

describe('whether an update would change a document', () => {
  it('is true for new items and for deletions not yet made, false for what the document has', () => {
    const doc = report();
    const device = new Y.Doc();
    Y.applyUpdate(device, Y.encodeStateAsUpdate(doc));
    expect(wouldChange(doc, Y.encodeStateAsUpdate(device, Y.encodeStateVector(doc)))).toBe(false);

    const updates: Uint8Array[] = [];
    device.on('update', (update: Uint8Array) => updates.push(update));
    setFragmentText(textField(device, 'progressComment'), 'Typed offline.');
    expect(wouldChange(doc, Y.mergeUpdates(updates))).toBe(true);
    expect(wouldChange(doc, Y.encodeStateAsUpdate(device, Y.encodeStateVector(doc)))).toBe(true);

    const deletion: Uint8Array[] = [];
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    other.on('update', (update: Uint8Array) => deletion.push(update));
    textField(other, 'agencyComment').delete(0, 1);
    expect(wouldChange(doc, deletion[0])).toBe(true);
    Y.applyUpdate(doc, deletion[0]);
    expect(wouldChange(doc, deletion[0])).toBe(false);
  });
});
